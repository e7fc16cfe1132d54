"""summarizer: faithful English summaries and source-grounded fields from news articles.

>>> from summarizer import summarize
>>> result = summarize(open("article.txt").read())   # embedded model, nothing to set up
>>> result.headline, [p.name for p in result.people]
"""

from typing import TYPE_CHECKING, Any

from summarizer.errors import (
    BackendError,
    ConfigurationError,
    ExtractionError,
    InputError,
    ModelUnavailableError,
    SummarizerError,
)

if TYPE_CHECKING:
    from summarizer.pipeline import Extraction, Summarizer, summarize, summarize_many
    from summarizer.prompting import PromptSet, load_prompt_set
    from summarizer.schemas.article import ArticleSummary
    from summarizer.settings import Settings

# Where each public name lives; loaded on first use (PEP 562), so `summarizer --help` and the
# command line's checks do not pay for importing the model client stack.
_LAZY = {
    "Extraction": "summarizer.pipeline",
    "Summarizer": "summarizer.pipeline",
    "summarize": "summarizer.pipeline",
    "summarize_many": "summarizer.pipeline",
    "PromptSet": "summarizer.prompting",
    "load_prompt_set": "summarizer.prompting",
    "ArticleSummary": "summarizer.schemas.article",
    "Settings": "summarizer.settings",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "ArticleSummary",
    "BackendError",
    "ConfigurationError",
    "Extraction",
    "ExtractionError",
    "InputError",
    "ModelUnavailableError",
    "PromptSet",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "load_prompt_set",
    "summarize",
    "summarize_many",
]
