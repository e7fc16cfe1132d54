"""Eval datasets: a folder with ``articles/`` and ``gold/`` (see article-schema.md).

Any folder in that format works; ``seeds`` names the bundled one.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.errors import InputError
from summarizer.schemas.article import ArticleSummary
from summarizer.text_input import decode_bytes

GOLD_KEYS = {"id", "source", "expected", "aliases", "key_facts", "notes"}


@dataclass(frozen=True)
class Sample:
    """One gold article: its text and its labels."""

    id: str
    text: str
    gold: dict[str, Any]
    source: str
    sha256: str

    @property
    def language(self) -> str:
        return str(self.gold["expected"].get("language") or "unknown")


def resolve_dataset(name_or_path: str | Path) -> Path:
    """A dataset folder from a path, or the name of a bundled dataset (``seeds``)."""
    path = Path(name_or_path)
    if path.is_dir():
        return path
    bundled = Path(
        str(importlib.resources.files("summarizer.evals") / "datasets" / str(name_or_path))
    )
    if bundled.is_dir():
        return bundled
    raise InputError(f"dataset {name_or_path!r} not found: give a folder with articles/ and gold/")


ALIAS_FIELDS = ("people", "organizations", "locations")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def check_gold_types(gold: Any, *, name: str) -> None:
    """Raise InputError when a gold record's keys have the wrong JSON types (every key
    the harness reads, so scoring and reports never meet a surprise type)."""
    if not isinstance(gold, dict):
        raise InputError(f"{name}: gold must be a JSON object, not {type(gold).__name__}")
    missing = GOLD_KEYS - set(gold)
    if missing:
        raise InputError(f"{name}: gold is missing keys {sorted(missing)}")
    for key in ("id", "source"):
        if not isinstance(gold[key], str) or not gold[key].strip():
            raise InputError(f"{name}: {key} must be a non-empty string")
    if not isinstance(gold["notes"], str):
        raise InputError(f"{name}: notes must be a string")
    if not isinstance(gold["expected"], dict):
        raise InputError(f"{name}: expected must be a JSON object")
    if not _is_str_list(gold["key_facts"]):
        raise InputError(f"{name}: key_facts must be a list of strings")
    aliases = gold["aliases"]
    if not isinstance(aliases, dict):
        raise InputError(
            f"{name}: aliases must be an object of {', '.join(ALIAS_FIELDS)} "
            "(each an object of name -> list of strings)"
        )
    for field, names in aliases.items():
        if field not in ALIAS_FIELDS:
            raise InputError(f"{name}: aliases.{field} is not one of {', '.join(ALIAS_FIELDS)}")
        if not isinstance(names, dict):
            raise InputError(
                f"{name}: aliases.{field} must be an object of name -> list of strings"
            )
        for item, forms in names.items():
            if not _is_str_list(forms):
                raise InputError(f"{name}: aliases.{field}[{item!r}] must be a list of strings")


def validate_gold(gold: dict[str, Any], *, name: str) -> None:
    """Raise InputError when a gold file is not in the v1 gold format."""
    check_gold_types(gold, name=name)
    try:
        ArticleSummary.model_validate(gold["expected"])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{name}: expected.{where}: {first['msg']}") from exc
    if not 3 <= len(gold["key_facts"]) <= 8:
        raise InputError(f"{name}: key_facts must be a list of 3-8 facts")


def _source_file(root: Path, source: str, *, name: str) -> Path:
    """The article file of a gold ``source``: it must stay inside the dataset folder (no
    absolute path, no ``..`` or symlink out of it); checked before anything is read."""
    base = root.resolve()
    article = (root / source).resolve()
    if Path(source).is_absolute() or not article.is_relative_to(base):
        raise InputError(f"{name}: source {source!r} is outside the dataset folder {root}")
    if not article.is_file():
        raise InputError(f"{name}: source {source} not found in {root}")
    return article


def load_dataset(name_or_path: str | Path) -> list[Sample]:
    """Every gold file of the dataset, validated, with its article text."""
    root = resolve_dataset(name_or_path)
    gold_dir = root / "gold"
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"{root}: no gold/*.json files")
    samples = []
    seen: dict[str, Path] = {}
    for file in files:
        try:
            gold = json.loads(decode_bytes(file.read_bytes(), name=str(file)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{file}: not valid JSON ({exc})") from exc
        validate_gold(gold, name=str(file))
        if gold["id"] in seen:
            raise InputError(f"{file}: id {gold['id']!r} is already the id of {seen[gold['id']]}")
        seen[gold["id"]] = file
        article = _source_file(root, gold["source"], name=str(file))
        data = article.read_bytes()
        samples.append(
            Sample(
                gold["id"],
                decode_bytes(data, name=str(root / gold["source"])),
                gold,
                gold["source"],
                hashlib.sha256(data).hexdigest(),
            )
        )
    return samples
