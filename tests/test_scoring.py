"""Tests for the eval scoring module (rules of article-schema.md, "Scoring" + "Edge cases")."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from summarizer.evals import scoring

ENGLISH_SUMMARY = (
    "A delegation of health officials from Jiamusi, China, visited hospitals and rehabilitation "
    "centres in Komsomolsk-na-Amure. Vice-Governor Olga Zhuravleva and chief physician "
    "Tamara Belozerskaya accompanied the guests."
)

GOLD: dict[str, Any] = {
    "id": "000_test",
    "source": "articles/000_test.txt",
    "expected": {
        "language": "ru",
        "headline": "Jiamusi health officials visit Komsomolsk-na-Amure",
        "summary": ENGLISH_SUMMARY,
        "event_types": ["delegation_visit"],
        "event_date": None,
        "countries": ["RU", "CN"],
        "locations": [
            {"name": "Komsomolsk-na-Amure", "country": "RU"},
            {"name": "Jiamusi", "country": "CN"},
        ],
        "people": [
            {"name": "Olga Zhuravleva", "role": "Vice-Governor"},
            {"name": "Tamara Belozerskaya", "role": "Chief Physician of the Regional Hospital"},
            {"name": "Gennady Ostapenko", "role": "Governor"},
        ],
        "organizations": [
            {
                "name": "Komsomolsk-na-Amure City Administration",
                "kind": "government",
                "country": "RU",
            }
        ],
        "medical_fields": ["medical_tourism", "rehabilitation"],
        "agreements": [],
        "figures": [],
    },
    "aliases": {
        "people": {"Olga Zhuravleva": ["Yuliya Zhuravlyova"]},
        "organizations": {},
        "locations": {},
    },
    "key_facts": [
        "Health officials from Jiamusi visited Komsomolsk-na-Amure",
        "Vice-Governor Olga Zhuravleva accompanied the Chinese guests",
        "The guests toured hospitals and rehabilitation centres",
    ],
    "notes": "hand-made test gold",
}


def perfect_prediction(gold: dict[str, Any] = GOLD) -> dict[str, Any]:
    """The gold ``expected`` block, as a model would return it."""
    return copy.deepcopy(gold["expected"])


def empty_prediction() -> dict[str, Any]:
    """A valid but empty answer (language given as an empty string)."""
    return {**scoring.empty_prediction(), "language": ""}


def with_expected(**changes: Any) -> dict[str, Any]:
    """GOLD with some ``expected`` keys replaced."""
    gold = copy.deepcopy(GOLD)
    gold["expected"].update(changes)
    return gold


# --- perfect / failed / empty ------------------------------------------------------------


def test_fields_constant_is_spec_order() -> None:
    assert scoring.FIELDS == (
        "language",
        "event_date",
        "countries",
        "event_types",
        "medical_fields",
        "people",
        "organizations",
        "locations",
        "agreements",
        "figures",
        "summary",
    )


def test_perfect_prediction_scores_one_everywhere() -> None:
    result = scoring.score_article(GOLD, perfect_prediction())
    assert not result.failed
    assert result.article_id == "000_test"
    assert result.language == "ru"
    assert result.fields == dict.fromkeys(scoring.FIELDS, 1.0)
    assert result.overall == 1.0
    assert result.extras["summary_is_english"] == 1.0
    assert result.extras["summary_key_fact_coverage"] == 1.0
    assert result.extras["summary_chrf"] == pytest.approx(1.0)
    assert result.extras["agreements_count_error"] == 0.0
    assert result.extras["grounding_rate"] is None  # no evidence predicted
    json.dumps(result.details)  # diagnostics must be JSON-serializable


def test_failed_article_scores_zero_and_stays_in_means() -> None:
    failed = scoring.score_article(GOLD, None)
    assert failed.failed
    assert failed.fields == dict.fromkeys(scoring.FIELDS, 0.0)
    assert failed.overall == 0.0
    assert failed.extras["summary_is_english"] == 0.0

    perfect = scoring.score_article(GOLD, perfect_prediction())
    agg = scoring.aggregate([perfect, failed])
    assert agg["n_articles"] == 2
    assert agg["n_failed"] == 1
    assert agg["overall"] == pytest.approx(0.5)
    assert agg["fields"] == {f: pytest.approx(0.5) for f in scoring.FIELDS}
    assert agg["per_language"]["ru"]["n_failed"] == 1
    json.dumps(agg)


def test_empty_valid_answer_is_scored_as_given() -> None:
    result = scoring.score_article(GOLD, empty_prediction())
    assert not result.failed
    # gold event_date is null, gold agreements and figures are empty -> 1.0; all else 0.0
    expected = dict.fromkeys(scoring.FIELDS, 0.0)
    expected.update(event_date=1.0, agreements=1.0, figures=1.0)
    assert result.fields == expected
    assert result.overall == pytest.approx(3 / 11)


def test_missing_keys_read_as_empty() -> None:
    assert (
        scoring.score_article(GOLD, {}).fields
        == scoring.score_article(GOLD, empty_prediction()).fields
    )


# --- set fields ---------------------------------------------------------------------------


def test_partial_set_field_precision_recall_f1() -> None:
    pred = perfect_prediction()
    pred["countries"] = ["ru", "KZ", "US"]  # codes compared case-insensitively
    result = scoring.score_article(GOLD, pred)
    details = result.details["countries"]
    assert details["precision"] == pytest.approx(1 / 3)
    assert details["recall"] == pytest.approx(1 / 2)
    assert result.fields["countries"] == pytest.approx(0.4)
    assert details["missed"] == ["cn"]
    assert sorted(details["spurious"]) == ["kz", "us"]


def test_duplicate_predictions_are_deduped() -> None:
    pred = perfect_prediction()
    pred["countries"] = ["RU", "ru", "RU ", "KZ"]
    result = scoring.score_article(GOLD, pred)
    assert result.details["countries"]["precision"] == pytest.approx(1 / 2)
    assert result.fields["countries"] == pytest.approx(0.5)

    pred = perfect_prediction()
    pred["people"] = pred["people"] + [{"name": "OLGA  ZHURAVLEVA", "role": "x"}]
    assert scoring.score_article(GOLD, pred).fields["people"] == 1.0


def test_list_field_empty_sides() -> None:
    gold = with_expected(event_types=[])
    pred = perfect_prediction(gold)
    assert scoring.score_article(gold, pred).fields["event_types"] == 1.0
    pred["event_types"] = ["other"]
    assert scoring.score_article(gold, pred).fields["event_types"] == 0.0
    pred = perfect_prediction()
    pred["event_types"] = []
    assert scoring.score_article(GOLD, pred).fields["event_types"] == 0.0


# --- names --------------------------------------------------------------------------------


def test_normalize_name_folds_case_diacritics_punctuation() -> None:
    assert scoring.normalize_name("  Đặng  Bảo-Châu ") == "dang bao chau"
    assert scoring.normalize_name("Lu'an") == "luan"
    assert scoring.normalize_name("KOMSOMOLSK-NA-AMURE") == "komsomolsk na amure"
    assert scoring.normalize_name("Hòa Sơn") == "hoa son"


def test_alias_transliteration_variant_counts() -> None:
    pred = perfect_prediction()
    pred["people"] = [
        {"name": "Julia Zhuravleva"},  # not an alias, 0.84 similar to the gold name: no match
        {"name": "Tamara Belozerskaya"},
        {"name": "Gennady Ostapenko"},
    ]
    assert scoring.score_article(GOLD, pred).fields["people"] == pytest.approx(2 / 3)

    pred["people"][0] = {"name": "Yuliya Zhuravlyova"}  # alias of "Olga Zhuravleva"
    result = scoring.score_article(GOLD, pred)
    assert result.fields["people"] == 1.0
    pair = next(p for p in result.details["people"]["matched"] if p["gold"] == "Olga Zhuravleva")
    assert pair["matched_form"] == "Yuliya Zhuravlyova"


@pytest.mark.parametrize(
    ("predicted_name", "matches"),
    [
        ("Olga Zhuravleva", True),
        ("olga zhuravlëva", True),  # case and diacritics folded
        ("Zhuravleva Olga", True),  # token order ignored (token_sort_ratio)
        ("Olya Zhuravlova", True),  # 2 substitutions: 0.867 >= 0.85
        ("Alya Zhuravlova", False),  # 3 substitutions: 0.8 < 0.85
    ],
)
def test_fuzzy_name_threshold(predicted_name: str, matches: bool) -> None:
    pred = perfect_prediction()
    pred["people"] = [{"name": predicted_name}]
    details = scoring.score_article(GOLD, pred).details["people"]
    assert (len(details["matched"]) == 1) is matches
    # one match out of 3 gold people: P = 1, R = 1/3, F1 = 0.5
    assert scoring.score_article(GOLD, pred).fields["people"] == pytest.approx(
        0.5 if matches else 0.0
    )


def test_name_matching_is_one_to_one_best_first() -> None:
    gold = with_expected(people=[{"name": "Olga Zhuravleva"}, {"name": "Olga Zhuravlova"}])
    gold["aliases"] = {}
    pred = perfect_prediction(gold)
    pred["people"] = [{"name": "Olga Zhuravlova"}, {"name": "Olga Zhuravleva"}]
    result = scoring.score_article(gold, pred)
    assert result.fields["people"] == 1.0
    assert {(p["predicted"], p["gold"]) for p in result.details["people"]["matched"]} == {
        ("Olga Zhuravlova", "Olga Zhuravlova"),
        ("Olga Zhuravleva", "Olga Zhuravleva"),
    }
    pred["people"] = [{"name": "Olga Zhuravleva"}]  # can match only one gold person
    assert scoring.score_article(gold, pred).fields["people"] == pytest.approx(2 / 3)


# --- summary ------------------------------------------------------------------------------


def always_true(summary: str, facts: list[str]) -> list[bool]:
    return [True] * len(facts)


@pytest.mark.parametrize(
    "summary",
    [
        "Делегация здравоохранения города Цзямусы посетила больницы Комсомольска-на-Амуре.",
        "Қарағанды облысының дәрігерлері Қытай делегациясын қабылдады.",
        "Giam doc benh vien tinh Hoa Son da tiep doan dai bieu cua thanh pho Giai Moc Tu va tham "
        "phong kham.",
        "Giám đốc bệnh viện tỉnh Hòa Sơn đã tiếp đoàn đại biểu của thành phố Giai Mộc Tư.",
    ],
)
def test_non_english_summary_scores_zero_even_if_it_covers_facts(summary: str) -> None:
    assert not scoring.is_english(summary)
    pred = perfect_prediction()
    pred["summary"] = summary
    result = scoring.score_article(GOLD, pred, judge=always_true)
    assert result.fields["summary"] == 0.0
    assert result.extras["summary_key_fact_coverage"] == 1.0  # the judge said all covered
    assert result.extras["summary_is_english"] == 0.0


def test_english_summary_with_judge() -> None:
    pred = perfect_prediction()
    pred["summary"] = "Chinese health officials visited a hospital in Smolensk."

    def half(summary: str, facts: list[str]) -> list[bool]:
        return [i == 0 for i in range(len(facts))]

    result = scoring.score_article(GOLD, pred, judge=half)
    assert result.fields["summary"] == pytest.approx(1 / 3)
    assert result.details["summary"]["missed_facts"] == GOLD["key_facts"][1:]
    assert result.extras["summary_chrf"] is not None
    assert 0.0 < result.extras["summary_chrf"] < 1.0


def test_judge_with_wrong_number_of_verdicts_is_an_error() -> None:
    with pytest.raises(ValueError, match="verdicts"):
        scoring.score_article(GOLD, perfect_prediction(), judge=lambda s, f: [True])


def test_chrf_is_none_without_reference() -> None:
    gold = with_expected()
    del gold["expected"]["summary"]
    result = scoring.score_article(gold, perfect_prediction())
    assert result.extras["summary_chrf"] is None
    assert result.fields["summary"] == 1.0  # chrF never enters the field score


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH_SUMMARY,
        "Vietnamese provincial health director Trần Thị Bích Ngọc received a delegation from "
        "Russia's Tver Regional Rehabilitation Institute in Kon Tum to discuss physiotherapy.",
        "Kazakh doctors performed 120 surgeries at the Termez clinic over five days.",
        "Governor Gennady Ostapenko met Li Zhenguo, head of the Lu'an health commission, in "
        "Smolensk on October 14, 2019.",
    ],
)
def test_is_english_accepts_english_prose_with_foreign_names(text: str) -> None:
    assert scoring.is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        # Latin script, no English function words (transliterated Russian)
        "Gubernator Smolenskoy oblasti vstretilsya s kitayskoy delegatsiyey v Komsomolske",
        # English function words, but mostly Cyrillic letters
        "The губернатор края встретился with the делегацией из Цзямусы",
        # English words sprinkled into de-accented Vietnamese
        "The Giam doc benh vien va doan dai bieu cua tinh Hoa Son met in Kon Tum with the "
        "thu tuong",
    ],
)
def test_is_english_each_criterion_rejects(text: str) -> None:
    assert not scoring.is_english(text)


@pytest.mark.parametrize("text", ["", "   ", "12345 -- 2024"])
def test_is_english_rejects_text_without_words(text: str) -> None:
    assert not scoring.is_english(text)


def test_lexical_key_fact_coverage() -> None:
    coverage, verdicts = scoring.key_fact_coverage(
        "Armenia and Russia signed eighteen memoranda worth 5,670,000,000 USD in Yerevan.",
        [
            "About 18 memoranda were signed",  # number word vs digits, memoranda stemmed
            "The agreements are worth USD 5.67 billion",  # 3/4 content words, number equal
            "14 memoranda were signed",  # wrong number: not conveyed
            "Đặng Bảo Châu chaired the meeting",  # nothing in the summary
        ],
    )
    assert verdicts == [True, True, False, False]
    assert coverage == pytest.approx(0.5)


def test_lexical_matcher_requires_every_number_in_digits_or_words() -> None:
    summary = "Tver and Vologda regions signed an agreement on cardiology in 2019."
    _, verdicts = scoring.key_fact_coverage(
        summary,
        [
            "The two regions signed a cardiology agreement",  # "two" is an ordinary word
            "The 2 regions signed a cardiology agreement in 2019",  # "2" must appear
            "Tver and Vologda signed a cardiology agreement in 2019",
        ],
    )
    assert verdicts == [False, False, True]


def test_lexical_matcher_folds_accents_in_names() -> None:
    _, verdicts = scoring.key_fact_coverage(
        "Minister Dang Bao Chau received the delegation.", ["Đặng Bảo Châu received the delegation"]
    )
    assert verdicts == [True]


def test_lexical_matcher_threshold_is_sixty_percent_of_content_words() -> None:
    # fact content words: jiamusi, official, visit, smolensk, hospital -> 3 of 5 = 0.6
    _, verdicts = scoring.key_fact_coverage(
        "Jiamusi officials visited Tver.", ["Jiamusi officials visited Smolensk hospitals"]
    )
    assert verdicts == [True]
    # jiamusi, official, visit, hospital -> 2 of 4 present = 0.5 (not conveyed)
    _, verdicts = scoring.key_fact_coverage(
        "Jiamusi officials arrived.", ["Jiamusi officials visited hospitals"]
    )
    assert verdicts == [False]


def test_lexical_matcher_rejects_a_fact_whose_number_the_summary_contradicts() -> None:
    summary = "Officials from Lanzhou and Omsk signed five memoranda on cardiology."
    _, verdicts = scoring.key_fact_coverage(
        summary, ["Lanzhou and Omsk officials signed seven memoranda on cardiology"]
    )
    assert verdicts == [False]


def test_agreements_f1_on_kind_and_count_error() -> None:
    gold = with_expected(
        agreements=[
            {"kind": "memorandum", "parties": ["A", "B"], "subject": "oncology", "count": 18},
            {"kind": "agreement", "parties": ["A", "B"], "subject": "training", "count": 1},
        ]
    )
    pred = perfect_prediction(gold)
    pred["agreements"] = [
        {"kind": "memorandum", "parties": ["A"], "subject": "cancer care", "count": 14},
        {"kind": "memorandum", "parties": ["B"], "subject": "rehabilitation"},  # count -> 1
        {"kind": "contract", "parties": ["C"], "subject": "equipment", "count": 1},
    ]
    result = scoring.score_article(gold, pred)
    details = result.details["agreements"]
    assert details["precision"] == pytest.approx(1 / 3)
    assert details["recall"] == pytest.approx(1 / 2)
    assert result.fields["agreements"] == pytest.approx(0.4)
    assert result.extras["agreements_count_error"] == 3.0  # |(14 + 1 + 1) - (18 + 1)|


def test_agreements_multiset_matching() -> None:
    gold = with_expected(agreements=[{"kind": "memorandum"}, {"kind": "memorandum"}])
    pred = perfect_prediction(gold)
    pred["agreements"] = [{"kind": "memorandum", "subject": "a"}]
    result = scoring.score_article(gold, pred)
    assert result.fields["agreements"] == pytest.approx(2 / 3)
    assert result.extras["agreements_count_error"] == 1.0


@pytest.mark.parametrize(
    ("gold_value", "predicted_value", "matches"),
    [
        (1_000_000, 1_004_000, True),  # 0.4% off
        (1_000_000, 996_000, True),  # -0.4%
        (1_000_000, 1_006_000, False),  # 0.6% off
        (1_000_000, 994_000, False),  # -0.6%
        (5_670_000_000, 5_670_000_000.0, True),
        (0, 0, True),
        (0, 1e-9, False),  # gold 0 needs exactly 0
    ],
)
def test_figures_relative_tolerance(
    gold_value: float, predicted_value: float, matches: bool
) -> None:
    gold = with_expected(figures=[{"value": gold_value, "unit": "USD", "description": "x"}])
    pred = perfect_prediction(gold)
    pred["figures"] = [{"value": predicted_value, "unit": "USD", "description": "y"}]
    assert scoring.score_article(gold, pred).fields["figures"] == (1.0 if matches else 0.0)


def test_figures_one_to_one() -> None:
    gold = with_expected(figures=[{"value": 100, "unit": "beds"}])
    pred = perfect_prediction(gold)
    pred["figures"] = [{"value": 100, "unit": "beds"}, {"value": 100.2, "unit": "doctors"}]
    result = scoring.score_article(gold, pred)
    assert result.fields["figures"] == pytest.approx(2 / 3)
    assert result.details["figures"]["matched"][0]["predicted"] == 100.0


@pytest.mark.parametrize(
    ("gold_date", "predicted_date", "score"),
    [
        ("2024-03", "2024-03", 1.0),
        ("2024-03", "2024-03-15", 0.0),  # more precise than the article: wrong
        ("2024-03-15", "2024-03", 0.0),  # less precise: wrong
        ("2024-03-15", "--03-15", 0.0),
        ("--03-15", "2024-03-15", 0.0),  # invented year
        ("2024", "2024", 1.0),
        (None, None, 1.0),
        (None, "2024", 0.0),
        ("2024", None, 0.0),
    ],
)
def test_event_date_exact(gold_date: str | None, predicted_date: str | None, score: float) -> None:
    gold = with_expected(event_date=gold_date)
    pred = perfect_prediction(gold)
    pred["event_date"] = predicted_date
    assert scoring.score_article(gold, pred).fields["event_date"] == score


def test_language_exact() -> None:
    pred = perfect_prediction()
    pred["language"] = "kk"
    assert scoring.score_article(GOLD, pred).fields["language"] == 0.0


# --- grounding ----------------------------------------------------------------------------


SOURCE = "Гостей принимали вице-губернатор Ольга Журавлева и четыре клиники города."


def test_grounding_rate_is_measured_by_the_scorer_not_read_from_flags() -> None:
    pred = perfect_prediction()
    pred["people"] = [
        # the library's flags say the opposite of the truth: the scorer must not care
        {
            "name": "Olga Zhuravleva",
            "evidence": "вице-губернатор Ольга Журавлева",
            "grounded": False,
        },
        {"name": "Tamara Belozerskaya", "evidence": "Тамара Белозерская", "grounded": True},
        {"name": "Gennady Ostapenko", "evidence": "ВИЦЕ-ГУБЕРНАТОР  ОЛЬГА ЖУРАВЛЕВА"},  # folded
    ]
    pred["figures"] = [{"value": 4, "unit": "x", "evidence": "четыре клиники", "start": 0}]
    pred["organizations"] = [
        {"name": "No quote", "kind": "other"},  # a returned item without a quote: not located
        {"name": "One letter", "kind": "other", "evidence": "и"},  # too short to locate
    ]
    pred["grounding"] = {
        "dropped_items": [
            {"field": "people", "name": "Ghost", "evidence": "невыдуманная цитата"},
            {"field": "figures", "value": 4, "evidence": "четыре клиники города"},
        ]
    }
    result = scoring.score_article(GOLD, pred, source=SOURCE)
    assert result.extras["grounding_rate"] == pytest.approx(3 / 6)
    assert result.extras["grounding_rate_proposed"] == pytest.approx(4 / 8)
    assert result.details["grounding"]["not_located"] == ["Тамара Белозерская", "", "и"]


def test_grounding_rate_is_unknown_without_source_or_evidence() -> None:
    pred = perfect_prediction()
    pred["people"] = [{"name": "Olga Zhuravleva", "evidence": "Ольга Журавлева", "grounded": True}]
    assert scoring.score_article(GOLD, pred).extras["grounding_rate"] is None
    assert (
        scoring.score_article(GOLD, empty_prediction(), source=SOURCE).extras["grounding_rate"]
        is None
    )


# --- aggregate ----------------------------------------------------------------------------


def test_aggregate_per_language_grouping() -> None:
    vi_gold = copy.deepcopy(GOLD)
    vi_gold["id"] = "004_test"
    vi_gold["expected"]["language"] = "vi"

    ru_perfect = scoring.score_article(GOLD, perfect_prediction())
    ru_failed = scoring.score_article(GOLD, None)
    vi_empty = scoring.score_article(vi_gold, empty_prediction())
    pred = perfect_prediction(vi_gold)
    pred["people"] = [
        {"name": "Olga Zhuravleva", "evidence": "Ольга Журавлева", "grounded": True},
        {"name": "Tamara Belozerskaya", "evidence": "Тамара Белозерская", "grounded": False},
    ]  # people: P = 1, R = 2/3 -> F1 = 0.8; everything else 1.0
    pred["organizations"][0]["evidence"] = "Ольга"  # located, like the first person
    vi_partial = scoring.score_article(vi_gold, pred, source="Ольга Журавлева")
    assert vi_partial.overall == pytest.approx(10.8 / 11)

    agg = scoring.aggregate([ru_perfect, ru_failed, vi_empty, vi_partial])
    json.dumps(agg)
    assert agg["n_articles"] == 4
    assert agg["n_failed"] == 1
    assert agg["overall"] == pytest.approx((1 + 0 + 3 / 11 + 10.8 / 11) / 4)
    assert agg["fields"]["people"] == pytest.approx((1 + 0 + 0 + 0.8) / 4)
    assert agg["fields"]["event_date"] == pytest.approx((1 + 0 + 1 + 1) / 4)

    ru = agg["per_language"]["ru"]
    assert (ru["n"], ru["n_failed"]) == (2, 1)
    assert ru["overall"] == pytest.approx(0.5)
    assert ru["fields"]["summary"] == pytest.approx(0.5)

    vi = agg["per_language"]["vi"]
    assert (vi["n"], vi["n_failed"]) == (2, 0)
    assert vi["overall"] == pytest.approx((3 / 11 + 10.8 / 11) / 2)
    assert vi["fields"]["people"] == pytest.approx(0.4)
    assert vi["fields"]["agreements"] == 1.0

    # extras: averaged only where not None, with the count
    assert agg["extras"]["grounding_rate"] == {"mean": pytest.approx(2 / 3), "n": 1}
    assert agg["extras"]["summary_is_english"]["n"] == 4
    assert agg["extras"]["summary_is_english"]["mean"] == pytest.approx(0.5)


def test_aggregate_of_nothing() -> None:
    agg = scoring.aggregate([])
    assert agg["n_articles"] == 0
    assert agg["overall"] is None
    assert agg["per_language"] == {}


def test_lexical_matcher_reads_chained_scale_words_and_exact_decimals() -> None:
    summary = "The hospital treated three hundred thousand patients and 12,345.67 tests."
    _, verdicts = scoring.key_fact_coverage(
        summary,
        [
            "300,000 patients were treated",
            "300 patients were treated",  # the summary says 300,000, not 300
            "12345.67 tests",
            "12345.7 tests",  # a different number, even if close
        ],
    )
    assert verdicts == [True, False, True, False]


def test_lexical_matcher_stems_plurals_gerunds_and_possessives_alike() -> None:
    summary = "Officials held meetings at the regional children's hospital on trainings."
    _, verdicts = scoring.key_fact_coverage(
        summary, ["A meeting at the Regional Children Hospital about training"]
    )
    assert verdicts == [True]
