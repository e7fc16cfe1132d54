"""The scorer registry: one entry per scored field, in spec order.

A field scorer takes the prediction and the gold file (plus the article text, for scorers
that need it) and returns a :class:`FieldResult`: the field score in [0, 1], details for
the reports, and extras reported beside the mean (never averaged into ``overall``).
Reports, the CLI table and ``compare`` iterate over :data:`SCORERS`, so a new scorer shows
up everywhere by being registered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldResult:
    score: float
    details: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What a scorer may need besides prediction and gold."""

    source: str | None = None  # the article text, for grounding
    judge: Callable[[str, list[str]], list[bool]] | None = None


FieldScorer = Callable[[Mapping[str, Any], Mapping[str, Any], Context], FieldResult]

SCORERS: dict[str, FieldScorer] = {}
"""field name -> scorer; insertion order is the spec's field order."""

EXTRA_SCORERS: dict[str, FieldScorer] = {}
"""Measurements reported beside the mean (grounding); their score is not averaged in."""


def scorer(name: str, *, extra: bool = False) -> Callable[[FieldScorer], FieldScorer]:
    """Register ``fn`` as the scorer of field ``name`` (or as an extra measurement)."""

    def register(fn: FieldScorer) -> FieldScorer:
        table = EXTRA_SCORERS if extra else SCORERS
        if name in table:
            raise ValueError(f"a scorer for {name!r} is already registered")
        table[name] = fn
        return fn

    return register
