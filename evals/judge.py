"""An optional LLM judge for summary key-fact coverage, through the same client stack."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field

from summarizer.errors import ExtractionError
from summarizer.settings import Settings

JUDGE_PROMPT = (
    "You check whether an English summary conveys given facts. For each numbered fact, "
    "answer true when the summary states it (paraphrase is fine), false otherwise. "
    "Return exactly one boolean per fact, in order."
)


class Verdicts(BaseModel):
    conveyed: list[bool] = Field(description="one boolean per fact, in order")


def make_judge(model: str, base_url: str | None = None) -> Callable[[str, list[str]], list[bool]]:
    """A judge callable ``(summary, facts) -> [bool]`` using ``model`` at ``base_url``
    (or OPENAI_BASE_URL; the embedded model when neither is set)."""
    from summarizer.client import build_backend

    settings = Settings.from_env(model=model, base_url=base_url)
    backend = build_backend(settings)

    def judge(summary: str, facts: list[str]) -> list[bool]:
        listing = "\n".join(f"{i + 1}. {fact}" for i, fact in enumerate(facts))
        verdicts = backend.client.chat.completions.create(
            model=backend.model,
            response_model=Verdicts,
            max_retries=2,
            temperature=0,
            messages=[
                {"role": "system", "content": JUDGE_PROMPT},
                {"role": "user", "content": f"Summary:\n{summary}\n\nFacts:\n{listing}"},
            ],
        )
        if len(verdicts.conveyed) != len(facts):
            raise ExtractionError(
                f"judge returned {len(verdicts.conveyed)} verdicts for {len(facts)} facts"
            )
        return list(verdicts.conveyed)

    return judge
