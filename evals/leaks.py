"""Find eval-dataset content inside the product (prompts, schemas, library code).

Examples in prompts and schemas must be invented: a name, number or phrase copied from an
article or gold file of any eval dataset lets a model (or a rule) score well on that
dataset for the wrong reason. :func:`find_leaks` looks for:

* names: gold people, organizations and locations (name and aliases), folded (case,
  accents, punctuation), as whole words; a name counts only when it has a word that is
  neither generic (ministry, health, hospital, of, ...) nor a country name, and a
  single-word name only from 8 letters up, so "Ministry of Health" or "Moscow" in an
  invented example is not a leak while a named person or institution is;
* numbers: gold figure values with at least two significant digits and four digits in
  all (1,500 or 37,250; not 2,000 or 120), as written in the gold and as the article
  writes them in the evidence quote (e.g. "5,6");
* phrases: any run of six words of an article, a gold summary or a key fact (folded),
  and every evidence quote of three words or more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.schemas.iso_codes import ISO_3166_1_ALPHA2
from summarizer.textfold import normalize_name

PRODUCT_SUFFIXES = (".py", ".j2", ".json", ".txt", ".md", ".toml", ".yaml", ".yml")
PHRASE_WORDS = 6
MIN_SINGLE_NAME_LETTERS = 8
# A number as the article writes it ("5,6") counts from three digits: "1,2" is in every
# regular expression's {1,2}.
MIN_QUOTED_DIGITS = 3
# A distinctive word of a name has three letters or more ("a p" is no name).
MIN_DISTINCTIVE_LETTERS = 3
GENERIC_NAME_WORDS = frozenset(
    """
    a an the of and for in on at to de du la le ministry minister health healthcare care
    public hospital hospitals clinic clinics clinical center centre central medical medicine
    national regional region city state federal republic government administration
    department office committee council agency service services university college school
    institute research scientific academy association society union fund foundation
    company group international world organization organisation children childrens child
    general district province provincial oblast municipal news press main first second
    foreign affairs internal external relations economy economic trade education culture
    """.split()
)
_COUNTRY_WORDS = frozenset(
    w for name in ISO_3166_1_ALPHA2.values() for w in normalize_name(name).split()
)


@dataclass(frozen=True)
class Leak:
    file: str
    kind: str  # name | number | phrase
    needle: str
    dataset_item: str  # "<dataset>/<id>"


def _words(text: str) -> list[str]:
    return normalize_name(text).split()


def _shingles(words: list[str], n: int = PHRASE_WORDS) -> Iterator[str]:
    for i in range(len(words) - n + 1):
        yield " ".join(words[i : i + n])


def _significant_digits(value: float) -> int:
    return len(str(int(abs(value))).rstrip("0"))


def _number_needles(figure: dict[str, Any]) -> set[str]:
    value = figure.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return set()
    if abs(value) < 1000 or _significant_digits(value) < 2:
        return set()
    needles = {str(int(value))} if float(value).is_integer() else {str(value)}
    for token in re.findall(r"\d+(?:[.,\s]\d+)*", str(figure.get("evidence") or "")):
        if re.search(r"[.,]", token) and len(re.sub(r"\D", "", token)) >= MIN_QUOTED_DIGITS:
            needles.add(token)
    return needles


def dataset_needles(dataset: Path) -> Iterator[tuple[str, str, str]]:
    """(kind, folded needle, "<dataset>/<id>") for every gold file of ``dataset``."""
    for gold_file in sorted((dataset / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        where = f"{dataset.name}/{gold.get('id', gold_file.stem)}"
        expected = gold.get("expected") or {}
        aliases = gold.get("aliases") or {}
        for field in ("people", "organizations", "locations"):
            for item in expected.get(field) or []:
                names = [item.get("name") or ""]
                names += (aliases.get(field) or {}).get(item.get("name"), [])
                for name in names:
                    words = _words(name)
                    distinctive = [
                        w
                        for w in words
                        if w not in GENERIC_NAME_WORDS
                        and w not in _COUNTRY_WORDS
                        and len(w) >= MIN_DISTINCTIVE_LETTERS
                    ]
                    if not distinctive:
                        continue
                    if len(words) >= 2 or len("".join(words)) >= MIN_SINGLE_NAME_LETTERS:
                        yield "name", " ".join(words), where
        for figure in expected.get("figures") or []:
            for needle in _number_needles(figure):
                yield "number", needle, where
        texts = [expected.get("summary") or "", *(gold.get("key_facts") or [])]
        article = dataset / str(gold.get("source", ""))
        if article.is_file():
            texts.append(article.read_text(encoding="utf-8", errors="replace"))
        for text in texts:
            for phrase in _shingles(_words(text)):
                yield "phrase", phrase, where
        for field in ("people", "organizations", "agreements", "figures"):
            for item in expected.get(field) or []:
                words = _words(str(item.get("evidence") or ""))
                if len(words) >= 3:
                    yield "phrase", " ".join(words), where


def product_files(roots: Iterable[Path]) -> Iterator[Path]:
    for root in roots:
        for path in sorted(root.rglob("*")):
            if (
                path.is_file()
                and path.suffix in PRODUCT_SUFFIXES
                and "__pycache__" not in path.parts
            ):
                yield path


EXEMPTIONS_FILE = Path(__file__).with_name("leak_exemptions.txt")


def exemptions(path: Path = EXEMPTIONS_FILE) -> set[tuple[str, str]]:
    """(kind, needle) pairs not counted, from the reviewed list beside this module."""
    pairs: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, needle, _reason = line.split("\t", 2)
            pairs.add((kind, needle))
    return pairs


def find_leaks(product_roots: Iterable[Path], datasets: Iterable[Path]) -> list[Leak]:
    """Every dataset name, number or phrase found in a product file (the reviewed
    :func:`exemptions` aside)."""
    needles: dict[tuple[str, str], str] = {}
    exempt = exemptions()
    for dataset in datasets:
        for kind, needle, where in dataset_needles(dataset):
            if (kind, needle) not in exempt:
                needles.setdefault((kind, needle), where)
    numbers = {n for kind, n in needles if kind == "number"}
    texts = {kind: {n for k, n in needles if k == kind} for kind in ("name", "phrase")}
    leaks: list[Leak] = []
    for path in product_files(product_roots):
        raw = path.read_text(encoding="utf-8", errors="replace")
        folded = " " + " ".join(_words(raw)) + " "
        for kind, found in texts.items():
            for needle in found:
                if f" {needle} " in folded:
                    leaks.append(Leak(str(path), kind, needle, needles[(kind, needle)]))
        for number in numbers:
            if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", raw):
                leaks.append(Leak(str(path), "number", number, needles[("number", number)]))
    return leaks
