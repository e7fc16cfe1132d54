"""Grounding measured by the scorer itself: are the predicted evidence quotes in the source?

It never trusts the library's ``grounded`` flags or offsets. A quote is located when it
occurs in the article text verbatim or after folding case, quote marks, dashes, whitespace
and ё/е (:class:`summarizer.textfold.MatchText`); a fuzzy near-match is not located: the
contract asks for verbatim quotes.

Two rates: ``grounding_rate`` over every evidence-bearing item the library returned
(people, organizations, agreements, figures; flagged ones included), and
``grounding_rate_proposed`` over those plus the items the library removed
(``grounding.dropped_items`` in the output), i.e. everything the model proposed. An item
with a missing or blank quote counts as not located, and so does a quote shorter than
three characters (it would be "found" almost anywhere). Both rates are None when there is
no such item or no article text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from summarizer.textfold import MatchText, match_fold

from .registry import Context, FieldResult, scorer

EVIDENCE_FIELDS = ("people", "organizations", "agreements", "figures")
MIN_QUOTE_CHARS = 3


def _evidence(items: Iterable[Any]) -> list[str]:
    """The quote of every item ("" when it has none: that counts as not located)."""
    quotes = []
    for item in items:
        if isinstance(item, Mapping):
            evidence = item.get("evidence")
            quotes.append(evidence if isinstance(evidence, str) else "")
    return quotes


def returned_evidence(pred: Mapping[str, Any]) -> list[str]:
    """Quotes of every returned evidence-bearing item."""
    return [q for f in EVIDENCE_FIELDS for q in _evidence(_list(pred.get(f)))]


def dropped_evidence(pred: Mapping[str, Any]) -> list[str]:
    """Quotes of the items the library removed (kept in its grounding report)."""
    report = pred.get("grounding")
    if not isinstance(report, Mapping):
        return []
    return _evidence(_list(report.get("dropped_items")))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def is_located(quote: str, source: str, folded_source: MatchText) -> bool:
    quote = quote.strip()
    if len(quote) < MIN_QUOTE_CHARS:
        return False
    if quote in source:
        return True
    folded = match_fold(quote)
    return len(folded) >= MIN_QUOTE_CHARS and folded in folded_source.text


@scorer("grounding", extra=True)
def score_grounding(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
    returned, dropped = returned_evidence(pred), dropped_evidence(pred)
    if ctx.source is None:
        details = {"checked": len(returned), "located": None, "reason": "no article text"}
        return FieldResult(0.0, details, {"grounding_rate": None, "grounding_rate_proposed": None})
    folded = MatchText(ctx.source)
    located = [q for q in returned if is_located(q, ctx.source, folded)]
    located_dropped = [q for q in dropped if is_located(q, ctx.source, folded)]
    proposed = len(returned) + len(dropped)
    rate = len(located) / len(returned) if returned else None
    rate_proposed = (len(located) + len(located_dropped)) / proposed if proposed else None
    details = {
        "returned": len(returned),
        "located": len(located),
        "proposed": proposed,
        "located_proposed": len(located) + len(located_dropped),
        "not_located": [q for q in returned if q not in located][:20],
    }
    return FieldResult(
        rate or 0.0,
        details,
        {"grounding_rate": rate, "grounding_rate_proposed": rate_proposed},
    )
