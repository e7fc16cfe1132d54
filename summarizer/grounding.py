"""Locate model-written evidence quotes in the source text, with character offsets.

Graded, like langextract's aligner: ``exact`` (verbatim), ``normalized`` (equal after
folding case, quotes, dashes, whitespace and ё/е), ``fuzzy`` (a window of the source at
least ``FUZZY_THRESHOLD`` similar and about as long as the quote), else ``none``.
Offsets are Python code-point indices into the unmodified source. A short partial hit is
never accepted for a long quote. For people, the quote must also mention the person
(transliterated surname or given name), so "Фото: ТАСС" does not ground a minister.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz

from summarizer.textfold import MatchText, match_fold

FUZZY_THRESHOLD = 90.0
MIN_QUOTE_CHARS = 4  # below this only a verbatim hit counts...
MIN_EXACT_CHARS = 3  # ...and below this nothing does ("АО" names nothing; "IEC" may)
NAME_TOKEN_SIMILARITY = 80.0


@dataclass(frozen=True)
class Span:
    """Where a quote was found: ``source[start:end]``, and how."""

    start: int | None
    end: int | None
    match: str  # exact | normalized | fuzzy | none

    @property
    def grounded(self) -> bool:
        return self.match != "none"


NOT_FOUND = Span(None, None, "none")


def locate(quote: str, source: str, normalized: MatchText | None = None) -> Span:
    """Find ``quote`` in ``source``; see the module docstring for the grades."""
    quote = quote.strip()
    if len(quote) < MIN_EXACT_CHARS:
        return NOT_FOUND
    position = source.find(quote)
    if position >= 0:
        return Span(position, position + len(quote), "exact")
    if len(quote) < MIN_QUOTE_CHARS:
        return NOT_FOUND
    norm = normalized or MatchText(source)
    folded = match_fold(quote)
    if len(folded) < MIN_QUOTE_CHARS:
        return NOT_FOUND
    position = norm.text.find(folded)
    if position >= 0:
        start, end = norm.to_source(position, position + len(folded))
        return Span(start, end, "normalized")
    alignment = fuzz.partial_ratio_alignment(folded, norm.text, score_cutoff=FUZZY_THRESHOLD)
    if alignment is None:
        return NOT_FOUND
    length = alignment.dest_end - alignment.dest_start
    # The whole quote must be matched by a window about as long as itself.
    if alignment.src_end - alignment.src_start < 0.9 * len(folded) or length < 0.8 * len(folded):
        return NOT_FOUND
    start, end = _widen_to_words(norm.text, alignment.dest_start, alignment.dest_end)
    start, end = norm.to_source(start, end)
    return Span(start, end, "fuzzy")


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a fuzzy window so it does not cut a word at either edge."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def _latin_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z]+", anyascii(text).lower()) if len(t) >= 3]


def mentions_name(evidence: str, name: str) -> bool:
    """True when the (source-language) quote contains a token of the (Latin) name.

    Both sides are transliterated to ASCII; Russian case endings are tolerated by a
    similarity threshold on the token pair.
    """
    quote_tokens = _latin_tokens(evidence)
    name_tokens = _latin_tokens(name)
    if not name_tokens:
        return False
    for name_token in name_tokens:
        for quote_token in quote_tokens:
            prefix = quote_token[: len(name_token) + 2]
            if fuzz.ratio(name_token, prefix) >= NAME_TOKEN_SIMILARITY:
                return True
    return False
