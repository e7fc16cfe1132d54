"""English words by their counts: whether a word of a model's English is a word at all.

The counts are pyspellchecker's word list (film subtitles, in the wheel): the faithfulness
check reads a capitalized common word in a title-cased headline as a word, not a name
(:func:`summarizer.stages.faithful.ordinary_english`), and both it and the organization
names read lower-case words that are no English word as source text the model left
untranslated or garbled (:func:`untranslated_words`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Endings a word may carry beyond its plain form ("Discusses" -> "discuss").
_INFLECTIONS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
)
# Endings of English medical and technical words the subtitle counts do not know
# ("angiography", "endoscopy"): words, not untranslated source text.
TERM_ENDINGS = tuple(
    "logy graphy scopy therapy pathy itis tomy plasty iatry iatric logist gram scope".split()
)
MIN_UNTRANSLATED = 2  # unknown lower-case words in one text: one may be a rare word
MIN_COMPOUND_PART = 5  # "telemedicine" = "tele" + "medicine": an English word closing it
MIN_PART_COUNT = 2_000  # how common that closing word must be
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")


@lru_cache(maxsize=1)
def english_counts() -> dict[str, int]:
    """How often each English word occurs, from pyspellchecker's word list (in the wheel)."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def plain_forms(word: str) -> list[str]:
    """``word`` (lower case) and its plain forms without an inflection's ending."""
    return [word] + [
        word[: -len(end)] + plain
        for end, plain in _INFLECTIONS
        if word.endswith(end) and len(word) - len(end) >= 3
    ]


def is_english_word(word: str) -> bool:
    """Whether lower-case ``word`` is an English word: in the counts (by a plain form),
    with a technical ending, or closed by a common English word ("telemedicine")."""
    counts = english_counts()
    if any(counts.get(form, 0) for form in plain_forms(word)) or word.endswith(TERM_ENDINGS):
        return True
    tails = (word[i:] for i in range(1, len(word) - MIN_COMPOUND_PART + 1))
    return any(counts.get(tail, 0) >= MIN_PART_COUNT for tail in tails)


def untranslated_words(text: str) -> list[str]:
    """The lower-case words of ``text`` (four letters or more) that are no English word,
    when there are :data:`MIN_UNTRANSLATED` or more ("the komitet po zdravookhraneniyu");
    [] otherwise: one unknown word may be a rare English one."""
    unknown = [w for w in _LOWER_WORD.findall(text) if not is_english_word(w)]
    return unknown if len(unknown) >= MIN_UNTRANSLATED else []
