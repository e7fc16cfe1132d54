"""Serving the app with uvicorn, within bounds (``summarizer serve`` and the tests).

uvicorn's own options do what they can:

* ``limit_concurrency`` (``SUMMARIZER_MAX_CONNECTIONS`` + 1; the default is 512): at most
  that many open connections, authenticated or not;
* ``timeout_keep_alive`` = :data:`KEEP_ALIVE_SECONDS`: an idle connection between requests
  is closed;
* ``h11_max_incomplete_event_size`` = :data:`MAX_HEADER_BYTES`: a request line and headers
  larger than that are refused (uvicorn answers 400);
* ``timeout_graceful_shutdown`` = ``SUMMARIZER_SHUTDOWN_TIMEOUT_SECONDS`` (10): after
  SIGTERM, requests in flight get that long before their tasks are cancelled.

uvicorn has no timeout for a request's line and headers (a client sending a byte now and
then holds its connection for ever), and answers ``limit_concurrency`` with a plain-text
503. :func:`bounded_protocol` adds both on top of uvicorn's HTTP protocol: a connection
whose request headers are not complete within ``SUMMARIZER_HEADER_TIMEOUT_SECONDS`` (10)
is answered 408 and closed, and the connection that would reach the limit is answered 503,
both as problem documents. On SIGTERM the app is told at once (:class:`Server`), so a
synchronous summary still waiting for the model is answered 503 before the bound.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from http import HTTPStatus
from types import FrameType
from typing import Any

import uvicorn
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from summarizer.service.config import ServiceConfig
from summarizer.service.problems import Problem, problem_body

KEEP_ALIVE_SECONDS = 5
MAX_HEADER_BYTES = 16 * 1024


def raw_problem(problem: Problem) -> bytes:
    """A whole HTTP/1.1 response carrying ``problem``, for answers given before any request
    reaches the app; the connection closes after it."""
    body = json.dumps(problem_body(problem)).encode()
    head = (
        f"HTTP/1.1 {problem.status} {HTTPStatus(problem.status).phrase}\r\n"
        "content-type: application/problem+json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode() + body


def bounded_protocol(header_timeout: float, max_connections: int) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol with a deadline for each request's line and headers, and a
    problem document for the connection that would reach ``max_connections``."""
    slow = raw_problem(
        Problem(
            408, "header-timeout", "The request headers came too slowly", f"{header_timeout:g} s"
        )
    )
    full = raw_problem(
        Problem(503, "too-many-connections", "Too many open connections", f"{max_connections}")
    )

    class BoundedProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            if len(self.connections) > max_connections:  # this one included
                transport.write(full)
                transport.close()
                return
            self._arm()

        def data_received(self, data: bytes) -> None:
            if self._deadline is None and self._between_requests():
                self._arm()
            super().data_received(data)
            if not self._between_requests():
                self._disarm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _between_requests(self) -> bool:
            return self.cycle is None or self.cycle.response_complete

        def _arm(self) -> None:
            self._deadline = self.loop.call_later(header_timeout, self._expire)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expire(self) -> None:
            self._deadline = None
            if self._between_requests() and not self.transport.is_closing():
                self.transport.write(slow)
                self.transport.close()

    return BoundedProtocol


def uvicorn_config(app: Any, config: ServiceConfig, **options: Any) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        http=bounded_protocol(config.header_timeout_seconds, config.max_connections),
        # uvicorn refuses requests once its count (the requesting connection included)
        # reaches the limit, with a plain-text 503; the protocol refuses the connection
        # before that, with a problem document, so this is only the backstop
        limit_concurrency=config.max_connections + 1,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_graceful_shutdown=config.shutdown_timeout_seconds,  # type: ignore[arg-type]
        **options,
    )


class Server(uvicorn.Server):
    """uvicorn's server that also tells the app when shutdown starts (``app.state.drain``,
    set by :func:`summarizer.service.app.create_app`)."""

    def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None] | None) -> None:
        super().__init__(config)
        self.on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        if self.on_exit is not None:
            self.on_exit()


def server(app: Any, config: ServiceConfig, **options: Any) -> Server:
    """The uvicorn server of ``app`` (from ``create_app(config, ...)``)."""
    drain = getattr(getattr(app, "state", None), "drain", None)
    return Server(uvicorn_config(app, config, **options), drain)
