"""The ``summarizer`` command: ``summarize`` articles, and ``eval run|score|compare``.

User mistakes (missing files, bad flags, non-UTF-8 input, an unreachable endpoint) end
with one readable line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import Extraction, Summarizer
from summarizer.render import to_markdown
from summarizer.text_input import decode_bytes, read_article_file

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Faithful English summaries and grounded fields from news articles.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Run, re-score and compare evaluations.")
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, soft_wrap=True)

ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="model name at the endpoint")]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (else embedded)")
]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", help="auto | json_schema | tools | json | md_json")
]
ModelPathOpt = Annotated[
    str | None, typer.Option("--model-path", help="a GGUF file for the embedded runtime")
]
PromptOpt = Annotated[
    str | None, typer.Option("--prompt", help="prompt set name (default: per pipeline)")
]
PromptDirOpt = Annotated[
    str | None, typer.Option("--prompt-dir", help="folder with <name>.system/user.j2")
]


def fail(message: str, code: int = 2) -> None:
    """Print one line and exit."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def collect_inputs(paths: list[str]) -> list[tuple[str, str]]:
    """(name, text) for every file, every ``*.txt``/``*.html`` in a folder, or stdin ('-')."""
    inputs: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            inputs.append(("<stdin>", decode_bytes(sys.stdin.buffer.read(), name="stdin")))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".htm"}
            )
            if not files:
                raise InputError(f"{path}: folder has no .txt or .html files")
            inputs.extend((str(f), read_article_file(f)) for f in files)
        else:
            inputs.append((str(path), read_article_file(path)))
    return inputs


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@app.command()
def summarize(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for stdin")],
    format: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | md")] = "json",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = None,
    prompt_dir: PromptDirOpt = None,
    keep_ungrounded: Annotated[
        bool, typer.Option(help="keep items whose evidence is not in the article (flagged)")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Summarize articles; results go to stdout, progress and errors to stderr."""
    _configure_logging(verbose)
    if format not in {"json", "jsonl", "md"}:
        fail(f"--format must be json, jsonl or md, not {format!r}")
    try:
        inputs = collect_inputs(paths)
        summarizer = Summarizer(
            model,
            base_url=base_url,
            mode=mode,
            model_path=model_path,
            prompt=prompt,
            prompt_dir=prompt_dir,
            keep_ungrounded=keep_ungrounded or None,
        )
    except SummarizerError as exc:
        fail(str(exc))
        return
    results: list[tuple[str, Extraction[Any] | InputError]] = []
    failures = 0
    with _progress(len(inputs) > 1) as progress:
        task = progress.add_task("summarizing", total=len(inputs))
        try:
            outcomes = summarizer.extract_many(
                [text for _, text in inputs],
                on_result=lambda i, o: progress.advance(task),
            )
        except SummarizerError as exc:
            fail(str(exc))
            return
    for (name, _), outcome in zip(inputs, outcomes, strict=True):
        results.append((name, outcome))
        if isinstance(outcome, InputError) or outcome.output is None:
            failures += 1
            message = str(outcome) if isinstance(outcome, InputError) else outcome.error
            err.print(f"[red]failed[/] {name}: {message}", highlight=False)
    _emit(results, format)
    if failures:
        raise typer.Exit(1)


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        disable=not enabled,
        transient=False,
    )


def _emit(results: list[tuple[str, Extraction[Any] | InputError]], format: str) -> None:
    ok = [(name, o) for name, o in results if isinstance(o, Extraction) and o.output is not None]
    if format == "md":
        for name, outcome in ok:
            sys.stdout.write(to_markdown(outcome.output, title=name) + "\n")
        return
    docs = [{"source": name, **outcome.output.model_dump(mode="json")} for name, outcome in ok]
    if format == "jsonl":
        for doc in docs:
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        payload: Any = docs[0] if len(results) == 1 and docs else docs
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    """Entry point that turns stray library errors into one line (no traceback)."""
    try:
        app()
    except SummarizerError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(2)


# The eval commands live next to the harness; importing registers them on ``eval_app``.
from summarizer.evals import commands as _eval_commands  # noqa: E402,F401
