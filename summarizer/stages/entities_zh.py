"""Chinese organizations named by an owner and a head word, with their English names.

Chinese writes a public body as its owner and a head, unspaced: a country and a ministry
(``<country>卫生部``: the Ministry of Health of that country), a place or the nation and a
commission, bureau or government (``<place>市卫生健康委员会``: the <Place> Municipal Health
Commission, ``国家…``: National …), a place and a hospital (``<place>省第一人民医院``), an
owner country, 驻 and a host country and a mission (``<country>驻<country>大使馆``: the
Embassy of <Owner> in <Host>), two countries' one-character abbreviations and a friendship
hospital (``中<X>友好医院``). The heads and the words between are data
(``languages/zh/organizations.json``); the owners are the CLDR country names (simplified
and traditional) and the places :mod:`summarizer.stages.places` finds in the article. A
head with no known owner right before it is no finding: the model's reading stands.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer import languages
from summarizer.stages.entities import OrganizationFinding
from summarizer.stages.spans import Span

KIND = "government"
HOSPITAL = "hospital"
MAX_OWNER = 10  # characters of the longest owner name tried


@cache
def _data() -> dict:
    return languages.load("zh", "organizations")


@cache
def _head_pattern() -> re.Pattern[str]:
    data = _data()
    heads = [
        *data["ministry_heads"],
        *data["body_heads"],
        *data["mission_heads"],
        *data["hospital_heads"],
        *data["friendship_heads"],
    ]
    return re.compile("|".join(map(re.escape, sorted(heads, key=len, reverse=True))))


@cache
def _countries() -> dict[str, str]:
    """Every Chinese CLDR country name -> its English short name."""
    from summarizer.stages.places import country_name, territory_names, zh_locales

    return {
        name: country_name(code)
        for locale in zh_locales()
        for code, name in territory_names(locale).items()
        if len(code) == 2 and code.isalpha()
    }


def _places(text: str) -> dict[str, str]:
    """The article's places as written, with and without a level word (昆明市, 昆明) ->
    their English names."""
    from summarizer.stages.places import find_places

    places = {}
    for place in find_places(text, "zh").locations:
        written = place.span.text
        places[written] = place.name
        for word in _data()["levels"]:
            if written.endswith(word) and len(written) > len(word):
                places[written[: -len(word)]] = place.name
    return places


def _owner_before(text: str, end: int, owners: dict[str, str]) -> tuple[int, str] | None:
    """The longest owner name ending at ``end``: ``(start, English name)``."""
    for size in range(min(MAX_OWNER, end), 0, -1):
        english = owners.get(text[end - size : end])
        if english:
            return end - size, english
    return None


def _ministry(text: str, head: re.Match[str]) -> tuple[int, str] | None:
    owner = _owner_before(text, head.start(), _countries())
    if owner is None:
        return None
    return owner[0], f"{_data()['ministry_heads'][head.group(0)]} of {owner[1]}"


def _placed(text: str, end: int, places: dict[str, str]) -> tuple[int, str, str] | None:
    """The place that owns what starts at ``end``, with a level word between (市, 省):
    ``(start, English place name, level adjective with a space or "")``."""
    level = ""
    for word, adjective in _data()["levels"].items():
        if text.endswith(word, 0, end):
            end, level = end - len(word), f"{adjective} "
            break
    owner = _owner_before(text, end, places)
    return None if owner is None else (owner[0], owner[1], level)


def _body(text: str, head: re.Match[str], places: dict[str, str]) -> tuple[int, str, str] | None:
    """A body a place owns (with a level word between: 市, 省) or the nation owns:
    ``(start, English name, English name without the level)``."""
    english = _data()["body_heads"][head.group(0)]
    for word, national in _data()["national_words"].items():
        if text.endswith(word, 0, head.start()):
            name = f"{national} {english}"
            return head.start() - len(word), name, name
    placed = _placed(text, head.start(), places)
    if placed is None:
        return None
    start, place, level = placed
    return start, f"{place} {level}{english}", f"{place} {english}"


def _hospital(
    text: str, head: re.Match[str], places: dict[str, str]
) -> tuple[int, str, str] | None:
    """A hospital a place owns, an ordinal perhaps between (<place>市第一人民医院):
    ``(start, English name, English name without the level)``."""
    english, end = _data()["hospital_heads"][head.group(0)], head.start()
    for word, ordinal in _data()["ordinals"].items():
        if text.endswith(word, 0, end):
            end, english = end - len(word), f"{ordinal} {english}"
            break
    placed = _placed(text, end, places)
    if placed is None:
        return None
    start, place, level = placed
    return start, f"{place} {level}{english}", f"{place} {english}"


def _named_countries(text: str) -> dict[str, str]:
    """The countries the article names in full: Chinese name -> English name."""
    return {name: english for name, english in _countries().items() if name in text}


def _abbreviated(character: str, named: dict[str, str]) -> str | None:
    """The country a one-character abbreviation stands for: a fixed one (华: China) or
    the only country the article names in full whose Chinese name starts with it."""
    fixed = _data()["country_abbreviations"].get(character)
    if fixed:
        return fixed
    matches = {english for name, english in named.items() if name.startswith(character)}
    return matches.pop() if len(matches) == 1 else None


def _country_before(text: str, end: int, named: dict[str, str]) -> tuple[int, str] | None:
    """The country written right before ``end``, in full or by its abbreviation."""
    full = _owner_before(text, end, _countries())
    if full or end == 0:
        return full
    english = _abbreviated(text[end - 1], named)
    return (end - 1, english) if english else None


def _mission(text: str, head: re.Match[str], named: dict[str, str]) -> tuple[int, str] | None:
    """``<owner>驻<host><head>`` -> ``(start, "<Head> of <Owner> in <Host>")``; with no
    owner written before 驻 the owner is the unstated one (China)."""
    host = _country_before(text, head.start(), named)
    if host is None:
        return None
    stationed = next((w for w in _data()["stationed_words"] if text.endswith(w, 0, host[0])), None)
    if stationed is None:
        return None
    owner = _owner_before(text, host[0] - len(stationed), _countries())
    start, owner_name = owner or (host[0] - len(stationed), _data()["unstated_owner"])
    if owner_name == host[1]:
        return None
    return start, f"{_data()['mission_heads'][head.group(0)]} of {owner_name} in {host[1]}"


def _friendship(text: str, head: re.Match[str], named: dict[str, str]) -> tuple[int, str] | None:
    """``<A><B>友好医院``, each country by one character -> ``"A-B Friendship Hospital"``."""
    start = head.start() - 2
    if start < 0:
        return None
    pair = [_abbreviated(character, named) for character in text[start : head.start()]]
    if None in pair or pair[0] == pair[1]:
        return None
    return start, f"{pair[0]}-{pair[1]} {_data()['friendship_heads'][head.group(0)]}"


def _named(
    text: str, head: re.Match[str], places: dict[str, str], named: dict[str, str]
) -> tuple[int, str, str, str] | None:
    """The organization a head word ends: ``(start, English name, key, kind)``."""
    data, word = _data(), head.group(0)
    if word in data["ministry_heads"]:
        found = _ministry(text, head)
        return (*found, found[1], KIND) if found else None
    if word in data["mission_heads"]:
        found = _mission(text, head, named)
        return (*found, found[1], KIND) if found else None
    if word in data["friendship_heads"]:
        found = _friendship(text, head, named)
        return (*found, found[1], HOSPITAL) if found else None
    if word in data["hospital_heads"]:
        placed = _hospital(text, head, places)
        return (*placed, HOSPITAL) if placed else None
    placed = _body(text, head, places)
    return (*placed, KIND) if placed else None


def find_organizations(text: str, language: str | None = None) -> list[OrganizationFinding]:
    """Public bodies, missions and hospitals named by a known owner and a head word, once
    each: a short mention without the level word (上海卫健委) is the body named in full
    elsewhere."""
    places, named = _places(text), _named_countries(text)
    found: dict[str, OrganizationFinding] = {}
    for head in _head_pattern().finditer(text):
        organization = _named(text, head, places, named)
        if organization is None:
            continue
        start, english, key, kind = organization
        if key in found and not (english != key and found[key].english == key):
            continue  # the first mention stands unless this one adds the level word
        span = Span.of(text, start, head.end())
        found[key] = OrganizationFinding(span.text, span, kind, english)
    return list(found.values())
