"""The speed bench against a fake endpoint: rates, compute bounds, ratios, JSON report."""

import json

from summarizer.evals.bench import (
    Depth,
    Rates,
    compute_bound,
    context_bound,
    fit_depth,
    run_bench,
    server_seconds,
    write_report,
)
from summarizer.pipeline import Summarizer
from summarizer.stages.conversation import CallUsage
from tests.fake_openai import FakeOpenAI, completion
from tests.test_transport import DRAFT


def test_the_compute_bound_counts_only_uncached_prompt_tokens():
    rates = Rates(prefill_tps=100.0, decode_tps=10.0, source="wall clock")
    assert compute_bound(1000, 400, 50, rates) == 6.0 + 5.0


def test_a_bench_reports_every_article_under_each_pipeline_and_its_reference(tmp_path):
    with FakeOpenAI([(200, completion(json.dumps(DRAFT)), {}, 0.0)]) as fake:

        def make(pipeline):
            return Summarizer("fake", base_url=fake.base_url, api_key="k", pipeline=pipeline)

        seen = []
        report = run_bench(
            "seeds",
            ["default"],
            reference="single_call",
            limit=2,
            make_summarizer=make,
            on_article=seen.append,
        )
    assert report["pipelines"] == ["default", "single_call"]
    assert report["rates"]["prefill_tps"] > 0 and report["rates"]["decode_tps"] > 0
    assert [(r.pipeline, r.ok) for r in seen] == [("default", True)] * 2 + [
        ("single_call", True)
    ] * 2
    rows = report["articles"]
    # an article whose stages need no model call (every name composed) has no compute bound
    assert all((r["bound_seconds"] > 0) == (r["calls"] > 0) for r in rows)
    assert all(r["ratio_to_reference"] is not None for r in rows)
    assert {r["ratio_to_reference"] for r in rows if r["pipeline"] == "single_call"} == {1.0}
    assert report["summary"]["default"]["articles"] == 2
    assert set(report["warm_up_seconds"]) == {"default", "single_call"}
    assert all(r["calls"] >= 1 for r in rows if r["pipeline"] == "single_call")
    assert any(r["calls"] >= 1 for r in rows if r["pipeline"] == "default")
    # a server without llama.cpp timings: no depth fit, no context bound, no overhead split
    assert report["rates"]["decode_depth"] is None
    assert {r["ratio_to_context_bound"] for r in rows} == {None}
    assert report["summary"]["default"]["mean_overhead_seconds"] is None
    path = write_report(report, tmp_path / "bench.json")
    assert json.loads(path.read_text())["summary"] == report["summary"]


def test_depth_costs_are_recovered_from_two_spans():
    truth = Depth(base=30.0, slope=0.01)  # 30 ms per token plus 10 ms per 1,000 deep
    short, deep = (20, 116), (1800, 1896)
    fitted = fit_depth((*short, truth.span_ms(*short)), (*deep, truth.span_ms(*deep)))
    assert abs(fitted.base - 30.0) < 1e-6 and abs(fitted.slope - 0.01) < 1e-9


def test_a_noisy_negative_slope_is_flattened_to_the_mean_cost():
    fitted = fit_depth((0, 100, 4000.0), (1000, 1100, 3900.0))
    assert fitted.slope == 0.0 and fitted.base == 7900.0 / 200


def test_the_context_bound_charges_each_call_at_its_depth():
    rates = Rates(
        prefill_tps=100.0,
        decode_tps=10.0,
        source="server timings",
        prefill_depth=Depth(base=10.0, slope=0.0),
        decode_depth=Depth(base=100.0, slope=0.1),
    )
    calls = [
        CallUsage(prompt_tokens=1000, cached_tokens=400, completion_tokens=10),
        CallUsage(prompt_tokens=1_200, cached_tokens=1010, completion_tokens=10),
    ]
    # prefill 600 + 190 tokens at 10 ms; decode 10 tokens at depths 1000..1010 and
    # 1_200..1_210, 100 ms + 0.1 ms per token of depth
    expected = (
        790 * 10 + 2 * 1000 + 0.1 * ((1010**2 - 1000**2) + (1_210**2 - 1_200**2)) / 2
    ) / 1000
    assert abs(context_bound(calls, rates) - expected) < 1e-9
    assert context_bound(calls, Rates(100.0, 10.0, "wall clock")) is None


def test_server_seconds_need_every_call_timed():
    timed = CallUsage(prompt_ms=1500.0, predicted_ms=500.0)
    assert server_seconds([timed, timed]) == 4.0
    assert server_seconds([timed, CallUsage()]) is None


def test_the_bench_command_prints_both_tables_in_80_columns_and_writes_json(tmp_path):
    from tests.test_cli import fake_env, run_cli

    with FakeOpenAI([(200, completion(json.dumps(DRAFT)), {}, 0.0)]) as fake:
        out = tmp_path / "bench.json"
        done = run_cli(
            "bench",
            "--limit",
            "1",
            "--repeat",
            "2",
            "--reference",
            "none",
            "-o",
            str(out),
            env={**fake_env(fake), "COLUMNS": "80"},
        )
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode()
    assert "t/context" in text and "completion" in text and "…" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    report = json.loads(out.read_text())
    assert report["repeat"] == 2 and len(report["articles"][0]["all_seconds"]) == 2


def test_usage_keeps_each_call_with_the_servers_own_timings():
    from types import SimpleNamespace

    from summarizer.stages.conversation import Usage

    def response(prompt, cached, completion, timings=None):
        usage = SimpleNamespace(
            prompt_tokens=prompt,
            completion_tokens=completion,
            prompt_tokens_details=SimpleNamespace(cached_tokens=cached),
        )
        return SimpleNamespace(usage=usage, model_extra={"timings": timings} if timings else {})

    usage = Usage()
    usage.add(response(900, 350, 120, {"prompt_ms": 8000.0, "predicted_ms": 4000.0}))
    usage.add(response(1300, 1020, 80))
    assert (usage.prompt_tokens, usage.cached_tokens, usage.completion_tokens) == (2200, 1370, 200)
    assert [(c.prompt_tokens, c.cached_tokens, c.prompt_ms) for c in usage.calls] == [
        (900, 350, 8000.0),
        (1300, 1020, None),
    ]
    assert server_seconds(usage.calls[:1]) == 12.0 and server_seconds(usage.calls) is None
