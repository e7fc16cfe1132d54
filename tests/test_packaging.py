"""What `pip install .` ships: every subpackage, the data files, py.typed, the license, and
the committed JSON Schema of the output contract. (.ci/check_wheel.sh builds and installs
the real wheel; these are the fast checks of the same configuration.)"""

import json
from pathlib import Path

import pytest
from setuptools.discovery import PEP420PackageFinder

from summarizer.schemas.article import ArticleSummary

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
SCHEMA_FILE = ROOT / "docs" / "article-summary.schema.json"
REGENERATE = (
    "python -c 'import json; from summarizer.schemas.article import ArticleSummary as A; "
    'open("docs/article-summary.schema.json", "w", encoding="utf-8").write('
    'json.dumps(A.model_json_schema(), indent=2, ensure_ascii=False) + "\\n")\''
)
PROMPT_JSON = ("summarizer.prompts", "*.json")
# folders of the source tree that are not the library's (pytest's eval suite)
NOT_SHIPPED = {"evals/suite"}


def package_dir() -> dict[str, str]:
    return dict(SETUPTOOLS.get("package-dir", {}))


def discovered_packages() -> list[str]:
    """The packages setuptools builds from pyproject.toml, by the same rules it applies."""
    packages = SETUPTOOLS.get("packages")
    if isinstance(packages, list):  # a hand-written list: no discovery
        return list(packages)
    if isinstance(packages, dict):  # [tool.setuptools.packages.find]
        find = dict(packages["find"])
        found = []
        for where in find.pop("where", ["."]):
            found += PEP420PackageFinder.find(str(ROOT / where), **find)
        return found
    # no `packages`: automatic discovery of the "explicit layout" given by package-dir
    # (setuptools.discovery.ConfigDiscovery._analyse_explicit_layout)
    found = []
    for package, folder in package_dir().items():
        if package:
            nested = PEP420PackageFinder.find(str(ROOT / folder))
            found += [package, *(f"{package}.{name}" for name in nested)]
    return found


def source_packages() -> dict[str, str]:
    """Every folder holding Python code under the mapped roots -> its installed name."""
    result = {}
    for package, folder in package_dir().items():
        base = ROOT / folder
        for module in base.rglob("*.py"):
            rel = module.parent.relative_to(base)
            source = (Path(folder) / rel).as_posix()
            if any(source == s or source.startswith(s + "/") for s in NOT_SHIPPED):
                continue
            result[source] = ".".join([package, *rel.parts])
    return result


def test_package_dir_maps_the_four_roots():
    assert package_dir() == {
        "summarizer": "summarizer",
        "summarizer.schemas": "schemas",
        "summarizer.evals": "evals",
        "summarizer.prompts": "prompts",
    }


def test_every_subpackage_is_discovered():
    found = set(discovered_packages())
    assert {"summarizer.stages", "summarizer.service", "summarizer.evals.scoring"} <= found
    missing = {src: name for src, name in source_packages().items() if name not in found}
    assert not missing, f"folders with Python code that the wheel would not contain: {missing}"
    # nothing outside the mapped roots becomes a (top-level) package
    assert all(name.split(".")[0] == "summarizer" for name in found), sorted(found)


def test_data_folders_are_packages_so_setuptools_does_not_warn():
    # a data file in a folder that is not a package draws "Package ... is absent from the
    # `packages` configuration" from setuptools (and will one day be dropped)
    found = set(discovered_packages())
    for folder in ("datasets/seeds/articles", "datasets/seeds/gold", "thresholds"):
        assert "summarizer.evals." + folder.replace("/", ".") in found


@pytest.mark.parametrize(
    ("package", "pattern"),
    [
        (package, pattern)
        for package, patterns in SETUPTOOLS["package-data"].items()
        for pattern in patterns
        # kept for data files to come: prompt-set JSON and a summarizer/languages/ folder
        if not (pattern.startswith("languages/") or (package, pattern) == PROMPT_JSON)
    ],
)
def test_every_package_data_pattern_matches_files(package, pattern):
    folder = ROOT / package_dir()[package]
    assert list(folder.glob(pattern)), f"{package}: {pattern!r} matches no file in {folder}"


def test_py_typed_and_license_are_shipped():
    assert (ROOT / "summarizer" / "py.typed").is_file()
    assert "py.typed" in SETUPTOOLS["package-data"]["summarizer"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "Copyright 2026 The summarizer authors" in text
    assert "END OF TERMS AND CONDITIONS" in text
    project = PYPROJECT["project"]
    assert project["license"] == "Apache-2.0"
    assert project["license-files"] == ["LICENSE"]
    # the SPDX string form of `license` needs setuptools 77
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def article_summary_schema_text() -> str:
    """docs/article-summary.schema.json as it should be (see REGENERATE)."""
    schema = ArticleSummary.model_json_schema()
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def test_committed_json_schema_is_current():
    committed = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    assert committed == article_summary_schema_text(), (
        f"{SCHEMA_FILE.relative_to(ROOT)} is stale (ArticleSummary changed); regenerate it "
        f"from the repo root with:\n{REGENERATE}"
    )


def test_output_contract_doc_is_in_the_repo():
    text = (ROOT / "docs" / "output-contract.md").read_text(encoding="utf-8")
    assert "# ArticleSummary v1" in text
    assert REGENERATE in text
