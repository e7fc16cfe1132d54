"""``pytest evals/``: the eval suite as test cases, sharing the harness and scorer code.

By default it runs the dataset (``SUMMARIZER_EVAL_DATASET``, default ``seeds``) through the
default pipeline with the configured model (embedded unless an endpoint is set), always
calling the model (no response cache), and writes the run folder under ``runs/``.
``SUMMARIZER_EVAL_RUN=<run folder>`` re-scores a saved run instead (no model).
Floors come from ``evals/thresholds/<dataset>.json``, written by ``summarizer eval floors``
from two measured runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.evals.dataset import load_dataset
from summarizer.evals.runner import run_eval, score_run
from summarizer.pipeline import Summarizer
from summarizer.settings import env

DATASET = env("SUMMARIZER_EVAL_DATASET")
THRESHOLDS_FILE = Path(__file__).parents[1] / "thresholds" / f"{Path(DATASET).name}.json"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    samples = load_dataset(DATASET)
    if "gold_id" in metafunc.fixturenames:
        metafunc.parametrize("gold_id", [sample.id for sample in samples])
    if "language" in metafunc.fixturenames:  # every language of the dataset
        metafunc.parametrize("language", sorted({sample.language for sample in samples}))


@pytest.fixture(scope="session")
def eval_scores() -> dict[str, Any]:
    saved = env("SUMMARIZER_EVAL_RUN")
    if saved:
        return score_run(saved)
    runs_dir = Path(env("SUMMARIZER_RUNS_DIR"))
    run_dir = run_eval(DATASET, Summarizer(), runs_dir=runs_dir, use_cache=False)
    print(f"\neval run folder: {run_dir}")
    return json.loads((run_dir / "scores.json").read_text())


@pytest.fixture(scope="session")
def thresholds() -> dict[str, Any]:
    if not THRESHOLDS_FILE.is_file():
        pytest.skip(f"no floors for dataset {DATASET}: run `summarizer eval floors RUN_A RUN_B`")
    return json.loads(THRESHOLDS_FILE.read_text())
