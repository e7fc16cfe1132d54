"""A large batch through the library against a fake OpenAI-compatible server (loopback):
is the client the bottleneck of a hosted endpoint?

    python -m bench.client_batch [--articles 1000] [--concurrency 16] [--pipeline default]
                                 [--out bench/client_batch.json]

The fake server answers at once, so the measured articles per second is the most the
client can push; the client's CPU share (process CPU seconds / wall seconds / cores)
says whether it, or the endpoint, would limit a real batch. The fake server runs in a
child process, so the client's CPU seconds are its own (the server's are reported next
to them); on 2 cores the two compete, so the articles per second are a floor. A real
hosted model answers in seconds per request; at 16 concurrent requests and ~2 s per turn
that is ~4-8 articles/s, so the client is not the bottleneck while it can do several
times that.
The articles are invented Russian texts (the deterministic stages run for real).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import time
from multiprocessing.connection import Connection
from pathlib import Path

from summarizer.pipeline import Summarizer
from tests.fake_openai import FakeOpenAI, completion
from tests.test_transport import DRAFT

TEMPLATE = (
    "Министр здравоохранения {name} посетил больницу в Омске {day} мая. "
    "Делегация из Казахстана подписала меморандум о сотрудничестве в области онкологии. "
    "Больница получит {beds} новых коек."
)
NAMES = ("Иван Петров", "Олег Смирнов", "Анна Кузнецова", "Павел Орлов")


def _serve(conn: Connection) -> None:  # the child process: a fake endpoint until "stop"
    with FakeOpenAI([(200, completion(json.dumps(DRAFT)), {}, 0.0)]) as fake:
        conn.send(fake.base_url)
        conn.recv()
        conn.send((len(fake.requests), time.process_time()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--pipeline", default="default")
    parser.add_argument("--out", type=Path, default=Path("bench/client_batch.json"))
    args = parser.parse_args()
    texts = [
        TEMPLATE.format(name=NAMES[i % len(NAMES)], day=1 + i % 28, beds=10 + i)
        for i in range(args.articles)
    ]
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(child,))
    server.start()
    try:
        base_url = parent.recv()
        summarizer = Summarizer("fake", base_url=base_url, api_key="k", pipeline=args.pipeline)
        summarizer.warm_up()  # the NLP models load once, outside the timing
        cpu0, wall0 = time.process_time(), time.perf_counter()
        results = summarizer.extract_many(texts, concurrency=args.concurrency)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        parent.send("stop")
        requests, server_cpu = parent.recv()
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.terminate()
    ok = sum(1 for r in results if getattr(r, "ok", False))
    report = {
        "articles": args.articles,
        "ok": ok,
        "pipeline": args.pipeline,
        "concurrency": args.concurrency,
        "model_requests": requests,
        "wall_seconds": round(wall, 2),
        "articles_per_second": round(args.articles / wall, 1),
        "client_cpu_seconds_per_article": round(cpu / args.articles, 4),
        "client_cpu_share_of_cores": round(cpu / wall / (os.cpu_count() or 1), 2),
        "fake_server_cpu_seconds_per_article": round(server_cpu / args.articles, 4),
        "cores": os.cpu_count(),
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
