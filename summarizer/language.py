"""Deterministic language identification (py3langid), used where no model is needed.

The embedded model called a Kazakh article ``ru``; a character-n-gram classifier does not.
Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і) settle ru/kk confusions on short texts.
"""

from __future__ import annotations

import re
from functools import lru_cache

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no public type for its identifier
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


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
        if code == "kk":
            return "ru"
    return str(code)


def is_english(text: str) -> bool:
    """True when ``text`` reads as English (not Russian, Kazakh, or de-accented Vietnamese)."""
    stripped = text.strip()
    if not stripped:
        return False
    code, prob = _identifier().classify(stripped)
    return code == "en"
