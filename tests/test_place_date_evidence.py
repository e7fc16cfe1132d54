"""Places and the event date carry evidence offsets (optional keys added after v1): the
stages' spans reach the returned summary, and each slice of the text is its evidence.
The article is invented."""

from __future__ import annotations

from summarizer.schemas.article import ArticleSummary
from summarizer.stages.assemble import assemble
from summarizer.stages.dates import find_event_date
from summarizer.stages.places import find_places
from summarizer.stages.record import ArticleRecord

TEXT = (
    "Делегация врачей из Казахстана 9 октября 2024 года посетила Новосибирск. "
    "В Новосибирске гости осмотрели кардиологический центр и обсудили обмен опытом. "
    "Казахстан и Россия продолжат сотрудничество."
)


def _record() -> ArticleRecord:
    record = ArticleRecord(source=TEXT, language="ru")
    record.places = find_places(TEXT, "ru")
    record.event_date = find_event_date(TEXT, "ru")
    return record


def test_places_and_the_event_date_reach_the_summary_with_their_offsets():
    summary = assemble(_record())
    assert summary.event_date == "2024-10-09"
    date = summary.event_date_evidence
    assert date is not None and date.grounded is True and date.match == "exact"
    assert date.start is not None and date.end is not None
    assert TEXT[date.start : date.end] == date.evidence and "9 октября" in date.evidence
    assert "Novosibirsk" in [loc.name for loc in summary.locations]
    for loc in summary.locations:
        assert loc.start is not None and loc.end is not None
        assert TEXT[loc.start : loc.end] == loc.evidence and loc.grounded is True
    first = next(loc for loc in summary.locations if loc.name == "Novosibirsk")
    assert first.start == TEXT.index("Новосибирск")  # where it is first named


def test_no_date_no_evidence_and_v1_results_stay_valid():
    record = ArticleRecord(source="Врачи обсудили обмен опытом.", language="ru")
    record.places = find_places(record.source, "ru")
    record.event_date = find_event_date(record.source, "ru")
    summary = assemble(record)
    assert summary.event_date is None and summary.event_date_evidence is None
    # a v1 result (no evidence keys on places, no event_date_evidence) still validates
    old = ArticleSummary.model_validate(
        {"event_date": "2024-10-09", "locations": [{"name": "Omsk", "country": "RU"}]}
    )
    assert old.event_date_evidence is None and old.locations[0].start is None
    dumped = old.model_dump(mode="json")
    assert dumped["locations"][0]["name"] == "Omsk" and dumped["event_date"] == "2024-10-09"
