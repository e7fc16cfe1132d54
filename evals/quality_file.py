"""Write the per-language quality file the library ships (``summarizer/quality.json``).

The library tells users how good the embedded model is in their article's language
(:mod:`summarizer.quality`). Those numbers come from here: the article scores of scored
runs of the frozen ``validation`` split only (never dev, which rules were tuned on, so its
numbers flatter), of one model and pipeline, pooled per language, with the runs and
article counts behind every number.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.evals.runner import read_run

QUALITY_DATASET = "validation"


def build_quality(run_dirs: list[Path]) -> dict[str, Any]:
    runs: list[dict[str, Any]] = []
    per_language: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    models, pipelines = set(), set()
    for run_dir in run_dirs:
        header, _records = read_run(run_dir)
        file = Path(run_dir) / "scores.json"
        if not file.is_file():
            raise InputError(f"{run_dir}: no scores.json (run `summarizer eval score` first)")
        scores = json.loads(file.read_text(encoding="utf-8"))
        models.add(header.get("model"))
        pipelines.add(header.get("pipeline"))
        dataset = Path(str(header.get("dataset", "?"))).name
        if dataset != QUALITY_DATASET:
            raise InputError(
                f"{run_dir}: a run of {dataset!r}; the shipped quality comes from the frozen "
                f"{QUALITY_DATASET!r} split only (tuned-on data would flatter it)"
            )
        runs.append(
            {
                "run_id": scores.get("run_id"),
                "dataset": dataset,
                "n_articles": scores["aggregate"]["n_articles"],
            }
        )
        for article in scores["articles"]:
            per_language[article["language"]].append((dataset, article))
    if len(models) > 1 or len(pipelines) > 1:
        raise InputError("quality must come from runs of one model and one pipeline")
    languages: dict[str, Any] = {}
    for lang, items in sorted(per_language.items()):
        n = len(items)
        counts: dict[str, int] = defaultdict(int)
        for dataset, _ in items:
            counts[dataset] += 1
        languages[lang] = {
            "articles": n,
            "datasets": dict(counts),
            "overall": round(sum(a["overall"] for _, a in items) / n, 3),
            "summary_coverage": round(sum(a["fields"]["summary"] for _, a in items) / n, 3),
        }
    return {
        "_comment": "Written by `summarizer eval quality`; do not edit by hand.",
        "computed": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": models.pop() if models else None,
        "pipeline": pipelines.pop() if pipelines else None,
        "runs": runs,
        "languages": languages,
    }


def write_quality(run_dirs: list[Path], output: Path) -> dict[str, Any]:
    quality = build_quality(run_dirs)
    output.write_text(json.dumps(quality, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return quality
