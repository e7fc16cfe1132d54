"""ArticleSummary v1: the output contract (``shared/spec/article-schema.md``) as pydantic models.

Two families of models live here:

* ``ArticleSummary`` and its items: what the library returns and what gold files hold.
  Evidence-bearing items also carry where the quote was found (``start``/``end``,
  ``grounded``, ``match``), filled by grounding after the model call.
* ``ArticleDraft`` and its items: what the model is asked to write. Every list has
  ``maxItems`` and every free string a ``maxLength`` (a small model otherwise repeats one
  value until the token cap), codes and vocabularies are enums, English fields are limited
  to printable ASCII so a constrained decoder cannot copy Cyrillic into them, and the
  date has a ``[0-9]`` pattern (llama.cpp's grammar converter ignores ``\\d``).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from summarizer.language import is_english
from summarizer.schemas.iso_codes import ISO_639_1, ISO_3166_1_ALPHA2

SCHEMA_VERSION = "article-summary/v1"

LanguageCode = Enum("LanguageCode", {code: code for code in ISO_639_1}, type=str)  # type: ignore[misc]
CountryCode = Enum("CountryCode", {code: code for code in ISO_3166_1_ALPHA2}, type=str)  # type: ignore[misc]


class EventType(str, Enum):
    delegation_visit = "delegation_visit"
    official_meeting = "official_meeting"
    agreement_signing = "agreement_signing"
    conference_or_forum = "conference_or_forum"
    medical_mission = "medical_mission"
    training_or_exchange = "training_or_exchange"
    investment_or_construction = "investment_or_construction"
    other = "other"


class OrganizationKind(str, Enum):
    government = "government"
    hospital = "hospital"
    clinic_or_center = "clinic_or_center"
    sanatorium_or_resort = "sanatorium_or_resort"
    university_or_school = "university_or_school"
    research_institute = "research_institute"
    company = "company"
    international_organization = "international_organization"
    media = "media"
    other = "other"


class MedicalField(str, Enum):
    oncology = "oncology"
    pediatrics = "pediatrics"
    rehabilitation = "rehabilitation"
    surgery = "surgery"
    nuclear_medicine = "nuclear_medicine"
    cardiology = "cardiology"
    infectious_diseases = "infectious_diseases"
    maternal_health = "maternal_health"
    mental_health = "mental_health"
    primary_care = "primary_care"
    medical_tourism = "medical_tourism"
    spa_and_balneology = "spa_and_balneology"
    medical_education = "medical_education"
    medical_research = "medical_research"
    digital_health = "digital_health"
    health_investment = "health_investment"
    pharmaceuticals = "pharmaceuticals"
    medical_equipment = "medical_equipment"
    public_health = "public_health"
    other = "other"


class AgreementKind(str, Enum):
    agreement = "agreement"
    memorandum = "memorandum"
    contract = "contract"
    protocol = "protocol"
    declaration = "declaration"
    other = "other"


# ISO-ish date as precise as the article states it; [0-9], never \d (see module docstring).
EVENT_DATE_PATTERN = r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|--[0-9]{2}-[0-9]{2})$"


# ---------------------------------------------------------------------------------------
# Returned models (the v1 contract)
# ---------------------------------------------------------------------------------------


class Grounded(BaseModel):
    """An item backed by a verbatim ``evidence`` quote, located in the source by grounding."""

    evidence: str = ""
    start: int | None = Field(default=None, description="char offset of the quote in the source")
    end: int | None = Field(default=None, description="char offset just past the quote")
    grounded: bool | None = Field(default=None, description="None until grounding ran")
    match: str | None = Field(default=None, description="exact | normalized | fuzzy | none")


class Location(Grounded):
    """A city or region. ``evidence``/``start``/``end`` (where the article names it) are
    optional keys added after v1: the stages fill them, a v1 result without them is
    valid."""

    name: str
    country: CountryCode | None = None


class EventDateEvidence(Grounded):
    """Where the article states the event date: the date expression the value was read
    from (``evidence``) and its offsets. Optional, added after v1 (``event_date`` stays a
    string)."""


class Person(Grounded):
    name: str
    role: str = ""


class Organization(Grounded):
    name: str
    kind: OrganizationKind = OrganizationKind.other
    country: CountryCode | None = None
    source_name: str | None = Field(
        default=None,
        description="the name as the article writes it (normal form), beside the English one "
        "so a reader can check it; optional, added after v1",
    )


class Agreement(Grounded):
    kind: AgreementKind = AgreementKind.other
    parties: list[str] = Field(default_factory=list)
    subject: str = ""
    count: int = 1


class Figure(Grounded):
    value: float
    unit: str = ""
    description: str = ""


class GroundingReport(BaseModel):
    """What grounding did to the model's answer."""

    checked: int = 0
    located: int = 0
    dropped: int = 0
    flagged: int = 0
    dropped_items: list[dict[str, Any]] = Field(default_factory=list)
    text: str | None = Field(
        default=None,
        description="the text that start/end offsets index, when it is not the input as "
        "given (HTML input is stripped to its visible text first); null: the input itself",
    )


class ArticleSummary(BaseModel):
    """The v1 output contract. Optional extra keys (``schema_version``, ``grounding``,
    ``warnings``, ``event_date_evidence``, the evidence keys of ``locations``) are
    additive, as the spec allows."""

    model_config = ConfigDict(use_enum_values=True)

    language: LanguageCode | None = None
    headline: str = ""
    summary: str = ""
    event_types: list[EventType] = Field(default_factory=list)
    event_date: str | None = Field(default=None, pattern=EVENT_DATE_PATTERN)
    event_date_evidence: EventDateEvidence | None = Field(
        default=None,
        description="where the article states event_date (quote and offsets); optional, "
        "added after v1; null when there is no date or no located quote",
    )
    countries: list[CountryCode] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    medical_fields: list[MedicalField] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    grounding: GroundingReport | None = None
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Model-facing draft (what the LLM writes; grounding and deterministic fields come after)
# ---------------------------------------------------------------------------------------


def _english(max_length: int, description: str = "", min_length: int = 0) -> Any:
    """An English (printable-ASCII) string whose length bound is part of the pattern:
    llama.cpp enforces a pattern's ``{m,n}`` but not a separate ``maxLength``."""
    return Field(
        min_length=min_length,
        max_length=max_length,
        description=description,
        pattern=f"^[ -~]{{{min_length},{max_length}}}$",
    )


def _quote() -> Any:
    return Field(
        max_length=200,
        pattern="^.{0,200}$",
        description="short verbatim quote copied from the article, in its language",
    )


class _Draft(BaseModel):
    """Base of the model-facing classes: ``additionalProperties: false`` in the schema, or
    a grammar lets the model invent keys (and fill them with anything)."""

    model_config = ConfigDict(extra="forbid")


class DraftLocation(_Draft):
    name: str = _english(60, "English exonym")
    country: CountryCode | None = None


class DraftPerson(_Draft):
    name: str = _english(60, "name in Latin script")
    role: str = _english(100, "role/title in English as stated")
    evidence: str = _quote()


class DraftOrganization(_Draft):
    name: str = _english(120, "English name")
    kind: OrganizationKind
    country: CountryCode | None = None
    evidence: str = _quote()


class DraftAgreement(_Draft):
    kind: AgreementKind
    parties: list[Annotated[str, StringConstraints(max_length=120)]] = Field(
        max_length=4, description="English names of the parties"
    )
    subject: str = _english(100)
    count: int = Field(ge=1, le=10_000)
    evidence: str = _quote()


class DraftFigure(_Draft):
    value: float = Field(description="the full number: 3.8 billion -> 3800000000")
    unit: str = _english(30)
    description: str = _english(80)
    evidence: str = _quote()


class ArticleDraft(_Draft):
    """What the model writes. ``language`` is not asked: it is identified deterministically."""

    headline: str = _english(110, "English, at most 15 words", min_length=5)
    summary: str = _english(800, "English, 2-5 sentences", min_length=40)
    event_types: list[EventType] = Field(max_length=4)
    event_date: str | None = Field(max_length=10, pattern=EVENT_DATE_PATTERN)
    countries: list[CountryCode] = Field(max_length=6)
    locations: list[DraftLocation] = Field(max_length=6)
    people: list[DraftPerson] = Field(max_length=8)
    organizations: list[DraftOrganization] = Field(max_length=8)
    medical_fields: list[MedicalField] = Field(max_length=5)
    agreements: list[DraftAgreement] = Field(max_length=4)
    figures: list[DraftFigure] = Field(max_length=5)

    @field_validator("summary")
    @classmethod
    def _must_be_english(cls, value: str, info: ValidationInfo) -> str:
        """Re-ask when the model wrote the source language (e.g. de-accented Vietnamese).
        Only the summary: a headline has too few function words to judge reliably."""
        if info.context and info.context.get("skip_english_check"):
            return value
        if value.strip() and not is_english(value):
            raise ValueError(
                f"{info.field_name} must be written in English. Translate the article's "
                "content into English sentences; do not copy or transliterate its language."
            )
        return value
