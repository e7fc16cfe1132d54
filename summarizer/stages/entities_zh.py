"""Chinese organizations named by an owner and a head word, with their English names.

Chinese writes a public body as its owner and a head, unspaced: a country and a ministry
(``<country>卫生部``: the Ministry of Health of that country), a place or the nation and a
commission, bureau or government (``<place>市卫生健康委员会``: the <Place> Municipal Health
Commission, ``国家…``: National …). The heads and the words between are data
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
MAX_OWNER = 10  # characters of the longest owner name tried


@cache
def _data() -> dict:
    return languages.load("zh", "organizations")


@cache
def _head_pattern() -> re.Pattern[str]:
    heads = [*_data()["ministry_heads"], *_data()["body_heads"]]
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


def _body(text: str, head: re.Match[str], places: dict[str, str]) -> tuple[int, str, str] | None:
    """A body a place owns (with a level word between: 市, 省) or the nation owns:
    ``(start, English name, English name without the level)``."""
    english = _data()["body_heads"][head.group(0)]
    for word, national in _data()["national_words"].items():
        if text.endswith(word, 0, head.start()):
            name = f"{national} {english}"
            return head.start() - len(word), name, name
    end, level = head.start(), ""
    for word, adjective in _data()["levels"].items():
        if text.endswith(word, 0, end):
            end, level = end - len(word), f"{adjective} "
            break
    owner = _owner_before(text, end, places)
    if owner is None:
        return None
    return owner[0], f"{owner[1]} {level}{english}", f"{owner[1]} {english}"


def find_organizations(text: str, language: str | None = None) -> list[OrganizationFinding]:
    """Public bodies named by a known owner and a head word, once each: a short mention
    without the level word (上海卫健委) is the body named in full elsewhere."""
    places = _places(text)
    found: dict[str, OrganizationFinding] = {}
    for head in _head_pattern().finditer(text):
        if head.group(0) in _data()["ministry_heads"]:
            ministry = _ministry(text, head)
            named = (*ministry, ministry[1]) if ministry else None
        else:
            named = _body(text, head, places)
        if named is None:
            continue
        start, english, key = named
        if key in found and found[key].english != key:
            continue  # the body is named in full already
        span = Span.of(text, start, head.end())
        found[key] = OrganizationFinding(span.text, span, KIND, english)
    return list(found.values())
