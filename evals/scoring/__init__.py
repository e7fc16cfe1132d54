"""Score ArticleSummary predictions against gold files, and aggregate a run.

Implements the "Scoring" and "Edge cases" sections of ``article-schema.md``. Pure: no
model, no network, no I/O. Each field has one registered scorer (:mod:`.registry`):
structured fields in :mod:`.fields`, the summary in :mod:`.summary`, the scorer's own
grounding measurement in :mod:`.grounding`. ``overall`` is the mean of the 11 field scores;
extras (grounding rates, agreements count error, key-fact coverage, chrF, English-ness) are
reported beside it.

A failed article (``predicted is None``: transport error, invalid answer, crash, or no
record in the run at all) scores 0 on every field and stays in every mean.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.language import is_english
from summarizer.textfold import normalize_name

from . import fields as _fields  # noqa: F401  (registers the structured-field scorers)
from . import grounding as _grounding  # noqa: F401  (registers the grounding measurement)
from .registry import EXTRA_SCORERS, SCORERS, Context, FieldResult, scorer
from .summary import key_fact_coverage
from .summary import score_summary as _score_summary  # noqa: F401  (registers "summary")

__all__ = [
    "EXTRAS",
    "FIELDS",
    "SCORERS",
    "ArticleScore",
    "Context",
    "FieldResult",
    "aggregate",
    "empty_prediction",
    "is_english",
    "key_fact_coverage",
    "normalize_name",
    "score_article",
    "scorer",
]

FIELDS: tuple[str, ...] = tuple(SCORERS)
"""The 11 scored fields, in spec order; ``overall`` is their unweighted mean."""

EXTRAS: tuple[str, ...] = (
    "grounding_rate",
    "grounding_rate_proposed",
    "agreements_count_error",
    "summary_key_fact_coverage",
    "summary_chrf",
    "summary_is_english",
)
"""Numbers reported beside the field scores, never averaged into ``overall``."""

Judge = Callable[[str, list[str]], list[bool]]


@dataclass
class ArticleScore:
    """Scores of one article: 11 field scores in [0, 1], their mean, extras and diagnostics."""

    article_id: str
    language: str  # gold language, used for per-language grouping
    failed: bool
    fields: dict[str, float]
    overall: float
    extras: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


def empty_prediction() -> dict[str, Any]:
    """A valid but empty answer: every list empty, every scalar null, an empty summary."""
    return {
        "language": None,
        "headline": "",
        "summary": "",
        "event_types": [],
        "event_date": None,
        "countries": [],
        "locations": [],
        "people": [],
        "organizations": [],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
    }


def score_article(
    gold: Mapping[str, Any],
    predicted: Mapping[str, Any] | None,
    *,
    judge: Judge | None = None,
    source: str | None = None,
) -> ArticleScore:
    """Score one prediction against one gold file.

    ``predicted`` is the output as a plain dict with the ArticleSummary keys (missing keys
    read as null / empty); ``None`` means the article failed. ``source`` is the article
    text, needed for the grounding rates (None without it). ``judge(summary, key_facts)``
    returns one bool per fact; without it the lexical matcher is used.
    """
    if predicted is not None and not isinstance(predicted, Mapping):
        raise TypeError(f"predicted must be a mapping or None, not {type(predicted).__name__}")
    expected: Mapping[str, Any] = gold.get("expected") or {}
    failed = predicted is None
    pred: Mapping[str, Any] = predicted if predicted is not None else {}
    ctx = Context(source=source, judge=judge)

    field_scores: dict[str, float] = {}
    details: dict[str, Any] = {}
    extras: dict[str, float | None] = {}
    for name, field_scorer in (*SCORERS.items(), *EXTRA_SCORERS.items()):
        result = field_scorer(pred, gold, ctx)
        details[name] = result.details
        extras.update(result.extras)
        if name in SCORERS:
            field_scores[name] = 0.0 if failed else float(result.score)
    if failed:
        details["failed"] = True
    return ArticleScore(
        article_id=str(gold.get("id", "")),
        language=str(expected.get("language") or "unknown"),
        failed=failed,
        fields=field_scores,
        overall=sum(field_scores.values()) / len(FIELDS),
        extras={name: extras.get(name) for name in EXTRAS},
        details=details,
    )


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _field_means(scores: Sequence[ArticleScore]) -> dict[str, float | None]:
    return {name: _mean([s.fields[name] for s in scores]) for name in FIELDS}


def aggregate(scores: list[ArticleScore]) -> dict[str, Any]:
    """Macro-average article scores, overall and per gold language.

    Failed articles stay in every field mean (they score 0). Each extra is averaged over
    the articles where it is not None, reported as ``{"mean": ..., "n": ...}``. Means over
    no articles are None. The result is JSON-serializable.
    """
    per_language: dict[str, dict[str, Any]] = {}
    for lang in sorted({s.language for s in scores}):
        group = [s for s in scores if s.language == lang]
        per_language[lang] = {
            "n": len(group),
            "n_failed": sum(s.failed for s in group),
            "overall": _mean([s.overall for s in group]),
            "fields": _field_means(group),
        }
    extras: dict[str, dict[str, Any]] = {}
    for name in EXTRAS:
        values = [v for s in scores if (v := s.extras.get(name)) is not None]
        extras[name] = {"mean": _mean(values), "n": len(values)}
    return {
        "n_articles": len(scores),
        "n_failed": sum(s.failed for s in scores),
        "failed_ids": [s.article_id for s in scores if s.failed],
        "overall": _mean([s.overall for s in scores]),
        "fields": _field_means(scores),
        "per_language": per_language,
        "extras": extras,
    }
