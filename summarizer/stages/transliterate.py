"""Cyrillic names to English Latin spelling by a fixed letter table (Russian and Kazakh).

A table, not a model: names must come out the same way every time, and the common English
news spelling of Russian names follows BGN/PCGN closely (``Юрий Жуков`` -> ``Yury Zhukov``,
``Алексей`` -> ``Aleksey``). Kazakh adds its own letters (``ә ғ қ ң ө ұ ү һ і``), written
without diacritics as English news does (``Қасым`` -> ``Kasym``). ``е`` is ``ye`` at the
start of a word and after a vowel or a sign; ``ё`` likewise ``yo``; ``ъ``/``ь`` are dropped.
Other scripts pass through ``anyascii`` (a well-kept generic transliterator). The letter
tables are data: ``summarizer/languages/<code>/letters.json``.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from summarizer import languages

# The letter tables are data: ``summarizer/languages/<code>/letters.json``, merged over
# every language folder that has one.
_TABLES = [languages.load(code, "letters") for code in languages.languages_with("letters")]
_LETTERS: dict[str, str] = {k: v for table in _TABLES for k, v in table.get("letters", {}).items()}
_VOWELS = set("".join(table.get("vowels", "") for table in _TABLES))
# Spelled differently at a word's start or after a vowel or sign.
_SOFTENED: dict[str, str] = {
    k: v for table in _TABLES for k, v in table.get("softened", {}).items()
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _word(word: str) -> str:
    out: list[str] = []
    previous = ""
    for char in word:
        low = char.lower()
        if low in _LETTERS:
            soft = low in _SOFTENED and (not previous or previous in _VOWELS or previous in "ъь")
            latin = _SOFTENED[low] if soft else _LETTERS[low]
            if char.isupper() and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
        else:
            out.append(anyascii(char) if _CYRILLIC.match(char) else char)
        previous = low
    return "".join(out)


@cache
def _latin_letters(language: str) -> tuple[dict[str, str], re.Pattern[str] | None]:
    table = languages.load(language, "letters").get("latin_letters", {})
    keys = sorted({*table, *(k[:1].upper() + k[1:] for k in table)}, key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, keys))) if keys else None


def _respelled(text: str, language: str) -> str:
    """A Latin-script name in the English spelling of its language's letters
    (``Məmmədov`` -> ``Mammadov`` in Azerbaijani); unchanged for a language without them."""
    table, letters = _latin_letters(language)
    if letters is None:
        return text

    def spell(match: re.Match[str]) -> str:
        found = match.group(0)
        latin = table[found[:1].lower() + found[1:]]
        return latin[:1].upper() + latin[1:] if found[:1].isupper() else latin

    return letters.sub(spell, text)


def to_latin(text: str, language: str | None = None) -> str:
    """``text`` in Latin letters: Cyrillic by the table, anything else by ``anyascii``.

    Latin text passes unchanged except for diacritics, which English names drop
    (``Nguyễn`` -> ``Nguyen``), and, in a ``language`` whose letters English news spells
    otherwise, those letters (Azerbaijani ``Xəlil`` -> ``Khalil``).
    """
    if not _CYRILLIC.search(text):
        return anyascii(_respelled(text, language) if language else text)
    # Word by word, so the start-of-word rule sees word boundaries.
    return re.sub(r"[^\W\d_]+", lambda m: _word(m.group(0)), text)
