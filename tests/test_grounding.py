from summarizer.grounding import locate, mentions_name
from summarizer.postprocess import draft_to_summary, guard_event_date
from summarizer.textfold import MatchText

SOURCE = (
    "Гостей из Китая сопровождали вице-мэр Елена Федорова и директор департамента "
    "социальной политики Эльвира Юркова. «Мы рады» — сказала она 12 сентября.\n"
    "Подписано около 30 меморандумов."
)


def test_exact_quote_gets_offsets():
    span = locate("вице-мэр Елена Федорова", SOURCE)
    assert span.match == "exact"
    assert SOURCE[span.start : span.end] == "вице-мэр Елена Федорова"


def test_normalized_quote_survives_case_quotes_dashes_whitespace_and_yo():
    span = locate('"мы  рады" - Сказала', SOURCE)
    assert span.match == "normalized"
    assert SOURCE[span.start : span.end] == "«Мы рады» — сказала"
    span = locate("Елена Фёдорова", SOURCE)
    assert span.grounded and SOURCE[span.start : span.end] == "Елена Федорова"


def test_fuzzy_quote_with_small_difference():
    span = locate("директор департамента социальной политик Эльвира Юркова", SOURCE)
    assert span.match == "fuzzy"
    assert "Эльвира Юркова" in SOURCE[span.start : span.end]


def test_invented_or_stitched_quotes_are_not_grounded():
    assert not locate("Фото: ТАСС", SOURCE).grounded
    assert not locate("вице-мэр Елена Федорова подписала 30 меморандумов", SOURCE).grounded
    assert not locate("", SOURCE).grounded
    assert not locate("Ел", SOURCE).grounded


def test_normalized_text_maps_back_to_source_offsets():
    norm = MatchText("A  «B»\n\nC")
    assert norm.text == 'a "b" c'
    start, end = norm.to_source(2, 5)
    assert "A  «B»\n\nC"[start:end] == "«B»"


def test_person_evidence_must_mention_the_person():
    assert mentions_name("вице-мэр Елена Федорова", "Elena Fedorova")
    assert mentions_name("вице-мэром Еленой Федоровой", "Elena Fedorova")
    assert not mentions_name("Подписано около 30 меморандумов", "Elena Fedorova")


def test_draft_to_summary_drops_ungrounded_by_default_and_flags_on_request():
    draft = {
        "headline": "h",
        "summary": "s",
        "event_types": ["delegation_visit", "delegation_visit"],
        "event_date": None,
        "countries": ["CN", "RU", "CN"],
        "locations": [],
        "people": [
            {"name": "Elena Fedorova", "role": "vice-mayor", "evidence": "вице-мэр Елена Федорова"},
            {"name": "Ivan Petrov", "role": "minister", "evidence": "министр Иван Петров"},
        ],
        "organizations": [],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
    }
    summary = draft_to_summary(draft, SOURCE)
    assert [p.name for p in summary.people] == ["Elena Fedorova"]
    assert summary.people[0].grounded and summary.people[0].start == SOURCE.index("вице-мэр")
    assert summary.grounding.dropped == 1 and summary.grounding.located == 1
    assert summary.event_types == ["delegation_visit"]
    assert summary.countries == ["CN", "RU"]
    assert summary.language == "ru"
    flagged = draft_to_summary(draft, SOURCE, keep_ungrounded=True)
    assert [p.grounded for p in flagged.people] == [True, False]
    assert flagged.grounding.flagged == 1 and flagged.grounding.dropped == 0


def test_year_not_in_article_is_never_kept():
    assert guard_event_date("2024-09-12", SOURCE)[0] == "--09-12"
    assert guard_event_date("2024-09", SOURCE)[0] is None
    assert guard_event_date("2021-08-28", "Калуга, 28 августа, 2021")[0] == "2021-08-28"
    assert guard_event_date("2021-08-28", "Фото 28.08.21")[0] == "2021-08-28"
    assert guard_event_date("--09-12", SOURCE)[0] == "--09-12"


def test_invented_day_drops_the_date():
    assert guard_event_date("--03-15", SOURCE)[0] is None
    assert guard_event_date("2024-03-15", SOURCE)[0] is None


def test_figure_must_be_a_number_its_quote_states():
    from summarizer.postprocess import figure_matches_evidence

    assert figure_matches_evidence(3_420_000_000, "3,42 млрд долларов")
    assert figure_matches_evidence(30, "около 30 меморандумов")
    assert figure_matches_evidence(1500, "1 500 коек")
    assert figure_matches_evidence(4, "четырех делегаций")
    assert not figure_matches_evidence(1, "гостям из Поднебесной")
    assert not figure_matches_evidence(25, "около 30 меморандумов")


def test_misfiled_entities_are_removed_with_a_reason():
    source = (
        "Делегация провинции Бинзыонг посетила больницу Walkrun, где её встретил советник "
        "Kim Jin Bae. Санаторий «Аралия»."
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
        "locations": [{"name": "Binh Duong", "country": "VN"}],
        "people": [
            {"name": "Walkrun Hospital", "role": "", "evidence": "больницу Walkrun"},
            {"name": "Kim Jin Bae", "role": "adviser", "evidence": "советник Kim Jin Bae"},
        ],
        "organizations": [
            {
                "name": "Walkrun Hospital",
                "kind": "hospital",
                "country": "KR",
                "evidence": "больницу Walkrun",
            },
            {
                "name": "Walkrun Clinic",
                "kind": "clinic_or_center",
                "country": "KR",
                "evidence": "больницу Walkrun",
            },
            {
                "name": "Vietnam",
                "kind": "government",
                "country": "VN",
                "evidence": "Делегация провинции",
            },
            {"name": "Kim Jin Bae", "kind": "other", "country": "KR", "evidence": "Kim Jin Bae"},
        ],
    }
    summary = draft_to_summary(draft, source)
    assert [o.name for o in summary.organizations] == ["Walkrun Hospital"]
    assert [p.name for p in summary.people] == ["Kim Jin Bae"]  # a person stays a person
    reasons = sorted(d["match"] for d in summary.grounding.dropped_items)
    assert reasons == ["a-person", "a-place", "not-a-person", "same-quote"]


def test_short_acronym_counts_only_verbatim():
    assert locate("IEC", "Trung tâm IEC Hàn Quốc").match == "exact"
    assert not locate("iec", "Trung tâm IEC Hàn Quốc").grounded
    assert not locate("АО", "АО «Синегорские»").grounded
