"""The returned ``ArticleSummary`` from the record: deterministic findings with their
spans as evidence (offsets known, so grounded by construction; places and the event date
too, in the optional ``locations[].evidence``/``start``/``end`` and
``event_date_evidence`` keys), the model's labels that
kept a located quote, names given by the model where a table gave none, and the summary.
"""

from __future__ import annotations

from typing import Any

from summarizer.schemas.article import ArticleSummary, GroundingReport
from summarizer.stages.organizations import english_organizations
from summarizer.stages.record import ArticleRecord, Label


def _labels(labels: list[Label]) -> list[str]:
    return list(dict.fromkeys(label.value for label in labels if label.span is not None))


def _dropped(labels: list[Label], field: str) -> list[dict[str, Any]]:
    return [
        {"field": field, "value": label.value, "evidence": label.quote, "reason": "quote not found"}
        for label in labels
        if label.span is None
    ]


def _date_evidence(record: ArticleRecord) -> dict[str, Any] | None:
    """The date expression the event date was read from, when the stage kept its span."""
    span = getattr(record.event_date, "span", None)
    return span.as_evidence() if span is not None else None


def assemble(record: ArticleRecord) -> ArticleSummary:
    places = record.places
    countries = list(dict.fromkeys(c.code for c in places.countries)) if places else []
    locations: list[dict[str, Any]] = []
    seen: set[str] = set()
    for loc in places.locations if places else []:
        if loc.name.lower() not in seen:
            seen.add(loc.name.lower())
            # where it is first named: a span of the text, so grounded by construction
            locations.append({"name": loc.name, "country": loc.country, **loc.span.as_evidence()})
    people = [
        {"name": p.name, "role": record.roles.get(i, ""), **p.span.as_evidence()}
        for i, p in enumerate(record.people)
    ]
    organizations, dropped_organizations = english_organizations(record)
    agreements = [
        {
            "kind": a.kind,
            "parties": [],
            "subject": a.topic,
            "count": a.count,
            **a.span.as_evidence(),
        }
        for a in record.agreements
    ]
    figures = [
        {"value": f.value, "unit": f.unit, "description": f.description, **f.span.as_evidence()}
        for f in record.figures
    ]
    dropped = _dropped(record.event_types, "event_types") + _dropped(
        record.medical_fields, "medical_fields"
    )
    dropped += [
        {
            "field": "organizations",
            "value": item["name"],
            "evidence": item["evidence"],
            "reason": item["reason"],
        }
        for item in dropped_organizations
    ]
    checked = len(people) + len(organizations) + len(agreements) + len(figures)
    return ArticleSummary.model_validate(
        {
            "language": record.language,
            "headline": record.headline,
            "summary": " ".join(record.summary_sentences),
            "event_types": _labels(record.event_types),
            "event_date": record.event_date.value if record.event_date else None,
            "event_date_evidence": _date_evidence(record),
            "countries": countries,
            "locations": locations,
            "people": people,
            "organizations": organizations,
            "medical_fields": _labels(record.medical_fields),
            "agreements": agreements,
            "figures": figures,
            "grounding": GroundingReport(
                checked=checked + len(dropped),
                located=checked,
                dropped=len(dropped),
                dropped_items=dropped,
            ),
            "warnings": list(record.warnings),
        }
    )
