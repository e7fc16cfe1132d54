"""Which articles a command reads: files, folders (walked) and stdin, each one either its
text or the :class:`InputError` that names why it cannot be read.

Nothing is skipped in silence: an unreadable subfolder, a broken symbolic link, a device
or a pipe among the inputs is an entry with its error, so the command names it and exits 1.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from summarizer.errors import InputError
from summarizer.text_input import MAX_FILE_BYTES, decode_bytes, read_article_file

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}

Input = tuple[str, "str | InputError"]


def read_stream(stream: BinaryIO, *, name: str = "stdin") -> str:
    """At most :data:`MAX_FILE_BYTES` of a stream, decoded, or an InputError."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name}: more than {MAX_FILE_BYTES:,} bytes: not an article")
    return decode_bytes(data, name=name)


def folder_files(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Article files under ``folder`` (sorted) and an error for every part of it that could
    not be looked at: unreadable subfolders, broken links to article files."""
    files: list[Path] = []
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or folder
        problems.append(InputError(f"{where}: folder cannot be read ({exc.strerror or exc})"))

    for root, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(root) / name
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                files.append(path)  # read_article_file names broken links and devices
    return sorted(files), problems


def collect_inputs(paths: list[str], stdin: BinaryIO | None = None) -> list[Input]:
    """(name, text or InputError) for every file, every article file in a folder, or stdin
    ('-'): one bad input never ends the batch, and none is dropped without an entry."""
    inputs: list[Input] = []

    def read(name: str, reader: Callable[[], str]) -> None:
        try:
            inputs.append((name, reader()))
        except InputError as exc:
            inputs.append((name, exc))

    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            read("<stdin>", lambda stream=stream: read_stream(stream))
            continue
        path = Path(raw)
        if path.is_dir():
            files, problems = folder_files(path)
            inputs.extend((str(exc).split(": ", 1)[0], exc) for exc in problems)
            if not files and not problems:
                inputs.append((str(path), InputError(f"{path}: folder has no .txt or .html files")))
            for file in files:
                read(str(file), lambda file=file: read_article_file(file))
        else:
            read(str(path), lambda path=path: read_article_file(path))
    return inputs
