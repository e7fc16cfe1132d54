"""Split the article into sentences with offsets (razdel, the segmenter natasha uses).

razdel's rules (abbreviations, initials, quotes, decimal numbers) work for Cyrillic and
Latin-script text alike, so one splitter serves ru, kk, vi and en. Sentences are the unit
the model's quotes are checked against and the unit the summary is bounded by.
"""

from __future__ import annotations

from razdel import sentenize

from summarizer.stages.spans import Span


def split_sentences(text: str) -> list[Span]:
    """Non-empty sentences of ``text`` in order, each with its offsets."""
    spans = []
    for part in sentenize(text):
        # razdel also splits on line breaks only when punctuation says so; a heading line
        # without a full stop would merge with the next line, so split on blank lines too.
        offset = part.start
        for piece in part.text.split("\n"):
            stripped = piece.strip()
            if stripped:
                start = offset + piece.index(stripped)
                spans.append(Span(start, start + len(stripped), stripped))
            offset += len(piece) + 1
    return spans
