"""Running the service for tests: in-process (a uvicorn thread) or as `summarizer serve`
subprocesses, always on 127.0.0.1, always stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx2

from summarizer import Summarizer
from summarizer.service import ServiceConfig, create_app
from summarizer.service.jobs import JobStore
from summarizer.service.server import server as service_server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(config: ServiceConfig, summarizer: Summarizer[Any]) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = replace(config, port=port)
    # the server `summarizer serve` runs, with its bounds
    server = service_server(create_app(config, summarizer), config, log_level="warning")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: _up(base), 20)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(10)


def _up(base: str) -> bool:
    try:
        return httpx2.get(f"{base}/healthz", timeout=1).status_code == 200
    except httpx2.HTTPError:
        return False


def wait_until(predicate: Any, seconds: float, every: float = 0.1) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"condition not met within {seconds} s")


@contextmanager
def serve_process(
    env: dict[str, str], *args: str, log_path: str | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`summarizer serve` as a subprocess on a free loopback port."""
    port = free_port()
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(
        # One request per article (single_call): the durability tests count requests.
        [
            sys.executable,
            "-m",
            "summarizer",
            "serve",
            "--port",
            str(port),
            "--pipeline",
            "single_call",
            *args,
        ],
        env={**os.environ, **env},
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _up(base) or proc.poll() is not None, 60)
        assert proc.poll() is None, "the service exited at start"
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if log_path:
            log.close()  # type: ignore[union-attr]


def single_call_summarizer(fake: Any) -> Summarizer:
    """A summarizer against a fake endpoint; single_call: one request per article, which
    request and token counts rely on."""
    return Summarizer(
        "fake", base_url=fake.base_url, api_key="k", transport_retries=0, pipeline="single_call"
    )


def sqlite_config(tmp_path: Any, **kw: Any) -> ServiceConfig:
    return ServiceConfig(db_url=f"sqlite:///{tmp_path / 'jobs.db'}", **kw)


def problem(response: Any) -> dict:
    """The problem document of ``response``, after checking its media type and shape."""
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    body = response.json()
    assert body["status"] == response.status_code and body["type"].startswith("/problems/")
    return body


def raw_request(base: str, head: str, body: bytes, wait: float) -> bytes:
    """Send a request's head and ``body`` on a plain socket; the first bytes of the answer
    within ``wait`` seconds (b"" when none came)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(head.encode() + b"\r\n" + body)
        try:
            return sock.recv(65536)
        except TimeoutError:
            return b""


def rss_mib(pid: int) -> float:
    """Resident memory of a process (Linux), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def check_listing_and_cancelling(store: JobStore) -> None:
    """Listing by cursor and cancelling, at the store: the same SQL runs on SQLite and on
    PostgreSQL (tests/test_service_durability.py)."""
    mine = [store.create_batch("me", [("a", "text"), ("b", "text")])[0] for _ in range(5)]
    store.create_batch("other", [("a", "text")])
    seen: list[str] = []
    before = None
    while True:
        page, more = store.list_batches("me", 2, before)
        seen += [b["id"] for b in page]
        if not more:
            break
        before = (page[-1]["created"], page[-1]["id"])
    assert seen == mine[::-1]
    store.cancel(mine[0])
    store.cancel(mine[0])  # again: nothing changes
    claimed = [claim.batch_id for claim in iter(lambda: store.claim("w", 60), None)]
    assert len(claimed) == 9 and mine[0] not in claimed
    status = store.batch(mine[0])
    assert status is not None and status["status"] == "cancelled" and status["complete"]
    assert status["counts"]["cancelled"] == 2 and store.queue_depth() == 0
    done = store.create_batch("me", [("a", "text")])[0]
    claim = store.claim("w", 60)
    assert claim is not None and store.complete(claim, {"headline": "h"})
    store.cancel(done)  # complete already: stays complete
    assert store.batch(done)["status"] == "complete"  # type: ignore[index]
    listed = {b["id"]: b for b in store.list_batches("me", 10)[0]}
    assert listed[mine[0]]["counts"] == status["counts"]
    assert listed[mine[1]]["counts"]["running"] == 2
