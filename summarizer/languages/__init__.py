"""Per-language knowledge kept as data files in this folder (read once, on first use).

``routes.json``: which source (a library stage, a model turn, or the facts-only brief)
produces each output part for a language, chosen by measurement on the dev split.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def _load(name: str) -> dict[str, Any]:
    data = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return json.loads(data)


def route(part: str, language: str | None) -> str:
    """The source of ``part`` (e.g. ``summary``) for ``language``: its own entry, else
    the ``default`` entry."""
    table = _load("routes.json")[part]
    return str(table.get(language or "", table["default"]))


@cache
def load(language: str, topic: str) -> dict[str, Any]:
    """The tables of ``<language>/<topic>.json`` (``_common`` for language-independent ones),
    or ``{}`` when that language has no such file. Shared between callers: read, never change.
    """
    file = resources.files(__name__).joinpath(language).joinpath(f"{topic}.json")
    if not file.is_file():
        return {}
    return json.loads(file.read_text(encoding="utf-8"))


@cache
def languages_with(topic: str) -> tuple[str, ...]:
    """The language folders (ISO 639-1 codes, sorted) that hold ``<topic>.json``."""
    root = resources.files(__name__)
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir()
            and not entry.name.startswith("_")
            and entry.joinpath(f"{topic}.json").is_file()
        )
    )


def tables(topic: str, key: str, codes: Iterable[str] | None = None) -> list[Any]:
    """The ``key`` table of ``<code>/<topic>.json`` for each of ``codes`` that has one, in
    that order; by default ``_common`` and then every language folder with that file."""
    if codes is None:
        codes = ("_common", *languages_with(topic))
    return [table for code in codes if (table := load(code, topic).get(key))]


def words(topic: str, key: str, codes: Iterable[str] | None = None) -> list[str]:
    """The ``key`` lists of :func:`tables`, joined into one list."""
    return [word for table in tables(topic, key, codes) for word in table]


def with_spelling_variants(words: Iterable[str], language: str) -> frozenset[str]:
    """``words`` and their other spellings by the language's ``letter_variants`` (its
    topics.json: 'ỹ' -> 'ĩ', so "bác sĩ" is also written "bác sỹ")."""
    variants = load(language, "topics").get("letter_variants", {})
    out = set(words)
    for word in list(out):
        for variant, form in variants.items():
            if form in word:
                out.add(word.replace(form, variant))
    return frozenset(out)
