"""Done or to come: the brief and the completed date sentence never report an announced
event as finished (invented articles; the first line is the heading, as in a report)."""

import pytest

from summarizer.stages.complete import date_sentence
from summarizer.stages.facts import facts_summary, main_event
from summarizer.stages.record import ArticleRecord
from summarizer.stages.run import find_facts
from summarizer.stages.tense import planned


def _found(text: str, language: str) -> ArticleRecord:
    record = ArticleRecord(source=text)
    record.language = language
    find_facts(record)
    return record


TO_COME = [
    (
        "ru",
        "Делегация из Омска посетит Томск 5 марта.\nДелегация из Омска посетит Томск 5 марта "
        "и проведет переговоры с министерством здравоохранения.",
    ),
    (
        "vi",
        "Đoàn bác sĩ Nhật Bản sẽ khám bệnh miễn phí tại Kon Tum ngày 5/3.\nĐoàn bác sĩ Nhật Bản "
        "sẽ khám bệnh miễn phí cho người dân tại Kon Tum ngày 5/3.",
    ),
    (
        "kk",
        "Жапония дәрігерлері Павлодарға келіп, балаларға тегін ота жасамақшы.\nЖапония "
        "дәрігерлерінің тобы 5 наурызда Павлодарға келіп, балаларға тегін ота жасамақшы.",
    ),
    (
        "en",
        "A delegation from Japan will visit Omsk on 5 March.\nA delegation from Japan will "
        "visit Omsk on 5 March to discuss cooperation in cardiology.",
    ),
]

DONE = [
    (
        "ru",
        "Делегация из Омска посетила Томск 5 марта.\nДелегация из Омска посетила Томск 5 марта "
        "и провела переговоры с министерством здравоохранения.",
    ),
    # arrived (past) and will operate: the arrival is done, the mission under way
    (
        "ru",
        "Врачи из Омска прибыли в Томск 5 марта и проведут операции детям.\nВрачи из Омска "
        "прибыли в Томск 5 марта и проведут операции детям.",
    ),
    # "đã" (already) marks the sentence as done, whatever it adds about the future
    (
        "vi",
        "Đoàn bác sĩ Nhật Bản đã khám bệnh miễn phí tại Kon Tum ngày 5/3.\nĐoàn bác sĩ Nhật Bản "
        "đã khám bệnh miễn phí cho người dân tại Kon Tum ngày 5/3, và sẽ trở lại.",
    ),
]


@pytest.mark.parametrize("language,text", TO_COME)
def test_an_announced_event_is_not_reported_as_done(language, text):
    record = _found(text, language)
    assert planned(record, main_event(record))
    headline, sentences = facts_summary(record)
    brief = " ".join(sentences)
    assert " is planned" in brief or " are treating " in brief or " is visiting " in brief
    for done in ("took place", "treated patients", "visited", "was held"):
        assert done not in brief
    assert date_sentence(record, "") == ["The reported event is planned for 5 March."]


@pytest.mark.parametrize("language,text", DONE)
def test_a_reported_event_stays_in_the_past(language, text):
    record = _found(text, language)
    assert not planned(record, main_event(record))
    assert date_sentence(record, "") == ["The reported event took place on 5 March."]


def test_a_forum_to_come_is_to_be_held():
    text = (
        "В Омске пройдет международный медицинский форум.\nМеждународный медицинский форум "
        "пройдет в Омске 5 марта, в нем примут участие врачи из Казахстана и Китая."
    )
    record = _found(text, "ru")
    assert main_event(record) == "conference_or_forum"
    headline, sentences = facts_summary(record)
    assert "is to be held" in sentences[0]
    assert "to" in headline.split()
