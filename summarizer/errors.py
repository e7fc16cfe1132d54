"""Typed exceptions. Every message is one readable sentence that says what to do next."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(SummarizerError, ValueError):
    """The article itself is unusable (empty, not text, too long, ...)."""


class ConfigurationError(SummarizerError):
    """Settings are missing or contradict each other."""


class ModelUnavailableError(SummarizerError):
    """The embedded model or its runtime cannot be found, assembled or started."""


class BackendError(SummarizerError):
    """The model endpoint failed after all transport retries (timeouts, 5xx, 429, garbage)."""


class ExtractionError(SummarizerError):
    """The model never produced output that validates against the schema.

    ``attempts`` is how many model calls were made; ``last_error`` the final validation
    error as text; ``raw_responses`` the raw model texts (for logs, never shown in a CLI).
    """

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        last_error: str = "",
        raw_responses: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_error = last_error
        self.raw_responses = raw_responses or []
