"""HTTP transport with retries for transient faults, kept apart from validation re-asks.

Retried: connection errors, timeouts, HTTP 429 and 5xx, with exponential backoff and
jitter (tenacity); a ``Retry-After`` header (seconds) is honoured, capped by
``max_wait``. Everything else (4xx, a 200 with garbage) goes straight back to the caller.
Each retry is counted in the :class:`TransportStats` the transport was built with (one per
model call, see :meth:`summarizer.client.Backend.call`), so runs can report it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx2 as httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass
class TransportStats:
    """Counts for one model call (all its requests and their attempts)."""

    retries: int = 0
    last_error: str = ""


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def _retry_after_seconds(response: httpx.Response) -> float | None:
    raw = response.headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None  # HTTP-date form: fall back to backoff


class RetryingTransport(httpx.BaseTransport):
    """Wraps an httpx transport; retries transient failures ``retries`` times, counting
    them in ``stats`` when given."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        retries: int = 4,
        initial_wait: float = 1.0,
        max_wait: float = 30.0,
        stats: TransportStats | None = None,
    ) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.retries = retries
        self.initial_wait = initial_wait
        self.max_wait = max_wait
        self.stats = stats
        self._backoff = wait_exponential_jitter(initial=initial_wait, max=max_wait)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _RetryableStatus):
            after = _retry_after_seconds(exc.response)
            if after is not None:
                return min(after, self.max_wait)
        return float(self._backoff(state))

    def _before_sleep(self, state: RetryCallState) -> None:
        stats = self.stats
        if stats is not None:
            stats.retries += 1
            exc = state.outcome.exception() if state.outcome else None
            stats.last_error = str(exc)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        def attempt() -> httpx.Response:
            response = self.inner.handle_request(request)
            if response.status_code in RETRY_STATUS:
                response.read()
                raise _RetryableStatus(response)
            return response

        retrying = Retrying(
            retry=retry_if_exception_type((_RetryableStatus, httpx.TransportError)),
            stop=stop_after_attempt(self.retries + 1),
            wait=self._wait,
            before_sleep=self._before_sleep,
            sleep=time.sleep,
            reraise=True,
        )
        try:
            return retrying(attempt)
        except _RetryableStatus as exc:
            return exc.response  # out of retries: let the SDK raise its typed error

    def close(self) -> None:
        self.inner.close()
