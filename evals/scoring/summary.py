"""The summary scorer: English-ness, key-fact coverage, chrF beside it.

The deterministic key-fact matcher is the spec's: a fact is conveyed when every number in
it appears in the summary (in digits or words) and at least 60% of its content words
(case-folded, accent-folded, stemmed, stopwords removed) do. Numbers are compared as values
("3.4 billion" = "3,400,000,000" = "3400000000"); "one" is not read as a number.
``summary`` is scored from the ``summary`` text alone, 0 when it is not English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sacrebleu.metrics import CHRF

from summarizer.language import is_english
from summarizer.textfold import APOSTROPHES, fold

from .fields import as_list
from .registry import Context, FieldResult, scorer

KEY_FACT_WORD_SHARE = 0.6
"""A fact is conveyed when >= this share of its content words occur in the summary (and
every number it states does)."""

_CHRF = CHRF()  # sacrebleu defaults: char order 6, word order 0, beta 2

_STOPWORDS = frozenset(
    """
    a an the and or but of to in on at by for with from into onto as is are was were be been
    being has have had do does did will would shall should can could may might must this that
    these those it its their they them he she his her him we our you your i me my who whom
    whose which what when where while than then there here so such not no nor also very
    about over under after before during between among per via up down out off both each all
    any some other more most own same too just one s t
    """.split()
)

_NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
# "one" is deliberately absent: "one of the ..." is not a number a fact hinges on.

_SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "thousands": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "mln": 1_000_000, "mn": 1_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000, "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip

_IRREGULAR_STEMS: dict[str, str] = {
    "memoranda": "memorandum",
    "memorandums": "memorandum",
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "persons": "person",
    "data": "datum",
    "signatory": "sign",
    "signatories": "sign",
    "signing": "sign",
}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+")
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")


def _parse_number(token: str) -> float:
    """Parse "1,200" (thousands), "3,5" / "3.42" (decimal), "1.200.000" (thousands)."""
    token = _ORDINAL_SUFFIX.sub("", token)
    groups = re.split(r"[.,]", token)
    if len(groups) == 1:
        return float(token)
    separators = re.findall(r"[.,]", token)
    if all(len(g) == 3 for g in groups[1:]) and (
        len(set(separators)) == 1 and (len(groups) > 2 or separators[0] == ",")
    ):
        return float("".join(groups))
    if len(separators) == 1:
        return float(token.replace(",", "."))
    # mixed: the last separator is the decimal point
    last = max(token.rfind("."), token.rfind(","))
    return float(re.sub(r"[.,]", "", token[:last]) + "." + token[last + 1 :])


def _number_key(value: float) -> str:
    """Canonical token of a number ("3420000000", "3.5"), prefixed so it is never a word."""
    value = round(value, 6)
    if value.is_integer():
        return f"#{int(value)}"
    return "#" + format(Decimal(repr(value)).normalize(), "f")


def _stem(word: str) -> str:
    """Light English stemming: a plural -s/-es/-ies first, then -ing/-ed, then a final -e,
    so "meetings", "meeting" and "meet" share a stem; irregular forms by table."""
    if word in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[word]
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", "")):
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not (suffix == "s" and word.endswith(("ss", "us", "is")))
        ):
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[word]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


_POSSESSIVE = re.compile(r"(?<=\w)['\u2019\u02bc]s\b")


def _analyze(text: str) -> list[tuple[str, bool]]:
    """Folded, stemmed content tokens of ``text``, each with "is a number written in digits".

    Numbers become ``#<canonical value>``, whether written in digits or words ("three" ->
    "#3", "3.42 billion" -> "#3420000000", "1,200" -> "#1200", "12th" -> "#12"); stopwords
    are removed.
    """
    raw = _TOKEN.findall(APOSTROPHES.sub("", fold(_POSSESSIVE.sub("", text))))
    tokens: list[tuple[str, bool]] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        number: float | None = None
        digits = tok[0].isdigit()
        if digits:
            try:
                number = _parse_number(tok)
            except ValueError:
                number = None
        elif tok in _NUMBER_WORDS:
            number = float(_NUMBER_WORDS[tok])
            if 20 <= number < 100 and i + 1 < len(raw) and raw[i + 1] in _NUMBER_WORDS:
                unit = _NUMBER_WORDS[raw[i + 1]]
                if unit < 10:
                    number += unit
                    i += 1
        if number is not None:
            while i + 1 < len(raw) and raw[i + 1] in _SCALE_WORDS:  # "three hundred thousand"
                number *= _SCALE_WORDS[raw[i + 1]]
                i += 1
            tokens.append((_number_key(number), digits))
        elif tok not in _STOPWORDS and tok not in _SCALE_WORDS:
            tokens.append((_stem(tok), False))
        i += 1
    return tokens


def _content_tokens(text: str) -> list[str]:
    """The content tokens of ``text`` (see ``_analyze``)."""
    return [token for token, _ in _analyze(text)]


def _is_number(token: str) -> bool:
    return token.startswith("#")


def fact_match(fact: str, summary_tokens: set[str]) -> tuple[bool, float, list[str]]:
    """Whether one fact is conveyed; returns (conveyed, word share, missing tokens)."""
    tokens = list(dict.fromkeys(token for token, _ in _analyze(fact)))
    if not tokens:
        return True, 1.0, []
    numbers = [t for t in tokens if _is_number(t)]
    words = [t for t in tokens if not _is_number(t)]
    missing = [t for t in tokens if t not in summary_tokens]
    missing_words = [t for t in words if t not in summary_tokens]
    share = 1.0 - len(missing_words) / len(words) if words else 1.0
    conveyed = share >= KEY_FACT_WORD_SHARE and all(n in summary_tokens for n in numbers)
    return conveyed, share, missing


def key_fact_coverage(summary: str, key_facts: list[str]) -> tuple[float, list[bool]]:
    """Share of ``key_facts`` the summary conveys (1.0 when there are none) and verdicts."""
    if not key_facts:
        return 1.0, []
    summary_tokens = set(_content_tokens(summary or ""))
    verdicts = [fact_match(fact, summary_tokens)[0] for fact in key_facts]
    return sum(verdicts) / len(verdicts), verdicts


def _chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu sentence chrF (defaults) scaled to [0, 1]."""
    if not hypothesis.strip():
        return 0.0
    return _CHRF.sentence_score(hypothesis, [reference]).score / 100.0


@scorer("summary")
def score_summary(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
    summary = pred.get("summary")
    summary = summary if isinstance(summary, str) else ""
    key_facts = [str(f) for f in as_list(gold.get("key_facts"))]
    english = is_english(summary)
    if not summary.strip():
        verdicts = [False] * len(key_facts)
        coverage = 0.0 if key_facts else 1.0
        method = "empty"
    elif ctx.judge is not None and key_facts:
        verdicts = [bool(v) for v in ctx.judge(summary, key_facts)]
        if len(verdicts) != len(key_facts):
            raise ValueError(
                f"judge returned {len(verdicts)} verdicts for {len(key_facts)} key facts"
            )
        coverage = sum(verdicts) / len(verdicts)
        method = "judge"
    else:
        coverage, verdicts = key_fact_coverage(summary, key_facts)
        method = "lexical"
    reference = (gold.get("expected") or {}).get("summary")
    chrf = _chrf(summary, reference) if isinstance(reference, str) and reference.strip() else None
    extras: dict[str, float | None] = {
        "summary_key_fact_coverage": coverage,
        "summary_chrf": chrf,
        "summary_is_english": 1.0 if english else 0.0,
    }
    details = {
        "is_english": english,
        "coverage": coverage,
        "method": method,
        "facts": [{"fact": f, "conveyed": v} for f, v in zip(key_facts, verdicts, strict=True)],
        "missed_facts": [f for f, v in zip(key_facts, verdicts, strict=True) if not v],
    }
    return FieldResult(coverage if english else 0.0, details, extras)
