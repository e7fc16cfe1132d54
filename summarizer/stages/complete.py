"""Complete the model's summary with who visited whom and the event's date when it left
them out ("who came where" and "when" are what the small model drops most often).

The visit sentence comes first, only when the lead marks the direction
(:mod:`summarizer.stages.direction`) and the summary does not name both sides; the date
sentence only when the summary (and the visit sentence) do not already state the day or
month, only from the date stage's finding located in the article. Sentences are kept
only while the summary stays within the spec's 120 words (whole sentences from the
start). The list of organizations this used to add ("The
organizations named include ...") is gone: human readers of the validation summaries
marked it as a form, not prose, and the organizations are a field of their own.
"""

from __future__ import annotations

from summarizer.stages.facts import describe_date, marked_visit, on_date, visit_sentence
from summarizer.stages.record import ArticleRecord
from summarizer.stages.summarize import within_bound


def visit_first(record: ArticleRecord) -> list[str]:
    """The visit sentence to put before the summary, when the lead marks who visited whom
    and the summary does not name both sides; [] otherwise."""
    marked = marked_visit(record)
    if marked is None:
        return []
    visit, events = marked
    text = " ".join(record.summary_sentences).lower()
    if visit.guest.lower() in text and visit.host.lower() in text:
        return []
    dated = record.event_date is not None and not _states_day(text, record.event_date.value)
    on = " " + on_date(record.event_date.value) if dated else ""
    return [visit_sentence(visit, events, on)]


def _states_day(text: str, value: str) -> bool:
    """Whether lower-case ``text`` already states the date's day or month."""
    day_or_month = describe_date(value).split()[0].lower()
    return day_or_month in text.split() or day_or_month.strip(",") in text


def completion_sentences(record: ArticleRecord, first: list[str]) -> list[str]:
    """The sentences to add after the summary (opened by ``first``), each for a fact
    neither states (the date)."""
    text = " ".join([*first, *record.summary_sentences]).lower()
    added = []
    if record.event_date is not None and not _states_day(text, record.event_date.value):
        added.append(f"The reported event took place {on_date(record.event_date.value)}.")
    return added


def complete_summary(record: ArticleRecord) -> None:
    """Append :func:`completion_sentences` while the summary stays within the bound (the
    model's own sentences are already within it)."""
    first = visit_first(record)
    after = completion_sentences(record, first)
    own = record.summary_sentences
    record.summary_sentences = within_bound([*first, *own, *after])
    record.completed_sentences.extend(
        s for s in record.summary_sentences if s in first or s in after
    )
