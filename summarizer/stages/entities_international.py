"""International organizations, found by the names and acronyms every language uses for
them (``languages/_common/international_organizations.json``): "ЮНИСЕФ" and "UNICEF" are
one body, whatever the article's language. Their
English name is known, so the model is not asked for it; a finding of the language's own
rules that overlaps one is left out (the table's name is the better one)."""

from __future__ import annotations

import re
from functools import cache

from summarizer import languages
from summarizer.stages.entities import OrganizationFinding
from summarizer.stages.spans import Span

KIND = "international_organization"
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{5,}")


def _pattern(alias: str) -> re.Pattern[str]:
    """An acronym as a whole word in capitals; a name case-insensitively, its Cyrillic
    words with any case ending ("Всемирной организации здравоохранения")."""
    if alias.isupper() and " " not in alias:
        return re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")
    parts = []
    for word in alias.split():
        if _CYRILLIC_WORD.fullmatch(word):
            parts.append(re.escape(word[:-2]) + r"\w{0,6}")  # Kazakh stacks: "ұйым-ы-ның"
        else:
            parts.append(re.escape(word))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = languages.load("_common", "international_organizations")["organizations"]
    pairs = [
        (english, _pattern(alias))
        for english, aliases in table.items()
        for alias in {english, *aliases}  # the English name is one way of writing it
    ]
    # the longest alias first: "Quỹ Nhi đồng Liên Hợp Quốc" before "Liên Hợp Quốc"
    return tuple(sorted(pairs, key=lambda p: -len(p[1].pattern)))


def find_international(text: str) -> list[OrganizationFinding]:
    """Each international organization named in ``text``, at its first mention."""
    found: dict[str, OrganizationFinding] = {}
    taken: list[tuple[int, int]] = []
    for english, pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue  # inside a longer name already found
            taken.append((start, end))
            first = found.get(english)
            if first is None or start < first.span.start:
                found[english] = OrganizationFinding(
                    match.group(0), Span.of(text, start, end), KIND, english
                )
    return sorted(found.values(), key=lambda f: f.span.start)


def _part_of_a_name(item: OrganizationFinding, found: list[OrganizationFinding]) -> bool:
    """Whether ``item`` lies inside a longer name the rules found that has a capitalized
    word of its own ("the WHO office in Tula"); a longer name of lowercase words only is
    the rules running on into the verb after it."""
    for other in found:
        start, end = other.span.start, other.span.end
        if start <= item.span.start and item.span.end <= end and other.span.text != item.span.text:
            rest = other.span.text.replace(item.span.text, " ")
            if any(word[:1].isupper() for word in rest.split()):
                return True
    return False


def with_international(text: str, found: list[OrganizationFinding]) -> list[OrganizationFinding]:
    """``found`` with the international organizations of ``text`` in place of the
    findings that overlap them, in order of mention; one inside a longer name the rules
    found ("the WHO office in Tula", a federation named after its region) is left to it."""
    international = [f for f in find_international(text) if not _part_of_a_name(f, found)]
    spans = [(f.span.start, f.span.end) for f in international]
    kept = [f for f in found if not any(s < f.span.end and f.span.start < e for s, e in spans)]
    return sorted([*kept, *international], key=lambda f: f.span.start)
