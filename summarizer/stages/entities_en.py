"""Organizations of an English article: a run of capitalized words (with "of", "and",
"for" ... inside) that holds an institutional head word is an organization, named as
written ("Ministry of Health of <Country>", "<Name> Eye Hospital"). English needs no
translation, so the name is its own English name. Head words are data
(``languages/en/organizations.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer import languages
from summarizer.stages.entities import OrganizationFinding
from summarizer.stages.spans import Span

MAX_WORDS = 14


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    data = languages.load("en", "organizations")
    kinds = {w: kind for kind, words in data["name_heads"].items() for w in words}
    return kinds, frozenset(data["name_connectors"])


def head_kinds() -> dict[str, str]:
    """Lower-case English head word of an organization's name -> its kind."""
    return _tables()[0]


@lru_cache(maxsize=1)
def _located_kinds() -> frozenset[str]:
    return frozenset(languages.load("en", "organizations")["located_kinds"])


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """English weekday and month names (CLDR), wide and abbreviated."""
    from babel.dates import get_day_names, get_month_names

    return frozenset(
        name
        for width in ("wide", "abbreviated")
        for names in (get_day_names(width, locale="en"), get_month_names(width, locale="en"))
        for name in names.values()
    )


_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")


def find_organizations(text: str) -> list[OrganizationFinding]:
    kinds, connectors = _tables()
    found: list[OrganizationFinding] = []
    for whole in _runs(text, connectors):
        for run in _split_at_and(whole, kinds):
            found.extend(_finding(text, run, kinds, connectors))
    return sorted([*found, *_missions(text)], key=lambda f: f.span.start)


@lru_cache(maxsize=1)
def _mission_pattern() -> re.Pattern[str]:
    heads = languages.load("en", "organizations")["mission_heads"]
    words = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    return re.compile(rf"\b([A-Z][a-z]+) ({words}) in ((?:[A-Z][\w-]+)(?: [A-Z][\w-]+)?)")


def _missions(text: str) -> list[OrganizationFinding]:
    """A mission named by its nation's adjective and its host ("the British embassy in
    Tula"): "Embassy of United Kingdom in Tula"; an adjective of no one country names none."""
    from summarizer.stages.places import country_name, find_places

    heads = languages.load("en", "organizations")["mission_heads"]
    found = []
    for match in _mission_pattern().finditer(text):
        codes = {c.code for c in find_places(match.group(1), "en").countries}
        if len(codes) != 1:
            continue
        english = f"{heads[match.group(2)]} of {country_name(codes.pop())} in {match.group(3)}"
        span = Span.of(text, match.start(), match.end())
        found.append(OrganizationFinding(span.text, span, "government", english))
    return found


def _split_at_and(run: list[re.Match[str]], kinds: dict[str, str]) -> list[list[re.Match[str]]]:
    """Two names joined by "and" ("<Embassy …> and the <… Institute>") are two; "and"
    inside one name ("Sun and Moon Foundation") is kept: each side must hold a head, or
    "the" opens the right side ("<Ministry …> and the Deputy Minister": a new phrase)."""
    for i, match in enumerate(run):
        if match.group(0) == "and":
            left, right = run[:i], run[i + 1 :]
            new_phrase = bool(right) and right[0].group(0) == "the"
            if _has_head(left, kinds) and (_has_head(right, kinds) or new_phrase):
                return [left, *_split_at_and(right, kinds)]
    return [run]


def _has_head(run: list[re.Match[str]], kinds: dict[str, str]) -> bool:
    return any(m.group(0).lower() in kinds and m.group(0)[:1].isupper() for m in run)


def _finding(
    text: str, run: list[re.Match[str]], kinds: dict[str, str], connectors: frozenset[str]
) -> list[OrganizationFinding]:
    run = _from_first_head(run, kinds, connectors)
    while run and run[0].group(0) in connectors | {"The"}:
        run = run[1:]
    run = _without_person_tail(_without_place_tail(_without_date_tail(run), kinds), kinds)
    while run and run[-1].group(0) in connectors:
        run = run[:-1]  # "<Name> Office on Friday": the weekday's "on" is no word of it
    words = [m.group(0) for m in run]
    heads = [kinds[w.lower()] for w in words if w.lower() in kinds and w[:1].isupper()]
    if not heads or len(words) < 2:
        return []  # a bare head word ("the Ministry") names no one organization
    start, end = run[0].start(), run[-1].end()
    if words[-1] in _NUMBER_WORDS and (number := _NUMBER_AFTER.match(text, end)):
        end = number.end()  # "<Name> Hospital No. 2": the number is the name's
    name = text[start:end]
    pair = " ".join(words[-2:]).lower()
    kind = "media" if pair in _media_heads() else heads[-1]  # "<Name> News Agency"
    return [OrganizationFinding(name, Span.of(text, start, end), kind, _owner_last(name))]


@lru_cache(maxsize=1)
def _media_heads() -> frozenset[str]:
    """Two-word heads of an outlet's name ("news agency"), whose kind is media."""
    return frozenset(languages.load("en", "organizations")["media_heads"])


_POSSESSIVE_OWNER = re.compile(r"^(?P<owner>[A-Z][\w .-]*?)['’]s (?P<body>.+)$")


def _owner_last(name: str) -> str:
    """A country's body named with the country's possessive ("Peru's Ministry of Health")
    under the name it has: "Ministry of Health of Peru"; any other name as written."""
    from summarizer.stages.places import english_country_keys
    from summarizer.textfold import normalize_name

    match = _POSSESSIVE_OWNER.match(name)
    if match is None or normalize_name(match["owner"]) not in english_country_keys():
        return name
    return f"{match['body']} of {match['owner']}"


_NUMBER_WORDS = frozenset({"No", "Nr", "Number"})
_NUMBER_AFTER = re.compile(r"\.?[ \t]?\d+\b")
PERSON_TAIL_WORDS = 2  # capitalized words after the last head this many or more: a name


def _without_person_tail(run: list[re.Match[str]], kinds: dict[str, str]) -> list[re.Match[str]]:
    """The run without a person's name written right after its last head word ("Professor
    of <Name> University Ivan Orlov": the university, then its professor's name)."""
    last = max((i for i, m in enumerate(run) if _is_head(m, kinds)), default=None)
    if last is None:
        return run
    tail = [m.group(0) for m in run[last + 1 :]]
    if len(tail) >= PERSON_TAIL_WORDS and all(w[:1].isupper() for w in tail):
        return run[: last + 1]
    return run


def _without_date_tail(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The run without the weekday or month names that end it: "<Name> Hospital Tuesday"
    is the hospital, and the day is when something happened there."""
    while run and run[-1].group(0) in _date_words():
        run = run[:-1]
    return run


def _without_place_tail(run: list[re.Match[str]], kinds: dict[str, str]) -> list[re.Match[str]]:
    """The run without an "in <place>" tail after a hospital, school or company's head
    ("<Name> Hospital in Tomsk" is located in Tomsk, not named after it); the tail stays
    when it holds a head word of its own or the name is a mission's ("Embassy … in …")."""
    for i in range(len(run) - 1, 0, -1):
        if run[i].group(0) != "in":
            continue
        heads = [kinds[m.group(0).lower()] for m in run[:i] if _is_head(m, kinds)]
        if any(_is_head(m, kinds) for m in run[i + 1 :]) or not heads:
            return run
        return run[:i] if heads[-1] in _located_kinds() else run
    return run


def _is_head(match: re.Match[str], kinds: dict[str, str]) -> bool:
    word = match.group(0)
    return word.lower() in kinds and word[:1].isupper()


def _from_first_head(
    run: list[re.Match[str]], kinds: dict[str, str], connectors: frozenset[str]
) -> list[re.Match[str]]:
    """The run from its first segment (between connectors) that holds a head word:
    "<Person> of <Name> Group" -> "<Name> Group", "Ministry of Health" stays whole."""
    segment_start = 0
    for i, match in enumerate(run):
        word = match.group(0)
        if word in connectors and word != "and":  # "Sun and Moon Foundation" is one
            segment_start = i + 1
        elif word.lower() in kinds and word[:1].isupper():
            return run[segment_start:]
    return []


def _runs(text: str, connectors: frozenset[str]) -> list[list[re.Match[str]]]:
    """Runs of capitalized words joined by single spaces and connector words, trimmed of
    connectors at both ends and of a sentence-opening "The"."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        gap = text[current[-1].end() : match.start()] if current else " "
        joined = gap in (" ", "-") and len(current) < MAX_WORDS
        if word[:1].isupper() or (word in connectors and current):
            if current and not joined:
                runs.append(current)
                current = []
            if word[:1].isupper() or current:
                current.append(match)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        while run and run[-1].group(0) in connectors:
            run = run[:-1]
        while run and run[0].group(0) in {"The", "A", "An", "In", "At", "On", "For", "From"}:
            run = run[1:]
        if run:
            trimmed.append(run)
    return trimmed
