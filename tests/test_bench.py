"""The speed bench against a fake endpoint: rates, compute bounds, ratios, JSON report."""

import json

from summarizer.evals.bench import Rates, compute_bound, run_bench, write_report
from summarizer.pipeline import Summarizer
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
    assert all(r["bound_seconds"] > 0 and r["ratio_to_reference"] is not None for r in rows)
    assert {r["ratio_to_reference"] for r in rows if r["pipeline"] == "single_call"} == {1.0}
    assert report["summary"]["default"]["articles"] == 2
    path = write_report(report, tmp_path / "bench.json")
    assert json.loads(path.read_text())["summary"] == report["summary"]
