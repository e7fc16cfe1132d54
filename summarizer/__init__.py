"""summarizer: faithful English summaries and source-grounded fields from news articles.

>>> from summarizer import summarize
>>> result = summarize(open("article.txt").read())   # embedded model, nothing to set up
>>> result.headline, [p.name for p in result.people]
"""

from summarizer.errors import (
    BackendError,
    ConfigurationError,
    ExtractionError,
    InputError,
    ModelUnavailableError,
    SummarizerError,
)
from summarizer.pipeline import Extraction, Summarizer, summarize, summarize_many
from summarizer.prompting import PromptSet, load_prompt_set
from summarizer.schemas.article import ArticleSummary
from summarizer.settings import Settings

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
