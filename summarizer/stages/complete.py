"""Complete the model's summary with grounded facts it left out: when the event happened
and which organizations took part ("who, what, where, when" is what the spec asks of a
summary, and the small model often drops the date and the institutions).

A sentence is added only for a fact the summary does not already state, only from
findings located in the article (the date stage, the organizations kept by the selection),
and only while the summary stays within the spec's 120 words. On dev this raised the share of
key facts the summaries convey (see docs/decisions.md); it never adds a name or number the
article does not give.
"""

from __future__ import annotations

from summarizer.stages.facts import describe_date, join_english, on_date
from summarizer.stages.organizations import english_organizations
from summarizer.stages.record import ArticleRecord
from summarizer.stages.summarize import within_bound

MAX_ORGANIZATIONS = 3


def completion_sentences(record: ArticleRecord) -> list[str]:
    """The sentences to add, in order (date first), each for a fact the summary lacks."""
    text = " ".join(record.summary_sentences).lower()
    added = []
    if record.event_date is not None:
        when = describe_date(record.event_date.value)
        day_or_month = when.split()[0].lower()
        if day_or_month not in text.split() and day_or_month.strip(",") not in text:
            added.append(f"The reported event took place {on_date(record.event_date.value)}.")
    kept, _dropped = english_organizations(record)
    missing = [
        item["name"]
        for item in kept
        if item["kind"] != "media" and item["name"].split()[0].lower() not in text
    ][:MAX_ORGANIZATIONS]
    # "Ministry of Health of X" starts like every other ministry: compare whole names too
    missing = [name for name in missing if name.lower() not in text]
    if missing:
        added.append(f"The organizations named include {join_english(missing)}.")
    return added


def complete_summary(record: ArticleRecord) -> None:
    """Append :func:`completion_sentences` while the summary stays within the bound (the
    model's own sentences are already within it)."""
    before = len(record.summary_sentences)
    record.summary_sentences = within_bound(
        [*record.summary_sentences, *completion_sentences(record)]
    )
    record.completed_sentences.extend(record.summary_sentences[before:])
