"""Screenshots of the digest and one article view, made from real results, for the docs.

    python -m bench.screenshots RUN_OR_RESULTS... [--out docs/images] [--article N]

Reads results the way ``summarizer digest`` does (eval run folders, ``--output`` folders,
json/jsonl files; :func:`summarizer.views.results_reader.read_results`), writes the digest
and its article pages into a temporary folder (:func:`summarizer.views.digest.write_digest`),
and photographs them in headless Chromium (``tests/browser.py``: the DevTools protocol on
a pipe, no port opened): ``OUT/digest.png`` (the whole page, rows sorted by date) and
``OUT/article-view.png`` (the window, 1200x900). The article shown is ``--article N`` (the
digest's row number) or else the one with the most highlighted items among those whose
source text is at hand. A page that logs a console message, an exception or a CSP
refusal is an error (exit 1): a screenshot of a broken page must not reach the docs.
Prints what it wrote as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a file (python bench/screenshots.py): find tests/
    sys.path.insert(0, str(REPO))

from summarizer.errors import InputError  # noqa: E402
from summarizer.schemas.article import ArticleSummary  # noqa: E402
from summarizer.views.article import render_article_html  # noqa: E402
from summarizer.views.digest import write_digest  # noqa: E402
from summarizer.views.results_reader import Entry, find_source_text, read_results  # noqa: E402
from tests.browser import Browser  # noqa: E402

DIGEST_SIZE = (1280, 820)
ARTICLE_SIZE = (1200, 900)


def located_items(summary: ArticleSummary) -> int:
    """How many items of ``summary`` the article view can highlight (they have offsets)."""
    items: list[Any] = [
        item
        for field in ("people", "organizations", "locations", "agreements", "figures")
        for item in getattr(summary, field)
    ]
    if summary.event_date_evidence is not None:
        items.append(summary.event_date_evidence)
    return sum(1 for item in items if item.start is not None and item.grounded is not False)


def pick_article(entries: list[Entry], row: int | None) -> tuple[int, str]:
    """(0-based index, source text) of the article to show: row ``row`` (1-based), else the
    one with the most highlighted items (the first of equals). InputError when there is
    none with its source text at hand."""
    if row is not None:
        if not 1 <= row <= len(entries):
            raise InputError(f"--article {row}: the results hold rows 1 to {len(entries)}")
        text = find_source_text(entries[row - 1])
        if text is None:
            raise InputError(f"--article {row}: no summary or no source text at hand for it")
        return row - 1, text
    best: tuple[int, int, str] | None = None
    for index, entry in enumerate(entries):
        text = find_source_text(entry)
        if text is None or entry.summary is None:
            continue
        score = located_items(entry.summary)
        if best is None or score > best[0]:
            best = (score, index, text)
    if best is None:
        raise InputError("no article has its source text at hand: no article view to show")
    return best[1], best[2]


def _shoot(browser: Browser, page: Path, png: Path, *, full_page: bool) -> int:
    browser.open(page)
    if browser.evaluate("document.documentElement.getAttribute('data-view')") != "ready":
        raise RuntimeError(f"{page.name}: the page's script did not run")
    if page.name == "digest.html":
        browser.click("#articles th:nth-child(2) button")  # by date
        browser.evaluate("window.scrollTo(0, 0)")
    data = browser.screenshot(png, full_page=full_page)
    problems = browser.problems() + [f"dialog: {d}" for d in browser.dialogs()]
    if problems:
        raise RuntimeError(f"{page.name}: " + "; ".join(problems))
    return len(data)


def make_screenshots(
    paths: list[str],
    out: Path,
    *,
    article: int | None = None,
    chromium: str | None = None,
    title: str = "",
) -> dict[str, Any]:
    """Write ``out/digest.png`` and ``out/article-view.png`` from the results in ``paths``;
    returns what was written (see the module docstring)."""
    chromium = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise InputError("chromium not found (apt-get install chromium, or pass --chromium)")
    entries = read_results(paths)
    index, text = pick_article(entries, article)
    entry = entries[index]
    assert entry.summary is not None
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        folder = Path(tmp)
        digest = folder / "digest.html"
        counts = write_digest(entries, digest, title=title)
        view = folder / "article-view.html"
        view.write_text(render_article_html(text, entry.summary, entry.source), encoding="utf-8")
        with Browser(
            chromium, folder / "profile", width=DIGEST_SIZE[0], height=DIGEST_SIZE[1]
        ) as b:
            digest_bytes = _shoot(b, digest, out / "digest.png", full_page=True)
        with Browser(
            chromium, folder / "profile-2", width=ARTICLE_SIZE[0], height=ARTICLE_SIZE[1]
        ) as b:
            view_bytes = _shoot(b, view, out / "article-view.png", full_page=False)
    return {
        **counts,
        "digest": {"path": str(out / "digest.png"), "bytes": digest_bytes},
        "article_view": {
            "path": str(out / "article-view.png"),
            "bytes": view_bytes,
            "row": index + 1,
            "source": entry.source,
            "highlighted": located_items(entry.summary),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="RUN_OR_RESULTS")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images")
    parser.add_argument("--article", type=int, help="the digest row (1-based) to show")
    parser.add_argument("--title", default="", help="the digest's title")
    parser.add_argument("--chromium", help="the Chromium binary (default: from PATH)")
    args = parser.parse_args(argv)
    try:
        report = make_screenshots(
            args.paths, args.out, article=args.article, chromium=args.chromium, title=args.title
        )
    except (InputError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
