"""Scorers of the structured fields: exact, set, entity, agreement and figure matching.

Decisions the spec leaves open (fixed so that re-scoring gives the same numbers):

* Names are compared after :func:`summarizer.textfold.normalize_name`; similarity is
  ``max(fuzz.ratio, fuzz.token_sort_ratio) / 100`` (a reordered name matches) and a pair
  matches at >= 0.85 against the gold name or any alias. One-to-one matching is greedy,
  best similarity first (ties: earlier prediction, earlier gold).
* ``language`` and ``event_date`` are exact string matches (``None == None`` is correct).
* Set fields compare codes and terms stripped and case-folded.
* Predicted duplicates are dropped before scoring: set fields by folded value, entities by
  normalized name, agreements by (kind, subject, parties, count), figures by (value, unit).
* Figures match when ``|pred - gold| <= 0.5% * |gold|``; a gold value of 0 needs 0.
* Agreements: multiset F1 on ``kind``; ``agreements_count_error`` is
  ``|sum(pred counts) - sum(gold counts)|`` with a missing or non-integer count read as 1.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from summarizer.textfold import normalize_name

from .registry import Context, FieldResult, scorer

NAME_SIMILARITY_THRESHOLD = 0.85
FIGURE_RELATIVE_TOLERANCE = 0.005


def prf(matched: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision/recall/F1; both empty -> all 1.0, one side empty -> all 0.0."""
    if n_pred == 0 and n_gold == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * matched / (n_pred + n_gold)
    return {"precision": precision, "recall": recall, "f1": f1}


def as_list(value: Any) -> list[Any]:
    """A JSON list field as a list (None or a non-list scalar -> empty / one-item list)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _dedupe(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen: set[Any] = set()
    out: list[Any] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _fold_code(value: Any) -> str:
    return str(value).strip().casefold()


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _expected(gold: Mapping[str, Any]) -> Mapping[str, Any]:
    return gold.get("expected") or {}


# -- exact fields -------------------------------------------------------------------------


def _exact(name: str) -> Callable[[Mapping[str, Any], Mapping[str, Any], Context], FieldResult]:
    def score(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
        want, got = _expected(gold).get(name), pred.get(name)
        return FieldResult(
            1.0 if got == want else 0.0, {"predicted": _jsonable(got), "gold": _jsonable(want)}
        )

    return score


scorer("language")(_exact("language"))
scorer("event_date")(_exact("event_date"))


# -- set fields ---------------------------------------------------------------------------


def _set(name: str) -> Callable[[Mapping[str, Any], Mapping[str, Any], Context], FieldResult]:
    def score(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
        pred_set = list(dict.fromkeys(_fold_code(v) for v in as_list(pred.get(name))))
        gold_set = list(dict.fromkeys(_fold_code(v) for v in as_list(_expected(gold).get(name))))
        matched = [v for v in pred_set if v in gold_set]
        counts = prf(len(matched), len(pred_set), len(gold_set))
        details = {
            **counts,
            "matched": matched,
            "missed": [v for v in gold_set if v not in pred_set],
            "spurious": [v for v in pred_set if v not in gold_set],
        }
        return FieldResult(counts["f1"], details)

    return score


for _name in ("countries", "event_types", "medical_fields"):
    scorer(_name)(_set(_name))


# -- entities -----------------------------------------------------------------------------


def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two *normalized* names: best of plain and token-sorted ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0


def _entity_name(item: Any) -> str:
    if isinstance(item, Mapping):
        name = item.get("name")
        return "" if name is None else str(name)
    return "" if item is None else str(item)


def match_entities(
    pred: Any, gold: Any, aliases: Mapping[str, Sequence[str]]
) -> tuple[float, dict[str, Any]]:
    """F1 of one-to-one name matching (see the module docstring)."""
    pred_names = _dedupe((_entity_name(i) for i in as_list(pred)), normalize_name)
    gold_names = _dedupe((_entity_name(i) for i in as_list(gold)), normalize_name)
    alias_by_norm: dict[str, list[str]] = {}
    for key, values in aliases.items():
        alias_by_norm.setdefault(normalize_name(key), []).extend(as_list(values))

    candidates: list[tuple[float, int, int, str]] = []
    for gi, gname in enumerate(gold_names):
        forms = [gname, *(str(a) for a in alias_by_norm.get(normalize_name(gname), []))]
        norm_forms = [(f, normalize_name(f)) for f in forms]
        for pi, pname in enumerate(pred_names):
            npred = normalize_name(pname)
            best, best_form = max(
                ((name_similarity(npred, nf), f) for f, nf in norm_forms), key=lambda t: t[0]
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
    counts = prf(len(pairs), len(pred_names), len(gold_names))
    details = {
        **counts,
        "matched": pairs,
        "missed": [g for i, g in enumerate(gold_names) if i not in used_gold],
        "spurious": [p for i, p in enumerate(pred_names) if i not in used_pred],
    }
    return counts["f1"], details


def _entities(name: str) -> Callable[[Mapping[str, Any], Mapping[str, Any], Context], FieldResult]:
    def score(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
        aliases = (gold.get("aliases") or {}).get(name) or {}
        f1, details = match_entities(pred.get(name), _expected(gold).get(name), aliases)
        return FieldResult(f1, details)

    return score


for _name in ("people", "organizations", "locations"):
    scorer(_name)(_entities(_name))


# -- agreements ---------------------------------------------------------------------------


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
    parties = tuple(sorted(normalize_name(str(p)) for p in as_list(item.get("parties"))))
    return (_kind(item), normalize_name(str(item.get("subject") or "")), parties, _count(item))


@scorer("agreements")
def score_agreements(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
    """Multiset F1 on ``kind``; the absolute error of the summed ``count`` as an extra."""
    pred_items = _dedupe(as_list(pred.get("agreements")), _agreement_key)
    gold_items = as_list(_expected(gold).get("agreements"))
    pred_kinds = Counter(_kind(i) for i in pred_items)
    gold_kinds = Counter(_kind(i) for i in gold_items)
    matched = sum((pred_kinds & gold_kinds).values())
    counts = prf(matched, len(pred_items), len(gold_items))
    pred_sum = sum(_count(i) for i in pred_items)
    gold_sum = sum(_count(i) for i in gold_items)
    count_error = float(abs(pred_sum - gold_sum))
    details = {
        **counts,
        "predicted_kinds": dict(pred_kinds),
        "gold_kinds": dict(gold_kinds),
        "predicted_count_sum": pred_sum,
        "gold_count_sum": gold_sum,
        "count_error": count_error,
    }
    return FieldResult(counts["f1"], details, {"agreements_count_error": count_error})


# -- figures ------------------------------------------------------------------------------


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


@scorer("figures")
def score_figures(pred: Mapping[str, Any], gold: Mapping[str, Any], ctx: Context) -> FieldResult:
    """F1 matched on ``value`` (relative tolerance 0.5%), one-to-one, smallest error first."""
    pred_items = _dedupe(
        as_list(pred.get("figures")), lambda i: (_figure_value(i), _figure_unit(i))
    )
    gold_items = as_list(_expected(gold).get("figures"))
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
    counts = prf(len(pairs), len(pred_items), len(gold_items))
    details = {
        **counts,
        "matched": pairs,
        "missed": [g for i, g in enumerate(gold_values) if i not in used_gold],
        "spurious": [p for i, p in enumerate(pred_values) if i not in used_pred],
    }
    return FieldResult(counts["f1"], details)
