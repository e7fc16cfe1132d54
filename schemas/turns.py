"""What the model writes in each turn of the default (staged) pipeline.

The deterministic stages fill language, date, places, people, figures and agreements, so
the model only writes what needs understanding, and as little of it as possible (output
tokens are most of the time): English names and kinds of organizations and English roles
(``NamingDraft``), event types and medical fields each behind a verbatim quote
(``ClassifyDraft``; the quote comes first so the label is chosen for it, and on llama.cpp
the grammar makes it a verbatim run of the article's words), and headline + summary
sentences (``SummaryDraft``). The grammar rules of :mod:`summarizer.schemas.article`
apply: bounded lists, bounded strings, ASCII patterns on English fields, ``[0-9]`` never
``\\d``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from summarizer.language import is_english
from summarizer.schemas.article import (
    EventType,
    MedicalField,
    OrganizationKind,
    _Draft,
    _english,
)

# A summary sentence: starts like a sentence, ends with its full stop. The grammar cannot
# stop mid-sentence because the pattern only ends on . ! or ?
# Inside the sentence no . ! ? except a decimal point between digits ("1.5"), so one item
# is one sentence (".<digit>" alone let the model glue sentences with numbers).
# Titles before a name ("Dr. Lee") keep their full stop without ending the sentence.
SUMMARY_SENTENCE_PATTERN = (
    r'^[A-Z0-9"](?:[ "-\-/->@-~]|[0-9]\.[0-9]|(?:Dr|Mr|Mrs|Ms|Prof|St)\. ){15,220}[.!?]$'
)
SummarySentence = Annotated[
    str, StringConstraints(max_length=240, pattern=SUMMARY_SENTENCE_PATTERN)
]


def _quote(max_length: int = 40) -> Any:
    return Field(
        max_length=max_length,
        pattern=f"^.{{3,{max_length}}}$",
        description="two to six words copied exactly from the article, in its language",
    )


class NamedOrganization(_Draft):
    number: int = Field(ge=1, le=30, description="the number of the organization in the list")
    name: str = _english(100, "its English name", min_length=2)
    kind: OrganizationKind


class NamedRole(_Draft):
    number: int = Field(ge=1, le=30, description="the number of the person in the list")
    role: str = _english(80, "their title in English", min_length=2)


class NamingDraft(_Draft):
    organizations: list[NamedOrganization] = Field(max_length=12)
    roles: list[NamedRole] = Field(max_length=10)


class QuotedEventType(_Draft):
    evidence: str = _quote()
    type: EventType


class QuotedMedicalField(_Draft):
    evidence: str = _quote()
    field: MedicalField


class ClassifyDraft(_Draft):
    # Every article of this kind reports some event and concerns some field ("other" when
    # none fits); an empty list is the small model's way of not answering.
    event_types: list[QuotedEventType] = Field(min_length=1, max_length=4)
    medical_fields: list[QuotedMedicalField] = Field(min_length=1, max_length=4)


class SummaryDraft(_Draft):
    headline: str = _english(110, "English, at most 15 words", min_length=5)
    # At least three sentences: shorter summaries conveyed fewer of the key facts on dev.
    summary: list[SummarySentence] = Field(min_length=3, max_length=5)

    @field_validator("summary")
    @classmethod
    def _must_be_english(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Re-ask when the model wrote the source language (e.g. de-accented Vietnamese)."""
        if info.context and info.context.get("skip_english_check"):
            return value
        text = " ".join(value)
        if text.strip() and not is_english(text):
            raise ValueError(
                "the summary must be written in English. Translate the article's content "
                "into English sentences; do not copy or transliterate its language."
            )
        return value


class LeadDraft(SummaryDraft):
    """The lead sentences translated: one English sentence per numbered source sentence
    (two to five are sent), and a headline."""

    summary: list[SummarySentence] = Field(min_length=2, max_length=5)
