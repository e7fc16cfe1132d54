"""The speed bench: how close each article's time is to what the hardware allows.

1. A fixed micro-benchmark measures the running server's prefill and decode rates: a
   prompt of fixed filler text behind a fresh nonce (so nothing is cached) answered with one
   token, then a short prompt answered with a fixed number of tokens (``ignore_eos``).
   llama.cpp reports its own ``timings``; other servers are timed on the wall clock.
2. Each article of the dataset goes through each pipeline (no eval cache): prompt, cached
   and completion tokens, seconds, seconds per stage.
3. An article's compute bound is ``uncached prompt tokens / prefill rate + completion
   tokens / decode rate``; the bench reports time / bound, and time / the reference
   pipeline's time on the same article (measured in the same run, on the same server).
Peak memory is the process's peak RSS: the embedded llama.cpp server runs in-process.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from summarizer.evals.dataset import load_dataset
from summarizer.pipeline import Summarizer

FILLER = (
    "The committee reviewed the annual plan for regional clinics, the supply of equipment, "
    "the training of nurses and the schedule of visits by specialists from partner cities. "
)
PREFILL_REPEAT = 24  # about 600 tokens
DECODE_TOKENS = 96


@dataclass
class Rates:
    prefill_tps: float
    decode_tps: float
    source: str  # "server timings" | "wall clock"


@dataclass
class ArticleBench:
    id: str
    language: str
    pipeline: str
    seconds: float
    prompt_tokens: int
    cached_tokens: int
    completion_tokens: int
    bound_seconds: float
    ratio_to_bound: float
    ok: bool
    stage_seconds: dict[str, float] = field(default_factory=dict)
    ratio_to_reference: float | None = None


def _timings(response: Any) -> dict[str, Any]:
    extra = getattr(response, "model_extra", None) or {}
    timings = extra.get("timings")
    return timings if isinstance(timings, dict) else {}


def measure_rates(summarizer: Summarizer, rounds: int = 2) -> Rates:
    """Prefill and decode rates of the summarizer's endpoint (best of ``rounds``)."""
    backend = summarizer.backend
    prefill, decode, sources = [], [], set()
    for _ in range(rounds):
        prompt = f"[{uuid.uuid4()}] " + FILLER * PREFILL_REPEAT + "\nSay OK."
        started = time.monotonic()
        response = backend.raw.chat.completions.create(
            model=backend.model,
            messages=[{"role": "user", "content": prompt}],
            max_tokens=1,
            temperature=0,
        )
        elapsed = time.monotonic() - started
        timings = _timings(response)
        if timings.get("prompt_per_second"):
            prefill.append(float(timings["prompt_per_second"]))
            sources.add("server timings")
        else:
            prefill.append((response.usage.prompt_tokens or 0) / elapsed)
            sources.add("wall clock")
        started = time.monotonic()
        response = backend.raw.chat.completions.create(
            model=backend.model,
            messages=[{"role": "user", "content": f"[{uuid.uuid4()}] Count upward from one."}],
            max_tokens=DECODE_TOKENS,
            temperature=0,
            extra_body={"ignore_eos": True},
        )
        elapsed = time.monotonic() - started
        timings = _timings(response)
        if timings.get("predicted_per_second"):
            decode.append(float(timings["predicted_per_second"]))
        else:
            decode.append((response.usage.completion_tokens or 0) / elapsed)
    return Rates(round(max(prefill), 2), round(max(decode), 2), " + ".join(sorted(sources)))


def compute_bound(prompt: int, cached: int, completion: int, rates: Rates) -> float:
    return max(prompt - cached, 0) / rates.prefill_tps + completion / rates.decode_tps


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def run_bench(
    dataset: str,
    pipelines: list[str],
    *,
    reference: str | None = "baseline",
    limit: int | None = None,
    make_summarizer: Any = None,
    on_article: Any = None,
) -> dict[str, Any]:
    """Measure rates, then every article under every pipeline; a JSON-ready report."""
    if reference and reference not in pipelines:
        pipelines = [*pipelines, reference]
    samples = load_dataset(dataset)[: limit or None]
    make = make_summarizer or (lambda pipeline: Summarizer(pipeline=pipeline))
    summarizers = {p: make(p) for p in pipelines}
    first = summarizers[pipelines[0]]
    rates = measure_rates(first)
    for other in summarizers.values():  # one server for all (the embedded one is shared)
        other._backend = first.backend
    rows: list[ArticleBench] = []
    for pipeline, summarizer in summarizers.items():
        for sample in samples:
            result = summarizer.extract(sample.text)
            usage = result.usage
            bound = compute_bound(
                usage.prompt_tokens, usage.cached_tokens, usage.completion_tokens, rates
            )
            stages = (result.stages or {}).get("stage_seconds", {})
            row = ArticleBench(
                id=sample.id,
                language=sample.language,
                pipeline=pipeline,
                seconds=result.seconds,
                prompt_tokens=usage.prompt_tokens,
                cached_tokens=usage.cached_tokens,
                completion_tokens=usage.completion_tokens,
                bound_seconds=round(bound, 3),
                ratio_to_bound=round(result.seconds / bound, 2) if bound else 0.0,
                ok=result.ok,
                stage_seconds=stages,
            )
            rows.append(row)
            if on_article:
                on_article(row)
    base = {r.id: r.seconds for r in rows if r.pipeline == reference}
    for row in rows:
        if base.get(row.id):
            row.ratio_to_reference = round(row.seconds / base[row.id], 2)
    summary = {}
    for pipeline in pipelines:
        mine = [r for r in rows if r.pipeline == pipeline]
        summary[pipeline] = {
            "articles": len(mine),
            "failed": sum(not r.ok for r in mine),
            "mean_seconds": round(statistics.mean(r.seconds for r in mine), 1),
            "mean_prompt_tokens": round(statistics.mean(r.prompt_tokens for r in mine)),
            "mean_cached_tokens": round(statistics.mean(r.cached_tokens for r in mine)),
            "mean_completion_tokens": round(statistics.mean(r.completion_tokens for r in mine)),
            "mean_ratio_to_bound": round(statistics.mean(r.ratio_to_bound for r in mine), 2),
            "max_ratio_to_bound": max(r.ratio_to_bound for r in mine),
            "mean_ratio_to_reference": (
                round(statistics.mean(r.ratio_to_reference or 0 for r in mine), 2)
                if reference
                else None
            ),
        }
    return {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "dataset": dataset,
        "model": first.model_name,
        "pipelines": pipelines,
        "reference": reference,
        "rates": asdict(rates),
        "peak_rss_mib": peak_rss_mib(),
        "summary": summary,
        "articles": [asdict(r) for r in rows],
    }


def write_report(report: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
