from summarizer.grounding import locate, mentions_name
from summarizer.postprocess import draft_to_summary, guard_event_date
from summarizer.textfold import MatchText

SOURCE = (
    "Гостей из Еревана встречали вице-губернатор Ольга Журавлева и главный врач краевой "
    "больницы Тамара Белозерская. «Мы рады» — сказала она 12 сентября.\n"
    "Подписано около 40 соглашений."
)


def test_exact_quote_gets_offsets():
    span = locate("вице-губернатор Ольга Журавлева", SOURCE)
    assert span.match == "exact"
    assert SOURCE[span.start : span.end] == "вице-губернатор Ольга Журавлева"


def test_normalized_quote_survives_case_quotes_dashes_whitespace_and_yo():
    span = locate('"мы  рады" - Сказала', SOURCE)
    assert span.match == "normalized"
    assert SOURCE[span.start : span.end] == "«Мы рады» — сказала"
    span = locate("Ольга Журавлёва", SOURCE)
    assert span.grounded and SOURCE[span.start : span.end] == "Ольга Журавлева"


def test_fuzzy_quote_with_small_difference():
    span = locate("главный врач краевой больниц Тамара Белозерская", SOURCE)
    assert span.match == "fuzzy"
    assert "Тамара Белозерская" in SOURCE[span.start : span.end]


def test_invented_or_stitched_quotes_are_not_grounded():
    assert not locate("Фото: ТАСС", SOURCE).grounded
    assert not locate("вице-губернатор Ольга Журавлева подписала 40 соглашений", SOURCE).grounded
    assert not locate("", SOURCE).grounded
    assert not locate("Ол", SOURCE).grounded


def test_normalized_text_maps_back_to_source_offsets():
    norm = MatchText("A  «B»\n\nC")
    assert norm.text == 'a "b" c'
    start, end = norm.to_source(2, 5)
    assert "A  «B»\n\nC"[start:end] == "«B»"


def test_person_evidence_must_mention_the_person():
    assert mentions_name("вице-губернатор Ольга Журавлева", "Olga Zhuravleva")
    assert mentions_name("вице-губернатором Ольгой Журавлевой", "Olga Zhuravleva")
    assert not mentions_name("Подписано около 40 соглашений", "Olga Zhuravleva")


def test_draft_to_summary_drops_ungrounded_by_default_and_flags_on_request():
    draft = {
        "headline": "h",
        "summary": "s",
        "event_types": ["delegation_visit", "delegation_visit"],
        "event_date": None,
        "countries": ["AM", "RU", "AM"],
        "locations": [],
        "people": [
            {
                "name": "Olga Zhuravleva",
                "role": "vice-governor",
                "evidence": "вице-губернатор Ольга Журавлева",
            },
            {"name": "Ivan Petrov", "role": "minister", "evidence": "министр Иван Петров"},
        ],
        "organizations": [],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
    }
    summary = draft_to_summary(draft, SOURCE)
    assert [p.name for p in summary.people] == ["Olga Zhuravleva"]
    assert summary.people[0].grounded and summary.people[0].start == SOURCE.index("вице-губернатор")
    assert summary.grounding.dropped == 1 and summary.grounding.located == 1
    assert summary.event_types == ["delegation_visit"]
    assert summary.countries == ["AM", "RU"]
    assert summary.language == "ru"
    flagged = draft_to_summary(draft, SOURCE, keep_ungrounded=True)
    assert [p.grounded for p in flagged.people] == [True, False]
    assert flagged.grounding.flagged == 1 and flagged.grounding.dropped == 0


def test_year_not_in_article_is_never_kept():
    assert guard_event_date("2024-09-12", SOURCE)[0] == "--09-12"
    assert guard_event_date("2024-09", SOURCE)[0] is None
    assert guard_event_date("2019-10-14", "Тверь, 14 октября, 2019")[0] == "2019-10-14"
    assert guard_event_date("2019-10-14", "Фото 14.10.19")[0] == "2019-10-14"
    assert guard_event_date("--09-12", SOURCE)[0] == "--09-12"


def test_invented_day_drops_the_date():
    assert guard_event_date("--03-15", SOURCE)[0] is None
    assert guard_event_date("2024-03-15", SOURCE)[0] is None


def test_figure_must_be_a_number_its_quote_states():
    from summarizer.postprocess import figure_matches_evidence

    assert figure_matches_evidence(5_670_000_000, "5,67 млрд долларов")
    assert figure_matches_evidence(40, "около 40 соглашений")
    assert figure_matches_evidence(1700, "1 700 коек")
    assert figure_matches_evidence(7, "семи делегаций")
    assert not figure_matches_evidence(1, "гостям из соседней страны")
    assert not figure_matches_evidence(45, "около 40 соглашений")


def test_misfiled_entities_are_removed_with_a_reason():
    source = (
        "Делегация провинции Хоашон посетила больницу Brightwell, где её встретил советник "
        "Choi Min Seok. Санаторий «Кедровый ключ»."
    )
    draft = {
        "headline": "h",
        "summary": "s",
        "event_types": [],
        "event_date": None,
        "countries": ["VN"],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
        "locations": [{"name": "Hoa Son", "country": "VN"}],
        "people": [
            {"name": "Brightwell Hospital", "role": "", "evidence": "больницу Brightwell"},
            {"name": "Choi Min Seok", "role": "adviser", "evidence": "советник Choi Min Seok"},
        ],
        "organizations": [
            {
                "name": "Brightwell Hospital",
                "kind": "hospital",
                "country": "KR",
                "evidence": "больницу Brightwell",
            },
            {
                "name": "Brightwell Clinic",
                "kind": "clinic_or_center",
                "country": "KR",
                "evidence": "больницу Brightwell",
            },
            {
                "name": "Vietnam",
                "kind": "government",
                "country": "VN",
                "evidence": "Делегация провинции",
            },
            {
                "name": "Choi Min Seok",
                "kind": "other",
                "country": "KR",
                "evidence": "Choi Min Seok",
            },
        ],
    }
    summary = draft_to_summary(draft, source)
    assert [o.name for o in summary.organizations] == ["Brightwell Hospital"]
    assert [p.name for p in summary.people] == ["Choi Min Seok"]  # a person stays a person
    reasons = sorted(d["match"] for d in summary.grounding.dropped_items)
    assert reasons == ["a-person", "a-place", "not-a-person", "same-quote"]


def test_short_acronym_counts_only_verbatim():
    assert locate("KDC", "Phòng khám KDC Hàn Quốc").match == "exact"
    assert not locate("kdc", "Phòng khám KDC Hàn Quốc").grounded
    assert not locate("АО", "АО «Кедровый ключ»").grounded
