"""Service settings: command-line flags win, then environment variables, then defaults.

Every variable is a row of :data:`summarizer.settings.VARIABLES`, read by
:func:`summarizer.settings.env`: ``SUMMARIZER_DB_URL`` (SQLAlchemy URL of the job store;
default a SQLite file in the working folder), ``SUMMARIZER_API_TOKENS`` (comma-separated
bearer tokens; required when the service binds to anything but loopback),
``SUMMARIZER_TOKEN_CONCURRENCY`` (synchronous requests in flight per token),
``SUMMARIZER_MAX_REQUEST_BYTES``, ``SUMMARIZER_MAX_BATCH_ARTICLES``,
``SUMMARIZER_LEASE_SECONDS`` (how long a batch item may go without a heartbeat before
another worker takes it over), ``SUMMARIZER_MAX_ATTEMPTS`` (attempts of one batch article
before it is failed, 5), ``SUMMARIZER_RETRY_BACKOFF_SECONDS`` (first wait after a
transient failure; doubles), ``SUMMARIZER_PUBLIC_URL`` (the service's public base URL, for
``status_url`` and ``Location``; default: paths relative to the server),
``SUMMARIZER_BODY_TIMEOUT_SECONDS``; for the server (summarizer.service.server):
``SUMMARIZER_HEADER_TIMEOUT_SECONDS`` (a request's line and headers must arrive within it),
``SUMMARIZER_MAX_CONNECTIONS`` (uvicorn's ``limit_concurrency``),
``SUMMARIZER_SHUTDOWN_TIMEOUT_SECONDS`` (after SIGTERM, requests in flight get this long);
``SUMMARIZER_WEBHOOK_URL`` and ``SUMMARIZER_WEBHOOK_SECRET`` (summarizer.service.webhook).
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass, field

from pydantic import SecretStr

from summarizer.errors import ConfigurationError
from summarizer.settings import env

MIN_TOKEN_LENGTH = 16
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
# Environment variables (see summarizer.settings.VARIABLES) that fill a field of the same
# meaning; ``SUMMARIZER_API_TOKENS`` fills ``tokens``.
_ENV_FIELDS = {
    "SUMMARIZER_DB_URL": "db_url",
    "SUMMARIZER_TOKEN_CONCURRENCY": "token_concurrency",
    "SUMMARIZER_MAX_REQUEST_BYTES": "max_request_bytes",
    "SUMMARIZER_MAX_BATCH_ARTICLES": "max_batch_articles",
    "SUMMARIZER_LEASE_SECONDS": "lease_seconds",
    "SUMMARIZER_MAX_ATTEMPTS": "max_attempts",
    "SUMMARIZER_RETRY_BACKOFF_SECONDS": "retry_backoff_seconds",
    "SUMMARIZER_PUBLIC_URL": "public_url",
    "SUMMARIZER_BODY_TIMEOUT_SECONDS": "body_timeout_seconds",
    "SUMMARIZER_HEADER_TIMEOUT_SECONDS": "header_timeout_seconds",
    "SUMMARIZER_MAX_CONNECTIONS": "max_connections",
    "SUMMARIZER_SHUTDOWN_TIMEOUT_SECONDS": "shutdown_timeout_seconds",
    "SUMMARIZER_WEBHOOK_URL": "webhook_url",
    "SUMMARIZER_WEBHOOK_SECRET": "webhook_secret",
}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_id(token: str) -> str:
    """A short, non-reversible id of a token, for logs, metrics and job ownership."""
    return hashlib.sha256(token.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class ServiceConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    db_url: str = "sqlite:///summarizer-jobs.db"
    tokens: frozenset[str] = field(default=frozenset(), repr=False)
    token_concurrency: int = 4
    workers: int = 1
    max_request_bytes: int = 2_000_000
    max_batch_articles: int = 1000
    lease_seconds: float = 60.0
    max_attempts: int = 5
    retry_backoff_seconds: float | None = None  # None: worker.UNAVAILABLE_BACKOFF (5 s)
    public_url: str = ""
    body_timeout_seconds: float = 30.0
    header_timeout_seconds: float = 10.0
    max_connections: int = 512
    shutdown_timeout_seconds: float = 10.0
    webhook_url: str = ""
    webhook_secret: SecretStr | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.tokens:
            raise ConfigurationError(
                f"binding to {self.host} needs bearer tokens: set SUMMARIZER_API_TOKENS "
                "(comma-separated), or bind to 127.0.0.1"
            )
        if self.workers < 0 or self.token_concurrency < 1 or self.lease_seconds <= 0:
            raise ConfigurationError("workers >= 0, token concurrency >= 1, lease > 0")
        if self.max_attempts < 1 or self.body_timeout_seconds <= 0:
            raise ConfigurationError("max attempts >= 1, body timeout > 0")
        if (
            self.header_timeout_seconds <= 0
            or self.shutdown_timeout_seconds <= 0
            or self.max_connections < 1
        ):
            raise ConfigurationError("header and shutdown timeouts > 0, max connections >= 1")
        if self.webhook_url and not (
            self.webhook_url.startswith(("http://", "https://")) and self.webhook_secret
        ):
            raise ConfigurationError(
                "SUMMARIZER_WEBHOOK_URL must start with http:// or https:// and needs "
                "SUMMARIZER_WEBHOOK_SECRET (the receiver checks the signature)"
            )
        if self.public_url and not self.public_url.startswith(("http://", "https://")):
            raise ConfigurationError("SUMMARIZER_PUBLIC_URL must start with http:// or https://")

    @classmethod
    def from_env(cls, **overrides: object) -> ServiceConfig:
        """Build the config from the environment (read by :func:`summarizer.settings.env`);
        non-None ``overrides`` win, unset variables keep the field defaults."""
        from_env = {attr: env(name) for name, attr in _ENV_FIELDS.items()}
        values: dict[str, object] = {k: v for k, v in from_env.items() if v is not None}
        values["tokens"] = frozenset(env("SUMMARIZER_API_TOKENS"))
        short = [t for t in values["tokens"] if len(t) < MIN_TOKEN_LENGTH]  # type: ignore[attr-defined]
        if short:
            raise ConfigurationError(
                f"SUMMARIZER_API_TOKENS: every token needs at least {MIN_TOKEN_LENGTH} "
                f"characters ({len(short)} shorter); generate one with: openssl rand -hex 24"
            )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
