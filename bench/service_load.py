"""Bounded load test of the HTTP service against a fake model server (loopback only).

    python -m bench.service_load [--requests 300] [--seconds 60] [--out bench/service_load.json]

Starts a fake OpenAI-compatible model server and `summarizer serve` on 127.0.0.1, then for
1, 8 and 64 concurrent clients sends at most --requests synchronous summaries (stopping
early after --seconds per level) and reports requests per second, p50/p95/p99 latency
and the service's resident memory after each level. The same load straight at the fake
model server is measured first: the service is not the bottleneck when its throughput is
close to that. Then --probe unauthenticated clients each declare a large body, send part of
it and keep the connection open: the service's memory is reported before, while they are
open, and after they close (it should stay flat: nothing is read before the token).
"""

from __future__ import annotations

import argparse
import json
import secrets
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx2

from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import rss_mib, serve_process
from tests.test_transport import ARTICLE, DRAFT

LEVELS = (1, 8, 64)


def _probe(base: str, pid: int, clients: int, declared: int = 1_900_000) -> dict:
    """Unauthenticated clients that declare a body of ``declared`` bytes, send a quarter of
    it and hold the connection; the service's memory before, during and after."""
    host, port = base.removeprefix("http://").split(":")
    before = rss_mib(pid)
    head = (
        "POST /v1/summaries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer wrong-guess\r\nContent-Length: {declared}\r\n\r\n"
    ).encode()
    chunk = b'{"text": "' + b"x" * (declared // 4)
    sockets, answered = [], 0
    for _ in range(clients):
        try:
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(head)
            sock.sendall(chunk)
        except OSError:
            answered += 1  # the service answered and closed before the body was sent
            continue
        sockets.append(sock)
    time.sleep(1)
    during = rss_mib(pid)
    for sock in sockets:
        sock.close()
    time.sleep(2)
    return {
        "clients": clients,
        "closed_early": answered,
        "rss_before_mib": before,
        "rss_during_mib": during,
        "rss_after_mib": rss_mib(pid),
    }


def _load(
    url: str,
    body: dict[str, Any],
    clients: int,
    limit: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal issued, errors
        with httpx2.Client(timeout=60, headers=headers) as http:
            while time.monotonic() < deadline:
                with lock:
                    if issued >= limit:
                        return
                    issued += 1
                started = time.perf_counter()
                try:
                    ok = http.post(url, json=body).status_code == 200
                except httpx2.HTTPError:
                    ok = False  # a refused or reset connection is an error, not a crash
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "rps": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--probe", type=int, default=150, help="unauthenticated clients")
    parser.add_argument("--out", type=Path, default=Path("bench/service_load.json"))
    args = parser.parse_args()
    rows = []
    token = secrets.token_hex(16)
    ok = (200, completion(json.dumps(DRAFT)), {}, 0.0)
    with FakeOpenAI([ok]) as fake, tempfile.TemporaryDirectory() as tmp:
        env = {
            "OPENAI_BASE_URL": fake.base_url,
            "SUMMARIZER_MODEL": "fake",
            "OPENAI_API_KEY": "k",
            "SUMMARIZER_DB_URL": f"sqlite:///{tmp}/jobs.db",
            "SUMMARIZER_TOKEN_CONCURRENCY": "1000",
            "SUMMARIZER_API_TOKENS": token,
        }
        model_body = {"model": "fake", "messages": [{"role": "user", "content": ARTICLE}]}
        with serve_process(env, "--workers", "0") as (base, proc):
            for clients in LEVELS:
                direct = _load(
                    f"{fake.base_url}/chat/completions",
                    model_body,
                    clients,
                    args.requests,
                    args.seconds,
                )
                service = _load(
                    f"{base}/v1/summaries",
                    {"text": ARTICLE},
                    clients,
                    args.requests,
                    args.seconds,
                    headers={"Authorization": f"Bearer {token}"},
                )
                service["rss_mib"] = rss_mib(proc.pid)
                rows.append({"clients": clients, "model_server": direct, "service": service})
            probe = _probe(base, proc.pid, args.probe) if args.probe else None
    print("| clients | service rps | p50 ms | p95 ms | p99 ms | errors | RSS MiB | model rps |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        s, d = row["service"], row["model_server"]
        print(
            f"| {row['clients']} | {s['rps']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} "
            f"| {s['errors']} | {s['rss_mib']} | {d['rps']} |"
        )
    if probe:
        print(
            f"unauthenticated probe, {probe['clients']} clients: RSS {probe['rss_before_mib']} "
            f"-> {probe['rss_during_mib']} (open) -> {probe['rss_after_mib']} MiB (closed)"
        )
    args.out.write_text(json.dumps({"levels": rows, "probe": probe}, indent=2) + "\n")
    print(f"written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
