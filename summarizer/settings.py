"""Settings: explicit arguments win, then environment variables, then defaults.

Environment: ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``SUMMARIZER_MODEL``, ``SUMMARIZER_MODE``,
``SUMMARIZER_MODEL_PATH`` (a GGUF for the embedded runtime), ``SUMMARIZER_N_CTX``,
``SUMMARIZER_TIMEOUT``, ``SUMMARIZER_MAX_CHARS`` (longest article sent to a hosted
endpoint), ``SUMMARIZER_CONCURRENCY`` (articles in flight at once). With no base URL the
embedded local model is used.
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


def env_number(name: str, default: float, kind: type = float) -> Any:
    """``kind(os.environ[name])``, the default when unset, a ConfigurationError when bad."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return kind(raw)
    except ValueError as exc:
        what = "a whole number" if kind is int else "a number"
        raise ConfigurationError(f"{name} must be {what}, got {raw!r}") from exc


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
    # Stages of the default pipeline turned off (for measuring what each adds); see
    # summarizer.stages.run.OPTIONAL_STAGES.
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

    @property
    def embedded(self) -> bool:
        """True when no endpoint is configured and the embedded model is used."""
        return not self.base_url

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Build settings from the environment; non-None ``overrides`` win."""
        key = os.environ.get("OPENAI_API_KEY")
        values: dict[str, Any] = {
            "base_url": os.environ.get("OPENAI_BASE_URL") or None,
            "api_key": SecretStr(key) if key else None,
            "model": os.environ.get("SUMMARIZER_MODEL") or None,
            "mode": os.environ.get("SUMMARIZER_MODE") or "auto",
            "model_path": os.environ.get("SUMMARIZER_MODEL_PATH") or None,
            "n_ctx": env_number("SUMMARIZER_N_CTX", 8192, int),
            "timeout": env_number("SUMMARIZER_TIMEOUT", 900.0),
            "max_chars": env_number("SUMMARIZER_MAX_CHARS", DEFAULT_MAX_CHARS, int),
            "concurrency": env_number("SUMMARIZER_CONCURRENCY", 0, int) or None,
            "stages_off": _env_list("SUMMARIZER_STAGES_OFF"),
        }
        facts_languages = _env_list("SUMMARIZER_FACTS_SUMMARY_LANGUAGES", None)
        if facts_languages is not None:
            values["facts_summary_languages"] = facts_languages
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


def _env_list(name: str, default: tuple[str, ...] | None = ()) -> tuple[str, ...] | None:
    """A comma-separated environment list (``"a, b"`` -> ``("a", "b")``); ``default`` when
    unset. Set but empty means an empty list."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _explicit(values: dict[str, Any]) -> dict[str, Any]:
    """The values a caller actually gave (None means "not given"), keys kept secret."""
    given = {name: value for name, value in values.items() if value is not None}
    if isinstance(given.get("api_key"), str):
        given["api_key"] = SecretStr(given["api_key"])
    return given
