"""Which named organizations are returned: one per organization, and only with a name an
English reader can use.

The model names the source-language candidates in English; a small model sometimes names
one organization twice with two spellings, or writes a transliteration instead of a
translation ("Oblystyk auruhana"). Kept: media outlets (their credit is found by its
words), names whose words stand in the article as written and are shaped like a brand
("ZetaMed24"), and names with an English institutional head word (ministry, hospital,
center, ...). A name at least :data:`SAME_NAME` similar to a kept one is the same
organization. Dropped ones are reported with their reason.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from summarizer.stages.english_words import untranslated_words
from summarizer.stages.record import ArticleRecord
from summarizer.stages.titles import unstated_name_fields
from summarizer.stages.transliterate import to_latin
from summarizer.textfold import fold, normalize_name

SAME_NAME = 0.85
_HEAD_WORDS = set(
    """ministry ministries department office committee council government administration
    agency authority service services inspectorate commission bureau directorate embassy
    consulate mission parliament assembly hospital hospitals clinic clinics center centre
    centers centres polyclinic infirmary dispensary sanatorium resort spa university
    institute institution academy college school faculty laboratory laboratories
    foundation fund charity association union society federation chamber network
    organization organisation alliance partnership company corporation group holding
    firm bank enterprise plant factory manufacturer pharmaceuticals pharma laboratories
    agency news newspaper channel television radio magazine portal media press
    red cross program programme project secretariat board command force forces army
    navy police court prosecutor's""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_BRAND = re.compile(r"[a-z][A-Z]|[0-9]|^[A-Z]{2,}$|\.")


def _readable(name: str, source_words: set[str], latin_source: bool = True) -> bool:
    words = [w.lower() for w in _WORD.findall(name)]
    if not words:
        return False
    if any(w in _HEAD_WORDS for w in words):
        return True
    # A brand: written so in the article and shaped like one ("ZetaMed", "XYZ", "Med24"),
    # not a run of the article's own Latin-script words ("Benh vien Hoa Sen"); in an article
    # in another script, Latin words it writes are the name's own spelling ("компания Zetaro").
    brand = not latin_source or any(_BRAND.search(w) for w in name.split())
    return brand and all(w in source_words for w in words)


def _latin_script(text: str) -> bool:
    """Whether most letters of ``text`` are Latin (a Cyrillic or CJK article is not)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if "a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f")
    return latin * 2 >= len(letters)


def select_organizations(
    items: list[dict[str, Any]], source: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(kept, dropped)``; each dropped item gets a ``reason``."""
    source_words = {w.lower() for w in _WORD.findall(fold(source))}
    latin_source = _latin_script(source)
    kept: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    for item in items:
        name = normalize_name(item["name"])
        if item.get("kind") != "media" and not _readable(item["name"], source_words, latin_source):
            dropped.append({**item, "reason": "not-english"})
        elif any(
            fuzz.ratio(name, normalize_name(other["name"])) / 100.0 >= SAME_NAME
            and not _owners_differ(name, normalize_name(other["name"]))
            for other in kept
        ):
            dropped.append({**item, "reason": "same-organization"})
        else:
            kept.append(item)
    return kept, dropped


def _owners_differ(a: str, b: str) -> bool:
    """Whether two alike names (normalized) are two countries' bodies: the same words up to
    their last "of", then two different countries ("ministry of health of peru", "… of
    mali"); two spellings of one owner ("… of vostokia", "… of vostokiya") are one body."""
    head_a, of_a, tail_a = a.rpartition(" of ")
    head_b, of_b, tail_b = b.rpartition(" of ")
    from summarizer.stages.places import english_country_keys

    countries = english_country_keys()
    return (
        bool(of_a and of_b)
        and head_a == head_b
        and tail_a != tail_b
        and {tail_a, tail_b} <= countries
    )


# Pieces of the answer's JSON inside a name ('X","kind":"hospital"}],'): the small model
# ran its string on into the next fields; an odd number of double quotes is the same.
_JSON_DEBRIS = re.compile(r'[{}\[\]]|"\s*[:,]\s*"|":')


def garbled(name: str) -> bool:
    """Whether a model's name carries pieces of its JSON answer, or source words it left
    untranslated ("Komitet po zdravookhraneniyu i planirovaniya": its lower-case words;
    a name's capitalized words are names of their own in any language)."""
    if _JSON_DEBRIS.search(name) or name.count('"') % 2 == 1:
        return True
    return bool(untranslated_words(name))


def organization_name(record: ArticleRecord, index: int) -> str:
    """The best English name known for organization ``index`` ("" when none yet); a model's
    name with pieces of its JSON answer or untranslated words in it is no name, nor one
    with a field the article never names ("Bureau of Cultural Development" where no word
    of culture occurs): a wrong English name is worse than the original one."""
    named = record.organization_names.get(index)
    if named and not garbled(named[0]) and not unstated_name_fields(named[0], record, name=True):
        return named[0]
    return record.organizations[index].english or ""


def english_organizations(
    record: ArticleRecord,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record's organizations as returned items (name, kind, evidence span), selected
    by :func:`select_organizations`: ``(kept, dropped)``."""
    items = []
    for i, org in enumerate(record.organizations):
        named = record.organization_names.get(i)
        kind = named[1] if named else (org.kind or "other")
        if org.kind == "media":
            kind = "media"  # the outlet credit is found by its words, not guessed
        items.append(
            {
                "name": organization_name(record, i) or to_latin(org.source_name),
                "kind": kind,
                "country": None,
                "source_name": org.source_name,
                **org.span.as_evidence(),
            }
        )
    return select_organizations(items, record.source)
