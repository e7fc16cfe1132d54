"""Service settings: command-line flags win, then environment variables, then defaults.

Environment: ``SUMMARIZER_DB_URL`` (SQLAlchemy URL of the job store; default a SQLite file
in the working folder), ``SUMMARIZER_API_TOKENS`` (comma-separated bearer tokens; required
when the service binds to anything but loopback), ``SUMMARIZER_TOKEN_CONCURRENCY``
(synchronous requests in flight per token), ``SUMMARIZER_MAX_REQUEST_BYTES``,
``SUMMARIZER_MAX_BATCH_ARTICLES``, ``SUMMARIZER_LEASE_SECONDS`` (how long a batch item may
go without a heartbeat before another worker takes it over).
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
from dataclasses import dataclass, field

from summarizer.errors import ConfigurationError
from summarizer.settings import env_number

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


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

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.tokens:
            raise ConfigurationError(
                f"binding to {self.host} needs bearer tokens: set SUMMARIZER_API_TOKENS "
                "(comma-separated), or bind to 127.0.0.1"
            )
        if self.workers < 0 or self.token_concurrency < 1 or self.lease_seconds <= 0:
            raise ConfigurationError("workers >= 0, token concurrency >= 1, lease > 0")

    @classmethod
    def from_env(cls, **overrides: object) -> ServiceConfig:
        raw_tokens = os.environ.get("SUMMARIZER_API_TOKENS", "")
        values: dict[str, object] = {
            "db_url": os.environ.get("SUMMARIZER_DB_URL") or cls.db_url,
            "tokens": frozenset(t.strip() for t in raw_tokens.split(",") if t.strip()),
            "token_concurrency": env_number("SUMMARIZER_TOKEN_CONCURRENCY", 4, int),
            "max_request_bytes": env_number("SUMMARIZER_MAX_REQUEST_BYTES", 2_000_000, int),
            "max_batch_articles": env_number("SUMMARIZER_MAX_BATCH_ARTICLES", 1000, int),
            "lease_seconds": env_number("SUMMARIZER_LEASE_SECONDS", 60.0),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
