"""Organizations returned once each, and only under names an English reader can use."""

from summarizer.stages.organizations import select_organizations


def _items(*pairs):
    return [{"name": name, "kind": kind, "evidence": "q"} for name, kind in pairs]


def test_a_second_spelling_of_a_kept_organization_is_the_same_organization():
    kept, dropped = select_organizations(
        _items(
            ("Ministry of Health of Vostokia", "government"),
            ("Ministry of Health of Vostokiya", "government"),
        ),
        "текст",
    )
    assert [k["name"] for k in kept] == ["Ministry of Health of Vostokia"]
    assert [d["reason"] for d in dropped] == ["same-organization"]


def test_transliterations_go_but_brands_from_the_article_and_outlets_stay():
    source = "Компания ZetaMed24 и газета Vestnik. Bệnh viện Hoa Sen."
    kept, dropped = select_organizations(
        _items(
            ("ZetaMed24", "company"),
            ("Vestnik", "media"),
            ("Oblystyk auruhana", "hospital"),
            ("Benh vien Hoa Sen", "hospital"),
            ("Hoa Sen Hospital", "hospital"),
        ),
        source,
    )
    assert [k["name"] for k in kept] == ["ZetaMed24", "Vestnik", "Hoa Sen Hospital"]
    assert {d["name"] for d in dropped} == {"Oblystyk auruhana", "Benh vien Hoa Sen"}
    assert {d["reason"] for d in dropped} == {"not-english"}


def test_a_latin_name_in_a_cyrillic_article_is_its_own_spelling_and_federal_agencies_are_found():
    from summarizer.stages.entities import find_organizations
    from summarizer.stages.organizations import select_organizations

    source = "Итальянская компания Zetaro построит в Туле два медицинских центра."
    kept, _ = select_organizations([{"name": "Zetaro", "kind": "company"}], source)
    assert [k["name"] for k in kept] == ["Zetaro"]
    # in a Latin-script article a plain Latin run is the article's own words, no brand
    kept, _ = select_organizations([{"name": "Benh vien", "kind": "hospital"}], "Benh vien Omsk")
    assert kept == []
    found = find_organizations("Специалисты Роспотребнадзора посетили Томск.", "ru")
    assert [(o.source_name, o.kind) for o in found] == [("Роспотребнадзор", "government")]


def test_alike_names_of_two_owners_are_two_organizations():
    kept, dropped = select_organizations(
        _items(
            ("Ministry of Health and Social Protection of Peru", "government"),
            ("Ministry of Health and Social Protection of Mali", "government"),
            ("Ministry of Health and Social Protection of Vostokiya", "government"),
        ),
        "текст",
    )
    # two countries' ministries are two; an owner no country's name is a spelling of one
    assert [k["name"] for k in kept] == [
        "Ministry of Health and Social Protection of Peru",
        "Ministry of Health and Social Protection of Mali",
    ]
    assert [d["reason"] for d in dropped] == ["same-organization"]


def test_a_model_name_carrying_pieces_of_its_json_answer_is_no_name():
    """The small model can run a name's string on into the next fields; the composed name
    (or the source's letters) stands instead of the debris."""
    from summarizer.stages.entities import find_organizations
    from summarizer.stages.organizations import english_organizations, garbled
    from summarizer.stages.record import ArticleRecord

    text = "Врачи из Томска прошли стажировку в Омской областной клинической больнице."
    record = ArticleRecord(source=text, language="ru")
    record.organizations = find_organizations(text, "ru")
    assert record.organizations
    record.organization_names = {0: ('Omsk Hospital","kind":"hospital"}],', "other")}
    names = [item["name"] for item in english_organizations(record)[0]]
    assert names and not any(garbled(name) for name in names)
    assert not garbled('Sanatorium "Tula Springs"') and garbled('Tula "Springs","kind":')
    # source words left untranslated make no English name; foreign proper names do not
    assert garbled("Komitet po zdravookhraneniyu provintsii Omsk")
    assert not garbled("Sarsen Amanzholov East Tomsk University")


def test_a_model_name_with_a_field_the_article_never_names_is_no_name():
    """ "Bureau of Cultural Development" where no word of culture occurs: the source's
    own letters stand instead; a field the article states is kept."""
    from summarizer.stages.organizations import organization_name
    from summarizer.stages.record import ArticleRecord
    from summarizer.stages.spans import Span

    text = "Sở Y tế tỉnh Kon Tum làm việc với Cục Kinh tế tỉnh Bến Tre."
    record = ArticleRecord(source=text, language="vi")
    record.organizations = [_org("Cục Kinh tế tỉnh Bến Tre", Span(33, 57, text[33:57]))]
    record.organization_names = {0: ("Ben Tre Bureau of Economic and Cultural Affairs", "other")}
    assert organization_name(record, 0) == ""  # no English name: the caller spells it out
    record.organization_names = {0: ("Ben Tre Bureau of Economic Affairs", "government")}
    assert organization_name(record, 0) == "Ben Tre Bureau of Economic Affairs"


def _org(source_name, span):
    from summarizer.stages.entities import OrganizationFinding

    return OrganizationFinding(source_name, span, "government", None)


def test_a_ministers_ministry_is_an_organization_when_the_title_names_its_owner():
    from summarizer.stages.record import ArticleRecord
    from summarizer.stages.run import find_facts

    record = ArticleRecord(
        source="Министр здравоохранения Омской области Иван Орлов посетил Томск.", language="ru"
    )
    find_facts(record)
    ministries = [
        o for o in record.organizations if o.english == "Ministry of Health of Omsk Region"
    ]
    assert len(ministries) == 1 and ministries[0].kind == "government"
    assert ministries[0].span.text in record.source  # grounded in the title's words
    assert ministries[0].span.text == "Министр здравоохранения Омской области"
    two = ArticleRecord(
        source="Министр здравоохранения Омской области Иван Орлов и министр "
        "здравоохранения Томской области Анна Белова подписали соглашение.",
        language="ru",
    )
    find_facts(two)
    english = [o.english for o in two.organizations]
    assert {"Ministry of Health of Omsk Region", "Ministry of Health of Tomsk Region"} <= set(
        english
    )
    bare = ArticleRecord(source="Министр здравоохранения Иван Орлов посетил Томск.", language="ru")
    find_facts(bare)
    assert not [o for o in bare.organizations if (o.english or "").startswith("Ministry")]


def test_a_vietnamese_body_named_by_its_level_alone_is_the_articles_provinces():
    from summarizer.stages.record import ArticleRecord
    from summarizer.stages.run import find_facts

    text = "Ngày 5/3, đoàn Bến Tre đến Kon Tum. Lãnh đạo UBND tỉnh cảm ơn đoàn bác sĩ."
    record = ArticleRecord(source=text, language="vi")
    find_facts(record)
    assert "Ben Tre Provincial People's Committee" in [o.english for o in record.organizations]


def test_a_kazakh_body_named_after_the_reporting_verb_is_no_outlet():
    from summarizer.stages.entities import find_organizations

    found = find_organizations("Бұл туралы хабарлайды Денсаулық сақтау министрлігі.", "kk")
    assert [o.kind for o in found] == ["government"]
