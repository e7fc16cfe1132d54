"""The agreements stage on invented sentences: signed documents, their kind and count."""

import pytest

from summarizer.stages.agreements import AgreementFinding, find_agreements


def _kinds(text: str, language: str | None = None) -> list[tuple[str, int]]:
    return [(a.kind, a.count) for a in find_agreements(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Министры подписали соглашение о партнерстве.", "ru", [("agreement", 1)]),
        ("Стороны подписали 14 меморандумов о партнерстве.", "ru", [("memorandum", 14)]),
        ("Подписан договор о поставке оборудования.", "ru", [("contract", 1)]),
        ("Стороны подписали протокол о намерениях.", "ru", [("protocol", 1)]),
        ("Ынтымақтастық туралы келісімге қол қойылды.", "kk", [("agreement", 1)]),
        ("Екі тарап меморандумға қол қойды.", "kk", [("memorandum", 1)]),
        ("Эки тарап меморандумга кол коюшту.", "ky", [("memorandum", 1)]),
        ("Hai bên đã ký 3 biên bản ghi nhớ.", "vi", [("memorandum", 3)]),
        ("Hôm qua hai trường ký bản ghi nhớ thỏa thuận đào tạo.", "vi", [("memorandum", 1)]),
        ("Hai bệnh viện ký kết hợp đồng chuyển giao kỹ thuật.", "vi", [("contract", 1)]),
        ("The ministers signed about 11 memoranda of understanding.", "en", [("memorandum", 11)]),
        ("The leaders signed a joint declaration.", "en", [("declaration", 1)]),
        ("双方签署了合作协议。", "zh", [("agreement", 1)]),
        ("Тараптар ўртасида ҳамкорлик меморандуми имзоланди.", "uz", [("memorandum", 1)]),
        ("Томск ва Тула ўртасида шартнома имзоланди.", "uz", [("contract", 1)]),
        ("Tomsk və Tula arasında əməkdaşlıq sazişi imzalanıb.", "az", [("agreement", 1)]),
        # verb-final: the signing verb that ends the sentence signs the document it opens with
        (
            "Sazişi Tomsk hökuməti adından nazirin müavini Ivan Orlov, Tula hökuməti adından "
            "isə səfir Anna Belova imzalayıb.",
            "az",
            [("agreement", 1)],
        ),
    ],
)
def test_signed_documents_are_found(text, language, expected):
    assert _kinds(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Врачи договорились об обмене опытом.",
        "Стороны планируют подписать соглашение в следующем году.",
        "Губернатор Томской области предложил подписать соглашение о дружбе.",
        "Соглашение обсуждалось на встрече министров.",
        "Келісімге қол қойылады.",
        "Меморандумга кол коюлат.",
        "Thỏa thuận này được thảo luận tại cuộc họp.",
        "Hai bên sẽ ký biên bản ghi nhớ vào tháng tới.",
        "Sinh viên đăng ký hợp đồng thực tập.",
        "The agreement was discussed but not signed.",
    ],
)
def test_talks_plans_and_unsigned_documents_are_not_agreements(text):
    assert find_agreements(text, None) == []


def test_repeated_mentions_of_one_document_are_merged():
    text = (
        "Больницы подписали соглашение.\n"
        "Соглашение о сотрудничестве подписали главные врачи. "
        "В рамках подписанного соглашения будут стажировки."
    )
    [finding] = find_agreements(text, "ru")
    assert isinstance(finding, AgreementFinding)
    assert (finding.kind, finding.count) == ("agreement", 1)
    assert text[finding.span.start : finding.span.end] == finding.span.text
    assert "подписали соглашение" in finding.span.text


def test_one_signing_of_two_kinds_gives_two_findings():
    text = "Министры подписали 12 меморандумов и два соглашения."
    assert _kinds(text, "ru") == [("memorandum", 12), ("agreement", 2)]


def test_a_latin_look_alike_letter_inside_a_cyrillic_word_is_read():
    assert _kinds("Стороны подписали \u0441оглашение.".replace("\u0441", "c"), "ru") == [
        ("agreement", 1)
    ]


def test_chinese_documents_with_different_subjects_stay_apart():
    text = "校长签订了医疗合作协议。随后又签订了战略合作协议。"
    assert _kinds(text, "zh") == [("agreement", 1), ("agreement", 1)]


def test_a_vietnamese_treaty_is_an_agreement():
    found = find_agreements("Hai bộ trưởng đã ký hiệp định về y tế tại Bến Tre.", "vi")
    assert [(a.kind, a.count) for a in found] == [("agreement", 1)]


def test_a_turkish_memorandum_signed():
    from summarizer.stages.agreements import find_agreements

    text = "Tomsk ve Ankara arasında sağlık alanında mutabakat muhtırası imzalandı."
    assert [a.kind for a in find_agreements(text, "tr")] == ["memorandum"]
    assert find_agreements("Taraflar yeni bir anlaşmayı görüştü.", "tr") == []


def test_a_russian_agreement_to_sign_is_no_signed_document() -> None:
    assert _kinds("Ректоры договорились о подписании меморандума весной.", "ru") == []
    assert _kinds("Клиники пришли к договоренности о заключении договора.", "ru") == []
    assert _kinds("Министры подписали соглашение о партнерстве.", "ru") == [("agreement", 1)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Министры Омской и Томской областей подписали дорожную карту сотрудничества.", "ru"),
        ("Sở Y tế tỉnh Kon Tum và Sở Y tế tỉnh Bến Tre đã ký kết kế hoạch hợp tác.", "vi"),
        ("The ministers of Omsk and Tula signed a road map on health cooperation.", "en"),
    ],
)
def test_a_signed_road_map_or_cooperation_plan_is_an_other_document(text, language):
    from summarizer.stages.topics import find_event_types

    assert [a.kind for a in find_agreements(text, language)] == ["other"]
    assert "agreement_signing" in [f.label for f in find_event_types(text, language)]


def test_a_brief_names_an_other_document_a_document():
    from summarizer.stages import facts

    assert facts._document("other", 1) == "a document"
    assert facts._document("other", 3) == "3 documents"
