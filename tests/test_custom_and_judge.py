"""A caller's own schema + prompt, and the LLM judge, over a fake endpoint."""

import asyncio
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from pydantic import BaseModel

from summarizer import Summarizer
from summarizer.evals.judge import make_judge
from tests.fake_openai import FakeOpenAI, completion
from tests.test_transport import ARTICLE

ROOT = Path(__file__).resolve().parents[1]


class Mention(BaseModel):
    name: str
    evidence: str
    grounded: bool | None = None
    start: int | None = None


class Brief(BaseModel):
    title: str
    mentions: list[Mention]


def test_custom_schema_and_prompt_return_that_type_with_evidence_located(tmp_path):
    (tmp_path / "brief.system.j2").write_text("Return a brief.")
    (tmp_path / "brief.user.j2").write_text("Article: {{ article }}")
    answer = {
        "title": "Minister visit",
        "mentions": [
            {"name": "Ivan Petrov", "evidence": "Иван Петров"},
            {"name": "Ghost", "evidence": "не из статьи"},
        ],
    }
    with FakeOpenAI([(200, completion(json.dumps(answer)), {}, 0.0)]) as fake:
        s = Summarizer(
            "m",
            base_url=fake.base_url,
            response_model=Brief,
            prompt="brief",
            prompt_dir=str(tmp_path),
        )
        brief = s.summarize(ARTICLE)
        again = asyncio.run(s.asummarize(ARTICLE))
        sent = fake.requests[0]["messages"]
    assert isinstance(brief, Brief) and isinstance(again, Brief)
    assert sent[0]["content"] == "Return a brief." and sent[1]["content"].endswith(ARTICLE)
    assert brief.mentions[0].grounded is True and brief.mentions[0].start == ARTICLE.index("Иван")
    assert brief.mentions[1].grounded is False  # flagged, never dropped from a custom model


def test_llm_judge_returns_one_verdict_per_fact():
    reply = completion(json.dumps({"conveyed": [True, False]}))
    with FakeOpenAI([(200, reply, {}, 0.0)]) as fake:
        judge = make_judge("judge-model", fake.base_url)
        assert judge("The minister visited Omsk.", ["minister visited", "signed deal"]) == [
            True,
            False,
        ]
        assert "signed deal" in fake.requests[0]["messages"][1]["content"]


def test_wheel_ships_prompts_and_datasets_inside_the_package(tmp_path):
    source = tmp_path / "src"  # a clean copy: no stale build/ from earlier builds
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "runs", "build", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("summarizer-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "summarizer/prompts/default.system.j2" in names
    assert "summarizer/schemas/article.py" in names
    assert "summarizer/evals/datasets/seeds/gold/000_87cd013ac640e35c.json" in names
    tops = {name.split("/")[0] for name in names}
    assert tops <= {
        "summarizer",
        f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info",
    }
    assert "summarizer/stages/run.py" in names  # every subpackage is found, not listed
    # The eval suite's two pytest files ride along (package discovery has no exclude for a
    # mapped folder; docs/decisions.md): never as an importable package.
    assert "summarizer/evals/suite/__init__.py" not in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)
