"""A piece of the source text found by a deterministic stage: where it is and what it says."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """``source[start:end] == text``; offsets are code-point indices into the source."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])

    def as_evidence(self) -> dict[str, object]:
        """The evidence keys of a returned item: found where it stands, so grounded."""
        return {
            "evidence": self.text,
            "start": self.start,
            "end": self.end,
            "grounded": True,
            "match": "exact",
        }


_SENTENCE_MARKS = ".!?\n"


def clause_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(start, end) of the stretch of ``text`` around ``start``..``end`` that no full stop,
    question or exclamation mark or line break interrupts: a quick sentence without the
    sentence splitter (which a stage scanning raw text does not have)."""
    end = start if end is None else end
    first = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    ends = [i for mark in _SENTENCE_MARKS if (i := text.find(mark, end)) >= 0]
    return first, min(ends, default=len(text))
