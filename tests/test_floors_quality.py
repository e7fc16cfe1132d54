"""Floors are computed from two runs and never sit at or below the empty answer; the
quality file the library ships is written from scored runs and read back for warnings."""

import json

import pytest

from summarizer.errors import InputError
from summarizer.evals.floors import compute_floors, empty_answer_scores
from summarizer.evals.quality_file import build_quality
from summarizer.evals.scoring import FIELDS


def _agg(overall, fields, per_language):
    return {"aggregate": {"overall": overall, "fields": fields, "per_language": per_language}}


def _lang(overall, fields):
    return {"n": 2, "overall": overall, "fields": fields}


def test_floors_are_below_the_lower_run_and_above_the_empty_answer():
    empty = empty_answer_scores("seeds")
    fields = {f: 0.9 for f in FIELDS}
    fields["agreements"] = 0.2  # worse than answering nothing on seeds (empty: 0.6)
    fields["figures"] = empty["fields"]["figures"] + 0.02  # barely above the empty answer
    per = {lang: _lang(0.8, fields) for lang in empty["per_language"]}
    a = _agg(0.8, fields, per)
    b = _agg(0.7, dict(fields, people=0.5), per)
    floors = compute_floors(a, b, empty)
    assert floors["overall_floor"] == pytest.approx(0.65)
    assert floors["field_floors"]["people"] == pytest.approx(0.35)
    assert floors["field_floors"]["language"] == pytest.approx(0.75)
    assert floors["field_floors"]["figures"] > empty["fields"]["figures"]
    assert "agreements" not in floors["field_floors"]
    assert floors["not_above_empty"]["agreements"] == {
        "measured": 0.2,
        "empty_answer": pytest.approx(empty["fields"]["agreements"], abs=1e-4),
    }
    for floor_field, value in floors["field_floors"].items():
        assert value > empty["fields"][floor_field]
    assert set(floors["language_floors"]) == set(empty["per_language"])


def test_a_partial_run_cannot_set_floors():
    empty = empty_answer_scores("seeds")
    run = _agg(0.5, {f: 0.5 for f in FIELDS}, {})
    run["aggregate"]["missing_ids"] = ["x"]
    with pytest.raises(InputError, match="missing"):
        compute_floors(run, run, empty)


def _run(tmp_path, name, dataset, articles, model="m", pipeline="default"):
    folder = tmp_path / name
    folder.mkdir()
    header = {"run_id": name, "dataset": dataset, "model": model, "pipeline": pipeline}
    (folder / "header.json").write_text(json.dumps(header))
    (folder / "predictions.jsonl").write_text("")
    scores = {
        "run_id": name,
        "aggregate": {"n_articles": len(articles)},
        "articles": [
            {"language": lang, "overall": o, "fields": {"summary": s}} for lang, o, s in articles
        ],
    }
    (folder / "scores.json").write_text(json.dumps(scores))
    return folder


def test_quality_pools_validation_runs_per_language_and_names_what_is_behind_each_number(
    tmp_path,
):
    one = _run(tmp_path, "r1", "x/validation", [("ru", 0.6, 0.5), ("kk", 0.2, 0.0)])
    two = _run(tmp_path, "r2", "y/validation", [("ru", 0.8, 1.0), ("vi", 0.5, 0.5)])
    quality = build_quality([one, two])
    assert quality["languages"]["ru"] == {
        "articles": 2,
        "datasets": {"validation": 2},
        "overall": 0.7,
        "summary_coverage": 0.75,
    }
    assert [r["run_id"] for r in quality["runs"]] == ["r1", "r2"]
    other = _run(tmp_path, "r3", "x/validation", [("ru", 0.1, 0.1)], model="another")
    with pytest.raises(InputError, match="one model"):
        build_quality([one, other])


def test_quality_never_comes_from_a_tuned_on_split(tmp_path):
    dev = _run(tmp_path, "r4", "x/dev", [("ru", 0.9, 0.9)])
    with pytest.raises(InputError, match="validation"):
        build_quality([dev])


def test_the_library_warns_from_the_shipped_quality_file(monkeypatch):
    from summarizer import quality

    fake = {
        "runs": [{"run_id": "r9", "dataset": "dev", "n_articles": 3}],
        "languages": {
            "ru": {"articles": 2, "datasets": {"dev": 2}, "overall": 0.61, "summary_coverage": 0.5},
            "kk": {"articles": 1, "datasets": {"dev": 1}, "overall": 0.2, "summary_coverage": 0.1},
        },
    }
    monkeypatch.setattr(quality, "measured_quality", lambda: fake)
    ru = quality.language_caveat("ru")
    assert "0.61" in ru and "2 gold 'ru' articles" in ru and "r9" in ru and "poorly" not in ru
    assert "poorly" in quality.language_caveat("kk") and "10%" in quality.language_caveat("kk")
    assert "not been measured" in quality.language_caveat("de")
    assert quality.language_caveat(None) is None
