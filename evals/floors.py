"""Quality floors for the eval gate, computed from two measured runs (never typed by hand).

For every field, for the overall mean, and for each language (overall and per field):

    floor = min(run A, run B) - margin, rounded down to 0.01,
    raised to just above what an empty answer scores on that dataset (+0.01).

A floor that an empty answer would meet cannot fail, so it says nothing. When the measured
score itself is not above the empty-answer score (the pipeline does no better than
answering nothing on that field), no floor can be both meaningful and met: the field is
listed under ``not_above_empty`` and the eval suite reports it as an expected failure with
both numbers, instead of hiding it behind a floor of 0.
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.evals.dataset import load_dataset
from summarizer.evals.scoring import FIELDS, aggregate, empty_prediction, score_article

MARGINS = {"overall": 0.05, "field": 0.15, "language_overall": 0.10, "language_field": 0.25}
ABOVE_EMPTY = 0.01


def empty_answer_scores(dataset: str | Path) -> dict[str, Any]:
    """The aggregate an empty (valid) answer earns on every article of ``dataset``."""
    samples = load_dataset(dataset)
    return aggregate([score_article(s.gold, empty_prediction(), source=s.text) for s in samples])


def _floor(measured: float, empty: float, margin: float) -> float | None:
    """The floor, or None when the measured score is not above the empty answer's."""
    if measured < empty + ABOVE_EMPTY:
        return None
    floor = math.floor(round((measured - margin) * 100, 6)) / 100
    return round(max(floor, empty + ABOVE_EMPTY), 4)


def compute_floors(run_a: dict[str, Any], run_b: dict[str, Any], empty: dict[str, Any]) -> dict:
    """Floors from two scored runs (``scores.json`` contents) and the empty-answer aggregate."""
    a, b = run_a["aggregate"], run_b["aggregate"]
    for agg in (a, b):
        if agg.get("missing_ids"):
            raise InputError("a run with missing articles cannot set floors: finish it first")
    not_above: dict[str, dict[str, float]] = {}

    def floor(name: str, va: float, vb: float, e: float, margin: float) -> float | None:
        measured = min(va, vb)
        value = _floor(measured, e, margin)
        if value is None:
            not_above[name] = {"measured": round(measured, 4), "empty_answer": round(e, 4)}
        return value

    result: dict[str, Any] = {
        "overall_floor": floor(
            "overall", a["overall"], b["overall"], empty["overall"], MARGINS["overall"]
        ),
        "field_floors": {},
        "language_floors": {},
    }
    for field in FIELDS:
        value = floor(
            field, a["fields"][field], b["fields"][field], empty["fields"][field], MARGINS["field"]
        )
        if value is not None:
            result["field_floors"][field] = value
    for lang, e in empty["per_language"].items():
        pa, pb = a["per_language"].get(lang), b["per_language"].get(lang)
        if pa is None or pb is None:
            continue
        entry: dict[str, Any] = {"n": e["n"], "fields": {}}
        entry["overall"] = floor(
            f"{lang}.overall",
            pa["overall"],
            pb["overall"],
            e["overall"],
            MARGINS["language_overall"],
        )
        for field in FIELDS:
            value = floor(
                f"{lang}.{field}",
                pa["fields"][field],
                pb["fields"][field],
                e["fields"][field],
                MARGINS["language_field"],
            )
            if value is not None:
                entry["fields"][field] = value
        result["language_floors"][lang] = entry
    result["not_above_empty"] = not_above
    return result


def write_thresholds(run_dirs: tuple[Path, Path], dataset: str, output: Path) -> dict[str, Any]:
    """Compute floors from two run folders and write the thresholds file."""
    scores = []
    for run_dir in run_dirs:
        file = Path(run_dir) / "scores.json"
        if not file.is_file():
            raise InputError(f"{run_dir}: no scores.json (run `summarizer eval score` first)")
        scores.append(json.loads(file.read_text(encoding="utf-8")))
    empty = empty_answer_scores(dataset)
    floors = compute_floors(scores[0], scores[1], empty)
    thresholds = {
        "dataset": Path(dataset).name,
        "_comment": "Written by `summarizer eval floors` (evals/floors.py); do not edit.",
        "computed": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "runs": [s["run_id"] for s in scores],
        "measured_overall": [round(s["aggregate"]["overall"], 4) for s in scores],
        "margins": MARGINS,
        "empty_answer": {
            "overall": round(empty["overall"], 4),
            "fields": {k: round(v, 4) for k, v in empty["fields"].items()},
        },
        **floors,
    }
    output.write_text(json.dumps(thresholds, indent=2) + "\n", encoding="utf-8")
    return thresholds
