"""The HTTP API (FastAPI): one article synchronously, batches as durable jobs.

Routes: ``POST /v1/summaries``, ``POST /v1/batches``, ``GET /v1/batches`` (the caller's,
newest first, cursor pages), ``GET /v1/batches/{id}``, ``DELETE /v1/batches/{id}``
(cancel), ``GET /v1/batches/{id}/results`` (JSON lines, ``offset``/``limit``),
``GET /v1/batches/{id}/report`` (the batch's digest page) and
``GET /v1/batches/{id}/results/{index}/view`` (one article's view page), ``GET /v1/schema``,
``GET /v1/capabilities``, ``/healthz``, ``/readyz``, ``/metrics``;
OpenAPI at ``/openapi.json``, a plain page at ``/docs``.
Every error is an RFC 9457 problem document, unhandled ones included (one handler, counted
in the metrics). A bearer token is checked from the headers before any body is read.
``POST /v1/batches`` honours ``Idempotency-Key`` and answers with ``Location``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import Summarizer
from summarizer.quality import measured_quality
from summarizer.schemas.article import ArticleSummary
from summarizer.service.config import ServiceConfig, is_loopback, token_id
from summarizer.service.docs import docs_page, finish_openapi
from summarizer.service.jobs import LIST_LIMIT, IdempotencyConflict, JobStore
from summarizer.service.metrics import Metrics
from summarizer.service.problems import (
    Problem,
    from_library_error,
    internal_error,
    problem_response,
    problem_responses,
)
from summarizer.service.webhook import Webhook
from summarizer.service.worker import REPLICA_ID, BatchWorkers
from summarizer.views import article as article_view
from summarizer.views import digest as digest_view

log = logging.getLogger(__name__)


def check_text(value: str | None) -> str | None:
    """Text the store and the model can take: no NUL, no lone surrogate (JSON allows
    both: ``\\u0000``, ``\\ud800``)."""
    if value is None:
        return value
    if "\x00" in value:
        raise ValueError("contains a NUL character (U+0000)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains a lone surrogate (not valid Unicode text)") from None
    return value


class ArticleIn(BaseModel):
    text: str = Field(description="the article (plain text or HTML)")
    name: str | None = Field(default=None, max_length=500, description="your label for it")

    _valid_text = field_validator("text", "name")(check_text)


class BatchIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1)


class BatchCreated(BaseModel):
    id: str
    n_articles: int
    status_url: str
    results_url: str


class Counts(BaseModel):
    done: int
    failed: int
    cancelled: int
    pending: int
    running: int


class ArticleStatus(BaseModel):
    position: int
    name: str
    status: Literal["pending", "running", "done", "failed", "cancelled"]
    attempts: int
    error: str | None = None
    error_type: str | None = None
    worker: str | None = None
    waiting: str | None = Field(default=None, description="why and until when it waits")


class BatchSummary(BaseModel):
    id: str
    created: float = Field(description="Unix time")
    n_articles: int
    status: Literal["in_progress", "complete", "cancelled"]
    cancelled: float | None = Field(description="Unix time of the cancel, if cancelled")
    counts: Counts
    complete: bool = Field(description="no article pending or running")
    status_url: str


class BatchStatus(BatchSummary):
    articles: list[ArticleStatus]


class BatchPage(BaseModel):
    batches: list[BatchSummary] = Field(description="newest first")
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page")
    next: str | None = Field(description="the next page's URL (also the Link header)")


class ResultLine(BaseModel):
    """One line of ``GET /v1/batches/{id}/results``."""

    position: int
    name: str
    output: dict[str, Any] | None = Field(default=None, description="an ArticleSummary")
    error: dict[str, Any] | None = Field(default=None, description="type and detail")


class NDJSONResponse(StreamingResponse):
    media_type = "application/x-ndjson"


RESULTS_LIMIT = 1000
NDJSON_RESULTS = {
    200: {
        "description": "Finished articles, one ResultLine JSON object per line; "
        '`Link: <...>; rel="next"` while positions remain',
        "content": {
            "application/x-ndjson": {
                "schema": {"type": "string"},
                "x-item-schema": ResultLine.model_json_schema(),
            }
        },
    }
}


def html_page(description: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entry of a route that answers an HTML page."""
    return {
        200: {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}
    }


def page_response(page: str, csp: str) -> HTMLResponse:
    """A self-contained page with its Content-Security-Policy as a header too (the page's
    meta tag says the same); not cached, no referrer, no type sniffing."""
    return HTMLResponse(
        page,
        headers={
            "Content-Security-Policy": csp,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "private, no-store",
        },
    )


def encode_cursor(batch: dict[str, Any]) -> str:
    """An opaque cursor: where the page after ``batch`` (newest first) starts."""
    raw = json.dumps([batch["created"], batch["id"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        created, last_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        uuid.UUID(last_id)
        if isinstance(created, bool) or not isinstance(created, int | float):
            raise ValueError(created)
    except (ValueError, TypeError, binascii.Error):
        raise Problem(
            400, "invalid-cursor", "Invalid cursor", "pass next_cursor as given"
        ) from None
    return float(created), last_id


class Drain:
    """Set when the server starts shutting down (:class:`summarizer.service.server.Server`
    calls it from its signal handler)."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.event: asyncio.Event | None = None
        self.started: float | None = None  # time.monotonic() when shutdown began

    def bind(self) -> None:
        self.loop, self.event = asyncio.get_running_loop(), asyncio.Event()

    def __call__(self) -> None:
        self.started = self.started or time.monotonic()
        if self.loop is not None and self.event is not None:
            self.loop.call_soon_threadsafe(self.event.set)

    async def after(self, grace: float) -> None:
        """Returns ``grace`` seconds after shutdown began (never, before)."""
        if self.event is None:
            await asyncio.Event().wait()
        else:
            await self.event.wait()
        await asyncio.sleep(grace)


async def in_daemon_thread(work: Callable[[], Any], stop: Awaitable[None]) -> Any:
    """``work()`` in a daemon thread (a model that hangs never holds the process at exit);
    raises :class:`asyncio.TimeoutError` when ``stop`` finishes first (the thread is left
    to end on its own; its answer is dropped)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[Any] = loop.create_future()

    def settle(ok: bool, value: Any) -> None:
        if not done.done():
            (done.set_result if ok else done.set_exception)(value)

    def run() -> None:
        try:
            outcome = (True, work())
        except Exception as exc:
            outcome = (False, exc)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:  # the loop is closed: the server has stopped
            pass

    threading.Thread(target=run, daemon=True, name="summary").start()
    stopper = asyncio.ensure_future(stop)
    try:
        await asyncio.wait({done, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
        if not done.done():
            done.cancel()
    if done.cancelled():
        raise asyncio.TimeoutError
    return done.result()


def authenticate(tokens: frozenset[str], header: str) -> str | None:
    """The token id of a valid ``Authorization: Bearer`` header, else None (compared in
    constant time per token)."""
    scheme, _, given = header.partition(" ")
    found = None
    if scheme.lower() == "bearer" and given:
        for token in tokens:
            if hmac.compare_digest(given.encode(), token.encode()):
                found = token_id(token)
    return found


def needs_token(path: str) -> bool:
    return path.startswith("/v1") or path == "/metrics"


def unauthorized() -> Problem:
    return Problem(
        401,
        "unauthorized",
        "A valid bearer token is required",
        headers={"WWW-Authenticate": 'Bearer realm="summarizer"'},
    )


class Gate:
    """Before the app sees a request: the bearer token is checked from the headers alone
    (a request without a valid one is answered 401 with no byte of its body read); then
    the body is read with a size limit (413, whether declared by Content-Length or
    streamed) and a timeout between its chunks (408)."""

    def __init__(
        self, app: ASGIApp, limit: int, tokens: frozenset[str], body_timeout: float
    ) -> None:
        self.app, self.limit, self.tokens, self.body_timeout = app, limit, tokens, body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self.tokens and needs_token(scope["path"]):
            header = headers.get(b"authorization", b"").decode("latin-1")
            if authenticate(self.tokens, header) is None:
                await problem_response(unauthorized())(scope, receive, send)
                return
        too_large = problem_response(
            Problem(413, "too-large", "Request body too large", f"the limit is {self.limit} bytes")
        )
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await too_large(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout)
            except asyncio.TimeoutError:
                slow = Problem(
                    408,
                    "body-timeout",
                    "The request body came too slowly",
                    f"no data for {self.body_timeout:g} s",
                    headers={"Connection": "close"},
                )
                await problem_response(slow)(scope, receive, send)
                return
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await too_large(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


class TokenLimiter:
    """At most ``limit`` synchronous requests in flight per token."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def slot(self, owner: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._slots.setdefault(owner, threading.BoundedSemaphore(self.limit))


def create_app(config: ServiceConfig, summarizer: Summarizer[Any] | None = None) -> FastAPI:
    summarizer = summarizer or Summarizer()
    drain = Drain()
    # a synchronous summary still waiting when shutdown began is answered 503 after this,
    # before uvicorn cancels what is left at SUMMARIZER_SHUTDOWN_TIMEOUT_SECONDS
    grace = max(config.shutdown_timeout_seconds - 1.0, config.shutdown_timeout_seconds / 2)
    store = JobStore(config.db_url, max_attempts=config.max_attempts)

    def queue_depth() -> float:
        try:
            return store.queue_depth()
        except Exception:  # the store is down: /metrics still answers
            return float("nan")

    metrics = Metrics(queue_depth)
    webhook = (
        Webhook(config.webhook_url, config.webhook_secret.get_secret_value())
        if config.webhook_url and config.webhook_secret
        else None
    )

    def settled(batch_id: str) -> None:
        """An article of the batch was settled (or the batch cancelled): when that
        finished the batch, its webhook goes out."""
        if webhook is not None and (batch := store.finished(batch_id)) is not None:
            webhook.batch_finished(batch)

    limiter = TokenLimiter(config.token_concurrency)
    workers = BatchWorkers(
        store,
        summarizer,
        threads=config.workers,
        lease_seconds=config.lease_seconds,
        on_result=lambda usage, error: metrics.record_extraction("batch", usage, error),
        backoff_seconds=config.retry_backoff_seconds,
        on_settled=settled,
    )
    readiness: dict[str, Any] = {"ready": False, "error": None}

    def warm_up() -> None:
        try:
            # starts the embedded model (or builds the client) and loads the stages' NLP
            # models, so the first request is not the slow one
            summarizer.warm_up()
            readiness["ready"] = True
        except SummarizerError as exc:
            log.error("the model failed to start: %s", exc)
            readiness["error"] = "the model failed to start (see the service log)"

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        drain.bind()
        threading.Thread(target=warm_up, daemon=True).start()
        workers.start()
        yield
        # articles in progress are waited for until the shutdown bound at most: their
        # leases expire and they are redone (by another replica, or this one restarted)
        bound = config.shutdown_timeout_seconds
        if drain.started is not None:
            bound -= time.monotonic() - drain.started
        workers.close(max(0.0, min(5.0, bound)))

    app = FastAPI(
        title="summarizer",
        summary="Faithful English summaries and grounded fields from news articles",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        # operation ids (and generated clients' function names) are the route names
        generate_unique_id_function=lambda route: route.name,
    )
    app.state.drain = drain
    fastapi_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        return finish_openapi(fastapi_openapi())

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(
        Gate,
        limit=config.max_request_bytes,
        tokens=config.tokens,
        body_timeout=config.body_timeout_seconds,
    )

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc)

    @app.exception_handler(SummarizerError)
    async def _library(request: Request, exc: SummarizerError) -> JSONResponse:
        return problem_response(from_library_error(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()[:20]
        ]
        return problem_response(
            Problem(422, "invalid-request", "The request is not valid", errors=errors)
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(
            Problem(exc.status_code, "http", str(exc.detail), headers=dict(exc.headers or {}))
        )

    def unexpected(exc: Exception) -> Response:
        if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
            log.error("the job store failed: %s", exc)
            return problem_response(
                Problem(
                    503,
                    "job-store-unavailable",
                    "The job store is not available",
                    headers={"Retry-After": "5"},
                )
            )
        log.error("unhandled error", exc_info=exc)
        return problem_response(internal_error())

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return unexpected(exc)

    @app.middleware("http")
    async def _observe(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # one handler: a problem document, counted below
            response = unexpected(exc)
        route = request.scope.get("route")
        path = getattr(route, "path", "unmatched")
        metrics.requests.labels(path, request.method, str(response.status_code)).inc()
        metrics.latency.labels(path).observe(time.perf_counter() - started)
        return response

    bearer = HTTPBearer(
        auto_error=False, description="one of SUMMARIZER_API_TOKENS (when the service has any)"
    )

    async def owner(
        request: Request, _: HTTPAuthorizationCredentials | None = Depends(bearer)
    ) -> str:
        """The caller's token id; every /v1 route requires a valid bearer token when the
        service has tokens configured (the Gate checked it already; this names the owner
        and puts the bearer scheme in the OpenAPI document). Async: no thread for it."""
        if not config.tokens:
            return "anonymous"
        found = authenticate(config.tokens, request.headers.get("authorization", ""))
        if found is None:
            raise unauthorized()
        return found

    def public_base(request: Request) -> str:
        """Where clients reach the service: the configured public URL; on loopback, the
        address the server listens on; else paths relative to the server. Never the
        request's Host header."""
        if config.public_url:
            return config.public_url.rstrip("/")
        server = request.scope.get("server")
        if server and is_loopback(config.host):
            host, port = server[0], server[1]
            host = f"[{host}]" if ":" in host else host
            return f"http://{host}:{port}"
        return ""

    @app.post(
        "/v1/summaries",
        response_model=ArticleSummary,
        tags=["summaries"],
        responses=problem_responses(401, 408, 413, 422, 429, 500, 502, 503),
    )
    async def create_summary(article: ArticleIn, who: str = Depends(owner)) -> Any:
        """Summarize one article now (the answer carries its warnings)."""
        slot = limiter.slot(who)
        if not slot.acquire(blocking=False):
            raise Problem(
                429,
                "too-many-requests",
                "Too many requests in flight for this token",
                f"at most {config.token_concurrency} at once; use /v1/batches for many",
                headers={"Retry-After": "1"},
            )
        try:
            result = await in_daemon_thread(
                lambda: summarizer.extract(article.text), drain.after(grace)
            )
        except asyncio.TimeoutError:
            raise Problem(
                503,
                "shutting-down",
                "The service is shutting down",
                "send the article again (to another replica)",
                headers={"Retry-After": "1", "Connection": "close"},
            ) from None
        except InputError:
            metrics.record_extraction("sync", {}, "InputError")
            raise
        finally:
            slot.release()
        usage = {
            "prompt_tokens": result.usage.prompt_tokens,
            "completion_tokens": result.usage.completion_tokens,
        }
        metrics.record_extraction("sync", usage, result.error_type)
        if result.output is None:
            problem = from_library_error(result.as_error())
            problem.extra["attempts"] = result.attempts
            raise problem
        return JSONResponse(result.output.model_dump(mode="json"))

    @app.post(
        "/v1/batches",
        status_code=202,
        response_model=BatchCreated,
        tags=["batches"],
        responses={
            200: {"model": BatchCreated, "description": "Created before (Idempotency-Key)"},
            **problem_responses(400, 401, 408, 409, 413, 422, 500, 503),
        },
    )
    def create_batch(batch: BatchIn, request: Request, who: str = Depends(owner)) -> Any:
        """Queue many articles; returns at once with the batch id."""
        if len(batch.articles) > config.max_batch_articles:
            raise Problem(
                413,
                "batch-too-large",
                "Too many articles in one batch",
                f"at most {config.max_batch_articles}; split the batch",
            )
        key = request.headers.get("idempotency-key")
        if key is not None and not (0 < len(key) <= 200 and key.isascii() and key.isprintable()):
            raise Problem(
                400,
                "invalid-idempotency-key",
                "Invalid Idempotency-Key",
                "1 to 200 ASCII characters",
            )
        articles = [(a.name or f"article-{i}", a.text) for i, a in enumerate(batch.articles)]
        body_hash = hashlib.sha256(
            json.dumps([[a.name, a.text] for a in batch.articles]).encode()
        ).hexdigest()
        try:
            batch_id, created = store.create_batch(
                who, articles, idempotency_key=key, body_hash=body_hash
            )
        except IdempotencyConflict:
            raise Problem(
                409,
                "idempotency-key-reused",
                "Idempotency-Key already used with another body",
                "send a new key for a new batch",
            ) from None
        base = public_base(request)
        status_url = f"{base}/v1/batches/{batch_id}"
        body = BatchCreated(
            id=batch_id,
            n_articles=len(articles),
            status_url=status_url,
            results_url=f"{status_url}/results",
        )
        return JSONResponse(
            body.model_dump(), status_code=202 if created else 200, headers={"Location": status_url}
        )

    def _owned(batch_id: str, who: str) -> dict[str, Any]:
        try:
            uuid.UUID(batch_id)
        except ValueError:
            raise Problem(404, "not-found", "No such batch") from None
        batch = store.batch(batch_id)
        if batch is None or batch["owner"] != who:
            raise Problem(404, "not-found", "No such batch")
        return batch

    def _with_url(batch: dict[str, Any], request: Request) -> dict[str, Any]:
        return {**batch, "status_url": f"{public_base(request)}/v1/batches/{batch['id']}"}

    @app.get(
        "/v1/batches",
        response_model=BatchPage,
        tags=["batches"],
        responses=problem_responses(400, 401, 422, 500, 503),
    )
    def list_batches(
        request: Request,
        limit: int = Query(20, ge=1, le=LIST_LIMIT, description="batches per page"),
        cursor: str | None = Query(None, max_length=200, description="next_cursor of a page"),
        who: str = Depends(owner),
    ) -> Any:
        """Your batches, newest first, a page at a time."""
        before = decode_cursor(cursor) if cursor is not None else None
        batches, more = store.list_batches(who, limit, before)
        next_cursor = encode_cursor(batches[-1]) if more else None
        next_url = (
            f"{public_base(request)}/v1/batches?limit={limit}&cursor={next_cursor}"
            if next_cursor
            else None
        )
        page = BatchPage(
            batches=[BatchSummary(**_with_url(b, request)) for b in batches],
            next_cursor=next_cursor,
            next=next_url,
        )
        headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
        return JSONResponse(page.model_dump(mode="json"), headers=headers)

    @app.get(
        "/v1/batches/{batch_id}",
        response_model=BatchStatus,
        response_model_exclude_unset=True,
        tags=["batches"],
        responses=problem_responses(401, 404, 500, 503),
    )
    def get_batch(batch_id: str, request: Request, who: str = Depends(owner)) -> Any:
        """Progress and per-article status."""
        return _with_url(_owned(batch_id, who), request)

    @app.delete(
        "/v1/batches/{batch_id}",
        response_model=BatchStatus,
        response_model_exclude_unset=True,
        tags=["batches"],
        responses=problem_responses(401, 404, 500, 503),
    )
    def cancel_batch(batch_id: str, request: Request, who: str = Depends(owner)) -> Any:
        """Cancel: queued articles are never summarized; articles in progress finish;
        finished results stay readable. Cancelling again changes nothing."""
        _owned(batch_id, who)
        store.cancel(batch_id)
        settled(batch_id)
        return _with_url(_owned(batch_id, who), request)

    @app.get(
        "/v1/batches/{batch_id}/results",
        response_class=NDJSONResponse,
        tags=["batches"],
        responses={**NDJSON_RESULTS, **problem_responses(401, 404, 422, 500, 503)},
    )
    def get_results(
        batch_id: str,
        request: Request,
        offset: int = Query(0, ge=0, description="the first article position"),
        limit: int = Query(RESULTS_LIMIT, ge=1, le=RESULTS_LIMIT, description="how many positions"),
        who: str = Depends(owner),
    ) -> NDJSONResponse:
        """Finished articles of positions offset .. offset+limit-1 as JSON lines, in input
        order (call again for more)."""
        batch = _owned(batch_id, who)
        rows = store.results(batch_id, offset, limit)
        lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        headers = {}
        if offset + limit < batch["n_articles"]:
            url = f"{public_base(request)}/v1/batches/{batch_id}/results"
            headers["Link"] = f'<{url}?offset={offset + limit}&limit={limit}>; rel="next"'
        return NDJSONResponse(lines, headers=headers)

    @app.get(
        "/v1/batches/{batch_id}/report",
        response_class=HTMLResponse,
        tags=["batches"],
        responses={
            **html_page(
                "The digest of the batch's finished articles: one self-contained HTML page "
                "(no script or file from elsewhere; Content-Security-Policy header)"
            ),
            **problem_responses(401, 404, 422, 500, 503),
        },
    )
    def get_report(batch_id: str, who: str = Depends(owner)) -> HTMLResponse:
        """The batch as a digest page (the page `summarizer digest` writes): its finished
        articles, failures listed; each headline links to the article's view
        (``results/{index}/view``, relative). Articles not finished yet are counted in the
        title, not listed."""
        batch = _owned(batch_id, who)
        rows = store.results(batch_id)
        links = {i: f"results/{row['position']}/view" for i, row in enumerate(rows)}
        title = f"Batch {batch_id}"
        if len(rows) < batch["n_articles"]:
            state = "cancelled" if batch["status"] == "cancelled" else "in progress"
            title += f" ({state}: {len(rows)} of {batch['n_articles']} articles finished)"
        page = digest_view.render_digest(rows, article_links=links, title=title)
        return page_response(page, digest_view.PAGE_CSP)

    @app.get(
        "/v1/batches/{batch_id}/results/{index}/view",
        response_class=HTMLResponse,
        tags=["batches"],
        responses={
            **html_page(
                "The article view: the source text with every located item highlighted, "
                "the summary and fields beside it (a failed article: why it failed); one "
                "self-contained HTML page"
            ),
            **problem_responses(401, 404, 422, 500, 503),
        },
    )
    def view_result(
        batch_id: str,
        index: int = PathParam(description="the article's position in the batch (0-based)"),
        who: str = Depends(owner),
    ) -> HTMLResponse:
        """One finished article as a page: its text as submitted (HTML input: the visible
        text the offsets index) with people, organizations, places, the event date,
        agreements and figures highlighted where the article states them."""
        batch = _owned(batch_id, who)
        n = batch["n_articles"]
        found = store.article(batch_id, index) if 0 <= index < n else None
        if found is None:
            raise Problem(
                404, "not-found", "No such article", f"the batch has positions 0 to {n - 1}"
            )
        if found.get("output") is not None:
            summary = ArticleSummary.model_validate(found["output"])
            page = article_view.render_article_html(found["text"], summary, found["name"])
            return page_response(page, article_view.PAGE_CSP)
        if found.get("error") is not None:
            error = found["error"]
            page = article_view.render_failure_html(
                found["name"], str(error["type"] or "error"), str(error["detail"] or "")
            )
            return page_response(page, article_view.FAILURE_CSP)
        status = found["status"]
        if batch["cancelled"] is not None and status == "pending":
            status = "cancelled"  # released by a worker as it was cancelled
        waiting = status in ("pending", "running")
        raise Problem(
            404,
            "not-finished",
            "The article has no result",
            f"article {index} is {status}" + ("; try again later" if waiting else ""),
            headers={"Retry-After": "5"} if waiting else None,
        )

    @app.get("/v1/schema", tags=["meta"], responses=problem_responses(401))
    def get_schema(who: str = Depends(owner)) -> Any:
        """The JSON schema of ArticleSummary v1."""
        return ArticleSummary.model_json_schema()

    @app.get("/v1/capabilities", tags=["meta"], responses=problem_responses(401))
    def get_capabilities(who: str = Depends(owner)) -> Any:
        """Model, limits and the measured quality per language."""
        quality = measured_quality()
        return {
            "model": summarizer.model_name,
            "endpoint": "remote" if summarizer.settings.base_url else "embedded",
            "replica": REPLICA_ID,
            "limits": {
                "max_request_bytes": config.max_request_bytes,
                "max_batch_articles": config.max_batch_articles,
                "max_article_chars": summarizer.max_article_chars(),
                "token_concurrency": config.token_concurrency,
            },
            "measured_quality": {
                "model": quality.get("model"),
                "runs": quality.get("runs", []),
                "languages": quality.get("languages", {}),
            },
        }

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))

    @app.get("/healthz", tags=["meta"])
    def healthz() -> Any:
        return {"status": "ok"}

    @app.get("/readyz", tags=["meta"], responses=problem_responses(503))
    def readyz() -> Any:
        try:
            store.ping()
        except Exception as exc:
            log.error("the job store is not reachable: %s", exc)
            raise Problem(
                503,
                "not-ready",
                "Not ready",
                "the job store is not reachable",
                headers={"Retry-After": "5"},
            ) from None
        if readiness["ready"]:
            return {"status": "ready", "model": summarizer.model_name}
        detail = readiness["error"] or "the model is still loading"
        raise Problem(503, "not-ready", "Not ready", detail, headers={"Retry-After": "5"})

    @app.get(
        "/metrics",
        tags=["meta"],
        response_class=Response,
        responses={
            200: {"content": {"text/plain": {"schema": {"type": "string"}}}},
            **problem_responses(401),
        },
    )
    def prometheus(who: str = Depends(owner)) -> Response:
        return Response(metrics.render(), media_type="text/plain; version=0.0.4")

    return app
