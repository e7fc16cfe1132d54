"""Organization names composed from their parts (stages/org_names.py), on invented names."""

import pytest

from summarizer.stages import entities
from summarizer.stages.org_names import compose, compose_title


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Министерство здравоохранения Омской области", "Ministry of Health of Omsk Region"),
        (
            "Омская областная детская клиническая больница",
            "Omsk Regional Children's Clinical Hospital",
        ),
        ("Городская поликлиника № 7", "City Polyclinic No. 7"),
        ("ГБУЗ «Районная больница № 3»", "District Hospital No. 3"),
        ("Правительство Республики Карелия", "Government of Karelia"),
        ("Министерство культуры Российской Федерации", "Ministry of Culture of Russia"),
        ("Министерство образования Монголии", "Ministry of Education of Mongolia"),
        # a lower-case place adjective before a body names its owner, put last
        ("туркменским Минздравом", "Ministry of Health of Turkmenistan"),
        ("монгольским министерством образования", "Ministry of Education of Mongolia"),
        ("томским правительством", "Government of Tomsk"),
        ("Самарский государственный медицинский университет", "Samara State Medical University"),
        (
            "Министерство здравоохранения и социального развития Тверской области",
            "Ministry of Health and Social Development of Tver Region",
        ),
        (
            "Центральная районная больница имени И.П. Сидорова",
            "Central District Hospital named after I.P. Sidorov",
        ),
        ("Минздрав", "Ministry of Health"),
    ],
)
def test_russian_names_are_composed_from_head_modifiers_and_places(source, english):
    assert compose(source, "ru") == english


@pytest.mark.parametrize(
    "source",
    [
        "Центр Зеленоглазый",  # a word no part covers: the model names it
        "Ромашковая больница",  # an adjective that is no modifier and no city
        "Иван Петров",  # no head word at all
    ],
)
def test_russian_names_with_an_unknown_part_are_left_to_the_model(source):
    assert compose(source, "ru") is None


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Bệnh viện Đa khoa tỉnh Kon Tum", "Kon Tum Provincial General Hospital"),
        ("Sở Y tế thành phố Bến Tre", "Ben Tre City Department of Health"),
        ("Bệnh viện Ung bướu Bến Tre", "Ben Tre Oncology Hospital"),
        ("Bệnh viện Mắt Trung ương", "Central Eye Hospital"),
        ("Trung tâm Y tế quận 9", "District 9 Medical Center"),
        ("UBND tỉnh Kon Tum", "Kon Tum Provincial People's Committee"),
        ("Bộ Y tế Cuba", "Ministry of Health of Cuba"),
        ("Bộ Ngoại giao", "Ministry of Foreign Affairs of Vietnam"),
        ("Đại sứ quán Cuba tại Campuchia", "Embassy of Cuba in Cambodia"),
        ("Bệnh viện Hoà Bình", "Hoa Binh Hospital"),
        ("Bệnh viện 7-5", "Hospital 7-5"),
        ("Bệnh viện Hữu nghị Việt Đức", "Viet Duc Friendship Hospital"),
        ("Bệnh viện Đa khoa số 2 tỉnh Kon Tum", "Kon Tum Provincial General Hospital No. 2"),
        ("Viện Ung thư 7-5", "Cancer Institute 7-5"),
        ("Sở Ngoại vụ tỉnh Bến Tre", "Ben Tre Provincial Department of Foreign Affairs"),
        ("Bộ GD&ĐT", "Ministry of Education and Training of Vietnam"),
        ("BVĐK Tula", "Tula General Hospital"),
    ],
)
def test_vietnamese_names_are_composed_head_first(source, english):
    assert compose(source, "vi") == english


def test_vietnamese_name_with_an_unknown_lowercase_word_is_left_to_the_model():
    assert compose("Bệnh viện xanh lá cây", "vi") is None
    assert compose("Bộ Khoa học vũ trụ", "vi") is None  # a ministry field not in the table


def test_languages_without_a_composer_and_empty_names_give_none():
    assert compose("Some Hospital", "en") is None
    assert compose("   ", "ru") is None
    assert compose("Bệnh viện Hoà Bình", None) is None


def test_the_entity_stage_gives_composed_names_so_the_model_is_not_asked():
    text = "Делегация посетила Омскую областную клиническую больницу и Минздрав."
    orgs = entities.find_organizations(text, "ru")
    named = {o.english for o in orgs}
    assert "Omsk Regional Clinical Hospital" in named
    vi = entities.find_organizations("Đoàn đã thăm Bệnh viện Đa khoa tỉnh Kon Tum hôm qua.", "vi")
    assert [o.english for o in vi] == ["Kon Tum Provincial General Hospital"]


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Павлодар облыстық балалар ауруханасы", "Pavlodar Regional Children's Hospital"),
        ("ҚР Білім министрлігі", "Ministry of Education of Kazakhstan"),
        ("Денсаулық сақтау министрлігі", "Ministry of Health"),
        ("Польша Республикасының үкіметі", "Government of Poland"),
        ("ZetaMed түрік компаниясы", "ZetaMed"),
        ("Абаев атындағы Қазақ медицина университеті", "Abayev Kazakh Medical University"),
        ("Көпбейінді қалалық ауруханасы", "Multidisciplinary City Hospital"),
        # an adjective listed as a modifier is no field its stem starts ("ғылым", science)
        ("Ұлттық ғылыми медицина орталығы", "National Scientific Medical Center"),
        ("«Павлодар облыстық кардиохирургия орталығы»", "Pavlodar Regional Cardiac Surgery Center"),
        ("Ғылым министрлігі", "Ministry of Science"),
        ("Туризм және спорт министрлігі", "Ministry of Tourism and Sports"),
    ],
)
def test_kazakh_names_are_composed_from_stems(source, english):
    assert compose(source, "kk") == english


@pytest.mark.parametrize(
    "source",
    [
        "Облыс орталығы",  # "the regional centre" is a city, not an organization
        "ХҚКО хатшылығы",  # an acronym is not transliterated into a wrong English name
        "Белгісіз сөз ауруханасы",  # an unknown word: the model names it
    ],
)
def test_kazakh_names_with_an_unknown_part_are_left_to_the_model(source):
    assert compose(source, "kk") is None


@pytest.mark.parametrize(
    ("role", "english"),
    [
        ("министр здравоохранения Омской области", "Minister of Health of Omsk Region"),
        ("заместитель министра иностранных дел", "Deputy Minister of Foreign Affairs"),
        ("Первый заместитель губернатора", "First Deputy Governor"),
        ("главный врач", "Chief Physician"),
        ("вице-мэр Омска", "Vice Mayor of Omsk"),
        (
            "руководитель управления здравоохранения Омской области",
            "Head of the Department of Health of Omsk Region",
        ),
        ("помощник министра здравоохранения", "Assistant to the Minister of Health"),
        # two titles in apposition: the first, formal one is the role
        (
            "министр здравоохранения Омской области известный хирург",
            "Minister of Health of Omsk Region",
        ),
        ("губернатор Томской области (ТО)", "Governor of Tomsk Region"),
        (
            "министр культуры и политики Тульской области",
            "Minister of Culture and Policy of Tula Region",
        ),
    ],
)
def test_russian_titles_are_composed_like_organization_names(role, english):
    assert compose_title(role, "ru") == english


def test_titles_with_an_unknown_part_or_language_are_left_to_the_model():
    assert compose_title("посол Зеленоглазии по особым поручениям", "ru") is None
    assert compose_title("главный врач", "kk") is None
    assert compose_title("", "ru") is None


def test_lower_case_russian_institutions_are_found_by_their_composable_names():
    text = (
        "Соглашение подписали в министерстве здравоохранения Омской области. "
        "Позже делегация посетила правительство Карелии, а новое министерство пока не создано."
    )
    orgs = entities.find_organizations(text, "ru")
    named = {o.english: text[o.span.start : o.span.end] for o in orgs}
    assert (
        named["Ministry of Health of Omsk Region"] == "министерстве здравоохранения Омской области"
    )
    assert named["Government of Karelia"] == "правительство Карелии"
    assert "Ministry" not in named  # a bare head word names no organization


def test_english_organizations_are_capitalized_runs_holding_a_head_word():
    text = (
        "The Ministry of Health of Chile met doctors of Green Valley Eye Hospital. Later the "
        "Embassy of Peru in Lima and the Lotus Heart Institute signed. The Ministry said. "
        "Dr. Smith of Lotus Group spoke. The Sun and Moon Foundation helped."
    )
    orgs = entities.find_organizations(text, "en")
    assert [(o.english, o.kind) for o in orgs] == [
        ("Ministry of Health of Chile", "government"),
        ("Green Valley Eye Hospital", "hospital"),
        ("Embassy of Peru in Lima", "government"),
        ("Lotus Heart Institute", "research_institute"),
        ("Lotus Group", "company"),
        ("Sun and Moon Foundation", "other"),
    ]
    assert all(text[o.span.start : o.span.end] == o.source_name for o in orgs)


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # regions whose English name is neither the adjective's stem nor a city's
        ("Тульская областная клиническая больница", "Tula Regional Clinical Hospital"),
        (
            "Карельский республиканский онкологический диспансер",
            "Karelia Republican Oncology Dispensary",
        ),
        ("Ростовская областная больница", "Rostov Regional Hospital"),
    ],
)
def test_region_adjectives_name_the_region_in_english(source, english):
    assert compose(source, "ru") == english


def test_region_phrases_name_the_region_by_morphology_not_by_a_list():
    from summarizer.stages.places import russian_region

    assert russian_region("Тульская область") == ("Tula Region", "RU")  # "-ьск-" <- "Тула"
    assert russian_region("Алтайский край") == ("Altay Krai", "RU")  # not a city's namesake
    assert russian_region("Забайкальский край") == ("Zabaykalsky Krai", "RU")
    assert russian_region("Карельская республика") == ("Karelia", None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a Vietnamese institution's name ends with its place; the verb after it is no part
        ("Hội Tim mạch Campuchia chính thức công bố kết quả.", "Hội Tim mạch Campuchia"),
        ("Sở Y tế tỉnh Kon Tum mong muốn mở rộng hợp tác.", "Sở Y tế tỉnh Kon Tum"),
        # lowercase syllables of a compound before any place still belong to the name
        ("Viện Dinh dưỡng Trung ương tiếp nhận thiết bị.", "Viện Dinh dưỡng Trung ương"),
    ],
)
def test_a_vietnamese_name_ends_with_its_place(text, name):
    from summarizer.stages.entities_vi import find_organizations

    assert [o.source_name for o in find_organizations(text)] == [name]


def test_a_vietnamese_name_of_common_words_is_left_to_the_model_not_cut():
    # "Sức khỏe" (health) is one word of two syllables: composing "Suc Department" from
    # its first syllable would be a wrong English name, worse than none
    assert compose("Vụ Sức khỏe Sinh sản", "vi") is None
    assert compose("Bệnh viện Chợ Lớn tiếp nhận", "vi") == "Cho Lon Hospital"  # a proper name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # after an honorific, a foreign name is a name even with Vietnamese-looking syllables
        ("Tham dự có ông Cho Min Ho, Giám đốc bệnh viện.", ["Cho Min Ho"]),
        ("Bà Lee Min Ji cho biết bệnh viện sẽ mở rộng.", ["Lee Min Ji"]),
        # a province that starts with "Bà" is no person
        ("Bà Rịa Vũng Tàu mở thêm hai trạm xá.", []),
    ],
)
def test_a_foreign_name_after_a_vietnamese_honorific_is_a_person(text, names):
    from summarizer.stages.entities_vi import find_people

    assert [p.name for p in find_people(text)] == names


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # a country before a Kazakh ministry: the ministry is that country's
        ("Қырғызстан Денсаулық сақтау министрлігі", "Ministry of Health of Kyrgyzstan"),
        ("Моңғолия Денсаулық сақтау министрлігі", "Ministry of Health of Mongolia"),
    ],
)
def test_a_kazakh_ministry_named_with_its_country(source, english):
    assert compose(source, "kk") == english


def test_an_institutions_press_service_credited_with_the_report_is_no_outlet():
    text = "Дәрігерлер келді, деп хабарлайды Мәдениет министрлігінің баспасөз қызметі."
    assert not [o for o in entities.find_organizations(text, "kk") if o.kind == "media"]
    text = "Врачи приехали, сообщает пресс-служба областного минздрава."
    assert not [o for o in entities.find_organizations(text, "ru") if o.kind == "media"]
    text = "Врачи приехали, сообщает агентство Омск-Информ."
    assert [o.kind for o in entities.find_organizations(text, "ru")] == ["media"]


def test_a_vietnamese_national_ministry_named_without_its_country_is_vietnams():
    assert compose("Bộ Y tế", "vi") == "Ministry of Health of Vietnam"
    assert compose("Bộ Y tế Lào", "vi") == "Ministry of Health of Laos"
    assert compose("Văn phòng Bộ Y tế", "vi") == "Office of the Ministry of Health of Vietnam"


def test_a_vietnamese_name_may_open_lowercase_when_its_place_follows():
    from summarizer.stages.entities_vi import find_organizations

    found = find_organizations("Tỉnh mở rộng Bệnh viện đa khoa Bến Tre thêm 500 giường.")
    assert [f.source_name for f in found] == ["Bệnh viện đa khoa Bến Tre"]
    assert compose(found[0].source_name, "vi") == "Ben Tre General Hospital"
    # no place after the lowercase words: a common noun phrase, not a name
    assert find_organizations("Bệnh viện đa khoa này đã tiếp nhận bệnh nhân.") == []
    # a hyphen typed before a space joins the two words of the name
    (school,) = find_organizations("Đoàn của Trường Đại học Y- Dược Bến Tre đã đến.")
    assert compose(school.source_name, "vi") == "Ben Tre University of Medicine and Pharmacy"


@pytest.mark.parametrize(
    ("role", "english"),
    [
        ("Павлодар облысының әкімі", "Akim of Pavlodar Region"),
        ("Павлодар қаласының әкімі", "Akim of Pavlodar"),
        ("Денсаулық сақтау министрі", "Minister of Health"),
        (
            "Қырғыз Республикасының Білім бірінші вице-министрі",
            "First Vice Minister of Education of Kyrgyzstan",
        ),
        ("Павлодар мектебінің директоры", "Director of the Pavlodar School"),
        # a word no part covers: no title rather than a wrong one
        ("Павлодар мектебінің сүйікті мұғалімі", None),
        ("Қазақстан халқының досы", None),
    ],
)
def test_kazakh_titles_are_composed_from_their_parts(role, english):
    assert compose_title(role, "kk") == english


def test_a_vietnamese_name_holding_any_country_is_of_that_country():
    """Countries come from CLDR's Vietnamese names, not a hand list."""
    assert compose("Trung tâm Tim mạch Quốc gia Mông Cổ", "vi") == (
        "National Cardiovascular Center of Mongolia"
    )
    assert compose("Bộ Y tế Mông Cổ", "vi") == "Ministry of Health of Mongolia"


def test_kazakh_two_word_titles_and_a_state_word_after_the_country():
    assert compose_title("Корея мемлекетінің Бас консулы", "kk") == "Consul General of South Korea"
    assert compose_title("Бас директоры", "kk") == "Director-General"
    assert compose_title("атқарушы директоры", "kk") == "Executive Director"
    assert compose_title("профессоры", "kk") == "Professor"
    # "бас" alone before another title is still "Chief"
    assert compose_title("бас дәрігері", "kk") == "Chief Physician"


def test_a_kazakh_quoted_proper_name_before_a_head_is_kept_transliterated():
    assert compose("«Жана Тан» оңалту орталығы", "kk") == "Zhana Tan Rehabilitation Center"
    assert compose("«Шипа» қоры", "kk") == "Shipa Foundation"


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Пизанская городская больница", "Pisa City Hospital"),  # an "-ан-" infix
        ("Уральский государственный университет", "Ural State University"),  # not a town
        ("Тихоокеанский медицинский институт", "Pacific Medical Institute"),
        ("Северо-Западный медицинский центр", "North-Western Medical Center"),
        ("Дальневосточная клиника", "Far Eastern Clinic"),
    ],
)
def test_russian_place_and_geographic_adjectives_name_the_place(source, english):
    assert compose(source, "ru") == english


def test_russian_titles_director_general_and_burgomaster():
    assert compose_title("гендиректор компании", "ru") == "Director General of the Company"
    assert compose_title("бургомистр Тулы", "ru") == "Mayor of Tula"


def test_a_quoted_russian_name_in_any_quotes_is_the_proper_name():
    assert compose('санаторий "Ромашка"', "ru") == 'Sanatorium "Romashka"'
    assert compose("центр „Надежда“", "ru") == 'Center "Nadezhda"'


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # legislatures, customs and party committees are heads of a name too
        ("Đoàn gặp Quốc hội Lào hôm qua.", "National Assembly of Laos"),
        ("Đoàn gặp Thượng viện Campuchia hôm qua.", "Senate of Cambodia"),
        ("Đoàn gặp Hải quan Kon Tum hôm qua.", "Kon Tum Customs"),
        ("Đoàn gặp Công đoàn Bệnh viện Kon Tum hôm qua.", "Trade Union of the Kon Tum Hospital"),
    ],
)
def test_vietnamese_legislatures_customs_and_party_committees_are_organizations(text, english):
    assert [o.english for o in entities.find_organizations(text, "vi")] == [english]


def test_a_vietnamese_head_inside_a_party_secretarys_or_deputys_title_is_no_organization():
    text = "Đoàn gặp Bí thư Tỉnh ủy Kon Tum và đại biểu Quốc hội Lào."
    assert entities.find_organizations(text, "vi") == []


def test_a_vietnamese_party_committee_is_found_and_left_to_the_model_to_name():
    (committee,) = entities.find_organizations("Đoàn gặp Tỉnh ủy Kon Tum hôm qua.", "vi")
    assert (committee.source_name, committee.kind) == ("Tỉnh ủy Kon Tum", "other")


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # a verb or a spelled number after the name ends it
        ("Bộ Y tế dẫn đầu đoàn công tác.", "Ministry of Health of Vietnam"),
        ("Bệnh viện Kon Tum còn tiếp nhận bệnh nhân.", "Kon Tum Hospital"),
        ("Sở Y tế ba tỉnh đã họp.", "Department of Health"),
        # a capitalized syllable of a name is no stop word ("từ": from; "Từ thiện": charity)
        ("Hội Từ thiện Kon Tum đến thăm.", "Kon Tum Charity Association"),
    ],
)
def test_a_vietnamese_name_ends_at_a_verb_or_number_not_at_its_own_syllables(text, english):
    assert [o.english for o in entities.find_organizations(text, "vi")] == [english]


def test_vietnamese_abbreviated_heads_and_heads_written_with_capitals():
    text = "Đoàn của BV Kon Tum, Trường ĐH Y Bến Tre và CĐ Y tế Tula đã đến Tổng Lãnh sự quán Lào."
    found = entities.find_organizations(text, "vi")
    assert [(o.english, o.kind) for o in found] == [
        ("Kon Tum Hospital", "hospital"),
        ("Ben Tre Medical University", "university_or_school"),
        ("Tula Medical College", "university_or_school"),
        ("Consulate General of Laos", "government"),
    ]


def test_a_vietnamese_head_followed_only_by_a_level_word_is_that_levels_body():
    text = "Đoàn gặp UBND thành phố, sau đó gặp Ủy ban Nhân dân huyện."
    assert [o.english for o in entities.find_organizations(text, "vi")] == [
        "City People's Committee",
        "District People's Committee",
    ]


def test_a_russian_g_zh_place_adjective_and_a_bare_head_named_by_no_part():
    from summarizer.stages.places import city_of_adjective

    assert city_of_adjective("пражский").english == "Prague"
    assert city_of_adjective("рижская").english == "Riga"
    # the quote before the head opens nothing: the name is the inner quoted one
    assert compose('АО "Санаторий "Ромашка-Плюс"', "ru") == 'Sanatorium "Romashka-Plyus"'
    # a quoted run that is only a head word names no one: the model is asked instead
    assert compose('"Санаторий "', "ru") is None
    assert compose("больница", "ru") is None
    assert compose("Минздрав", "ru") == "Ministry of Health"


def test_a_model_role_in_no_english_words_is_the_source_spelled_out():
    from summarizer.stages.titles import reads_as_title

    assert not reads_as_title("Pho Giam Doc So")
    assert reads_as_title("Deputy Director of the Department of Health")
    assert reads_as_title("Akim of Pavlodar Region")


@pytest.mark.parametrize(
    ("role", "english"),
    [
        ("Павлодар облысы әкімінің орынбасары", "Deputy Akim of Pavlodar Region"),
        ("Павлодар облысы әкімінің бірінші орынбасары", "First Deputy Akim of Pavlodar Region"),
        ("министрдің орынбасары", "Deputy Minister"),
        ("Моңғолияның Энергетика министрі", "Minister of Energy of Mongolia"),
        ("Жапонияның Павлодардағы бас консулы", "Consul General of Japan in Pavlodar"),
        ("Моңғолиядағы Германия елшісі", "Ambassador of Germany to Mongolia"),
        (
            "Жапонияның Моңғолиядағы Төтенше және Өкілетті Елшісі",
            "Ambassador Extraordinary and Plenipotentiary of Japan to Mongolia",
        ),
        # the span cut the host's country off: the title without a host
        ("Республикасындағы Германияның елшісі", "Ambassador of Germany"),
    ],
)
def test_kazakh_deputy_portfolio_and_host_place_titles(role, english):
    """A deputy of a titled principal is one title; a host place in the locative reads "in"
    (a country host of an ambassador "to"), never "of"."""
    assert compose_title(role, "kk") == english


def test_kazakh_mission_names_keep_host_and_owner_and_plural_words():
    def english(text: str) -> list[str | None]:
        return [compose(o.source_name, "kk") for o in entities.find_organizations(text, "kk")]

    assert english("Делегация Германияның Моңғолиядағы елшілігіне барды.") == [
        "Embassy of Germany in Mongolia"
    ]
    assert english("Делегация Моңғолиядағы Германия елшілігіне барды.") == [
        "Embassy of Germany in Mongolia"
    ]
    assert english("Қонақтарды Моңғолия Ішкі істер министрлігінің өкілдері күтті.") == [
        "Ministry of Internal Affairs of Mongolia"
    ]
    # a plural before a bare head ("patients to the hospital") starts no name
    assert english("Ауыр науқастар ауруханаға жеткізілді.") == []


def test_kazakh_latin_brands_and_legal_forms_name_companies():
    """A Latin-script brand opening a sentence is still a name; a legal form in capitals
    after a quoted name (ЖШС, АҚ) is a company's head, left out of the English name."""

    def found(text: str) -> list[tuple[str | None, str | None]]:
        return [
            (compose(o.source_name, "kk"), o.kind) for o in entities.find_organizations(text, "kk")
        ]

    assert found("Tulamed компаниясы жаңа жоба ұсынды.") == [("Tulamed", "company")]
    assert found("Жобаны «Tula Pharm» ЖШС-нің өкілдері таныстырды.") == [("Tula Pharm", "company")]
    # the same letters in lower case are a word ("ақ халат", a white coat), no legal form
    assert found("Дәрігерлер ақ халат киді.") == []


def test_a_compass_adjective_and_a_bracketed_abbreviation_in_a_russian_name() -> None:
    # a compass part of the country is read in English, not transliterated
    assert compose("Юго-Восточный медицинский университет", "ru") == (
        "South-Eastern Medical University"
    )
    # the abbreviation in brackets after the name repeats it: no part of the English name
    assert compose("Северный медицинский университет (СМУ)", "ru") == "Northern Medical University"


def test_a_chinese_places_adjective_is_read_in_pinyin() -> None:
    from summarizer.stages.chinese_names import pinyin_adjective

    # the Russian adjective of a Chinese province is built on its Palladius spelling
    assert compose("Хэнаньский университет традиционной китайской медицины", "ru") == (
        "Henan University of Traditional Chinese Medicine"
    )
    assert pinyin_adjective("цзилиньский") == "Jilin"
    assert pinyin_adjective("омский") is None  # no Palladius name
    assert pinyin_adjective("цзилинь") is None  # no adjective


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # a ministry's whole field is read over its "và" and named from the table
        (
            "Đoàn gặp Bộ Khoa học và Công nghệ hôm qua.",
            "Ministry of Science and Technology of Vietnam",
        ),
        ("Ông Ivan Orlov thăm Bộ Tài chính Lào.", "Ministry of Finance of Laos"),
        # a verb right after the field ends the name
        ("Sở Y tế phối hợp với bệnh viện.", "Department of Health"),
        # the people's council is named like the people's committee
        ("Lãnh đạo HĐND tỉnh Kon Tum dự buổi lễ.", "Kon Tum Provincial People's Council"),
        # a government, its country written in the official long form
        ("Chính phủ nước CHDCND Lào cảm ơn.", "Government of Laos"),
        # the ear-nose-throat specialty is a modifier of the head, written out in full (a
        # short "ENT" would make two hospitals of one city look like one name)
        (
            "Ông Ivan Orlov thăm Bệnh viện Tai Mũi Họng Kon Tum.",
            "Kon Tum Otorhinolaryngology Hospital",
        ),
    ],
)
def test_vietnamese_ministries_councils_governments_and_specialties_are_composed(text, english):
    assert [o.english for o in entities.find_organizations(text, "vi")] == [english]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lowercase verb after an abbreviation or a foreign word is no part of the name
        ("Quỹ XYZ tài trợ thiết bị cho bệnh viện.", "Quỹ XYZ"),
        ("Trường Đại học Y Omsk vẫn tiếp tục hợp tác.", "Trường Đại học Y Omsk"),
        # ... but a level after it still is
        ("Trung tâm CDC tỉnh Kon Tum nhận thiết bị.", "Trung tâm CDC tỉnh Kon Tum"),
        # "TP. Kon Tum": the city abbreviation's full stop and space stay inside the name
        ("Bệnh viện Mắt TP. Kon Tum nhận thiết bị.", "Bệnh viện Mắt TP. Kon Tum"),
    ],
)
def test_a_vietnamese_name_ends_after_a_foreign_word_and_keeps_a_city_abbreviation(text, name):
    from summarizer.stages.entities_vi import find_organizations

    assert [o.source_name for o in find_organizations(text)] == [name]


def test_a_foreign_name_holding_its_own_english_head_takes_no_second_head():
    assert compose("Tổ chức Tomsk Foundation", "vi") == "Tomsk Foundation"
    assert compose("Quỹ Smolensk Group", "vi") == "Smolensk Group"
    assert compose("Quỹ Tomsk", "vi") == "Tomsk Foundation"  # a bare name still takes it


@pytest.mark.parametrize(
    ("source", "language", "english"),
    [
        ("Tulamed shifoxonasi", "uz", "Tulamed Hospital"),
        ("Omskdagi Tulamed klinikasi", "uz", "Tulamed Clinic in Omsk"),
        ("Tula Medical Center клиникаси", "uz", "Tula Medical Center"),
        ("Azərbaycanın Tomskdakı səfirliyi", "az", "Embassy of Azerbaijan in Tomsk"),
        ("Azərbaycanlı Həkimlər Dərnəyi", "az", "Azerbaijani Doctors Association"),
        ("кыргыз-түрк достук ооруканасы", "ky", "Kyrgyz-Turkish Friendship Hospital"),
    ],
)
def test_uzbek_azerbaijani_and_kyrgyz_names_are_composed_from_their_parts(
    source, language, english
):
    assert compose(source, language) == english


def test_a_turkic_name_with_an_unknown_lowercase_word_is_left_to_the_model():
    assert compose("yangi zamonaviy shifoxonasi", "uz") is None
    assert compose("shifoxonasi", "uz") is None


def test_the_word_shape_finder_takes_a_kyrgyz_pair_of_nations_into_a_name():
    text = "Томск шаарында кыргыз-түрк достук ооруканасы ачылды."
    names = [o.english for o in entities.find_organizations(text, "ky")]
    assert names == ["Kyrgyz-Turkish Friendship Hospital"]


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Tula Şehir Hastanesi", "Tula City Hospital"),
        ("Omsk Eğitim ve Araştırma Hastanesi", "Omsk Training and Research Hospital"),
        ("Kazakistan Dışişleri Bakanlığı", "Ministry of Foreign Affairs of Kazakhstan"),
        ("Dışişleri Bakanlığı", "Ministry of Foreign Affairs"),
        ("İl Sağlık Müdürlüğü", "Provincial Directorate of Health"),
    ],
)
def test_turkish_names_are_composed_from_their_parts(source, english):
    assert compose(source, "tr") == english


def test_a_ministry_with_an_unknown_capitalized_field_is_left_to_the_model():
    # every word of a Turkish ministry's name is capitalized: an unknown one is a field
    assert compose("Sosyal Koruma Bakanlığı", "tr") is None
    assert compose("Tulamed shifoxonasi", "uz") == "Tulamed Hospital"  # a proper name stays


def test_the_word_shape_finder_joins_two_name_parts_by_a_turkish_and():
    text = "Heyet, Tomsk Eğitim ve Araştırma Hastanesi'ni ziyaret etti."
    names = [o.english for o in entities.find_organizations(text, "tr")]
    assert names == ["Tomsk Training and Research Hospital"]
    two_places = "Heyet, Omsk ve Tula Şehir Hastanesi'ni ziyaret etti."
    names = [o.source_name for o in entities.find_organizations(two_places, "tr")]
    assert names == ["Tula Şehir Hastanesi"]


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # an unknown proper name before the head, or before words that only describe it
        ("Белова университеті", "Belova University"),
        ("Томск мемлекеттік университеті", "Tomsk State University"),
        # two nations' adjectives, two modifiers joined by a hyphen
        ("Халықаралық қазақ-түрік университеті", "International Kazakh-Turkish University"),
        (
            "Анна Белова атындағы Тула инженерлік-педагогикалық университеті",
            "Anna Belova Tula Engineering and Pedagogical University",
        ),
        ("И. П. Орлов атындағы Томск университеті", "I. P. Orlov Tomsk University"),
    ],
)
def test_a_kazakh_institution_named_by_its_seat_or_namesake(source, english):
    assert compose(source, "kk") == english


def test_an_unknown_kazakh_owner_or_host_is_still_left_to_the_model():
    assert compose("Беловтаудың университеті", "kk") is None  # a genitive: an owner
    assert compose("Белова жаңа университеті", "kk") is None  # an unknown word follows


def test_a_kazakh_institution_seated_in_a_chinese_place_takes_its_pinyin_name():
    assert compose("Цзилинь университеті", "kk") == "Jilin University"


@pytest.mark.parametrize(
    ("role", "english"),
    [
        ("Bộ trưởng Bộ Tài chính", "Minister of Finance"),
        ("Thứ trưởng Bộ Tài chính Lào", "Deputy Minister of Finance of Laos"),
        # the rank after an envoy's title belongs to the title
        ("Lãnh sự Đặc mệnh toàn quyền Lào", "Consul Extraordinary and Plenipotentiary of Laos"),
        (
            "Phó Giám đốc Sở Tài chính tỉnh Kon Tum",
            "Deputy Director of the Kon Tum Provincial Department of Finance",
        ),
        (
            "Phó Chủ tịch UBND thành phố Bến Tre",
            "Vice Chairman of the Ben Tre City People's Committee",
        ),
        ("Hiệu trưởng Trường Đại học Kon Tum", "Rector of Kon Tum University"),
        ("Đại sứ Lào tại Nhật Bản", "Ambassador of Laos to Japan"),
        ("Thống đốc cho biết", "Governor"),
        ("Chánh Văn phòng Bộ", None),  # "Bộ" alone: which ministry is not said
        ("ông", None),
    ],
)
def test_vietnamese_titles_are_composed_from_their_parts(role, english):
    """Invented roles: the title word, then the organization, ministry or country."""
    assert compose_title(role, "vi") == english


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # a nation's adjective before the head is its English adjective
        ("Российская академия медицины", "Russian Academy of Medicine"),
        ("Белорусский государственный университет", "Belarusian State University"),
        # bodies between governments or regions
        ("Евразийский межправительственный совет", "Eurasian Intergovernmental Council"),
        ("Томская межобластная клиническая больница", "Tomsk Interregional Clinical Hospital"),
    ],
)
def test_a_russian_name_opened_by_a_nation_or_an_inter_body_adjective(source, english):
    assert compose(source, "ru") == english


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("городская больница имени Орлова", "City Hospital named after Orlov"),
        ("больница имени Анны Беловой", "Hospital named after Anna Belova"),
        ("университет имени И.П. Орлова", "University named after I.P. Orlov"),
    ],
)
def test_a_russian_namesake_after_imeni_is_named_in_the_nominative(source, english):
    assert compose(source, "ru") == english


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # a namesake of several words written without "атындағы"
        ("Анна Белова университеті", "Anna Belova University"),
        ("Иван Орлов мемлекеттік университеті", "Ivan Orlov State University"),
        ("Тула Белова клиникасы", "Tula Belova Clinic"),
    ],
)
def test_a_kazakh_institution_named_by_several_unknown_words(source, english):
    assert compose(source, "kk") == english


def test_several_unknown_words_before_an_official_body_stay_with_the_model():
    assert compose("Президенті Іс басқармасы", "kk") is None  # common nouns of its name
    assert compose("Белова Орловтың университеті", "kk") is None  # an owner in the genitive
    assert compose("Анна Беловадағы университеті", "kk") is None  # a host in the locative


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Sở Giáo dục và Thể thao tỉnh Omsk", "Omsk Provincial Department of Education and Sports"),
        ("Sở Văn hóa và Thể thao thành phố Tula", "Tula City Department of Culture and Sports"),
        ("Sở Du lịch tỉnh Bến Tre", "Ben Tre Provincial Department of Tourism"),
        ("Bộ Giáo dục và Thể thao Lào", "Ministry of Education and Sports of Laos"),
        ("Bộ Giáo dục Tomsk", "Ministry of Education of Tomsk"),
    ],
)
def test_vietnamese_education_culture_and_tourism_bodies_are_named_by_their_field(source, english):
    assert compose(source, "vi") == english


def test_a_vietnamese_department_with_and_in_its_field_is_found_whole():
    text = "Ngày 12/5, Sở Giáo dục và Thể thao tỉnh Kon Tum đã tiếp đoàn Sở Du lịch Tula."
    names = [o.source_name for o in entities.find_organizations(text, "vi")]
    assert names == ["Sở Giáo dục và Thể thao tỉnh Kon Tum", "Sở Du lịch Tula"]


def test_a_vietnamese_body_of_a_capital_city_is_named_by_the_city():
    assert compose("Sở Y tế Thủ đô Tula", "vi") == "Tula Department of Health"
    assert compose("UBND thủ đô Omsk", "vi") == "Omsk People's Committee"


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Bộ Chỉ huy Quân sự thành phố Kon Tum", "Kon Tum City Military Command"),
        ("Bộ Tư lệnh thành phố Kon Tum", "Kon Tum City High Command"),
        ("Ủy ban MTTQ Việt Nam", "Vietnam Fatherland Front Committee"),
        (
            "Ban Quản lý Khu kinh tế tỉnh Kon Tum",
            "Kon Tum Provincial Economic Zone Management Board",
        ),
    ],
)
def test_vietnamese_commands_fronts_and_boards_are_named_by_their_heads(source, english):
    assert compose(source, "vi") == english


def test_a_vietnamese_command_handing_over_aid_ends_before_the_verbs():
    text = "Bộ Tư lệnh thành phố Kon Tum trao tặng thuốc cho bệnh viện Bến Tre."
    names = [o.source_name for o in entities.find_organizations(text, "vi")]
    assert names[0] == "Bộ Tư lệnh thành phố Kon Tum"


def test_a_kazakh_countrys_government_is_the_government_of_the_country():
    text = "Бүгін Германия үкіметі Омбыға көмек жіберді."
    found = entities.find_organizations(text, "kk")
    assert [compose(o.source_name, "kk") for o in found] == ["Government of Germany"]


def test_a_vietnamese_general_hospital_written_tong_benh_vien_is_a_name_not_a_place():
    from summarizer.stages.places import find_places

    text = "Đoàn Kon Tum thăm Tổng bệnh viện Vinh An ở Đài Loan."
    assert [o.source_name for o in entities.find_organizations(text, "vi")] == [
        "Tổng bệnh viện Vinh An"
    ]
    assert "Vinh" not in [p.name for p in find_places(text, "vi").locations]


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (
            "Đoàn thăm Bệnh viện đa khoa tỉnh Kon Tum hôm qua.",
            "Kon Tum Provincial General Hospital",
        ),
        (
            "Đoàn thăm Bệnh viện nhi khu vực Kon Tum hôm qua.",
            "Kon Tum Regional Children's Hospital",
        ),
    ],
)
def test_a_vietnamese_hospital_with_lowercase_words_and_a_level_before_its_place(text, english):
    found = entities.find_organizations(text, "vi")
    assert [compose(o.source_name, "vi") for o in found] == [english]


@pytest.mark.parametrize("source", ["американской больницей", "китайским госпиталем"])
def test_a_nation_adjective_before_a_hospital_is_no_town(source: str) -> None:
    """ "американский" is no Americana (a town in Brazil) and "китайский" no "Kitay": a
    nation's adjective before a head that is no body of its state is left to the model."""
    assert compose(source, "ru") is None


@pytest.mark.parametrize(
    ("role_text", "language", "title"),
    [
        ("Karadağ Sağlık Bakanı", "tr", "Minister of Health of Montenegro"),
        ("Şili adına ise Dışişleri Bakanı", "tr", "Minister of Foreign Affairs of Chile"),
        ("İranın səhiyyə nazirinin müavini", "az", "Deputy Minister of Health of Iran"),
        ("Qozog‘iston sogʻliqni saqlash vaziri", "uz", "Minister of Health of Kazakhstan"),
        ("Кыргызстандын саламаттык сактоо министри", "ky", "Minister of Health of Kyrgyzstan"),
        # no country among the words before the field: whose minister, the title does not say
        ("Tomsk'ta Sağlık Bakanı", "tr", "Minister of Health"),
        # no minister
        ("Tomsk Hastanesi başhekimi", "tr", None),
    ],
)
def test_turkic_ministers_titles_are_composed(role_text: str, language: str, title) -> None:
    assert compose_title(role_text, language) == title


def test_kazakh_titles_begin_after_the_venue_and_the_republic_is_home() -> None:
    """ "Омбы университетте Денсаулық сақтау министрі": at the university, the Minister of
    Health (no university's minister); "Республика Үкіметі" is the government of Kazakhstan."""
    assert compose_title("Омбы университетте Денсаулық сақтау министрі", "kk") == (
        "Minister of Health"
    )
    assert compose("Республика Үкіметі", "kk") == "Government of Kazakhstan"


def test_a_turkic_name_with_a_common_nouns_genitive_or_plural_is_left_to_the_model():
    """ "Xalqlarının" (of the peoples) and "Dostları" (its friends) are words of the language
    the tables lack, no proper names to keep in Latin letters."""
    assert compose("Omsk Xalqlarının Əməkdaşlıq Mərkəzi", "az") is None
    assert compose("Afrika'nın Dostları Derneği", "tr") is None
    assert compose("Tulamed Derneği", "tr") == "Tulamed Association"


def test_an_azerbaijani_proper_name_takes_the_english_spelling_of_its_letters():
    assert compose("Xəzər Tibb Mərkəzi", "az").startswith("Khazar ")


def test_a_city_opening_the_sentence_stays_in_the_name_it_opens():
    text = "Omsk Dövlət Tibb Universiteti ilə memorandum imzalanıb."
    names = [o.english for o in entities.find_organizations(text, "az")]
    assert names == ["Omsk State Medical University"]


def test_a_kazakh_republic_after_its_country_names_that_countrys_body():
    """ "Қазақстан Республикасы … министрлігі" is the ministry of Kazakhstan, "Түркия
    Республикасы …" that of Türkiye: "Республикасы" is no proper name to transliterate."""
    home = "Қазақстан Республикасы Денсаулық сақтау министрлігі Омбымен меморандумға қол қойды."
    names = [o.english for o in entities.find_organizations(home, "kk")]
    assert names == ["Ministry of Health of Kazakhstan"]
    abroad = "Кездесуге Түркия Республикасы Денсаулық сақтау министрлігінің өкілдері қатысты."
    names = [o.english for o in entities.find_organizations(abroad, "kk")]
    assert names == ["Ministry of Health of Türkiye"]
