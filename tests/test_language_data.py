"""The language data files (summarizer/languages/<code>/<topic>.json): their shape, and that
the stages read them. Every behaviour test runs on invented text and takes its cue word
from the data file where it can, so a word removed from a file is a failing test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import languages
from summarizer.schemas.article import EventType, MedicalField, OrganizationKind
from summarizer.stages import (
    agreements,
    dates,
    entities,
    entities_kk,
    entities_ru,
    entities_vi,
    figures,
    places,
    topics,
    transliterate,
)

ROOT = Path(languages.__file__).parent
DATA_FILES = sorted(ROOT.glob("*/*.json"))
LANGUAGE_FOLDERS = sorted(p for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))

# The keys each topic's file may hold (``_about`` aside), and those a language's file must hold.
ALLOWED = {
    "direction": {
        "guest_before",
        "host_before",
        "place_nouns",
        "guest_after",
        "guest_suffixes",
        "host_suffixes",
        "stop_suffixes",
        "phrase_words",
        "phrase_heads",
        "adjective_suffixes",
        "return_words",
    },
    "org_names": {
        "heads",
        "several_word_name_heads",
        "ordinals",
        "two_word_titles",
        "whole_heads",
        "modifiers",
        "geo_adjectives",
        "owned_heads",
        "home_owners",
        "minister_titles",
        "plural_endings",
        "fields",
        "field_adjectives",
        "legal_forms",
        "named_after",
        "number_signs",
        "number_words",
        "state_words",
        "levels",
        "numbered_levels",
        "leading_modifiers",
        "of_heads",
        "in_words",
        "field_heads",
        "of_field_heads",
        "abbreviations",
        "nationalities",
        "skip",
        "genitive_endings",
        "locative_endings",
        "adverbial_endings",
        "brand_heads",
        "titles",
        "whole_titles",
        "title_prefixes",
        "finder_heads",
        "national_heads",
        "place_nouns",
        "deputy_titles",
        "to_host_titles",
        "owner_heads",
        "postpositive_prefixes",
        "title_qualifiers",
    },
    "topics": {
        "event_nouns",
        "mission_acts",
        "training_nouns",
        "whole_words",
        "health_anchors",
        "not_health_words",
        "medical_fields",
        "event_types",
        "background",
        "reading_order",
        "official_labels",
        "cyrillic_fallback",
        "cyrillic_languages",
        "letter_variants",
    },
    "international_organizations": {"organizations"},
    "units": {
        "scale_endings",
        "approximators",
        "scales",
        "currencies",
        "currency_symbols",
        "currency_country_words",
        "percent_words",
        "unit_nouns",
        "unit_phrases",
        "not_units",
        "words_before_no_figure",
        "ordinal_suffixes",
        "rank_words",
        "ago_words",
        "range_words",
        "dot_decimal_languages",
        "scale_characters",
        "currency_characters",
        "approximator_characters",
        "measure_characters",
        "count_nouns",
    },
    "numbers": {
        "spelled_numbers",
        "lemma_prefixes",
        "spelled_endings",
        "spelled_scales",
        "parties",
    },
    "letters": {"letters", "vowels", "softened", "latin_letters"},
    "people": {
        "vowel_case_endings",
        "middle_names",
        "credit_words",
        "reporter_words",
        "conjunctions",
        "titles",
        "title_stems",
        "name_particles",
        "surname_endings",
        "case_endings",
        "not_names",
        "genitive_lookalikes",
        "family_names",
        "places_not_names",
        "place_units",
        "eponym_words",
        "place_markers",
        "title_prefixes",
        "role_enders",
        "honorifics",
        "not_title_phrases",
        "stop_abbreviations",
        "instrumental_name_endings",
        "patronymic_endings",
        "apostrophe_suffixes",
        "name_breaks",
        "title_links",
        "transliteration_characters",
        "numerals",
        "institution_endings",
    },
    "organizations": {
        "ministry_heads",
        "event_names",
        "body_heads",
        "levels",
        "national_words",
        "mission_heads",
        "media_heads",
        "stationed_words",
        "unstated_owner",
        "country_abbreviations",
        "hospital_heads",
        "ordinals",
        "friendship_heads",
        "located_kinds",
        "outlet_heads",
        "quoted_name_heads",
        "not_head_rests",
        "name_conjunctions",
        "leading_words",
        "outlet_words",
        "source_words",
        "head_words",
        "adjective_endings",
        "health_ministry",
        "health_ministries",
        "home_bodies",
        "pair_words",
        "region_words",
        "report_verbs",
        "name_words",
        "locative_endings",
        "stop_words",
        "name_phrases",
        "countries",
        "ministries",
        "departments",
        "outlet_abbreviations",
        "one_word_names",
        "name_heads",
        "name_connectors",
        "press_service_words",
        "host_heads",
        "plural_endings",
        "legal_forms",
        "owner_endings",
        "titles_before_heads",
        "city_abbreviations",
        "seated_heads",
        "lowercase_heads",
    },
    "places": {
        "cldr_variants",
        "bare_level_languages",
        "bare_levels",
        "place_prepositions",
        "abbreviation_marks",
        "foreign_region_words",
        "city_territories",
        "compass_regions",
        "international",
        "country_names",
        "adjective_endings",
        "region_words",
        "region_heads",
        "region_qualifiers",
        "country_endings",
        "voiceless_datives",
        "birth_words",
        "document_words",
        "currency_words",
        "region_plural_endings",
        "region_possessive_endings",
        "city_names",
        "not_places",
        "region_adjectives",
        "ocean_words",
        "seat_words",
        "exonyms",
        "person_words_before",
        "compound_words",
        "region_words_before",
        "country_marks",
        "city_words",
        "provinces",
        "renamed_city_countries",
    },
    "titles": {"english_titles", "name_fields", "domain_fields"},
    "palladius": {"initials", "palatal", "finals", "zero_initial", "surnames"},
    "abbreviations": {"expand", "heads"},
    "agreements": {
        "documents",
        "signing",
        "planned_before",
        "planned_signing",
        "count_words",
        "name_joiners",
        "topics",
    },
    "dates": {
        "stamp_labels",
        "latin_month_endings",
        "dispatch_words",
        "occasion_before",
        "range_words",
        "ordinal_suffixes",
        "year_words",
        "bare_year_words",
        "year_words_before",
        "day_cues",
        "background_before",
        "background_after",
        "background_year_words",
        "plan_words",
        "future_words",
        "done_words",
        "comparison_words",
        "month_name_languages",
        "year_first_languages",
        "month_name_scripts",
        "signed_participles",
        "earlier_before",
        "bound_before",
        "bound_after",
        "today_words",
        "today_report_words",
        "count_words_after",
        "event_names",
    },
}
REQUIRED = {
    "topics": {"whole_words", "medical_fields", "event_types", "background"},
    "numbers": {"spelled_numbers"},
    "letters": {"letters", "vowels"},
}


def _data(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# -- shape ------------------------------------------------------------------------------------


def test_there_are_data_files_in_language_folders():
    assert {p.name for p in LANGUAGE_FOLDERS} >= {"ru", "kk", "vi", "en"}
    assert len(DATA_FILES) > 20


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_file_parses_and_says_what_it_holds(path: Path):
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    assert next(iter(data)) == "_about", "the first key says what the file holds"
    assert isinstance(data["_about"], str) and len(data["_about"]) > 40
    # Written as the issue asks: readable (no \\u escapes), two-space indent.
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_file_has_the_expected_keys(path: Path):
    keys = set(_data(path)) - {"_about"}
    assert path.stem in ALLOWED, f"unknown topic {path.stem}"
    assert keys, "a data file holds at least one table"
    assert keys <= ALLOWED[path.stem], keys - ALLOWED[path.stem]
    if not path.parent.name.startswith("_") and keys != {"latin_letters"}:
        # a Latin-script language's letters table holds its English spellings alone
        assert keys >= REQUIRED.get(path.stem, set())


def test_labels_used_as_keys_are_values_of_the_schema_enums():
    fields = {m.value for m in MedicalField}
    events = {m.value for m in EventType}
    kinds = {m.value for m in OrganizationKind}
    for path in ROOT.glob("*/topics.json"):
        data = _data(path)
        assert set(data.get("medical_fields", {})) <= fields, path
        assert set(data.get("event_types", {})) <= events, path
    for path in ROOT.glob("*/organizations.json"):
        assert set(_data(path).get("head_words", {})) <= kinds, path


def test_folders_are_language_codes():
    for folder in LANGUAGE_FOLDERS:
        assert len(folder.name) == 2 and folder.name.isalpha() and folder.name.islower()


def test_the_loader_reads_a_file_and_is_empty_for_a_missing_one():
    assert languages.load("ru", "topics")["whole_words"] is False
    assert languages.load("xx", "topics") == {}
    assert "ru" in languages.languages_with("topics")
    assert languages.words("dates", "day_cues", ["vi"]) == languages.load("vi", "dates")["day_cues"]


# -- topics.json ------------------------------------------------------------------------------


def _cue_text(entry: str) -> str:
    """Invented text for a cue: its words, then a word of its context when it needs one."""
    entry = entry.partition("!")[0]  # what must not be in the sentence is left out
    cue, _, context = (part.strip() for part in entry.partition("&"))
    words = cue.replace("=", "")
    return f"{words} {context.split('|')[0].replace('=', '')}" if context else words


def _topic_cues(key: str) -> list[tuple[str, str, str]]:
    return [
        (code, label, entries[0])
        for code in languages.languages_with("topics")
        for label, entries in languages.load(code, "topics")[key].items()
    ]


@pytest.mark.parametrize(("code", "label", "entry"), _topic_cues("medical_fields"))
def test_a_field_cue_of_the_data_file_triggers_its_label(code: str, label: str, entry: str):
    # a medical field needs the article to name health care: the language's first anchor
    anchor = languages.load(code, "topics")["health_anchors"][0]
    found = topics.find_medical_fields(f"{_cue_text(entry)} {anchor}.", code)
    assert label in {f.label for f in found}


@pytest.mark.parametrize(("code", "label", "entry"), _topic_cues("event_types"))
def test_an_event_cue_of_the_data_file_in_the_lead_triggers_its_label(
    code: str, label: str, entry: str
):
    found = topics.find_event_types(f"{_cue_text(entry)}.", code)
    assert label in {f.label for f in found}


@pytest.mark.parametrize("code", languages.languages_with("topics"))
def test_a_background_word_of_the_data_file_silences_event_cues(code: str):
    data = languages.load(code, "topics")
    background = data["background"][0]
    cue = _cue_text(data["event_types"]["conference_or_forum"][0])
    found = topics.find_event_types(f"{background} {cue}.", code)
    assert [f.label for f in found] == ["other"]


def test_a_cyrillic_language_without_a_lexicon_reads_the_fallback_lexicons():
    assert "tg" in languages.load("_common", "topics")["cyrillic_languages"]
    found = topics.find_medical_fields("Кардиологҳо ва онкологҳо омаданд.", "tg")
    assert {"cardiology", "oncology"} <= {f.label for f in found}


def test_a_cyrillic_language_with_a_lexicon_reads_it_and_the_fallback_ones():
    assert "ky" in languages.load("_common", "topics")["cyrillic_languages"]
    assert "ky" in languages.languages_with("topics")
    found = topics.find_medical_fields("Онкологдор ооруканада жүрөк ооруларын карашты.", "ky")
    assert {"cardiology", "oncology"} <= {f.label for f in found}  # Kyrgyz and Russian cues
    assert topics.find_medical_fields("Омск менен Томск соода боюнча сүйлөштү.", "ky") == []


def test_vietnamese_cues_are_whole_words():
    assert languages.load("vi", "topics")["whole_words"] is True
    # "tim" (heart) is a cue; "tìm" (to look for) is another word.
    assert topics.find_medical_fields("Bác sĩ tìm kiếm đối tác.", "vi")[0].label == "other"
    assert topics.find_medical_fields("Bác sĩ khám tim cho trẻ.", "vi")[0].label == "cardiology"


# -- units.json and numbers.json --------------------------------------------------------------


def _figures(text: str, language: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures.find_figures(text, language)]


def test_scale_and_currency_words():
    assert languages.load("ru", "units")["scales"]["млн"] == 6  # a power of ten
    assert "доллар" in languages.load("ru", "units")["currencies"]["USD"]
    assert _figures("Фонд выделил 2,5 млн долларов.", "ru") == [(2.5e6, "USD")]


def test_currency_symbols():
    assert languages.load("_common", "units")["currency_symbols"]["€"] == "EUR"
    assert _figures("The grant is €40 for each visit.", "en") == [(40.0, "EUR")]


def test_a_country_word_before_a_currency_is_read_through():
    assert "ақш" in languages.load("kk", "units")["currency_country_words"]
    assert _figures("Жобаға 3 млн АҚШ доллары бөлінді.", "kk") == [(3e6, "USD")]


def test_percent_words():
    assert "процент" in languages.load("ru", "units")["percent_words"]
    assert _figures("Число визитов выросло на 12 процентов.", "ru") == [(12.0, "percent")]


def test_unit_nouns():
    assert "науқас" in languages.load("kk", "units")["unit_nouns"]["patients"]
    assert _figures("Дәрігерлер 37 науқасты қабылдады.", "kk") == [(37.0, "patients")]
    assert _figures("Врачи приняли 37 пациентов.", "ru") == [(37.0, "patients")]


def test_vietnamese_unit_phrases_keep_their_tones():
    assert languages.load("vi", "units")["unit_phrases"]["patients"][0] == "bệnh nhân"
    assert _figures("Đoàn đã khám cho 37 bệnh nhân.", "vi") == [(37.0, "patients")]


def test_words_that_are_not_units():
    assert "часов" in languages.load("ru", "units")["not_units"]
    assert _figures("Приём длился 7 часов подряд.", "ru") == []


def test_words_before_a_number_that_is_no_figure():
    assert "номер" in languages.load("ru", "units")["words_before_no_figure"]
    assert _figures("Клиника номер 7 открылась.", "ru") == []


def test_ordinal_suffixes():
    assert "ші" in languages.load("kk", "units")["ordinal_suffixes"]
    assert _figures("Бұл 5-ші орталық.", "kk") == []


def test_range_words():
    assert "до" in languages.load("ru", "units")["range_words"]
    assert (5.0, "doctors") not in _figures("Приедут от 5 до 9 врачей.", "ru")


def test_dot_decimal_languages():
    assert "en" in languages.load("_common", "units")["dot_decimal_languages"]
    assert _figures("They spent 1.5 million dollars.", "en") == [(1.5e6, "USD")]
    assert _figures("Потратили 1,5 млн долларов.", "ru") == [(1.5e6, "USD")]


def test_chinese_scale_and_currency_characters():
    assert languages.load("zh", "units")["scale_characters"]["亿"] == 8  # a power of ten
    assert languages.load("zh", "units")["currency_characters"]["元"] == "CNY"
    # Read right after a number in digits ("3亿元"): 3 * 10^8 yuan.
    reading = figures._cjk_reading("3亿元", figures._Number(0, 1, 3.0, spelled=False))
    assert reading is not None and (reading.value, reading.unit) == (3e8, "CNY")


def test_spelled_numbers_need_a_unit_noun():
    assert languages.load("en", "numbers")["spelled_numbers"]["eight"] == 8
    assert _figures("Eight doctors came.", "en") == [(8.0, "doctors")]
    assert _figures("Eight of them came.", "en") == []


def test_russian_spelled_numbers_are_looked_up_by_lemma():
    assert "пят" in languages.load("ru", "numbers")["lemma_prefixes"]
    assert _figures("Работали с пятью врачами.", "ru") == [(5.0, "doctors")]


# -- dates.json -------------------------------------------------------------------------------


def _dates(text: str, language: str | None) -> list[str]:
    return [d.value for d in dates.find_dates(text, language)]


def test_month_name_languages():
    assert "kk" in languages.load("_common", "dates")["month_name_languages"]
    assert _dates("Кездесу 9 шілдеде өтті.", "kk") == ["--07-09"]


def test_range_words_and_ordinal_suffixes_of_days():
    assert "по" in languages.load("ru", "dates")["range_words"]
    assert "го" in languages.load("ru", "dates")["ordinal_suffixes"]
    assert _dates("Форум прошёл с 4 по 6 мая 2023 года.", "ru") == ["2023-05-04"]
    assert _dates("Встреча 17-го июля.", "ru") == ["--07-17"]


def test_year_words_belong_to_the_date():
    assert "года" in languages.load("ru", "dates")["year_words"]
    found = dates.find_dates("Встреча 17 июля 2024 года прошла.", "ru")
    assert found[0].span.text == "17 июля 2024 года"


def test_bare_year_words_and_words_before_a_year():
    assert "году" in languages.load("ru", "dates")["bare_year_words"]
    assert "năm" in languages.load("vi", "dates")["year_words_before"]
    assert _dates("В 2019 году открыли центр.", "ru") == ["2019"]
    assert _dates("Trung tâm mở năm 2019.", "vi") == ["2019"]
    assert _dates("Открыли 2019 центров.", "ru") == []


def test_day_cues():
    assert "ngày" in languages.load("vi", "dates")["day_cues"]
    assert _dates("Hội nghị diễn ra ngày 17/7.", "vi") == ["--07-17"]
    assert _dates("Bệnh viện 30-4 mở cửa.", "vi") == []


def test_background_words_around_a_year():
    assert r"\bс" in languages.load("ru", "dates")["background_before"]
    assert "бері" in languages.load("kk", "dates")["background_after"]
    assert "жылдан" in languages.load("kk", "dates")["background_year_words"]
    event = dates.find_event_date("Центр работает с 2011 года. В 2019 году его расширили.", "ru")
    assert event is not None and event.value == "2019"
    assert dates.find_event_date("Орталық 2015 жылдан бері жұмыс істейді.", "kk") is None


# -- agreements.json --------------------------------------------------------------------------


def _signed(text: str) -> list[tuple[str, int]]:
    return [(a.kind, a.count) for a in agreements.find_agreements(text, None)]


def test_document_and_signing_words():
    assert r"меморандум\w*" in languages.load("ru", "agreements")["documents"]["memorandum"]
    assert any("ký" in word for word in languages.load("vi", "agreements")["signing"])
    assert _signed("Стороны подписали меморандум.") == [("memorandum", 1)]
    assert _signed("Hai bên đã ký kết hợp đồng.") == [("contract", 1)]


def test_planned_signings_are_not_signed():
    assert r"планиру\w*" in languages.load("ru", "agreements")["planned_before"]
    assert languages.load("kk", "agreements")["planned_signing"]
    assert _signed("Стороны планируют подписать соглашение.") == []
    assert _signed("Тараптар келісімге қол қояды.") == []


def test_count_words():
    assert languages.load("ru", "agreements")["count_words"]["три"] == 3
    assert _signed("Стороны подписали три соглашения.") == [("agreement", 3)]


def test_name_joiners():
    assert "of" in languages.load("en", "agreements")["name_joiners"]
    assert _signed("They signed a memorandum of agreement.") == [("memorandum", 1)]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Соглашение о сотрудничестве Омск и Тула подписали вчера.", "cooperation"),
        ("Тараптар ынтымақтастық туралы меморандумға қол қойды.", "cooperation"),
        ("Bệnh viện Kon Tum ký thỏa thuận hợp tác với Bến Tre.", "cooperation"),
        ("Omsk and Tula signed a partnership agreement.", "partnership"),
        ("Омск и Тула подписали соглашение.", ""),
    ],
)
def test_a_documents_topic_is_read_beside_it(text: str, topic: str) -> None:
    assert "cooperation" in languages.load("kk", "agreements")["topics"]
    (found,) = agreements.find_agreements(text, None)
    assert found.topic == topic


# -- people.json and organizations.json -------------------------------------------------------


def test_credit_words():
    assert "сурет" in languages.load("kk", "people")["credit_words"]
    assert entities.find_people("Кездесу өтті.\nСурет: Айгерім Сапарова\n", "kk") == []


def test_conjunctions_start_a_new_title():
    assert "және" in languages.load("kk", "people")["conjunctions"]
    text = "министр Арман Тілеуов және елші Бекжан Ақұлов"
    start = text.index("Бекжан")
    _, role = entities.role_before(text, start, entities_kk._is_title)
    assert role == "елші"


def test_russian_titles_and_head_words():
    assert "губернатор" in languages.load("ru", "people")["titles"]
    assert entities_ru._is_title("губернатора")
    assert "больница" in languages.load("ru", "organizations")["head_words"]["hospital"]
    assert entities_ru._kind(["областная", "больница"]) == "hospital"


def test_russian_outlet_abbreviations_and_one_word_names():
    organizations = languages.load("ru", "organizations")
    assert "ИА" in organizations["outlet_abbreviations"]
    assert "минздрав" in organizations["one_word_names"]
    assert entities_ru._ONE_WORD_NAMES == set(organizations["one_word_names"])


def test_russian_report_verbs_and_outlet_words():
    assert "сообщает" in languages.load("ru", "organizations")["report_verbs"]
    assert "агентство" in languages.load("ru", "organizations")["outlet_words"]
    found = entities.find_media(
        "Врачи приехали, сообщает агентство Vestnik.", entities_ru._REPORT_VERBS
    )
    assert [(f.source_name, f.kind) for f in found] == [("Vestnik", "media")]


def test_source_words():
    assert "источник" in languages.load("ru", "organizations")["source_words"]
    found = entities.find_media("Текст.\nИсточник: Vestnik\n", "сообщает")
    assert [f.source_name for f in found] == ["Vestnik"]


def test_kazakh_title_stems_surname_and_case_endings():
    assert "әкім" in languages.load("kk", "people")["title_stems"]
    assert "ов" in languages.load("kk", "people")["surname_endings"]
    assert "тің" in languages.load("kk", "people")["case_endings"]
    people = entities.find_people("Аудан әкімі Дәурен Сейітовтің қатысуымен жиын өтті.", "kk")
    assert [(p.name, p.role_text) for p in people] == [("Dauren Seyitov", "Аудан әкімі")]


def test_not_names_and_genitive_lookalikes():
    assert "республика" in languages.load("kk", "people")["not_names"]
    assert "тин" in languages.load("ky", "people")["genitive_lookalikes"]
    assert not entities_kk._name_like(entities_kk._Token("Республикасы", 0, 12))
    assert entities_kk._surname_base("Токтогулдуктинин") is None


def test_kazakh_head_words_name_words_and_endings():
    heads = languages.load("kk", "organizations")["head_words"]
    assert heads["hospital"]["аурухана"] == "ауруханасы"
    assert "облыстық" in languages.load("kk", "organizations")["name_words"]
    orgs = entities.find_organizations("Дәрігерлер Тасқала облыстық ауруханасында болды.", "kk")
    assert [(o.source_name, o.kind) for o in orgs] == [("Тасқала облыстық ауруханасы", "hospital")]


def test_locative_endings_take_the_place_before():
    assert "дағы" in languages.load("kk", "organizations")["locative_endings"]
    text = "Делегация Жаңатау ауданындағы орталық ауруханасына барды."
    orgs = entities.find_organizations(text, "kk")
    assert [o.source_name for o in orgs] == ["Жаңатау ауданындағы орталық ауруханасы"]


def test_kazakh_ministry_words_and_report_verbs():
    assert languages.load("kk", "organizations")["health_ministry"]
    assert "хабарлайды" in languages.load("kk", "organizations")["report_verbs"]
    orgs = entities.find_organizations(
        "Қазақстан Денсаулық сақтау министрлігі жиын өткізді, деп хабарлайды Example.kz.", "kk"
    )
    assert orgs[0].english == "Ministry of Health of Kazakhstan"  # the country opening it
    assert ("Example.kz", "media") in [(o.source_name, o.kind) for o in orgs]


def test_vietnamese_family_names_titles_and_title_prefixes():
    assert "Khúc" in languages.load("vi", "people")["family_names"]
    assert "Thứ" in languages.load("vi", "people")["title_prefixes"]
    people = entities.find_people("Thứ trưởng Khúc Văn Khải phát biểu.", "vi")
    assert [(p.name, p.role_text) for p in people] == [("Khuc Van Khai", "Thứ trưởng")]


def test_vietnamese_role_enders():
    assert "cùng" in languages.load("vi", "people")["role_enders"]
    after_name = ", Giám đốc bệnh viện cùng đoàn công tác"
    assert entities_vi._role_after(after_name, 0) == "Giám đốc bệnh viện"


def test_vietnamese_places_are_not_people():
    assert "đồng nai" in languages.load("vi", "people")["places_not_names"]
    assert "tỉnh" in languages.load("vi", "people")["place_markers"]
    assert entities.find_people("Đoàn đến Đồng Nai và tỉnh Lê Lợi.", "vi") == []


def test_vietnamese_head_words_stop_words_and_english_names():
    from summarizer.stages.org_names import compose

    organizations = languages.load("vi", "organizations")
    assert "Bộ" in organizations["head_words"]["government"]
    assert "và" in organizations["stop_words"]
    assert organizations["countries"]["cuba"] == "Cuba"
    assert organizations["ministries"]["y tế"] == "Ministry of Health"
    assert organizations["departments"]["y tế"] == "Department of Health"
    assert compose("Sở Y tế", "vi") == "Department of Health"
    orgs = entities.find_organizations("Bộ Y tế Cuba và Bệnh viện Hoà Bình ký kết.", "vi")
    assert [(o.source_name, o.kind, o.english) for o in orgs] == [
        ("Bộ Y tế Cuba", "government", "Ministry of Health of Cuba"),
        ("Bệnh viện Hoà Bình", "hospital", "Hoa Binh Hospital"),
    ]


def test_vietnamese_report_verbs():
    assert "theo" in languages.load("vi", "organizations")["report_verbs"]
    orgs = entities_vi.find_organizations("Đoàn đã đến, theo Example.vn.")
    assert [(o.source_name, o.kind) for o in orgs] == [("Example.vn", "media")]


# -- letters.json -----------------------------------------------------------------------------


def test_letters_vowels_and_softened_letters():
    assert languages.load("ru", "letters")["softened"]["е"] == "ye"
    assert languages.load("kk", "letters")["letters"]["ә"] == "a"
    assert transliterate.to_latin("Елена Маева") == "Yelena Mayeva"
    assert transliterate.to_latin("Әсел Құлова") == "Asel Kulova"


# -- places.json ------------------------------------------------------------------------------


def _countries(text: str, language: str) -> list[str]:
    return [c.code for c in places.find_places(text, language).countries]


def test_country_names_beyond_cldr():
    assert "американ" in languages.load("ru", "places")["country_names"]["US"]
    assert "АҚШ" in languages.load("kk", "places")["country_names"]["US"]
    assert _countries("Американские врачи и американские студенты приехали.", "ru") == ["US"]
    assert _countries("АҚШ дәрігерлері келді.", "kk") == ["US"]


def test_region_words_name_a_region():
    assert languages.load("kk", "places")["region_words"]["облыс"] == "Region"
    assert languages.load("ru", "places")["region_heads"]["область"] == "Region"
    assert languages.load("ru", "places")["region_qualifiers"]["сельский"] == "Rural"
    assert places._region_label(places._Token(0, 7, "облысы", "облысы")) == "Region"


def test_an_article_that_never_names_health_care_gets_no_medical_field():
    from summarizer.stages.topics import find_medical_fields, mentions_health

    trade = (
        "Делегация области подписала соглашение об образовании и инвестициях "
        "в строительство новых дорог и научные исследования."
    )
    assert not mentions_health(trade, "ru") and find_medical_fields(trade, "ru") == []
    clinic = "Делегация посетила областную больницу и подписала соглашение об образовании."
    assert mentions_health(clinic, "ru") and find_medical_fields(clinic, "ru")
    assert mentions_health("Any text at all.", "xx")  # no anchors: nothing to judge by


def test_a_word_that_only_holds_a_health_anchor_does_not_make_an_article_about_health():
    from summarizer.stages.topics import find_medical_fields, mentions_health

    energy = (
        "Губернатор поздравил энергетиков и обсудил вопросы привлечения инвестиций "
        "в строительство электростанции в Омске."
    )
    assert not mentions_health(energy, "ru") and find_medical_fields(energy, "ru") == []
    # an anchor inside a compound still counts ("нейрохирургов" holds "хирург")
    assert mentions_health("В Томск приехали нейрохирурги из Тулы.", "ru")
    assert not mentions_health("Trade surged after the tax treatment changed.", "en")
    assert mentions_health("Surgeons from Perm arrived.", "en")
    assert not mentions_health("Đoàn khám phá văn hóa tỉnh Kon Tum.", "vi")
    assert mentions_health("Đoàn khám phá Kon Tum và khám bệnh cho người dân.", "vi")
