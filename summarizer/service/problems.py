"""Errors as RFC 9457 problem details (``application/problem+json``).

The library's typed errors keep their meaning over HTTP: a bad article is 422, a failing
model endpoint or an answer that never validated is 502, a model that cannot start 503.
"""

from __future__ import annotations

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
            return Problem(status, slug, title, str(exc), error_type=type(exc).__name__)
    return Problem(500, "internal", "Unexpected library error", str(exc))
