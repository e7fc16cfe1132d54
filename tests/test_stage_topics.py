"""The topics stage: medical fields and event types from cue words, with evidence spans."""

from __future__ import annotations

import pytest

from summarizer.stages.spans import Span
from summarizer.stages.topics import (
    MAX_FIELDS,
    TopicFinding,
    find_event_types,
    find_medical_fields,
)


def _labels(findings: list[TopicFinding]) -> list[str]:
    return [finding.label for finding in findings]


def _assert_grounded(text: str, findings: list[TopicFinding]) -> None:
    for finding in findings:
        assert text[finding.span.start : finding.span.end] == finding.span.text
        assert finding.cue.casefold() in finding.span.text.casefold() or not finding.cue


RU_TEXT = (
    "Врачи-кардиологи из соседней страны приехали в областной центр.\n"
    "Делегация посетила кардиологический диспансер и обсудила лечение пороков сердца.\n"
    "Стороны подписали соглашение о партнерстве в сфере кардиохирургии.\n"
    "Погода в городе была солнечной."
)


def test_russian_fields_match_inflected_stems() -> None:
    findings = find_medical_fields(RU_TEXT, "ru")
    assert _labels(findings)[0] == "cardiology"
    assert "surgery" in _labels(findings)
    _assert_grounded(RU_TEXT, findings)


def test_russian_events_need_sign_and_document_together() -> None:
    labels = _labels(find_event_types(RU_TEXT, "ru"))
    assert "delegation_visit" in labels
    assert "agreement_signing" in labels
    no_document = "Делегация прибыла в город.\nГости подписали книгу почетных гостей."
    assert "agreement_signing" not in _labels(find_event_types(no_document, "ru"))


@pytest.mark.parametrize(
    "text",
    [
        # a signing mentioned as background
        "Министр принял делегацию соседней области.\n"
        "Напомним, ранее стороны подписали меморандум о сотрудничестве.",
        # a signing only agreed for later
        "Министры здравоохранения Омской и Томской областей встретились в Омске. "
        "Стороны договорились о подписании соглашения о партнерстве в будущем.",
        # a signing only proposed
        "Губернатор Томской области провел переговоры с мэром Тулы. "
        "Губернатор предложил подписать новое соглашение о сотрудничестве.",
    ],
)
def test_a_signing_not_reported_as_done_is_no_event(text: str) -> None:
    assert "agreement_signing" not in _labels(find_event_types(text, "ru"))


def test_kazakh_doctor_is_not_a_drug() -> None:
    text = "Дәрігерлер жүрек ауруы бар науқастарға кеңес берді."
    labels = _labels(find_medical_fields(text, "kk"))
    assert "cardiology" in labels
    assert "pharmaceuticals" not in labels


def test_kazakh_memorandum_signing() -> None:
    text = "Екі ел денсаулық сақтау саласында меморандумға қол қойды."
    findings = find_event_types(text, "kk")
    assert _labels(findings) == ["agreement_signing"]
    _assert_grounded(text, findings)


def test_vietnamese_phrases_keep_diacritics() -> None:
    text = (
        "Sáng nay, hai bệnh viện đã ký hợp đồng mới về ung bướu.\n"
        "Các bác sĩ sẽ tìm giải pháp đào tạo nhân lực."
    )
    fields = _labels(find_medical_fields(text, "vi"))
    assert fields[0] == "oncology"
    assert "medical_education" in fields
    assert "cardiology" not in fields  # "tìm" is not "tim"
    assert _labels(find_event_types(text, "vi")) == ["agreement_signing"]


def test_english_conference() -> None:
    text = "An international conference on telemedicine opened in the capital on Monday."
    assert _labels(find_event_types(text, "en")) == ["conference_or_forum"]
    assert _labels(find_medical_fields(text, "en")) == ["digital_health"]


def test_other_when_no_cue_fires() -> None:
    text = "Жители отдаленного села получили помощь в районной больнице.\nВсе остались довольны."
    assert _labels(find_medical_fields(text, "ru")) == ["other"]
    assert _labels(find_event_types(text, "ru")) == ["other"]
    _assert_grounded(text, find_medical_fields(text, "ru"))


def test_out_of_vocabulary_specialty_is_other() -> None:
    text = "Офтальмологи провели осмотр пациентов в новом центре."
    assert "other" in _labels(find_medical_fields(text, "ru"))


def test_labels_are_capped_and_ordered_by_strength() -> None:
    text = (
        "Онкологи и педиатры обсудили реабилитацию детей после лечения опухолей.\n"
        "В онкологическом центре прошла встреча.\n"
        "Онкологическая служба получит новое оборудование, цифровые сервисы и лекарства."
    )
    findings = find_medical_fields(text, "ru")
    assert len(findings) == MAX_FIELDS == 4  # six fields have cues here
    assert findings[0].label == "oncology"


def test_unsupported_language_gives_nothing() -> None:
    assert find_medical_fields("Some text in an unread language.", "ja") == []
    assert find_event_types("Some text in an unread language.", "ja") == []


def test_chinese_cues_match_inside_a_sentence_without_spaces() -> None:
    text = "图拉市卫生部门代表团抵达托木斯克后，双方签署了儿科合作备忘录。"
    assert {"delegation_visit", "agreement_signing"} <= {
        f.label for f in find_event_types(text, "zh")
    }
    assert [f.label for f in find_medical_fields(text, "zh")] == ["pediatrics"]


def test_chinese_traditional_characters_read_as_simplified() -> None:
    text = "雙方在托木斯克簽署了合作備忘錄，並討論醫療合作。"
    assert "agreement_signing" in {f.label for f in find_event_types(text, "zh")}


def test_traditional_chinese_medicine_is_no_pharmaceuticals() -> None:
    text = "代表团访问了托木斯克，双方讨论在中医药领域的医疗合作。"
    assert "pharmaceuticals" not in {f.label for f in find_medical_fields(text, "zh")}


def test_a_short_unspaced_line_is_a_fragment_and_a_long_one_a_sentence() -> None:
    from summarizer.stages.topics import _fragment

    assert _fragment("来源：办公室")
    assert not _fragment("代表团访问了托木斯克的一家医院并举行会谈。")


def test_long_sentence_is_narrowed_to_the_clause() -> None:
    filler = ", ".join(["представители нескольких ведомств"] * 6)
    text = f"На встрече присутствовали {filler}, а также специалисты по телемедицине из столицы."
    finding = next(f for f in find_medical_fields(text, "ru") if f.label == "digital_health")
    assert len(finding.span.text) < len(text)
    assert "телемедицин" in finding.span.text
    _assert_grounded(text, [finding])


def test_doctors_arriving_are_a_medical_mission_not_a_delegation() -> None:
    """Clinicians who travel to treat are a mission (the gold convention); a travel verb
    whose subject is doctors does not make a delegation visit ("cue ! stems")."""
    kk = "Павлодарға Түркиядан хирургтер мен дәрігерлер келді. Олар он науқасқа ота жасады."
    assert _labels(find_event_types(kk, "kk")) == ["medical_mission"]
    ru = "Врачи из Омска приедут в Томск на неделю. Они примут пациентов районной больницы."
    assert _labels(find_event_types(ru, "ru")) == ["medical_mission"]
    # a delegation of doctors is still a delegation
    ru_delegation = "Делегация врачей из Омска прибыла в Томск. Гостей принял губернатор."
    assert "delegation_visit" in _labels(find_event_types(ru_delegation, "ru"))


def test_a_vietnamese_working_trip_is_a_delegation_visit() -> None:
    text = (
        "Chuyến công tác của đoàn chuyên gia Campuchia tại Bến Tre. "
        "Hai bên đã trao đổi về hợp tác y tế."
    )
    assert "delegation_visit" in _labels(find_event_types(text, "vi"))


def test_a_field_word_inside_an_organizations_name_is_no_topic() -> None:
    from summarizer.stages.spans import Span

    text = (
        "Делегация из Омска посетила психиатрическую больницу Томска. "
        "Стороны обсудили лечение детей с пороками сердца."
    )
    start = text.index("психиатрическую")
    name = Span(start, text.index(" Томска"), "психиатрическую больницу")
    assert "mental_health" in _labels(find_medical_fields(text, "ru"))
    assert "mental_health" not in _labels(find_medical_fields(text, "ru", [name]))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (  # check-ups and medicines handed out abroad
            "Đoàn công tác của tỉnh Kon Tum đã khám, cấp thuốc cho 300 người dân Campuchia.\n"
            "Các y sĩ cũng tư vấn sức khỏe cho bà con.",
            "vi",
        ),
        (  # volunteer doctors consulting patients in another country
            "Врачи-волонтеры из Томска начали работу в соседней стране.\n"
            "Медики проводят консультации пациентов в районной больнице.",
            "ru",
        ),
        (  # surgeons from the capital operating on children in a region
            "Астаналық хирургтер Павлодар облысында балаларға ота жасады.\n"
            "Дәрігерлер тұрғындарды тексерді.",
            "kk",
        ),
    ],
)
def test_doctors_treating_away_from_home_are_a_medical_mission(text: str, language: str) -> None:
    """Phrasings of a mission beyond "free check-up" and "performed operations"."""
    assert "medical_mission" in _labels(find_event_types(text, language))


def test_planned_consultations_are_no_mission_and_medicines_handed_out_no_pharma() -> None:
    planned = "Стороны договорились о проведении консультаций и стажировок врачей."
    assert "medical_mission" not in _labels(find_event_types(planned, "ru"))
    handed = "Sáng nay các y sĩ cấp phát thuốc, khám bệnh cho 120 cụ già trong xã."
    fields = _labels(find_medical_fields(handed, "vi"))
    assert "pharmaceuticals" not in fields and "primary_care" in fields


def test_a_vietnamese_training_programme_is_training() -> None:
    text = (
        "Bệnh viện tỉnh Kon Tum mở khóa đào tạo về hồi sức cấp cứu.\n"
        "Chuyên gia nước ngoài hướng dẫn 40 bác sĩ trẻ."
    )
    assert "training_or_exchange" in _labels(find_event_types(text, "vi"))


def test_russian_visit_and_meeting_cues_of_one_body_sentence_and_a_planned_signing():
    from summarizer.stages.topics import find_event_types

    lead = "Заголовок новости.\nПервое предложение.\nВторое предложение.\n"
    visit = lead + "Министр находится в Туле с рабочим визитом."
    assert "delegation_visit" in [e.label for e in find_event_types(visit, "ru")]
    meeting = lead + "Делегация встретится с главой региона. Затем пройдет совещание."
    assert "official_meeting" in [e.label for e in find_event_types(meeting, "ru")]
    planned = (
        lead + "В программе запланированы подписание соглашений и доклады. Соглашение подпишут."
    )
    assert "agreement_signing" not in [e.label for e in find_event_types(planned, "ru")]


def test_vietnamese_missions_visits_and_meetings_said_in_other_words():
    from summarizer.stages.topics import find_event_types

    def labels(text: str) -> list[str]:
        return [e.label for e in find_event_types(text, "vi")]

    assert "medical_mission" in labels("Khám bệnh, tặng quà cho người nghèo ở Kon Tum")
    assert "delegation_visit" in labels("Tổng thống Lào thăm cấp nhà nước tới Kon Tum")
    assert "official_meeting" in labels("Tại buổi gặp mặt ở Kon Tum, hai bên trao đổi")


def test_a_datelines_fragments_do_not_use_up_the_lead():
    from summarizer.stages.topics import find_event_types

    text = (
        "Врачи Тулы и Омска\nОмск. 2 сентября. ИНТЕРФАКС - Врачи из Тулы посетили Омск "
        "с визитом.\nОни обсудили работу больниц."
    )
    assert "delegation_visit" in [e.label for e in find_event_types(text, "ru")]


def test_a_stamp_or_a_date_first_dateline_is_no_lead_sentence_but_a_capital_headline_is():
    from summarizer.stages.topics import _fragment

    assert _fragment("ТУЛА, 8 мая — ИНТЕРФАКС.")
    assert _fragment("23 марта 2024, 15:39")
    assert _fragment("27 июня, Омск /Корр. ИНТЕРФАКС/.")
    assert not _fragment("ВРАЧИ ТУЛЫ ПОСЕТИЛИ БОЛЬНИЦУ В ОМСКЕ")
    assert not _fragment("Делегация из Омска посетила больницу")
    # the visit named in the third line is still the lead's after a stamp and a dateline
    text = (
        "23 марта 2024, 15:39\nТУЛА, 8 мая — ИНТЕРФАКС.\nНовости здравоохранения региона.\n"
        "Врачи из Омска посетили больницы Тулы.\n"
        "Погода была солнечной весь день."
    )
    assert "delegation_visit" in _labels(find_event_types(text, "ru"))


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("Погода была хорошей. Губернатор встретил делегацию Омска.", "ru", "official_meeting"),
        ("Погода была хорошей. Делегация из Омска прибыла в Тулу.", "ru", "delegation_visit"),
        ("Ауа райы жақсы болды. Павлодарда дөңгелек үстел өтті.", "kk", "conference_or_forum"),
        ("The weather was fine. The two ministers held talks in Tula.", "en", "official_meeting"),
    ],
)
def test_an_event_told_in_one_body_sentence_with_its_verb_counts(text, language, label):
    assert label in _labels(find_event_types(text, language))


def test_a_cue_inside_a_name_does_not_hide_the_same_cue_later_in_the_sentence() -> None:
    from summarizer.stages.spans import Span

    text = "Врачи психиатрической больницы Томска обсудили психиатрическую помощь детям."
    start = text.index("психиатрической")
    name = Span(start, text.index(" Томска"), "психиатрической больницы")
    assert "mental_health" in _labels(find_medical_fields(text, "ru", [name]))


def test_every_mention_of_an_organizations_name_is_no_topic() -> None:
    from summarizer.stages.record import ArticleRecord
    from summarizer.stages.run import find_facts

    text = (
        "Đoàn của Trường Đại học Y Dược Kon Tum thăm Campuchia.\n"
        "Trường Đại học Y Dược Kon Tum sẽ đào tạo bác sĩ cho bạn."
    )
    record = ArticleRecord(source=text)
    record.language = "vi"
    find_facts(record)
    assert "pharmaceuticals" not in [label.value for label in record.medical_fields]


def test_a_persons_title_is_no_topic() -> None:
    from summarizer.stages.record import ArticleRecord
    from summarizer.stages.run import find_facts

    text = (
        "В Томске прошла конференция по управлению здравоохранением.\n"
        "Доклад сделал президент Омской медицинской палаты известный педиатр Иван Орлов."
    )
    record = ArticleRecord(source=text)
    record.language = "ru"
    find_facts(record)
    assert "pediatrics" not in [label.value for label in record.medical_fields]


def test_vietnamese_receptions_loans_and_investment_talk_that_is_no_project():
    assert "official_meeting" in _labels(
        find_event_types("Thời tiết đẹp. Giám đốc Sở đã tiếp ông Dinh Van Khoa.", "vi")
    )
    talk = "Hai bên trao đổi về cơ hội đầu tư giữa các bên. Thời tiết đẹp."
    assert "investment_or_construction" not in _labels(find_event_types(talk, "vi"))
    loan = "Dự án mở rộng bệnh viện tỉnh Kon Tum dùng vốn vay ưu đãi."
    assert "investment_or_construction" in _labels(find_event_types(loan, "vi"))


def test_kazakh_cargo_is_not_pregnancy_and_a_list_of_sectors_is_not_medical_tourism():
    text = (
        "Омбы ауруханасына гуманитарлық жүкті жеткізді. "
        "Әкім туризм, денсаулық сақтау, сауда салаларын талқылады."
    )
    labels = {f.label for f in find_medical_fields(text, "kk")}
    assert "maternal_health" not in labels and "medical_tourism" not in labels
    assert "maternal_health" in {
        f.label for f in find_medical_fields("Ауруханада жүкті әйелдер тексерілді.", "kk")
    }


def test_kazakh_congress_assembly_and_exchange_cues_and_a_protocol_is_no_meeting():
    text = "Астанада нейрохирургтердің конгресі өтті. Дүниежүзілік ассамблея жұмысын бастады."
    assert "conference_or_forum" in {f.label for f in find_event_types(text, "kk")}
    text = "Дәрігерлер тәжірибе алмасу мақсатында Омбыға барды."
    assert "training_or_exchange" in {f.label for f in find_event_types(text, "kk")}
    text = "Комиссия отырысының хаттамасын орындау үшін дәрілер жіберіледі."
    assert "official_meeting" not in {f.label for f in find_event_types(text, "kk")}


def test_vietnamese_direct_talk_a_press_briefing_and_pharmacists_are_no_meeting_or_field():
    events = find_event_types(
        "Hội nghị diễn ra dưới hình thức trực tiếp, có ông Đinh Văn Khoa dự.", "vi"
    )
    assert "official_meeting" not in {f.label for f in events}
    events = find_event_types("Sở Y tế tỉnh Kon Tum tổ chức buổi gặp gỡ báo chí.", "vi")
    assert "official_meeting" not in {f.label for f in events}
    events = find_event_types("Chủ tịch tỉnh Kon Tum tiếp ông Đinh Văn Khoa.", "vi")
    assert "official_meeting" in {f.label for f in events}
    fields = find_medical_fields("Đoàn gồm bác sĩ, dược sĩ và điều dưỡng khám bệnh.", "vi")
    assert "pharmaceuticals" not in {f.label for f in fields}
    fields = find_medical_fields("Hai bên bàn về kiểm dịch y tế tại cửa khẩu bệnh viện.", "vi")
    assert "public_health" in {f.label for f in fields}


def test_russian_agreement_to_sign_later_and_arriving_cargo_are_no_events() -> None:
    # an agreement to conclude a document later is no signing
    text = (
        "Ректоры омского и томского вузов пришли к договоренности о заключении меморандума. "
        "Делегация из Томска посетила Омск."
    )
    assert "agreement_signing" not in _labels(find_event_types(text, "ru"))
    # a cargo that arrives is no delegation visiting
    text = "Из Тулы в Омск прибыл конвой с медикаментами. Лекарства получила областная больница."
    assert "delegation_visit" not in _labels(find_event_types(text, "ru"))
    text = "В Омск прибыли врачи из Тулы. Делегация посетила больницу."
    assert "delegation_visit" in _labels(find_event_types(text, "ru"))


def test_russian_records_systems_and_district_doctors() -> None:
    text = "Гости из Тулы изучали медицинскую информационную систему омских больниц."
    assert "digital_health" in _labels(find_medical_fields(text, "ru"))
    text = "Врачи из Тулы знакомились с работой участковых врачей Омска."
    assert "primary_care" in _labels(find_medical_fields(text, "ru"))


def test_a_kazakh_master_class_held_treatment_abroad_and_a_clinic_opened() -> None:
    lead = (
        "Павлодарда жаңа бөлім жұмыс істейді. Бөлімде жиырма дәрігер қызмет етеді. "
        "Науқастар дәрігерлердің жұмысына ризашылығын білдірді."
    )
    held = lead + " Апта бойы Томскіден келген хирургтер шеберлік сыныбын өткізді."
    assert "training_or_exchange" in _labels(find_event_types(held, "kk"))
    met = (
        "Әкім Омбы делегациясымен кездесті. Тараптар бірлескен жобаларды талқылады. "
        "Кездесу облыс әкімдігінде екі сағатқа созылды. Қонақтар жаңа емханаларды аралап көрді."
    )
    once = met + " Бұрын шеберлік сыныбы туралы айтылған."  # named, not held: one weak cue
    assert "training_or_exchange" not in _labels(find_event_types(once, "kk"))
    abroad = "Павлодарлық науқастар шетелдегі клиникаларға емделуге барады."
    assert _labels(find_medical_fields(abroad, "kk")) == ["medical_tourism"]
    foreign = "Омбы клиникалары шетелдік пациенттерді қабылдайды."
    assert "medical_tourism" in _labels(find_medical_fields(foreign, "kk"))
    opened = lead + " Омбыда 100 орындық жаңа емхана ашылды."
    assert "investment_or_construction" in _labels(find_event_types(opened, "kk"))


def test_vietnamese_spelling_variants_read_as_one_word() -> None:
    text = "Đoàn gồm các bác sỹ và dược sỹ của bệnh viện tỉnh Kon Tum.\nHọ nghỉ ngơi."
    assert "pharmaceuticals" not in _labels(find_medical_fields(text, "vi"))
    text = "Học viên ngành y tế công cộng của Tomsk thăm bệnh viện.\nHọ nghỉ ngơi."
    assert "public_health" in _labels(find_medical_fields(text, "vi"))


def test_vietnamese_scholarships_and_a_team_going_abroad() -> None:
    text = "Đại học Tomsk cấp học bổng cho sinh viên Bến Tre.\nHọ nghỉ ngơi."
    assert _labels(find_event_types(text, "vi")) == ["training_or_exchange"]
    text = "Hôm qua trời mưa.\nHọ nghỉ ngơi.\nĐoàn y tế tỉnh Kon Tum đã sang Pavlodar."
    assert _labels(find_event_types(text, "vi")) == ["delegation_visit"]
    text = "Hôm qua trời mưa.\nHọ nghỉ ngơi.\nTinh thần đoàn kết giúp họ chuyển sang việc khác."
    assert "delegation_visit" not in _labels(find_event_types(text, "vi"))


def test_a_vietnamese_ecg_in_a_check_up_is_no_cardiology() -> None:
    text = "Đoàn bác sĩ Kon Tum khám, đo điện tim cho người dân Omsk.\nHọ nghỉ ngơi."
    assert "cardiology" not in _labels(find_medical_fields(text, "vi"))
    text = "Đoàn bác sĩ Kon Tum khám tim cho trẻ em Omsk.\nHọ nghỉ ngơi."
    assert "cardiology" in _labels(find_medical_fields(text, "vi"))


@pytest.mark.parametrize(
    ("text", "language", "event", "field"),
    [
        (
            "Tomsk heyeti Pavlodar'daki hastaneyi ziyaret etti ve kalp cerrahisi görüşüldü.",
            "tr",
            "delegation_visit",
            "cardiology",
        ),
        (
            "Smolensk delegatsiyasi Omskka tashrif buyurdi, yurak kasalliklari muhokama qilindi.",
            "uz",
            "delegation_visit",
            "cardiology",
        ),
        (
            "Смоленск делегацияси Омск шаҳрига ташриф буюрди, юрак касалликлари муҳокама қилинди.",
            "uz",
            "delegation_visit",
            "cardiology",
        ),
        (
            "Tula nümayəndə heyəti Omsk şəhərinə səfər edib, ürək xəstəlikləri müzakirə olunub.",
            "az",
            "delegation_visit",
            "cardiology",
        ),
    ],
)
def test_turkic_latin_and_uzbek_cyrillic_lexicons(text, language, event, field) -> None:
    assert event in _labels(find_event_types(text, language))
    assert field in _labels(find_medical_fields(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tula ve Omsk arasında ticaret ve enerji alanında iş birliği ele alındı.", "tr"),
        ("Tula va Omsk o‘rtasida savdo va energetika sohasida hamkorlik muhokama qilindi.", "uz"),
        ("Tula və Omsk arasında ticarət və enerji sahəsində əməkdaşlıq müzakirə olunub.", "az"),
    ],
)
def test_a_turkic_article_not_about_health_gets_no_field(text, language) -> None:
    assert find_medical_fields(text, language) == []


def test_kyrgyz_cues_the_russian_and_kazakh_lexicons_miss() -> None:
    text = "Омск менен Томск ооруканалары кызматташуу боюнча меморандумга кол коюшту."
    assert "agreement_signing" in _labels(find_event_types(text, "ky"))
    text = "Томск шаарынын мэри Омсктун өкүлдөрү менен жолугушту."
    assert "official_meeting" in _labels(find_event_types(text, "ky"))


def test_an_english_hospital_opened_or_built_is_construction() -> None:
    text = "Two clinics were opened in Tomsk.\nThe hospital was built in a month."
    assert _labels(find_event_types(text, "en"))[0] == "investment_or_construction"


@pytest.mark.parametrize(
    ("text", "language", "signed"),
    [
        ("Omsk ve Tomsk arasında mutabakat zaptı imzalandı.", "tr", True),
        ("Omsk ve Tomsk arasında mutabakat zaptı imzalanacak.", "tr", False),
        ("Omsk və Tomsk arasında memorandum imzalanıb.", "az", True),
        ("Sazişin imzalanmasının ardınca Omsk və Tomsk görüşüb.", "az", False),
        ("Omsk va Tomsk o‘rtasida memorandum imzolandi.", "uz", True),
        ("Omsk va Tomsk o‘rtasida memorandum imzolanadi.", "uz", False),
    ],
)
def test_a_turkic_signing_to_come_or_named_as_a_noun_is_no_signing(text, language, signed):
    assert ("agreement_signing" in _labels(find_event_types(text, language))) is signed


def test_turkish_doctors_operating_and_teaching_abroad() -> None:
    text = "Omsk'tan gelen doktorlar Tula'da ameliyatlar yapacak ve meslektaşlarına eğitim verecek."
    labels = {f.label for f in find_event_types(text, "tr")}
    assert {"medical_mission", "training_or_exchange"} <= labels


def test_kazakh_forum_named_only_for_agreements_reached_there_is_no_event():
    text = (
        "Омбы мен Томск елшілері кездесті.\n"
        "Елшілер онлайн кездесу өткізді. Кездесуде Тула форумы аясында қол жеткізілген "
        "уағдаластықтардың орындалу барысы талқыланды."
    )
    labels = [f.label for f in find_event_types(text, "kk")]
    assert "conference_or_forum" not in labels
    assert "official_meeting" in labels
    # a forum held, where agreements were reached, stays one
    text = "Павлодарда халықаралық форум өтті. Форумда бірқатар келісімге қол жеткізілді."
    assert "conference_or_forum" in [f.label for f in find_event_types(text, "kk")]


def test_a_forums_plenary_session_is_no_official_meeting() -> None:
    text = (
        "В Омске открылся международный медицинский форум. "
        "В пленарном заседании приняли участие врачи из Тулы и Томска."
    )
    labels = _labels(find_event_types(text, "ru"))
    assert "conference_or_forum" in labels
    assert "official_meeting" not in labels
    meeting = "В Омске прошло заседание рабочей группы министерств здравоохранения."
    assert "official_meeting" in _labels(find_event_types(meeting, "ru"))


def test_vietnamese_visit_with_a_comma_a_courtesy_call_and_a_welcome_to_investors():
    visit = (
        "Bộ trưởng thăm Tomsk. Thời tiết đẹp. Trời nắng nhẹ. "
        "Sáng nay, ông Đinh Văn Khoa thăm, làm việc tại bệnh viện. "
        "Ông Đinh Văn Khoa thăm, làm việc với các bác sĩ trẻ."
    )
    assert "delegation_visit" in _labels(find_event_types(visit, "vi"))
    call = "Ông Ivan Orlov tới chào xã giao lãnh đạo Kon Tum."
    assert "official_meeting" in _labels(find_event_types(call, "vi"))
    welcome = "Lãnh đạo Kon Tum nói rất hoan nghênh nhà đầu tư Omsk."
    assert "investment_or_construction" not in _labels(find_event_types(welcome, "vi"))


def test_a_vietnamese_transfer_of_several_techniques_is_training():
    text = "Bệnh viện Omsk chuyển giao nhiều kỹ thuật cho Kon Tum. Trời đẹp. Trời mưa."
    assert _labels(find_event_types(text, "vi")) == ["training_or_exchange"]


def test_a_russian_summer_school_is_training() -> None:
    text = (
        "В Томске завершилась летняя школа для студентов-медиков.\n\n"
        "Студенты из Омска и Тулы знакомились с работой больниц."
    )
    assert "training_or_exchange" in _labels(find_event_types(text, "ru"))


def test_the_head_of_a_delegation_reports_a_visit() -> None:
    text = (
        "Студенты из Омска смогут учиться в Туле.\n\n"
        "Ректоры обсудили обмен преподавателями.\n\n"
        "Договор открывает новые программы обучения.\n\n"
        "«Мы рады сотрудничеству», — сказал руководитель делегации университета Иван Орлов."
    )
    assert "delegation_visit" in _labels(find_event_types(text, "ru"))
    once = text.replace("руководитель делегации", "ректор")
    assert "delegation_visit" not in _labels(find_event_types(once, "ru"))


def test_a_vietnamese_delegation_arriving_is_a_visit_and_receiving_students_no_meeting():
    def labels(text: str) -> set[str]:
        return {e.label for e in find_event_types(text, "vi")}

    # "thăm làm việc" without "và", and a delegation arriving, are a visit
    assert "delegation_visit" in labels("Đại sứ Omsk thăm làm việc tại tỉnh Kon Tum")
    assert "delegation_visit" in labels("Các đoàn đến từ Tomsk tham quan bệnh viện Kon Tum")
    # welcoming or meeting students is no official meeting; welcoming an official still is
    assert "official_meeting" not in labels("Trường Kon Tum tiếp đón sinh viên từ Tomsk")
    assert "official_meeting" not in labels("Đoàn gặp gỡ giảng viên và sinh viên Bến Tre")
    assert "official_meeting" in labels("Chủ tịch tỉnh Kon Tum tiếp đón Đại sứ Omsk")


def test_kazakh_council_or_remote_advice_is_no_medical_mission() -> None:
    council = (
        "Кеңестің отырысында пациенттерге медициналық көмек көрсетуді ұйымдастыру "
        "талқыланды. Отырыс Томскіде өтті."
    )
    assert "medical_mission" not in _labels(find_event_types(council, "kk"))
    remote = (
        "Жоба ауыл тұрғындарына қашықтықтан кеңес алуға мүмкіндік береді, "
        "пациенттер онлайн тексеріледі."
    )
    assert "medical_mission" not in _labels(find_event_types(remote, "kk"))
    given = "Омбы дәрігерлері Павлодарға келіп, науқастарға тегін кеңес берді."
    assert "medical_mission" in _labels(find_event_types(given, "kk"))


def test_vietnamese_signing_only_planned_is_no_signing() -> None:
    planned = (
        "Hội thảo y tế tại Kon Tum.\nTrường sẽ thảo luận với bệnh viện Tula để ký kết thỏa thuận."
    )
    assert "agreement_signing" not in _labels(find_event_types(planned, "vi"))
    signed = "Hội thảo y tế tại Kon Tum.\nTrường đã ký kết thỏa thuận với bệnh viện Tula."
    assert "agreement_signing" in _labels(find_event_types(signed, "vi"))


def test_vi_pharmacy_as_a_kind_of_university_is_no_field() -> None:
    text = "Hội nghị y tế tại Kon Tum.\nTham dự có hai trường y, dược của Bến Tre."
    assert "pharmaceuticals" not in _labels(find_medical_fields(text, "vi"))
    text = "Hội nghị y tế tại Kon Tum.\nHai bên bàn về sản xuất dược phẩm ở Bến Tre."
    assert "pharmaceuticals" in _labels(find_medical_fields(text, "vi"))


@pytest.mark.parametrize(
    "text",
    [
        "Томские врачи проведут в Омске медосмотр школьников.",
        "Хирурги из Тулы собираются осмотреть в Омске сотни детей.\n"
        "Врачи осмотрят пациентов сельских больниц.",
    ],
)
def test_a_russian_examination_announced_or_to_come_is_a_medical_mission(text: str) -> None:
    assert "medical_mission" in _labels(find_event_types(text, "ru"))


def test_a_russian_signing_still_to_come_is_no_signing_event() -> None:
    text = "Делегация из Тулы посетила Омск.\nВ июне будет подписан договор о сотрудничестве."
    assert "agreement_signing" not in _labels(find_event_types(text, "ru"))


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a seminar is training, as in Russian and Kazakh
        ("Tomsk shahrida shifokorlar uchun seminar tashkil etildi.", "uz", "training_or_exchange"),
        ("Tula şəhərində həkimlər üçün seminar keçirilib.", "az", "training_or_exchange"),
        # a hospital's opening is construction, as "açılış töreni" is in Turkish
        ("Томск шаарында жаңы ооруканасынын ачылышы болду.", "ky", "investment_or_construction"),
        ("Tula shahrida yangi shifoxona ochildi.", "uz", "investment_or_construction"),
        ("Tomsk şəhərində yeni xəstəxana açılıb.", "az", "investment_or_construction"),
    ],
)
def test_turkic_seminars_and_hospital_openings(text: str, language: str, label: str) -> None:
    findings = find_event_types(text, language)
    assert _labels(findings)[0] == label
    _assert_grounded(text, findings)


def test_a_russian_agreement_of_intent_is_a_signing_not_a_plan() -> None:
    # "соглашение о намерениях" names a document; "намерены подписать" is still a plan
    signed = "Омск и компания из Томска заключили соглашение о намерениях по строительству."
    assert "agreement_signing" in _labels(find_event_types(signed, "ru"))
    planned = "Омск и Томск намерены подписать соглашение о сотрудничестве в сфере медицины."
    assert "agreement_signing" not in _labels(find_event_types(planned, "ru"))


@pytest.mark.parametrize(
    "text",
    [
        "Тула направила в Павлодар медицинских экспертов.\nОни помогут местным больницам.",
        "Группа медиков из Омска вылетела в Кон Тум, чтобы помочь в борьбе с эпидемией.",
        "Вместе с медбригадой в Томск доставят маски и медицинскую одежду.\nЭто помощь.",
    ],
)
def test_a_russian_medical_team_sent_abroad_is_a_medical_mission(text: str) -> None:
    findings = find_event_types(text, "ru")
    assert "medical_mission" in _labels(findings)
    assert all(text[f.span.start : f.span.end] == f.span.text for f in findings)


def test_russian_doctors_who_come_to_exchange_experience_visit_and_treat_no_one() -> None:
    text = (
        "Врачи из Павлодара приехали для обмена опытом в Омск.\n"
        "В Омск приехали хирург Иван Орлов и врач-стажер Анна Белова."
    )
    labels = _labels(find_event_types(text, "ru"))
    assert "delegation_visit" in labels
    assert "medical_mission" not in labels


def test_a_russian_forum_reported_as_held_is_an_event_even_mentioned_once_late() -> None:
    text = (
        "Томская область хочет привлекать туристов.\n"
        "Оценить клиники приехали гости из Омска и Тулы.\n"
        "Туроператоры тоже приехали.\n"
        "Конференция проходит в рамках Недели туризма."
    )
    assert "conference_or_forum" in _labels(find_event_types(text, "ru"))


def test_russian_education_among_other_sectors_is_no_medical_education() -> None:
    # "образование" listed beside space and farming is general schooling; with doctors or
    # medicine in its sentence it is medical education
    sectors = (
        "Омск и Томск подписали меморандум о сотрудничестве в сфере здравоохранения.\n"
        "Документы охватывают космос, сельское хозяйство, здравоохранение, образование."
    )
    assert "medical_education" not in _labels(find_medical_fields(sectors, "ru"))
    medical = "Тула и Павлодар договорились о сотрудничестве по медицинскому образованию."
    assert "medical_education" in _labels(find_medical_fields(medical, "ru"))


def test_a_russian_video_conference_is_no_digital_health_but_medical_products_are_drugs() -> None:
    calls = "Врачи больницы Омска проводили видеоконференции с коллегами из Тулы."
    assert "digital_health" not in _labels(find_medical_fields(calls, "ru"))
    products = "Министры здравоохранения обсудили обращение медицинской продукции."
    assert "pharmaceuticals" in _labels(find_medical_fields(products, "ru"))


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # "y dược" names the schools or the trade of medicine and pharmacy, no drug topic
        (
            "Lãnh đạo các trường đại học, cao đẳng y dược tại Bến Tre dự hội thảo đào tạo bác sĩ.",
            "pharmaceuticals",
            "medical_education",
        ),
        # traditional medicine is a specialty outside the vocabulary
        ("Bệnh viện Tula hợp tác với Kon Tum về y dược cổ truyền.", "pharmaceuticals", "other"),
        # "after the pandemic" dates the event: no infectious-disease topic
        (
            "Hội thảo tại Kon Tum bàn về quản lý bệnh viện sau đại dịch Covid-19. "
            "Hai bên hợp tác đào tạo bác sĩ.",
            "infectious_diseases",
            "medical_education",
        ),
    ],
)
def test_vietnamese_medicine_and_pharmacy_and_the_pandemic_as_a_time_are_no_topics(
    text: str, absent: str, present: str
) -> None:
    labels = _labels(find_medical_fields(text, "vi"))
    assert absent not in labels and present in labels


def test_vietnamese_drugs_and_covid_as_a_subject_stay_topics() -> None:
    text = "Bệnh viện Tula hợp tác với Kon Tum phòng chống Covid-19 và sản xuất dược phẩm."
    labels = _labels(find_medical_fields(text, "vi"))
    assert {"infectious_diseases", "pharmaceuticals"} <= set(labels)


@pytest.mark.parametrize(
    "text",
    [
        "Кардиологи из Омска проведут бесплатные операции в Павлодаре.",
        "В Туле группа врачей из Томска проведет операции детям. Акция продлится неделю.",
    ],
)
def test_russian_doctors_who_will_operate_report_a_medical_mission(text: str) -> None:
    assert "medical_mission" in _labels(find_event_types(text, "ru"))


@pytest.mark.parametrize(
    "text",
    [
        "Министр здравоохранения Омской области Иван Орлов встретился с послом в Томске. "
        "Встреча прошла в рамках подготовки к предстоящему визиту делегации в Павлодар "
        "с целью подписания соглашения о сотрудничестве.",
        "Анна Белова обсудила с коллегами из Тулы предстоящий визит в Омск. "
        "Стороны провели переговоры в Томске.",
    ],
)
def test_russian_visits_and_signings_still_ahead_are_no_events_of_the_article(text: str) -> None:
    labels = _labels(find_event_types(text, "ru"))
    assert "official_meeting" in labels
    assert "delegation_visit" not in labels and "agreement_signing" not in labels


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Томск и Павлодар обсудили развитие электронного здравоохранения.", "digital_health"),
        ("Больница Омска внедряет электронные медицинские карты.", "digital_health"),
        ("Врачи из Тулы бесплатно оперируют детям и подросткам в Омске.", "pediatrics"),
        ("Хирурги Томска провели операции подросткам из Павлодара.", "pediatrics"),
    ],
)
def test_russian_e_health_and_children_as_patients_are_topics(text: str, field: str) -> None:
    assert field in _labels(find_medical_fields(text, "ru"))


def test_russian_investors_in_the_lead_report_an_investment() -> None:
    text = "Инвесторы из Омска заинтересовались проектом клиники в Туле. Стороны обсудили планы."
    assert "investment_or_construction" in _labels(find_event_types(text, "ru"))


def test_a_kazakh_guest_is_a_delegation_visit() -> None:
    text = (
        "Тула университетінің ректоры Анна Белова Павлодарда қонақта болды.\n"
        "Мәртебелі қонақ ауруханамен танысты."
    )
    labels = [f.label for f in find_event_types(text, "kk")]
    assert "delegation_visit" in labels
    text = "Омбыдан келген меймандар Павлодар клиникасын аралады. Олар дәрігерлермен сөйлесті."
    assert "delegation_visit" in [f.label for f in find_event_types(text, "kk")]


def test_a_kazakh_hotel_or_hospitality_is_no_visit() -> None:
    text = "Павлодарда жаңа қонақ үй ашылды.\nТула тұрғындарының меймандостығы туралы айтылды."
    assert "delegation_visit" not in [f.label for f in find_event_types(text, "kk")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Делегация Омска посетила Тулу и передала гуманитарную помощь больнице.", "ru"),
        ("Омбы делегациясы Тулаға барып, ауруханаға гуманитарлық көмек тапсырды.", "kk"),
        ("Đoàn công tác tỉnh Kon Tum đã đến thăm Bến Tre và trao hàng viện trợ nhân đạo.", "vi"),
        ("A delegation from Omsk visited Tula and handed humanitarian aid to a hospital.", "en"),
    ],
)
def test_humanitarian_aid_handed_over_is_an_other_event(text: str, language: str) -> None:
    """Aid handed over is no type of the vocabulary: the gold convention labels it other,
    beside the visit that brought it."""
    labels = _labels(find_event_types(text, language))
    assert "other" in labels and "delegation_visit" in labels


@pytest.mark.parametrize(
    ("text", "language", "kind", "label", "present"),
    [
        # better care for the people is an aim, no mission; doctors treating them are
        (
            "Dự án cải thiện chất lượng khám chữa bệnh cho bà con Kon Tum.",
            "vi",
            "e",
            "medical_mission",
            False,
        ),
        (
            "Đoàn bác sĩ Bến Tre khám chữa bệnh cho bà con Kon Tum.",
            "vi",
            "e",
            "medical_mission",
            True,
        ),
        # a convention centre's name holds no conference; a state tour is a visit
        (
            "Đoàn Kon Tum thăm Trung tâm Hội nghị tỉnh Bến Tre.",
            "vi",
            "e",
            "conference_or_forum",
            False,
        ),
        ("Bộ trưởng có chuyến công du tới Bến Tre.", "vi", "e", "delegation_visit", True),
        # a legislature named a congress is no congress held
        (
            "Ivan Orlov of the Tomsk People's Congress met doctors from Omsk.",
            "en",
            "e",
            "conference_or_forum",
            False,
        ),
        (
            "A congress of surgeons from Omsk opened in Tomsk.",
            "en",
            "e",
            "conference_or_forum",
            True,
        ),
        # an assembly is a forum; raising qualifications is training
        (
            "Омские врачи выступили на ассамблее медиков в Томске.",
            "ru",
            "e",
            "conference_or_forum",
            True,
        ),
        (
            "Томские медики прошли повышение квалификации в Омске.",
            "ru",
            "e",
            "training_or_exchange",
            True,
        ),
        # "thầy thuốc" is a physician, not a medicine; medical supplies are equipment
        ("Các thầy thuốc Kon Tum đã đến Bến Tre.", "vi", "f", "pharmaceuticals", False),
        (
            "Tỉnh Kon Tum trao tặng vật tư y tế cho bệnh viện Bến Tre.",
            "vi",
            "f",
            "medical_equipment",
            True,
        ),
        # a school's digital change is no digital health; a hospital's is
        (
            "Trường Kon Tum đẩy mạnh chuyển đổi số trong giáo dục. Trường có khoa y tế.",
            "vi",
            "f",
            "digital_health",
            False,
        ),
        (
            "Bệnh viện Kon Tum đẩy mạnh chuyển đổi số trong khám bệnh.",
            "vi",
            "f",
            "digital_health",
            True,
        ),
        # knowledge shared is no education; a building company is no health investment
        (
            "Омбы дәрігерлері аурухана мамандарымен білімдерін бөлісті.",
            "kk",
            "f",
            "medical_education",
            False,
        ),
        ("Аурухана құрылыс компаниясынан сыйлық алды.", "kk", "f", "health_investment", False),
        # masks and gloves handed over are equipment, a surgical mask no surgery
        (
            "Омбы ауруханасына хирургиялық маска мен қолғап жеткізілді.",
            "kk",
            "f",
            "medical_equipment",
            True,
        ),
        ("Омбы ауруханасына хирургиялық маска мен қолғап жеткізілді.", "kk", "f", "surgery", False),
        # an article on an epidemic's hospitals is about health care
        (
            "Жұқпалы аурулар госпитальдары коронавируспен күреседі.",
            "kk",
            "f",
            "infectious_diseases",
            True,
        ),
    ],
)
def test_cue_words_from_the_third_fresh_reading(text, language, kind, label, present):
    find = find_event_types if kind == "e" else find_medical_fields
    assert (label in [f.label for f in find(text, language)]) is present


@pytest.mark.parametrize(
    ("text", "language", "kind", "label", "present"),
    [
        # foreign doctors who examine or operate are a mission without the word "free"
        ("Tomsk həkimləri 40 nəfəri müayinə ediblər.", "az", "e", "medical_mission", True),
        ("Tomsk doktorları 40 hastayı muayene etti.", "tr", "e", "medical_mission", True),
        ("Томск дарыгерлери Ошко келишти.", "ky", "e", "medical_mission", True),
        ("Tomsk shifokorlari Buxoroga keldi.", "uz", "e", "medical_mission", True),
        # an operation offered is none performed
        ("Томск шифокорлари операция ўтказишни таклиф қилди.", "uz", "e", "medical_mission", False),
        # a Kazakh host who welcomed the delegation met it; a plan signed is a signing
        (
            "Омбы әкімі Томск делегациясын қарсы алды.",
            "kk",
            "e",
            "official_meeting",
            True,
        ),
        ("Тараптар іс-шаралар жоспарына қол қойды.", "kk", "e", "agreement_signing", True),
        # operations are surgery in Azerbaijani; tuberculosis is infectious in Kyrgyz
        ("Tomsk klinikasında 12 xəstə əməliyyat edilib.", "az", "f", "surgery", True),
        ("Томск ооруканасы кургак учукка каршы иштейт.", "ky", "f", "infectious_diseases", True),
        # sick children are paediatrics; endoscopy is a specialty outside the vocabulary
        ("Bác sĩ Kon Tum phẫu thuật cho các bệnh nhi.", "vi", "f", "pediatrics", True),
        ("Bác sĩ Bến Tre dự hội thảo về nội soi tại Kon Tum.", "vi", "f", "other", True),
        # a surgical mask is no surgery
        ("Bến Tre trao tặng khẩu trang phẫu thuật cho Kon Tum.", "vi", "f", "surgery", False),
    ],
)
def test_cue_words_from_the_fourth_fresh_reading(text, language, kind, label, present):
    find = find_event_types if kind == "e" else find_medical_fields
    assert (label in [f.label for f in find(text, language)]) is present


def test_the_first_sentence_after_a_late_dateline_is_the_lead() -> None:
    """A headline and a subtitle may come before the dateline ("OMSK, 19 Feb - AGENCY."):
    the report's own first sentence is still the lead's, so its one meeting counts."""
    text = (
        "Врачи Томска будут работать в Омске\n\n"
        "Новые программы обмена опытом появятся в двух городах уже в этом году.\n\n"
        "ОМСК, 19 фев — Агентство. Министр Иван Орлов провел встречу с коллегами из Томска.\n\n"
        "Он рассказал о планах на год."
    )
    assert "official_meeting" in _labels(find_event_types(text, "ru"))


def test_a_meeting_in_one_body_sentence_counts_when_it_names_an_official() -> None:
    """Talks with a named official are the spec's meeting, even in one body sentence; the
    same sentence without an official found is one weak cue, not enough."""
    text = (
        "Омбы компаниясы Томскіде жаңа зауыт салады.\n\n"
        "Жоба құны 20 миллиард теңге.\n\n"
        "Құрылыс келесі жылы басталады.\n\n"
        "Компания басшысы Томск әкімі Иван Орловпен мәселелерді талқылады."
    )
    start = text.index("Томск әкімі")
    official = Span.of(text, start, start + len("Томск әкімі Иван Орловпен"))
    assert "official_meeting" in _labels(find_event_types(text, "kk", [official]))
    assert "official_meeting" not in _labels(find_event_types(text, "kk"))


@pytest.mark.parametrize(
    ("text", "language", "label", "present"),
    [
        # equipment a hospital was shown is no topic; equipment delivered is
        (
            "Делегация Омска ознакомилась с оборудованием больницы Томска.",
            "ru",
            "medical_equipment",
            False,
        ),
        ("Омск передал больнице Томска новое оборудование.", "ru", "medical_equipment", True),
        # perinatal centres are maternal health; an airlift's operation is no surgery
        (
            "Омбыда жаңа перинаталдық орталық ашылды, дәрігерлер қатысты.",
            "kk",
            "maternal_health",
            True,
        ),
        ("Нәрестені тасымалдау операциясы сәтті өтті, дәрігерлер қатысты.", "kk", "surgery", False),
    ],
)
def test_field_cues_from_the_fifth_fresh_reading(text, language, label, present):
    assert (label in _labels(find_medical_fields(text, language))) is present


@pytest.mark.parametrize(
    ("text", "label", "present"),
    [
        # patients who came are no delegation; guests received are
        (
            "В Томск приехали пациенты из многих регионов. Врачи провели 40 операций.",
            "delegation_visit",
            False,
        ),
        ("Гостей из Омской области тепло встретили в Томске.", "delegation_visit", True),
    ],
)
def test_russian_visits_from_the_fifth_fresh_reading(text: str, label: str, present: bool) -> None:
    assert (label in _labels(find_event_types(text, "ru"))) is present


def test_kazakh_building_under_way_financing_and_maternity_words() -> None:
    """ "салынып жатыр" (is being built) is construction; financing is health investment; a
    maternity hospital or medicines alone make a text about health care."""
    built = "Түркістанда жаңа перзентхана салынып жатыр. Құрылысты Омбы компаниясы қаржыландырады."
    assert "investment_or_construction" in _labels(find_event_types(built, "kk"))
    assert {"maternal_health", "health_investment"} <= set(
        _labels(find_medical_fields(built, "kk"))
    )
    medicines = "Омбы қаласына дәрі-дәрмектер жөнелтілді."
    assert _labels(find_medical_fields(medicines, "kk")) == ["pharmaceuticals"]


def test_a_vietnamese_examination_trip_is_a_mission_not_a_visit() -> None:
    """ "chuyến thăm khám" is a trip to examine patients, not a visit ("chuyến thăm")."""
    trip = (
        "Chuyến thăm khám và mổ mắt miễn phí cho người dân Kon Tum do bệnh viện Bến Tre thực hiện."
    )
    assert _labels(find_event_types(trip, "vi")) == ["medical_mission"]
    visit = "Chuyến thăm của đoàn công tác tỉnh Kon Tum tới Bến Tre diễn ra trong hai ngày."
    assert _labels(find_event_types(visit, "vi")) == ["delegation_visit"]


@pytest.mark.parametrize(
    ("text", "label", "found"),
    [
        ("Врачи из Тулы вылетели в Омск для оказания помощи коллегам.", "medical_mission", True),
        ("В Томске проходят обучение специалисты из Омска.", "training_or_exchange", True),
        ("Специалисты из Омска прошли обучение в Томске.", "training_or_exchange", True),
        ("В Туле состоялось открытие центра ядерной медицины.", "investment_or_construction", True),
        # an opening still planned is no opening
        (
            "Делегация Тулы посетила центр, открытие которого запланировано на осень.",
            "investment_or_construction",
            False,
        ),
    ],
)
def test_russian_doctors_flying_out_training_under_way_and_planned_openings(
    text: str, label: str, found: bool
) -> None:
    assert (label in _labels(find_event_types(text, "ru"))) is found


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("Tula and Omsk inked a memorandum on hospital cooperation.", "en", "agreement_signing"),
        ("The signing ceremony took place at the Tula hospital.", "en", "agreement_signing"),
        ("Sinh viên Kon Tum sang Đức thực hành lâm sàng.", "vi", "training_or_exchange"),
    ],
)
def test_english_signing_words_and_vietnamese_clinical_practice(
    text: str, language: str, label: str
) -> None:
    assert label in _labels(find_event_types(text, language))


def test_a_vietnamese_meeting_with_the_press_is_no_official_meeting():
    from summarizer.stages.topics import find_event_types

    text = "Tại buổi gặp mặt báo chí chiều nay, Bệnh viện tỉnh Kon Tum công bố kết quả."
    assert "official_meeting" not in [f.label for f in find_event_types(text, "vi")]


def test_english_resuscitation_training_is_no_cardiology():
    from summarizer.stages.topics import find_medical_fields

    text = "Doctors from Omsk trained nurses of the Tula hospital in cardiopulmonary resuscitation."
    assert "cardiology" not in [f.label for f in find_medical_fields(text, "en")]
    text = "Cardiologists from Omsk visited the Tula hospital."
    assert "cardiology" in [f.label for f in find_medical_fields(text, "en")]


def test_chinese_building_up_a_mechanism_is_no_construction():
    from summarizer.stages.topics import find_event_types

    text = "双方就合作机制建设项目进行了交流。"
    assert "investment_or_construction" not in [f.label for f in find_event_types(text, "zh")]
    text = "双方签署了医院建设项目协议。"
    assert "investment_or_construction" in [f.label for f in find_event_types(text, "zh")]


def test_kyrgyz_digital_research_and_training_cues():
    from summarizer.stages.topics import find_medical_fields

    text = (
        "Омскиде саламаттык сактоо министрлеринин жолугушуусу болду. Санариптик "
        "трансформация, илимий изилдөө жана медициналык кадрларды даярдоо талкууланды."
    )
    assert {f.label for f in find_medical_fields(text, "ky")} >= {
        "digital_health",
        "medical_research",
        "medical_education",
    }
