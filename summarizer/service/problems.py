"""Errors as RFC 9457 problem details (``application/problem+json``).

The library's typed errors keep their meaning over HTTP: a bad article is 422, a failing
model endpoint or an answer that never validated is 502, a model that cannot start 503.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

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


class ProblemDocument(BaseModel):
    """An RFC 9457 problem document, the body of every error answer (its OpenAPI schema)."""

    model_config = ConfigDict(extra="allow", title="Problem")
    type: str = Field(description="/problems/<slug>, stable per kind of error")
    title: str
    status: int
    detail: str | None = None


PROBLEM_MEDIA_TYPE = "application/problem+json"
_REASONS = {
    400: "Bad request",
    401: "No valid bearer token",
    404: "No such batch",
    408: "The request came too slowly",
    409: "Conflict",
    413: "Too large",
    422: "Invalid request or article",
    429: "Too many requests in flight for this token",
    500: "Internal error",
    502: "The model endpoint failed or gave no valid answer",
    503: "Not available (the model, the job store, or shutting down)",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for routes that answer these statuses with a problem."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "description": _REASONS[status],
            "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}},
        }
        for status in statuses
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


def problem_body(problem: Problem) -> dict[str, Any]:
    return {
        "type": f"/problems/{problem.slug}",
        "title": problem.title,
        "status": problem.status,
        **({"detail": problem.detail} if problem.detail else {}),
        **problem.extra,
    }


def problem_response(problem: Problem) -> JSONResponse:
    return JSONResponse(
        problem_body(problem),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
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
