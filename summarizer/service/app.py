"""The HTTP API (FastAPI): one article synchronously, batches as durable jobs.

Routes: ``POST /v1/summaries``, ``POST /v1/batches``, ``GET /v1/batches/{id}``,
``GET /v1/batches/{id}/results`` (JSON lines), ``GET /v1/schema``, ``GET /v1/capabilities``,
``/healthz``, ``/readyz``, ``/metrics``; OpenAPI at ``/openapi.json`` and ``/docs``.
Every error is an RFC 9457 problem document.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import Summarizer
from summarizer.quality import measured_quality
from summarizer.schemas.article import ArticleSummary
from summarizer.service.config import ServiceConfig, token_id
from summarizer.service.jobs import JobStore
from summarizer.service.metrics import Metrics
from summarizer.service.problems import Problem, from_library_error, problem_response
from summarizer.service.worker import REPLICA_ID, BatchWorkers
from summarizer.settings import redact_url


class ArticleIn(BaseModel):
    text: str = Field(description="the article (plain text or HTML)")
    name: str | None = Field(default=None, max_length=500, description="your label for it")


class BatchIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1)


class BatchCreated(BaseModel):
    id: str
    n_articles: int
    status_url: str
    results_url: str


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with a 413, whether declared by
    Content-Length or streamed (chunked): the body is read, up to the limit, before the
    app sees it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = problem_response(
            Problem(413, "too-large", "Request body too large", f"the limit is {self.limit} bytes")
        )
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await too_large(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
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
    store = JobStore(config.db_url)
    metrics = Metrics(store.queue_depth)
    limiter = TokenLimiter(config.token_concurrency)
    workers = BatchWorkers(
        store,
        summarizer,
        threads=config.workers,
        lease_seconds=config.lease_seconds,
        on_result=lambda usage, error: metrics.record_extraction("batch", usage, error),
    )
    readiness: dict[str, Any] = {"ready": False, "error": None}

    def warm_up() -> None:
        try:
            # starts the embedded model (or builds the client) and loads the stages' NLP
            # models, so the first request is not the slow one
            summarizer.warm_up()
            readiness["ready"] = True
        except SummarizerError as exc:
            readiness["error"] = str(exc)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=warm_up, daemon=True).start()
        workers.start()
        yield
        workers.close()

    app = FastAPI(
        title="summarizer",
        summary="Faithful English summaries and grounded fields from news articles",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, limit=config.max_request_bytes)

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
            Problem(422, "invalid-request", "The request body is not valid", errors=errors)
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(Problem(exc.status_code, "http", str(exc.detail)))

    @app.middleware("http")
    async def _observe(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        path = getattr(route, "path", "unmatched")
        metrics.requests.labels(path, request.method, str(response.status_code)).inc()
        metrics.latency.labels(path).observe(time.perf_counter() - started)
        return response

    def owner(request: Request) -> str:
        """The caller's token id; every /v1 route requires a valid bearer token when the
        service has tokens configured."""
        if not config.tokens:
            return "anonymous"
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() == "bearer" and given:
            for token in config.tokens:
                if hmac.compare_digest(given.encode(), token.encode()):
                    return token_id(token)
        raise Problem(
            401,
            "unauthorized",
            "A valid bearer token is required",
            headers={"WWW-Authenticate": 'Bearer realm="summarizer"'},
        )

    @app.post("/v1/summaries", response_model=ArticleSummary, tags=["summaries"])
    def create_summary(article: ArticleIn, who: str = Depends(owner)) -> Any:
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
            result = summarizer.extract(article.text)
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

    @app.post("/v1/batches", status_code=202, response_model=BatchCreated, tags=["batches"])
    def create_batch(batch: BatchIn, request: Request, who: str = Depends(owner)) -> Any:
        """Queue many articles; returns at once with the batch id."""
        if len(batch.articles) > config.max_batch_articles:
            raise Problem(
                413,
                "batch-too-large",
                "Too many articles in one batch",
                f"at most {config.max_batch_articles}; split the batch",
            )
        articles = [(a.name or f"article-{i}", a.text) for i, a in enumerate(batch.articles)]
        batch_id = store.create_batch(who, articles)
        base = str(request.base_url).rstrip("/")
        return BatchCreated(
            id=batch_id,
            n_articles=len(articles),
            status_url=f"{base}/v1/batches/{batch_id}",
            results_url=f"{base}/v1/batches/{batch_id}/results",
        )

    def _owned(batch_id: str, who: str) -> dict[str, Any]:
        batch = store.batch(batch_id)
        if batch is None or batch["owner"] != who:
            raise Problem(404, "not-found", "No such batch", batch_id)
        return batch

    @app.get("/v1/batches/{batch_id}", tags=["batches"])
    def get_batch(batch_id: str, who: str = Depends(owner)) -> Any:
        """Progress and per-article status."""
        batch = _owned(batch_id, who)
        batch.pop("owner")
        return batch

    @app.get("/v1/batches/{batch_id}/results", tags=["batches"])
    def get_results(batch_id: str, who: str = Depends(owner)) -> StreamingResponse:
        """Finished articles as JSON lines, in input order (call again for more)."""
        _owned(batch_id, who)
        rows = store.results(batch_id)
        lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        return StreamingResponse(lines, media_type="application/x-ndjson")

    @app.get("/v1/schema", tags=["meta"])
    def get_schema(who: str = Depends(owner)) -> Any:
        """The JSON schema of ArticleSummary v1."""
        return ArticleSummary.model_json_schema()

    @app.get("/v1/capabilities", tags=["meta"])
    def get_capabilities(who: str = Depends(owner)) -> Any:
        """Model, limits and the measured quality per language."""
        quality = measured_quality()
        return {
            "model": summarizer.model_name,
            "endpoint": redact_url(summarizer.settings.base_url) or "embedded",
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

    @app.get("/healthz", tags=["meta"])
    def healthz() -> Any:
        return {"status": "ok"}

    @app.get("/readyz", tags=["meta"])
    def readyz() -> Any:
        if readiness["ready"]:
            return {"status": "ready", "model": summarizer.model_name}
        detail = readiness["error"] or "the model is still loading"
        raise Problem(503, "not-ready", "Not ready", detail, headers={"Retry-After": "5"})

    @app.get("/metrics", tags=["meta"])
    def prometheus(who: str = Depends(owner)) -> Response:
        return Response(metrics.render(), media_type="text/plain; version=0.0.4")

    return app
