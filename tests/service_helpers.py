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
from typing import Any

import httpx2
import uvicorn

from summarizer import Summarizer
from summarizer.service import ServiceConfig, create_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(config: ServiceConfig, summarizer: Summarizer[Any]) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config, summarizer), host="127.0.0.1", port=port, log_level="warning"
        )
    )
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
