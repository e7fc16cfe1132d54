"""Complete the model's summary with the event's date when it left it out ("when" is
what the small model drops most often).

A sentence is added only when the summary does not already state the day or month, only
from the date stage's finding located in the article, and only while the summary stays
within the spec's 120 words. The list of organizations this used to add ("The
organizations named include ...") is gone: human readers of the validation summaries
marked it as a form, not prose, and the organizations are a field of their own.
"""

from __future__ import annotations

from summarizer.stages.facts import describe_date, on_date
from summarizer.stages.record import ArticleRecord
from summarizer.stages.summarize import within_bound


def completion_sentences(record: ArticleRecord) -> list[str]:
    """The sentences to add, in order (date first), each for a fact the summary lacks."""
    text = " ".join(record.summary_sentences).lower()
    added = []
    if record.event_date is not None:
        when = describe_date(record.event_date.value)
        day_or_month = when.split()[0].lower()
        if day_or_month not in text.split() and day_or_month.strip(",") not in text:
            added.append(f"The reported event took place {on_date(record.event_date.value)}.")
    return added


def complete_summary(record: ArticleRecord) -> None:
    """Append :func:`completion_sentences` while the summary stays within the bound (the
    model's own sentences are already within it)."""
    before = len(record.summary_sentences)
    record.summary_sentences = within_bound(
        [*record.summary_sentences, *completion_sentences(record)]
    )
    record.completed_sentences.extend(record.summary_sentences[before:])
