"""Score one ArticleSummary prediction against a gold file, and aggregate a run.

Implements the "Scoring" and "Edge cases" sections of ``article-schema.md`` (ArticleSummary
v1). Pure: no model, no network, no I/O. Every number is deterministic; the only optional
non-determinism is a caller-supplied ``judge`` for summary key-fact coverage.

Decisions the spec leaves open (fixed here so that re-scoring gives the same numbers):

* Names (people, organizations, locations) are compared after :func:`normalize_name`.
  Similarity is ``max(fuzz.ratio, fuzz.token_sort_ratio) / 100`` (rapidfuzz) so that a
  reordered name ("A Nguyen Van" vs "Nguyen Van A") matches; a pair matches at
  ``>= NAME_SIMILARITY_THRESHOLD`` (0.85) against the gold name or any of its aliases.
  One-to-one matching is greedy, best similarity first (ties: earlier prediction, earlier gold).
* ``language`` and ``event_date`` are exact string matches (``None == None`` is correct).
* Set fields compare codes/terms stripped and case-folded.
* Predicted duplicates are dropped before scoring: set fields by folded value, entities by
  normalized name, agreements by (kind, subject, parties, count), figures by (value, unit).
* Figures match when ``|pred - gold| <= 0.5% * |gold|`` (inclusive); a gold value of 0 needs 0.
* Agreements: multiset F1 on ``kind``; ``agreements_count_error`` is
  ``|sum(pred counts) - sum(gold counts)|`` with a missing/non-integer count read as 1.
* Summary field = 0 unless :func:`is_english`, else key-fact coverage (judge or
  :func:`key_fact_coverage`). The ``summary_key_fact_coverage`` extra is the coverage *before*
  the English gate, so a good summary in the wrong language is visible in the report.
* A failed article (``predicted is None``) scores 0 on every field; its extras are those of
  an empty prediction (count error = gold count sum, coverage 0, chrF 0 when a reference
  exists, not English, grounding rate None).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from sacrebleu.metrics import CHRF

from summarizer.language import is_english

__all__ = [
    "FIELDS",
    "ArticleScore",
    "aggregate",
    "is_english",
    "key_fact_coverage",
    "normalize_name",
    "score_article",
]

FIELDS: tuple[str, ...] = (
    "language",
    "event_date",
    "countries",
    "event_types",
    "medical_fields",
    "people",
    "organizations",
    "locations",
    "agreements",
    "figures",
    "summary",
)
"""The 11 scored fields, in spec order; ``overall`` is their unweighted mean."""

EXTRAS: tuple[str, ...] = (
    "grounding_rate",
    "agreements_count_error",
    "summary_key_fact_coverage",
    "summary_chrf",
    "summary_is_english",
)
"""Numbers reported beside the field scores, never averaged into ``overall``."""

SET_FIELDS: tuple[str, ...] = ("countries", "event_types", "medical_fields")
ENTITY_FIELDS: tuple[str, ...] = ("people", "organizations", "locations")

NAME_SIMILARITY_THRESHOLD = 0.85
FIGURE_RELATIVE_TOLERANCE = 0.005
KEY_FACT_RECALL_THRESHOLD = 0.5
"""A key fact is conveyed when >= this share of its content words occur in the summary
(and every number it writes in digits does)."""

Judge = Callable[[str, list[str]], list[bool]]

_CHRF = CHRF()  # sacrebleu defaults: char order 6, word order 0, beta 2


@dataclass
class ArticleScore:
    """Scores of one article: 11 field scores in [0, 1], their mean, extras and diagnostics."""

    article_id: str
    language: str  # gold language, used for per-language grouping
    failed: bool
    fields: dict[str, float]
    overall: float
    extras: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Text normalization
# ---------------------------------------------------------------------------

# Letters that NFKD does not decompose into base letter + combining mark.
_FOLD_TABLE = str.maketrans(
    {
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "þ": "th",
    }
)
_APOSTROPHES = re.compile(r"[\u0027\u0060\u00b4\u2018\u2019\u02bb\u02bc\u02b9]")


def _fold(text: str) -> str:
    """Case-fold and strip diacritics (keeps non-Latin scripts, minus their accents)."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold().translate(_FOLD_TABLE)


def normalize_name(name: str) -> str:
    """Fold case, diacritics and punctuation, collapse whitespace.

    Apostrophes are deleted ("Xi'an" -> "xian"); every other non-alphanumeric character
    becomes a space ("Yuzhno-Sakhalinsk" -> "yuzhno sakhalinsk").
    """
    text = _APOSTROPHES.sub("", _fold(name))
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(text.split())


def _name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two *normalized* names: best of plain and token-sorted ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0


# ---------------------------------------------------------------------------
# English-ness
# ---------------------------------------------------------------------------

# One English check for the library (summary re-ask) and the scorer alike.


# ---------------------------------------------------------------------------
# Lexical key-fact matcher
# ---------------------------------------------------------------------------

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
    return f"#{value:g}"


def _stem(word: str) -> str:
    """Light English suffix stripping: one of -ies/-sses/-ing/-ed/-es/-s, then a final -e."""
    if word in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[word]
    if len(word) <= 3:
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not (suffix == "s" and word.endswith(("ss", "us", "is")))
        ):
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _analyze(text: str) -> list[tuple[str, bool]]:
    """Folded, stemmed content tokens of ``text``, each with "is a number written in digits".

    Numbers become ``#<canonical value>``, whether written in digits or words ("three" ->
    "#3", "3.42 billion" -> "#3420000000", "1,200" -> "#1200", "12th" -> "#12"); stopwords
    are removed.
    """
    raw = _TOKEN.findall(_APOSTROPHES.sub("", _fold(text)))
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
            if i + 1 < len(raw) and raw[i + 1] in _SCALE_WORDS:
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


def _fact_match(fact: str, summary_tokens: set[str]) -> tuple[bool, float, list[str]]:
    """Whether one fact is conveyed; returns (conveyed, recall, missing content tokens)."""
    analyzed = _analyze(fact)
    fact_tokens = list(dict.fromkeys(token for token, _ in analyzed))
    if not fact_tokens:
        return True, 1.0, []
    required = {token for token, digits in analyzed if digits}
    missing = [t for t in fact_tokens if t not in summary_tokens]
    recall = 1.0 - len(missing) / len(fact_tokens)
    conveyed = recall >= KEY_FACT_RECALL_THRESHOLD and not required.intersection(missing)
    return conveyed, recall, missing


def key_fact_coverage(summary: str, key_facts: list[str]) -> tuple[float, list[bool]]:
    """Deterministic lexical key-fact matcher.

    Each fact and the summary are reduced to content tokens (accent/case folded, stopwords
    removed, light stemming, numbers normalized; see ``_content_tokens``). A fact counts as
    conveyed when at least ``KEY_FACT_RECALL_THRESHOLD`` (0.5) of its distinct content tokens
    occur in the summary **and** every number it writes in digits occurs there (in digits or
    words); numbers the fact spells out ("two regions") are ordinary content tokens.
    Returns the share of conveyed facts (1.0 when there are no facts) and the per-fact
    verdicts.
    """
    if not key_facts:
        return 1.0, []
    summary_tokens = set(_content_tokens(summary or ""))
    verdicts = [_fact_match(fact, summary_tokens)[0] for fact in key_facts]
    return sum(verdicts) / len(verdicts), verdicts


# ---------------------------------------------------------------------------
# Field scorers
# ---------------------------------------------------------------------------


def _prf(matched: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision/recall/F1; both empty -> all 1.0, one side empty -> all 0.0."""
    if n_pred == 0 and n_gold == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * matched / (n_pred + n_gold)
    return {"precision": precision, "recall": recall, "f1": f1}


def _as_list(value: Any) -> list[Any]:
    """A JSON list field as a list (None or a non-list scalar -> empty / one-item list)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _dedupe(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    """Keep the first item of each key, in order."""
    seen: set[Any] = set()
    out: list[Any] = []
    for item in items:
        k = key(item)
        if k in seen:
            continue
        seen.add(k)
        out.append(item)
    return out


def _fold_code(value: Any) -> str:
    return str(value).strip().casefold()


def _score_set(pred: Any, gold: Any) -> tuple[float, dict[str, Any]]:
    pred_set = list(dict.fromkeys(_fold_code(v) for v in _as_list(pred)))
    gold_set = list(dict.fromkeys(_fold_code(v) for v in _as_list(gold)))
    matched = [v for v in pred_set if v in gold_set]
    prf = _prf(len(matched), len(pred_set), len(gold_set))
    details = {
        **prf,
        "matched": matched,
        "missed": [v for v in gold_set if v not in pred_set],
        "spurious": [v for v in pred_set if v not in gold_set],
    }
    return prf["f1"], details


def _entity_name(item: Any) -> str:
    if isinstance(item, Mapping):
        name = item.get("name")
        return "" if name is None else str(name)
    return "" if item is None else str(item)


def _score_entities(
    pred: Any, gold: Any, aliases: Mapping[str, Sequence[str]]
) -> tuple[float, dict[str, Any]]:
    pred_names = _dedupe((_entity_name(i) for i in _as_list(pred)), normalize_name)
    gold_names = _dedupe((_entity_name(i) for i in _as_list(gold)), normalize_name)
    alias_by_norm: dict[str, list[str]] = {}
    for key, values in aliases.items():
        alias_by_norm.setdefault(normalize_name(key), []).extend(_as_list(values))

    candidates: list[tuple[float, int, int, str]] = []
    for gi, gname in enumerate(gold_names):
        forms = [gname, *(str(a) for a in alias_by_norm.get(normalize_name(gname), []))]
        norm_forms = [(f, normalize_name(f)) for f in forms]
        for pi, pname in enumerate(pred_names):
            npred = normalize_name(pname)
            best, best_form = max(
                ((_name_similarity(npred, nf), f) for f, nf in norm_forms), key=lambda t: t[0]
            )
            if best >= NAME_SIMILARITY_THRESHOLD:
                candidates.append((best, pi, gi, best_form))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))

    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[dict[str, Any]] = []
    for sim, pi, gi, form in candidates:
        if pi in used_pred or gi in used_gold:
            continue
        used_pred.add(pi)
        used_gold.add(gi)
        pairs.append(
            {
                "predicted": pred_names[pi],
                "gold": gold_names[gi],
                "matched_form": form,
                "similarity": round(sim, 4),
            }
        )
    prf = _prf(len(pairs), len(pred_names), len(gold_names))
    details = {
        **prf,
        "matched": pairs,
        "missed": [g for i, g in enumerate(gold_names) if i not in used_gold],
        "spurious": [p for i, p in enumerate(pred_names) if i not in used_pred],
    }
    return prf["f1"], details


def _count(item: Any) -> int:
    """An agreement's ``count``; missing or not an integer -> 1."""
    value = item.get("count") if isinstance(item, Mapping) else None
    if isinstance(value, bool):
        return 1
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return 1


def _kind(item: Any) -> str:
    value = item.get("kind") if isinstance(item, Mapping) else item
    return _fold_code("" if value is None else value)


def _agreement_key(item: Any) -> tuple[Any, ...]:
    if not isinstance(item, Mapping):
        return (_kind(item),)
    parties = tuple(sorted(normalize_name(str(p)) for p in _as_list(item.get("parties"))))
    return (_kind(item), normalize_name(str(item.get("subject") or "")), parties, _count(item))


def _score_agreements(pred: Any, gold: Any) -> tuple[float, float, dict[str, Any]]:
    """Multiset F1 on ``kind`` and the absolute error of the summed ``count``."""
    pred_items = _dedupe(_as_list(pred), _agreement_key)
    gold_items = _as_list(gold)
    pred_kinds = Counter(_kind(i) for i in pred_items)
    gold_kinds = Counter(_kind(i) for i in gold_items)
    matched = sum((pred_kinds & gold_kinds).values())
    prf = _prf(matched, len(pred_items), len(gold_items))
    pred_sum = sum(_count(i) for i in pred_items)
    gold_sum = sum(_count(i) for i in gold_items)
    count_error = float(abs(pred_sum - gold_sum))
    details = {
        **prf,
        "predicted_kinds": dict(pred_kinds),
        "gold_kinds": dict(gold_kinds),
        "predicted_count_sum": pred_sum,
        "gold_count_sum": gold_sum,
        "count_error": count_error,
    }
    return prf["f1"], count_error, details


def _figure_value(item: Any) -> float | None:
    value = item.get("value") if isinstance(item, Mapping) else item
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "").replace(" ", ""))
        except ValueError:
            return None
    if not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _figure_unit(item: Any) -> str:
    unit = item.get("unit") if isinstance(item, Mapping) else None
    return _fold_code("" if unit is None else unit)


def _figure_relative_error(pred: float, gold: float) -> float | None:
    """Relative error if within tolerance, else None. Gold 0 requires exactly 0."""
    if gold == 0:
        return 0.0 if pred == 0 else None
    error = abs(pred - gold) / abs(gold)
    # tiny slack so that exactly 0.5% is not lost to float rounding
    return error if error <= FIGURE_RELATIVE_TOLERANCE * (1 + 1e-9) else None


def _score_figures(pred: Any, gold: Any) -> tuple[float, dict[str, Any]]:
    """F1 matched on ``value`` (relative tolerance 0.5%), one-to-one, smallest error first."""
    pred_items = _dedupe(_as_list(pred), lambda i: (_figure_value(i), _figure_unit(i)))
    gold_items = _as_list(gold)
    pred_values = [_figure_value(i) for i in pred_items]
    gold_values = [_figure_value(i) for i in gold_items]
    candidates: list[tuple[float, int, int]] = []
    for gi, gv in enumerate(gold_values):
        for pi, pv in enumerate(pred_values):
            if gv is None or pv is None:
                continue
            error = _figure_relative_error(pv, gv)
            if error is not None:
                candidates.append((error, pi, gi))
    candidates.sort()
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[dict[str, Any]] = []
    for error, pi, gi in candidates:
        if pi in used_pred or gi in used_gold:
            continue
        used_pred.add(pi)
        used_gold.add(gi)
        pairs.append(
            {"predicted": pred_values[pi], "gold": gold_values[gi], "relative_error": error}
        )
    prf = _prf(len(pairs), len(pred_items), len(gold_items))
    details = {
        **prf,
        "matched": pairs,
        "missed": [g for i, g in enumerate(gold_values) if i not in used_gold],
        "spurious": [p for i, p in enumerate(pred_values) if i not in used_pred],
    }
    return prf["f1"], details


def _grounding(predicted: Mapping[str, Any]) -> tuple[float | None, dict[str, Any]]:
    """Share of predicted evidence quotes located in the source.

    An item with a non-empty ``evidence`` string is located if ``grounded`` is True; without
    a ``grounded`` key it is located iff both ``start`` and ``end`` are integers, and unknown
    (excluded) if it has neither. None when no item has a known status.
    """
    located = unknown = total = 0
    for value in predicted.values():
        if not isinstance(value, list):
            continue
        for item in value:
            if not isinstance(item, Mapping):
                continue
            evidence = item.get("evidence")
            if not isinstance(evidence, str) or not evidence.strip():
                continue
            if "grounded" in item:
                status: bool | None = item["grounded"] is True
            elif "start" in item or "end" in item:
                status = all(
                    isinstance(item.get(k), int) and not isinstance(item.get(k), bool)
                    for k in ("start", "end")
                )
            else:
                status = None
            if status is None:
                unknown += 1
                continue
            total += 1
            located += int(status)
    rate = located / total if total else None
    return rate, {"located": located, "checked": total, "unknown": unknown}


def _chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu sentence chrF (defaults) scaled to [0, 1]."""
    if not hypothesis.strip():
        return 0.0
    return _CHRF.sentence_score(hypothesis, [reference]).score / 100.0


def _score_summary(
    summary: str, gold: Mapping[str, Any], judge: Judge | None
) -> tuple[float, dict[str, float | None], dict[str, Any]]:
    key_facts = [str(f) for f in _as_list(gold.get("key_facts"))]
    english = is_english(summary)
    if not summary.strip():
        verdicts = [False] * len(key_facts)
        coverage = 0.0 if key_facts else 1.0
        method = "empty"
    elif judge is not None and key_facts:
        verdicts = [bool(v) for v in judge(summary, key_facts)]
        if len(verdicts) != len(key_facts):
            raise ValueError(
                f"judge returned {len(verdicts)} verdicts for {len(key_facts)} key facts"
            )
        coverage = sum(verdicts) / len(verdicts)
        method = "judge"
    else:
        coverage, verdicts = key_fact_coverage(summary, key_facts)
        method = "lexical"
    score = coverage if english else 0.0

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
    return score, extras, details


def _jsonable(value: Any) -> Any:
    """Best-effort conversion of a predicted scalar to a JSON value for ``details``."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def score_article(
    gold: Mapping[str, Any],
    predicted: Mapping[str, Any] | None,
    *,
    judge: Judge | None = None,
) -> ArticleScore:
    """Score one prediction against one gold file (see the module docstring for the rules).

    ``gold`` is the parsed gold JSON (``id``, ``expected``, ``aliases``, ``key_facts``...).
    ``predicted`` is the model output as a plain dict with the ArticleSummary keys; missing
    keys are read as null / empty list. ``None`` means the article failed: every field
    scores 0. ``judge(summary, key_facts)`` returns one bool per fact; without it the
    lexical :func:`key_fact_coverage` is used.
    """
    expected: Mapping[str, Any] = gold.get("expected") or {}
    article_id = str(gold.get("id", ""))
    language = str(expected.get("language") or "unknown")
    failed = predicted is None
    pred: Mapping[str, Any] = predicted if predicted is not None else {}
    if not isinstance(pred, Mapping):
        raise TypeError(f"predicted must be a mapping or None, not {type(pred).__name__}")

    fields: dict[str, float] = {}
    details: dict[str, Any] = {}

    for name in ("language", "event_date"):
        fields[name] = 1.0 if pred.get(name) == expected.get(name) else 0.0
        details[name] = {
            "predicted": _jsonable(pred.get(name)),
            "gold": _jsonable(expected.get(name)),
        }

    for name in SET_FIELDS:
        fields[name], details[name] = _score_set(pred.get(name), expected.get(name))

    aliases: Mapping[str, Any] = gold.get("aliases") or {}
    for name in ENTITY_FIELDS:
        fields[name], details[name] = _score_entities(
            pred.get(name), expected.get(name), aliases.get(name) or {}
        )

    fields["agreements"], count_error, details["agreements"] = _score_agreements(
        pred.get("agreements"), expected.get("agreements")
    )
    fields["figures"], details["figures"] = _score_figures(
        pred.get("figures"), expected.get("figures")
    )

    summary = pred.get("summary")
    summary_text = summary if isinstance(summary, str) else ""
    fields["summary"], summary_extras, details["summary"] = _score_summary(
        summary_text, gold, judge
    )

    grounding_rate, details["grounding"] = _grounding(pred)

    if failed:
        fields = dict.fromkeys(FIELDS, 0.0)
        details["failed"] = True

    extras: dict[str, float | None] = {
        "grounding_rate": grounding_rate,
        "agreements_count_error": count_error,
        **summary_extras,
    }
    fields = {name: float(fields[name]) for name in FIELDS}
    return ArticleScore(
        article_id=article_id,
        language=language,
        failed=failed,
        fields=fields,
        overall=sum(fields.values()) / len(FIELDS),
        extras=extras,
        details=details,
    )


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _field_means(scores: Sequence[ArticleScore]) -> dict[str, float | None]:
    return {name: _mean([s.fields[name] for s in scores]) for name in FIELDS}


def aggregate(scores: list[ArticleScore]) -> dict[str, Any]:
    """Macro-average article scores, overall and per gold language.

    Failed articles stay in every field mean (they score 0). Each extra is averaged over
    the articles where it is not None, reported as ``{"mean": ..., "n": ...}``. Means over
    no articles are None. The result is JSON-serializable.
    """
    per_language: dict[str, dict[str, Any]] = {}
    for lang in sorted({s.language for s in scores}):
        group = [s for s in scores if s.language == lang]
        per_language[lang] = {
            "n": len(group),
            "n_failed": sum(s.failed for s in group),
            "overall": _mean([s.overall for s in group]),
            "fields": _field_means(group),
        }
    extras: dict[str, dict[str, Any]] = {}
    for name in EXTRAS:
        values = [v for s in scores if (v := s.extras.get(name)) is not None]
        extras[name] = {"mean": _mean(values), "n": len(values)}
    return {
        "n_articles": len(scores),
        "n_failed": sum(s.failed for s in scores),
        "overall": _mean([s.overall for s in scores]),
        "fields": _field_means(scores),
        "per_language": per_language,
        "extras": extras,
    }
