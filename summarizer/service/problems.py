"""Errors as RFC 9457 problem details (``application/problem+json``).

The library's typed errors keep their meaning over HTTP: a bad article is 422, a failing
model endpoint or an answer that never validated is 502, a model that cannot start 503.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.responses import JSONResponse

from summarizer.errors import (
    BackendError,
    ConfigurationError,
    ExtractionError,
    InputError,
    ModelUnavailableError,
    SummarizerError,
)

PROBLEM_TYPES: dict[type[SummarizerError], tuple[int, str, str]] = {
    InputError: (422, "invalid-article", "The article cannot be summarized"),
    ExtractionError: (502, "no-valid-answer", "The model gave no valid answer"),
    BackendError: (502, "model-endpoint-failed", "The model endpoint failed"),
    ModelUnavailableError: (503, "model-unavailable", "The model is not available"),
    ConfigurationError: (500, "configuration", "The service is misconfigured"),
}


class Problem(Exception):
    """Raise to answer with a problem document."""

    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str = "",
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or title)
        self.status, self.slug, self.title, self.detail = status, slug, title, detail
        self.headers = headers or {}
        self.extra = extra


def problem_response(problem: Problem) -> JSONResponse:
    body = {
        "type": f"/problems/{problem.slug}",
        "title": problem.title,
        "status": problem.status,
        **({"detail": problem.detail} if problem.detail else {}),
        **problem.extra,
    }
    return JSONResponse(
        body,
        status_code=problem.status,
        media_type="application/problem+json",
        headers=problem.headers,
    )


def from_library_error(exc: SummarizerError) -> Problem:
    for cls in type(exc).__mro__:
        if cls in PROBLEM_TYPES:
            status, slug, title = PROBLEM_TYPES[cls]  # type: ignore[index]
            detail = str(exc)
            if isinstance(exc, BackendError | ModelUnavailableError | ConfigurationError):
                # these messages may name internal URLs, hosts or an upstream body
                detail = public_backend_error(detail) if isinstance(exc, BackendError) else ""
            return Problem(status, slug, title, detail, error_type=type(exc).__name__)
    return Problem(500, "internal", "Unexpected library error")


def internal_error() -> Problem:
    return Problem(500, "internal", "Internal server error", "the error is in the service log")


_HTTP_STATUS = re.compile(r"answered HTTP (\d{3})")


def endpoint_reason(error: str) -> str:
    """A short, public reason for a model-endpoint failure: no URL, host or upstream body
    (the library's message has them; it goes to the log only)."""
    status = _HTTP_STATUS.search(error)
    if status:
        return f"endpoint answered HTTP {status.group(1)}"
    if "timed out" in error:
        return "endpoint timed out"
    if "cannot reach" in error:
        return "endpoint unreachable"
    return "endpoint failed"


def public_backend_error(error: str) -> str:
    return f"the model {endpoint_reason(error)}"
