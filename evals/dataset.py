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


def validate_gold(gold: dict[str, Any], *, name: str) -> None:
    """Raise InputError when a gold file is not in the v1 gold format."""
    missing = GOLD_KEYS - set(gold)
    if missing:
        raise InputError(f"{name}: gold is missing keys {sorted(missing)}")
    try:
        ArticleSummary.model_validate(gold["expected"])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{name}: expected.{where}: {first['msg']}") from exc
    facts = gold["key_facts"]
    if not isinstance(facts, list) or not 3 <= len(facts) <= 8:
        raise InputError(f"{name}: key_facts must be a list of 3-8 facts")


def load_dataset(name_or_path: str | Path) -> list[Sample]:
    """Every gold file of the dataset, validated, with its article text."""
    root = resolve_dataset(name_or_path)
    gold_dir = root / "gold"
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"{root}: no gold/*.json files")
    samples = []
    for file in files:
        try:
            gold = json.loads(decode_bytes(file.read_bytes(), name=str(file)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{file}: not valid JSON ({exc})") from exc
        validate_gold(gold, name=str(file))
        article = root / gold["source"]
        if not article.is_file():
            raise InputError(f"{file}: source {gold['source']} not found in {root}")
        data = article.read_bytes()
        samples.append(
            Sample(
                gold["id"],
                decode_bytes(data, name=str(article)),
                gold,
                gold["source"],
                hashlib.sha256(data).hexdigest(),
            )
        )
    return samples
