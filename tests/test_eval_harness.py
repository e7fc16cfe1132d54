"""The eval harness end to end against a fake endpoint (scoring is under test, not a model)."""

import json

import pytest

from summarizer import Summarizer
from summarizer.evals.cache import ResponseCache
from summarizer.evals.compare import compare_scores
from summarizer.evals.runner import read_run, run_eval, score_run
from tests.fake_openai import FakeOpenAI, completion
from tests.test_transport import DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    from summarizer import transport

    monkeypatch.setattr(transport.RetryingTransport, "_wait", lambda self, state: 0.01)


def summarizer_for(fake, pipeline="single_call"):
    # One request per article: these tests are about the harness, not the stages.
    return Summarizer(
        "fake",
        base_url=fake.base_url,
        api_key="sk-never-logged",
        pipeline=pipeline,
        transport_retries=0,
    )


def test_run_then_rescore_gives_the_same_numbers_and_writes_every_file(tmp_path):
    cache = ResponseCache(tmp_path / "cache")
    with FakeOpenAI([OK]) as fake:
        run_dir = run_eval("seeds", summarizer_for(fake), runs_dir=tmp_path, cache=cache)
    for name in ("header.json", "predictions.jsonl", "scores.json", "report.md", "report.html"):
        assert (run_dir / name).is_file(), name
    header, records = read_run(run_dir)
    assert len(records) == 5 and header["pipeline"] == "single_call"
    assert header["prompt_version"].startswith("default@")
    first = json.loads((run_dir / "scores.json").read_text())
    again = score_run(run_dir)
    assert again["aggregate"] == first["aggregate"]
    assert 0.0 < first["aggregate"]["overall"] < 1.0
    everything = "".join(p.read_text() for p in run_dir.iterdir())
    assert "sk-never-logged" not in everything


def test_cache_answers_identical_requests_and_no_cache_bypasses_it(tmp_path):
    cache = ResponseCache(tmp_path / "cache")
    with FakeOpenAI([OK]) as fake:
        run_eval("seeds", summarizer_for(fake), runs_dir=tmp_path, cache=cache)
        calls = len(fake.requests)
        second = run_eval("seeds", summarizer_for(fake), runs_dir=tmp_path, cache=cache)
        assert len(fake.requests) == calls  # all five answered from the cache
        run_eval("seeds", summarizer_for(fake), runs_dir=tmp_path, cache=cache, use_cache=False)
        assert len(fake.requests) == calls + 5
    assert all(r["cached"] for r in read_run(second)[1])


def test_a_failed_article_is_recorded_scored_zero_and_the_run_goes_on(tmp_path):
    script = [(500, {"error": {"message": "boom"}}, {}, 0.0), OK]
    with FakeOpenAI(script) as fake:
        run_dir = run_eval(
            "seeds", summarizer_for(fake), runs_dir=tmp_path, cache=ResponseCache(tmp_path / "c")
        )
    _, records = read_run(run_dir)
    assert records[0]["extraction"]["error_type"] == "BackendError"
    assert all(r["extraction"]["output"] for r in records[1:])
    scores = json.loads((run_dir / "scores.json").read_text())
    assert scores["aggregate"]["n_failed"] == 1
    assert scores["articles"][0]["overall"] == 0.0


def test_baseline_pipeline_and_compare(tmp_path):
    loose = dict(DRAFT, language="ru", countries=["RU", "Russia"], event_date="12 May")
    reply = (200, completion("Here you go:\n```json\n" + json.dumps(loose) + "\n```"), {}, 0.0)
    with FakeOpenAI([reply]) as fake:
        base = run_eval(
            "seeds",
            summarizer_for(fake, "baseline"),
            runs_dir=tmp_path,
            cache=ResponseCache(tmp_path / "c"),
        )
        assert "response_format" not in fake.requests[0]  # no constrained decoding
    with FakeOpenAI([OK]) as fake:
        default = run_eval(
            "seeds", summarizer_for(fake), runs_dir=tmp_path, cache=ResponseCache(tmp_path / "c")
        )
    _, records = read_run(base)
    output = records[0]["extraction"]["output"]
    assert output["countries"] == ["RU"] and output["event_date"] is None  # invalid parts dropped
    result = compare_scores(
        json.loads((base / "scores.json").read_text()),
        json.loads((default / "scores.json").read_text()),
    )
    rows = {r["name"]: r for r in result["fields"]}
    assert set(rows) >= {"overall", "people", "summary"}
    expected = rows["overall"]["b"] - rows["overall"]["a"]
    assert rows["overall"]["delta"] == pytest.approx(expected, abs=1e-4)


def test_a_refused_article_is_a_failed_record_of_the_same_shape(tmp_path):
    import shutil

    from summarizer.evals.dataset import resolve_dataset

    data = tmp_path / "set"
    shutil.copytree(resolve_dataset("seeds"), data)
    first = sorted((data / "articles").iterdir())[0]
    first.write_text("   \n", encoding="utf-8")
    with FakeOpenAI([OK]) as fake:
        run_dir = run_eval(
            data, summarizer_for(fake), runs_dir=tmp_path, cache=ResponseCache(tmp_path / "c")
        )
    _, records = read_run(run_dir)
    failed, ok = records[0]["extraction"], records[1]["extraction"]
    assert failed["error_type"] == "InputError" and failed["output"] is None
    assert set(failed) == set(ok)
    assert all(r["extraction"]["output"] for r in records[1:])


def test_a_run_cut_short_counts_missing_articles_as_failed(tmp_path):
    with FakeOpenAI([OK]) as fake:
        run_dir = run_eval(
            "seeds", summarizer_for(fake), runs_dir=tmp_path, cache=ResponseCache(tmp_path / "c")
        )
    full = json.loads((run_dir / "scores.json").read_text())["aggregate"]
    lines = (run_dir / "predictions.jsonl").read_text(encoding="utf-8").splitlines(True)
    (run_dir / "predictions.jsonl").write_text("".join(lines[:3]), encoding="utf-8")
    cut = score_run(run_dir)["aggregate"]
    assert (cut["n_articles"], cut["n_failed"]) == (5, 2)
    assert len(cut["missing_ids"]) == 2
    per_article = json.loads((run_dir / "scores.json").read_text())["articles"]
    kept = [a["overall"] for a in per_article if not a["failed"]]
    assert cut["overall"] == pytest.approx(sum(kept) / 5)
    assert cut["overall"] < full["overall"]
    # a header from before the article list was recorded: the dataset names the articles
    header = json.loads((run_dir / "header.json").read_text())
    del header["articles"]
    (run_dir / "header.json").write_text(json.dumps(header))
    assert score_run(run_dir)["aggregate"]["n_failed"] == 2


def test_grounding_rate_falls_below_one_when_the_model_invents_quotes(tmp_path):
    invented = dict(
        DRAFT,
        people=[
            {"name": "Ivan Petrov", "role": "minister", "evidence": "Иван Петров сказал это"},
        ],
    )
    reply = (200, completion(json.dumps(invented)), {}, 0.0)
    with FakeOpenAI([reply]) as fake:
        base = run_eval(
            "seeds",
            summarizer_for(fake, "baseline"),
            runs_dir=tmp_path,
            cache=ResponseCache(tmp_path / "c"),
        )
        default = run_eval(
            "seeds", summarizer_for(fake), runs_dir=tmp_path, cache=ResponseCache(tmp_path / "c")
        )
    base_extras = json.loads((base / "scores.json").read_text())["aggregate"]["extras"]
    assert base_extras["grounding_rate"]["mean"] == 0.0  # returned, flagged, not in the text
    default_extras = json.loads((default / "scores.json").read_text())["aggregate"]["extras"]
    assert default_extras["grounding_rate"]["n"] == 0  # the library dropped them all...
    assert default_extras["grounding_rate_proposed"]["mean"] == 0.0  # ...but they are counted
