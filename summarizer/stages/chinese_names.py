"""Chinese people's names written in Cyrillic, back to pinyin; Han names in Chinese text.

Russian and Kazakh texts write Chinese names by the Palladius system ("Чжоу Цзюньхуа"); a
letter-by-letter transliteration makes them unrecognizable in English ("Chzhou
Tszyunkhua"), where the person is known by the pinyin spelling ("Zhou Junhua"). The
syllable tables are data (``languages/_common/palladius.json``); a name is converted
only when every word splits into Palladius syllables and the first is a common Chinese
surname, and the caller applies it only to articles that name China.

In Chinese text (:func:`find_people`) a Han name is found next to a title (``主任<name>``,
``<name>处长``) and written in pinyin by ``pypinyin``; the words are data
(``languages/zh/people.json``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from summarizer import languages
from summarizer.stages.entities import PersonFinding

MAX_SYLLABLES = 3  # per word: a surname or a given name


@cache
def _syllables() -> dict[str, str]:
    """Every Palladius syllable (Cyrillic) -> its pinyin."""
    data = languages.load("_common", "palladius")
    table = dict(data["zero_initial"])
    for initial, latin in data["initials"].items():
        for final, pinyin in data["finals"].items():
            if final == "ы" and latin not in ("z", "c", "s"):
                continue  # "ы" only after z, c, s (zi, ci, si)
            if pinyin[0] in "iü" and initial in data["palatal"] and final != "ы":
                start = data["palatal"][initial]  # цзи -> ji, сюй -> xu
                table[initial + final] = start + pinyin.replace("ü", "u")
                continue
            if latin in ("zh", "ch", "sh", "r") and final == "и":
                table[initial + final] = latin + "i"  # чжи -> zhi
                continue
            if final == "о" and latin not in ("b", "p", "m", "f"):
                pinyin = "uo"  # до -> duo, бо -> bo
            table[initial + final] = latin + pinyin.replace("ü", "u")
    return table


def _cost(parts: list[str]) -> float:
    """Fewest syllables first; then fewest syllables without an initial inside the word
    ("Хэнань" is he-nan, not heng-an)."""
    zero = _zero_initial()
    return len(parts) + 0.5 * sum(p in zero for p in parts[1:])


@cache
def _zero_initial() -> frozenset[str]:
    return frozenset(languages.load("_common", "palladius")["zero_initial"])


def _split(word: str) -> list[str] | None:
    """The Palladius syllables that spell ``word`` (lower case) at the least
    :func:`_cost`, or None."""
    table = _syllables()
    longest = max(map(len, table))
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for size in range(1, min(longest, end) + 1):
            before = best[end - size]
            piece = word[end - size : end]
            if before is not None and piece in table:
                candidate = [*before, piece]
                current = best[end]
                if current is None or _cost(candidate) < _cost(current):
                    best[end] = candidate
    return best[len(word)]


def pinyin_name(cyrillic: str) -> str | None:
    """``Гао Линьфэн`` -> ``Gao Linfeng``; None when the name is not a Chinese name
    written by the Palladius system."""
    words = re.findall(r"[^\W\d_]+", cyrillic.lower().replace("ё", "е"))
    if not 2 <= len(words) <= 3:
        return None
    spelled = []
    for word in words:
        # no Palladius syllable ends in "м": "-ом"/"-ем" is a Russian instrumental ending
        parts = _split(re.sub(r"[оеё]м$", "", word))
        if not parts or len(parts) > MAX_SYLLABLES:
            return None
        spelled.append("".join(_syllables()[p] for p in parts))
    surnames = set(languages.load("_common", "palladius")["surnames"])
    if spelled[0] not in surnames:  # Chinese order: the surname first
        return None
    return " ".join(s.capitalize() for s in spelled)


# Letter runs only Palladius spellings of Chinese have: a place name must hold one, so a
# Russian name that happens to split into syllables ("Сахалин") is never read as Chinese.
_PALLADIUS_ONLY = re.compile(r"цз|чж|сю|цю|сян|цян|эй|энь|юань|уань|хэ|ся")


def pinyin_place(cyrillic: str) -> str | None:
    """``Цзилинь`` -> ``Jilin``: a one-word place name of two to four Palladius
    syllables with a Palladius-only letter run; None otherwise."""
    word = cyrillic.lower().replace("ё", "е")
    if " " in word or not _PALLADIUS_ONLY.search(word):
        return None
    parts = _split(word)
    if not parts or not 2 <= len(parts) <= 4:
        return None
    return "".join(_syllables()[p] for p in parts).capitalize()


def pinyin_adjective(adjective: str) -> str | None:
    """``цзилиньский`` -> ``Jilin``: the pinyin of the Chinese place a "-ский" adjective is
    made from (its stem, or the stem without a "-й" the suffix follows, read by
    :func:`pinyin_place`); None when neither is a Palladius place name."""
    word = adjective.lower()
    if not word.endswith(_ADJECTIVE_SUFFIX):
        return None
    base = word.removesuffix(_ADJECTIVE_SUFFIX)
    return next((p for stem in (base, base.removesuffix("й")) if (p := pinyin_place(stem))), None)


_ADJECTIVE_SUFFIX = "ский"  # a place adjective's dictionary form: "-ский"

# Where Chinese names come from: an article naming one of these may write them in Cyrillic.
CHINESE_NAME_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})


def pinyin_person(person: PersonFinding) -> PersonFinding:
    """The person with the pinyin name when the Cyrillic words behind their Latin name are
    a Chinese name (:func:`pinyin_name`), else unchanged."""
    from summarizer.stages.entities import latin_name

    def normal(word: str, token: str) -> str | None:
        """The start of ``word`` whose Latin spelling is ``token``: the clause may hold an
        inflected form of the name ("Линьфэном" for the dictionary form "Линьфэн")."""
        k = next((k for k in range(1, len(word) + 1) if latin_name(word[:k]).lower() == token), 0)
        while 0 < k < len(word) and word[k] in "ьЬъЪ":  # a soft sign is no Latin letter
            k += 1
        return word[:k] or None

    words = re.findall(r"[\u0400-\u04ff]+", person.span.text)
    tokens = person.name.lower().split()
    for i in range(len(words) - len(tokens) + 1):
        window = [normal(w, t) for w, t in zip(words[i : i + len(tokens)], tokens, strict=True)]
        if all(window):
            pinyin = pinyin_name(" ".join(w for w in window if w))
            return replace(person, name=pinyin) if pinyin else person
    return person


# -- Han names in Chinese text -------------------------------------------------------------

GIVEN_LENGTHS = (2, 1)  # characters of a given name, the longer tried first
_HAN_PUNCTUATION = '，。、；：！？,.;:!?（）()“”"「」《》 \n'


@cache
def _han_people() -> dict:
    return languages.load("zh", "people")


@cache
def _han_title_pattern() -> re.Pattern[str]:
    titles = sorted(_han_people()["titles"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, titles)))


def _breaks_after(text: str, end: int) -> bool:
    """Whether a name may end at ``end``: the text ends, or punctuation, a digit (a date:
    ``<name>1日``), a title or a word of ``name_breaks`` follows."""
    if end >= len(text) or text[end] in _HAN_PUNCTUATION or text[end].isdigit():
        return True
    words = _han_people()["name_breaks"]
    return bool(_han_title_pattern().match(text, end)) or text.startswith(tuple(words), end)


def _han_name(candidate: str) -> bool:
    """A family name then given characters none of which writes foreign names, not opening
    an institution's word (``not_names``)."""
    people = _han_people()
    foreign = set(people["transliteration_characters"])
    if candidate[:2] in people["not_names"] or _names_country(candidate):
        return False
    if any(c in _HAN_PUNCTUATION or c.isdigit() for c in candidate):
        return False  # 季勇、: a name ends at punctuation
    return candidate[:1] in people["family_names"] and not foreign & set(candidate)


def _names_country(candidate: str) -> bool:
    """Whether the characters open a country's Chinese name (苏丹大使: Sudan's ambassador)."""
    from summarizer.stages.places import country_names_in

    return any(name.startswith(candidate) for name in country_names_in("zh"))


def _inside_country_name(text: str, begin: int, end: int) -> bool:
    """Whether the characters ``text[begin:end]`` are part of a country's Chinese name
    written around them (驻多米尼克大使: the tail of the country, not a name)."""
    from summarizer.stages.places import country_names_in

    candidate = text[begin:end]
    for name in country_names_in("zh"):
        at = name.find(candidate)
        if at > 0 and text.startswith(name, begin - at):
            return True
    return False


def _name_after_title(text: str, end: int) -> tuple[int, int] | None:
    """The Han name that starts right after a title ending at ``end`` (主任<name>)."""
    for given in GIVEN_LENGTHS:
        stop = end + 1 + given
        if stop <= len(text) and _han_name(text[end:stop]) and _breaks_after(text, stop):
            return end, stop
    return None


def _ends_institution(candidate: str) -> bool:
    return candidate[-1] in _han_people()["institution_endings"]


def _name_before_title(text: str, start: int) -> tuple[int, int] | None:
    """The Han name that ends right before a title starting at ``start`` (<name>主任)."""
    for given in GIVEN_LENGTHS:
        begin = start - 1 - given
        candidate = text[begin:start]
        if (
            begin >= 0
            and _han_name(candidate)
            and not _after_numeral(text, begin)
            and not _ends_institution(candidate)
            and not _inside_country_name(text, begin, start)
        ):
            return begin, start
    return None


def _after_numeral(text: str, begin: int) -> bool:
    """Whether the characters at ``begin`` follow a numeral (30余名医生: "over 30 doctors",
    a count and its measure word, no family name 余)."""
    return begin > 0 and text[begin - 1] in _han_people()["numerals"]


def pinyin_han(name: str) -> str:
    """``马晓伟`` -> ``Ma Xiaowei``: the family name, then the given name in one word."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    return f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}"


def find_people(text: str, language: str | None = None) -> list[PersonFinding]:
    """Han names a title stands next to (``副主任朱烈滨``, ``刘华处长``), in pinyin, each
    with the title as its role; names in order of first mention."""
    from summarizer.stages.entities import merge_people
    from summarizer.stages.spans import Span

    found = []
    for title in _han_title_pattern().finditer(text):
        after = _name_after_title(text, title.end())
        for where in (after, _name_before_title(text, title.start())):
            if where is None:
                continue
            start, end = min(where[0], title.start()), max(where[1], title.end())
            name = pinyin_han(text[where[0] : where[1]])
            found.append(PersonFinding(name, Span.of(text, start, end), title.group(0)))
    found.sort(key=lambda f: f.span.start)
    return merge_people(found)
