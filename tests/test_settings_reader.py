"""One settings reader: every SUMMARIZER_*/OPENAI_* variable is a row of
summarizer.settings.VARIABLES, read and checked by settings.env; no other module of the
package (the service and the evals included) reads os.environ for one."""

import ast
import re
from pathlib import Path

import pytest

import summarizer
from summarizer import ConfigurationError, Settings, embedded
from summarizer.service import ServiceConfig
from summarizer.settings import VARIABLES, env

ROOT = Path(summarizer.__file__).parent.parent
# The installed package: summarizer/ and evals/ (installed as summarizer.evals, with the
# eval suite's conftest). bench/ scripts only set variables for child processes.
SOURCES = [ROOT / "summarizer", ROOT / "evals"]
READER = ROOT / "summarizer" / "settings.py"
# Reads not moved yet, each with its reason. The test fails when one disappears, so this
# list only shrinks.
PENDING: dict[str, set[str]] = {}
NAME = re.compile(r"\b(?:SUMMARIZER|OPENAI)_[A-Z0-9_]+\b")


def _is_environ(node: ast.AST) -> bool:
    """``os.environ`` or a bare ``environ``."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ"
    return isinstance(node, ast.Name) and node.id == "environ"


def _read_key(node: ast.AST) -> ast.AST | None:
    """The key expression when ``node`` reads the environment, else None."""
    if isinstance(node, ast.Call):
        func = node.func
        reads = (
            isinstance(func, ast.Attribute)
            and (
                (func.attr in {"get", "pop", "setdefault"} and _is_environ(func.value))
                or (func.attr == "getenv")
            )
        ) or (isinstance(func, ast.Name) and func.id == "getenv")
        if reads:
            return node.args[0] if node.args else ast.Constant(None)
    if isinstance(node, ast.Subscript) and _is_environ(node.value):
        return node.slice
    if isinstance(node, ast.Compare) and any(_is_environ(c) for c in node.comparators):
        return node.left
    return None


def _environment_reads() -> dict[str, set[str]]:
    """Per file, the SUMMARIZER_/OPENAI_ names read from os.environ; ``<computed>`` for a
    key the test cannot see (it could be any name)."""
    found: dict[str, set[str]] = {}
    for source in SOURCES:
        for path in sorted(source.rglob("*.py")):
            if path == READER:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                key = _read_key(node)
                if key is None:
                    continue
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    if not NAME.fullmatch(key.value):
                        continue
                    name = key.value
                else:
                    name = "<computed>"
                found.setdefault(str(path.relative_to(ROOT)), set()).add(name)
    return found


def test_only_settings_reads_the_environment():
    reads = _environment_reads()
    unexpected = {path: names for path, names in reads.items() if names - PENDING.get(path, set())}
    assert unexpected == {}, (
        "read these through summarizer.settings.env (add a row to settings.VARIABLES): "
        f"{unexpected}"
    )
    stale = {path for path in PENDING if path not in reads}
    assert not stale, f"moved to settings.env: remove from PENDING: {stale}"


def test_every_variable_named_in_the_package_is_documented_in_the_reader():
    named: set[str] = set()
    for source in SOURCES:
        for path in source.rglob("*.py"):
            named |= set(NAME.findall(path.read_text(encoding="utf-8")))
    assert named - set(VARIABLES) == set()
    assert len(VARIABLES) >= 26


def test_the_reader_is_the_only_place_the_library_reads_these_names():
    assert set(VARIABLES) == {v.name for v in VARIABLES.values()}
    assert all(v.help for v in VARIABLES.values())


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("SUMMARIZER_N_CTX", "abc", "SUMMARIZER_N_CTX must be a whole number, got 'abc'"),
        ("SUMMARIZER_N_CTX", "100", "SUMMARIZER_N_CTX must be at least 2048, got '100'"),
        ("SUMMARIZER_TIMEOUT", "soon", "SUMMARIZER_TIMEOUT must be a number, got 'soon'"),
        ("SUMMARIZER_TIMEOUT", "0", "SUMMARIZER_TIMEOUT must be greater than 0, got '0'"),
        ("SUMMARIZER_MAX_CHARS", "1e5", "SUMMARIZER_MAX_CHARS must be a whole number"),
        ("SUMMARIZER_CONCURRENCY", "-2", "SUMMARIZER_CONCURRENCY must be at least 0"),
        ("SUMMARIZER_MODE", "xml", "SUMMARIZER_MODE must be one of auto, json_schema"),
        ("SUMMARIZER_STAGES_OFF", "topics, faithfull", "unknown stage(s) to turn off: faithfull"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_variable(monkeypatch, name, raw, message):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv(name, raw)
    with pytest.raises(ConfigurationError) as info:
        Settings.from_env()
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("SUMMARIZER_TOKEN_CONCURRENCY", "many"),
        ("SUMMARIZER_MAX_REQUEST_BYTES", "2MB"),
        ("SUMMARIZER_MAX_BATCH_ARTICLES", "0"),
        ("SUMMARIZER_LEASE_SECONDS", "a minute"),
    ],
)
def test_service_variables_are_checked_too(monkeypatch, name, raw):
    monkeypatch.setenv(name, raw)
    with pytest.raises(ConfigurationError, match=f"^{name} must be"):
        ServiceConfig.from_env()


@pytest.mark.parametrize(
    "name",
    [
        "SUMMARIZER_LLAMA_SLOTS",
        "SUMMARIZER_LLAMA_CACHE_RAM_MIB",
        "SUMMARIZER_LLAMA_UBATCH",
        "SUMMARIZER_LLAMA_FLASH_ATTN",
        "SUMMARIZER_LLAMA_VERBOSITY",
    ],
)
def test_embedded_variables_are_checked_too(monkeypatch, name):
    monkeypatch.setenv(name, "fast")
    with pytest.raises(ConfigurationError, match=f"^{name} must be a whole number, got 'fast'$"):
        env(name)


def test_unset_and_empty_keep_the_defaults(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert Settings.from_env() == Settings()
    assert ServiceConfig.from_env() == ServiceConfig()
    assert embedded.slot_count() == 1
    assert env("SUMMARIZER_EVAL_DATASET") == "seeds" and env("SUMMARIZER_RUNS_DIR") == "runs"
    for name in ("SUMMARIZER_MODE", "SUMMARIZER_N_CTX", "SUMMARIZER_MODEL"):
        monkeypatch.setenv(name, "")
    assert Settings.from_env() == Settings()


def test_values_reach_settings_and_service(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.example.com/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    monkeypatch.setenv("SUMMARIZER_MODEL", "m")
    monkeypatch.setenv("SUMMARIZER_N_CTX", "4096")
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "12.5")
    monkeypatch.setenv("SUMMARIZER_CONCURRENCY", "0")  # 0 = the default
    monkeypatch.setenv("SUMMARIZER_STAGES_OFF", "topics, naming")
    monkeypatch.setenv("SUMMARIZER_FACTS_SUMMARY_LANGUAGES", "")  # set but empty: none
    s = Settings.from_env()
    assert (s.base_url, s.model, s.n_ctx, s.timeout) == (
        "https://api.example.com/v1",
        "m",
        4096,
        12.5,
    )
    assert s.api_key.get_secret_value() == "sk-x" and s.concurrency is None
    assert s.stages_off == ("topics", "naming") and s.facts_summary_languages == ()
    assert Settings.from_env(n_ctx=8192).n_ctx == 8192  # explicit wins
    a, b = "a" * 16, "b" * 20
    monkeypatch.setenv("SUMMARIZER_API_TOKENS", f"{a}, {b},")
    monkeypatch.setenv("SUMMARIZER_LEASE_SECONDS", "5")
    monkeypatch.setenv("SUMMARIZER_MAX_ATTEMPTS", "3")
    config = ServiceConfig.from_env(workers=0)
    assert config.tokens == frozenset({a, b}) and config.lease_seconds == 5.0
    assert config.max_attempts == 3


def test_cache_dir_is_read_in_one_place(monkeypatch, tmp_path):
    from summarizer.evals.cache import default_cache_dir

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    assert embedded.cache_dir() == tmp_path
    assert default_cache_dir() == tmp_path / "responses"


def test_stages_off_names_are_checked():
    from summarizer.stages.run import OPTIONAL_STAGES

    assert Settings(stages_off=OPTIONAL_STAGES).stages_off == OPTIONAL_STAGES
    with pytest.raises(ConfigurationError, match="unknown stage"):
        Settings(stages_off=("topic",))
