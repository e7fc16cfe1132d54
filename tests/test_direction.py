"""Who visited whom, from the words that mark it around a place (invented articles)."""

from __future__ import annotations

import pytest

from summarizer.stages.direction import visit_sides
from summarizer.stages.facts import facts_summary
from summarizer.stages.places import find_places
from summarizer.stages.record import ArticleRecord, Label
from summarizer.stages.sentences import split_sentences
from summarizer.stages.spans import Span


def _record(text: str, language: str, event: str = "delegation_visit") -> ArticleRecord:
    record = ArticleRecord(source=text, language=language)
    record.sentences = split_sentences(text)
    record.places = find_places(text, language)
    record.event_types = [Label(event, "", Span(0, 1, text[0]))]
    record.visit = visit_sides(record)  # the direction stage, as find_facts runs it
    return record


@pytest.mark.parametrize(
    "text, language, guest, host",
    [
        # a preposition before the place: "из X" (from), "в X" (in, to)
        (
            "Делегация врачей из Омска посетила больницы в Томске. Стороны обсудили планы.",
            "ru",
            "Omsk",
            "Tomsk",
        ),
        # the visitors' adjective: "X-ская делегация"; the host's own marker
        (
            "Китайская делегация прибыла в Томск. Гости осмотрели клиники города.",
            "ru",
            "China",
            "Tomsk",
        ),
        # Kazakh: the dative on the head noun of the place's phrase; the one other country
        (
            "Қытай делегациясы Павлодар облыстық ауруханасына келді. Қонақтар бөлімдерді аралады.",
            "kk",
            "China",
            "Pavlodar Region",
        ),
        # Kazakh: ablative (from) and dative (to) on the names themselves
        (
            "Түркиядан дәрігерлер Павлодарға келді. Олар отыз науқасқа ота жасады.",
            "kk",
            "Türkiye",
            "Pavlodar",
        ),
        # Vietnamese: "từ X" (from), "đến X" (to)
        (
            "Đoàn công tác từ Campuchia đến Bến Tre làm việc với bệnh viện. "
            "Hai bên trao đổi kinh nghiệm.",
            "vi",
            "Cambodia",
            "Ben Tre",
        ),
    ],
)
def test_the_lead_marks_who_came_from_where(text, language, guest, host):
    sides = visit_sides(_record(text, language))
    assert sides is not None
    assert (sides.guest, sides.host) == (guest, host)


@pytest.mark.parametrize(
    "text, language",
    [
        # no marker: the order of the places says nothing
        ("Омск и Томск: врачи обсудили сотрудничество. Встреча прошла успешно.", "ru"),
        # a trip home: "returned from X" marks the host as the origin
        ("Врачи из Омска вернулись из Камбоджи. Они провели там две недели.", "ru"),
        # two sides marked as visitors: a tie, no answer
        ("Медики из Омска и делегация из Камбоджи собрались на форум. Обсуждали планы.", "ru"),
        # a host marked in a sentence about something else says nothing of the visitors
        (
            "Қазақстан Камбоджа халқына дәрі жібереді. Бұл туралы Павлодарда өткен жиында айтылды.",
            "kk",
        ),
        # "Астана" ends in "-на" but that is the name, not a dative
        ("Астана және Павлодар дәрігерлері кездесті. Олар тәжірибе алмасты.", "kk"),
    ],
)
def test_no_direction_is_guessed_without_a_marker(text, language):
    assert visit_sides(_record(text, language)) is None


def test_a_dateline_city_is_not_a_side():
    text = "Омбы. Түркиядан дәрігерлер Павлодарға келді. Олар отыз науқасқа ота жасады."
    sides = visit_sides(_record(text, "kk"))
    assert sides is not None and sides.host == "Pavlodar" and sides.guest == "Türkiye"


def test_the_brief_and_headline_say_who_visited_whom_when_the_lead_marks_it():
    record = _record(
        "Делегация врачей из Омска посетила больницы в Томске. Стороны обсудили планы.", "ru"
    )
    headline, sentences = facts_summary(record)
    assert headline == "Delegation from Omsk visits Tomsk"
    assert sentences[0] == "A delegation from Omsk visited Tomsk."


def test_a_medical_mission_names_where_the_doctors_came_from_and_went():
    record = _record(
        "Түркиядан дәрігерлер Павлодарға келді. Олар отыз науқасқа ота жасады.",
        "kk",
        event="medical_mission",
    )
    headline, sentences = facts_summary(record)
    assert headline == "Doctors from Türkiye treat patients in Pavlodar"
    assert "Doctors from Türkiye treated patients in Pavlodar" in sentences[0]


def test_a_summary_that_leaves_out_who_came_where_gets_the_grounded_visit_sentence_first():
    from summarizer.stages.complete import complete_summary
    from summarizer.stages.dates import DateFinding

    text = "Делегация врачей из Омска посетила больницы в Томске 5 марта. Стороны обсудили планы."
    record = _record(text, "ru")
    record.event_date = DateFinding("--03-05", Span(53, 60, "5 марта"))
    record.summary_sentences = ["The sides discussed plans."]
    complete_summary(record)
    assert record.summary_sentences == [
        "A delegation from Omsk visited Tomsk on 5 March.",
        "The sides discussed plans.",
    ]  # the date is in the visit sentence: no date sentence after
    named = _record(text, "ru")
    named.summary_sentences = ["Doctors from Omsk visited hospitals in Tomsk."]
    complete_summary(named)
    assert named.summary_sentences == ["Doctors from Omsk visited hospitals in Tomsk."]
