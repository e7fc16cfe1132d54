"""One factory from Settings to an instructor-wrapped OpenAI client.

The instructor mode is chosen per endpoint (``auto``): servers we know enforce
``response_format`` json_schema (llama.cpp, the embedded runtime, vLLM) get ``JSON_SCHEMA``
so the grammar truly constrains the model; other endpoints (OpenAI and unknown hosts) get
``TOOLS``. ``Settings.mode`` overrides.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import httpx2 as httpx
import instructor
import openai

from summarizer import embedded
from summarizer.llamacpp import LlamaCppTransport
from summarizer.settings import Settings
from summarizer.transport import RetryingTransport

_MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}

# Raw responses of every attempt of the current extraction (filled by an instructor hook).
current_responses: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar(
    "summarizer_raw_responses", default=None
)


# Validation errors that triggered a re-ask, for the run log.
current_parse_errors: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "summarizer_parse_errors", default=None
)


def _record_response(response: Any) -> None:
    bucket = current_responses.get()
    if bucket is not None:
        bucket.append(response)


def _record_parse_error(error: Exception, *args: Any, **kwargs: Any) -> None:
    bucket = current_parse_errors.get()
    if bucket is not None:
        bucket.append(str(error)[:1000])


@dataclass
class Backend:
    """A ready-to-call model endpoint."""

    client: Any  # instructor.Instructor
    raw: openai.OpenAI  # the plain SDK client (baseline pipeline, judges)
    model: str
    mode: str
    base_url: str
    embedded: bool
    n_ctx: int | None


def choose_mode(settings: Settings, base_url: str, *, embedded_backend: bool) -> str:
    """The instructor mode name for this endpoint (see module docstring)."""
    if settings.mode != "auto":
        return settings.mode
    if embedded_backend:
        return "json_schema"
    host = urlparse(base_url).hostname or ""
    if host in {"127.0.0.1", "localhost", "::1"}:
        return "json_schema"  # llama.cpp / vLLM / Ollama on this machine
    return "tools"


def build_backend(settings: Settings) -> Backend:
    """Start the embedded server if needed and return the wrapped client."""
    n_ctx: int | None = None
    if settings.embedded:
        server = embedded.get_server(settings.model_path, n_ctx=settings.n_ctx)
        base_url, model, api_key, n_ctx = server.base_url, server.model_id, "local", server.n_ctx
    else:
        assert settings.base_url is not None
        base_url = settings.base_url
        model = settings.model or ""
        api_key = settings.api_key.get_secret_value() if settings.api_key else "unset"
    inner = LlamaCppTransport() if settings.embedded else None
    http_client = httpx.Client(
        transport=RetryingTransport(inner, retries=settings.transport_retries),
        timeout=httpx.Timeout(settings.timeout, connect=10.0),
    )
    raw = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=0, http_client=http_client)
    mode = choose_mode(settings, base_url, embedded_backend=settings.embedded)
    client = instructor.from_openai(raw, mode=_MODES[mode])
    client.on("completion:response", _record_response)
    client.on("parse:error", _record_parse_error)
    return Backend(client, raw, model, mode, base_url, settings.embedded, n_ctx)
