"""The figures stage on invented sentences: numbers with units, and what is not a figure."""

import pytest

from summarizer.stages.figures import FigureFinding, find_figures


def _values(text: str, language: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in find_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Инвестиции составят 1,75 млрд долларов.", "ru", [(1_750_000_000, "USD")]),
        ("Врачи приняли 5,6 тыс. пациентов.", "ru", [(5_600, "patients")]),
        ("Больница на 300 коек открылась.", "ru", [(300, "beds")]),
        ("Соглашение заключено на пять лет.", "ru", [(5, "years")]),
        ("Фонд передал больнице 1,5 млн гривен.", "ru", [(1_500_000, "UAH")]),
        ("Хирурги провели 40 сложных плановых операций.", "ru", [(40, "surgeries")]),
        ("Врачи побывали в шести медицинских учреждениях.", "ru", [(6, "institutions")]),
        ("Гости прочли 8 лекций.", "ru", [(8, "lectures")]),
        ("Помощь составила 3 тыс. грн.", "ru", [(3_000, "UAH")]),
        ("Ауруханада 250 төсек бар, құны 3 млрд теңге.", "kk", [(250, "beds"), (3e9, "KZT")]),
        ("Бригада екі күн жұмыс істеді.", "kk", [(2, "days")]),
        ("Bệnh viện có 1.300 giường bệnh và 350 tỷ đồng.", "vi", [(1300, "beds"), (35e10, "VND")]),
        ("Khoảng 430 người tham gia.", "vi", [(430, "people")]),
        ("The fund gave $1.5 million to 3 hospitals.", "en", [(1.5e6, "USD"), (3, "hospitals")]),
        ("A team of nine visiting surgeons arrived.", "en", [(9, "doctors")]),
        ("The share grew by 15% this spring.", "en", [(15, "percent")]),
        ("They handed over 64 ventilators.", "en", [(64, "items")]),
    ],
)
def test_numbers_with_units_are_read(text, language, expected):
    assert _values(text, language) == [(float(v), u) for v, u in expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("17 июля 2025 года делегация прибыла в город.", "ru"),
        ("В 2024 году клиника начала работу.", "ru"),
        ("Встреча в 10:30, справки по тел. +7 727 555 01 02.", "ru"),
        ("Сайт https://example.kz/2024/5 и штамм COVID-19.", "ru"),
        ("Это 8th visit and the 5-ші кездесу.", "en"),
        ("Рост составил 15%-25% в год.", "ru"),
        ("Ngày 29 và 30-10, năm 2024, lần thứ 31.", "vi"),
        ("Hai nước Việt Nam và Campuchia hợp tác.", "vi"),
        ("Екі елдің азаматтарына көмек көрсетілді.", "kk"),
        ("Both nations sent one week of aid.", "en"),
        ("Между двумя соседними регионами подписан договор.", "ru"),
        ("Over the past 30 years the hospitals cooperated.", "en"),
    ],
)
def test_dates_codes_ranges_and_loose_words_are_not_figures(text, language):
    assert find_figures(text, language) == []


def test_the_span_is_the_number_with_its_unit_words():
    text = "Фонд выделил 40 млн рублей на ремонт."
    [figure] = find_figures(text, "ru")
    assert isinstance(figure, FigureFinding)
    assert figure.span.text == "40 млн рублей"
    assert text[figure.span.start : figure.span.end] == figure.span.text
    assert figure.description == "amount in RUB"


def test_a_repeated_figure_is_reported_once():
    text = "Прибыли 14 врачей. Все 14 врачей работают в клинике."
    assert _values(text, "ru") == [(14.0, "doctors")]


def test_a_hyphenated_unit_is_kept_and_a_hyphenated_ordinal_is_not():
    assert _values("7-yilga mo'ljallangan dastur.", "uz") == [(7.0, "years")]
    assert find_figures("3-ші отырыс өтті.", "kk") == []


def test_the_language_decides_the_decimal_mark():
    assert _values("Cost: 2,500 USD.", "en") == [(2500.0, "USD")]
    assert _values("Стоимость 2,5 млн рублей.", "ru") == [(2_500_000.0, "RUB")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a number with a smaller scale right after adds to the first
        ("На ремонт выделено 4 млрд 300 млн рублей.", "ru", [(4_300_000_000, "RUB")]),
        ("Жобаға 2 млрд 500 млн теңге бөлінді.", "kk", [(2_500_000_000, "KZT")]),
        # a spelled number times a spelled hundred or thousand
        ("Емханаға жеті жүз дәрігер келді.", "kk", [(700, "doctors")]),
        # the inflected Russian thousand is a scale
        ("Помощь получили 250 тысяч пациентов.", "ru", [(250_000, "patients")]),
    ],
)
def test_compound_numbers_are_one_figure(text, language, expected):
    assert [(f.value, f.unit) for f in find_figures(text, language)] == expected


def test_kazakh_scale_with_its_case_ending_approximators_and_a_hyphenated_ending():
    from summarizer.stages.figures import find_figures

    def read(text: str) -> list[tuple[float, str]]:
        return [(f.value, f.unit) for f in find_figures(text, "kk")]

    assert read("Шараға 5 мыңнан астам адам қатысты.") == [(5000.0, "people")]
    assert read("Биыл 3 мыңға жуық науқас қабылданды.") == [(3000.0, "patients")]
    assert read("Павлодарға 700-ге жуық студент келді.") == [(700.0, "students")]
    assert read("Жаңа аурухана 570 орындық болады.") == [(570.0, "beds")]


def test_kazakh_spelled_numbers_carry_case_endings_and_tens():
    found = find_figures("Конгреске алты жүзден астам делегат қатысты.", "kk")
    assert [(f.value, f.unit) for f in found] == [(600.0, "delegates")]
    assert [f.value for f in find_figures("Оған елу дәрігер келді.", "kk")] == [50.0]
    # "оны" (it) and "онда" (there) are no ten
    assert find_figures("Оны біз онда көрдік.", "kk") == []


def test_a_percent_word_with_a_diacritic_is_read_in_any_case_form():
    # "пайыз" folds to "паиыз": the percent words are compared folded, like the word read
    assert _values("Экспорт 12,5 пайызға өсті.", "kk") == [(12.5, "percent")]
    assert _values("Үлесі 40 пайызды құрады.", "kk") == [(40.0, "percent")]


def test_a_place_in_a_ranking_is_no_figure_but_a_hyphenated_bed_count_is():
    assert find_figures("Колледж тізімде 214-орынға көтерілді.", "kk") == []
    assert find_figures("Ол 7-орында тұр.", "kk") == []
    assert _values("Омбыда 120-орындық емхана ашылды.", "kk") == [(120.0, "beds")]


def test_the_number_of_a_recurring_meeting_is_no_figure():
    assert find_figures("Вазир Омскда кенгашнинг 17-йиғилишида иштирок этди.", "uz") == []
    assert find_figures("Nazir Tulada komitənin 17-ci sessiyasında olub.", "az") == []
    assert _values("Tomskda 17 shifokor ishladi.", "uz") == [(17.0, "doctors")]


def test_a_number_that_closes_a_quoted_name_is_no_figure():
    assert find_figures("Сюжетті «Арна 31» телеарнасы көрсетті.", "kk") == []
    assert find_figures("Tin do kênh “Tula 14” đưa.", "vi") == []
    # quoted speech ending in a number keeps it
    assert _values("«Биыл келген дәрігер саны 60» деді ол.", "kk") == [(60.0, "items")]


def test_a_time_span_ago_is_no_figure():
    assert find_figures("Шамамен 12 жыл бұрын аурухана жекеменшікке өтті.", "kk") == []
    assert _values("Келісім 5 жылға жасалды.", "kk") == [(5.0, "years")]


def test_a_spelled_number_after_an_ordinal_word_is_no_count() -> None:
    # "lần thứ ba": the third time; "Thứ Hai": Monday; a plain spelled count still counts
    assert _values("Tháng này, lần thứ ba bác sĩ Omsk sang Kon Tum.", "vi") == []
    assert _values("Thứ Hai tuần trước, ba bệnh viện ký kết.", "vi") == [(3.0, "hospitals")]


def test_a_vietnamese_age_is_no_figure() -> None:
    text = "Bác sĩ Omsk mổ cho bệnh nhân Trần Văn K (40 tuổi) và 64 trẻ em dưới 5 tuổi."
    assert _values(text, "vi") == [(64.0, "children")]


def test_the_sides_of_a_vietnamese_relation_are_no_figure() -> None:
    text = "Hợp tác giữa 2 nước được củng cố; thỏa thuận 3 bên giúp 40 bác sĩ Kon Tum."
    assert _values(text, "vi") == [(40.0, "doctors")]


def test_kazakh_clock_time_after_a_part_of_the_day_is_no_figure():
    text = (
        "Ұшақ түнгі 22.40-та ұшып, таңғы 7.00-де Томскіге келіп қонды. Делегацияда 12 дәрігер бар."
    )
    assert [(f.value, f.unit) for f in find_figures(text, "kk")] == [(12.0, "doctors")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В форуме участвуют более трёх тысяч работников здравоохранения.", [(3_000, "workers")]),
        ("В Туле уже побывали пять групп врачей из Омска.", [(5, "groups")]),
    ],
)
def test_russian_workers_countries_and_groups_are_what_a_number_counts(text, expected):
    assert _values(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a round spelled number and a smaller one after it are one compound numeral
        ("В Омске прооперируют около двадцати пяти юных пациентов.", [(25, "patients")]),
        ("В Тулу приехали сто пятьдесят врачей из Томска.", [(150, "doctors")]),
        ("Помощь получили две тысячи триста пациентов.", [(2_300, "patients")]),
        ("Анна Белова осмотрела девяносто шесть детей.", [(96, "children")]),
        ("Одиннадцать врачей из Павлодара приехали в Омск.", [(11, "doctors")]),
    ],
)
def test_russian_compound_spelled_numbers_add_up(text, expected):
    assert _values(text, "ru") == expected


def test_a_spelled_number_that_is_not_round_takes_no_addition():
    # "два три" (two or three) is no 23: only a round number has zeros to fill
    assert _values("Два три врача приехали в Тулу.", "ru") != [(23, "doctors")]
    assert _values("Конгреске жиырма бес дәрігер қатысты.", "kk") == [(25, "doctors")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Russian numeral governs the noun after it: a spelled count of any noun is a figure
        ("В Омске появятся два филиала института из Томска.", [(2, "items")]),
        ("В Туле прошла работа тридцати тематических секций.", [(30, "items")]),
        # ... but not the parties of a relation, which count no key figure
        ("Сотрудничество между двумя странами и тремя регионами растет.", []),
        ("Документ в Павлодаре подписали две стороны.", []),
        # ... and one thing named twice is one figure, the one with a known unit
        ("Омск построит два медцентра. Два медицинских центра откроют в Туле.", [(2, "centers")]),
    ],
)
def test_a_russian_spelled_count_of_any_noun_is_a_figure(text, expected):
    assert _values(text, "ru") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bệnh viện Quân y 275 đã tiếp đoàn Bến Tre.",  # a hospital's number, then a verb
        "Bệnh viện 275 hợp tác với Kon Tum.",
        "Ngày 29 Tết, đoàn Bến Tre đến thăm Kon Tum.",  # a lunar date
    ],
)
def test_vietnamese_numbers_of_names_and_lunar_dates_are_no_figures(text: str) -> None:
    assert find_figures(text, "vi", None) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Tula'da 9 milyon dolarlık yatırım ile 150 yataklı hastane açıldı.",
            "tr",
            [(9e6, "USD"), (150, "beds")],
        ),
        (
            "Tulada 9 milyon manatlıq layihə ilə 150 çarpayılıq xəstəxana tikildi.",
            "az",
            [(9e6, "AZN"), (150, "beds")],
        ),
    ],
)
def test_turkish_and_azerbaijani_scales_currencies_and_units(text, language, expected):
    found = find_figures(text, language)
    assert [(f.value, f.unit) for f in found] == expected


def test_chinese_numbers_touching_letters_are_read_with_their_counts():
    text = "中方在柳州援建了一所拥有200张床位的医院，投资3亿元。医疗队为500多名患者义诊。"
    found = find_figures(text, "zh")
    assert [(f.value, f.unit) for f in found] == [(200, "beds"), (3e8, "CNY"), (500, "patients")]


def test_a_count_named_again_with_its_unit_is_one_figure():
    text = "Tula'da 176 VAKAYA ulaşıldı. Ekip 176 hastanın tedavisini üstlendi."
    assert [(f.value, f.unit) for f in find_figures(text, "tr")] == [(176, "patients")]
