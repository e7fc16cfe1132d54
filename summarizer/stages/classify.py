"""Model stage: event types and medical fields, each behind a quote from the article.

The quote comes before the label, so the label is chosen for words the model has just
copied; a label whose quote is not found in the article, or is too short to say anything,
is dropped (counted in the record). On llama.cpp the grammar makes every quote a verbatim
run of the article's words, so dropping there mostly removes empty quotes.
"""

from __future__ import annotations

from summarizer.grounding import locate
from summarizer.prompting import PromptSet
from summarizer.schemas.turns import ClassifyDraft
from summarizer.stages.conversation import Conversation
from summarizer.stages.record import ArticleRecord, Label
from summarizer.stages.spans import Span
from summarizer.textfold import MatchText

MAX_TOKENS = 300
MIN_QUOTE_CHARS = 4


def _label(value: str, quote: str, source: str, folded: MatchText) -> Label:
    span = locate(quote, source, folded) if len(quote.strip()) >= MIN_QUOTE_CHARS else None
    if span is None or not span.grounded or span.start is None or span.end is None:
        return Label(value, quote, None)
    return Label(value, quote, Span.of(source, span.start, span.end))


def classify(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    """Fill ``record.event_types`` and ``record.medical_fields`` (dropped labels keep
    ``span=None``; :mod:`assemble` returns only located ones)."""
    draft = conversation.ask(
        "classify", prompt.render_turn("classify"), ClassifyDraft, max_tokens=MAX_TOKENS
    )
    folded = MatchText(record.source)
    record.event_types = [
        _label(item.type.value, item.evidence, record.source, folded) for item in draft.event_types
    ]
    record.medical_fields = [
        _label(item.field.value, item.evidence, record.source, folded)
        for item in draft.medical_fields
    ]
