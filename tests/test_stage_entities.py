"""The deterministic entities stage on invented sentences (no dataset text)."""

import pytest

from summarizer import languages
from summarizer.stages import entities_ru
from summarizer.stages.entities import (
    OrganizationFinding,
    PersonFinding,
    find_organizations,
    find_people,
    merge_people,
)
from summarizer.stages.spans import Span


def _names(people: list[PersonFinding]) -> list[str]:
    return [p.name for p in people]


def _orgs(text: str, language: str) -> dict[str, OrganizationFinding]:
    return {o.source_name: o for o in find_organizations(text, language)}


def test_russian_person_with_title_and_later_surname_is_one_person():
    text = (
        "Министр здравоохранения Верхнеозёрской области Павел Лазуткин открыл клинику. "
        "Позже Лазуткин осмотрел новое оборудование."
    )
    people = find_people(text, "ru")
    assert _names(people) == ["Pavel Lazutkin"]
    assert "министр" in people[0].role_text.lower()
    assert text[people[0].span.start : people[0].span.end] == people[0].span.text


def test_photo_credit_is_not_a_person():
    text = "Врачи провели приём пациентов.\nФото: Ольга Снегирёва\n"
    assert find_people(text, "ru") == []


def test_russian_organizations_kind_and_media():
    text = "Делегация посетила Верхнеозёрскую областную детскую больницу, сообщает ИА Zarechye."
    orgs = _orgs(text, "ru")
    hospital = next(o for o in orgs.values() if "больница" in o.source_name)
    assert hospital.kind == "hospital"
    assert orgs["Zarechye"].kind == "media"
    assert orgs["Zarechye"].english == "Zarechye"


def test_kazakh_person_after_title_and_case_ending_cut():
    text = "Облыс әкімі Нұрлан Жақыпбековтің төрағалығымен кездесу өтті."
    people = find_people(text, "kk")
    assert _names(people) == ["Nurlan Zhakypbekov"]
    assert "әкімі" in people[0].role_text


def test_kazakh_foreign_name_after_title():
    text = "Кездесуге Қытай елшісі Ли Вэньхуа қатысты."
    assert _names(find_people(text, "kk")) == ["Li Venkhua"]


def test_kazakh_organization_and_outlet():
    text = (
        "Дәрігерлер Жаңаауыл облыстық балалар ауруханасында жұмыс істеді, "
        "деп хабарлайды example.kz."
    )
    orgs = _orgs(text, "kk")
    assert orgs["Жаңаауыл облыстық балалар ауруханасы"].kind == "hospital"
    assert orgs["example.kz"].kind == "media"


def test_a_kazakh_ministry_has_an_english_name():
    orgs = find_organizations("ҚР Денсаулық сақтау министрлігінің өкілдері келді.", "kk")
    assert orgs[0].kind == "government"
    assert orgs[0].english == "Ministry of Health"


def test_vietnamese_person_without_diacritics_and_role_after_comma():
    text = "Tham dự có TS Trịnh Minh Khôi, Giám đốc Bệnh viện Sông Mây, và nhiều khách mời."
    people = find_people(text, "vi")
    assert _names(people) == ["Trinh Minh Khoi"]
    orgs = _orgs(text, "vi")
    assert orgs["Bệnh viện Sông Mây"].english == "Song May Hospital"
    assert orgs["Bệnh viện Sông Mây"].kind == "hospital"


def test_vietnamese_foreign_name_needs_a_title():
    with_title = "Ông Arvid Kettleson thăm bệnh viện."
    assert _names(find_people(with_title, "vi")) == ["Arvid Kettleson"]
    assert find_people("Đoàn đến Norvik Harbor vào sáng nay.", "vi") == []


def test_vietnamese_post_country_before_a_foreign_name_is_no_part_of_it():
    """ "Thủ tướng Australia Arvid Kettleson": Australia is whose prime minister he is."""
    text = "Thủ tướng Australia Arvid Kettleson đã tiếp đoàn Bến Tre."
    assert _names(find_people(text, "vi")) == ["Arvid Kettleson"]


def test_a_ministry_followed_by_a_country_gets_an_english_name():
    orgs = _orgs("Bộ Ngoại giao Campuchia đã tiếp đoàn.", "vi")
    assert orgs["Bộ Ngoại giao Campuchia"].english == "Ministry of Foreign Affairs of Cambodia"
    assert orgs["Bộ Ngoại giao Campuchia"].kind == "government"


def test_vietnamese_city_is_not_a_person():
    assert find_people("Đoàn công tác đến TP Lê Hòa.", "vi") == []


def test_merge_keeps_the_fullest_name_and_the_role():
    span = Span(0, 1, "x")
    merged = merge_people(
        [PersonFinding("Kettleson", span, ""), PersonFinding("Arvid Kettleson", span, "minister")]
    )
    assert [(p.name, p.role_text) for p in merged] == [("Arvid Kettleson", "minister")]


def test_unsupported_language_is_empty():
    assert find_people("卫生部部长访问医院。", "zh") == []
    assert find_organizations("卫生部部长访问医院。", "zh") == []


def test_vietnamese_words_that_look_like_names_are_not_people():
    from summarizer.stages.entities_vi import find_people

    # "bác sĩ Việt Nam" are Vietnamese doctors; "Đoàn Chủ tịch" is a presidium
    assert find_people("Hôm qua, bác sĩ Việt Nam đã tới giúp bệnh viện tỉnh.") == []
    found = find_people("Ông Trịnh Văn An, Ủy viên Đoàn Chủ tịch Hội, phát biểu.")
    assert [p.name for p in found] == ["Trinh Van An"]
    # a real "Đoàn" family name stays a person
    assert [p.name for p in find_people("Ông Đoàn Văn Hậu phát biểu.")] == ["Doan Van Hau"]


def test_turkish_people_after_a_capitalized_title_and_organizations_by_their_head():
    text = (
        "Sağlık Bakanı Mehmet Yıldırım ve Tomsk Valisi Anna Orlova görüştü. "
        "Görüşmeye Kuzey Tıp Üniversitesi ve Merkez Şehir Hastanesi temsilcileri katıldı."
    )
    people = find_people(text, "tr")
    assert _names(people) == ["Mehmet Yildirim", "Anna Orlova"]
    assert people[0].role_text.endswith("Sağlık Bakanı")
    orgs = _orgs(text, "tr")
    assert orgs["Kuzey Tıp Üniversitesi"].kind == "university_or_school"
    assert orgs["Merkez Şehir Hastanesi"].kind == "hospital"


def test_a_capitalized_english_title_inside_a_name_run_opens_the_name():
    people = find_people("Health Minister John Carver met Anna Belova in Tula.", "en")
    assert _names(people)[0] == "John Carver"
    assert people[0].role_text == "Health Minister"


def test_international_organizations_by_the_names_and_acronyms_every_language_uses():
    cases = [
        ("Представители Всемирной организации здравоохранения посетили Тулу.", "ru"),
        ("Đại diện Tổ chức Y tế Thế giới (WHO) đến Kon Tum.", "vi"),
        ("ДДСҰ өкілдері Павлодарға келді.", "kk"),
        ("Officials of the World Health Organization visited Tula.", "en"),
    ]
    for text, language in cases:
        (who,) = [
            o for o in find_organizations(text, language) if o.kind == "international_organization"
        ]
        assert who.english == "World Health Organization", text
        assert text[who.span.start : who.span.end] == who.source_name
    # an acronym only in capitals, as a whole word: "who" is an English word
    assert not find_organizations("Doctors who came from Tula met nurses.", "en")
    # the longer name wins over the one inside it
    (fund,) = find_organizations("Quỹ Nhi đồng Liên Hợp Quốc tài trợ dự án.", "vi")
    assert fund.english == "UNICEF"


def test_a_credit_in_brackets_or_after_a_slash_names_no_participant():
    text = "Giám đốc Đinh Văn Khoa phát biểu (Ảnh: Trần Minh Đức) tại hội nghị ở Kon Tum."
    assert _names(find_people(text, "vi")) == ["Dinh Van Khoa"]
    text = "Kon Tum/Ảnh: Trần Minh Đức\nGiám đốc Đinh Văn Khoa phát biểu tại hội nghị."
    assert _names(find_people(text, "vi")) == ["Dinh Van Khoa"]


def test_the_agency_of_a_dateline_is_the_outlet():
    for text, agency in [
        ("ОМСК, 2 июня. /ТАСС/. Делегация из Тулы прибыла в Омск.", "ТАСС"),
        ("Омск. 2 сентября. ИНТЕРФАКС - Делегация из Тулы прибыла.", "ИНТЕРФАКС"),
    ]:
        orgs = _orgs(text, "ru")
        assert orgs[agency].kind == "media", text


def test_an_agency_in_slashes_after_a_numeric_date_or_a_place_alone_is_the_outlet():
    assert (
        _orgs("Томск, 05.11.30. /Омскинфо/. Томск дарыгерлери келишти.", "ky")["Омскинфо"].kind
        == "media"
    )
    assert _orgs("Tomsk /OMSKINFO/ Doctors from Tula arrived.", "en")["OMSKINFO"].kind == "media"


def test_a_wire_services_credit_after_an_english_dateline_is_the_outlet():
    text = "TOMSK, April 9 (Omsknews) -- Doctors from Tula arrived in Tomsk, Russia."
    assert _orgs(text, "en")["Omsknews"].kind == "media"


def test_an_aides_title_keeps_its_head_word():
    (person,) = find_people(
        "Об этом сообщил помощник министра здравоохранения Алексей Орлов.", "ru"
    )
    assert person.role_text.startswith("помощник")


def test_a_vietnamese_name_goes_on_over_a_city_abbreviation_and_development():
    from summarizer.stages import entities_vi

    def names(text: str) -> list[str]:
        return [o.source_name for o in entities_vi.find_organizations(text)]

    assert names("Hội Thầy thuốc trẻ TP.KT đã khám bệnh cho người dân.") == [
        "Hội Thầy thuốc trẻ TP.KT"
    ]
    assert names("Quỹ Hỗ trợ phát triển Kon Tum tài trợ.")[0].startswith("Quỹ Hỗ trợ phát triển")
    assert names("Bộ Y tế phát biểu tại hội nghị.") == ["Bộ Y tế"]


def test_a_vietnamese_president_and_his_wife_are_people():
    text = "Tổng thống Lào Emmanuel Kessler, phu nhân Brigitte Kessler đã đến Kon Tum."
    assert _names(find_people(text, "vi")) == ["Emmanuel Kessler", "Brigitte Kessler"]


def test_vietnamese_peoples_committees_banks_colleges_and_a_name_that_opens_with_a_title_word():
    text = (
        "Ủy ban nhân dân huyện Kon Tum ký kết với Ngân hàng Phát triển Hàn Quốc và "
        "Trường Cao đẳng Y tế Bến Tre. Bác sĩ Bệnh viện Thống Nhất cùng tham gia."
    )
    found = _orgs(text, "vi")
    assert "Ủy ban nhân dân huyện Kon Tum" in found
    assert found["Ngân hàng Phát triển Hàn Quốc"].kind == "company"
    assert found["Trường Cao đẳng Y tế Bến Tre"].kind == "university_or_school"
    assert "Bệnh viện Thống Nhất" in found


def test_russian_names_opened_by_a_preposition_oncology_centres_assemblies_and_channels():
    found = _orgs("Между Омской областной больницей и Томским онкоцентром подписан договор.", "ru")
    assert {f.kind for f in found.values()} >= {"hospital", "clinic_or_center"}
    assert all(not name.lower().startswith("между") for name in found)
    assert any(
        f.kind == "government"
        for f in _orgs("Депутаты Законодательного собрания Омской области.", "ru").values()
    )
    media = _orgs("Об этом сообщает телеграм-канал «Тульский врач».", "ru")
    assert [f.kind for f in media.values()] == ["media"]


def test_kazakh_names_that_open_like_a_pronoun_and_abbreviations_beside_a_name():
    from summarizer.stages.entities import find_people

    people = find_people("Премьер-министр Олжас Бекұлы РФ делегациясын қабылдады.", "kk")
    assert [p.name for p in people] == ["Olzhas Bekuly"]
    assert [p.name for p in find_people("Бұл кездесуде Басира Нұрланқызы сөйледі.", "kk")] == [
        "Basira Nurlankyzy"
    ]


def test_a_kazakh_title_is_read_from_the_right_but_a_post_in_a_place_is_not_guessed():
    from summarizer.stages.org_names import compose_title

    assert compose_title("Құжатқа Павлодар облысының әкімі", "kk") == "Akim of Pavlodar Region"
    assert compose_title("Премьер-министрі", "kk") == "Prime Minister"
    assert compose_title("Жапонияның Омбыдағы Төтенше және Өкілетті Елшісі", "kk") is None


def test_kazakh_organization_names_keep_medicina_curly_quotes_and_skip_adjectives():
    from summarizer.stages.entities import find_organizations
    from summarizer.stages.entities_international import find_international

    def names(text: str) -> list[str]:
        return [o.source_name for o in find_organizations(text, "kk")]

    assert names("Павлодар облыстық медицина орталығына делегация келді.") == [
        "Павлодар облыстық медицина орталығы"
    ]
    assert names("“Жана Тан” оңалту орталығының мамандары келді.") == ["«Жана Тан» оңалту орталығы"]
    # "клиникалық" (clinical) is no clinic, "ұйымдастыру" (to organize) no organization
    assert names("Омбы облыстық клиникалық ауруханасында кездесу өтті.") == [
        "Омбы облыстық клиникалық ауруханасы"
    ]
    assert names("Жиынды ұйымдастыру жұмыстары басталды.") == []
    found = find_international("ДДҰ басшысы мен Дүниежүзілік денсаулық сақтау ұйымының өкілі")
    assert [o.english for o in found] == ["World Health Organization"]
    assert found[0].span.text == "ДДҰ"


def test_a_kazakh_surname_in_capitals_joins_the_name_and_a_signature_line_is_no_person():
    from summarizer.stages.entities import find_people

    def people(text: str) -> list[str]:
        return [p.name for p in find_people(text, "kk")]

    assert people("Облыс әкімі Асан СЕРІКҰЛЫ Қытай делегациясын қабылдады.") == ["Asan Serikuly"]
    assert people("Делегация Омбыға келді.\nАсан СЕРІКҰЛЫ\n") == []
    # an abbreviation in capitals is still no part of a name
    assert people("Кездесуге ҚР министрі Анна Белова қатысты.") == ["Anna Belova"]


def test_a_plural_head_names_no_single_russian_organization():
    text = (
        "Омские врачи стажировались в лучших больницах Казахстана, "
        "в Городских клиниках Тулы и в Центрах здоровья Томской области."
    )
    assert _orgs(text, "ru") == {}
    one = _orgs("Делегация посетила клиники Томска.", "ru")  # also a genitive singular
    assert list(one) == ["клиники Томска"]
    # each country has one ministry of health: a plural of a government body names them
    both = _orgs("Собрались представители министерств здравоохранения Казахстана и Монголии.", "ru")
    assert [f.kind for f in both.values()] == ["government"]


def test_a_russian_role_starts_after_vo_glave_s_and_runs_over_abbreviations():
    led = find_people("В Омск прибыла делегация во главе с бургомистром Тулы Иваном Орловым.", "ru")
    assert [(p.name, p.role_text) for p in led] == [("Ivan Orlov", "бургомистром Тулы")]
    text = "Делегацию встретил Глава администрации Кировского района г. Омска Пётр Смирнов."
    assert find_people(text, "ru")[0].role_text == "Глава администрации Кировского района г. Омска"
    year = "Клинику открыл министр в 2020 г. Анна Белова осмотрела её."  # a year's "г." ends it
    assert [p.role_text for p in find_people(year, "ru")] == [""]


def test_a_quoted_name_after_an_organization_noun_belongs_to_it():
    text = (
        'Омские дети отдыхали в санатории "Ромашка", а фонд „Надежда“ оплатил путёвки. '
        "Об этом сообщило информагентство «Тула-Пресс»."
    )
    found = {o.span.text: o for o in find_organizations(text, "ru")}
    assert found['санатории "Ромашка"'].kind == "sanatorium_or_resort"
    assert found['санатории "Ромашка"'].english == 'Sanatorium "Romashka"'
    assert found["фонд „Надежда“"].english == 'Foundation "Nadezhda"'
    outlet = found["информагентство «Тула-Пресс»"]
    assert (outlet.kind, outlet.source_name) == ("media", "Тула-Пресс")


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # an honorific before the name is no role: the title written after it is
        ("Tham dự có ông Đinh Văn Khoa, Hiệu trưởng Trường Tula.", ["Hiệu trưởng Trường Tula"]),
        ("Tiến sĩ Ivan Orlov - Phó Giám đốc Bệnh viện Omsk.", ["Phó Giám đốc Bệnh viện Omsk"]),
        # "cùng" (together with) starts the next person's title, as "và" does
        ("Trưởng đoàn cùng ông Ivan Orlov - Chủ tịch Hội Tula đã đến.", ["Chủ tịch Hội Tula"]),
        # with no title after the name, the honorific stays
        ("Bác sĩ Đinh Văn Khoa khám bệnh.", ["Bác sĩ"]),
    ],
)
def test_a_vietnamese_honorific_gives_way_to_the_title_after_the_name(text, roles):
    assert [p.role_text for p in find_people(text, "vi")] == roles


def test_a_kazakh_outlet_named_before_its_reporting_verb_is_the_outlet():
    from summarizer.stages.entities import find_organizations

    found = find_organizations("Бұл туралы «Жана Тан» газеті хабарлады.", "kk")
    assert [(o.source_name, o.kind) for o in found] == [("Жана Тан", "media")]


def test_a_vietnamese_name_after_an_implicit_province_is_a_person():
    from summarizer.stages.entities import find_people

    people = find_people("Lãnh đạo UBND tỉnh Đinh Văn Khoa phát biểu.", "vi")
    assert [p.name for p in people] == ["Dinh Van Khoa"]
    assert find_people("Đoàn đến tỉnh Kon Tum và tỉnh Bến Tre.", "vi") == []


def test_a_vietnamese_name_ends_before_the_verb_wish():
    from summarizer.stages.entities import find_organizations

    found = find_organizations("Bệnh viện Bến Tre mong muốn hợp tác với tỉnh Kon Tum.", "vi")
    assert [o.source_name for o in found] == ["Bệnh viện Bến Tre"]


def test_a_russian_name_left_in_the_instrumental_case_is_put_back_into_the_nominative():
    # The tagger reads an unfamiliar name after a genitive chain as a nominative.
    text = "Глава Тулы встретился с советником министра образования страны Дильшодом Тарбековым."
    assert _names(find_people(text, "ru")) == ["Dilshod Tarbekov"]
    text = "Мэр Тулы Иван Орлов встретился с министром Омской Республики Ильхомом Зарбиевым."
    assert _names(find_people(text, "ru")) == ["Ivan Orlov", "Ilkhom Zarbiyev"]


def test_only_a_whole_instrumental_name_changes():
    nominative = entities_ru._nominative
    assert nominative(["Анна", "Белова"], ["Анна", "Белова"]) == ["Анна", "Белова"]
    assert nominative(["Орловым"], ["Орловым"]) == ["Орловым"]
    assert nominative(["Дильшод", "Тарбековым"], ["Дильшод", "Тарбековым"]) == [
        "Дильшод",
        "Тарбековым",
    ]
    # a word the tagger did put into the nominative stays as it made it
    written = ["Ильхомом", "Зарбиевым"]
    assert nominative(written, ["Ильхом", "Зарбиевым"]) == ["Ильхом", "Зарбиев"]
    endings = languages.load("ru", "people")["instrumental_name_endings"]
    assert endings["surname"]["овым"] == "ов"


def test_a_foreign_name_after_an_instrumental_title_loses_the_instrumental_ending():
    text = "Министр встретился с директором больницы Тула Жоаном Бартоломом."
    assert _names(find_people(text, "ru")) == ["Zhoan Bartolom"]
    foreign = entities_ru._foreign_nominative
    # the tagger's own forms and words without the ending are kept
    assert foreign(["Нгуеном", "Ван", "Кхоа"], ["Нгуеном", "Ван", "Кхоа"]) == [
        "Нгуен",
        "Ван",
        "Кхоа",
    ]
    assert foreign(["Иваном", "Орловым"], ["Иван", "Орлов"]) == ["Иван", "Орлов"]
    assert entities_ru._foreign_word("Домом") == "Домом"[:-2]
    assert entities_ru._foreign_word("Тиаом") == "Тиаом"  # a vowel before: no ending cut


def test_a_foreign_name_in_a_after_an_instrumental_title_gets_its_a_back():
    text = "Губернатор встретился с послом Жаной Тан."
    assert _names(find_people(text, "ru")) == ["Zhana Tan"]
    assert entities_ru._foreign_word("Бартолой") == "Бартола"  # "-ой" of a name in "-а"
    assert entities_ru._foreign_word("Тиаой") == "Тиаой"  # a vowel before: no ending cut
    assert entities_ru._foreign_word("Той") == "Той"  # too short a stem


def test_an_instrumental_title_is_told_from_a_nominative_one():
    assert entities_ru._is_instrumental("Мэр встретился с директором больницы")
    assert not entities_ru._is_instrumental("директор больницы")
    assert not entities_ru._is_instrumental("")


def test_a_word_of_address_ends_a_russian_role():
    text = "Делегация больницы во главе с директором госпожой Анной Беловой посетила Омск."
    assert [p.role_text for p in find_people(text, "ru")] == ["директором"]
    text = "Гостей из Тулы возглавил директор клиники господин Иван Орлов."
    assert [p.role_text for p in find_people(text, "ru")] == ["директор клиники"]
    assert entities_ru._without_honorifics("директор господин") == "директор"


def test_a_title_before_a_quoted_name_or_bracketed_abbreviation_reaches_the_person():
    text = "Лекцию прочел директор клиники «Омега» Иван Орлов."
    assert [p.role_text for p in find_people(text, "ru")] == ["директор клиники «Омега»"]
    text = "Гостей встретил ректор Омского медицинского университета (ОмГМУ) Иван Орлов."
    assert [p.role_text for p in find_people(text, "ru")] == [
        "ректор Омского медицинского университета (ОмГМУ)"
    ]


def test_a_given_name_and_patronymic_mention_is_no_second_person():
    text = (
        "Форум открыла заместитель губернатора Омской области Анна Белова. "
        "«Мы рады гостям», – сказала Анна Петровна."
    )
    assert _names(find_people(text, "ru")) == ["Anna Belova"]


def test_a_russian_name_followed_by_its_latin_spelling_takes_that_spelling():
    text = "Меморандум подписал посол Марио Росси (Mario Rossi) и министр Иван Орлов."
    assert _names(find_people(text, "ru")) == ["Mario Rossi", "Ivan Orlov"]
    assert entities_ru._original_spelling("Иван Орлов (округ)") is None
    assert entities_ru._original_spelling("Иван Орлов") is None
    assert entities_ru._original_spelling("Жозе Руис (José Ruiz)") == "José Ruiz"


def test_a_person_after_a_russian_reporting_verb_is_no_outlet():
    text = "Омская больница получит новое оборудование, сообщил Орлов журналистам."
    assert [o.kind for o in find_organizations(text, "ru")] == ["hospital"]
    text = "Омская больница получит новое оборудование, сообщает ИА Омскинформ."
    assert [o.kind for o in find_organizations(text, "ru")] == ["hospital", "media"]


def test_a_kazakh_word_before_a_place_unit_ends_a_name_and_a_quoted_name_is_no_person():
    def people(text: str) -> list[str]:
        return [p.name for p in find_people(text, "kk")]

    assert people("Министр Иван Орлов Павлодар облысына жұмыс сапарымен барды.") == ["Ivan Orlov"]
    assert people("Профессор Анна Белова Омбы қаласында дүниеге келген.") == ["Anna Belova"]
    # a capitalized word before a capitalized surname is still a given name
    assert people("Кездесуге Смоленск Орлов қатысты.") == ["Smolensk Orlov"]
    # a quoted company or brand name is not a person, a name after the quotes is
    text = "Әкім «Tula Ivanova Group» және «Omsk Petrova» өкілі Иван Орловпен кездесті."
    assert people(text) == ["Ivan Orlov"]


def test_a_kazakh_caption_line_in_capitals_names_a_person_but_a_headline_does_not():
    def people(text: str) -> list[tuple[str, str]]:
        return [(p.name, p.role_text) for p in find_people(text, "kk")]

    text = "Павлодарда жаңа емхана ашылды.\nАННА БЕЛОВА, ОМБЫ ОБЛЫСЫНЫҢ ӘКІМІ\nБіз риза болдық."
    assert people(text) == [("Anna Belova", "ОМБЫ ОБЛЫСЫНЫҢ ӘКІМІ")]
    assert people("ОМБЫ МЕН ТОМСК, ЫНТЫМАҚТАСТЫҚ ЖОЛЫНДА\nМәтін.") == []
    assert people("Мәтін бітті.\nИВАН ОРЛОВ\n") == []  # a signature has no role


def test_a_title_written_right_after_a_foreign_name_is_not_part_of_it():
    text = "Có ngài Ivan Orlov Thứ trưởng phụ trách Omsk và bà Anna Belova Giám đốc bệnh viện."
    assert _names(find_people(text, "vi")) == ["Ivan Orlov", "Anna Belova"]


def test_a_vietnamese_city_that_opens_with_a_family_name_is_a_place_and_a_name_after_it_a_person():
    assert find_people("Đoàn thăm Bệnh viện Hữu nghị Bến Tre Đồng Xoài.", "vi") == []
    text = "Bí thư Thành ủy Thành phố Đồng Xoài Đinh Văn Khoa tiếp đoàn Tomsk."
    assert _names(find_people(text, "vi")) == ["Dinh Van Khoa"]


def test_a_turkish_case_form_ends_a_name_and_loses_its_suffix():
    text = "Tomsk Doktorları Derneği Omsk'ta çalıştı. Ekip Tula'daki Kuzey Hastanesinde kaldı."
    assert find_people(text, "tr") == []
    people = find_people("Sağlık Bakanı Anna Belova'nın açıklaması okundu.", "tr")
    assert _names(people) == ["Anna Belova"]


def test_capitals_right_before_an_organization_head_are_its_name_not_a_person():
    text = "Heyet Smolensk Orman Kuzey Hastanesi ile Tula Devlet Derneği arasında görüştü."
    assert find_people(text, "tr") == []


def test_azerbaijani_people_after_a_title_with_case_endings_and_countries_cut():
    text = (
        "Səhiyyə nazirinin müavini Anna Belova Rusiya nümayəndə heyətini qəbul edib. "
        "Səfir Ivan Orlovla Omskda görüşüb. Nazir Rusiyayla Qazaxıstan arasında əlaqəni qeyd edib."
    )
    assert _names(find_people(text, "az")) == ["Anna Belova", "Ivan Orlov"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Heyet Tomsk'ta Sağlık Bakanlığından yetkililerle görüştü.", "tr"),
        ("Nümayəndə heyəti Omskda Səhiyyə Nazirliyində olub.", "az"),
        ("Delegatsiya Omskda Sog‘liqni saqlash vazirligi vakillari bilan uchrashdi.", "uz"),
        ("Делегация Омскиде Саламаттык сактоо министрлигинин өкүлдөрү менен жолукту.", "ky"),
    ],
)
def test_a_turkic_health_ministry_has_an_english_name(text, language):
    orgs = [o for o in find_organizations(text, language) if o.kind == "government"]
    assert orgs and orgs[0].english == "Ministry of Health"


def test_an_english_hospital_in_a_city_is_named_without_the_city() -> None:
    found = find_organizations("Surgeons of the Omsk Eye Hospital in Tula met on Monday.", "en")
    assert [f.source_name for f in found] == ["Omsk Eye Hospital"]


def test_an_english_name_ends_before_a_weekday() -> None:
    found = find_organizations("The Pavlodar Eye Hospital Tuesday received guests.", "en")
    assert [f.source_name for f in found] == ["Pavlodar Eye Hospital"]


def test_an_english_embassy_keeps_the_country_it_is_in() -> None:
    found = find_organizations("The Embassy of Tula in Omsk sent doctors.", "en")
    assert [f.source_name for f in found] == ["Embassy of Tula in Omsk"]


def test_a_foreign_family_name_in_capitals_after_a_vietnamese_honorific():
    text = "Sáng 5/3, ông Ivan ORLOV – Phó Thị trưởng Omsk (Nga) dự lễ khai trương tại Kon Tum."
    assert _names(find_people(text, "vi")) == ["Ivan Orlov"]
    # an abbreviation after a name, or capitals after a Vietnamese syllable, is no family name
    assert find_people("Công ty Omsk ABC ký kết với tỉnh.", "vi") == []


@pytest.mark.parametrize(
    "text",
    [
        "Talks Between Omsk And Tula\n\nMinister Anna Belova met Ivan Orlov.",
        "Governor Ivan Orlov opened the Tula International Fair.",
    ],
)
def test_title_case_small_words_and_a_fairs_adjective_start_no_english_name(text: str) -> None:
    names = [p.name for p in find_people(text, "en")]
    assert not any(n.startswith(("And ", "Between ", "Tula International")) for n in names)
    assert "Ivan Orlov" in names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Тула вилоят шифохонаси шифокорлари келди.", "Тула вилоят шифохонаси", "hospital"),
        ("Tula viloyat shifoxonasi shifokorlari keldi.", "Tula viloyat shifoxonasi", "hospital"),
        ("Соғлиқни сақлаш вазирлиги маълум қилди.", "Соғлиқни сақлаш вазирлиги", "government"),
    ],
)
def test_uzbek_heads_in_latin_and_cyrillic(text: str, name: str, kind: str) -> None:
    found = find_organizations(text, "uz")
    assert [(f.source_name, f.kind) for f in found] == [(name, kind)]


def test_kazakh_namesake_of_an_institution_is_no_person():
    text = "Делегация И. Орлов атындағы Томск университетінен келді."
    assert find_people(text, "kk") == []
    # "on behalf of" names a participant
    found = find_people("Министр Анна Белова Иван Орлов атынан сөйледі.", "kk")
    assert "Anna Belova" in [p.name for p in found]


def test_kazakh_case_endings_on_foreign_surnames():
    # the accusative after a final "н" is "-ды": the "н" stays with the name
    found = find_people("Әкім компания басшысы Дэнис Томсонды қабылдады.", "kk")
    assert [p.name for p in found] == ["Denis Tomson"]
    # a Georgian surname in the dative loses only the case ending
    found = find_people("Ол жоба директоры Шота Туладзеге сенім артты.", "kk")
    assert [p.name for p in found] == ["Shota Tuladze"]


def test_kazakh_hyphenated_title_and_manager_give_the_role():
    found = find_people("Орталықтың трансплантолог-хирургы Иван Орлов айтты.", "kk")
    assert [p.name for p in found] == ["Ivan Orlov"]
    assert "хирургы" in found[0].span.text
    found = find_people("Компанияның менеджері Зана Тулабай да көмектесті.", "kk")
    assert [p.name for p in found] == ["Zana Tulabay"]


def test_agency_of_a_capitals_dateline_without_a_date_is_a_media_outlet():
    from summarizer.stages import entities_kk

    text = "Тақырып\nПАВЛОДАР. AGENTTIK — Омбы дәрігерлері келді."
    found = entities_kk.find_organizations(text, "kk")
    assert [(o.source_name, o.kind) for o in found] == [("AGENTTIK", "media")]
    # a headline in capitals followed by a common word is no dateline
    assert entities_kk.find_organizations("ТАҚЫРЫП. Дәрігерлер - батырлар", "kk") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ca mổ thành công cho bệnh nhân Trần Văn K (40 tuổi) ở Kon Tum.",
        "Ca mổ thành công cho bệnh nhân Trần Văn K. ở Kon Tum.",
    ],
)
def test_a_vietnamese_name_cut_to_an_initial_is_an_anonymous_patient(text: str) -> None:
    assert find_people(text, "vi") == []


def test_a_kazakh_credit_to_an_institution_is_no_outlet():
    """ "деп хабарлайды Павлодар қаласының прокуратурасы": the city opens the prosecutor's
    office's name, no outlet; a credited outlet alone is one."""
    text = "Тексеру аяқталды, деп хабарлайды Павлодар қаласының прокуратурасы."
    assert [o.kind for o in find_organizations(text, "kk")] == []
    text = "Тексеру аяқталды, деп хабарлайды Tula News."
    assert [(o.source_name, o.kind) for o in find_organizations(text, "kk")] == [
        ("Tula News", "media")
    ]


def test_a_vietnamese_name_with_a_title_like_syllable_is_a_name_but_a_presidium_is_not():
    from summarizer.stages.entities_vi import find_people

    # "Đại" opens titles ("Đại sứ") but is a name syllable inside a capitalized name
    assert [p.name for p in find_people("Chủ tịch nước Trần Đại Khoa dự lễ.")] == ["Tran Dai Khoa"]
    # a family-name noun then title syllables only: the presidium, no person
    assert find_people("Đoàn Chủ tịch điều hành hội nghị.") == []
    assert find_people("Tham dự có Đoàn Phó Chủ tịch.") == []


# -- Chinese: Han names next to a title, in pinyin -------------------------------------------


def test_a_han_name_after_or_before_a_title_is_found_in_pinyin():
    from summarizer.stages.entities import find_people

    text = "省卫生健康委副主任王明远会见了代表团一行。托木斯克医院林青院长表示欢迎。"
    assert [p.name for p in find_people(text, "zh")] == ["Wang Mingyuan", "Lin Qing"]


def test_a_han_name_in_traditional_characters_takes_the_title_as_role():
    from summarizer.stages.entities import find_people

    people = find_people("衛生局王明遠局長日前率團訪問托木斯克。", "zh")
    assert [(p.name, p.role_text) for p in people] == [("Wang Mingyuan", "局長")]


def test_institution_words_country_names_and_foreign_names_are_no_han_names():
    from summarizer.stages.entities import find_people

    text = "卫生部长表示，赞比亚大使出席。托木斯克卫生部长斯佩萨会见了常委会副主任。"
    assert find_people(text, "zh") == []


def test_the_tail_of_a_country_name_or_a_district_before_a_title_is_no_han_name():
    from summarizer.stages.entities import find_people

    text = "驻喀麦隆大使王明远出席。驻哥斯达黎加大使陪同。高新区区长张华致辞。"
    assert [p.name for p in find_people(text, "zh")] == ["Wang Mingyuan", "Zhang Hua"]


# -- Azerbaijani and Kyrgyz: institution words in a genitive are no people -------------------


def test_azerbaijani_genitive_institution_words_are_no_people():
    from summarizer.stages.entities import find_people

    text = (
        "Tomsk Regional Komitəsinin sessiyasında Tula Konqresinin iştirakçıları olub. "
        "Nazir Ivan Orlovu dəvət edib. Tula naziri, Omsk-Tomsk İqtisadi Əməkdaşlıq "
        "komissiyasının həmsədri çıxış edib."
    )
    assert [p.name for p in find_people(text, "az")] == ["Ivan Orlov"]


def test_kyrgyz_parliament_words_are_no_people():
    from summarizer.stages.entities import find_people

    text = "Жогорку Кеңештин Эл аралык иштер комитетинде министр Иван Орлов сүйлөдү."
    assert [p.name for p in find_people(text, "ky")] == ["Ivan Orlov"]


def test_a_kyrgyz_genitive_surname_is_cut_to_its_base():
    from summarizer.stages.entities import find_people

    text = "Министр Анна Белованын маалыматы боюнча, Кыргызстандын ооруканасы ачылды."
    assert [p.name for p in find_people(text, "ky")] == ["Anna Belova"]


def test_a_kyrgyz_place_before_a_capitalized_unit_word_is_no_person():
    from summarizer.stages.entities import find_people

    text = "Башкы консулу Томск Республикасына барды. Элчи Иван Орлов Тула шаарында болду."
    assert [p.name for p in find_people(text, "ky")] == ["Ivan Orlov"]


# -- Chinese: public bodies named by an owner and a head word ---------------------------------


def test_chinese_bodies_owned_by_a_country_a_city_or_the_nation_get_english_names():
    from summarizer.stages.entities import find_organizations

    text = "昆明市卫生局代表团访问赞比亚卫生部。国家卫健委官员陪同。昆明卫生局表示感谢。"
    names = [o.english for o in find_organizations(text, "zh")]
    assert names == [
        "Kunming Municipal Health Bureau",
        "Ministry of Health of Zambia",
        "National Health Commission",
    ]


def test_chinese_missions_are_named_by_owner_and_host_country():
    from summarizer.stages.entities import find_organizations

    text = "中国驻赞比亚大使馆官员出席。秘鲁驻华大使馆参赞致辞。驻赞使馆表示感谢。"
    names = [(o.english, o.kind) for o in find_organizations(text, "zh")]
    assert names == [
        ("Embassy of China in Zambia", "government"),
        ("Embassy of Peru in China", "government"),
    ]


def test_a_chinese_friendship_hospital_takes_both_countries_from_their_abbreviations():
    from summarizer.stages.entities import find_organizations

    text = "医疗队在赞比亚首都向中赞友好医院捐赠设备。"
    names = [(o.english, o.kind) for o in find_organizations(text, "zh")]
    assert names == [("China-Zambia Friendship Hospital", "hospital")]
    # an abbreviation no country of the article starts with names no hospital
    assert find_organizations("医疗队向中赞友好医院捐赠设备。", "zh") == []


def test_a_chinese_peoples_hospital_is_named_by_its_place_level_and_ordinal():
    from summarizer.stages.entities import find_organizations

    text = "代表团参观了昆明市第一人民医院和昆明市儿童医院。"
    names = [(o.english, o.kind) for o in find_organizations(text, "zh")]
    assert names == [
        ("Kunming Municipal First People's Hospital", "hospital"),
        ("Kunming Municipal Children's Hospital", "hospital"),
    ]


def test_a_chinese_head_word_without_a_known_owner_is_no_finding():
    from summarizer.stages.entities import find_organizations

    assert find_organizations("省卫生局与该部签署协议。", "zh") == []


def test_an_english_counterpart_is_a_title():
    from summarizer.stages.entities import find_people

    text = "Minister Ivan Orlov met his Peruvian counterpart Zhana Tan in Tula."
    assert [p.name for p in find_people(text, "en")] == ["Ivan Orlov", "Zhana Tan"]


def test_an_english_title_with_an_of_complement_stands_before_the_name():
    from summarizer.stages.entities import find_people

    text = "The Minister of Foreign Affairs Zhana Tan arrived in Tula."
    assert [(p.name, p.role_text) for p in find_people(text, "en")] == [
        ("Zhana Tan", "The Minister of Foreign Affairs")
    ]
    text = "Head of the Department Ivan Orlov spoke in Omsk."
    assert [p.name for p in find_people(text, "en")] == ["Ivan Orlov"]


@pytest.mark.parametrize(
    "language,text,participant",
    [
        (
            "ru",
            "Министр здравоохранения Иван Орлов встретился с делегацией из Омска.\n\nАнна Белова",
            "Ivan Orlov",
        ),
        (
            "vi",
            "Bộ trưởng Đinh Văn Khoa tiếp đoàn công tác của tỉnh Kon Tum.\nTrần Thị Hoa",
            "Dinh Van Khoa",
        ),
    ],
)
def test_a_signature_on_the_last_line_names_no_participant(language, text, participant):
    names = _names(find_people(text, language))
    assert participant in names
    assert len(names) == 1


def test_a_name_in_the_last_sentence_is_no_signature():
    text = "Делегация из Омска прибыла в Томск.\nС ней встретилась Анна Белова."
    assert "Anna Belova" in _names(find_people(text, "ru"))


def test_kazakh_organization_quoted_whole_is_read_back_to_its_opening_quote():
    from summarizer.stages import entities_kk

    text = "Әкім «Павлодар облыстық ғылыми кардиохирургия орталығының» директорын қабылдады."
    found = entities_kk.find_organizations(text, "kk")
    assert [(o.source_name, o.kind) for o in found] == [
        ("«Павлодар облыстық ғылыми кардиохирургия орталығы", "clinic_or_center")
    ]
    # a quotation closed before the head keeps the usual reading
    found = entities_kk.find_organizations("«Жана Тан» қоры Томскіде бөлім ашты.", "kk")
    assert [o.source_name for o in found] == ["«Жана Тан» қоры"]


def test_kazakh_ministry_named_by_joined_fields_and_a_plural_head_is_no_organization():
    from summarizer.stages import entities_kk

    found = entities_kk.find_organizations(
        "Бұл туралы Туризм және спорт министрлігі хабарлады.", "kk"
    )
    assert [(o.source_name, o.kind) for o in found] == [
        ("Туризм және спорт министрлігі", "government")
    ]
    # a field word away from the head is no part of the name
    found = entities_kk.find_organizations(
        "Тула дәрігерлер Қазақстанның елшілігімен кездесті.", "kk"
    )
    assert [o.source_name for o in found] == ["Қазақстанның елшілігі"]
    # several companies are no one organization; a field word names no shopping centre
    assert (
        entities_kk.find_organizations("Қытай компанияларының Омбыға қызығушылығы зор.", "kk") == []
    )
    assert entities_kk.find_organizations("Олар Омбыдағы сауда орталығына барды.", "kk") == []


def test_kazakh_word_opening_the_text_is_not_taken_for_a_quoted_name():
    from summarizer.stages import entities_kk

    text = "Қытайлық компаниямен серіктестік нығаяды\n\nОблыс әкімі Омбыға барды."
    assert entities_kk.find_organizations(text, "kk") == []


def test_vietnamese_acronym_in_brackets_names_an_uncomposed_organization():
    text = "Đại diện Cơ quan Hợp tác Phát triển Tula (TDCA) đã đến Kon Tum."
    orgs = _orgs(text, "vi")
    assert orgs["Cơ quan Hợp tác Phát triển Tula"].english == "TDCA"
    orgs = _orgs("Hiệp hội Phòng chống Bệnh Omsk (OAP) tài trợ.", "vi")
    assert orgs["Hiệp hội Phòng chống Bệnh Omsk"].english == "OAP"


def test_vietnamese_central_closes_a_name_before_a_verb():
    text = "Bác sĩ Bệnh viện Mắt Trung ương đánh giá cao đoàn Tula."
    assert "Bệnh viện Mắt Trung ương" in _orgs(text, "vi")
    text = "Bệnh viện Quốc tế thành phố Kon Tum khai trương."
    assert "Bệnh viện Quốc tế thành phố Kon Tum" in _orgs(text, "vi")


def test_vietnamese_abbreviated_general_hospital_head():
    orgs = _orgs("Các bác sĩ BVĐK Tula tham dự.", "vi")
    assert orgs["BVĐK Tula"].kind == "hospital"


def test_vietnamese_bare_local_body_is_the_one_named_with_its_place():
    text = "Đoàn Tula chào UBND tỉnh Kon Tum. Sau đó, UBND tỉnh mời cơm."
    assert list(_orgs(text, "vi")) == ["UBND tỉnh Kon Tum"]
    text = "Đoàn làm việc với Sở Y tế tỉnh Kon Tum. Lãnh đạo của Sở Y tế chủ trì."
    assert list(_orgs(text, "vi")) == ["Sở Y tế tỉnh Kon Tum"]
    # two provinces' departments: the bare one is not guessed
    text = "Sở Y tế tỉnh Kon Tum và Sở Y tế tỉnh Bến Tre dự. Lãnh đạo của Sở Y tế nói."
    assert "Sở Y tế" in _orgs(text, "vi")
    # another country's ministry is no place of the bare one
    assert "Bộ Y tế" in _orgs("Bộ Y tế Cuba và Bộ Y tế ký kết.", "vi")


def test_vi_post_abroad_name_goes_on_with_its_seat():
    orgs = _orgs("Buổi lễ ở Đại sứ quán Cuba tại Campuchia đã diễn ra.", "vi")
    assert "Đại sứ quán Cuba tại Campuchia" in orgs
    # a hospital's "tại" opens where the event is, not its name
    orgs = _orgs("Bác sĩ Bệnh viện Tula tại Kon Tum khám bệnh.", "vi")
    assert "Bệnh viện Tula" in orgs


def test_vi_family_name_that_is_also_a_word_opens_a_name():
    people = find_people("Đoàn do ông Mai Văn Khoa dẫn đầu đến Tula.", "vi")
    assert _names(people) == ["Mai Van Khoa"]
    assert find_people("Đoàn đến huyện Mai Châu của tỉnh Kon Tum.", "vi") == []


def test_vi_outlet_named_in_brackets_opening_the_article():
    orgs = _orgs("(Tula mới) - Đoàn bác sĩ Kon Tum đến Omsk.", "vi")
    assert orgs["Tula mới"].kind == "media"
    orgs = _orgs("(TLM) - Đoàn bác sĩ Kon Tum đến Omsk.", "vi")
    assert orgs["TLM"].kind == "media"


def test_vi_company_after_a_lowercase_head():
    orgs = _orgs("Hai bên ký thỏa thuận với tập đoàn Bến Tre Xanh về điện gió.", "vi")
    assert orgs["tập đoàn Bến Tre Xanh"].kind == "company"
    # a country after the head: companies of that country, no name
    assert _orgs("Nhiều công ty Nhật Bản đầu tư vào Kon Tum.", "vi") == {}


def test_a_russian_ministry_credited_with_the_report_is_a_government_body_no_outlet():
    """ "сообщает Минфин Омской области": a ministry named by its short word is credited,
    not an outlet; it keeps its English name and the kind government."""
    text = "Груз лекарств доставлен в Тулу, сообщает Минфин Омской области."
    found = [(o.english, o.kind) for o in find_organizations(text, "ru")]
    assert found == [("Ministry of Finance of Omsk Region", "government")]
    text = "Груз лекарств доставлен в Омск, сообщает Минобороны России."
    assert [o.kind for o in find_organizations(text, "ru")] != ["media"]
    text = "Делегация прибыла в Томск, сообщает ИА Tomsk Today."
    assert [o.kind for o in find_organizations(text, "ru")] == ["media"]


def test_a_russian_research_institute_named_by_its_abbreviation_is_found():
    text = "Врачи из Тулы проходят стажировку в НИИ неотложной детской хирургии в Омске."
    found = [(o.english, o.kind) for o in find_organizations(text, "ru")]
    assert ("Research Institute of Emergency Pediatric Surgery", "research_institute") in found


def test_an_ordinal_with_a_bare_head_word_names_no_russian_organization():
    # "не первая клиника": a count of clinics; an ordinal inside a longer name stays
    text = "В Омске открылась клиника. Это не первая клиника компании в Омске."
    assert find_organizations(text, "ru") == []
    text = "Делегация посетила Первую городскую больницу Тулы."
    assert [o.english for o in find_organizations(text, "ru")] == ["First City Hospital of Tula"]


def test_a_russian_title_after_the_name_and_its_comma_is_the_persons_role():
    text = "Делегацию из Тулы встретила Анна Белова, директор Омской областной больницы."
    people = find_people(text, "ru")
    assert [(p.name, p.role_text) for p in people] == [
        ("Anna Belova", "директор Омской областной больницы")
    ]
    assert text[people[0].span.start : people[0].span.end].endswith("больницы")
    # a list of names is no name with a role, an oblique title no apposition
    text = "Иван Орлов, Анна Белова и другие гости посетили Омск."
    assert all(p.role_text == "" for p in find_people(text, "ru"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Peru va Zambiya sog‘liqni saqlash vazirliklari o‘rtasida dastur bor.", "uz"),
        ("Peru və Zambiya səhiyyə nazirlikləri arasında saziş imzalanıb.", "az"),
        ("Перу менен Замбиянын саламаттык сактоо министрликтери кызматташат.", "ky"),
    ],
)
def test_two_countries_sharing_a_plural_ministry_of_health_are_two_ministries(text, language):
    from summarizer.stages.entities import find_organizations

    names = [o.english for o in find_organizations(text, language)]
    assert names == ["Ministry of Health of Peru", "Ministry of Health of Zambia"]


def test_two_cities_sharing_a_plural_ministry_are_no_ministries():
    from summarizer.stages.entities import find_organizations

    text = "Tula va Omsk sog‘liqni saqlash vazirliklari uchrashdi."
    assert find_organizations(text, "uz") == []


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        ("Sog‘liqni saqlash vazirligi vakillari Tulaga bordi.", "uz", "Uzbekistan"),
        ("Саламаттык сактоо министрлиги Томск боюнча билдирди.", "ky", "Kyrgyzstan"),
        ("Sağlık Bakanlığından yapılan açıklamaya göre heyet Tula'ya gitti.", "tr", "Türkiye"),
    ],
)
def test_a_ministry_named_without_its_country_is_the_home_countrys(text, language, english):
    from summarizer.stages.entities import find_organizations

    names = [o.english for o in find_organizations(text, language)]
    assert names == [f"Ministry of Health of {english}"]


def test_a_ministry_named_with_a_country_before_it_is_that_countrys():
    from summarizer.stages.entities import find_organizations

    text = "Heyət Peru Səhiyyə Nazirliyində olub."
    assert [o.english for o in find_organizations(text, "az")] == ["Ministry of Health of Peru"]


def test_a_health_ministry_opening_a_sentence_is_found():
    from summarizer.stages.entities import find_organizations

    text = "Tula heyeti geldi.\nSağlık Bakanlığından yapılan açıklamaya göre heyet gitti."
    names = [o.english for o in find_organizations(text, "tr")]
    assert names == ["Ministry of Health of Türkiye"]


def test_an_english_body_named_with_its_countrys_possessive_takes_the_country_last():
    from summarizer.stages.entities import find_organizations

    text = "Peru's Ministry of Health met doctors of Omsk's Regional Hospital."
    names = [o.english for o in find_organizations(text, "en")]
    assert names == ["Ministry of Health of Peru", "Omsk's Regional Hospital"]


def test_an_english_mission_named_by_its_nations_adjective_and_host():
    from summarizer.stages.entities import find_organizations

    text = "Doctors met at the British embassy in Tula. The Tulan embassy in Omsk opened."
    names = [o.english for o in find_organizations(text, "en")]
    assert names == ["Embassy of United Kingdom in Tula"]


def test_a_surname_left_in_the_genitive_is_the_same_person():
    """A surname natasha cannot put in the nominative ("Кулши") differs from the named
    person only in its last letter: one person, the first mention's name."""
    text = (
        "Губернатор Омской области Игорь Кулша встретился с делегацией. По словам "
        "губернатора Омской области Игоря Кулши, сотрудничество продолжится."
    )
    assert _names(find_people(text, "ru")) == ["Igor Kulsha"]
    # two people whose names differ in more than a last letter stay two
    text = "Игорь Кулша встретился с Игорем Кулагиным в Омске."
    assert len(find_people(text, "ru")) == 2


def test_a_russian_press_service_credited_in_a_dateline_is_no_outlet():
    # "Пресс-служба ООО «…»" speaks for its company; the company stays, no "media" stub
    text = 'ОМСК, 3 мая - Пресс-служба ООО "Томск-Медикал". В Омске прошел форум врачей.'
    found = [(o.source_name, o.kind) for o in find_organizations(text, "ru")]
    assert ("Пресс-служба ООО", "media") not in found
    assert all(kind != "media" for _, kind in found)
    text = "ОМСК, 3 мая - РИА Новости. В Омске прошел форум врачей."
    assert "media" in [o.kind for o in find_organizations(text, "ru")]


def test_the_kremlin_credited_with_the_report_is_no_outlet():
    # "сообщил Кремль": the presidential administration speaks for itself, like a ministry
    for text in (
        "Омск и Тула подписали меморандум о сотрудничестве, сообщил Кремль.",
        "Россия и Томия подписали соглашение, сообщает Кремль.",
    ):
        assert "media" not in [o.kind for o in find_organizations(text, "ru")]


def test_a_russian_body_of_a_republic_keeps_the_republic_s_name():
    # "Республики <Name>": a capitalized region word still takes the one name after it
    text = "Делегация Министерства здравоохранения Республики Томия посетила больницу в Омске."
    names = [o.source_name for o in find_organizations(text, "ru")]
    assert "Министерство здравоохранения Республики Томия" in names


def test_a_place_in_the_plain_locative_opens_no_organizations_name():
    from summarizer.stages.entities import find_organizations

    text = "“Tulamed” MCHJ O‘zbekistonda Koreys Onkologiya shifoxonasini quradi."
    names = [(o.source_name, o.english) for o in find_organizations(text, "uz")]
    assert ("Koreys Onkologiya shifoxonasi", "Korean Oncology Hospital") in names


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Səhiyyə naziri Anar Tulayevin nümayəndə heyəti Omska gəlib.", "az", "Anar Tulayev"),
        (
            "Omsk viloyati hokimi Anvar Orlovning topshirig‘i bilan yuk jo‘natildi.",
            "uz",
            "Anvar Orlov",
        ),
    ],
)
def test_a_turkic_genitive_on_a_surname_is_cut_to_the_surname(text, language, name):
    assert "in" in languages.load("az", "people")["case_endings"]
    assert "ning" in languages.load("uz", "people")["case_endings"]
    assert _names(find_people(text, language)) == [name]
    # a surname that itself ends like a case ending keeps its letters
    assert _names(find_people("Nazir Ivan Borodin Tulaya gəlib.", "az")) == ["Ivan Borodin"]


def test_a_name_opening_an_institutions_name_is_no_person():
    text = (
        "Anna Belova Fondunun dəstəyi ilə akademik Vera Orlova adına Tula Mərkəzində "
        "müayinələr aparılıb. Fondun rəhbəri Ivan Sokolov bildirib."
    )
    assert "adına" in languages.load("az", "people")["eponym_words"]
    assert _names(find_people(text, "az")) == ["Ivan Sokolov"]
    text = "Tomskdagi Pavel Orlov nomidagi shifoxona ochildi, dedi vazir Oleg Tulov."
    assert _names(find_people(text, "uz")) == ["Oleg Tulov"]


@pytest.mark.parametrize(
    ("text", "language", "outlet"),
    [
        ("Tulanews.az xəbər verir ki, nazir Omska gəlib.", "az", "Tulanews.az"),
        ("Forum boshlandi, deb xabar bermoqda “Tomsk Tong” muxbiri.", "uz", "Tomsk Tong"),
    ],
)
def test_a_turkic_outlet_credit_before_or_after_its_verb(text, language, outlet):
    from summarizer.stages.entities import find_organizations

    media = [o.source_name for o in find_organizations(text, language) if o.kind == "media"]
    assert media == [outlet]


def test_a_press_service_credited_in_uzbek_is_no_outlet():
    from summarizer.stages.entities import find_organizations

    text = "Kelishuvga erishildi, deb xabar beradi Tula shifoxonasi matbuot xizmati."
    assert "matbuot xizmati" in languages.load("uz", "organizations")["press_service_words"]
    assert [o.kind for o in find_organizations(text, "uz")].count("media") == 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Toshkentda Shanxay hamkorlik tashkiloti forumi boshlandi.", "uz"),
        ("Zirve Şanghay İşbirliği Örgütü kapsamında Omsk'ta yapıldı.", "tr"),
    ],
)
def test_turkic_names_of_international_organizations(text, language):
    from summarizer.stages.entities import find_organizations

    kinds = {o.english: o.kind for o in find_organizations(text, language)}
    assert kinds == {"Shanghai Cooperation Organisation": "international_organization"}


def test_a_kazakh_name_keeps_its_namesakes_initials_and_a_seat_with_a_surnames_ending():
    """The namesake before "атындағы" is taken whole, initials too; a city whose name ends
    like a surname ("Саратов") is the institution's seat, not a person."""
    text = (
        "Павлодарға В. И. Орлов атындағы Саратов мемлекеттік инженерлік-педагогикалық "
        "университетінің өкілдері келді."
    )
    names = [o.english for o in find_organizations(text, "kk")]
    assert names == ["V. I. Orlov Saratov State Engineering and Pedagogical University"]
    # after a given name the same word is a person's surname, not the name's
    text = "Бүгін дәрігер Иван Саратов облыстық ауруханасына келді."
    assert all("Saratov" not in (o.english or "") for o in find_organizations(text, "kk"))


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # the outlet after its reporter, a quoted part of its name kept without the quotes
        (
            "Врачи из Томска прибыли в Омск, передает корреспондент ИА «Омск Сегодня».",
            "Омск Сегодня",
        ),
        ('Врачи из Томска прибыли в Омск, передает корреспондент ТОМ "Вести".', "ТОМ Вести"),
        ("Иван Орлов сообщил собкору Tula Times, что форум продлится два дня.", "Tula Times"),
    ],
)
def test_a_russian_outlet_named_after_its_correspondent(text, outlet):
    media = [o.source_name for o in find_organizations(text, "ru") if o.kind == "media"]
    assert media == [outlet]


def test_a_russian_outlet_named_by_an_adjective_and_a_lower_case_noun_is_no_stub():
    text = "Иван Орлов сообщил корреспонденту Омского вестника о визите в Тулу."
    assert [o for o in find_organizations(text, "ru") if o.kind == "media"] == []


def test_a_kazakh_case_ending_after_a_vowel_leaves_a_short_last_name() -> None:
    # "-мен" (with) on a short vowel-final last word of a longer name is a case ending
    text = "Павлодар облысының әкімі Тула провинциясының губернаторы Ким Сомен кездесті."
    assert _names(find_people(text, "kk")) == ["Kim So"]
    text = "Профессор Анна Белова Омбы делегациясының басшысы Пак Унг Лимен сөйлесті."
    assert "Pak Ung Li" in _names(find_people(text, "kk"))
    # a single word keeps its letters: no name of two words to cut it from
    assert _names(find_people("Министр Иван Орлов Томскіде болды.", "kk")) == ["Ivan Orlov"]


def test_a_kazakh_compass_word_opening_a_sentence_stays_in_the_organization_name() -> None:
    # "Шығыс Ресей": a compass word and a country make one region's name
    text = "Шығыс Ресей облыстық клиникалық ауруханасында Анна Белова жұмыс істейді."
    names = [o.source_name for o in find_organizations(text, "kk")]
    assert names == ["Шығыс Ресей облыстық клиникалық ауруханасы"]
    # any other first capital of a sentence is still no word of the name
    text = "Дәрігерлер Тула ауруханасында жұмыс істейді."
    assert [o.source_name for o in find_organizations(text, "kk")] == ["Тула ауруханасы"]


def test_a_foreign_name_written_whole_in_capitals_after_an_honorific_and_before_a_title():
    text = (
        "Về phía Trường Đại học Tula:\n"
        "– Bà ANNA BELOVA, Hiệu trưởng Trường Đại học Tula.\n"
        "– Ông IVAN ORLOV, Trưởng khoa Hóa Trường Đại học Tula."
    )
    assert _names(find_people(text, "vi")) == ["Anna Belova", "Ivan Orlov"]
    # capitals with no title after them, or an organization's abbreviation, name nobody
    assert find_people("Bà ANNA BELOVA phát biểu tại Tula.", "vi") == []
    assert find_people("Ông UBND TULA, Hiệu trưởng Trường Đại học Tula.", "vi") == []


def test_a_long_vietnamese_organization_name_is_never_cut_inside_its_place():
    text = "Ngày 12/5, Trung tâm Truyền thông - Giáo dục Sức khỏe tỉnh Kon Tum đã làm việc."
    assert list(_orgs(text, "vi")) == ["Trung tâm Truyền thông - Giáo dục Sức khỏe tỉnh Kon Tum"]
    capital = "Ngày 12/5, Sở Giáo dục và Thể thao Thủ đô Kon Tum đã đến thăm Bến Tre."
    assert list(_orgs(capital, "vi")) == ["Sở Giáo dục và Thể thao Thủ đô Kon Tum"]


def test_english_titles_of_office_and_address_before_a_name_mark_a_person() -> None:
    from summarizer.stages.entities import find_people

    text = (
        "They were hosted by Congressman Paulo Brandt and Gov Lena Markwood. Madam Ilse "
        "Tarrow spoke, and delegation leader Tomas Kerrow said the team came."
    )
    names = [p.name for p in find_people(text, "en")]
    assert names == ["Paulo Brandt", "Lena Markwood", "Ilse Tarrow", "Tomas Kerrow"]


def test_an_english_name_with_its_title_after_a_comma_is_a_person() -> None:
    from summarizer.stages.entities import find_people

    text = "The mission was led by Lena Markwood, president of the Tula Omsk Association."
    assert [p.name for p in find_people(text, "en")] == ["Lena Markwood"]
    # a body's name before the comma is none
    text = "The Tula Omsk Association, president of which is unknown, met."
    assert find_people(text, "en") == []


def test_a_titled_english_name_holding_a_particle_keeps_its_last_word() -> None:
    from summarizer.stages.entities import find_people

    text = "Minister of Public Health Dr. Lena Omar Al Tulaimi met the delegation from Omsk."
    assert [p.name for p in find_people(text, "en")] == ["Lena Omar Al Tulaimi"]


def test_a_dateline_with_a_hyphenated_ordinal_day_credits_its_agency() -> None:
    from summarizer.stages.entities import find_organizations

    # Kyrgyz and Kazakh write the day as an ordinal with a hyphen ("16-авг.")
    text = "ОМСК, 16-авг. — Tulanews. Томск облусунун дарыгерлери келди."
    media = [o.english for o in find_organizations(text, "ky") if o.kind == "media"]
    assert media == ["Tulanews"]


def test_a_countrys_abbreviation_after_a_title_is_no_person():
    from summarizer.stages.entities import find_people

    text = "Министр здравоохранения РУз встретился в Омске с Иваном Орловым."
    assert "RUz" not in [p.name for p in find_people(text, "ru")]


def test_a_large_city_in_a_case_form_ends_a_turkic_name():
    from summarizer.stages.entities import find_people

    text = "Sağlık Bakanı Ahmet Yılmaz Ankara’da Omsk heyetini kabul etti."
    assert [p.name for p in find_people(text, "tr")] == ["Ahmet Yilmaz"]


@pytest.mark.parametrize(
    "text",
    [
        "Các chuyên gia từ Châu Âu đã đến Kon Tum.",  # a continent
        "Đoàn từ khu vực Cù Lao Minh đến Bến Tre.",  # an area's name
    ],
)
def test_a_vietnamese_continent_or_area_is_no_person(text):
    from summarizer.stages.entities import find_people

    assert find_people(text, "vi") == []


@pytest.mark.parametrize(
    ("text", "source", "english"),
    [
        # a longer field than the whole head "Bộ Y tế" holds, read whole, with its country
        (
            "Bộ Y tế và Phúc lợi Hàn Quốc tiếp đoàn Bến Tre.",
            "Bộ Y tế và Phúc lợi Hàn Quốc",
            "Ministry of Health and Welfare of South Korea",
        ),
        # a field of seven words and a country: the field counts no name word
        (
            "Bộ Lao động, Thương binh và Xã hội Campuchia tiếp đoàn Bến Tre.",
            "Bộ Lao động, Thương binh và Xã hội Campuchia",
            "Ministry of Labour, Invalids and Social Affairs of Cambodia",
        ),
    ],
)
def test_vietnamese_ministries_of_longer_fields(text: str, source: str, english: str) -> None:
    assert _orgs(text, "vi")[source].english == english


def test_vietnamese_heads_inside_a_city_or_an_events_name_make_no_organization():
    """ "Hội An" is a city, no association; "Hội nghị Quản lý Bệnh viện ..." is a
    conference's name, no hospital."""
    assert _orgs("Đoàn Kon Tum đã đến thành phố Hội An.", "vi") == {}
    text = "Hội nghị Quản lý Bệnh viện Bến Tre 2030 diễn ra tại Kon Tum."
    assert _orgs(text, "vi") == {}
    assert "Bệnh viện Kon Tum" in _orgs("Hội nghị do Bệnh viện Kon Tum tổ chức.", "vi")


def test_a_correspondents_credit_between_slashes_names_no_person():
    text = "ОМСК, 26 февраля. /Корр. Агентства Иван Орлов/. Делегация из Тулы прибыла в Омск."
    assert find_people(text, "ru") == []


def test_a_vietnamese_title_is_read_in_either_spelling_of_its_letter():
    """ "bác sỹ" is "bác sĩ" written the other way: a foreign name after it is a person."""
    text = "Sáng 8/4, bác sỹ Arvid Kettleson cùng đoàn công tác khám bệnh tại Kon Tum."
    assert _names(find_people(text, "vi")) == ["Arvid Kettleson"]
    assert languages.with_spelling_variants(["bác sĩ"], "vi") == {"bác sĩ", "bác sỹ"}


def test_azerbaijani_and_uzbek_names_take_the_english_spelling_of_their_letters():
    """ "Məmmədov" is Mammadov and "Xolmatov" Kholmatov in English news, not "Memmedov" or
    "Xolmatov": the letters of the language's own table, then diacritics dropped."""
    az = "Səhiyyə naziri Yaşar Məmmədov Tula şəhərində Xəlil Cəfərovla görüşüb."
    assert _names(find_people(az, "az")) == ["Yashar Mammadov", "Khalil Jafarov"]
    uz = "Sogʻliqni saqlash vaziri Gʻayrat Xolmatov Tula shahrida uchrashuv oʻtkazdi."
    assert _names(find_people(uz, "uz")) == ["Gayrat Kholmatov"]
    tr = "Sağlık Bakanı Yaşar Çelik Tula'da görüştü."
    assert _names(find_people(tr, "tr")) == ["Yasar Celik"]


def test_a_name_alone_on_the_line_beside_a_publication_stamp_is_a_byline():
    """ "31/05/2031 21:49" then "Lê Văn Minh" on its own line: the author, no participant."""
    lead = "Chiều nay, 31/5, ông Nguyễn Văn Bình đã làm việc tại Kon Tum."
    stamped = f"31/05/2031 21:49\nLê Văn Minh\n{lead}"
    assert _names(find_people(stamped, "vi")) == ["Nguyen Van Binh"]
    unstamped = f"Đoàn đã đến.\nLê Văn Minh\n{lead}"
    assert "Le Van Minh" in _names(find_people(unstamped, "vi"))


def test_a_kazakh_place_in_the_plain_locative_is_no_word_of_the_name_after_it():
    """ "Ол Ақтөбеде аурухана салады" (he builds a hospital in Aktobe): no "Aktobe Hospital";
    every locative ending is tried ("Омбыда" may end in "-да" or "-нда")."""
    assert find_organizations("Ол Ақтөбеде аурухана салады.", "kk") == []
    named = "Ақтөбе облыстық ауруханасы Омбымен келісім жасады."
    assert [o.english for o in find_organizations(named, "kk")] == ["Aktobe Regional Hospital"]


def test_an_english_news_agency_is_media_and_a_weekdays_on_ends_no_name():
    found = find_organizations("The Tula Press Agency reported that doctors arrived.", "en")
    assert [(o.source_name, o.kind) for o in found] == [("Tula Press Agency", "media")]
    found = find_organizations("Omsk doctors arrived at the Tula Chief Office on Friday.", "en")
    assert [o.source_name for o in found] == ["Tula Chief Office"]
    found = find_organizations("The Tula Regional Health Agency signed a plan.", "en")
    assert [o.kind for o in found] == ["government"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Жакында Омскка түркиялык дарыгерлер тобу келди.", "ky"),
        ("Омскда Германия-Ўзбекистон халқаро тиббиёт форуми ўтказилди.", "uz"),
    ],
)
def test_a_city_in_a_case_form_or_a_pair_of_countries_is_no_persons_name(text, language):
    from summarizer.stages.entities import find_people

    assert find_people(text, language) == []


def test_a_country_written_before_a_ministry_owns_it_not_the_home_country():
    foreign = "Делегация Германия Федерал соғлиқни сақлаш вазирлиги вакиллари билан учрашди."
    home = "Соғлиқни сақлаш вазирлиги вакиллари Омскка келди."
    assert [f.english for f in find_organizations(foreign, "uz")] == [
        "Ministry of Health of Germany"
    ]
    assert [f.english for f in find_organizations(home, "uz")] == [
        "Ministry of Health of Uzbekistan"
    ]


def test_a_vietnamese_capital_after_thu_do_is_no_persons_name():
    from summarizer.stages.entities import find_people

    text = "Sáng 5/3, đoàn dâng hoa tại Tượng đài Chủ tịch Kon Tum ở thủ đô Canberra."
    assert find_people(text, "vi") == []


@pytest.mark.parametrize(
    ("text", "language", "outlet"),
    [
        ("Omskda forum keçirilib, OMSKINFO xəbər verir.", "az", "OMSKINFO"),
        ("OMSKINFO xəbər verir ki, Omskda forum keçirilib.", "az", "OMSKINFO"),
        ("Бу ҳақда omskinfo.uz хабар қилмоқда.", "uz", "omskinfo.uz"),
        ("Tula'da forum düzenlendi.\nHaber Kaynak : OMSKA", "tr", "OMSKA"),
        ("Омскда форум бўлиб ўтди, деб хабар бермоқда «Тула» мухбири.", "uz", "Тула"),
        ("Омскиде форум өттү, деп кабарлайт Тула агенттиги.", "ky", "Тула"),
    ],
)
def test_an_outlet_credited_by_a_report_verb_is_media(text: str, language: str, outlet: str):
    found = find_organizations(text, language)
    assert (outlet, "media") in [(f.source_name, f.kind) for f in found]


def test_an_all_capitals_body_before_a_verb_that_goes_on_is_no_outlet():
    found = find_organizations("Минздрав РФ сообщает, что форум прошел в Омске.", "ru")
    assert "media" not in [f.kind for f in found]


def test_a_kazakh_outlet_that_writes_the_report_is_media():
    found = find_organizations("Ақтөбеде форум өтті, деп жазады omskinfo.kz.", "kk")
    assert ("omskinfo.kz", "media") in [(f.source_name, f.kind) for f in found]


def test_a_person_who_wrote_on_a_social_page_is_no_outlet():
    found = find_organizations("«Рахмет», – деп жазды Иван Орлов Twitter парақшасында.", "kk")
    assert "media" not in [f.kind for f in found]


def test_english_names_keep_their_number_and_lose_a_person_or_a_new_phrase():
    text = (
        "Doctors of the Omsk City Clinical Hospital No. 2 met the Ministry of Health of Tula "
        "and the Deputy Minister of Trade. Professor of Omsk National University Ivan Orlov "
        "spoke."
    )
    assert [f.english for f in find_organizations(text, "en")] == [
        "Omsk City Clinical Hospital No. 2",
        "Ministry of Health of Tula",
        "Omsk National University",
    ]


def test_a_turkish_deputys_title_is_no_word_of_the_name():
    from summarizer.stages.entities import find_people

    found = find_people("Sağlık Bakan Yardımcısı Ivan Orlov Tula'yı ziyaret etti.", "tr")
    assert [p.name for p in found] == ["Ivan Orlov"]
