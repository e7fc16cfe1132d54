"""Bounded load test of the HTTP service against a fake model server (loopback only).

    python -m bench.service_load [--requests 300] [--seconds 60] [--out bench/service_load.json]

Starts a fake OpenAI-compatible model server and `summarizer serve` on 127.0.0.1, then for
1, 8 and 64 concurrent clients sends at most --requests synchronous summaries (stopping
early after --seconds per level) and reports requests per second and p50/p95 latency.
The same load straight at the fake model server is measured first: the service is not the
bottleneck when its throughput is close to that.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx2

from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import serve_process
from tests.test_transport import ARTICLE, DRAFT

LEVELS = (1, 8, 64)


def _load(url: str, body: dict[str, Any], clients: int, limit: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal issued, errors
        with httpx2.Client(timeout=60) as http:
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
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--out", type=Path, default=Path("bench/service_load.json"))
    args = parser.parse_args()
    rows = []
    ok = (200, completion(json.dumps(DRAFT)), {}, 0.0)
    with FakeOpenAI([ok]) as fake, tempfile.TemporaryDirectory() as tmp:
        env = {
            "OPENAI_BASE_URL": fake.base_url,
            "SUMMARIZER_MODEL": "fake",
            "OPENAI_API_KEY": "k",
            "SUMMARIZER_DB_URL": f"sqlite:///{tmp}/jobs.db",
            "SUMMARIZER_TOKEN_CONCURRENCY": "1000",
        }
        model_body = {"model": "fake", "messages": [{"role": "user", "content": ARTICLE}]}
        with serve_process(env, "--workers", "0") as (base, _):
            for clients in LEVELS:
                direct = _load(
                    f"{fake.base_url}/chat/completions",
                    model_body,
                    clients,
                    args.requests,
                    args.seconds,
                )
                service = _load(
                    f"{base}/v1/summaries", {"text": ARTICLE}, clients, args.requests, args.seconds
                )
                rows.append({"clients": clients, "model_server": direct, "service": service})
    print("| clients | service rps | p50 ms | p95 ms | errors | fake model server rps |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        s, d = row["service"], row["model_server"]
        print(
            f"| {row['clients']} | {s['rps']} | {s['p50_ms']} | {s['p95_ms']} | {s['errors']} "
            f"| {d['rps']} |"
        )
    args.out.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
