"""Text folding shared by scoring, grounding and language identification.

One place decides what "the same text, ignoring case and accents" means:

* :func:`strip_accents` removes diacritics (and folds letters NFKD cannot split, like đ, ø);
* :func:`fold` does that and case-folds (keeps non-Latin scripts, minus their accents);
* :func:`normalize_name` folds a name and turns punctuation into spaces, for name matching;
* :class:`MatchText` folds case, quote marks, dashes, whitespace and ё/е for locating a
  quote in a source while keeping the map back to source offsets.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into base letter + combining mark.
_LETTER_TABLE = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
    }
)
APOSTROPHES = re.compile(r"[\u0027\u0060\u00b4\u2018\u2019\u02bb\u02bc\u02b9]")

# Characters folded when locating a quote: typographic quotes, dashes, ё and soft hyphens.
_MATCH_CHARS = {
    "«": '"',
    "»": '"',
    "„": '"',
    "“": '"',
    "”": '"',
    "‟": '"',
    "″": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "`": "'",
    "´": "'",
    "–": "-",
    "—": "-",
    "‑": "-",
    "‒": "-",
    "―": "-",
    "−": "-",
    "ё": "е",
    "Ё": "е",
    "\u00ad": "",
}


def strip_accents(text: str) -> str:
    """Remove diacritics: "Hội An" -> "Hoi An", "Łódź" -> "Lodz"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Case-fold and strip diacritics (non-Latin scripts are kept, minus their accents)."""
    return strip_accents(text).casefold().translate(_LETTER_TABLE)


def normalize_name(name: str) -> str:
    """Fold case, diacritics and punctuation, collapse whitespace.

    Apostrophes are deleted ("O'Hara" -> "ohara"); every other non-alphanumeric character
    becomes a space ("Ust-Kut" -> "ust kut").
    """
    text = APOSTROPHES.sub("", fold(name))
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(text.split())


class MatchText:
    """A folded copy of a text plus the map from each folded char back to the original."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        previous_space = True
        for index, raw in enumerate(text):
            for ch in unicodedata.normalize("NFKC", raw):
                ch = _MATCH_CHARS.get(ch, ch).casefold()
                if not ch:
                    continue
                if ch.isspace():
                    if previous_space:
                        continue
                    ch = " "
                    previous_space = True
                else:
                    previous_space = False
                for sub in ch:
                    chars.append(sub)
                    origin.append(index)
        self.text = "".join(chars)
        self.origin = origin
        self.source_length = len(text)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) back to source offsets."""
        end_index = self.origin[end - 1] + 1 if end > start else self.origin[start]
        return self.origin[start], end_index


def match_fold(text: str) -> str:
    """The folding used for locating quotes, as a plain string."""
    return MatchText(text).text.strip()
