"""The per-article record: what every stage read and wrote, kept as data.

One object travels through the pipeline; a stage reads the fields of earlier stages and
fills its own. Nothing is held in context variables. A model turn that fails stays a
structured :class:`StageFailure` (which stage, the error type, attempts, validation
errors, the last answer) in ``failures``, so a log can be re-read and re-scored, and a
caller sees why, not just that.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

from summarizer.stages.spans import Span


@dataclass
class StageFailure:
    stage: str
    error_type: str
    message: str
    attempts: int = 0
    validation_errors: list[str] = field(default_factory=list)
    last_answer: str | None = None


@dataclass
class Label:
    """A vocabulary label the model chose, with the quote it gave and where that is."""

    value: str
    quote: str
    span: Span | None  # None: the quote was not found in the article (label dropped)


@dataclass
class ArticleRecord:
    source: str  # the text every offset indexes (HTML already stripped)
    language: str | None = None
    sentences: list[Span] = field(default_factory=list)
    # deterministic findings (see the stage modules for their types)
    event_date: Any = None
    dates: list[Any] = field(default_factory=list)
    places: Any = None
    people: list[Any] = field(default_factory=list)
    organizations: list[Any] = field(default_factory=list)
    figures: list[Any] = field(default_factory=list)
    agreements: list[Any] = field(default_factory=list)
    visit: Any = None  # who visited whom, where the lead marks it (stages/direction.py)
    # model findings
    organization_names: dict[int, tuple[str, str]] = field(
        default_factory=dict
    )  # i -> (name, kind)
    roles: dict[int, str] = field(default_factory=dict)  # person index -> English role
    dropped_entities: int = 0  # names the model read that the article does not hold
    labels_from: str = ""  # lexicon | model: who chose event types and medical fields
    event_types: list[Label] = field(default_factory=list)
    medical_fields: list[Label] = field(default_factory=list)
    headline: str = ""
    summary_sentences: list[str] = field(default_factory=list)
    summary_source: str = "model"  # model | facts (built only from grounded findings)
    removed_sentences: list[dict[str, str]] = field(default_factory=list)  # faithfulness
    repaired_sentences: list[dict[str, str]] = field(default_factory=list)  # unstated year cut
    completed_sentences: list[str] = field(default_factory=list)  # grounded facts added
    # bookkeeping
    stage_seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # model turns that failed after their re-asks; the article goes on without them
    failures: list[StageFailure] = field(default_factory=list)

    def to_log(self) -> dict[str, Any]:
        """Everything but the source text, as JSON-ready data (for eval logs)."""
        data = {k: _plain(v) for k, v in self.__dict__.items() if k != "source"}
        data["sentences"] = len(self.sentences)
        return data


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
