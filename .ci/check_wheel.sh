#!/usr/bin/env bash
# Packaging check: what `pip install .` gives a new user must start and import.
# Builds the wheel from a copy of the checkout (tracked + untracked, not ignored files, so
# no stale build/ can leak into it), checks its file list against the source tree, installs
# it with the base dependencies only (no [local]/[service]/[dev] extra) in a fresh venv,
# runs the CLI and imports every module of the installed package.
# Needs PyPI (build requirements and dependencies). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
start=$SECONDS
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_wheel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "check_wheel: copying the checkout"
mkdir -p "$tmp/src" "$tmp/dist"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # --ignore-failed-read: a tracked file deleted in the work tree is simply not copied
  git -C "$repo" ls-files -z -co --exclude-standard \
    | tar -C "$repo" --null --ignore-failed-read -T - -cf - 2>/dev/null \
    | tar -C "$tmp/src" -xf -
else
  tar -C "$repo" --exclude=./.venv --exclude=./.git --exclude=./build --exclude=./dist \
    --exclude='*.egg-info' --exclude=__pycache__ -cf - . | tar -C "$tmp/src" -xf -
fi

echo "check_wheel: building the wheel"
if ! "$PY" -m pip wheel --no-deps --no-cache-dir -v -w "$tmp/dist" "$tmp/src" \
    >"$tmp/build.log" 2>&1; then
  tail -40 "$tmp/build.log"
  echo "check_wheel: FAILED: the wheel did not build" >&2
  exit 1
fi
# setuptools warns (and will one day fail) about data folders missing from the packages,
# deprecated license metadata and the like: any of its warnings fails the check.
if grep -E "BuildBackendWarning|SetuptoolsDeprecationWarning|SetuptoolsWarning|is absent from the .packages." \
    "$tmp/build.log"; then
  grep -E -A12 "BuildBackendWarning|SetuptoolsDeprecationWarning|SetuptoolsWarning" "$tmp/build.log" | head -60
  echo "check_wheel: FAILED: setuptools warned while building (see above)" >&2
  exit 1
fi
wheel=$(ls "$tmp"/dist/summarizer-*.whl)
echo "check_wheel: built $(basename "$wheel") in $((SECONDS - start)) s"

echo "check_wheel: checking the wheel's files"
"$PY" - "$wheel" "$tmp/src" <<'EOF'
import sys
import zipfile
from pathlib import Path

wheel, src = sys.argv[1], Path(sys.argv[2])
names = set(zipfile.ZipFile(wheel).namelist())
roots = {"summarizer": "summarizer", "prompts": "summarizer/prompts",
         "schemas": "summarizer/schemas", "evals": "summarizer/evals"}
problems = []
# every module of the source tree is in the wheel (evals/suite is pytest's, not the library's)
for folder, target in roots.items():
    for path in sorted((src / folder).rglob("*.py")):
        rel = path.relative_to(src / folder)
        if folder == "evals" and rel.parts[0] == "suite":
            continue
        if f"{target}/{rel.as_posix()}" not in names:
            problems.append(f"missing module {target}/{rel.as_posix()} (from {folder}/{rel})")
must = ["summarizer/py.typed", "summarizer/quality.json", "summarizer/stages/__init__.py",
        "summarizer/service/__init__.py", "summarizer/prompts/default.system.j2",
        "summarizer/evals/thresholds/seeds.json"]
problems += [f"missing {name}" for name in must if name not in names]
for kind in ("articles", "gold"):
    if not any(n.startswith("summarizer/evals/datasets/seeds/" + kind + "/") for n in names):
        problems.append(f"missing the seeds dataset's {kind}")
if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
    problems.append("missing LICENSE in the dist-info")
top = {n.split("/")[0] for n in names}
stray = sorted(t for t in top if t != "summarizer" and not t.endswith(".dist-info"))
if stray:
    problems.append(f"top-level names other than summarizer: {stray}")
leaks = sorted(n for n in names if n.startswith(("tests/", "bench/")) or "/__pycache__/" in n)
if leaks:
    problems.append(f"files that do not belong in the wheel: {leaks[:10]}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit("check_wheel: FAILED: the wheel's file list")
print(f"check_wheel: {len(names)} files, every module and data file expected is present")
EOF

echo "check_wheel: installing it in a fresh venv (base dependencies only)"
"$PY" -m venv "$tmp/venv"
if ! "$tmp/venv/bin/python" -m pip install --disable-pip-version-check "$wheel" \
    >"$tmp/install.log" 2>&1; then
  tail -40 "$tmp/install.log"
  echo "check_wheel: FAILED: the wheel did not install" >&2
  exit 1
fi
echo "check_wheel: installed in $((SECONDS - start)) s"

cd "$tmp"  # nothing of the checkout on sys.path: only the installed package is imported
"$tmp/venv/bin/summarizer" --help >"$tmp/help.txt"
echo "check_wheel: summarizer --help ok ($(wc -l <"$tmp/help.txt") lines)"
if grep -q -- "--version" "$tmp/help.txt"; then
  echo "check_wheel: summarizer --version: $("$tmp/venv/bin/summarizer" --version)"
fi

"$tmp/venv/bin/python" - "$tmp/venv" <<'EOF'
import importlib
import pkgutil
import sys
import traceback
from pathlib import Path

import summarizer

venv = Path(sys.argv[1]).resolve()
if venv not in Path(summarizer.__file__).resolve().parents:
    sys.exit(f"check_wheel: FAILED: summarizer imported from {summarizer.__file__}, not the venv")

# Modules that need an optional extra may be skipped, only when the missing module is that
# extra's own package (a missing base dependency or a typo fails the check).
EXTRAS = {
    "xllamacpp": "local",
    "fastapi": "service", "starlette": "service", "uvicorn": "service",
    "sqlalchemy": "service", "prometheus_client": "service", "psycopg": "service",
    "pytest": "dev", "hypothesis": "dev",
}
imported, skipped, failed = [], [], []


def extra_of(exc: BaseException) -> str | None:
    if isinstance(exc, ImportError) and exc.name:
        return EXTRAS.get(exc.name.split(".")[0])
    return None


def record(name: str, exc: BaseException) -> None:
    extra = extra_of(exc)
    if extra:
        skipped.append(f"{name} (needs [{extra}]: {exc.name})")
    else:
        failed.append((name, "".join(traceback.format_exception(exc))))


seen = set()
for info in pkgutil.walk_packages(summarizer.__path__, "summarizer.", onerror=lambda n: None):
    if not info.name.endswith(".__main__"):  # runs the CLI when imported; --help ran it
        seen.add(info.name)
names = ["summarizer", *sorted(seen)]
for name in names:
    try:
        importlib.import_module(name)
    except BaseException as exc:  # SystemExit at import time is a failure too
        record(name, exc)
    else:
        imported.append(name)

for line in skipped:
    print(f"check_wheel: skipped {line}")
for name, tb in failed:
    print(f"check_wheel: FAILED to import {name}:\n{tb}", file=sys.stderr)
print(f"check_wheel: imported {len(imported)} of {len(names)} modules, "
      f"{len(skipped)} skipped (optional extras), {len(failed)} failed")
if failed or len(imported) < 10:
    sys.exit(1)
EOF
echo "check_wheel: ok in $((SECONDS - start)) s"
