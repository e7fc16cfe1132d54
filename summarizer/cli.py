"""The ``summarizer`` command: ``summarize`` articles, ``digest`` results, and
``eval run|score|compare``.

User mistakes (missing files, bad flags, non-UTF-8 input, an unreachable endpoint) end
with one readable line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from summarizer import logs
from summarizer.errors import InputError, SummarizerError
from summarizer.inputs import collect_inputs
from summarizer.output import HTML_NEEDS_FOLDER, ResultWriter
from summarizer.settings import MODES, PIPELINES
from summarizer.terminal import printable
from summarizer.version import package_version

if TYPE_CHECKING:
    from summarizer.pipeline import Extraction

# rich_markup_mode=None: help texts are plain text ("[service]" is not markup).
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Faithful English summaries and grounded fields from news articles.",
)
eval_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Run, re-score and compare evaluations.",
)
app.add_typer(eval_app, name="eval")

# No text the tool does not control (file names, model answers, server messages) is ever
# read as Rich markup: the consoles have markup off, and styling is applied with Text.
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)

ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="model name at the endpoint")]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (else embedded)")
]
Format = Enum("Format", {name: name for name in ("json", "jsonl", "md", "html")}, type=str)
Mode = Enum("Mode", {name: name for name in MODES}, type=str)
Pipeline = Enum("Pipeline", {name: name for name in PIPELINES}, type=str)

ModeOpt = Annotated[
    Mode | None, typer.Option("--mode", help="how the model is asked for JSON (default auto)")
]
ModelPathOpt = Annotated[
    str | None, typer.Option("--model-path", help="a GGUF file for the embedded runtime")
]
PromptOpt = Annotated[
    str | None, typer.Option("--prompt", help="prompt set name (default: per pipeline)")
]
PipelineOpt = Annotated[
    Pipeline,
    typer.Option(
        "--pipeline",
        help="default: staged, libraries + model; single_call: one model call; baseline",
    ),
]
PromptDirOpt = Annotated[
    str | None, typer.Option("--prompt-dir", help="folder with <name>.system/user.j2")
]


def say_error(label: str, message: str, style: str = "bold red") -> None:
    """One styled label and a plain (never markup-parsed) message on stderr; control
    characters (escape sequences in a file name, say) are shown escaped, never sent."""
    err.print(Text.assemble((label, style), " ", printable(message)))


def fail(message: str, code: int = 2) -> None:
    """Print one line and exit."""
    say_error("error:", message)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"summarizer {package_version()}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="print the version"),
    ] = False,
) -> None:
    """Faithful English summaries and grounded fields from news articles."""


@app.command()
def summarize(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for stdin")],
    format: Annotated[Format, typer.Option("--format", "-f", help="output format")] = Format.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="a folder: one file per article, written as it finishes; a re-run skips "
            "articles already written there from the same text and settings",
        ),
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = None,
    prompt_dir: PromptDirOpt = None,
    pipeline: PipelineOpt = Pipeline.default,
    keep_ungrounded: Annotated[
        bool, typer.Option(help="keep items whose evidence is not in the article (flagged)")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Summarize articles; results go to stdout (or --output), progress and errors to stderr.

    Each result is written as soon as its article finishes (jsonl, md, --output), so an
    interrupt (Ctrl-C, SIGTERM) keeps every finished article.
    """
    logs.configure(verbose)
    fmt = Format(format).value
    inputs = collect_inputs(paths)
    if fmt == "html" and output is None and len(inputs) > 1:
        fail(HTML_NEEDS_FOLDER)
    failures = 0
    for name, outcome in inputs:  # named first: before any configuration problem
        if isinstance(outcome, InputError):
            failures += 1
            say_error("failed", f"{name}: {outcome}", style="red")
    todo = [(name, text) for name, text in inputs if isinstance(text, str)]
    if not todo and failures:
        raise typer.Exit(2)  # nothing readable: a usage problem, not a model failure
    from summarizer.pipeline import Summarizer  # the model stack loads only for real work

    try:
        summarizer = Summarizer(
            model,
            base_url=base_url,
            mode=mode.value if mode else None,
            model_path=model_path,
            pipeline=Pipeline(pipeline).value,
            prompt=prompt,
            prompt_dir=prompt_dir,
            keep_ungrounded=keep_ungrounded or None,
        )
        # Created and proven writable before any model call.
        writer = ResultWriter(
            fmt, output, single=len(inputs) == 1, settings=summarizer.fingerprint()
        )
    except SummarizerError as exc:
        fail(str(exc))
        return
    except OSError as exc:
        fail(f"cannot write to {output}: {exc.strerror or exc}")
        return
    for name, outcome in inputs:
        if isinstance(outcome, InputError):
            writer.write_failure(name, "InputError", str(outcome))
    if output is not None:
        written = [writer.exists(name, text) for name, text in todo]
        if any(written):
            err.print(
                f"skipping {sum(written)} article(s) already written to "
                f"{printable(str(output))} with the same text and settings"
            )
        todo = [item for item, done in zip(todo, written, strict=True) if not done]
    if not todo:
        writer.close()
        raise typer.Exit(1 if failures else 0)

    def finished(index: int, outcome: Extraction[Any] | InputError) -> None:
        nonlocal failures
        name = todo[index][0]
        if isinstance(outcome, InputError) or outcome.output is None:
            failures += 1
            if isinstance(outcome, InputError):
                kind, message = "InputError", str(outcome)
            else:
                kind, message = outcome.error_type or "ExtractionError", str(outcome.error)
            say_error("failed", f"{name}: {message}", style="red")
            writer.write_failure(name, kind, message)
        else:
            try:
                writer.write(name, todo[index][1], outcome.output)
            except BrokenPipeError:
                os._exit(141)  # the reader went away (e.g. `| head`): nothing left to do
            except OSError as exc:
                failures += 1
                say_error("failed", f"{name}: cannot write the result: {exc}", style="red")
        progress.advance(task)

    with _stop_on_sigterm(), _progress(len(todo) > 1) as progress:
        task = progress.add_task("summarizing", total=len(todo))
        try:
            summarizer.extract_many([text for _, text in todo], on_result=finished)
        except KeyboardInterrupt:
            writer.close()
            progress.stop()
            say_error(
                "interrupted:", f"{writer.written} of {len(todo)} article(s) were written", "yellow"
            )
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)  # the in-flight request's thread must not hold the exit
        except SummarizerError as exc:
            writer.close()
            fail(str(exc))
            return
    writer.close()
    if failures:
        raise typer.Exit(1)


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM behaves like Ctrl-C (finished work is flushed), for the duration."""

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (library use inside a thread)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        disable=not enabled,
        transient=False,
        # Results go to stdout as they finish; the bar must never capture them.
        redirect_stdout=False,
        redirect_stderr=False,
    )


@app.command()
def digest(
    results: Annotated[
        list[str],
        typer.Argument(
            help="results: summarize -f json/jsonl files, --output folders, eval run folders"
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="the page to write; article pages go in <stem>_articles/ beside it",
        ),
    ] = Path("digest.html"),
    csv: Annotated[
        Path | None, typer.Option("--csv", help="also write flat CSV tables to this folder")
    ] = None,
) -> None:
    """One self-contained HTML page over many results: a sortable, filterable table of
    the articles, the countries' cooperation network, events and signed documents by
    month, the most named organizations and people, figures by unit, and each language's
    measured quality. Article pages go next to it when the source texts are at hand."""
    from summarizer.views.digest import articles_folder, write_digest
    from summarizer.views.results_reader import read_results
    from summarizer.views.tables import write_tables

    try:
        entries = read_results(results)
        counts = write_digest(entries, output)
        tables = write_tables(entries, csv) if csv is not None else []
    except InputError as exc:
        fail(str(exc), code=1)
        return
    except OSError as exc:
        fail(f"cannot write {exc.filename or output}: {exc.strerror or exc}", code=1)
        return
    pages = f", {counts['pages']} article page(s) in {printable(str(articles_folder(output)))}"
    err.print(
        f"wrote {printable(str(output))}: {counts['articles']} article(s), "
        f"{counts['failed']} failed{pages if counts['pages'] else ''}"
        + (f"; {len(tables)} CSV tables in {printable(str(csv))}" if tables else "")
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to bind (loopback by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="batch worker threads in this replica")] = 1,
    db_url: Annotated[
        str | None,
        typer.Option("--db-url", help="job store (SQLAlchemy URL; default SUMMARIZER_DB_URL)"),
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    model_path: ModelPathOpt = None,
    pipeline: PipelineOpt = Pipeline.default,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Serve the HTTP API (needs the [service] extra). Bearer tokens from
    SUMMARIZER_API_TOKENS; they are required when binding beyond loopback."""
    logs.configure(verbose)
    try:
        from summarizer.pipeline import Summarizer
        from summarizer.service import ServiceConfig, create_app
        from summarizer.service.server import server
    except ImportError:
        fail("the service needs its extra: pip install 'summarizer[service]'")
        return
    try:
        config = ServiceConfig.from_env(host=host, port=port, workers=workers, db_url=db_url)
        summarizer = Summarizer(
            model,
            base_url=base_url,
            mode=mode.value if mode else None,
            model_path=model_path,
            pipeline=Pipeline(pipeline).value,
        )
        application = create_app(config, summarizer)
    except SummarizerError as exc:
        fail(str(exc))
        return
    except Exception as exc:  # e.g. an unreachable or malformed job-store URL
        fail(f"cannot open the job store: {type(exc).__name__}: {str(exc)[:300]}")
        return
    # uvicorn with the service's bounds: connections, header and shutdown timeouts
    server(
        application,
        config,
        log_level="info" if verbose else "warning",
        access_log=verbose,
        log_config=None,  # our handler, with credentials redacted (logs.configure)
    ).run()


def main() -> None:
    """Entry point that turns stray library errors into one line (no traceback)."""
    if not {"eval", "bench", "--help", "-h"}.isdisjoint(sys.argv[1:]) or len(sys.argv) == 1:
        # The harness's commands (``eval ...``, ``bench``) register themselves when
        # imported; ``summarize``, ``digest`` and ``serve`` do not pay for importing them.
        from summarizer.evals import commands  # noqa: F401
    try:
        app()
    except SummarizerError as exc:
        say_error("error:", str(exc))
        sys.exit(2)
