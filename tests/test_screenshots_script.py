"""bench/screenshots.py on invented results in a temporary folder: both PNGs written from
real pages in headless Chromium, the richest article chosen, bad input one line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.digest_scale import synthesize
from bench.screenshots import located_items, main, pick_article
from summarizer.errors import InputError
from summarizer.views.results_reader import read_results
from tests.test_article_view import SAMPLE, SAMPLE_MARKS, sample_summary

REPO = Path(__file__).parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install chromium)"
)


def _results(tmp_path: Path, n: int = 12) -> Path:
    """Invented results carrying their texts, the sample article (the richest) among them."""
    records, texts = synthesize(n, seed=3)
    for record, text in zip(records, texts, strict=True):
        if text:
            record["text"] = text
    sample = {"source": "kazan-visit.txt", "text": SAMPLE, **sample_summary().model_dump()}
    records.insert(n // 2, sample)
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_the_richest_article_is_picked_unless_one_is_named(tmp_path):
    entries = read_results([str(_results(tmp_path))])
    index, text = pick_article(entries, None)
    assert entries[index].source == "kazan-visit.txt" and text == SAMPLE
    assert located_items(sample_summary()) == SAMPLE_MARKS
    first, _ = pick_article(entries, 1)
    assert first == 0
    with pytest.raises(InputError, match="rows 1 to 13"):
        pick_article(entries, 99)


@needs_chromium
def test_both_screenshots_are_written_from_invented_results(tmp_path, capsys):
    out = tmp_path / "images"
    assert main([str(_results(tmp_path)), "--out", str(out), "--title", "Invented batch"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 13 and report["article_view"]["source"] == "kazan-visit.txt"
    for name, least in (("digest.png", 100_000), ("article-view.png", 20_000)):
        data = (out / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > least, name  # a page, not a blank


def test_results_without_any_source_text_are_one_line_and_exit_1(tmp_path):
    records, _ = synthesize(4, seed=5)
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "screenshots.py"), str(path), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.strip().count("\n") == 0 and "no article view" in run.stderr
    assert not (tmp_path / "digest.png").exists()
