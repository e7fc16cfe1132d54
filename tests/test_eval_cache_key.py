"""The eval's response cache is keyed by the library's code, subpackages and data included."""

from __future__ import annotations

import importlib.resources

from evals import runner


def test_a_change_in_a_stage_or_a_language_file_changes_the_code_hash(tmp_path, monkeypatch):
    (tmp_path / "stages").mkdir(parents=True)
    (tmp_path / "languages" / "xx").mkdir(parents=True)
    (tmp_path / "stages" / "step.py").write_text("A = 1\n")
    data = tmp_path / "languages" / "xx" / "words.json"
    data.write_text('{"a": 1}\n')
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    before = runner.code_hash()
    data.write_text('{"a": 2}\n')
    after_data = runner.code_hash()
    (tmp_path / "stages" / "step.py").write_text("A = 2\n")
    assert len({before, after_data, runner.code_hash()}) == 3
