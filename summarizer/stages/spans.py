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
