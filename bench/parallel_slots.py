"""Do parallel slots of the embedded llama.cpp server help here? The same requests, one
after another and two at a time, on a server started with ``SUMMARIZER_LLAMA_SLOTS``:

    SUMMARIZER_LLAMA_SLOTS=2 python -m bench.parallel_slots [--out bench/parallel_slots.json]

Three loads, four requests each: decode-heavy at a short context, decode-heavy after a
~1,000-token prompt, and prefill only (the prompt answered with 4 tokens). Each prompt
starts with a fresh nonce, so nothing is cached. Two slots pay off where one decode step
leaves cores idle; on a 2-core machine both cores are busy already: two runs on
2026-11-24 gave 1.01-1.11x on decode and 0.93-0.98x on prefill, so one slot stays the
default (bench/parallel_slots.json is the second run).
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from summarizer import embedded
from summarizer.evals.bench import FILLER
from summarizer.pipeline import Summarizer

LOADS = {  # name: (filler repeats, completion tokens)
    "decode, short context": (2, 120),
    "decode, ~1,000-token context": (30, 120),
    "prefill only": (30, 4),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("bench/parallel_slots.json"))
    args = parser.parse_args()
    backend = Summarizer().backend

    def ask(repeat: int, tokens: int) -> None:
        prompt = f"[{uuid.uuid4()}] " + FILLER * repeat + "\nWrite a long story about a hospital."
        backend.raw.chat.completions.create(
            model=backend.model,
            messages=[{"role": "user", "content": prompt}],
            max_tokens=tokens,
            temperature=0,
            extra_body={"ignore_eos": True},
        )

    ask(1, 4)  # the first request pays for loading
    results = {}
    for name, (repeat, tokens) in LOADS.items():
        started = time.monotonic()
        for _ in range(args.requests):
            ask(repeat, tokens)
        one_by_one = time.monotonic() - started
        started = time.monotonic()
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(ask, [repeat] * args.requests, [tokens] * args.requests))
        two_at_once = time.monotonic() - started
        results[name] = {
            "one_by_one_seconds": round(one_by_one, 1),
            "two_at_once_seconds": round(two_at_once, 1),
            "speedup": round(one_by_one / two_at_once, 2),
        }
        print(f"{name}: {results[name]}")
    report = {"slots": embedded.slot_count(), "requests": args.requests, "loads": results}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"report: {args.out}")


if __name__ == "__main__":
    main()
