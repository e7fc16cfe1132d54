"""The deterministic findings in plain English words: the facts block the model reads
after the article, and the facts-only summary returned where the model cannot read the
language (every word of it comes from a grounded finding, so nothing is invented).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from summarizer.stages.organizations import english_organizations
from summarizer.stages.record import ArticleRecord

MAX_LISTED = 6

_EVENT_WORDS = {
    "delegation_visit": "a delegation visit",
    "official_meeting": "an official meeting",
    "agreement_signing": "the signing of an agreement",
    "conference_or_forum": "a conference or forum",
    "medical_mission": "a medical mission",
    "training_or_exchange": "training or an exchange",
    "investment_or_construction": "an investment or construction project",
}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The English short name of an ISO alpha-2 code (``RU`` -> ``Russia``), via babel."""
    from babel import Locale

    return Locale("en").territories.get(code.upper(), code)


def describe_date(value: str | None) -> str:
    """``2025-07-17`` -> ``17 July 2025``; ``--07-17`` -> ``17 July``; ``2025-07`` ->
    ``July 2025``; ``2025`` -> ``2025``."""
    if not value:
        return ""
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        return f"{day} {calendar.month_name[month]}"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return value


_TITLE_WORDS = set(
    """minister deputy vice head chief director governor mayor ambassador consul president
    chairman chairwoman chair doctor physician surgeon nurse professor rector dean
    secretary representative officer manager specialist adviser advisor commissioner
    member founder owner leader coordinator expert akim envoy spokesperson""".split()
)
_SCALES = ((1e9, "billion"), (1e6, "million"))


def _number(value: float) -> str:
    """English digits as a report writes them: 47000000 -> "47 million", 1250 -> "1,250"."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def join_english(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"`` (empty items left out, at most MAX_LISTED)."""
    items = [i for i in items if i][:MAX_LISTED]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def country_names(record: ArticleRecord) -> list[str]:
    """English names of the countries found, once each, in order."""
    if record.places is None:
        return []
    return [country_name(code) for code in dict.fromkeys(c.code for c in record.places.countries)]


def place_names(record: ArticleRecord) -> list[str]:
    """English names of the locations found, once each, in order."""
    if record.places is None:
        return []
    return list(dict.fromkeys(loc.name for loc in record.places.locations))


def facts_block(record: ArticleRecord) -> str:
    """What the tools found, one line a kind, for the model to read after the article."""
    lines = []
    if record.event_date is not None:
        lines.append(f"- date of the event: {describe_date(record.event_date.value)}")
    if countries := country_names(record):
        lines.append("- countries: " + ", ".join(countries))
    if places := place_names(record):
        lines.append("- places: " + ", ".join(places))
    if record.people:
        lines.append("- people: " + ", ".join(p.name for p in record.people))
    if record.figures:
        shown = [f"{_number(f.value)} {f.unit}".strip() for f in record.figures[:MAX_LISTED]]
        lines.append("- numbers: " + ", ".join(shown))
    if record.agreements:
        kinds = [f"{a.count} {a.kind}" for a in record.agreements]
        lines.append("- documents signed: " + ", ".join(kinds))
    return "\n".join(lines) if lines else "- nothing"


def facts_summary(record: ArticleRecord) -> tuple[str, list[str]]:
    """A headline and summary sentences built only from grounded findings."""
    events = [_EVENT_WORDS.get(label.value, "") for label in record.event_types if label.span]
    events = [e for e in dict.fromkeys(events) if e]  # "other" says nothing: left out
    orgs = [item["name"] for item in english_organizations(record)[0]]
    places = place_names(record)
    countries = country_names(record)
    when = describe_date(record.event_date.value) if record.event_date else ""

    what = join_english(events) or "health-care cooperation"
    first = f"The article reports {what}"
    if orgs:
        first += f" involving {join_english(orgs[:3])}"
    where = join_english(places[:3]) or join_english(countries[:3])
    if where:
        first += f" in {where}"
    if when:
        first += f" on {when}"
    sentences = [first + "."]
    people = []
    for i, person in enumerate(record.people[:MAX_LISTED]):
        role = record.roles.get(i, "")
        usable = role and any(w in _TITLE_WORDS for w in re.findall(r"[a-z]+", role.lower()))
        people.append(f"{person.name} ({role})" if usable else person.name)
    if people:
        sentences.append(f"Named participants: {join_english(people)}.")
    for agreement in record.agreements[:2]:
        count = (
            f"{agreement.count} documents of kind {agreement.kind} were"
            if agreement.count > 1
            else f"A {agreement.kind} was"
        )
        sentences.append(f"{count} signed.")
    if record.figures:
        shown = [
            f"{_number(f.value)} {f.description or f.unit}".strip() for f in record.figures[:3]
        ]
        sentences.append(f"Figures stated: {join_english(shown)}.")
    subject = join_english(orgs[:2]) or where or "Health-care cooperation"
    headline = f"{what[0].upper()}{what[1:]}: {subject}"
    return " ".join(headline.split()[:15]), sentences[:5]
