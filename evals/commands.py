"""``summarizer eval run | score | compare``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from summarizer import logs
from summarizer.cli import (
    BaseUrlOpt,
    ModelOpt,
    ModelPathOpt,
    ModeOpt,
    PromptDirOpt,
    PromptOpt,
    _progress,
    app,
    err,
    eval_app,
    fail,
)
from summarizer.errors import SummarizerError
from summarizer.evals.bench import run_bench, write_report
from summarizer.evals.compare import compare_scores
from summarizer.evals.dataset import load_dataset
from summarizer.evals.floors import write_thresholds
from summarizer.evals.judge import make_judge
from summarizer.evals.quality_file import write_quality
from summarizer.evals.runner import read_run, run_eval, score_run
from summarizer.pipeline import PIPELINES, Summarizer

# Run ids, article ids and server text are never read as markup.
out = Console(highlight=False, markup=False)

JudgeOpt = Annotated[
    str | None, typer.Option("--judge-model", help="LLM judge for key facts (else lexical)")
]
JudgeUrlOpt = Annotated[
    str | None, typer.Option("--judge-base-url", help="endpoint of the judge model")
]
MinScoreOpt = Annotated[
    float | None, typer.Option("--min-score", help="exit 1 when overall is below this")
]


def _gate(scores: dict[str, Any], min_score: float | None) -> None:
    overall = scores["aggregate"]["overall"]
    if min_score is not None and overall < min_score:
        out.print(
            Text.assemble(
                ("FAIL", "bold red"), f": overall {overall:.3f} is below --min-score {min_score}"
            )
        )
        raise typer.Exit(1)


def _print_scores(scores: dict[str, Any]) -> None:
    agg = scores["aggregate"]
    langs = sorted(agg["per_language"])
    table = Table(
        title=f"{scores.get('run_id', '')}: overall {agg['overall']:.3f}, "
        f"{agg['n_failed']}/{agg['n_articles']} failed"
        + (f" ({len(agg['missing_ids'])} with no record)" if agg.get("missing_ids") else "")
    )
    table.add_column("field")
    table.add_column("all", justify="right")
    for lang in langs:
        table.add_column(f"{lang} (n={agg['per_language'][lang]['n']})", justify="right")
    for field, value in [("overall", agg["overall"]), *agg["fields"].items()]:
        cells = []
        for lang in langs:
            per = agg["per_language"][lang]
            v = per["overall"] if field == "overall" else per["fields"].get(field)
            cells.append("–" if v is None else f"{v:.2f}")
        table.add_row(field, "–" if value is None else f"{value:.2f}", *cells)
    out.print(table)
    extras = {k: v.get("mean") for k, v in (agg.get("extras") or {}).items()}
    out.print(
        "beside the mean: "
        + ", ".join(f"{k}={'–' if v is None else round(v, 3)}" for k, v in extras.items())
    )
    out.print(f"timing: {agg.get('seconds')}")
    if agg.get("missing_ids"):
        out.print(f"no record (counted as failed): {', '.join(agg['missing_ids'])}")
    if agg.get("cut_off_line_bytes"):
        out.print(
            f"the last line of predictions.jsonl was cut off ({agg['cut_off_line_bytes']} bytes) "
            "and is left out"
        )


@eval_app.command("run")
def run(
    dataset: Annotated[str, typer.Option("--dataset", "-d", help="folder or 'seeds'")] = "seeds",
    pipeline: Annotated[
        str, typer.Option("--pipeline", "-p", help="default | single_call | baseline")
    ] = "default",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = None,
    prompt_dir: PromptDirOpt = None,
    runs_dir: Annotated[Path, typer.Option("--runs-dir")] = Path("runs"),
    no_cache: Annotated[bool, typer.Option("--no-cache", help="always call the model")] = False,
    judge_model: JudgeOpt = None,
    judge_base_url: JudgeUrlOpt = None,
    min_score: MinScoreOpt = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="an interrupted run folder: run only what it lacks"),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Run a dataset through a model + pipeline; write and score a run folder."""
    logs.configure(verbose)
    if pipeline not in PIPELINES:
        fail(f"--pipeline must be one of {', '.join(PIPELINES)}")
    try:
        load_dataset(dataset)  # a broken dataset is one line before anything starts
        if resume is not None:
            read_run(resume)  # so is a broken run folder to resume (before any model)
        summarizer = Summarizer(
            model,
            base_url=base_url,
            mode=mode.value if mode else None,
            model_path=model_path,
            pipeline=pipeline,
            prompt=prompt,
            prompt_dir=prompt_dir,
        )
        judge = make_judge(judge_model, judge_base_url) if judge_model else None
        with _progress(True) as progress:
            task = progress.add_task("eval", total=None)

            def advance(sample: Any, record: dict[str, Any]) -> None:
                extraction = record["extraction"]
                state = "cached" if record["cached"] else f"{extraction.get('seconds', 0):.0f}s"
                if extraction.get("output") is None:
                    state += " FAILED"
                progress.console.print(
                    f"  {sample.id} ({sample.language}): {state}", markup=False, highlight=False
                )
                progress.advance(task)

            run_dir = run_eval(
                dataset,
                summarizer,
                runs_dir=runs_dir,
                use_cache=not no_cache,
                judge=judge,
                on_article=advance,
                resume=resume,
            )
    except SummarizerError as exc:
        fail(str(exc))
        return
    scores = json.loads((run_dir / "scores.json").read_text())
    _print_scores(scores)
    out.print(f"run folder: {run_dir}")
    _gate(scores, min_score)


@eval_app.command("score")
def score(
    run_dir: Annotated[Path, typer.Argument(help="a run folder")],
    dataset: Annotated[
        str | None, typer.Option("--dataset", help="re-score against this dataset's gold")
    ] = None,
    judge_model: JudgeOpt = None,
    judge_base_url: JudgeUrlOpt = None,
    min_score: MinScoreOpt = None,
) -> None:
    """Re-score a saved run (no model needed unless a judge is given)."""
    try:
        judge = make_judge(judge_model, judge_base_url) if judge_model else None
        scores = score_run(run_dir, judge=judge, dataset=dataset)
    except SummarizerError as exc:
        fail(str(exc))
        return
    _print_scores(scores)
    _gate(scores, min_score)


@eval_app.command("compare")
def compare(
    run_a: Annotated[Path, typer.Argument(help="baseline run folder")],
    run_b: Annotated[Path, typer.Argument(help="candidate run folder")],
    all_fields: Annotated[bool, typer.Option("--per-language-fields")] = False,
) -> None:
    """Per-field and per-language deltas, B minus A."""
    loaded = []
    for run_dir in (run_a, run_b):
        try:
            read_run(run_dir)  # scores of a run whose predictions are broken mean nothing
        except SummarizerError as exc:
            fail(str(exc))
            return
        file = run_dir / "scores.json"
        if not file.is_file():
            fail(f"{run_dir}: no scores.json (run `summarizer eval score {run_dir}` first)")
        try:
            scores = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            fail(f"{file}: not readable JSON ({exc}); re-score with `summarizer eval score`")
            return
        if not isinstance(scores, dict) or not isinstance(scores.get("aggregate"), dict):
            fail(f"{file}: not a scores file; re-score with `summarizer eval score {run_dir}`")
            return
        loaded.append(scores)
    result = compare_scores(*loaded)
    out.print(f"A = {result['a']}\nB = {result['b']}", soft_wrap=True)
    for title, rows in (
        ("fields", result["fields"]),
        ("languages", result["languages"]),
        ("beside the mean", result["extras"]),
    ):
        table = Table(title=title)
        for col in ("", "A", "B", "B-A"):
            table.add_column(col, justify="right" if col else "left")
        for r in rows:
            if title == "languages" and "." in r["name"] and not all_fields:
                continue
            table.add_row(
                r["name"],
                *(
                    "–" if v is None else f"{v:+.3f}" if k == "delta" else f"{v:.3f}"
                    for k, v in (("a", r["a"]), ("b", r["b"]), ("delta", r["delta"]))
                ),
            )
        out.print(table)
    out.print(f"failed articles: A={result['failed'][0]}  B={result['failed'][1]}")


@eval_app.command("floors")
def floors(
    run_a: Annotated[Path, typer.Argument(help="first scored run of the default pipeline")],
    run_b: Annotated[Path, typer.Argument(help="second scored run, same dataset")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="default: evals/thresholds/<dataset>.json")
    ] = None,
) -> None:
    """Compute the eval gate's floors from two measured runs (see evals/floors.py)."""
    try:
        header_a, _ = read_run(run_a)
        header_b, _ = read_run(run_b)
        if header_a.get("dataset") != header_b.get("dataset"):
            fail("the two runs are of different datasets")
        dataset = str(header_a["dataset"])
        name = Path(dataset).name
        target = output or Path(__file__).parent / "thresholds" / f"{name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        thresholds = write_thresholds((run_a, run_b), dataset, target)
    except SummarizerError as exc:
        fail(str(exc))
        return
    out.print(f"floors written to {target}", soft_wrap=True)
    out.print(f"overall floor {thresholds['overall_floor']}")
    for field, info in thresholds["not_above_empty"].items():
        out.print(
            f"not above the empty answer: {field} measured {info['measured']:.2f}, "
            f"empty answer {info['empty_answer']:.2f}"
        )


@eval_app.command("quality")
def quality(
    run_dirs: Annotated[list[Path], typer.Argument(help="scored runs (seeds, dev) of one model")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="the quality file the package ships")
    ] = Path(__file__).parents[1] / "summarizer" / "quality.json",
) -> None:
    """Write the per-language quality the library reports to users."""
    try:
        result = write_quality(run_dirs, output)
    except SummarizerError as exc:
        fail(str(exc))
        return
    for lang, info in result["languages"].items():
        out.print(
            f"{lang}: {info['articles']} articles, overall {info['overall']:.2f}, "
            f"summary {info['summary_coverage']:.2f}"
        )
    out.print(f"written to {output}", soft_wrap=True)


def _or_dash(value: Any) -> str:
    return "-" if value is None else str(value)


@app.command("bench")
def bench(
    dataset: Annotated[str, typer.Option("--dataset", "-d", help="folder or 'seeds'")] = "seeds",
    pipeline: Annotated[
        list[str], typer.Option("--pipeline", "-p", help="pipeline(s) to measure (repeatable)")
    ] = ["default"],  # noqa: B006 - typer reads list defaults
    reference: Annotated[
        str, typer.Option("--reference", help="pipeline each is compared with ('none': skip)")
    ] = "baseline",
    limit: Annotated[int | None, typer.Option("--limit", help="first N articles only")] = None,
    repeat: Annotated[
        int, typer.Option("--repeat", min=1, help="runs per article; the fastest is kept")
    ] = 1,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    model_path: ModelPathOpt = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSON report (default runs/bench-*.json)")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Measure the server's prefill and decode rates, then each article's time against its
    compute bound and against the reference pipeline; print a table, write JSON."""
    logs.configure(verbose)
    chosen = [*pipeline] + ([] if reference == "none" else [reference])
    unknown = [p for p in chosen if p not in PIPELINES]
    if unknown:
        fail(f"unknown pipeline {unknown[0]!r}; choose from {', '.join(PIPELINES)}")

    def make(name: str) -> Summarizer:
        return Summarizer(
            model,
            base_url=base_url,
            mode=mode.value if mode else None,
            model_path=model_path,
            pipeline=name,
        )

    def show(row: Any) -> None:
        err.print(
            f"  {row.pipeline} {row.id} ({row.language}): {row.seconds:.1f}s, "
            f"bound {row.bound_seconds:.1f}s, {row.completion_tokens} completion tokens",
            markup=False,
            highlight=False,
        )

    try:
        load_dataset(dataset)
        report = run_bench(
            dataset,
            list(dict.fromkeys(pipeline)),
            reference=None if reference == "none" else reference,
            limit=limit,
            repeat=repeat,
            make_summarizer=make,
            on_article=show,
        )
    except SummarizerError as exc:
        fail(str(exc))
        return
    stamp = report["when"].replace(":", "").replace("-", "")[:15]
    path = write_report(report, output or Path("runs") / f"bench-{stamp}.json")
    rates = report["rates"]
    out.print(
        f"server: prefill {rates['prefill_tps']} tok/s, decode {rates['decode_tps']} tok/s "
        f"({rates['source']}); peak RSS {report['peak_rss_mib']} MiB",
        markup=False,
    )
    if rates.get("decode_depth"):
        fill, dec = rates["prefill_depth"], rates["decode_depth"]
        out.print(
            f"per token at context depth p: prefill {fill['base']:.1f} + "
            f"{fill['slope'] * 1000:.2f}*p/1000 ms, decode {dec['base']:.1f} + "
            f"{dec['slope'] * 1000:.2f}*p/1000 ms",
            markup=False,
        )
    warm = ", ".join(f"{k} {v}s" for k, v in report["warm_up_seconds"].items())
    out.print(f"warm-up (not timed per article): {warm}", markup=False)
    # two tables with short headers: each must fit an 80-column terminal
    work = Table("pipeline", "articles", "failed", "s/article", "prompt", "cached", "completion")
    speed = Table("pipeline", "t/bound", "max", "t/context", "max", "overhead s", "t/reference")
    for name, row in report["summary"].items():
        work.add_row(
            name,
            str(row["articles"]),
            str(row["failed"]),
            f"{row['mean_seconds']}",
            str(row["mean_prompt_tokens"]),
            str(row["mean_cached_tokens"]),
            str(row["mean_completion_tokens"]),
        )
        speed.add_row(
            name,
            f"{row['mean_ratio_to_bound']}",
            f"{row['max_ratio_to_bound']}",
            _or_dash(row["mean_ratio_to_context_bound"]),
            _or_dash(row["max_ratio_to_context_bound"]),
            _or_dash(row["mean_overhead_seconds"]),
            _or_dash(row["mean_ratio_to_reference"]),
        )
    out.print(work)
    out.print(speed)
    out.print(f"report: {path}", markup=False)
