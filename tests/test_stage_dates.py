"""The event-date stage on invented sentences: shapes per language, ranges, datelines,
background years and numbers that only look like dates."""

import pytest

from summarizer import languages
from summarizer.stages.dates import (
    DateFinding,
    find_dates,
    find_event_date,
    month_of,
    opens_as_earlier,
)


def _event(text: str, language: str | None) -> str | None:
    found = find_event_date(text, language)
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # Russian: month names in every case, ordinal days, years with "года"/"г."
        ("Министр 14 марта посетил клинику.", "ru", "--03-14"),
        ("Форум прошёл 3-го октября 2023 года в Омске.", "ru", "2023-10-03"),
        ("В мае 2021 года открыли корпус.", "ru", "2021-05"),
        ("Встреча состоялась 5 мая.", "ru", "--05-05"),
        ("Семинар пройдёт с 11 по 13 февраля 2026 г. в Томске.", "ru", "2026-02-11"),
        ("Конгресс 30 ноября – 2 декабря 2024 года собрал врачей.", "ru", "2024-11-30"),
        # Kazakh: case suffixes and the year written before the day
        ("Делегация 2023 жылғы 12 қарашада келді.", "kk", "2023-11-12"),
        ("Кездесу 8 маусымда өтті.", "kk", "--06-08"),
        ("Семинар 4-6 қазан аралығында өтеді.", "kk", "--10-04"),
        ("2022 жылы тамызда келісім жасалды.", "kk", "2022-08"),
        # Vietnamese: numeric days after a day cue, "tháng", "năm"
        ("Sáng 3/11, đoàn công tác đã làm việc tại bệnh viện.", "vi", "--11-03"),
        ("Ngày 14 tháng 2 năm 2024, hai bên ký kết.", "vi", "2024-02-14"),
        ("Trong tháng 6/2023, đoàn đã đến thăm.", "vi", "2023-06"),
        ("Hội nghị diễn ra ngày 5-12-2022 tại Huế.", "vi", "2022-12-05"),
        # English and numeric dates
        ("The clinic opened on March 3, 2021 in the capital.", "en", "2021-03-03"),
        ("Doctors arrived on the 9th of June.", "en", "--06-09"),
        ("Signed on 21.04.2019 by both ministers.", "ru", "2019-04-21"),
        ("会议于2020年4月7日至9日举行。", "zh", "2020-04-07"),
        ("代表团于2020年4月7—9日访问托木斯克。", "zh", "2020-04-07"),  # a day range
        # Turkish and Azerbaijani month names; Uzbek and Kyrgyz write the year first
        ("Heyet 7 Mart 2024 tarihinde Omsk'a geldi.", "tr", "2024-03-07"),
        ("Kongre 12–14 Kasım tarihlerinde Tula'da yapılacak.", "tr", "--11-12"),
        ("Görüş 3 dekabr 2023-cü ildə Tomskda keçirilib.", "az", "2023-12-03"),
        ("Delegatsiya 2024-yil 5-mart kuni Omskka keldi.", "uz", "2024-03-05"),
        ("Делегация 2024 йил 5 март куни Омскка келди.", "uz", "2024-03-05"),
        ("Делегация 2024-жылдын 5-мартында Омскиге келди.", "ky", "2024-03-05"),
        # nothing stated
        ("Врачи приехали вчера и сегодня начали приём.", "ru", None),
        ("The team arrived yesterday.", "en", None),
    ],
)
def test_event_date_shapes(text: str, language: str, value: str | None) -> None:
    assert _event(text, language) == value


def test_the_finding_carries_the_expression_span() -> None:
    text = "Губернатор 14 марта встретил гостей."
    found = find_event_date(text, "ru")
    assert found == DateFinding("--03-14", found.span)
    assert text[found.span.start : found.span.end] == found.span.text == "14 марта"


def test_a_dateline_is_the_report_date_not_the_event_date() -> None:
    text = "Омск, 11 апреля — Вести.\nДелегация в четверг, 13 апреля, посетит больницу."
    assert _event(text, "ru") == "--04-13"
    assert _event("Пермь, 2 марта - Новости.\nВрачи обсудили планы.", "ru") is None
    assert _event("4 августа 2020 г.\nМинистерства подписали соглашение.", "ru") is None
    assert _event("9 мая 2018. Врачи договорились о сотрудничестве.", "ru") is None


def test_a_range_gives_its_first_day_even_when_its_end_is_named_first() -> None:
    text = "Chiều 16-3, đoàn kết thúc chuyến thăm (từ ngày 14 đến 16-3)."
    assert _event(text, "vi") == "--03-14"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Hội thảo diễn ra tại Tomsk trong hai ngày 4 - 5/10/2021.", "vi", "2021-10-04"),
        ("Ngày 4-5/10/2021, hội thảo diễn ra tại Tomsk.", "vi", "2021-10-04"),
        ("Từ ngày 4 đến ngày 6/10/2021, đoàn làm việc tại Kon Tum.", "vi", "2021-10-04"),
        ("Форум прошёл 4-5.10.2021 в Томске.", "ru", "2021-10-04"),
    ],
)
def test_a_day_range_before_a_full_numeric_date_gives_its_first_day(
    text: str, language: str, value: str
) -> None:
    assert _event(text, language) == value


def test_a_day_inside_a_stated_longer_range_stays_the_events_day() -> None:
    text = "Ngày 5/10/2021, hai bên ký kết, nhân chuyến thăm Tomsk (4-7/10/2021)."
    assert _event(text, "vi") == "2021-10-05"


def test_a_day_beats_a_background_year_and_since_years_never_count() -> None:
    text = "Сотрудничество идёт с 2011 года. В 2019 году врачи 7 июня подписали план."
    assert _event(text, "ru") == "2019-06-07"  # the year of its own sentence dates the day
    assert _event("Сотрудничество идёт с 2011 года. В 2019 году открыли центр.", "ru") == "2019"
    assert _event("Бұл жұмыс 2015 жылдан бері жүріп келеді.", "kk") is None
    assert _event("Hợp tác được duy trì từ năm 1998.", "vi") is None
    assert _event("The partnership began in 2017.", "en") == "2017"


def test_numbers_that_only_look_like_dates() -> None:
    assert find_dates("Bệnh viện 30-4 và phòng khám 1/5 mở cửa 24/7.", "vi") == []
    assert find_dates("Рост составил 15%-25%, доля 3/4.", "ru") == []
    assert find_dates("Тел.: 8-701-12-10-2021, сайт news.example.kz/12-10-2021/a", "ru") == []
    assert find_dates("Получено 5 масок и 40 мест.", "ru") == []


def test_find_dates_lists_every_expression_in_reading_order() -> None:
    text = "Ngày 20-5, hai bên gặp nhau; trước đó ngày 18-5 đoàn đến. Năm 2030 sẽ mở rộng."
    assert [f.value for f in find_dates(text, "vi")] == ["--05-20", "--05-18", "2030"]
    assert _event(text, "vi") == "--05-20"


@pytest.mark.parametrize(
    ("word", "month"),
    [("июле", 7), ("января", 1), ("сент", 9), ("шілдеде", 7), ("сәуірден", 4), ("Sept", 9)],
)
def test_month_names_come_from_cldr_with_case_endings(word: str, month: int) -> None:
    assert month_of(word, None) == month


def test_unknown_language_tries_every_month_table() -> None:
    assert _event("Делегация 5 мамырда келді.", None) == "--05-05"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a page's publication stamp (date + clock time) is not the event
        ("12/04/2025 | 09:15\nSáng 11/4/2025, đoàn công tác đến Bến Tre.", "vi", "2025-04-11"),
        (
            "Опубликовано 03.02.2024, 18:40\nВрачи из Омска приехали 2 февраля 2024 года.",
            "ru",
            "2024-02-02",
        ),
        # page metadata in ISO form
        (
            "Tin tức 2023-10-09\nTừ ngày 5/10 - 7/10/2023, hội nghị diễn ra ở Huế.",
            "vi",
            "2023-10-05",
        ),
        # a sentence opening with earlier background does not date the main event
        ("Đề án được phê duyệt. Trước đó, ngày 3/5/2019, hai tỉnh đã ký kết.", "vi", None),
        (
            "Ранее, 4 марта 2022 года, стороны встречались. Визит начался 9 июня 2023 года.",
            "ru",
            "2023-06-09",
        ),
        # a time later in the sentence does not make the date a stamp
        ("Делегация прибыла 14 мая в 10:30 и начала работу.", "ru", "--05-14"),
    ],
)
def test_publication_stamps_and_earlier_background_do_not_date_the_event(text, language, expected):
    found = find_event_date(text, language)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the dateline's or stamp's year completes a day and month stated without one
        (
            "Томск, 14 марта, 2022, 10:05 — Агентство. Сегодня, 14 марта, врачи приехали.",
            "ru",
            "2022-03-14",
        ),
        ("02/06/2023 | 08:30\nSáng ngày 1/6, đoàn bác sĩ đến Bến Tre.", "vi", "2023-06-01"),
        # a December event in a January report is of the year before
        ("10.01.2024 09:00\nВрачи приехали в Омск 27 декабря.", "ru", "2023-12-27"),
    ],
)
def test_a_stamps_year_completes_a_day_and_month(text, language, expected):
    assert find_event_date(text, language).value == expected


def test_a_cited_documents_date_a_founding_year_and_a_bylines_stamp_are_not_the_event():
    from summarizer.stages.dates import find_event_date

    vi = "Theo công văn số 12/BYT-QT ngày 10/04/2023, đoàn sang. Ngày 18/7/2023, lễ ký diễn ra."
    assert find_event_date(vi, "vi").value == "2023-07-18"
    ru = "Согласно приказу № 45 от 10.04.2023 делегация прибыла в Тулу 18 июля 2023 года."
    assert find_event_date(ru, "ru").value == "2023-07-18"
    assert find_event_date("Bệnh viện được thành lập năm 1903 ở Kon Tum.", "vi") is None
    assert find_event_date("Больница в Туле основана в 1903 году.", "ru") is None
    stamped = "Anna Orlova | | 03-01-2019\nNgày 14-12-2018, trường tổ chức hội nghị tại Kon Tum."
    assert find_event_date(stamped, "vi").value == "2018-12-14"


def test_a_holidays_date_and_a_stamp_opening_the_line_are_not_the_event_date():
    from summarizer.stages.dates import find_event_date

    holiday = "В канун отмечаемого 10 октября Дня медика врачи Омска провели приём в Туле."
    assert find_event_date(holiday, "ru") is None
    assert find_event_date("17:10, 18 июня 2023\nВрачи Тулы посетили Омск.", "ru") is None
    event = find_event_date("Накануне, 5 мая, врачи Тулы посетили Омск.", "ru")
    assert event is not None and event.value == "--05-05"


def test_a_year_in_the_same_sentence_completes_a_day_and_month():
    from summarizer.stages.dates import find_event_date

    same = find_event_date("Ngày 30-1, tại Kon Tum đã khai mạc Hội nghị y tế năm 2026.", "vi")
    assert same is not None and same.value == "2026-01-30"
    other = find_event_date(
        "Ngày 30-1, Kon Tum khai mạc Hội nghị. Năm 2020 bệnh viện được xây.", "vi"
    )
    assert other is not None and other.value == "--01-30"


def test_a_date_after_a_metadata_label_is_the_pages_not_the_events():
    from summarizer.stages.record import ArticleRecord
    from summarizer.stages.run import find_facts

    text = "Уақыты: 23.12.2020\nОмбы облысының әкімі 22 желтоқсанда делегацияны қабылдады."
    record = ArticleRecord(source=text, language="kk")
    find_facts(record)
    assert record.event_date is not None and record.event_date.value == "2020-12-22"
    text = "Published: 03.01.2019\nThe governor of Omsk received a delegation on 2 January."
    record = ArticleRecord(source=text, language="en")
    find_facts(record)
    assert record.event_date is not None and record.event_date.value == "2019-01-02"


def test_a_russian_day_or_month_that_starts_or_ends_a_period_is_no_event_date() -> None:
    # "until" the end of a stay, "since" a month: the event's own date is the other one
    text = "Врачи из Тулы 3 марта прибыли в Омск. Они пробудут в Омске до 14 марта."
    assert _event(text, "ru") == "--03-03"
    text = "Омская клиника 5 июня получила партию оборудования. Поставки идут с мая 2019 года."
    assert _event(text, "ru") == "--06-05"
    assert _event("Хирурги пробудут в Омске до 14 марта.", "ru") is None
    # a range whose first day follows "с" stays the event's first day
    assert _event("Форум пройдёт в Омске с 28 октября по 1 ноября.", "ru") == "--10-28"


def test_a_russian_year_or_month_a_plan_is_due_by_is_no_event_date() -> None:
    # "до конца 2030 года", "к концу мая": a deadline, not the time of the event
    assert _event("Томские врачи пройдут стажировку в Омске до конца 2030 года.", "ru") is None
    text = "Делегация из Тулы посетила Омск 5 мая. Договор подпишут к концу июня."
    assert _event(text, "ru") == "--05-05"


def test_a_russian_dateline_dates_the_event_the_text_places_today() -> None:
    text = "ОМСК, 5 мая – Наш корр. Делегация из Тулы сегодня посетила областную больницу."
    assert _event(text, "ru") == "--05-05"
    # without "today" the dateline stays the report's date only
    text = "ОМСК, 5 мая – Наш корр. Делегация из Тулы посетила областную больницу."
    assert _event(text, "ru") is None
    # a "today" of the report dates the report, not the event
    text = "ОМСК, 5 мая – Наш корр. Гости из Тулы посетили больницу, сообщил сегодня врач."
    assert _event(text, "ru") is None


def test_an_agencys_dateline_with_a_full_stop_is_the_report_date() -> None:
    text = "Павлодар. 12 мамыр. Агенттік – 2019 жылғы 10 мамырда Омбы делегациясы келіп кетті."
    found = find_event_date(text, "kk")
    assert found is not None and found.value == "2019-05-10"
    # a date after a first sentence of the line is no dateline
    later = "Делегация Омбыға барды. 12 мамырда келісімге қол қойылды."
    found = find_event_date(later, "kk")
    assert found is not None and found.value == "--05-12"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Đoàn sẽ cử từ 2-4 bác sĩ sang Kon Tum học tập.", None),
        ("Khóa học kéo dài từ 3-5 năm tại Tomsk.", None),
        ("Chiều 3-5, đoàn Omsk thăm Bến Tre.", "--05-03"),
        ("Ngày 4-6 năm 2020, đoàn Tula thăm Kon Tum.", "2020-06-04"),
    ],
)
def test_a_vietnamese_count_range_is_no_day_month(text: str, value: str | None) -> None:
    found = find_event_date(text, "vi")
    assert (found.value if found else None) == value


def test_a_sentence_that_opens_as_earlier_background() -> None:
    text = "Đoàn đến Tomsk. Trước đó, năm 2010, đoàn đã thăm Omsk."
    assert opens_as_earlier(text, text.index("Omsk"))
    assert not opens_as_earlier(text, text.index("Tomsk"))


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Görüşmede 5 Mayıs 2001 tarihinde imzalanan anlaşma hatırlatıldı.", "tr", None),
        ("Anlaşma 5 Mayıs 2001 tarihinde imzalandı.", "tr", "2001-05-05"),
        ("Görüşdə 5 may 2001-ci ildə imzalanan saziş xatırlanıb.", "az", None),
    ],
)
def test_the_date_a_cited_document_was_signed_on_is_no_event(text, language, value) -> None:
    assert languages.words("dates", "signed_participles", [language])
    assert _event(text, language) == value


def test_an_english_dateline_after_an_agency_credit_is_the_report_date() -> None:
    text = "(Omsk News) TULA, Russia, May 4. Doctors from Omsk met colleagues on Tuesday."
    assert find_event_date(text, "en") is None


def test_an_english_dateline_before_an_agency_credit_is_the_report_date() -> None:
    text = "TULA, May 4 (Omsk News) -- Doctors from Omsk met colleagues on Tuesday."
    assert find_event_date(text, "en") is None


def test_an_english_dateline_before_a_reporters_credit_gives_way_to_the_events_day() -> None:
    text = "Omsk News, May 4 (Omsk Daily reporter Ivan Orlov) On May 3, Anna Belova met envoys."
    found = find_event_date(text, "en")
    assert found is not None and found.value == "--05-03"


def test_kazakh_two_days_joined_by_and_give_the_first_day():
    found = find_event_date("Көрме 14 және 15 наурыз күндері Омбыда өтті.", "kk")
    assert found is not None and found.value == "--03-14"


def test_kazakh_founding_year_is_background():
    # "founded in 1998" tells the organisation's history, not the reported event's time
    assert find_event_date("Қор 1998 жылы құрылған. Кездесу Томскіде өтті.", "kk") is None
    assert find_event_date("Мектептің 1987 жылы негізі қаланған.", "kk") is None
    found = find_event_date("Форум 2019 жылы Павлодарда өтті.", "kk")
    assert found is not None and found.value == "2019"


def test_kazakh_bare_year_of_a_plan_or_promise_is_no_event_date():
    assert find_event_date("Инвестор 2031 жылы құрылысты бастаймыз деп уәде берді.", "kk") is None
    assert find_event_date("Орталықты 2030 жылы ашу жоспарлануда.", "kk") is None
    found = find_event_date("Омбыда 2018 жылы клиника ашылды.", "kk")
    assert found is not None and found.value == "2018"


def test_kazakh_bare_year_of_a_comparison_is_a_statistic_not_the_event_date():
    text = (
        "Томскіде медициналық форум өтті. Министр 2023 жылы Томскіде ем алған пациенттер "
        "саны 2022 жылмен салыстырғанда екі есе артқанын айтты."
    )
    assert find_event_date(text, "kk") is None
    assert find_event_date("Форум 2024 жылы Омбыда өтті.", "kk").value == "2024"


def test_vietnamese_today_cues_a_day_and_a_stamp_gives_its_year():
    from summarizer.stages.dates import find_event_date

    text = "Tomsk\n12/03/2024 10:15 GMT+7\nHôm nay 12.3, tại Kon Tum, hội nghị y tế khai mạc."
    found = find_event_date(text, "vi")
    assert found is not None and found.value == "2024-03-12"


def test_a_year_in_an_events_name_dates_a_day_stated_elsewhere():
    from summarizer.stages.dates import find_event_date

    text = "Sáng 9/3, hội thảo khai mạc tại Kon Tum. Hội thảo Y học Bến Tre năm 2021 có 20 báo cáo."
    found = find_event_date(text, "vi")
    assert found is not None and found.value == "2021-03-09"
    # a year of something else (a building) does not date the day
    text = "Sáng 9/3, hội thảo khai mạc tại Kon Tum. Bệnh viện được xây năm 2010."
    found = find_event_date(text, "vi")
    assert found is not None and found.value == "--03-09"
    # nor a target the sentence states as a plan
    text = "Sáng 9/3, Hội thảo Bến Tre khai mạc. Năm 2030 Hội thảo sẽ mở rộng."
    found = find_event_date(text, "vi")
    assert found is not None and found.value == "--03-09"


def test_an_azerbaijani_month_name_takes_its_case_endings_and_the_day_its_locative():
    assert month_of("oktyabrın", "az") == 10
    assert month_of("martda", "az") == 3
    assert month_of("martaba", "az") is None  # an ending Azerbaijani months never take
    assert _event("Heyət oktyabrın 10-da Tomska yola düşüb.", "az") == "--10-10"
    assert _event("Sənəd 2021-ci ilin martın 31-də imzalanıb.", "az") == "2021-03-31"


def test_a_date_a_cited_law_is_dated_by_is_no_event_date():
    text = "Saziş 10.04.2001 tarixli Qanuna uyğun təsdiqlənib. Heyət oktyabrın 10-da gəlib."
    assert _event(text, "az") == "--10-10"


def test_an_english_dateline_with_its_date_in_brackets_gives_way_to_the_events_day():
    text = "Tula, Russia (8th August 2024) – Minister Ivan Orlov met doctors on August 6th."
    assert _event(text, "en") == "2024-08-06"


def test_a_chinese_dispatch_dates_the_report_and_a_bare_day_takes_its_month():
    text = "新华社托木斯克3月8日电 代表团当地时间7日访问了医院。"
    assert _event(text, "zh") == "--03-07"
    text = "2024年03月08日 21:52\n新华社托木斯克3月8日电 代表团28日访问了日本医院。"
    assert _event(text, "zh") == "2024-02-28"  # a day later than the dispatch's: last month


def test_a_range_of_two_day_months_is_dated_by_its_first_day():
    # each end written with its month: the range's first day, not an earlier background date
    text = "Ông Ivan Orlov thăm Kon Tum từ ngày 12/9-14/9. Hai bên từng gặp tại Tula ngày 9/5."
    assert _event(text, "vi") == "--09-12"
    # the year after the range's end dates its start, of the year before across New Year
    assert _event("Hội thảo diễn ra từ 28/11 - 2/12/2024 tại Bến Tre.", "vi") == "2024-11-28"
    assert _event("Đoàn ở Tomsk từ 28/12-3/1/2025.", "vi") == "2024-12-28"
    # fractions of a count are no range of dates
    assert _event("Khoảng 1/2-3/4 số bệnh nhân ở Tula.", "vi") is None


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("В ноябре 2025 года в Омске прошел форум. Он состоялся 28-29 ноября.", "ru", "2025-11-28"),
        (
            "2025 жылдың қараша айында Омбыда форум өтті. Ол 28–29 қараша күндері өтті.",
            "kk",
            "2025-11-28",
        ),
        # another month's year says nothing of this month's day
        (
            "В октябре 2025 года врачи из Омска приехали в Томск. Форум открылся 3 ноября.",
            "ru",
            "--11-03",
        ),
    ],
)
def test_a_day_and_month_take_the_year_the_text_gives_that_month(text, language, value):
    found = find_event_date(text, language)
    assert found is not None and found.value == value


def test_a_chinese_outlets_news_of_a_day_is_its_dateline_not_the_event() -> None:
    # "<outlet> 12月18日消息": the report's date; "日前" (days ago) dates the event to none
    assert find_event_date("某网12月18日消息 日前，两地医生在上海举行会议。", "zh") is None


def test_a_kazakh_sentence_recalling_the_past_gives_no_event_date() -> None:
    text = (
        "Омбы дәрігерлері Павлодарға көмек жіберді. "
        "Еске салайық, 2019 жылы 31 желтоқсанда індет басталған."
    )
    assert find_event_date(text, "kk") is None


def test_a_bylines_name_and_clock_before_a_date_make_a_stamp() -> None:
    """ "Anna Belova 09:09 26/03/2024" under a headline is the page's stamp: the day the
    text gives is the event's, the stamp's year completes it; a clock time inside a
    sentence makes no stamp."""
    text = "Bến Tre kết nghĩa với Kon Tum\nAnna Belova 09:09 26/03/2024\nNgày 25/3, đoàn đã đến."
    assert find_event_date(text, "vi").value == "2024-03-25"
    inside = "Sáng nay, lúc 09:30 26/03/2024 đoàn Bến Tre đã đến Kon Tum."
    assert find_event_date(inside, "vi").value == "2024-03-26"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Омбы облысында жаңа аурухана салынады. Құрылысы 2030 жылы басталады.", "kk"),
        ("Tomsk hastanesi 2030 yılında açılacak.", "tr"),
        ("Konqres 2030-cu ildə Tomskda keçiriləcək.", "az"),
    ],
)
def test_a_year_of_a_future_step_is_no_event_date(text: str, language: str) -> None:
    """A bare year in a sentence in the future tense is when something is to happen."""
    assert find_event_date(text, language) is None


def test_a_numeric_dateline_with_an_agency_in_slashes_and_a_past_participles_year() -> None:
    """ "TOMSK, 23.05.2030 /AGENCY/." is the report's date; "подписанного в 2029 году" dates
    a document signed before, no event of the article."""
    dateline = "ТОМСК, 23.05.2030 /Агентство/. Делегация Омской области прибыла в Томск."
    assert find_event_date(dateline, "ru") is None
    signed = "В рамках соглашения, подписанного в 2029 году, врачи из Омска работают в Томске."
    assert find_event_date(signed, "ru") is None
    # "Напомним, ..." (let us recall) opens background, as "Ранее, ..." does
    recalled = "Врачи Омска приехали в Томск. Напомним, 25 мая в Томске пройдет форум."
    assert find_event_date(recalled, "ru") is None


def test_a_month_abbreviation_takes_no_case_ending() -> None:
    """ "мам." is May, but "10 маман" is ten specialists, "тамырлы" no August and "қазақ" no
    October: an abbreviated month name is written as it is."""
    assert find_event_date("Омбыдан 10 маман келді.", "kk") is None
    assert [d.value for d in find_dates("Омбы, 12 мам. Дәрігерлер келді.", "kk")] == ["--05-12"]
    assert find_event_date("Омбы ауруханасы 12 мамырда ашылды.", "kk").value == "--05-12"


def test_a_vietnamese_this_afternoon_before_a_day_and_month_dates_the_event() -> None:
    """ "Chiều nay, 8/4" (this afternoon, 8 April) is a day cue as "Chiều 8/4" is: the day and
    month take the dateline's year."""
    text = "12/04/2031\nChiều nay, 8/4, tại Bến Tre, đoàn công tác của Bộ Y tế Lào đã làm việc."
    assert find_event_date(text, "vi").value == "2031-04-08"
    assert find_event_date("Sáng nay 8/4 tại Kon Tum, đoàn đã làm việc.", "vi").value == "--04-08"


def test_a_day_and_month_take_the_year_of_the_same_day_written_in_full() -> None:
    """A caption's "8/4/2031" dates the lead's "Sáng 8/4"; a full date of another day does not."""
    same = "Sáng 8/4, tại Bến Tre, đoàn công tác đã làm việc. Ảnh: lễ ký kết, ngày 8/4/2031."
    assert find_event_date(same, "vi").value == "2031-04-08"
    other = "Sáng 8/4, tại Bến Tre, đoàn công tác đã làm việc. Ảnh: lễ ký kết, ngày 9/4/2031."
    assert find_event_date(other, "vi").value == "--04-08"
    english = "On 8 April, doctors from Tula visited Omsk. The photo was taken on 8 April 2031."
    assert find_event_date(english, "en").value == "2031-04-08"


def test_a_kazakh_let_us_note_opens_background() -> None:
    """ "Айта кетейік, ..." (let us note) tells background, as "еске салайық" does."""
    text = "Омбы дәрігерлері Түркістанға келді. Айта кетейік, 2029 жылы Омбы клиника салған."
    assert find_event_date(text, "kk") is None


def test_english_dates_with_a_tight_comma_a_period_end_and_today_under_a_dateline() -> None:
    """ "March 10,2031" keeps its year; "until August 17" ends a period, no event's day; a
    dateline with "today" dates the event; a stamp's "11:26 AM" makes it a stamp."""
    assert find_event_date("Doctors arrived in Omsk on March 10,2031.", "en").value == "2031-03-10"
    forum = "TULA, August 15 -- Today's health forum opened and will run until August 17."
    assert find_event_date(forum, "en").value == "--08-15"
    stamped = "11:26 AM 28/11/2031\nNgày 27/11/2031, đoàn công tác Kon Tum làm việc tại Bến Tre."
    assert find_event_date(stamped, "vi").value == "2031-11-27"
    assert find_event_date("Hội nghị được tổ chức hôm nay, 4/11 tại Kon Tum.", "vi").value == (
        "--11-04"
    )


def test_english_ordinal_ranges_and_abbreviated_months_with_a_full_stop():
    # a range's first day, when both days carry an ordinal ("21st to 25th April")
    text = "The medical camp in Omsk runs from 21st to 25th April at the Tula hospital."
    assert find_event_date(text, "en").value == "--04-21"
    text = "The camp ran from April 21st to 25th at the Tula hospital."
    assert find_event_date(text, "en").value == "--04-21"
    # "Nov. 11, 2031": the dateline's year completes the day the text states
    text = "TULA, Nov. 11, 2031 - The camp opened in Omsk on 21 April at the regional hospital."
    assert find_event_date(text, "en").value == "2031-04-21"


def test_kazakh_period_ends_and_birth_years_are_no_event_dates():
    text = "Омбы дәрігерлері 12 наурызда Ақтөбеге келді. Олар 30 сәуірге дейін жұмыс істейді."
    assert find_event_date(text, "kk").value == "--03-12"
    text = "Омбы дәрігерлері Ақтөбеде 30 сәуірге дейін жұмыс істейді."
    assert find_event_date(text, "kk") is None
    text = "Ақтөбе ауруханасында ота жасалды. Науқас 1967 жылы туған."
    assert find_event_date(text, "kk") is None
