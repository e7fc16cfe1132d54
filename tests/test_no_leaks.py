"""No name, number or phrase of any eval dataset inside the product."""

import shutil
from pathlib import Path

from summarizer.evals.dataset import resolve_dataset
from summarizer.evals.leaks import find_leaks

REPO = Path(__file__).parents[1]
PRODUCT = [REPO / "prompts", REPO / "schemas", REPO / "summarizer"]
TESTS = [REPO / "tests"]  # rules are shown working on invented text, never dataset text
DATASETS = [d for d in sorted(resolve_dataset("seeds").parent.iterdir()) if d.is_dir()]


def test_the_product_and_its_tests_hold_no_dataset_content():
    leaks = find_leaks(PRODUCT + TESTS, DATASETS)
    assert not leaks, "\n".join(
        f"{x.file}: {x.kind} {x.needle!r} ({x.dataset_item})" for x in leaks
    )


def _planted(tmp_path: Path, text: str) -> list:
    product = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", product)
    with (product / "default.system.j2").open("a", encoding="utf-8") as f:
        f.write(text)
    return find_leaks([product], DATASETS)


def _gold_sample():
    import json

    gold_dir = DATASETS[0] / "gold"
    return json.loads(sorted(gold_dir.glob("*.json"))[0].read_text(encoding="utf-8"))


def test_a_planted_person_name_is_found(tmp_path):
    gold = _gold_sample()
    person = gold["expected"]["people"][0]["name"]
    leaks = _planted(tmp_path, f'\n- e.g. "{person.upper()}" -> ...\n')
    assert leaks
    assert {(x.kind, x.dataset_item.split("/")[1]) for x in leaks} == {("name", gold["id"])}


def test_a_planted_article_phrase_and_figure_are_found(tmp_path):
    gold = _gold_sample()
    article = (DATASETS[0] / gold["source"]).read_text(encoding="utf-8")
    phrase = " ".join(article.split()[10:18])
    figures = [f for f in (_g["expected"]["figures"] for _g in [gold]) for f in f]
    kinds = {x.kind for x in _planted(tmp_path, f"\nExample: {phrase}\n")}
    assert "phrase" in kinds
    big = [f for f in figures if f["value"] >= 1000 and str(int(f["value"])).rstrip("0")[1:]]
    if big:
        kinds = {x.kind for x in _planted(tmp_path, f"\nvalue {int(big[0]['value'])}\n")}
        assert kinds == {"number"}


def test_invented_text_is_not_a_leak(tmp_path):
    assert _planted(tmp_path, "\nA made-up minister, Petra Quillon, opened 37 clinics.\n") == []
