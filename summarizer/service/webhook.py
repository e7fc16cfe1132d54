"""A signed webhook: when a batch finishes (no article pending or running, cancelled ones
included), its summary is POSTed to ``SUMMARIZER_WEBHOOK_URL``.

The body is JSON ``{"event": "batch.finished", "batch": {...}}`` (the batch as
``GET /v1/batches`` lists it); ``X-Summarizer-Signature: sha256=<hex>`` is the HMAC-SHA256
of the exact body bytes with ``SUMMARIZER_WEBHOOK_SECRET``, so the receiver can check it
came from this service. One replica sends it (the job store marks the batch notified
first); a failed delivery (no answer, or not 2xx) is retried :data:`ATTEMPTS` times with
doubling waits, then logged and dropped: delivery is at most once per batch, the
batch's status stays the source of truth.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from typing import Any

import httpx2

from summarizer.settings import redact_url

log = logging.getLogger(__name__)
ATTEMPTS = 4
FIRST_WAIT = 0.5
TIMEOUT = 10.0
SIGNATURE_HEADER = "X-Summarizer-Signature"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class Webhook:
    def __init__(self, url: str, secret: str, first_wait: float = FIRST_WAIT) -> None:
        self.url, self._secret, self.first_wait = url, secret, first_wait

    def batch_finished(self, batch: dict[str, Any]) -> None:
        """Deliver the event in the background (a slow receiver never holds a worker)."""
        body = json.dumps({"event": "batch.finished", "batch": batch}).encode()
        threading.Thread(target=self._deliver, args=(body,), daemon=True).start()

    def _deliver(self, body: bytes) -> None:
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(self._secret, body),
        }
        for attempt in range(1, ATTEMPTS + 1):
            try:
                answer = httpx2.post(self.url, content=body, headers=headers, timeout=TIMEOUT)
                if 200 <= answer.status_code < 300:
                    return
                why = f"HTTP {answer.status_code}"
            except httpx2.HTTPError as exc:
                why = type(exc).__name__
            if attempt < ATTEMPTS:
                time.sleep(self.first_wait * 2 ** (attempt - 1))
        log.warning(
            "webhook to %s failed %d times (%s); dropped", redact_url(self.url), ATTEMPTS, why
        )
