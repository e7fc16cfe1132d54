"""The shipped gold labels are valid against the schema and the gold format."""

import json
import shutil

import pytest

from summarizer.errors import InputError
from summarizer.evals.dataset import load_dataset, resolve_dataset
from summarizer.evals.scoring import FIELDS, empty_prediction, score_article
from summarizer.grounding import locate

SAMPLES = load_dataset("seeds")
DATASETS = [d.name for d in sorted(resolve_dataset("seeds").parent.iterdir()) if d.is_dir()]
ALL_SAMPLES = [s for name in DATASETS for s in load_dataset(name)]


def test_seeds_dataset_has_the_five_articles_in_three_languages():
    assert len(SAMPLES) == 5
    assert {s.language for s in SAMPLES} == {"ru", "kk", "vi"}


def test_every_bundled_dataset_is_loaded():
    assert {"seeds", "dev"} <= set(DATASETS)


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda s: s.id)
def test_gold_evidence_is_verbatim_and_aliases_name_real_items(sample):
    expected = sample.gold["expected"]
    for field in ("people", "organizations", "agreements", "figures"):
        for item in expected[field]:
            if item.get("evidence"):
                assert locate(item["evidence"], sample.text).match == "exact", item
    for field, table in sample.gold["aliases"].items():
        names = {item["name"] for item in expected[field]}
        assert set(table) <= names, (field, set(table) - names)


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda s: s.id)
def test_gold_scores_perfectly_against_itself(sample):
    score = score_article(sample.gold, sample.gold["expected"], source=sample.text)
    assert score.fields == dict.fromkeys(FIELDS, 1.0), score.details["summary"]["missed_facts"]
    assert score.extras["grounding_rate"] in (None, 1.0)


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda s: s.id)
def test_an_empty_answer_scores_only_the_fields_whose_gold_is_empty(sample):
    expected = sample.gold["expected"]
    empty_in_gold = [f for f in FIELDS if f != "summary" and expected.get(f) in (None, [])]
    score = score_article(sample.gold, empty_prediction(), source=sample.text)
    assert score.fields == {f: float(f in empty_in_gold) for f in FIELDS}
    assert score.overall == pytest.approx(len(empty_in_gold) / len(FIELDS))


def test_any_folder_in_the_format_works_and_broken_gold_is_named(tmp_path):
    root = resolve_dataset("seeds")
    shutil.copytree(root, tmp_path / "mine")
    assert len(load_dataset(tmp_path / "mine")) == 5
    gold = tmp_path / "mine" / "gold" / f"{SAMPLES[0].id}.json"
    data = json.loads(gold.read_text())
    data["expected"]["countries"] = ["Russia"]
    gold.write_text(json.dumps(data))
    with pytest.raises(InputError, match="countries"):
        load_dataset(tmp_path / "mine")
    with pytest.raises(InputError, match="not found"):
        load_dataset(tmp_path / "nothing-here")
