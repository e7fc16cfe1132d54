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
4. Attention makes every token dearer the deeper it sits in the context (measured here:
   decode 35 ms/token at 50 tokens of context, 45 at 1,850). The micro-benchmark therefore
   also runs at a long context, fits milliseconds per token as ``base + slope * depth`` for
   prefill and for decode, and gives each model call a *context bound* from where its
   tokens sit. time / context bound is what the pipeline loses outside the hardware's
   work; time / the flat bound above also counts the cost of long contexts.
5. Where the server reports its own timings (llama.cpp), each article's seconds are split
   into server seconds and the rest (Python stages, HTTP, validation): ``overhead``.
Before anything is timed every pipeline warms up (NLP models and gazetteers load once per
process); the warm-up seconds are reported on their own. Peak memory is the process's
peak RSS: the embedded llama.cpp server runs in-process.
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
DEEP_REPEAT = 72  # about 1,800 tokens: the depth of a long article's later turns
DECODE_TOKENS = 96


@dataclass
class Depth:
    """Milliseconds per token at context depth ``p``: ``base + slope * p``."""

    base: float
    slope: float

    def span_ms(self, start: int, end: int) -> float:
        """Milliseconds for the tokens at depths ``start`` .. ``end``."""
        n = max(end - start, 0)
        return self.base * n + self.slope * (end * end - start * start) / 2


@dataclass
class Rates:
    prefill_tps: float
    decode_tps: float
    source: str  # "server timings" | "wall clock"
    prefill_depth: Depth | None = None  # fitted where the server reports its timings
    decode_depth: Depth | None = None


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
    calls: int = 0
    context_bound_seconds: float | None = None
    ratio_to_context_bound: float | None = None
    server_seconds: float | None = None
    overhead_seconds: float | None = None
    all_seconds: list[float] = field(default_factory=list)  # every run, the fastest kept


def _timings(response: Any) -> dict[str, Any]:
    extra = getattr(response, "model_extra", None) or {}
    timings = extra.get("timings")
    return timings if isinstance(timings, dict) else {}


def _ask(summarizer: Summarizer, prompt: str, max_tokens: int) -> tuple[Any, float]:
    backend = summarizer.backend
    extra = {"ignore_eos": True} if max_tokens > 1 else None
    started = time.monotonic()
    response = backend.raw.chat.completions.create(
        model=backend.model,
        messages=[{"role": "user", "content": prompt}],
        max_tokens=max_tokens,
        temperature=0,
        extra_body=extra,
    )
    return response, time.monotonic() - started


def _fresh(repeat: int, ask: str) -> str:
    return f"[{uuid.uuid4()}] " + FILLER * repeat + ask  # the nonce first: nothing cached


def fit_depth(a: tuple[int, int, float], b: tuple[int, int, float]) -> Depth:
    """``base`` and ``slope`` from two spans ``(start, end, ms)`` of tokens whose cost is
    ``base + slope * depth`` each; the slope is kept >= 0 (noise can tip it)."""
    (s1, e1, t1), (s2, e2, t2) = a, b
    n1, q1 = e1 - s1, (e1 * e1 - s1 * s1) / 2
    n2, q2 = e2 - s2, (e2 * e2 - s2 * s2) / 2
    det = n1 * q2 - n2 * q1
    slope = (n1 * t2 - n2 * t1) / det if det else 0.0
    if slope <= 0:
        return Depth(base=(t1 + t2) / (n1 + n2), slope=0.0)
    return Depth(base=(t1 - slope * q1) / n1, slope=slope)


def _spans(response: Any) -> tuple[tuple[int, int, float], tuple[int, int, float]] | None:
    """The prefill and decode spans ``(start, end, ms)`` of a llama.cpp answer."""
    t = _timings(response)
    if not t.get("prompt_ms") or not t.get("predicted_ms"):
        return None
    cached, prompt, predicted = t.get("cache_n", 0), t["prompt_n"], t["predicted_n"]
    fill = (cached, cached + prompt, float(t["prompt_ms"]))
    end = cached + prompt
    return fill, (end, end + predicted, float(t["predicted_ms"]))


def measure_rates(summarizer: Summarizer, rounds: int = 2) -> Rates:
    """Prefill and decode rates of the summarizer's endpoint (best of ``rounds``): flat
    rates from a ~600-token prefill and a short-context decode, and where the server
    reports timings, per-token costs fitted against context depth (a ~1,800-token prompt
    answered with ``DECODE_TOKENS`` tokens adds the deep points)."""
    prefill, decode, sources = [], [], set()
    best: dict[str, tuple[int, int, float]] = {}

    def ms_per_token(span: tuple[int, int, float]) -> float:
        return span[2] / max(span[1] - span[0], 1)

    def keep(name: str, span: tuple[int, int, float]) -> None:  # the fastest of the rounds
        if name not in best or ms_per_token(span) < ms_per_token(best[name]):
            best[name] = span

    for _ in range(rounds):
        response, elapsed = _ask(summarizer, _fresh(PREFILL_REPEAT, "\nSay OK."), 1)
        timings = _timings(response)
        if timings.get("prompt_per_second"):
            prefill.append(float(timings["prompt_per_second"]))
            sources.add("server timings")
        else:
            prefill.append((response.usage.prompt_tokens or 0) / elapsed)
            sources.add("wall clock")
        spans = _spans(response)
        if spans:
            keep("fill", spans[0])
        response, elapsed = _ask(
            summarizer, f"[{uuid.uuid4()}] Count upward from one.", DECODE_TOKENS
        )
        timings = _timings(response)
        if timings.get("predicted_per_second"):
            decode.append(float(timings["predicted_per_second"]))
        else:
            decode.append((response.usage.completion_tokens or 0) / elapsed)
        spans = _spans(response)
        if spans:
            keep("decode", spans[1])
            deep = _spans(_ask(summarizer, _fresh(DEEP_REPEAT, "\nRetell this."), DECODE_TOKENS)[0])
            if deep:
                keep("deep fill", deep[0])
                keep("deep decode", deep[1])
    rates = Rates(round(max(prefill), 2), round(max(decode), 2), " + ".join(sorted(sources)))
    if len(best) == 4:
        rates.prefill_depth = fit_depth(best["fill"], best["deep fill"])
        rates.decode_depth = fit_depth(best["decode"], best["deep decode"])
    return rates


def compute_bound(prompt: int, cached: int, completion: int, rates: Rates) -> float:
    return max(prompt - cached, 0) / rates.prefill_tps + completion / rates.decode_tps


def context_bound(calls: list[Any], rates: Rates) -> float | None:
    """Seconds the calls' tokens cost at their depths (None without fitted depth costs):
    a call prefills from its cached prefix to its prompt's end, then decodes on from
    there."""
    if rates.prefill_depth is None or rates.decode_depth is None or not calls:
        return None
    ms = 0.0
    for call in calls:
        end = call.prompt_tokens
        ms += rates.prefill_depth.span_ms(min(call.cached_tokens, end), end)
        ms += rates.decode_depth.span_ms(end, end + call.completion_tokens)
    return ms / 1000


def server_seconds(calls: list[Any]) -> float | None:
    """The server's own prefill + decode seconds, when every call reported them."""
    if not calls or any(c.prompt_ms is None or c.predicted_ms is None for c in calls):
        return None
    return sum(c.prompt_ms + c.predicted_ms for c in calls) / 1000


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def _ratio(seconds: float, bound: float | None) -> float | None:
    return round(seconds / bound, 2) if bound else None


def _row(sample: Any, pipeline: str, result: Any, rates: Rates) -> ArticleBench:
    usage = result.usage
    bound = compute_bound(usage.prompt_tokens, usage.cached_tokens, usage.completion_tokens, rates)
    deep = context_bound(usage.calls, rates)
    served = server_seconds(usage.calls)
    return ArticleBench(
        id=sample.id,
        language=sample.language,
        pipeline=pipeline,
        seconds=result.seconds,
        prompt_tokens=usage.prompt_tokens,
        cached_tokens=usage.cached_tokens,
        completion_tokens=usage.completion_tokens,
        bound_seconds=round(bound, 3),
        ratio_to_bound=_ratio(result.seconds, bound) or 0.0,
        ok=result.ok,
        stage_seconds=(result.stages or {}).get("stage_seconds", {}),
        calls=len(usage.calls),
        context_bound_seconds=None if deep is None else round(deep, 3),
        ratio_to_context_bound=_ratio(result.seconds, deep),
        server_seconds=None if served is None else round(served, 3),
        overhead_seconds=None if served is None else round(result.seconds - served, 3),
    )


def _mean(values: list[float | None], digits: int = 2) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.mean(known), digits) if known else None


def run_bench(
    dataset: str,
    pipelines: list[str],
    *,
    reference: str | None = "baseline",
    limit: int | None = None,
    repeat: int = 1,
    make_summarizer: Any = None,
    on_article: Any = None,
) -> dict[str, Any]:
    """Measure rates, then every article under every pipeline; a JSON-ready report.
    With ``repeat`` > 1 the dataset runs that many times and each article's fastest run is
    kept (as ``timeit`` does: on a shared machine the slow runs measure the neighbours).
    A repeat must not be served from a cache: the rounds interleave the articles, and the
    embedded server keeps no RAM prompt cache (``SUMMARIZER_LLAMA_CACHE_RAM_MIB``)."""
    if reference and reference not in pipelines:
        pipelines = [*pipelines, reference]
    samples = load_dataset(dataset)[: limit or None]
    make = make_summarizer or (lambda pipeline: Summarizer(pipeline=pipeline))
    summarizers = {p: make(p) for p in pipelines}
    first = summarizers[pipelines[0]]
    rates = measure_rates(first)
    for other in summarizers.values():  # one server for all (the embedded one is shared)
        other._backend = first.backend
    warm_up = {name: round(s.warm_up(), 2) for name, s in summarizers.items()}
    rows: list[ArticleBench] = []
    for pipeline, summarizer in summarizers.items():
        # Rounds over the whole dataset, not an article twice in a row: a server that
        # keeps the last conversation would answer the repeat from its cache.
        runs: dict[str, list[Any]] = {sample.id: [] for sample in samples}
        for _ in range(max(repeat, 1)):
            for sample in samples:
                runs[sample.id].append(summarizer.extract(sample.text))
        for sample in samples:
            fastest = min(runs[sample.id], key=lambda r: r.seconds)
            rows.append(_row(sample, pipeline, fastest, rates))
            rows[-1].all_seconds = [r.seconds for r in runs[sample.id]]
            if on_article:
                on_article(rows[-1])
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
            "mean_ratio_to_context_bound": _mean([r.ratio_to_context_bound for r in mine]),
            "max_ratio_to_context_bound": max(
                (r.ratio_to_context_bound for r in mine if r.ratio_to_context_bound), default=None
            ),
            "mean_overhead_seconds": _mean([r.overhead_seconds for r in mine]),
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
        "repeat": max(repeat, 1),
        "rates": asdict(rates),
        "warm_up_seconds": warm_up,
        "peak_rss_mib": peak_rss_mib(),
        "summary": summary,
        "articles": [asdict(r) for r in rows],
    }


def write_report(report: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
