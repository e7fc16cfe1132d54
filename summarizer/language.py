"""Deterministic language identification (py3langid) and the English check.

The embedded model called a Kazakh article ``ru``; a character-n-gram classifier does not.
Kazakh-specific letters (ә ғ қ ұ һ і) settle ru/kk/ky confusions; ң ө ү without them
mean Kyrgyz.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.schemas.iso_codes import ISO_639_1
from summarizer.textfold import fold

# Letters of Kazakh that Kyrgyz does not use; ң ө ү are shared by both, so they decide
# nothing between the two.
_KAZAKH_LETTERS = re.compile(r"[әғқұһіӘҒҚҰҺІ]")
_KYRGYZ_KAZAKH_SHARED = re.compile(r"[ңөүҢӨҮ]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no public type for its identifier
    """py3langid's model, kept unpacked in the user cache dir: unpacking its compressed
    model takes ~0.5 s at every start, loading the unpacked one ~0.05 s."""
    from py3langid.langid import _load_identifier

    from summarizer.stages.disk_cache import cached_table, source_digest

    return cached_table(
        "py3langid",
        source_digest(__file__, "py3langid", "numpy"),
        lambda: _load_identifier(norm_probs=True),
    )


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when it has no letters."""
    if not any(ch.isalpha() for ch in text):
        return None
    code, _prob = _identifier().classify(text)
    cyrillic = len(_CYRILLIC.findall(text))
    kazakh = len(_KAZAKH_LETTERS.findall(text))
    if code in {"ru", "kk", "ky", "mn", "bg", "uk", "be", "sr", "mk"} and cyrillic:
        # Kazakh prose has several of its own letters per hundred Cyrillic ones.
        if kazakh >= max(3, 0.01 * cyrillic):
            return "kk"
        if code in {"kk", "ky"}:
            shared = len(_KYRGYZ_KAZAKH_SHARED.findall(text))
            return "ky" if shared >= max(3, 0.01 * cyrillic) else "ru"
    # The classifier knows a few languages without an ISO 639-1 code (e.g. Wu Chinese).
    return str(code) if code in ISO_639_1 else None


_LATIN_WORD = re.compile(r"[a-z]+")

# Common English function words; running English prose is ~30-50% these, news summaries
# dense with names ~20%+. De-accented Vietnamese shares a few (an, so, do, he, the, can, ...)
# but they make up only ~2-3% of its words.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a an the of and or to in on at by for with from into onto as is are was were be been
    being has have had will would shall should can could may might must this that these
    those it its their they them he his she her we our who whom whose which what when where
    while than then there not also about after before during between among against over
    under through within without across toward towards upon such both each all any some
    several other more most said including
    """.split()
)

# Frequent Vietnamese words as they look without diacritics (none is an English word, and
# none is a common part of Vietnamese personal names).
_VIETNAMESE_WORDS = frozenset(
    """
    cua va cac nhung duoc nguoi trong voi cho da tai nay mot khong den ve la co theo nhieu
    cung viec hop tac benh vien bo truong thu tuong tinh pho thang ngay nhu tiep doan dai
    bieu hoi nghi ky ket giua nuoc quoc gia phat trien linh vuc suc khoe chu tich giam doc
    thoi tren sau khi se dang rat ong vao cham soc chat luong
    """.split()
)

MIN_ASCII_LETTER_SHARE = 0.9
MIN_ENGLISH_WORD_SHARE = 0.12
MAX_VIETNAMESE_WORD_SHARE = 0.15


def is_english(text: str) -> bool:
    """Deterministic check that ``text`` is English prose.

    All must hold:

    * at least ``MIN_ASCII_LETTER_SHARE`` (90%) of the letters are plain ASCII a-z (rejects
      Cyrillic Russian/Kazakh and accented Vietnamese, where ~25% of letters carry marks;
      English prose with a few accented transliterated names passes);
    * at least ``MIN_ENGLISH_WORD_SHARE`` (12%) of the Latin words are common English function
      words (the, of, and, to, in, with, ...; de-accented Vietnamese has ~2-3%);
    * fewer than ``MAX_VIETNAMESE_WORD_SHARE`` (15%) of the words are common de-accented
      Vietnamese words ("cua", "va", "duoc", "bo", "truong", ...).
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    ascii_letters = sum(1 for ch in letters if ch.isascii())
    if ascii_letters / len(letters) < MIN_ASCII_LETTER_SHARE:
        return False
    words = _LATIN_WORD.findall(fold(text))
    if not words:
        return False
    english = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    vietnamese_words = sum(1 for w in words if w in _VIETNAMESE_WORDS)
    return (
        english / len(words) >= MIN_ENGLISH_WORD_SHARE
        and vietnamese_words / len(words) < MAX_VIETNAMESE_WORD_SHARE
    )
