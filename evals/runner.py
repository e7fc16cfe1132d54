"""Eval runs: dataset -> pipeline -> predictions.jsonl -> scores.json + reports.

A run folder (``runs/<time>_<model>_<pipeline>/``) holds:
- ``header.json``: what was run (model, endpoint, mode, pipeline, prompt version, schema
  hash, dataset and gold hashes, settings, git revision, package versions);
- ``predictions.jsonl``: one record per article, appended as each finishes (a crash loses
  nothing already done): gold, source text, output, raw responses, usage, seconds, errors;
- ``scores.json``, ``report.md``, ``report.html``: written by :func:`score_run`, which
  needs no model, so a saved run can be re-scored any time.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import os
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.evals.cache import ResponseCache, cache_key
from summarizer.evals.dataset import Sample, check_gold_types, load_dataset, resolve_dataset
from summarizer.evals.report_html import render_html
from summarizer.evals.report_md import render_markdown
from summarizer.evals.scoring import aggregate, score_article
from summarizer.pipeline import Extraction, Summarizer
from summarizer.schemas.article import ArticleDraft
from summarizer.settings import redact_url

SCORER_VERSION = "article-schema-v1/1"
Judge = Callable[[str, list[str]], list[bool]]


def _package_versions() -> dict[str, str]:
    versions = {}
    for name in ("summarizer", "instructor", "openai", "pydantic", "xllamacpp"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _git_revision() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            cwd=Path(__file__).parent,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip("-")[:60] or "model"


CODE_SUFFIXES = (".py", ".j2", ".json")


def code_hash() -> str:
    """A hash of the library's code, prompts, schemas and language data, every subpackage
    included (the stages and ``languages/`` decide the answer as much as the model): any
    change there can change an answer, so it is part of the response-cache key."""
    digest = hashlib.sha256()
    for package in ("summarizer", "summarizer.schemas", "summarizer.prompts"):
        root = Path(str(importlib.resources.files(package)))
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                name = path.relative_to(root).as_posix()
                digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def schema_hash() -> str:
    schema = json.dumps(ArticleDraft.model_json_schema(), sort_keys=True)
    return hashlib.sha256(schema.encode()).hexdigest()[:12]


def run_header(summarizer: Summarizer[Any], dataset: Path, samples: list[Sample]) -> dict[str, Any]:
    """Everything needed to reproduce or re-score the run (never the API key)."""
    settings = summarizer.settings
    return {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": summarizer.model_name,
        "base_url": redact_url(settings.base_url) or "embedded",
        "mode": summarizer.mode_name,
        "pipeline": summarizer.pipeline,
        "prompt_version": summarizer.prompt.version,
        "schema_hash": schema_hash(),
        "code_hash": code_hash(),
        "dataset": str(dataset),
        "n_articles": len(samples),
        "articles": {s.id: s.language for s in samples},
        "gold_sha256": {
            s.id: hashlib.sha256(json.dumps(s.gold, sort_keys=True).encode()).hexdigest()[:12]
            for s in samples
        },
        "settings": {
            "max_tokens": settings.max_tokens,
            "temperature": settings.temperature,
            "max_reasks": settings.max_reasks,
            "n_ctx": settings.n_ctx,
            "keep_ungrounded": settings.keep_ungrounded,
        },
        "scorer": SCORER_VERSION,
        "git_revision": _git_revision(),
        "packages": _package_versions(),
    }


def _request_key(header: dict[str, Any], sample: Sample) -> str:
    return cache_key(
        {
            "model": header["model"],
            "base_url": header["base_url"],
            "mode": header["mode"],
            "pipeline": header["pipeline"],
            "prompt": header["prompt_version"],
            "schema": header["schema_hash"],
            "code": header["code_hash"],
            "settings": header["settings"],
            "article": sample.sha256,
        }
    )


def run_eval(
    dataset: str | Path,
    summarizer: Summarizer[Any],
    *,
    runs_dir: str | Path = "runs",
    use_cache: bool = True,
    cache: ResponseCache | None = None,
    judge: Judge | None = None,
    on_article: Callable[[Sample, dict[str, Any]], None] | None = None,
    resume: str | Path | None = None,
) -> Path:
    """Run every gold article of ``dataset`` through ``summarizer``; return the run folder.

    ``resume`` is an interrupted run folder: its finished articles are kept, the others
    are run and appended (nothing twice); its setup must match (``RESUME_KEYS``: model,
    mode, pipeline, prompt, schema, code, settings and gold).
    """
    root = resolve_dataset(dataset)
    samples = load_dataset(root)
    header = run_header(summarizer, root, samples)
    if resume is not None:
        run_dir, done = _prepare_resume(Path(resume), header)
        _append_records(
            run_dir,
            header,
            [s for s in samples if s.id not in done],
            summarizer,
            use_cache,
            cache,
            on_article,
        )
        score_run(run_dir, judge=judge)
        return run_dir
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    label = summarizer.pipeline
    if summarizer.prompt.name not in {"default", "baseline"}:
        label += f"-{_slug(summarizer.prompt.name)}"
    run_dir = Path(runs_dir) / f"{stamp}_{_slug(header['model'])}_{label}"
    suffix = 1
    while run_dir.exists():
        suffix += 1
        run_dir = run_dir.with_name(f"{run_dir.name.split('~')[0]}~{suffix}")
    run_dir.mkdir(parents=True)
    header["run_id"] = run_dir.name
    (run_dir / "header.json").write_text(json.dumps(header, indent=2, ensure_ascii=False))
    (run_dir / "predictions.jsonl").touch()
    _append_records(run_dir, header, samples, summarizer, use_cache, cache, on_article)
    score_run(run_dir, judge=judge)
    return run_dir


RESUME_KEYS = (
    "model",
    "mode",
    "pipeline",
    "prompt_version",
    "schema_hash",
    "code_hash",
    "settings",
    "gold_sha256",
)


def _prepare_resume(run_dir: Path, header: dict[str, Any]) -> tuple[Path, set[str]]:
    """Check that ``run_dir`` can be resumed with this setup and drop a cut-off last line;
    returns the folder and the ids of its finished articles."""
    saved, records = read_run(run_dir)
    if Path(str(saved.get("dataset"))).resolve() != Path(str(header["dataset"])).resolve():
        raise InputError(f"{run_dir}: a run of {saved.get('dataset')}, not {header['dataset']}")
    for key in RESUME_KEYS:
        if saved.get(key) != header.get(key):
            raise InputError(
                f"{run_dir}: cannot resume with a different {key} "
                f"({saved.get(key)!r} there, {header.get(key)!r} now)"
            )
    header["run_id"] = saved.get("run_id", run_dir.name)
    if saved.get("cut_off_line"):
        predictions = run_dir / "predictions.jsonl"
        raw = predictions.read_bytes()
        predictions.write_bytes(raw[: len(raw) - saved["cut_off_line"]])
    return run_dir, {record["id"] for record in records}


def _append_records(
    run_dir: Path,
    header: dict[str, Any],
    samples: list[Sample],
    summarizer: Summarizer[Any],
    use_cache: bool,
    cache: ResponseCache | None,
    on_article: Callable[[Sample, dict[str, Any]], None] | None,
) -> None:
    """Run ``samples`` and append one record each to predictions.jsonl as it finishes."""
    store = cache or ResponseCache()
    with (run_dir / "predictions.jsonl").open("a", encoding="utf-8") as out:
        for sample in samples:
            key = _request_key(header, sample)
            extraction = store.get(key) if use_cache else None
            cached = extraction is not None
            if extraction is None:
                extraction = _extract(summarizer, sample)
                if extraction.get("output") is not None and use_cache:
                    store.put(key, extraction)
            record = {
                "id": sample.id,
                "language": sample.language,
                "source": sample.source,
                "source_sha256": sample.sha256,
                "cached": cached,
                "text": sample.text,
                "gold": sample.gold,
                "extraction": extraction,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
            if on_article is not None:
                on_article(sample, record)


def _extract(summarizer: Summarizer[Any], sample: Sample) -> dict[str, Any]:
    """The article's run record; a refused input or a crash becomes a failed record of the
    same shape (a crash in one article must not lose the run)."""
    started = time.monotonic()
    try:
        return summarizer.extract(sample.text).to_record()
    except InputError as exc:
        error, error_type = str(exc), "InputError"
    except Exception as exc:
        error, error_type = f"{type(exc).__name__}: {exc}", "Crash"
    failed: Extraction[Any] = Extraction(
        output=None,
        pipeline=summarizer.pipeline,
        model=summarizer.model_name,
        prompt_version=summarizer.prompt.version,
        seconds=round(time.monotonic() - started, 3),
        error=error,
        error_type=error_type,
    )
    return failed.to_record()


def read_run(run_dir: str | Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and prediction records of a saved run.

    A last line cut off by a crash is left out (the header gets ``cut_off_line``: its
    byte length); any other unreadable or malformed line, a duplicated id, or an id the
    header does not list is an InputError naming the file, the line and why.
    """
    root = Path(run_dir)
    header_file, predictions = root / "header.json", root / "predictions.jsonl"
    if not header_file.is_file() or not predictions.is_file():
        raise InputError(f"{root}: not a run folder (needs header.json and predictions.jsonl)")
    try:
        header = json.loads(header_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{header_file}: not readable JSON ({exc})") from exc
    if not isinstance(header, dict):
        raise InputError(f"{header_file}: not a JSON object")
    articles = header.get("articles")
    if articles is not None and not (
        isinstance(articles, dict) and all(isinstance(v, str) for v in articles.values())
    ):
        raise InputError(f"{header_file}: articles must be an object of id -> language")
    records, cut_off = _read_records(predictions, set(articles) if articles else None)
    if cut_off:
        header["cut_off_line"] = cut_off
    return header, records


def _record_problem(record: Any, name: str) -> str | None:
    """Why ``record`` is not a prediction record the scorer and reports can read (None when
    it is)."""
    if not isinstance(record, dict):
        return f"not a JSON object ({type(record).__name__})"
    for key, kind in (("id", str), ("language", str), ("gold", dict), ("extraction", dict)):
        if key not in record:
            return f"missing key {key!r}"
        if not isinstance(record[key], kind) or (kind is str and not record[key].strip()):
            return f"{key!r} must be a {'non-empty string' if kind is str else 'JSON object'}"
    output = record["extraction"].get("output")
    if output is not None and not isinstance(output, dict):
        return "extraction.output must be a JSON object or null"
    if not isinstance(record.get("text"), str | None):
        return "'text' must be a string or null"
    try:
        check_gold_types(record["gold"], name=name)
    except InputError as exc:
        return f"gold: {str(exc).removeprefix(name + ': ')}"
    if record["gold"]["id"] != record["id"]:
        return f"gold id {record['gold']['id']!r} is not the record's id {record['id']!r}"
    return None


def _read_records(
    predictions: Path, expected_ids: set[str] | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The records, and the byte length of a cut-off last line (0 when there is none).

    Duplicated ids are refused, never merged: the harness writes one line per article
    (a resume appends only the ids the file lacks, after dropping a cut-off last line), so
    a second line for an id is a hand edit or a concatenation, and counting it would
    report more articles than the dataset has; keeping either copy would be a guess.
    """
    raw = predictions.read_bytes()
    lines = raw.split(b"\n")
    records: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{predictions}: line {number}"
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            is_last = all(not rest.strip() for rest in lines[number:])
            if is_last and not raw.endswith(b"\n"):
                return records, len(line)  # cut off by a crash mid-write
            raise InputError(f"{where}: not valid JSON, not a prediction record") from exc
        problem = _record_problem(record, where)
        if problem:
            raise InputError(f"{where}: {problem}, not a prediction record")
        article_id = record["id"]
        if article_id in first_line:
            raise InputError(
                f"{where}: duplicate id {article_id!r} (already on line {first_line[article_id]})"
            )
        if expected_ids is not None and article_id not in expected_ids:
            raise InputError(f"{where}: id {article_id!r} is not an article of this run")
        first_line[article_id] = number
        records.append(record)
    return records, 0


def score_run(
    run_dir: str | Path, *, judge: Judge | None = None, dataset: str | Path | None = None
) -> dict[str, Any]:
    """(Re-)score a saved run from its files alone; writes scores.json and the reports.

    ``dataset`` re-scores against that dataset's current gold instead of the gold saved
    in the run (for when labels were corrected).
    """
    root = Path(run_dir)
    header, records = read_run(root)
    golds: dict[str, dict[str, Any]] = {}
    if dataset is not None:
        golds = {s.id: s.gold for s in load_dataset(dataset)}
        for record in records:
            record["gold"] = golds.get(record["id"], record["gold"])
    article_scores = [
        score_article(
            record["gold"],
            record["extraction"].get("output"),
            judge=judge,
            source=record.get("text"),
        )
        for record in records
    ]
    missing = missing_articles(header, records, golds)
    article_scores += [score_article(gold, None) for gold in missing]
    summary = aggregate(article_scores)
    summary["seconds"] = _timing(records)
    summary["missing_ids"] = [str(gold["id"]) for gold in missing]
    summary["cut_off_line_bytes"] = header.get("cut_off_line", 0)
    scores = {
        "run_id": header.get("run_id", root.name),
        "judge": "llm" if judge else "lexical",
        "aggregate": summary,
        "articles": [asdict(score) for score in article_scores],
    }
    (root / "scores.json").write_text(json.dumps(scores, indent=2, ensure_ascii=False))
    (root / "report.md").write_text(render_markdown(header, records, scores), encoding="utf-8")
    (root / "report.html").write_text(render_html(header, records, scores), encoding="utf-8")
    return scores


def missing_articles(
    header: dict[str, Any], records: list[dict[str, Any]], golds: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Gold stubs of the dataset's articles that have no record in the run (a run cut
    short): they count as failed. The article list comes from the header (ids and
    languages); a header without it falls back to the dataset's gold files."""
    expected: dict[str, str] = dict(header.get("articles") or {})
    if not expected:
        if not golds and header.get("dataset"):
            try:
                golds = {s.id: s.gold for s in load_dataset(header["dataset"])}
            except InputError:
                golds = {}
        expected = {i: str(g["expected"].get("language")) for i, g in golds.items()}
    seen = {record["id"] for record in records}
    return [
        golds.get(article_id) or {"id": article_id, "expected": {"language": language}}
        for article_id, language in expected.items()
        if article_id not in seen
    ]


def _timing(records: list[dict[str, Any]]) -> dict[str, Any]:
    fresh = [r["extraction"] for r in records if not r.get("cached")]
    seconds = [e.get("seconds", 0.0) for e in fresh]
    usage = [e.get("usage") or {} for e in fresh]
    n = len(fresh)
    return {
        "n_model_calls": n,
        "n_cached": len(records) - n,
        "mean_seconds": round(sum(seconds) / n, 1) if n else None,
        "mean_prompt_tokens": round(sum(u.get("prompt_tokens", 0) for u in usage) / n)
        if n
        else None,
        "mean_completion_tokens": (
            round(sum(u.get("completion_tokens", 0) for u in usage) / n) if n else None
        ),
    }
