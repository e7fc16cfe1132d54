"""Time to the first result: ``summarizer summarize`` on one short invented article per
language against an instantly answering fake OpenAI-compatible endpoint, best of N runs.

    python -m bench.first_result [--runs 3] [en ru vi ...]

Measures the whole process (interpreter start, imports, stages, requests, output), the
number a user waits for on a fast endpoint. Compare runs made in one sitting only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.fake_openai import FakeOpenAI
from tests.test_cli import OK, fake_env

TEXTS = {
    "en": "Health minister John Smith visited a hospital in Leeds on 12 May and met doctors.",
    "ru": "Министр здравоохранения Иван Петров посетил больницу в Омске 12 мая.",
    "vi": "Bộ trưởng Bộ Y tế đã thăm bệnh viện tại Huế ngày 12 tháng 5 và làm việc với bác sĩ.",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", help=f"of {', '.join(TEXTS)} (default: all)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.languages = args.languages or list(TEXTS)
    if unknown := [code for code in args.languages if code not in TEXTS]:
        parser.error(f"no invented article for: {', '.join(unknown)}")
    command = [sys.executable, "-m", "summarizer", "summarize"]
    with FakeOpenAI([OK]) as fake, tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, **fake_env(fake)}
        for language in args.languages:
            path = Path(folder) / f"{language}.txt"
            path.write_text(TEXTS[language], encoding="utf-8")
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                done = subprocess.run(
                    [*command, str(path), "-f", "json"], env=env, capture_output=True
                )
                times.append(time.perf_counter() - start)
                if done.returncode != 0:
                    sys.exit(f"{language}: exit {done.returncode}: {done.stderr.decode()[-300:]}")
            each = ", ".join(f"{t:.2f}" for t in times)
            print(f"{language}: best {min(times):.2f} s of {args.runs} ({each})")


if __name__ == "__main__":
    main()
