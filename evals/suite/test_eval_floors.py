"""Per-article and per-field floors (evals/thresholds.json) on a real model run."""

from __future__ import annotations

import pytest

from summarizer.evals.scoring import FIELDS


def _article(scores, gold_id):
    return next(a for a in scores["articles"] if a["article_id"] == gold_id)


def test_article_did_not_fail(eval_scores, gold_id):
    article = _article(eval_scores, gold_id)
    assert not article["failed"], f"{gold_id} produced no valid output"


def test_article_field_floors(eval_scores, thresholds, gold_id):
    article = _article(eval_scores, gold_id)
    below = {
        field: article["fields"][field]
        for field, floor in thresholds["article_floors"].items()
        if article["fields"][field] < floor
    }
    assert not below, f"{gold_id} below per-article floors: {below}"


@pytest.mark.parametrize("field", FIELDS)
def test_field_mean_floor(eval_scores, thresholds, field):
    mean = eval_scores["aggregate"]["fields"][field]
    floor = thresholds["field_floors"].get(field, 0.0)
    assert mean >= floor, f"{field}: mean {mean:.3f} < floor {floor}"


def test_overall_floor(eval_scores, thresholds):
    overall = eval_scores["aggregate"]["overall"]
    assert overall >= thresholds["overall_floor"], (
        f"overall {overall:.3f} fell below the floor {thresholds['overall_floor']}"
    )
