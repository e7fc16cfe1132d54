"""Named people and candidate organizations, found without the model.

People and organization names are where a small model errs most (invented people, credits
taken for participants, names in the wrong script), and where fixed rules do well: Russian
has a trained NER (natasha, see :mod:`summarizer.stages.russian_nlp`); Kazakh, Kyrgyz, Uzbek
and English get word-shape heuristics (a title word before a capitalized sequence, surname
endings such as ``-ов``/``-ева``/``-ұлы``); Vietnamese names begin with one of a short list of
family names. Every finding carries the :class:`Span` that supports it.

Organizations are *candidates*: the source-language name, a ``kind`` guessed from the head
word (``больница`` -> hospital) and an English name only where a table gives it reliably; a
later model stage translates the rest.

Conventions of the output contract applied here: photo credits and bylines (``Фото: …``,
``Ảnh: …``) name no person or organization; the outlet credited with the report
(``…, сообщает <outlet>``, ``theo <outlet>``) is an organization of kind ``media``.

This module holds the result types, the shared helpers and the dispatch by language; the
rules of each language live in ``entities_ru``, ``entities_kk`` (also used for other
Cyrillic and Latin-script languages) and ``entities_vi``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from summarizer import languages
from summarizer.stages.spans import Span
from summarizer.stages.transliterate import to_latin
from summarizer.textfold import normalize_name


@dataclass(frozen=True)
class PersonFinding:
    name: str  # Latin script, English transliteration: "Igor Petrov", "Nguyen Van An"
    span: Span  # short clause naming them, ideally with their title
    role_text: str  # the title/role words in the source language, "" if none found


@dataclass(frozen=True)
class OrganizationFinding:
    source_name: str  # nominative/normal form in the source language
    span: Span  # where it is named
    kind: str | None  # an OrganizationKind value guessed from the head word, None if unknown
    english: str | None  # an English name when a table gives it reliably, else None


# -- shared helpers ------------------------------------------------------------------------

# The words of every language are data (``summarizer/languages/<code>/people.json`` and
# ``organizations.json``); the rules here read the words of all languages together.
# A credit line: photo, video, author, editor. Whatever it names is not a participant.
# It opens a line or sentence, or follows a slash or bar ("Tula/Photo: ..."); a credit in
# brackets ends with them ("(Photo: Anna Orlova)").
_CREDIT_WORDS = "|".join(languages.words("people", "credit_words"))
_CREDIT_LINE = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=[/|]))[ \t]*(?:{_CREDIT_WORDS})\b[^\n]*"
    rf"|\((?:{_CREDIT_WORDS})\b[^)\n]*\)",
    re.IGNORECASE | re.MULTILINE,
)
# A website name standing for an outlet: "example.kz".
DOMAIN = re.compile(
    r"(?<![\w@/.])[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:kz|ru|uz|kg|vn|info|com|net|org|"
    r"su|by|ua|cn|az|tr|tj|tm|ge|am|news|media|online|tv)(?!\w|\.\w)",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]+(?:[-‑'’][^\W\d_]+)*")
_CONJUNCTIONS = frozenset(languages.words("people", "conjunctions"))
CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]«»\"“”\n—–]")
# Abbreviations whose full stop ends no clause ("г. <City>"), and phrases that open no title.
_STOP_ABBREVIATIONS = frozenset(languages.words("people", "stop_abbreviations"))
_NOT_TITLE_PHRASES = re.compile(
    r"\b(?:" + "|".join(map(re.escape, languages.words("people", "not_title_phrases"))) + r")\b",
    re.IGNORECASE,
)


# A correspondent's credit between slashes in a dateline: "/Корр. AGENCY Anna Belova/".
_REPORTER_WORDS = "|".join(languages.words("people", "reporter_words"))
_SLASH_CREDIT = re.compile(
    rf"/[ \t]*(?:{_REPORTER_WORDS or '(?!)'})\b[^/\n]{{0,80}}/", re.IGNORECASE
)


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of photo/author credit lines and of a correspondent's credit between slashes,
    whose names are not findings; the article's last line too when it is a signature
    (:func:`signature_range`)."""
    found = [(m.start(), m.end()) for m in _CREDIT_LINE.finditer(text)]
    found += [(m.start(), m.end()) for m in _SLASH_CREDIT.finditer(text)]
    return found + signature_range(text) + byline_ranges(text)


# A line holding only a numeric date and maybe a clock time: a page's publication stamp.
_STAMP_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}:\d{2}[ \t,|-]*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"(?:[ \t,|-]*\d{1,2}:\d{2})?[ \t]*"
)


def byline_ranges(text: str) -> list[tuple[int, int]]:
    """Lines holding only a name of two to four capitalized words right after or before a
    publication stamp line ("31/05/2031 21:49" then "Anna Belova"): the author's byline, no
    participant."""
    lines = [
        (m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\n]*", text) if m.group(0).strip()
    ]
    found = []
    for i, (start, end, line) in enumerate(lines):
        if not _name_alone(line):
            continue
        near = [lines[j][2] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(_STAMP_LINE.fullmatch(other) for other in near):
            found.append((start, end))
    return found


# What a signature line may hold besides its words: spaces, initials' stops, a comma.
_SIGNATURE_MARKS = re.compile(r"[\s.,]*")


def signature_range(text: str) -> list[tuple[int, int]]:
    """The last line of the text when it holds only a name of two to four words, each
    capitalized: the author's signature under a report ("Anna Belova"), no participant.
    [] otherwise."""
    body = text.rstrip()
    start = body.rfind("\n") + 1
    if start == 0 or not _name_alone(body[start:]):
        return []
    return [(start, len(body))]


def _name_alone(line: str) -> bool:
    """Whether ``line`` holds only a name of two to four capitalized words (with initials'
    stops or a comma): a signature's or a byline's."""
    words = WORD.findall(line)
    if not 2 <= len(words) <= 4 or not all(is_capitalized(w) for w in words):
        return False
    return bool(_SIGNATURE_MARKS.fullmatch(WORD.sub("", line)))


def inside(ranges: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def clause_start(text: str, start: int, max_words: int = 10) -> int:
    """Where the clause holding ``text[start]`` begins, at most ``max_words`` words back."""
    lower = max(0, start - 200)
    window = _name_tail_masked(text[lower:start])
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(window) if not _abbreviation_stop(window, m)]
    begin = lower + (breaks[-1] if breaks else 0)
    words = list(WORD.finditer(text, begin, start))
    if len(words) > max_words:
        begin = words[-max_words].start()
    while begin < start and text[begin].isspace():
        begin += 1
    return begin


# A quoted name or a bracketed abbreviation right before a person's name belongs to the
# title ("director of the <org> «<name>» Anna Belova", "head of the <org> (<ABBR>) ...").
_NAME_TAIL = re.compile(r"(?:«[^«»\n]{1,60}»|“[^“”\n]{1,60}”|\([^()\n]{1,30}\))\s*$")


def _name_tail_masked(window: str) -> str:
    """``window`` with the quoted name or bracketed abbreviation that ends it blanked, so
    that its marks break no clause."""
    match = _NAME_TAIL.search(window)
    if match is None:
        return window
    return window[: match.start()] + " " * (match.end() - match.start())


def _abbreviation_stop(text: str, stop: re.Match[str]) -> bool:
    """Whether the break ``stop`` is the full stop of an abbreviation inside a clause
    ("г. <City>", "им. <Name>"); after a number it may end a sentence ("in 2020 г.")."""
    before = re.search(r"(?<![\w.])(\w+)$", text[: stop.start()])
    return (
        stop.group(0) == "."
        and before is not None
        and before.group(1).lower() in _STOP_ABBREVIATIONS
        and not re.search(r"\d\s*$", text[: before.start()])
    )


def role_before(
    text: str, start: int, is_title: Callable[[str], bool], max_words: int = 10, floor: int = 0
) -> tuple[int, str]:
    """The earliest title word in the clause before ``start`` and the role text from it,
    never before ``floor`` (where the previous person's name ends: "Governor A met
    ambassador B" gives B the ambassador, not the governor).

    Returns ``(start, "")`` when the clause holds no title word.
    """
    begin = max(clause_start(text, start, max_words), min(floor, start))
    begin = max([begin, *(m.end() for m in _NOT_TITLE_PHRASES.finditer(text, begin, start))])
    words = list(WORD.finditer(text, begin, start))
    # After "and", a new person's title starts: "minister A and ambassador B".
    joins = [i for i, w in enumerate(words) if w.group(0).lower() in _CONJUNCTIONS]
    if joins and any(is_title(w.group(0)) for w in words[joins[-1] + 1 :]):
        words = words[joins[-1] + 1 :]
    for match in words:
        if is_title(match.group(0)):
            return match.start(), text[match.start() : start].strip()
    return start, ""


def is_capitalized(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def fold_key(name: str) -> tuple[str, ...]:
    """Comparable tokens of a Latin name: folded, punctuation dropped, initials kept."""
    return tuple(normalize_name(name).split())


def _covers(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Every token of ``part`` is a token of ``full`` (or an initial of one)."""
    if not part or len(part) > len(full):
        return False
    return all(any(t == f or (len(t) == 1 and f.startswith(t)) for f in full) for t in part)


MIN_INFLECTED = 5  # letters of a surname whose case ending alone may differ


def _inflected_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same name with one word in another case: every word equal but one, and those
    two of five letters or more differing only in their last letter ("shapsha" /
    "shapshi", a surname the finder left in the genitive)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return min(len(x), len(y)) >= MIN_INFLECTED and len(x) == len(y) and x[:-1] == y[:-1]


def merge_people(found: Iterable[PersonFinding]) -> list[PersonFinding]:
    """One finding per person: a later short mention (surname alone) joins the fullest name.

    The kept finding has the fullest name; the span and role of the mention that has a
    role win over a bare mention.
    """
    people: list[PersonFinding] = []
    for item in found:
        key = fold_key(item.name)
        if not key:
            continue
        for index, kept in enumerate(people):
            old = fold_key(kept.name)
            if _covers(old, key) or _covers(key, old) or _inflected_alike(old, key):
                people[index] = _better(kept, item)
                break
        else:
            people.append(item)
    return people


def _better(a: PersonFinding, b: PersonFinding) -> PersonFinding:
    name = a.name if len(fold_key(a.name)) >= len(fold_key(b.name)) else b.name
    source = a if a.role_text or not b.role_text else b
    return PersonFinding(name, source.span, source.role_text)


def merge_organizations(found: Iterable[OrganizationFinding]) -> list[OrganizationFinding]:
    """One finding per source name (folded); the first mention's span is kept."""
    seen: dict[str, int] = {}
    out: list[OrganizationFinding] = []
    for item in found:
        key = normalize_name(item.source_name)
        if not key:
            continue
        # A later short mention ("the regional hospital") of a longer name seen before.
        key = next((k for k in seen if k.endswith(" " + key)), key)
        if key in seen:
            kept = out[seen[key]]
            kind = "media" if item.kind == "media" else kept.kind or item.kind
            out[seen[key]] = OrganizationFinding(
                kept.source_name, kept.span, kind, kept.english or item.english
            )
            continue
        seen[key] = len(out)
        out.append(item)
    return out


def latin_name(source: str, language: str | None = None) -> str:
    """A source-script name in English Latin spelling (of ``language``'s letters when
    it has its own: see :func:`to_latin`), spaces tidied."""
    return " ".join(to_latin(source, language).split())


def media_finding(text: str, start: int, end: int) -> OrganizationFinding:
    """An outlet credited with the report; a Latin name is already its English name."""
    name = text[start:end].strip(" .,;:\"«»“”'")
    name = " ".join(re.sub(r"[«»\"“”„]", " ", name).split())  # РИА «Новости»: РИА Новости
    english = name if name and name.isascii() else None
    return OrganizationFinding(name, Span.of(text, start, end), "media", english)


# An all-capitals name of two letters or more ("APA", "КАБАР"): an outlet's, before a verb.
_CAPS_NAME = r"[A-ZА-ЯЁƏÖÜÇŞĞİӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁƏÖÜÇŞĞİӘҒҚҢӨҰҮҺІ0-9]+(?![\w])"
# A quoted name: «X», "X" or “X”.
_QUOTED_NAME = r"«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”"
_NAME = (
    r"(?:"
    + DOMAIN.pattern
    + "|"
    + _QUOTED_NAME
    + r"|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9][\w&+-]*(?:\.[A-Za-z][\w-]*)*"
    r"(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w&+-]*(?:\.[A-Za-z][\w-]*)*){0,2}"
    # a name with a quoted part: РИА «Новости»
    r"(?:[ \t]+(?:" + _QUOTED_NAME + r"))?)"
)
# Nouns after an outlet's quoted name ("«X» газеті"), and words naming the kind of outlet
# before its name: "ИА <name>", "агентство <name>", also after its reporter's
# ("корреспондент ИА <name>").
_OUTLET_HEADS = "|".join(map(re.escape, languages.words("organizations", "outlet_heads")))
_OUTLET_WORDS = (
    r"(?:(?:" + "|".join(languages.words("organizations", "outlet_words")) + r")[ \t]+){0,2}"
)
# The day and month of a dateline: "5 May", or with a hyphen as Kyrgyz and Kazakh write
# the ordinal day ("5-май", "16-авг.").
_DAY_MONTH = r"\d{1,2}(?:[ \t]+|-)[^\W\d]+\.?"
_DATELINE = re.compile(
    r"^[ \t]*[^\W\d][^\n,]{1,30},[ \t]*" + _DAY_MONTH + r"[ \t]*[—–-][ \t]*(" + _NAME + r")",
    re.MULTILINE,
)
# The agency of a dateline written "CITY, 2 June. /AGENCY/." (or "CITY, 02.06.24.
# /AGENCY/.") or "City. 2 June. AGENCY -".
_DATELINE_AGENCY = re.compile(
    r"^[ \t]*[^\W\d][^\n,.]{1,30}[,.][ \t]*(?:" + _DAY_MONTH + r"|\d{1,2}\.\d{1,2}\.\d{2,4}\.?)"
    r"[ \t]*(?:/[ \t]*(" + _NAME + r")[ \t]*/|([A-ZА-ЯЁ]{3,}(?:[ \t][A-ZА-ЯЁ]{2,})?)[ \t]*[—–-])",
    re.MULTILINE,
)
# The agency of a dateline with a place and no date: "TULA /AGENCY/".
_PLACE_AGENCY = re.compile(
    r"^[ \t]*[^\W\d][^\W\d]+(?:[ \t-][^\W\d]+)?[ \t]*/[ \t]*(" + _NAME + r")[ \t]*/",
    re.MULTILINE,
)
# The agency of a dateline with no date after a city in capitals: "TULA. AGENCY —",
# "TULA. AgencyNews —"; the agency's name has a second capital (no common word has one).
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_CAPS_DATELINE_AGENCY = re.compile(
    rf"^[ \t]*[{_UPPER}][{_UPPER}-]{{2,30}}[ \t]*[.,][ \t]*"
    rf"([{_UPPER}][\w&+-]*[{_UPPER}][\w&+-]*(?:[ \t][{_UPPER}][\w&+-]*)?)[ \t]*[—–-][ \t]",
    re.MULTILINE,
)
# A wire service's credit in parentheses after the dateline's date: "TOMSK, April 9
# (Agency) --", "TOMSK, 9 April 2024 (AGENCY) -".
_WIRE_DATELINE = re.compile(
    r"^[ \t]*[^\W\d][^\n(]{1,40}?\d[^\n(]{0,12}?\(([A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*){0,2})\)"
    r"[ \t]*(?:--|[—–-])",
    re.MULTILINE,
)
_SOURCE_LINE = re.compile(
    r"^[ \t]*(?:"
    + "|".join(languages.words("organizations", "source_words"))
    + r")[ \t]*:[ \t]*(?:[^\W\d][\w-]*[ \t]+)?("
    + _NAME
    + r")",
    re.IGNORECASE | re.MULTILINE,
)
_LONE_DOMAIN = re.compile(r"^[ \t]*(" + DOMAIN.pattern + r")[ \t]*$", re.IGNORECASE | re.MULTILINE)


def find_media(text: str, verbs: str) -> list[OrganizationFinding]:
    """Outlets credited with the report: after a reporting verb (``verbs``, a regex), in a
    dateline (``City, 5 May — Outlet``, ``CITY, 5 May. /OUTLET/``, ``City. 5 May. OUTLET
    -``, ``CITY. OUTLET —``, ``CITY, May 5 (Outlet) --``), a ``Source:`` line or a website
    alone on a line."""
    after_verb = re.compile(r"(?:" + verbs + r")[ \t]+" + _OUTLET_WORDS + "(" + _NAME + ")")
    # a website before the verb, where the verb ends the clause ("example.az xəbər verir")
    domain_before_verb = re.compile("(" + DOMAIN.pattern + r")[ \t]+(?:" + verbs + ")")
    # or an all-capitals name, the verb ending the sentence ("…, APA xəbər verir.") or
    # opening what is reported ("APA xəbər verir ki, …")
    caps_before_verb = re.compile(
        r"(?<![\w-])(" + _CAPS_NAME + r")[ \t]+(?:" + verbs + r")(?:[ \t]*(?:[.!]|$)|(?<= ki),)",
        re.MULTILINE,
    )
    patterns = [
        after_verb,
        domain_before_verb,
        caps_before_verb,
        _DATELINE,
        _DATELINE_AGENCY,
        _CAPS_DATELINE_AGENCY,
        _WIRE_DATELINE,
        _PLACE_AGENCY,
        _SOURCE_LINE,
        _LONE_DOMAIN,
    ]
    if _OUTLET_HEADS:  # "«X» газеті хабарлады": the quoted name, its outlet noun, the verb
        patterns.append(
            re.compile(rf"({_QUOTED_NAME})[ \t]+(?:{_OUTLET_HEADS})\w*[ \t]+(?:{verbs})")
        )
    found: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            group = next(g for g in range(1, (pattern.groups or 1) + 1) if match.group(g))
            found.append(match.span(group))
    credits = credit_ranges(text)
    return [
        media_finding(text, start, _trim_outlet(text, start, end))
        for start, end in sorted(found)
        if not inside(credits, start, end)
        and not _press_service(text, end)
        and not (_PRESS_SERVICE.pattern and _PRESS_SERVICE.match(text, start))
        and not _owner_of_next(text, _trim_outlet(text, start, end))
    ]


_PRESS_SERVICE = re.compile(
    "|".join(re.escape(w) for w in languages.words("organizations", "press_service_words")),
    re.IGNORECASE,
)


def _press_service(text: str, end: int) -> bool:
    """Whether the credited name goes on to an institution's press service in its sentence
    ("... the Ministry of Foreign Affairs' press service"): no outlet, a stub of a name.
    (A credited name that opens with a press service, "Пресс-служба ООО «…»", is none
    either: the press service speaks for its institution; see :func:`find_media`.)"""
    sentence_end = re.search(r"[.!?\n]", text[end:])
    rest = text[end : end + sentence_end.start()] if sentence_end else text[end:]
    return bool(_PRESS_SERVICE.pattern) and bool(_PRESS_SERVICE.search(rest))


_OWNER_ENDINGS = tuple(languages.words("organizations", "owner_endings"))


def _owner_of_next(text: str, end: int) -> bool:
    """Whether the credited name goes on with a lower-case genitive word ("… Павлодар
    қаласының әкімдігі", the city's akimat): the start of an institution's name, no outlet."""
    following = re.match(r"[ \t]+(\w+)", text[end:])
    word = following[1] if following else ""
    return bool(_OWNER_ENDINGS) and word.islower() and word.endswith(_OWNER_ENDINGS)


def _trim_outlet(text: str, start: int, end: int) -> int:
    """End of an outlet name: a website ends at its domain, a name before a lowercase word."""
    domain = DOMAIN.match(text, start)
    if domain and domain.end() <= end:
        return domain.end()
    while end > start and text[end - 1] in ".,;: \t":
        end -= 1
    return end


# -- dispatch ------------------------------------------------------------------------------


# Languages the word-shape rules of entities_kk serve (Cyrillic or Latin Turkic and
# neighbouring languages, and English).
WORD_SHAPE_LANGUAGES = {"kk", "ky", "uz", "en", "tr", "tg", "tk", "az", "mn", "be", "uk"}


def _finder(language: str | None, what: str) -> Any:
    """The ``find_people`` / ``find_organizations`` of the module for ``language`` (called
    with ``(text, language)``), or None where no module serves it. Imported on use: the
    Russian module loads natasha."""
    if language == "ru":
        from summarizer.stages import entities_ru as module

        return lambda text, _language: getattr(module, what)(text)
    if language == "vi":
        from summarizer.stages import entities_vi as module

        return lambda text, _language: getattr(module, what)(text)
    if language in WORD_SHAPE_LANGUAGES:
        from summarizer.stages import entities_kk as module

        return getattr(module, what)
    if language == "zh":  # Han names next to a title; bodies named by owner and head
        from summarizer.stages import chinese_names, entities_zh

        return {"find_people": chinese_names.find_people}.get(what, entities_zh.find_organizations)
    return None


def has_rules(language: str | None) -> bool:
    """Whether rules of this module find people and organizations in ``language``
    (elsewhere the model reads them: ``stages/model_entities.py``)."""
    return _finder(language, "find_people") is not None


def find_people(text: str, language: str | None) -> list[PersonFinding]:
    """Named people of ``text`` (merged, in order of first mention), Latin names."""
    finder = _finder(language, "find_people")
    found = finder(text, language) if finder else []
    return [person for person in found if not _abbreviation(person.name)]


ABBREVIATION_LETTERS = 4  # "РУз", "КНР", "ВОЗ": a short word of two capitals or more


def _abbreviation(text: str) -> bool:
    """Whether a person's whole name is one abbreviation ("Министр здравоохранения РУз":
    the country, not a man named RUz)."""
    word = text.strip()
    return (
        " " not in word
        and len(word) <= ABBREVIATION_LETTERS
        and sum(c.isupper() for c in word) >= 2
    )


def _head_kinds(language: str | None) -> dict[str, str]:
    """Head word (dictionary form) -> organization kind, from ``organizations.json``."""
    if language not in ("ru",):
        return {}
    table = languages.load(language, "organizations")["head_words"]
    return {word.lower(): kind for kind, words in table.items() for word in words}


def find_organizations(text: str, language: str | None) -> list[OrganizationFinding]:
    """Candidate organizations of ``text`` (deduplicated, in order of first mention), each
    with the English name composed from its parts where every part is known
    (``stages/org_names.py``); the model names the rest."""
    from summarizer.stages.entities_composed import find_composed_organizations
    from summarizer.stages.entities_international import with_international
    from summarizer.stages.org_names import compose

    finder = _finder(language, "find_organizations")
    found = finder(text, language) if finder else []
    if language == "en":
        from summarizer.stages import entities_en

        # the word-shape rules serve Turkic head words; English names come from their own
        media = [f for f in found if f.kind == "media"]
        found = merge_organizations([*media, *entities_en.find_organizations(text)])
    found = sorted(
        [*found, *find_composed_organizations(text, language, _head_kinds(language), found)],
        key=lambda f: f.span.start,
    )
    composed_names = [
        replace(org, english=composed)
        if org.kind != "media" and (composed := compose(org.source_name, language))
        else org
        for org in found
    ]
    return with_international(text, [_home_owned(text, org, language) for org in composed_names])


def _placed_before(name: str, language: str | None) -> bool:
    """Whether a name opens with a place in the locative ("Tomsk'ta … Bakanlığı",
    "Omskda Səhiyyə Nazirliyi": the ministry there, which may be no home body)."""
    first = name.split()[0]
    endings = tuple(languages.load(language or "", "org_names").get("adverbial_endings", []))
    suffixed = re.search(r"\w['’]\w+$", first) is not None
    return first[:1].isupper() and (suffixed or (bool(endings) and first.endswith(endings)))


OWNER_CHARS = 40  # a country written this close before a body's name is its owner


def _home_owned(text: str, org: OrganizationFinding, language: str | None) -> OrganizationFinding:
    """A state body named without its country ("Sog‘liqni saqlash vazirligi": Ministry of
    Health) in a language whose articles name only their own country's so: the home
    country's (``home_bodies`` of the language's ``organizations.json``), or the country
    written right before its name ("Германия … вазирлиги", Germany's ministry)."""
    from summarizer.stages.places import country_name, find_places, home_country

    bodies = languages.load(language or "", "organizations").get("home_bodies", [])
    home = home_country(language)
    if org.english not in bodies or home is None or _placed_before(org.source_name, language):
        return org
    lo = max(0, org.span.start - OWNER_CHARS)
    window = text[lo : org.span.start + len(org.span.text.split()[0])]  # to the name's 1st word
    owner = next(
        (
            country.code
            for country in find_places(window, language).countries
            if not window[country.span.end : org.span.start - lo].strip()
        ),
        home,
    )
    return replace(org, english=f"{org.english} of {country_name(owner)}")
