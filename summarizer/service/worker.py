"""Batch workers: threads that take articles from the job store and summarize them.

Each replica runs its own; they coordinate only through the store's leases, so any number
of replicas can share one PostgreSQL store and one model pool.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from summarizer.errors import InputError, ModelUnavailableError
from summarizer.pipeline import Summarizer
from summarizer.service.jobs import Claim, JobStore
from summarizer.service.problems import endpoint_reason, public_backend_error

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5
UNAVAILABLE_BACKOFF = 5.0
"""Default first wait before an article that failed transiently is tried again; it doubles
with each attempt, up to MAX_BACKOFF."""
MAX_BACKOFF = 300.0

# Opaque: responses show it (batch status, capabilities), so it carries no hostname or
# pid; the log line at start maps it to the process.
REPLICA_ID = hashlib.sha256(
    f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex}".encode()
).hexdigest()[:12]


class BatchWorkers:
    def __init__(
        self,
        store: JobStore,
        summarizer: Summarizer[Any],
        *,
        threads: int,
        lease_seconds: float,
        on_result: Callable[[dict[str, int], str | None], None] | None = None,
        on_settled: Callable[[str], None] | None = None,
        backoff_seconds: float | None = None,
        max_backoff_seconds: float | None = None,
    ) -> None:
        self.store, self.summarizer = store, summarizer
        self.threads, self.lease = threads, lease_seconds
        self.backoff_seconds, self.max_backoff_seconds = backoff_seconds, max_backoff_seconds
        self.on_result = on_result
        self.on_settled = on_settled  # an article of this batch id was settled
        self.stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        if self.threads:
            log.info("replica %s is %s pid %d", REPLICA_ID, socket.gethostname(), os.getpid())
        for n in range(self.threads):
            worker = f"{REPLICA_ID}/{n}"
            thread = threading.Thread(target=self._loop, args=(worker,), daemon=True, name=worker)
            thread.start()
            self._threads.append(thread)

    def close(self, timeout: float = 5.0) -> None:
        """Stop the workers, waiting ``timeout`` seconds in all for articles in progress
        (the threads are daemons: one still waiting for the model is left behind, and its
        article is redone when its lease expires)."""
        self.stop.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _loop(self, worker: str) -> None:
        while not self.stop.is_set():
            try:
                claim = self.store.claim(worker, self.lease)
            except Exception:  # the store may be briefly unreachable: keep the worker alive
                log.exception("claiming a batch article failed")
                claim = None
            if claim is None:
                self.stop.wait(POLL_SECONDS)
                continue
            try:
                backoff = self._process(claim)
            except Exception:  # a store error: the lease expires and the article is redone
                log.exception("batch article %s failed in the worker", claim.item_id)
                backoff = POLL_SECONDS
            if backoff:
                self.stop.wait(backoff)

    def _process(self, claim: Claim) -> float:
        """Summarize one claimed article; returns seconds to wait before the next claim."""
        beat = threading.Event()

        def heartbeat() -> None:
            while not beat.wait(self.lease / 3):
                try:
                    if not self.store.heartbeat(claim, self.lease):
                        return  # taken over: our result will be discarded
                except Exception:
                    log.exception("lease renewal failed; retrying")

        keeper = threading.Thread(target=heartbeat, daemon=True)
        keeper.start()
        try:
            try:
                result = self.summarizer.extract(claim.text)
            except InputError as exc:
                self._finish(claim, {}, "InputError", str(exc))
                return 0.0
            except ModelUnavailableError as exc:
                return self._transient(claim, "the model is not available", "ModelUnavailable", exc)
            except Exception as exc:  # a crash fails this article, never the worker
                log.exception("batch article %s crashed the pipeline", claim.item_id)
                self._finish(claim, {}, "Crash", f"{type(exc).__name__} (see the service log)")
                return 0.0
            usage = {
                "prompt_tokens": result.usage.prompt_tokens,
                "completion_tokens": result.usage.completion_tokens,
            }
            if result.retryable:
                return self._transient(
                    claim, endpoint_reason(result.error or ""), "BackendError", result.error
                )
            if result.output is None:
                error = result.error or ""
                if result.error_type == "BackendError":
                    error = public_backend_error(error)
                self._finish(claim, usage, result.error_type or "Error", error)
            else:
                self._finish(claim, usage, None, result.output.model_dump(mode="json"))
            return 0.0
        finally:
            beat.set()

    def _transient(self, claim: Claim, reason: str, error_type: str, error: object) -> float:
        """The endpoint failed on this article: wait with exponential backoff, or fail the
        article once it used all its attempts while the endpoint worked for others (an
        outage of the whole endpoint fails nothing: everything waits for it)."""
        log.warning("batch article %s: %s (attempt %d)", claim.item_id, error, claim.attempt)
        if claim.attempt >= self.store.max_attempts and self.store.endpoint_worked_since_failing(
            claim
        ):
            detail = f"gave up after {claim.attempt} attempts: {reason}"
            self._finish(claim, {}, error_type, detail)
            return 0.0
        base = UNAVAILABLE_BACKOFF if self.backoff_seconds is None else self.backoff_seconds
        ceiling = MAX_BACKOFF if self.max_backoff_seconds is None else self.max_backoff_seconds
        backoff = min(ceiling, base * 2 ** max(0, claim.attempt - 1))
        self.store.release(claim, reason, backoff)  # cancelled meanwhile: settled
        self._settled(claim)
        return POLL_SECONDS  # other articles may go on at once

    def _finish(
        self, claim: Claim, usage: dict[str, int], error_type: str | None, payload: Any
    ) -> None:
        """Record the outcome; metrics count it only when this worker's record won."""
        if error_type is None:
            recorded = self.store.complete(claim, payload)
        else:
            recorded = self.store.fail(claim, error_type, str(payload))
        if recorded:
            self._report(usage, error_type)
            self._settled(claim)

    def _settled(self, claim: Claim) -> None:
        if self.on_settled is not None:
            try:
                self.on_settled(claim.batch_id)
            except Exception:  # the article is recorded; a failing hook must not redo it
                log.exception("reporting batch %s failed", claim.batch_id)

    def _report(self, usage: dict[str, int], error_type: str | None) -> None:
        if self.on_result is not None:
            self.on_result(usage, error_type)
