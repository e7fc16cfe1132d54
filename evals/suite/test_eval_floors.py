"""Floors (evals/thresholds/<dataset>.json) on a real model run: every article answered,
every field, the overall mean and each language above its measured floor, and every floor
above what an empty answer scores."""

from __future__ import annotations

import pytest

from summarizer.evals.scoring import FIELDS


def _article(scores, gold_id):
    return next(a for a in scores["articles"] if a["article_id"] == gold_id)


def _check(thresholds, name, value, floor):
    info = thresholds["not_above_empty"].get(name)
    if info is not None:
        # No floor above the empty answer can be met; still catch a further fall.
        margin = thresholds["margins"]["language_field" if "." in name else "field"]
        regression = round(info["measured"] - margin, 4)
        assert value >= regression, f"{name}: {value:.3f} fell below {regression}"
        pytest.xfail(
            f"{name}: measured {info['measured']:.2f} is not above the empty answer's "
            f"{info['empty_answer']:.2f}; no meaningful floor (now {value:.2f})"
        )
    assert floor is not None, f"{name}: no floor recorded"
    assert value >= floor, f"{name}: {value:.3f} < floor {floor}"


def test_article_did_not_fail(eval_scores, gold_id):
    article = _article(eval_scores, gold_id)
    assert not article["failed"], f"{gold_id} produced no valid output"


def test_no_article_is_missing(eval_scores):
    assert not eval_scores["aggregate"].get("missing_ids")


def test_floors_are_above_the_empty_answer(thresholds):
    empty = thresholds["empty_answer"]
    for field, floor in thresholds["field_floors"].items():
        assert floor > empty["fields"][field], field
    assert thresholds["overall_floor"] > empty["overall"]


@pytest.mark.parametrize("field", FIELDS)
def test_field_mean_floor(eval_scores, thresholds, field):
    mean = eval_scores["aggregate"]["fields"][field]
    _check(thresholds, field, mean, thresholds["field_floors"].get(field))


def test_overall_floor(eval_scores, thresholds):
    _check(thresholds, "overall", eval_scores["aggregate"]["overall"], thresholds["overall_floor"])


@pytest.mark.parametrize("field", ("overall", *FIELDS))
def test_language_floor(eval_scores, thresholds, language, field):
    floors = thresholds["language_floors"].get(language)
    per = eval_scores["aggregate"]["per_language"].get(language)
    if floors is None or per is None:
        pytest.skip(f"no '{language}' articles in this dataset")
    value = per["overall"] if field == "overall" else per["fields"][field]
    floor = floors["overall"] if field == "overall" else floors["fields"].get(field)
    _check(thresholds, f"{language}.{field}", value, floor)
