"""A large batch through the library against a fake OpenAI-compatible server (loopback):
is the client the bottleneck of a hosted endpoint?

    python -m bench.client_batch [--articles 1000] [--concurrency 16] [--pipeline default]
                                 [--out bench/client_batch.json]

The fake server answers at once, so the measured articles per second is the most the
client can push; the client's CPU share (process CPU seconds / wall seconds / cores)
says whether it, or the endpoint, would limit a real batch. A real hosted model answers
in seconds per request; at 16 concurrent requests and ~2 s per turn that is ~4-8
articles/s, so the client is not the bottleneck while it can do several times that.
The articles are invented Russian texts (the deterministic stages run for real).
"""

from __future__ import annotations

import argparse
import json
import os
import time
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
    with FakeOpenAI([(200, completion(json.dumps(DRAFT)), {}, 0.0)]) as fake:
        summarizer = Summarizer("fake", base_url=fake.base_url, api_key="k", pipeline=args.pipeline)
        summarizer.extract(texts[0])  # load the NLP models once, outside the timing
        before = len(fake.requests)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        results = summarizer.extract_many(texts, concurrency=args.concurrency)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        requests = len(fake.requests) - before
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
        "cores": os.cpu_count(),
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
