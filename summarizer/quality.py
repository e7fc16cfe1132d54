"""What the embedded model is measured to do per language, so results can say so.

The numbers are read from ``quality.json``, shipped in this package and written by
``summarizer eval quality`` from scored eval runs (seeds and dev); the file names the
runs, datasets and number of articles behind each language. Every embedded result carries
the line for its language (or says the language was never measured): a user should know
before trusting the summary.
"""

from __future__ import annotations

import importlib.resources
import json
from functools import lru_cache
from typing import Any

POOR_OVERALL = 0.4


@lru_cache(maxsize=1)
def measured_quality() -> dict[str, Any]:
    """The shipped quality file (empty languages table when the package has none)."""
    try:
        text = (importlib.resources.files("summarizer") / "quality.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {"languages": {}, "runs": []}
    return json.loads(text)


def language_caveat(language: str | None, quality: dict[str, Any] | None = None) -> str | None:
    """A one-sentence note on the embedded model's measured quality in ``language``, from
    ``quality`` (a quality file's content; default: the shipped one)."""
    if not language:
        return None
    quality = measured_quality() if quality is None else quality
    measured = quality.get("languages", {}).get(language)
    if measured is None:
        return (
            f"the embedded model has not been measured on '{language}' articles; "
            "check the summary against the source"
        )
    datasets = ", ".join(f"{n} {name}" for name, n in sorted(measured["datasets"].items()))
    scores = (
        f"on {measured['articles']} gold '{language}' articles ({datasets}; runs "
        f"{', '.join(r['run_id'] for r in quality.get('runs', []))}) it scored "
        f"{measured['overall']:.2f} overall and its summaries conveyed "
        f"{measured['summary_coverage']:.0%} of key facts"
    )
    if measured["overall"] < POOR_OVERALL:
        return (
            f"the embedded model reads '{language}' poorly: {scores}; treat this as a rough draft"
        )
    return f"embedded model, {scores}; check names and numbers against the source"
