"""Russian people and organizations from natasha's NER (see :mod:`summarizer.stages.entities`).

natasha finds PER and ORG spans and gives their nominative forms; the rules here only clean
them: an edge word natasha also tags as a place or organization is not part of a name, a
lone name without a title is dropped unless a fuller mention covers it, an ORG must have an
organization head word (``больница``, ``министерство``, …) or be a Latin brand, and an ORG
is extended by the genitive region that follows it (``Минздрав`` + ``Верхнеозёрской области``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from summarizer import languages
from summarizer.stages.entities import (
    OrganizationFinding,
    PersonFinding,
    credit_ranges,
    find_media,
    inside,
    latin_name,
    media_finding,
    merge_organizations,
    merge_people,
    role_before,
)
from summarizer.stages.org_names import several_bodies
from summarizer.stages.russian_nlp import NamedSpan, analyze, lemma, named_spans, parses
from summarizer.stages.spans import Span

# The vocabulary is data: ``summarizer/languages/ru/people.json`` and ``organizations.json``.
_PEOPLE = languages.load("ru", "people")
_ORGANIZATIONS = languages.load("ru", "organizations")
# Dictionary forms of words that introduce a person's title.
_TITLES = frozenset(_PEOPLE["titles"])
# Instrumental endings of a man's surname and given name -> their nominative endings.
_SURNAME_INSTRUMENTAL: dict[str, str] = _PEOPLE["instrumental_name_endings"]["surname"]
_GIVEN_INSTRUMENTAL: dict[str, str] = _PEOPLE["instrumental_name_endings"]["given"]
# ... and of a foreign name's words the tagger leaves as written, after a title in that case.
_FOREIGN_INSTRUMENTAL: dict[str, str] = _PEOPLE["instrumental_name_endings"]["foreign"]
# Words of address between a title and a name ("директором госпожой <name>"): no part of a role.
_HONORIFICS = frozenset(_PEOPLE["honorifics"])
# Endings of a patronymic in Latin letters: "<given> <patronymic>" is a person's given name
# and patronymic.
_PATRONYMIC_ENDINGS = tuple(_PEOPLE["patronymic_endings"])
_VOWELS = frozenset("аеёиоуыэюя")
# Organization head words (dictionary forms) -> OrganizationKind.
_HEADS: dict[str, str] = {
    word: kind for kind, words in _ORGANIZATIONS["head_words"].items() for word in words
}
_ADJECTIVE_ENDINGS = tuple(_ORGANIZATIONS["adjective_endings"])
_HEALTH_MINISTRY = set(_ORGANIZATIONS["health_ministry"])
_REGION_WORDS = set(_ORGANIZATIONS["region_words"])
_REPORT_VERBS = "|".join(_ORGANIZATIONS["report_verbs"])
# "ИА <name>": the rest of the name is an outlet.
_OUTLET_ABBREVIATIONS = frozenset(_ORGANIZATIONS["outlet_abbreviations"])
# Head words that name one organization by themselves ("Минздрав").
_ONE_WORD_NAMES = frozenset(_ORGANIZATIONS["one_word_names"])
_LEADING_WORDS = frozenset(_ORGANIZATIONS["leading_words"])
# Nouns a quoted name right after belongs to: "санатории «<name>»".
_QUOTED_NAME_HEADS = frozenset(_ORGANIZATIONS["quoted_name_heads"])
_HEAD_BEFORE_QUOTE = re.compile(r"([^\W\d_][\w-]*)[ \t]+[«\"„][ \t]*$")
_QUOTE_CLOSE = re.compile(r"[^«»\"„“”\n]{0,60}?[»\"“”]")


def _is_title(word: str) -> bool:
    low = word.lower()
    return low in _TITLES or lemma(low) in _TITLES or low.startswith(("вице-", "зам"))


# -- people --------------------------------------------------------------------------------


def find_people(text: str) -> list[PersonFinding]:
    spans = named_spans(text)
    not_person = {s.text.lower() for s in spans if s.type in {"ORG", "LOC"}}
    orgs = [(s.start, s.end) for s in spans if s.type == "ORG"]
    credits = credit_ranges(text)
    found: list[PersonFinding] = []
    previous_end = 0  # a role never reaches back over the name before it
    for span in spans:
        if span.type != "PER" or inside(credits, span.start, span.end):
            continue
        if inside(orgs, span.start, span.end):
            continue
        finding = _person(text, span, not_person, previous_end)
        previous_end = span.end
        if finding is not None:
            found.append(finding)
    merged = merge_people(found)
    return [
        p
        for p in merged
        if (len(p.name.split()) > 1 or p.role_text) and not _patronymic_mention(p.name, merged)
    ]


def _person(
    text: str, span: NamedSpan, not_person: set[str], floor: int = 0
) -> PersonFinding | None:
    words = span.text.split()
    normal = span.normal.split()
    if len(normal) != len(words):
        normal = words
    start = span.start
    # An edge word natasha also reads as a place or organization is not part of the name.
    while len(words) > 1 and (words[0].lower() in not_person or _is_title(words[0])):
        start = text.index(words[1], start + len(words[0]))
        words, normal = words[1:], normal[1:]
    if words and words[0].lower() in not_person:
        return None
    role_start, role = role_before(text, start, _is_title, floor=floor)
    role = _without_honorifics(role)
    end = span.end
    if not role:
        role, end = _role_after(text, span.end)
    if _is_instrumental(role):
        normal = _foreign_nominative(words, normal)
    source = " ".join(_nominative(words, normal))
    name = _original_spelling(source) or latin_name(source)
    if not name:
        return None
    return PersonFinding(name, Span.of(text, role_start, end), role)


# A title after the name, set off by a comma, to the end of its clause: "<name>, директор
# областной больницы, отметил ..."
_ROLE_AFTER = re.compile(r"[ \t]*,[ \t]*([^,;.:()\n«»\"–—]{3,120})")


def _role_after(text: str, end: int) -> tuple[str, int]:
    """The role that follows the name ending at ``end`` and where it ends, when the words
    after its comma open with a title in the nominative ("Иван Орлов, министр ..."), else
    ``("", end)``."""
    match = _ROLE_AFTER.match(text, end)
    if match is None:
        return "", end
    role = match.group(1).rstrip()
    first = role.split()[0]
    if not _is_title(first) or first.lower() != lemma(first.lower()):
        return "", end
    return role, match.start(1) + len(role)


# The original Latin spelling a name is followed by: "<Cyrillic name> (<Latin name>)".
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ORIGINAL_SPELLING = re.compile(r"\(\s*([^\W\d_][^()\d]*?)\s*\)\s*$")


def _original_spelling(name: str) -> str | None:
    """The Latin spelling a name gives in brackets after itself, which is its English
    spelling ("<Cyrillic name> (Mario Rossi)" -> "Mario Rossi"); None without one."""
    match = _ORIGINAL_SPELLING.search(name)
    if match is None or _CYRILLIC.search(match.group(1)):
        return None
    return " ".join(match.group(1).split())


def _nominative(written: list[str], normal: list[str]) -> list[str]:
    """The normal form of a man's name the tagger left (partly) in the instrumental case
    ("с министром <given>-ом <surname>-овым": an unfamiliar name it reads as a nominative),
    put back into the nominative; any other name's normal form unchanged. A word the tagger
    did change is kept as it made it."""
    if len(written) < 2 or len(written) != len(normal):
        return normal
    surname = _replaced_ending(written[-1], _SURNAME_INSTRUMENTAL)
    given = [
        n if n != w else _replaced_ending(w, _GIVEN_INSTRUMENTAL)
        for w, n in zip(written[:-1], normal[:-1], strict=True)
    ]
    instrumental = all(_replaced_ending(w, _GIVEN_INSTRUMENTAL) for w in written[:-1])
    if surname is None or not instrumental or None in given:
        return normal
    return [*(g for g in given if g is not None), surname]


def _without_honorifics(role: str) -> str:
    """A role without the words of address that end it ("директором госпожой" ->
    "директором")."""
    words = role.split()
    while words and lemma(words[-1].lower()) in _HONORIFICS:
        words.pop()
    return " ".join(words)


def _is_instrumental(role: str) -> bool:
    """Whether a title word of a role is in the instrumental case ("с гендиректором ...")."""
    return any(_is_title(w) and _instrumental(w) for w in role.split())


def _instrumental(word: str) -> bool:
    found = parses(word)
    return bool(found) and "ablt" in str(found[0].tag)


def _foreign_nominative(written: list[str], normal: list[str]) -> list[str]:
    """A foreign name after an instrumental title, put back into the nominative: each word
    the tagger left as written and that ends in a consonant and an instrumental ending loses
    the ending ("<given>-ом <surname>-ом"); a word it changed, or another word, is kept."""
    return [_foreign_word(w) if w == n else n for w, n in zip(written, normal, strict=True)]


def _foreign_word(word: str) -> str:
    """The word without its instrumental ending when a consonant stands before it: "-ом" is
    dropped, "-ой" becomes the "-а" of a name in "-а"; otherwise the word as written."""
    cut = _cut_ending(word, _FOREIGN_INSTRUMENTAL)
    if cut is None or len(cut[0]) < 3 or cut[0][-1].lower() in _VOWELS:
        return word
    return cut[0] + cut[1]


def _patronymic_mention(name: str, people: list[PersonFinding]) -> bool:
    """Whether ``name`` is "<given> <patronymic>" of a person found under a fuller name
    ("Анна Петровна" after "Анна Белова"): the same person, no second one."""
    words = name.split()
    if len(words) != 2 or not words[1].lower().endswith(_PATRONYMIC_ENDINGS):
        return False
    return any(p.name != name and p.name.split()[0].lower() == words[0].lower() for p in people)


def _replaced_ending(word: str, endings: dict[str, str]) -> str | None:
    """``word`` with the first of ``endings`` it ends in replaced, None when it ends in none;
    the stem left must keep at least two letters."""
    cut = _cut_ending(word, endings)
    return None if cut is None else cut[0] + cut[1]


def _cut_ending(word: str, endings: dict[str, str]) -> tuple[str, str] | None:
    """The stem ``word`` keeps without the first of ``endings`` it ends in (at least two
    letters), and what replaces that ending; None when it ends in none."""
    low = word.lower()
    for ending, nominative in endings.items():
        if low.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: len(word) - len(ending)], nominative
    return None


# -- organizations -------------------------------------------------------------------------


def find_organizations(text: str) -> list[OrganizationFinding]:
    credits = credit_ranges(text)
    doc = analyze(text)
    found: list[OrganizationFinding] = []
    spans = named_spans(text)
    persons = [(s.start, s.end) for s in spans if s.type == "PER"]
    for span in spans:
        if span.type != "ORG" or inside(credits, span.start, span.end):
            continue
        finding = _organization(text, doc, _without_leading_word(span), persons)
        if finding is not None:
            found.append(finding)
    # a person after a reporting verb ("сообщил <surname>") is the source, not an outlet
    media = find_media(text, _REPORT_VERBS)
    found.extend(
        m
        for m in media
        if not inside(persons, m.span.start, m.span.end)
        and not _names_institution(m)
        and not _adjective_of_next(text, m)
    )
    found.sort(key=lambda f: f.span.start)
    return _drop_covered(merge_organizations(found))


# An adjective's case ending other than the nominative's ("Омского", "Томской").
_OBLIQUE_ADJECTIVE = re.compile(r"(?:ого|его|ому|ему|ой|ей|ую|юю|ым|им)$")


def _adjective_of_next(text: str, credited: OrganizationFinding) -> bool:
    """Whether a one-word name credited with the report is an adjective in an oblique case
    whose noun follows in lower case ("корреспонденту Омского вестника"): the outlet's
    name goes on past what was found, which is no name by itself."""
    words = credited.source_name.split()
    following = re.match(r"[ \t]+(\w+)", text[credited.span.end :])
    return (
        len(words) == 1
        and bool(_OBLIQUE_ADJECTIVE.search(words[0].lower()))
        and following is not None
        and following[1].islower()
    )


def _names_institution(credited: OrganizationFinding) -> bool:
    """Whether a name credited with the report opens with a head word that names one
    institution by itself ("сообщает Минздрав ..."): a government body, no outlet."""
    first = credited.source_name.split()[0].lower() if credited.source_name.split() else ""
    return first.startswith(tuple(_ONE_WORD_NAMES))


def _without_leading_word(span: NamedSpan) -> NamedSpan:
    """The span without a preposition it wrongly opens with ("Между Омской больницей")."""
    words, normal = span.text.split(), span.normal.split()
    if len(words) < 2 or len(words) != len(normal) or words[0].lower() not in _LEADING_WORDS:
        return span
    start = span.start + span.text.index(words[1], len(words[0]))
    return replace(
        span, start=start, text=span.text[start - span.start :], normal=" ".join(normal[1:])
    )


def _organization(
    text: str, doc: Any, span: NamedSpan, persons: list[tuple[int, int]]
) -> OrganizationFinding | None:
    words = span.normal.split()
    if words and words[0] in _OUTLET_ABBREVIATIONS:
        rest = " ".join(span.text.split()[1:])
        latin = rest.strip(' «»"“”„')  # "ИА «<name>»": the name without its quotes
        start = span.end - len(rest) + rest.index(latin)
        end = start + len(latin)
        return OrganizationFinding(latin, Span.of(text, start, end), "media", _ascii(latin))
    quoted = _quoted_name(text, span)
    if quoted is not None:
        return quoted
    kind = _kind(words)
    if kind is None and not _is_brand(span.text):
        return None
    if kind is not None and _several_bodies(span, kind):
        return None  # "клиниках <country>": several bodies, no one organization
    if len(words) == 1 and kind is not None and words[0].lower() not in _ONE_WORD_NAMES:
        return None  # a bare head word ("Telegram-канал") names no one organization
    end = _region_end(doc, span.end, persons)
    extension = text[span.end : end]
    source_name = " ".join((span.normal + extension).split())
    english = None
    if not extension and span.normal.lower() in _HEALTH_MINISTRY:
        english = "Ministry of Health"
    elif kind is None or kind == "media":
        english = _ascii(span.text)
    return OrganizationFinding(source_name, Span.of(text, span.start, end), kind, english)


def _quoted_name(text: str, span: NamedSpan) -> OrganizationFinding | None:
    """The organization of a quoted name right after its noun ("санатории "<name>"",
    "фонд «<name>»"), which the NER span leaves out: the noun and the name, of the noun's
    kind; an outlet ("информагентство «<name>»") is the name alone."""
    head = _HEAD_BEFORE_QUOTE.search(text, max(0, span.start - 40), span.start)
    close = _QUOTE_CLOSE.match(text, span.end)
    if head is None or close is None or lemma(head.group(1).lower()) not in _QUOTED_NAME_HEADS:
        return None
    noun = lemma(head.group(1).lower())
    whole = Span.of(text, head.start(), close.end())
    if _HEADS.get(noun) == "media":
        return replace(media_finding(text, head.end(), close.end() - 1), span=whole)
    name = text[head.end() : close.end() - 1].strip()
    return OrganizationFinding(f"{noun} «{name}»", whole, _HEADS.get(noun), None)


def _kind(words: list[str]) -> str | None:
    """The kind named by the head noun (see :func:`_head_at`)."""
    at = _head_at(words)
    if at is None:
        return None
    low = words[at].lower()
    return next((_HEADS[p] for p in (low, lemma(low), low.split("-")[-1]) if p in _HEADS), None)


def _head_at(words: list[str]) -> int | None:
    """Where the head noun stands: the first word that is not an adjective."""
    return next(
        (
            i
            for i, word in enumerate(words)
            if not (word.lower().endswith(_ADJECTIVE_ENDINGS) and word.lower() not in _HEADS)
        ),
        None,
    )


def _several_bodies(span: NamedSpan, kind: str) -> bool:
    """Whether the span's head word, as the text writes it, names several bodies."""
    written, normal = span.text.split(), span.normal.split()
    at = _head_at(normal)
    return (
        at is not None and len(written) == len(normal) and several_bodies(written[at], kind, "ru")
    )


def _is_brand(name: str) -> bool:
    """A Latin-script name (``Sputnik``) or a Cyrillic acronym of 3–5 capitals."""
    letters = name.replace(" ", "").replace("-", "")
    if name.isascii() and any(c.isalpha() for c in name):
        return True
    return letters.isupper() and 3 <= len(letters) <= 5


def _ascii(name: str) -> str | None:
    return name if name and name.isascii() else None


def _region_end(doc: Any, end: int, persons: list[tuple[int, int]]) -> int:
    """End of the genitive place phrase right after an ORG (``… Челябинской области``,
    ``… провинции <Name>``): genitive adjectives and nouns ending in a region word or a
    proper noun, then at most one proper noun after a region word (capitalized or not:
    ``… Республики <Name>``); never into a person."""
    new_end = end
    tail = end
    region = False
    for token in [t for t in doc.tokens if t.start >= end][:5]:
        if token.start - tail > 1 or inside(persons, token.start, token.stop):
            break
        proper = token.text[:1].isupper()
        if region:  # one name after "провинции", "города": "… провинции Хэйлунцзян"
            if proper and token.pos == "PROPN":
                new_end = token.stop
            break
        if token.feats.get("Case") != "Gen" or not (proper or token.pos == "NOUN"):
            break
        tail = token.stop
        if token.pos == "ADJ":
            continue
        if not proper and lemma(token.text.lower()) not in _REGION_WORDS:
            break
        new_end = token.stop
        # after a region word, capitalized or not ("Республики", "области"), one name
        region = not proper or lemma(token.text.lower()) in _REGION_WORDS
    return new_end


def _drop_covered(found: list[OrganizationFinding]) -> list[OrganizationFinding]:
    """Drop a finding whose span lies inside another's (the longer name wins)."""
    return [
        f
        for f in found
        if not any(
            o is not f
            and o.span.start <= f.span.start
            and f.span.end <= o.span.end
            and (o.span.end - o.span.start) > (f.span.end - f.span.start)
            for o in found
        )
    ]
