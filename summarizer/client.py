"""One factory from Settings to an instructor-wrapped OpenAI client.

The instructor mode is chosen per endpoint (``auto``): servers we know enforce
``response_format`` json_schema (llama.cpp, the embedded runtime, vLLM) get ``JSON_SCHEMA``
so the grammar truly constrains the model; other endpoints (OpenAI and unknown hosts) get
``TOOLS``. ``Settings.mode`` overrides.

Every request a pipeline makes is a :class:`ModelCall` (``Backend.call(article)``): the
article reaches the llama.cpp request shaping as that call's transport's argument, and the
raw answers, usage, validation errors and retries come back on the call object; nothing is
passed through context variables or other hidden state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import httpx2 as httpx
import instructor
import openai

from summarizer import embedded
from summarizer.llamacpp import LlamaCppTransport
from summarizer.settings import Settings
from summarizer.transport import RetryingTransport, TransportStats

_MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}

# A validation error is kept for logs up to this many characters.
MAX_ERROR_CHARS = 1_000


@dataclass
class ModelCall:
    """One request to the model, with its re-asks, and everything it used and saw (in the
    manner of simonw/llm's ``Response``): the article it is tied to, the raw completion of
    every attempt, the validation errors that caused re-asks and the transport's retries.

    Made by :meth:`Backend.call`; its ``client`` (instructor) and ``raw`` (OpenAI SDK) send
    through a transport of its own, so concurrent calls never see each other's records.
    The record is filled as the call goes, so it is complete when the call raised too.
    """

    client: Any  # instructor.Instructor
    raw: openai.OpenAI
    model: str
    source: str | None = None
    completions: list[Any] = field(default_factory=list)
    parse_errors: list[str] = field(default_factory=list)
    transport: TransportStats = field(default_factory=TransportStats)

    def record_completion(self, response: Any) -> None:
        self.completions.append(response)

    def record_parse_error(self, error: Exception, *args: Any, **kwargs: Any) -> None:
        self.parse_errors.append(str(error)[:MAX_ERROR_CHARS])

    def raw_answers(self) -> list[str]:
        """The text of every attempt's answer, in order."""
        from summarizer.stages.conversation import raw_text

        return [raw_text(response) for response in self.completions]

    def usage(self) -> Any:
        """Tokens (and server timings) of every attempt, as a ``Usage``."""
        from summarizer.stages.conversation import Usage

        usage = Usage()
        for response in self.completions:
            usage.add(response)
        return usage


@dataclass
class Backend:
    """A ready-to-call model endpoint.

    ``client`` and ``raw`` are shared and keep no record (judges, benchmarks); a pipeline
    asks :meth:`call` for a :class:`ModelCall` per request, which records what it saw.
    """

    client: Any  # instructor.Instructor
    raw: openai.OpenAI  # the plain SDK client (judges, benchmarks)
    model: str
    mode: str
    base_url: str
    embedded: bool
    n_ctx: int | None
    # The connection pool every call's transport sends through, and how they retry.
    pool: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport, repr=False)
    transport_retries: int = 4
    timeout: float = 900.0

    def call(self, source: str | None = None) -> ModelCall:
        """A :class:`ModelCall` whose requests carry ``source`` (the article evidence quotes
        are tied to, on the embedded llama.cpp) and count their own retries and answers."""
        stats = TransportStats()
        http_client = _http_client(
            self.pool,
            self.embedded,
            self.transport_retries,
            self.timeout,
            source=source,
            stats=stats,
        )
        raw = self.raw.with_options(http_client=http_client)
        client = instructor.from_openai(raw, mode=_MODES[self.mode])
        call = ModelCall(client, raw, self.model, source, transport=stats)
        client.on("completion:response", call.record_completion)
        client.on("parse:error", call.record_parse_error)
        return call


def _http_client(
    pool: httpx.BaseTransport,
    embedded: bool,
    retries: int,
    timeout: float,
    *,
    source: str | None = None,
    stats: TransportStats | None = None,
) -> httpx.Client:
    """An HTTP client over the connection ``pool``: llama.cpp request shaping (evidence
    tied to ``source``) on the embedded runtime, transient faults retried (counted in
    ``stats``)."""
    inner = LlamaCppTransport(pool, source=source) if embedded else pool
    return httpx.Client(
        transport=RetryingTransport(inner, retries=retries, stats=stats),
        timeout=httpx.Timeout(timeout, connect=10.0),
    )


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
    mode = choose_mode(settings, base_url, embedded_backend=settings.embedded)
    pool = httpx.HTTPTransport()
    shared = _http_client(pool, settings.embedded, settings.transport_retries, settings.timeout)
    raw = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=0, http_client=shared)
    client = instructor.from_openai(raw, mode=_MODES[mode])
    return Backend(
        client,
        raw,
        model,
        mode,
        base_url,
        settings.embedded,
        n_ctx,
        pool=pool,
        transport_retries=settings.transport_retries,
        timeout=settings.timeout,
    )
