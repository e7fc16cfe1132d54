"""What the embedded model is measured to do per language, so results can say so.

Numbers come from an eval run of the default pipeline on the gold seeds (see
``docs/embedded-model.md`` for the run and the full table); update them with each new
measurement. They are attached as a warning to every embedded result in a language where
the model is weak or unmeasured: a user should know before trusting the summary.
"""

from __future__ import annotations

# Eval run the numbers come from, and per language: articles, overall score, summary
# key-fact coverage (0-1, as scored by evals/scoring.py).
MEASURED_RUN = "20261123-071501_qwen2.5-coder-1.5b-instruct-q4-k-m_default-zeroshot"
EMBEDDED_QUALITY: dict[str, dict[str, float]] = {
    "ru": {"articles": 2, "overall": 0.58, "summary_coverage": 0.67},
    "vi": {"articles": 1, "overall": 0.50, "summary_coverage": 0.50},
    "kk": {"articles": 2, "overall": 0.30, "summary_coverage": 0.07},
}
RELIABLE_OVERALL = 0.55


def language_caveat(language: str | None) -> str | None:
    """A one-sentence warning about the embedded model on ``language``, or None."""
    if not language:
        return None
    measured = EMBEDDED_QUALITY.get(language)
    if measured is None:
        return (
            f"the embedded model has not been measured on '{language}' articles; "
            "check the summary against the source"
        )
    if measured["overall"] >= RELIABLE_OVERALL:
        return None
    return (
        f"the embedded model reads '{language}' poorly: on our gold articles it scored "
        f"{measured['overall']:.2f} overall and its summaries conveyed "
        f"{measured['summary_coverage']:.0%} of key facts; treat this result as a rough draft"
    )
