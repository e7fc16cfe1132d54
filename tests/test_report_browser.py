"""The HTML report with hostile content, opened in a real headless Chromium: the page
renders and no injected script runs (Debian's `chromium`; CI installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from summarizer.evals import scoring
from summarizer.evals.report_html import render_html
from tests.test_report_html import _gold, _output

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = [
    "<script>document.body.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "<svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>",
    "\"><script>document.title='PWNED'</script>",
    "[/red] ]]> -->",
]
TEXT = "Министр Анна Петрова встретилась с делегацией. " + " ".join(HOSTILE)


def _dump_dom(page: Path, tmp_path: Path) -> str:
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return result.stdout.decode()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_hostile_report_renders_in_chromium_without_running_any_script(tmp_path):
    hostile = " ".join(HOSTILE)
    gold = _gold("a0")
    gold["notes"] = hostile
    start = TEXT.index("Анна Петрова")
    person = {
        "name": f"Anna {hostile}",
        "role": hostile,
        "evidence": "Анна Петрова",
        "start": start,
        "end": start + len("Анна Петрова"),
        "grounded": True,
        "match": "exact",
    }
    output = _output([person])
    output["headline"] = f"Headline {hostile}"
    output["summary"] = f"Anna Petrova met the delegation. {hostile}"
    record = {
        "id": "a0 <script>x</script>",
        "language": "ru",
        "text": TEXT,
        "gold": gold,
        "extraction": {
            "output": output,
            "error": None,
            "seconds": 1.0,
            "warnings": [hostile],
            "usage": {},
            "raw_responses": [hostile],
        },
    }
    score = scoring.score_article(gold, output, source=TEXT)
    scores = {"aggregate": scoring.aggregate([score]), "articles": [score.__dict__]}
    header = {"run_id": f"run {hostile}", "model": hostile, "base_url": "embedded"}
    page = tmp_path / "report.html"
    page.write_text(render_html(header, [record], scores), encoding="utf-8")

    dom = _dump_dom(page, tmp_path)
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<title>PWNED" not in dom
    assert "Anna Petrova met the delegation." in dom  # the page itself rendered
    assert "&lt;script&gt;" in dom  # hostile text shown as text
    assert '<mark class="f-people' in dom and "Анна Петрова</mark>" in dom  # the quote itself
