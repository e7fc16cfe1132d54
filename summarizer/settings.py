"""Settings, and the only place the library reads its environment.

Explicit arguments win, then environment variables, then defaults. Every ``SUMMARIZER_*``
and ``OPENAI_*`` variable the library (its service and its evals included) reads is a row
of :data:`VARIABLES` (name, kind, default, lower bound, what it does) and is read through
:func:`env`, which parses and checks it: a bad value is one
:class:`~summarizer.errors.ConfigurationError` line naming the variable
(``SUMMARIZER_N_CTX must be a whole number, got 'abc'``). Other modules ask :func:`env`
or get a :class:`Settings`; none reads ``os.environ`` (tests/test_settings_reader.py).

The API key is a ``SecretStr``: it never appears in reprs, logs or run files, and
credentials inside a URL (``https://user:key@host``) are redacted wherever a URL is shown
or written (:func:`redact_url`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import SecretStr

from summarizer.errors import ConfigurationError

MODES = ("auto", "json_schema", "tools", "json", "md_json")
PIPELINES = ("default", "single_call", "baseline")
DEFAULT_MAX_CHARS = 100_000


def redact_url(url: str | None) -> str | None:
    """The URL with any user name, password and query string replaced by ``***``."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    query = "***" if parts.query else ""
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


@dataclass(frozen=True)
class Settings:
    """Everything that decides which model is called and how."""

    base_url: str | None = None
    api_key: SecretStr | None = field(default=None, repr=False)
    model: str | None = None
    mode: str = "auto"
    model_path: str | None = None
    n_ctx: int = 8192
    max_tokens: int = 2048
    temperature: float = 0.0
    timeout: float = 900.0
    max_reasks: int = 1
    transport_retries: int = 4
    concurrency: int | None = None
    keep_ungrounded: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    # Stages of the default pipeline turned off (for measuring what each adds); names
    # from summarizer.stages.run.OPTIONAL_STAGES.
    stages_off: tuple[str, ...] = ()
    # Languages whose summary is built from grounded findings only, because the model
    # cannot read them well enough (measured per language on the dev set).
    facts_summary_languages: tuple[str, ...] = ("kk",)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigurationError(f"mode must be one of {', '.join(MODES)}; got {self.mode!r}")
        if self.n_ctx < 2048:
            raise ConfigurationError(f"n_ctx must be at least 2048, got {self.n_ctx}")
        if self.max_reasks < 0 or self.transport_retries < 0:
            raise ConfigurationError("max_reasks and transport_retries must be >= 0")
        if self.timeout <= 0:
            raise ConfigurationError("timeout must be positive")
        if self.max_chars < 1:
            raise ConfigurationError("max_chars must be at least 1")
        if self.stages_off:
            # Imported only here: the stages load their NLP libraries on import, which
            # most callers never need (and the list lives with the stages it names).
            from summarizer.stages.run import OPTIONAL_STAGES

            unknown = [name for name in self.stages_off if name not in OPTIONAL_STAGES]
            if unknown:
                raise ConfigurationError(
                    f"unknown stage(s) to turn off: {', '.join(unknown)}; "
                    f"choose from {', '.join(OPTIONAL_STAGES)}"
                )

    @property
    def embedded(self) -> bool:
        """True when no endpoint is configured and the embedded model is used."""
        return not self.base_url

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Build settings from the environment; non-None ``overrides`` win."""
        values = {
            name: value
            for variable, name in _SETTINGS_FIELDS.items()
            if (value := env(variable)) is not None
        }
        if values.get("concurrency") == 0:  # 0 = the default (4, or the embedded slots)
            values["concurrency"] = None
        settings = cls(**{**values, **_explicit(overrides)})
        if settings.base_url and not settings.model:
            raise ConfigurationError(
                "an endpoint is configured (OPENAI_BASE_URL / --base-url) but no model: "
                "set SUMMARIZER_MODEL or pass --model"
            )
        return settings

    def with_(self, **changes: Any) -> Settings:
        """A copy with the non-None ``changes`` applied (a str API key becomes secret)."""
        return replace(self, **_explicit(changes))


def _explicit(values: dict[str, Any]) -> dict[str, Any]:
    """The values a caller actually gave (None means "not given"), keys kept secret."""
    given = {name: value for name, value in values.items() if value is not None}
    if isinstance(given.get("api_key"), str):
        given["api_key"] = SecretStr(given["api_key"])
    return given


# -- the environment ------------------------------------------------------------------


@dataclass(frozen=True)
class Variable:
    """One environment variable: how its text is read, and what holds when it is unset.

    ``kind``: ``text`` (empty = unset), ``secret`` (a ``SecretStr``), ``whole`` (int),
    ``number`` (float), ``names`` (comma-separated, ``"a, b"`` -> ``("a", "b")``; set but
    empty = an empty tuple), ``choice`` (one of ``choices``). ``default`` None means
    "the consumer's own default" (a :class:`Settings` field, llama.cpp's parameter).
    """

    name: str
    kind: str
    help: str
    default: Any = None
    minimum: float | None = None
    above: float | None = None  # an exclusive lower bound (seconds must be > 0)
    choices: tuple[str, ...] = ()

    def parse(self, raw: str) -> Any:
        if self.kind == "names":
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if raw == "":
            return self.default
        if self.kind == "secret":
            return SecretStr(raw)
        if self.kind == "choice":
            if raw not in self.choices:
                raise ConfigurationError(
                    f"{self.name} must be one of {', '.join(self.choices)}; got {raw!r}"
                )
            return raw
        if self.kind in ("whole", "number"):
            try:
                value: Any = int(raw) if self.kind == "whole" else float(raw)
            except ValueError as exc:
                what = "a whole number" if self.kind == "whole" else "a number"
                raise ConfigurationError(f"{self.name} must be {what}, got {raw!r}") from exc
            if self.minimum is not None and value < self.minimum:
                raise ConfigurationError(
                    f"{self.name} must be at least {self.minimum:g}, got {raw!r}"
                )
            if self.above is not None and value <= self.above:
                raise ConfigurationError(
                    f"{self.name} must be greater than {self.above:g}, got {raw!r}"
                )
            return value
        return raw


VARIABLES: dict[str, Variable] = {
    v.name: v
    for v in (
        # The model and how it is called (Settings.from_env).
        Variable("OPENAI_BASE_URL", "text", "OpenAI-compatible endpoint; unset = embedded"),
        Variable("OPENAI_API_KEY", "secret", "the endpoint's key (never logged or written)"),
        Variable("SUMMARIZER_MODEL", "text", "model name at the endpoint"),
        Variable("SUMMARIZER_MODE", "choice", "instructor mode", choices=MODES),
        Variable("SUMMARIZER_MODEL_PATH", "text", "another GGUF for the embedded runtime"),
        Variable("SUMMARIZER_N_CTX", "whole", "embedded context size", minimum=2048),
        Variable("SUMMARIZER_TIMEOUT", "number", "seconds per request", above=0),
        Variable("SUMMARIZER_MAX_CHARS", "whole", "longest article sent", minimum=1),
        Variable("SUMMARIZER_CONCURRENCY", "whole", "articles in flight (0 = auto)", minimum=0),
        Variable("SUMMARIZER_STAGES_OFF", "names", "default-pipeline stages turned off"),
        Variable(
            "SUMMARIZER_FACTS_SUMMARY_LANGUAGES",
            "names",
            "languages summarized from grounded findings only",
        ),
        # The embedded llama.cpp runtime (summarizer.embedded).
        Variable("SUMMARIZER_CACHE_DIR", "text", "weights, tables and the eval response cache"),
        Variable("SUMMARIZER_LLAMA_SLOTS", "whole", "articles decoded at once", 1, minimum=1),
        Variable("SUMMARIZER_LLAMA_CACHE_RAM_MIB", "whole", "llama.cpp prompt-state RAM", 0),
        Variable("SUMMARIZER_LLAMA_UBATCH", "whole", "llama.cpp micro-batch", minimum=1),
        Variable("SUMMARIZER_LLAMA_FLASH_ATTN", "whole", "-1 auto, 0 off, 1 on"),
        Variable("SUMMARIZER_LLAMA_VERBOSITY", "whole", "llama.cpp log level", 1),
        # The service (summarizer.service.config.ServiceConfig.from_env).
        Variable("SUMMARIZER_DB_URL", "text", "SQLAlchemy URL of the job store"),
        Variable("SUMMARIZER_API_TOKENS", "names", "bearer tokens, comma-separated", ()),
        Variable("SUMMARIZER_TOKEN_CONCURRENCY", "whole", "requests per token", minimum=1),
        Variable("SUMMARIZER_MAX_REQUEST_BYTES", "whole", "largest request body", minimum=1),
        Variable("SUMMARIZER_MAX_BATCH_ARTICLES", "whole", "articles per batch", minimum=1),
        Variable("SUMMARIZER_LEASE_SECONDS", "number", "batch item heartbeat lease", above=0),
        Variable("SUMMARIZER_MAX_ATTEMPTS", "whole", "tries per batch article", minimum=1),
        Variable(
            "SUMMARIZER_RETRY_BACKOFF_SECONDS", "number", "first wait before a retry", above=0
        ),
        Variable("SUMMARIZER_PUBLIC_URL", "text", "base URL clients reach the service at"),
        Variable("SUMMARIZER_BODY_TIMEOUT_SECONDS", "number", "wait for a request body", above=0),
        Variable(
            "SUMMARIZER_HEADER_TIMEOUT_SECONDS", "number", "wait for a request's headers", above=0
        ),
        Variable("SUMMARIZER_MAX_CONNECTIONS", "whole", "open connections (uvicorn)", minimum=1),
        Variable("SUMMARIZER_WEBHOOK_URL", "text", "where finished batches are POSTed"),
        Variable("SUMMARIZER_WEBHOOK_SECRET", "secret", "HMAC-SHA256 key of the webhook"),
        Variable(
            "SUMMARIZER_SHUTDOWN_TIMEOUT_SECONDS",
            "number",
            "wait for requests in flight after SIGTERM",
            above=0,
        ),
        # The eval suite (evals/suite/conftest.py).
        Variable("SUMMARIZER_EVAL_DATASET", "text", "dataset `pytest evals/` runs", "seeds"),
        Variable("SUMMARIZER_EVAL_RUN", "text", "a saved run to re-score instead"),
        Variable("SUMMARIZER_RUNS_DIR", "text", "where `pytest evals/` writes runs", "runs"),
    )
}

# Variables that fill a Settings field of the same meaning.
_SETTINGS_FIELDS = {
    "OPENAI_BASE_URL": "base_url",
    "OPENAI_API_KEY": "api_key",
    "SUMMARIZER_MODEL": "model",
    "SUMMARIZER_MODE": "mode",
    "SUMMARIZER_MODEL_PATH": "model_path",
    "SUMMARIZER_N_CTX": "n_ctx",
    "SUMMARIZER_TIMEOUT": "timeout",
    "SUMMARIZER_MAX_CHARS": "max_chars",
    "SUMMARIZER_CONCURRENCY": "concurrency",
    "SUMMARIZER_STAGES_OFF": "stages_off",
    "SUMMARIZER_FACTS_SUMMARY_LANGUAGES": "facts_summary_languages",
}


def env(name: str) -> Any:
    """The parsed, checked value of the environment variable ``name`` (a row of
    :data:`VARIABLES`), or its default when unset. Read at each call, so a changed
    environment (tests, a long-lived process) is seen."""
    variable = VARIABLES[name]  # a KeyError here is a variable nobody documented
    raw = os.environ.get(name)
    return variable.default if raw is None else variable.parse(raw)
