"""From the model's draft to the returned ArticleSummary: deterministic fields, dedupe,
the never-invent-a-year guard, and grounding of every evidence quote."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from summarizer.grounding import locate, mentions_name
from summarizer.language import detect_language
from summarizer.schemas.article import (
    ArticleDraft,
    ArticleSummary,
    GroundingReport,
)
from summarizer.schemas.iso_codes import ISO_3166_1_ALPHA2
from summarizer.textfold import MatchText, match_fold

MAX_HEADLINE_WORDS = 15
_ENTITY_FIELDS = ("people", "organizations", "agreements", "figures")


def _dedupe(values: list[Any], key: Any = lambda v: v) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for value in values:
        marker = key(value)
        if marker in seen:
            continue
        seen.add(marker)
        out.append(value)
    return out


def guard_event_date(date: str | None, source: str) -> tuple[str | None, str | None]:
    """Drop a day or year the article does not state. Returns ``(date, warning)``.

    A day that appears nowhere in the article as a number means the date was invented:
    the whole date goes. A year the article does not state is removed (day and month kept).
    """
    if not date:
        return date, None
    day = date[-2:] if len(date) in (7, 10) and date.count("-") >= 2 else None
    if day and not re.search(rf"(?<![0-9])0?{int(day)}(?![0-9])", source):
        return None, f"event_date {date}: day {int(day)} is not in the article; dropped"
    if date.startswith("--"):
        return date, None
    year = date[:4]
    if re.search(rf"(?<![0-9]){year}(?![0-9])", source):
        return date, None
    # Two-digit years ("28.08.21") still state the year.
    if re.search(rf"[0-9]{{1,2}}[./][0-9]{{1,2}}[./]{year[2:]}(?![0-9])", source):
        return date, None
    if len(date) == 10:
        return (
            f"--{date[5:7]}-{date[8:10]}",
            f"event_date year {year} is not in the article; kept day and month",
        )
    return None, f"event_date {date} names a year the article does not state; dropped"


def figure_matches_evidence(value: float, evidence: str) -> bool:
    """A figure must be a number its quote states: the value's leading digits appear among
    the quote's numbers ("3,8 млрд" states 3800000000), or, for a quote without digits,
    the value is a small spelled-out count (2-20, "пяти клиник")."""
    numbers = re.findall(r"[0-9][0-9\s.,]*", evidence)
    if not numbers:
        return 2 <= value <= 20 and float(value).is_integer()
    wanted = re.sub(r"[^0-9]", "", f"{abs(value):.6f}".rstrip("0").rstrip(".")).lstrip("0")
    for number in numbers:
        digits = re.sub(r"[^0-9]", "", number).lstrip("0")
        if digits and wanted and (wanted.startswith(digits) or digits.startswith(wanted)):
            return True
    return False


def ground_items(
    items: list[dict[str, Any]],
    source: str,
    normalized: MatchText,
    *,
    is_person: bool = False,
) -> list[dict[str, Any]]:
    """Attach start/end/grounded/match to each item that has an ``evidence`` quote."""
    for item in items:
        span = locate(item.get("evidence") or "", source, normalized)
        grounded = span.grounded
        match = span.match
        if grounded and is_person and not mentions_name(item.get("evidence", ""), item["name"]):
            grounded, match = False, "unrelated"
        if (
            grounded
            and "value" in item
            and not figure_matches_evidence(float(item["value"]), item.get("evidence", ""))
        ):
            grounded, match = False, "unrelated"
        item.update(
            start=span.start if grounded else None,
            end=span.end if grounded else None,
            grounded=grounded,
            match=match,
        )
    return items


def _place_key(name: str) -> str:
    return match_fold(name).replace(" ", "")


# ISO short names, their part before a comma ("Korea, Republic of"), and common English forms.
_COMMON_COUNTRY_NAMES = (
    "Russia",
    "South Korea",
    "North Korea",
    "Vietnam",
    "Laos",
    "Iran",
    "Syria",
    "USA",
    "United States",
    "UK",
    "Britain",
    "Turkey",
    "Moldova",
)
_PLACE_NAMES = {
    _place_key(variant)
    for name in (*ISO_3166_1_ALPHA2.values(), *_COMMON_COUNTRY_NAMES)
    for variant in (name, name.split(",")[0])
}


_ORGANIZATION_WORDS = frozenset(
    """hospital clinic center centre ministry department university institute committee
    council government administration agency company corporation sanatorium foundation
    association organization organisation office bank fund school college academy service
    bureau authority society union group dispensary polyclinic media news""".split()
)


def _looks_like_organization(name: str) -> bool:
    return any(word in _ORGANIZATION_WORDS for word in re.findall(r"[a-z]+", match_fold(name)))


def reject_misfiled(key: str, items: list[dict[str, Any]], data: dict[str, Any]) -> None:
    """Mark items a small model filed in the wrong list as not grounded, with a reason.

    People: named like a place, or like an organization ("Harbor View Clinic") ->
    ``not-a-person``. Organizations (checked after people): named like a place ->
    ``a-place``; named like a kept person and not like an organization -> ``a-person``;
    re-using an earlier organization's quote -> ``same-quote`` (the model enumerating the
    kind vocabulary over one phrase).
    """
    locations = data.get("locations") or []
    places = _PLACE_NAMES | {_place_key(loc.get("name") or "") for loc in locations}

    def reject(item: dict[str, Any], reason: str) -> None:
        item.update(grounded=False, match=reason, start=None, end=None)

    if key == "people":
        for item in items:
            name = item.get("name") or ""
            if item["grounded"] and (_place_key(name) in places or _looks_like_organization(name)):
                reject(item, "not-a-person")
    elif key == "organizations":
        people = {_place_key(p.get("name") or "") for p in data.get("people") or []}
        quotes: set[str] = set()
        for item in items:
            name, quote = item.get("name") or "", match_fold(item.get("evidence") or "")
            if item["grounded"] and _place_key(name) in places:
                reject(item, "a-place")
            elif (
                item["grounded"]
                and _place_key(name) in people
                and not _looks_like_organization(name)
            ):
                reject(item, "a-person")
            elif item["grounded"] and quote in quotes:
                reject(item, "same-quote")
            quotes.add(quote)


def draft_to_summary(
    draft: ArticleDraft | dict[str, Any],
    source: str,
    *,
    keep_ungrounded: bool = False,
    language: str | None = None,
    warnings: list[str] | None = None,
) -> ArticleSummary:
    """Build the returned summary from a draft (model output) and the source text."""
    data = draft.model_dump(mode="json") if isinstance(draft, BaseModel) else dict(draft)
    warnings = list(warnings or [])
    data["language"] = (
        language if language is not None else (data.get("language") or detect_language(source))
    )
    words = (data.get("headline") or "").split()
    if len(words) > MAX_HEADLINE_WORDS:
        data["headline"] = " ".join(words[:MAX_HEADLINE_WORDS])
        warnings.append("headline was longer than 15 words; shortened")
    for key in ("event_types", "countries", "medical_fields"):
        data[key] = _dedupe(data.get(key) or [])
    data["locations"] = _dedupe(
        data.get("locations") or [], lambda v: (v.get("name") or "").casefold()
    )
    data["people"] = _dedupe(data.get("people") or [], lambda v: (v.get("name") or "").casefold())
    data["organizations"] = _dedupe(
        data.get("organizations") or [], lambda v: (v.get("name") or "").casefold()
    )
    data["agreements"] = _dedupe(
        data.get("agreements") or [], lambda v: (v.get("kind"), v.get("evidence"))
    )
    data["figures"] = _dedupe(data.get("figures") or [], lambda v: (v.get("value"), v.get("unit")))
    data["event_date"], date_warning = guard_event_date(data.get("event_date"), source)
    if date_warning:
        warnings.append(date_warning)

    normalized = MatchText(source)
    report = GroundingReport()
    for key in _ENTITY_FIELDS:
        items = ground_items(data[key], source, normalized, is_person=(key == "people"))
        reject_misfiled(key, items, data)
        kept = []
        for item in items:
            report.checked += 1
            if item["grounded"]:
                report.located += 1
                kept.append(item)
            elif keep_ungrounded:
                report.flagged += 1
                kept.append(item)
            else:
                report.dropped += 1
                report.dropped_items.append({"field": key, **item})
        data[key] = kept
    data["grounding"] = report.model_dump()
    data["warnings"] = warnings
    return ArticleSummary.model_validate(data)


def lenient_summary(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Keep every field (and list item) of a free-form answer that validates; for the
    baseline pipeline, whose output is not constrained. Returns (clean dict, problems)."""
    problems: list[str] = []
    clean: dict[str, Any] = {}
    fields = ArticleSummary.model_fields
    for key, value in data.items():
        if key not in fields or key in {"grounding", "warnings", "schema_version"}:
            continue
        try:
            ArticleSummary.model_validate({key: value})
            clean[key] = value
            continue
        except ValidationError:
            pass
        if isinstance(value, list):
            kept = []
            for item in value:
                try:
                    ArticleSummary.model_validate({key: [item]})
                    kept.append(item)
                except ValidationError:
                    problems.append(f"{key}: dropped invalid item {str(item)[:60]}")
            clean[key] = kept
        else:
            problems.append(f"{key}: invalid value {str(value)[:60]}")
    return clean, problems
