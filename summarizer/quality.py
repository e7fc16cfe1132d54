"""What the embedded model is measured to do per language, so results can say so.

Numbers come from an eval run of the default pipeline on the gold seeds (see
``docs/embedded-model.md`` for the run and the full table); update them with each new
measurement. Every embedded result carries the measured line for its language (or says
the language was never measured): a user should know before trusting the summary.
"""

from __future__ import annotations

# Eval run the numbers come from, and per language: articles, overall score, summary
# key-fact coverage (0-1, as scored by evals/scoring.py).
MEASURED_RUN = "20261123-080130_qwen2.5-coder-1.5b-instruct-q4-k-m_default"
EMBEDDED_QUALITY: dict[str, dict[str, float]] = {
    "ru": {"articles": 2, "overall": 0.53, "summary_coverage": 0.67},
    "vi": {"articles": 1, "overall": 0.52, "summary_coverage": 0.50},
    "kk": {"articles": 2, "overall": 0.30, "summary_coverage": 0.07},
}
POOR_OVERALL = 0.4


def language_caveat(language: str | None) -> str | None:
    """A one-sentence note on the embedded model's measured quality in ``language``."""
    if not language:
        return None
    measured = EMBEDDED_QUALITY.get(language)
    if measured is None:
        return (
            f"the embedded model has not been measured on '{language}' articles; "
            "check the summary against the source"
        )
    scores = (
        f"on our gold '{language}' articles it scored {measured['overall']:.2f} overall and "
        f"its summaries conveyed {measured['summary_coverage']:.0%} of key facts"
    )
    if measured["overall"] < POOR_OVERALL:
        return (
            f"the embedded model reads '{language}' poorly: {scores}; treat this as a rough draft"
        )
    return f"embedded model, {scores}; check names and numbers against the source"
