"""Vietnamese people and organizations by word shape (see :mod:`summarizer.stages.entities`).

Vietnamese names are Latin with diacritics, written family name first, and nearly every
family name is one of a few dozen (Nguyễn, Trần, Lê, …), so a run of capitalized syllables
that begins with one is a person. A foreign name (``Ông Mikhail Petrov``) is a run of
capitalized words that are not Vietnamese syllables, accepted only with a title or honorific
in the same clause. Organization names start with their head word (``Bệnh viện``,
``Bộ``, ``Công ty``), so they are read rightwards from it; a small table gives English
names where that is mechanical (``Bệnh viện <Name>`` -> ``<Name> Hospital``,
``Bộ Ngoại giao <country>``).
"""

from __future__ import annotations

import re
from itertools import islice

from summarizer import languages
from summarizer.stages.entities import (
    OrganizationFinding,
    PersonFinding,
    credit_ranges,
    find_media,
    inside,
    latin_name,
    merge_organizations,
    merge_people,
    role_before,
)
from summarizer.stages.spans import Span
from summarizer.textfold import strip_accents

# The vocabulary is data: ``summarizer/languages/vi/people.json`` and ``organizations.json``.
_PEOPLE = languages.load("vi", "people")
_ORGANIZATIONS = languages.load("vi", "organizations")
_FAMILY_NAMES = frozenset(_PEOPLE["family_names"])
# Capitalized runs beginning with a family name that are places, not people.
_PLACES = frozenset(_PEOPLE["places_not_names"])
_PLACE_MARKERS = frozenset(_PEOPLE["place_markers"])
_MIDDLE_NAMES = frozenset(_PEOPLE["middle_names"])
# Titles and honorifics in either spelling of a letter ("bác sĩ" or "bác sỹ").
_TITLES = languages.with_spelling_variants(_PEOPLE["titles"], "vi")
_HONORIFICS = languages.with_spelling_variants(_PEOPLE["honorifics"], "vi")
# First syllables of two-syllable titles: "Thứ trưởng", "Đại sứ", "Thượng tướng".
_TITLE_PREFIXES = frozenset(_PEOPLE["title_prefixes"])
# Words that end a role written after a name.
_ROLE_END = re.compile(r"\s+(?:" + "|".join(_PEOPLE["role_enders"]) + r")(?:\s+|$)")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)
_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*|\d+(?:[-/]\d+)*")

# Organization head words (capitalized in a name) -> kind; abbreviated heads ("BV", "Trường
# ĐH") have the kind of the head they stand for.
_ABBREVIATED = languages.load("vi", "abbreviations")["heads"]
_WRITTEN = tuple(
    (head, kind) for kind, heads in _ORGANIZATIONS["head_words"].items() for head in heads
)
_HEADS = (
    _WRITTEN
    + tuple(
        (head.replace(full, short), kind)
        for head, kind in _WRITTEN
        for short, full in _ABBREVIATED.items()
        if full in head
    )
    # "BVĐK": an abbreviation of a head with its first modifier ("Bệnh viện đa khoa")
    + tuple(
        (short, kind)
        for head, kind in _WRITTEN
        for short, full in _ABBREVIATED.items()
        if full.startswith(head + " ")
    )
)
_KINDS = {head.lower(): kind for head, kind in _HEADS}
_HEAD = re.compile(  # longest first: "Ủy ban nhân dân" before "Ủy ban"
    r"(?<![\w.])("
    # only the first letter must be a capital: "Tổng Lãnh sự quán", "Trung Tâm"
    + "|".join(
        re.escape(h[0]) + "(?i:" + re.escape(h[1:]) + ")"
        for h in sorted(dict(_HEADS), key=len, reverse=True)
    )
    + r")(?=[ \t])"
)
# Words that end an organization's name when read rightwards: verbs, prepositions, numbers.
_STOP = frozenset(_ORGANIZATIONS["stop_words"]) | frozenset(
    languages.load("vi", "numbers")["spelled_numbers"]
)
# Level words after a head: "UBND huyện" is the district's committee. Longest first.
_LEVELS = sorted(languages.load("vi", "org_names")["levels"], key=len, reverse=True)
_LEVEL_WORDS = frozenset(word for level in _LEVELS for word in level.split())
_NAME_PHRASES = tuple(_ORGANIZATIONS["name_phrases"])
# Level-like modifiers of two syllables ("Trung ương", "Quốc tế": the leading modifiers of
# org_names.json): written with a capital, one closes a name ("Bệnh viện Mắt Trung ương đánh
# giá": a verb follows); a specialty ("Tim mạch học") does not.
_CLOSING_MODIFIERS = frozenset(
    modifier
    for modifier, english in languages.load("vi", "org_names")["modifiers"].items()
    if len(modifier.split()) > 1
    and english in languages.load("vi", "org_names")["leading_modifiers"]
)
# Heads also written in lower case before a capitalized name ("tập đoàn Tula Energy").
_LOWER_HEAD = re.compile(
    r"(?<![\w.])(" + "|".join(map(re.escape, _ORGANIZATIONS["lowercase_heads"])) + r")(?= [A-ZĐ])"
)
# Heads of a post abroad, whose name goes on with "tại <its seat>".
_SEATED_HEADS = frozenset(h.lower() for h in _ORGANIZATIONS["seated_heads"])
_IN_WORDS = frozenset(languages.load("vi", "org_names")["in_words"])
# A Latin acronym in brackets right after a name ("(ABC)"): the name's English short form.
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Z0-9&-]{1,9})\)")
# Field-named heads -> their fields, longest first ("Bộ" -> "khoa học và công nghệ", ...).
_FIELDS = {
    head: sorted(_ORGANIZATIONS[table], key=len, reverse=True)
    for head, table in languages.load("vi", "org_names")["field_heads"].items()
}
# City abbreviations whose full stop and space stay inside a name ("TP. Kon Tum").
_CITY_ABBREVIATIONS = frozenset(_ORGANIZATIONS["city_abbreviations"])
_REPORT_VERBS = r"(?<![\w])(?:" + "|".join(_ORGANIZATIONS["report_verbs"]) + ")"
# "Bí thư Tỉnh ủy", "đại biểu Quốc hội": a head inside a person's title names no organization.
_TITLE_BEFORE_HEAD = re.compile(
    r"(?<![\w])(?:" + "|".join(_ORGANIZATIONS["titles_before_heads"]) + r")\s+$", re.IGNORECASE
)


# An event's name before a head, its first word capitalized and no stop between ("Hội
# nghị Quản lý Bệnh viện"): the head is a word of the event's name, no organization.
_EVENT_BEFORE_HEAD = re.compile(
    r"(?<![\w])(?:"
    + "|".join(map(re.escape, _ORGANIZATIONS["event_names"]))
    + r")[ \t]+[A-ZĐÀ-Ỹ][\w-]*(?:[ \t]+[\w-]+){0,3}[ \t]+$"
)


def is_vietnamese(word: str) -> bool:
    """Whether ``word`` is spelled as one Vietnamese syllable."""
    return bool(_SYLLABLE.match(strip_accents(word.lower()).replace("đ", "d")))


# A head word ending the text before a name.
_HEAD_BEFORE = re.compile(_HEAD.pattern.replace(r"(?=[ \t])", r"[ \t]+$"))


def names_after_head(before: str) -> bool:
    """Whether ``before`` ends with the head word of an institution whose own name follows
    ("Bệnh viện ", "Đại học ", "Quỹ "), perhaps with a few lowercase descriptors between
    ("Trung tâm đào tạo quốc tế "); a government body's head ("Sở ", "UBND ") is followed
    by the place it governs, and so is a level or "tại" ("Bệnh viện tỉnh ")."""
    for _ in range(LOWERCASE_DESCRIPTORS + 1):
        match = _HEAD_BEFORE.search(before)
        if match:
            return _KINDS.get(match[1].lower()) != "government"
        words = before.rstrip().rsplit(None, 1)
        if len(words) < 2 or not words[1].islower() or words[1] in _WORDS_BEFORE_PLACES:
            return False
        before = words[0] + " "
    return False


LOWERCASE_DESCRIPTORS = 4  # lowercase syllables between an institution's head and its name
# Level words ("tỉnh", "thành phố") and "tại"/"ở": the place after them is where it is.
_WORDS_BEFORE_PLACES = frozenset(
    word
    for phrase in [*_LEVELS, *languages.load("vi", "org_names")["in_words"]]
    for word in phrase.split()
)


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".,") in _TITLES


# -- people --------------------------------------------------------------------------------


def find_people(text: str) -> list[PersonFinding]:
    credits = credit_ranges(text)
    found = []
    previous_end = 0  # a role never reaches back over the person before it
    for run in _capitalized_runs(text):
        finding = _person(text, run, previous_end)
        if finding is not None and not inside(credits, finding.span.start, finding.span.end):
            found.append(finding)
            previous_end = finding.span.end
    taken = [(f.span.start, f.span.end) for f in found]
    found.extend(
        finding
        for finding in _capitals_after_honorific(text)
        if not inside(credits, finding.span.start, finding.span.end)
        and not any(start < finding.span.end and finding.span.start < end for start, end in taken)
    )
    found.sort(key=lambda f: f.span.start)
    people = merge_people(found)
    return [p for p in people if len(p.name.split()) > 1]


# A name written whole in capitals after an honorific word ("ông IVAN ORLOV, Hiệu trưởng …"),
# as lists of delegates write foreign names: two to four words, a title after them.
_CAPITALS_AFTER_HONORIFIC = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(h) for h in sorted(_HONORIFICS, key=len, reverse=True) if h.isalpha())
    + r")[ \t]+([^\W\d_]{2,}(?:[ \t][^\W\d_]{2,}){1,3})(?![\w])",
    re.IGNORECASE,
)


def _capitals_after_honorific(text: str) -> list[PersonFinding]:
    """People named in capitals after an honorific, each word all capitals and no head of
    an organization ("UBND"), with a title after the name ("bà ANNA BELOVA, Hiệu trưởng
    Trường Đại học Tula"): the name written with capitals only at its words' starts."""
    found = []
    for match in _CAPITALS_AFTER_HONORIFIC.finditer(text):
        words = match.group(1).split()
        if not all(w.isupper() for w in words) or any(_HEAD.match(w + " ") for w in words):
            continue
        role = _role_after(text, match.end(1))
        if not role:
            continue
        end = match.end(1) + text[match.end(1) :].index(role) + len(role)
        name = " ".join(w.capitalize() for w in words)
        found.append(PersonFinding(latin_name(name), Span.of(text, match.start(1), end), role))
    return found


def _capitalized_runs(text: str) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        capital = word[:1].isupper() and not word.endswith(".") and not word.isupper()
        joined = current and text[current[-1].end() : match.start()] == " "
        capital = capital or bool(joined and _family_in_capitals(current[-1].group(0), word))
        if capital and (joined or not current):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match] if capital else []
    if current:
        runs.append(current)
    return runs


MIN_CAPITALS_FAMILY = 3  # letters of a family name written in capitals ("Ivan ORLOV")


def _family_in_capitals(previous: str, word: str) -> bool:
    """Whether ``word`` is a foreign family name written in capitals after a given name
    ("Ivan ORLOV"): the previous word foreign and capitalized, this one all capitals and
    long enough not to be an abbreviation's part ("Omsk" then "ABC" still is)."""
    foreign_name = previous[:1].isupper() and previous[1:].islower() and not is_vietnamese(previous)
    return (
        foreign_name
        and word.isupper()
        and len(word) >= MIN_CAPITALS_FAMILY
        and not is_vietnamese(word)
    )


def _honored(text: str, run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The run without a leading honorific when one stands right before the name ("ông",
    "bà", "GS."; a sentence-initial "Bà" starts the run itself); [] without one."""
    if run and run[0].group(0).lower() in _HONORIFICS:
        return run[1:]
    before = re.findall(r"[^\W\d_]+", text[max(0, run[0].start() - 14) : run[0].start()].lower())
    right_before = re.search(
        r"[^\W\d_][ .]{1,3}$", text[max(0, run[0].start() - 4) : run[0].start()]
    )
    last = {" ".join(before[-size:]) for size in (1, 2) if len(before) >= size}
    return run if right_before and last & _HONORIFICS else []


def _after_honorific(
    text: str, run: list[re.Match[str]], whole: list[re.Match[str]]
) -> list[re.Match[str]]:
    """A foreign name with Vietnamese-looking syllables after an honorific ("ông Cho Min
    Ho"): the honored run of two to four words; not an institution's name, not a place
    ("Bà Rịa ..." is a province)."""
    from summarizer.stages.places import find_places

    if len(run) < 2 or _HEAD.match(run[0].group(0) + " "):
        return []
    places = find_places(text[whole[0].start() : whole[-1].end()], "vi")
    if places.locations or places.countries:
        return []  # "bác sĩ Việt Nam": Vietnamese doctors, no person
    run = _without_title_start(text, run)
    return run[:4] if len(run) >= 2 else []


def _without_title_start(text: str, run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The run without a last word that opens a two-syllable title written on after it
    ("ngài Ivan Orlov Thứ trưởng …": "Thứ" starts the title, not the name)."""
    after = text[run[-1].end() : run[-1].end() + 2]
    if run[-1].group(0) in _TITLE_PREFIXES and re.match(r" [^\W\d_]", after) and after[1].islower():
        return run[:-1]
    return run


def _person(text: str, run: list[re.Match[str]], floor: int = 0) -> PersonFinding | None:
    honored = _honored(text, run)
    name_words = _name_words(run) or _after_honorific(text, honored, run)
    if not name_words or _is_place(text, name_words) or _withheld(text, name_words[-1].end()):
        return None
    family = name_words[0].group(0) in _FAMILY_NAMES
    start, end = name_words[0].start(), name_words[-1].end()
    role_start, role = role_before(text, start, _is_title, floor=floor)
    previous = list(re.finditer(r"\S+", text[max(0, role_start - 20) : role_start]))
    if role and previous and previous[-1].group(0) in _TITLE_PREFIXES:  # "Thứ trưởng"
        role_start -= len(text[max(0, role_start - 20) : role_start]) - previous[-1].start()
        role = text[role_start:start].strip()
    after = _role_after(text, end)
    if after and _only_honorifics(text[max(0, role_start - 12) : role_start], role):
        role = ""  # "ông X, Giám đốc …": the title follows the name
    if after and not role:
        role = after
        end += text[end:].index(after) + len(after)
    elif not role and not family and not honored:
        return None  # a foreign-looking run with no title is more likely a place or brand
    written = text[start : name_words[-1].end()]
    name = " ".join(w.capitalize() if w.isupper() else w for w in written.split())
    return PersonFinding(latin_name(name), Span.of(text, role_start, end), role)


_HONORIFIC = re.compile(
    "|".join(re.escape(h) for h in sorted(_HONORIFICS, key=len, reverse=True)), re.IGNORECASE
)


def _only_honorifics(before: str, role: str) -> bool:
    """Whether ``role`` holds honorifics only ("ông", "TS.", "sĩ" of "Tiến sĩ" when the
    word ``before`` it completes one)."""
    previous = before.split()[-1:]
    for words in (role, " ".join([*previous, role])):
        rest = _HONORIFIC.sub(" ", words.lower())
        if role and not re.sub(r"[\s.,]+", "", rest):
            return True
    return False


# A lone capital after a name: the rest of the name is withheld ("Trần Văn K. (40 tuổi)").
_WITHHELD = re.compile(r" [A-ZĐ]\.?(?![\w.])(?! [A-ZĐ])")


def _withheld(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is shortened to an initial to keep the person
    anonymous, as news does for patients: no named person."""
    return bool(_WITHHELD.match(text, end))


def _name_words(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The name in a capitalized run: from a family name on, else a foreign name."""
    words = [m.group(0) for m in run]
    family = next((i for i, w in enumerate(words) if w in _FAMILY_NAMES), None)
    while family is not None and family + 1 < len(words):
        place = _leading_place(run[family:])
        if place and family + place < len(words) and words[family + place] in _FAMILY_NAMES:
            family += place  # "TP Đồng Xoài Đinh Văn Khoa": the person after the city
            continue
        if place == len(words) - family:
            break  # "Đồng Xoài": a city whose first syllable is a family name
        name_words = run[family : family + 4]
        if all(w in _TITLE_PREFIXES for w in words[family + 1 :]):
            # "Đoàn Chủ tịch" (the presidium): a family name that is a noun here, its title
            # going on in lower case; "Trần Đại Khoa" (a name syllable "Đại") is a name
            return []
        if all(is_vietnamese(m.group(0)) for m in name_words):
            return name_words
        break
    return _foreign(run)


def _leading_place(run: list[re.Match[str]]) -> int:
    """How many words at the start of ``run`` name a city or province (0 for none)."""
    return _leading_words(run, countries=False)


def _leading_words(run: list[re.Match[str]], countries: bool) -> int:
    """How many words at the start of ``run`` name a country (``countries``) or else a city
    or province (0 for none)."""
    from summarizer.stages.places import find_places

    start = run[0].start()
    found = find_places(run[0].string[start : run[-1].end()], "vi")
    named = found.countries if countries else found.locations
    ends = [place.span.end for place in named if place.span.start == 0]
    return sum(1 for m in run if ends and m.end() - start <= max(ends))


def _foreign(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest tail of ``run`` made of 2–4 non-Vietnamese, non-CamelCase words."""
    tail: list[re.Match[str]] = []
    for match in reversed(run):
        word = match.group(0)
        if is_vietnamese(word) or any(c.isupper() for c in word[1:]):
            break
        tail.insert(0, match)
    if len(tail) >= 3:  # "Thủ tướng Australia Anna Belova": the post's country, then the name
        tail = tail[_leading_country(tail) :]
    return tail[-4:] if len(tail) >= 2 else []


def _leading_country(run: list[re.Match[str]]) -> int:
    """How many words at the start of ``run`` name a country, leaving two or more words
    after it (0 for none)."""
    words = _leading_words(run, countries=True)
    return words if len(run) - words >= 2 else 0


def _is_place(text: str, words: list[re.Match[str]]) -> bool:
    phrase = " ".join(m.group(0) for m in words).lower()
    if any(phrase.startswith(p) for p in _PLACES):
        return True
    if len(words) >= 3 and words[1].group(0) in _MIDDLE_NAMES:
        return False  # "UBND tỉnh Đinh Văn Khoa": a person after the implicit province
    before = text[max(0, words[0].start() - 20) : words[0].start()].lower().split()
    return bool(before) and (
        before[-1] in _PLACE_MARKERS or " ".join(before[-2:]) in _PLACE_MARKERS
    )


def _role_after(text: str, end: int) -> str:
    """``, Thứ trưởng Bộ Ngoại giao`` or ``- Giám đốc …`` after a name, to the clause end."""
    match = re.match(r"\s*[,–-]\s*([^,;.()\n]{3,80})", text[end:])
    if not match:
        return ""
    role = _ROLE_END.split(match.group(1))[0].strip()
    first = role.split()[:2]
    return role if any(_is_title(w) for w in first) else ""


# -- organizations -------------------------------------------------------------------------


def find_organizations(text: str) -> list[OrganizationFinding]:
    credits = credit_ranges(text)
    names = _name_ranges(text)
    found = [
        finding
        for head in _HEAD.finditer(text)
        if not _TITLE_BEFORE_HEAD.search(text[max(0, head.start() - 20) : head.start()])
        and not _EVENT_BEFORE_HEAD.search(text[max(0, head.start() - 60) : head.start()])
        and (finding := _organization(text, head, names)) is not None
        and not inside(credits, finding.span.start, finding.span.end)
    ]
    found.extend(_lowercase_headed(text, names))
    found.extend(m for m in find_media(text, _REPORT_VERBS) if not _HEAD.match(m.source_name + " "))
    found.extend(_dateline_outlet(text))
    found.sort(key=lambda f: f.span.start)
    return _without_bare_repeats(merge_organizations(found))


def _without_bare_repeats(found: list[OrganizationFinding]) -> list[OrganizationFinding]:
    """A local body named bare ("Sở Y tế", "UBND tỉnh") where the article names it once with
    its level and place ("Sở Y tế tỉnh Kon Tum") is that body, not a second one; a bare name
    that several such names continue (two provinces' departments) stays."""
    return [
        item
        for item in found
        if len([other for other in found if _continues_with_place(item, other)]) != 1
    ]


def _continues_with_place(bare: OrganizationFinding, other: OrganizationFinding) -> bool:
    """Whether ``other`` is ``bare`` continued by its level and place ("UBND" + "tỉnh Kon
    Tum", "UBND tỉnh" + "Kon Tum"), not by another country ("Bộ Y tế" + "Cuba")."""
    name, longer = bare.source_name.split(), other.source_name.split()
    if len(longer) <= len(name) or [w.lower() for w in longer[: len(name)]] != [
        w.lower() for w in name
    ]:
        return False
    rest = " ".join(longer[len(name) :]).lower()
    ended = " ".join(name).lower()
    return any(rest.startswith(level + " ") or ended.endswith(" " + level) for level in _LEVELS)


def _lowercase_headed(text: str, names: list[tuple[int, int]]) -> list[OrganizationFinding]:
    """Companies named after a head written in lower case ("tập đoàn Tula Energy"); a place
    after one ("các công ty Nhật Bản": Japanese companies) names none."""
    found = []
    for head in _LOWER_HEAD.finditer(text):
        finding = _organization(text, head, names)
        if finding is None:
            continue
        words = list(_WORD.finditer(text, head.end(), finding.span.end))
        if not _names_a_place(text[words[0].start() : words[-1].end()]):
            found.append(finding)
    return found


def _names_a_place(phrase: str) -> bool:
    """Whether ``phrase`` is, whole, a place or a country ("Nhật Bản", "Kon Tum")."""
    from summarizer.stages.places import find_places

    found = find_places(phrase, "vi")
    spans = [c.span for c in found.countries] + [loc.span for loc in found.locations]
    return any(span.start == 0 and span.end == len(phrase) for span in spans)


def _name_ranges(text: str) -> list[tuple[int, int]]:
    """Where people's names are, so an organization's name stops before them."""
    ranges = []
    for run in _capitalized_runs(text):
        words = _name_words(run)
        if words:
            ranges.append((words[0].start(), words[-1].end()))
    return ranges


def _organization(
    text: str, head: re.Match[str], names: list[tuple[int, int]]
) -> OrganizationFinding | None:
    words: list[re.Match[str]] = _field_words(text, head)
    field = len(words)  # a ministry's field is part of its head: it counts no name word
    lowercase_run = 0
    for match in _WORD.finditer(text, words[-1].end() if words else head.end()):
        gap = text[(words[-1].end() if words else head.end()) : match.start()]
        if not _continues(gap, words, match):
            break
        if len(words) - field >= MAX_NAME_WORDS and not _completes_place(text, words, match):
            break
        word = match.group(0)
        if _seat_follows(text, head, words, match):
            words.append(match)  # "Đại sứ quán Cuba tại Campuchia": the post's seat
            continue
        phrase = text[match.start() :].lower().startswith(_NAME_PHRASES)
        if (word in _STOP and not phrase) or (_HEAD.match(word + " ") and words):
            break
        if inside(names, match.start(), match.end()):
            break
        capital = word[:1].isupper() or word[0].isdigit()
        if not capital and _ends_with_place(text, words):
            break  # "Hội ... Việt Nam chính thức ...": a place ends the name, a verb follows
        if not capital and _name_ended(text, head, words, match):
            break  # "Quỹ ABC tài trợ ...", "Sở Y tế phối hợp ...": a verb after the name
        lowercase_run = 0 if capital else lowercase_run + 1
        if lowercase_run and len(words) + 1 == lowercase_run and _place_follows(text, match):
            words.append(match)  # "Bệnh viện đa khoa Bến Tre": lowercase, then its place
            continue
        if lowercase_run > 3 or (lowercase_run and not words):
            if not words and head.group(1) in {"Bộ", "Sở"}:
                return None  # "Bộ trưởng": a title, not a ministry
            if not words:
                words.extend(_level_words(text, match))  # "UBND huyện": the district's
            break
        words.append(match)
    first = words[0].group(0) if words else ""
    if not words or (_is_title(first) and not first[:1].isupper()):
        return None  # "Bộ trưởng" is a title; "Bệnh viện Thống Nhất" a name
    end = words[-1].end()
    # "Y- Dược" (a hyphen typed before a space) is "Y Dược"; "19-8" keeps its hyphen
    name = re.sub(r"(?<=\w)- (?=\w)", " ", " ".join(text[head.start() : end].split()))
    if _names_a_place(name):
        return None  # "Hội An" is a city, no association "An"
    kind = _KINDS[head.group(1).lower()]
    acronym = _ACRONYM_AFTER.match(text, end)
    return OrganizationFinding(
        name,
        Span.of(text, head.start(), end),
        kind,
        # named in stages/org_names.py; a name it cannot compose keeps its acronym
        acronym.group(1) if acronym else None,
    )


MAX_NAME_WORDS = 8  # words read after an organization's head (and field), a place aside
PLACE_SYLLABLES = 4  # capitalized syllables of a place after its level word


def _completes_place(text: str, words: list[re.Match[str]], match: re.Match[str]) -> bool:
    """Whether the capitalized ``match`` goes on with a place the name read so far ends with
    ("... tỉnh Kon" + "Tum", "... Thủ đô Bến" + "Tre"): the capitalized syllables after a
    level word, at most :data:`PLACE_SYLLABLES` of them; a long name is cut after its place,
    never inside it."""
    if not (match.group(0)[:1].isupper() and text[words[-1].end() : match.start()] == " "):
        return False
    run = 0
    while run < len(words) and words[-1 - run].group(0)[:1].isupper():
        run += 1
    if not run or run >= PLACE_SYLLABLES:
        return False
    before = [w.group(0).lower() for w in words[: len(words) - run]]
    return any(before[-len(level.split()) :] == level.split() for level in _LEVELS)


def _seat_follows(
    text: str, head: re.Match[str], words: list[re.Match[str]], match: re.Match[str]
) -> bool:
    """Whether ``match`` is "tại" (or "ở") after a post's head and its country, opening the
    place where the post sits ("Đại sứ quán Cuba tại Campuchia")."""
    return (
        bool(words)
        and head.group(1).lower() in _SEATED_HEADS
        and match.group(0) in _IN_WORDS
        and _place_follows(text, match)
    )


def _field_end(text: str, head_word: str, start: int) -> int | None:
    """Where the field a field-named head (``head_word``, ending at ``start``) takes from its
    table ends ("Bộ Khoa học và Công nghệ": the ministry's field, read whole over its "và"),
    else None."""
    for field in _FIELDS.get(head_word.lower(), ()):
        pattern = r"[ \t]+" + r"\s+".join(map(re.escape, field.split())) + r"(?!\w)"
        found = re.compile(pattern, re.IGNORECASE).match(text, start)
        if found:
            return found.end()
    return None


def _field_words(text: str, head: re.Match[str]) -> list[re.Match[str]]:
    """The words of the field after a field-named head, else []."""
    end = _field_end(text, head.group(1), head.end())
    first = head.group(1).split()[0]
    if first != head.group(1) and first.lower() in _FIELDS:
        # "Bộ Y tế và Phúc lợi": a longer field than the whole head "Bộ Y tế" holds
        longer = _field_end(text, first, head.start() + len(first))
        if longer is not None and longer > (end or head.end()):
            end = longer
    return list(_WORD.finditer(text[:end], head.end())) if end else []


def _continues(gap: str, words: list[re.Match[str]], match: re.Match[str]) -> bool:
    """Whether ``gap`` between the name read so far and ``match`` lets the name go on: a
    space or a hyphen; "TP.KT" (a short capital abbreviation's full stop); "TP. Kon Tum"
    (the city abbreviation's full stop and space)."""
    if gap in {" ", " - ", " – ", "-", "- "}:
        return True
    if not words or not match.group(0)[:1].isupper():
        return False
    previous = words[-1].group(0)
    if gap == ".":
        return previous.isupper() and match.group(0).isupper()
    return gap == ". " and previous.lower() in _CITY_ABBREVIATIONS


def _name_ended(
    text: str, head: re.Match[str], words: list[re.Match[str]], match: re.Match[str]
) -> bool:
    """Whether the lowercase ``match`` ends the name read so far: it follows a capitalized
    word that is no Vietnamese syllable (an abbreviation "ABC", a foreign word "Omsk"), a
    whole field from the table ("Sở Y tế phối hợp": a verb after the field) or a capitalized
    modifier ("Trung ương"), and opens no level ("tỉnh") and no place ("nước Lào")."""
    if not words or not (
        _after_foreign(words) or _after_field(text, head, words) or _after_modifier(words)
    ):
        return False
    return not _level_words(text, match) and not _place_follows(text, match)


def _after_foreign(words: list[re.Match[str]]) -> bool:
    last = words[-1].group(0)
    return last[:1].isupper() and not last[0].isdigit() and not is_vietnamese(last)


def _after_modifier(words: list[re.Match[str]]) -> bool:
    """Whether the words read so far end with a level-like modifier written with a capital
    ("... Mắt Trung ương"), which closes a Vietnamese institution's name."""
    last = [w.group(0) for w in words[-2:]]
    return len(last) == 2 and last[0][:1].isupper() and " ".join(last).lower() in _CLOSING_MODIFIERS


def _after_field(text: str, head: re.Match[str], words: list[re.Match[str]]) -> bool:
    """Whether the words read so far end with a field-named head's whole field ("Văn phòng
    Bộ Tài chính": the ministry inside the office's name)."""
    heads = [(head.group(1), head.end())] + [(w.group(0), w.end()) for w in words]
    return any(_field_end(text, word, end) == words[-1].end() for word, end in heads)


def _level_words(text: str, word: re.Match[str]) -> list[re.Match[str]]:
    """The words of a level ("huyện", "thành phố") that begins at ``word``, else []."""
    for level in _LEVELS:
        following = list(islice(_WORD.finditer(text, word.start()), len(level.split())))
        if " ".join(m.group(0) for m in following) == level:
            return following
    return []


LOWERCASE_LEAD = 2  # lowercase words a name may open with when its place follows


def _place_follows(text: str, word: re.Match[str]) -> bool:
    """Whether, within :data:`LOWERCASE_LEAD` words of ``word`` (itself included), a
    capitalized run begins that is a place: a lowercase descriptor ("đa khoa") then the
    place the institution belongs to."""
    after = list(_WORD.finditer(text, word.start()))[: LOWERCASE_LEAD + 4]
    lowercase = 0
    for i, match in enumerate(after):
        if match.group(0) in _LEVEL_WORDS:
            continue  # "đa khoa tỉnh Kon Tum": the level names the place, no descriptor
        if not match.group(0)[:1].isupper():
            lowercase += 1
            if lowercase > LOWERCASE_LEAD:
                return False
            continue
        run: list[re.Match[str]] = []
        for following in after[i:]:
            gap = text[run[-1].end() : following.start()] if run else " "
            if not following.group(0)[:1].isupper() or not _continues(gap, run, following):
                break  # "tỉnh Kon Tum. Ông ...": the next sentence is no part of the place
            run.append(following)
        return _ends_with_place(text, run)
    return False


def _ends_with_place(text: str, words: list[re.Match[str]]) -> bool:
    """Whether the name read so far ends with a place or country, capitalized ("... Hàn
    Quốc", "... tỉnh Kon Tum", "... Campuchia"): a Vietnamese institution's
    name ends with the place it belongs to, so a lowercase word after it is no part of it."""
    run: list[re.Match[str]] = []
    for word in reversed(words):
        if not word.group(0)[:1].isupper():
            break
        run.insert(0, word)
    if not run:
        return False
    from summarizer.stages.places import find_places

    for first in range(len(run) - 1, -1, -1):  # the last syllable, two, three, ...
        phrase = text[run[first].start() : run[-1].end()]
        found = find_places(phrase, "vi")
        spans = [c.span for c in found.countries] + [loc.span for loc in found.locations]
        if any(span.start == 0 and span.end == len(phrase) for span in spans):
            return True
    return False


# An outlet opening a line of the lead: its abbreviation "(ABC) - ", "ABC - ", or its name of
# up to three words in brackets, the first capitalized ("(Tula mới) - ").
_OPENING_OUTLET = re.compile(
    r"^\s*(?:\(?([A-ZĐ]{2,6})\)?|\(([A-ZĐ][^\W\d_]*(?: [^\W\d_]+){0,2})\))\s*[-–—]\s",
    re.MULTILINE,
)


def _dateline_outlet(text: str) -> list[OrganizationFinding]:
    """An outlet opening the article: ``(ABC) - …``, ``ABC - …`` or ``(Name) - …``."""
    match = _OPENING_OUTLET.search(text[:600])
    if not match:
        return []
    group = 1 if match.group(1) else 2
    name = match.group(group)
    return [OrganizationFinding(name, Span.of(text, *match.span(group)), "media", None)]
