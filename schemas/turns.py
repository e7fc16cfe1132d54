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

from functools import cache
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationInfo, create_model, field_validator

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
# is one sentence (".<digit>" alone let the model glue sentences with numbers), and the
# full stop of a short capitalized abbreviation followed by a space: a title or an initial
# before a name ("Dr. Lee", "Prof. Tran", "named after A. Petrov"), which used to end the
# sentence there, cutting the name off.
_ABBREVIATION = r"[A-Z][A-Za-z]{0,3}\. "  # "Dr. ", "Prof. ", "A. " before a name
# Characters between a sentence's first one and its full stop: the grammar's bound, so
# a sentence is at most this plus two characters long (one the grammar cut is that long).
SUMMARY_SENTENCE_BODY = 280
SUMMARY_SENTENCE_PATTERN = (
    rf'^(?:{_ABBREVIATION})?[A-Z0-9"](?:[ "-\-/->@-~]|[0-9]\.[0-9]|{_ABBREVIATION})'
    rf"{{15,{SUMMARY_SENTENCE_BODY}}}[.!?]$"
)
SummarySentence = Annotated[
    str, StringConstraints(max_length=300, pattern=SUMMARY_SENTENCE_PATTERN)
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


class WrittenPerson(_Draft):
    as_written: str = Field(
        min_length=2, max_length=40, description="the name exactly as the article writes it"
    )
    name: str = _english(60, "the name in Latin letters, as an English report writes it", 3)
    role: str = _english(80, "their title or role in English, as the article states it")


class WrittenOrganization(_Draft):
    as_written: str = Field(
        min_length=2, max_length=80, description="the name exactly as the article writes it"
    )
    name: str = _english(100, "its English name", min_length=2)
    kind: OrganizationKind


class EntitiesDraft(_Draft):
    """People and organizations read by the model, for a language with no rules of its
    own (``stages/model_entities.py``); each is kept only where ``as_written`` is found in
    the article."""

    people: list[WrittenPerson] = Field(max_length=8)
    organizations: list[WrittenOrganization] = Field(max_length=8)


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


def _english_sentences(value: list[str], info: ValidationInfo) -> list[str]:
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


class SummaryDraft(_Draft):
    headline: str = _english(110, "English, at most 15 words", min_length=5)
    # At least three sentences: shorter summaries conveyed fewer of the key facts on dev.
    summary: list[SummarySentence] = Field(min_length=3, max_length=5)

    _must_be_english = field_validator("summary")(_english_sentences)


class LeadDraft(_Draft):
    """The lead sentences translated, one English sentence per numbered source sentence,
    then a headline. The translations come first: asked first, the headline took the first
    sentence's content and the model then skipped that sentence. :func:`lead_draft` fixes
    the number of sentences to the number sent, so the grammar cannot merge or drop one."""

    summary: list[SummarySentence] = Field(min_length=1, max_length=6)
    headline: str = _english(110, "English, at most 15 words", min_length=5)

    _must_be_english = field_validator("summary")(_english_sentences)


@cache
def lead_draft(sentences: int) -> type[LeadDraft]:
    """:class:`LeadDraft` with exactly ``sentences`` summary items (same schema title)."""
    return create_model(
        "LeadDraft",
        __base__=LeadDraft,
        summary=(list[SummarySentence], Field(min_length=sentences, max_length=sentences)),
    )
