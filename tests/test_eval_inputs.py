"""Bad eval input files (predictions.jsonl, gold files, gold sources) are one InputError
line, raised before any model call; through the CLI: exit 2, one line, no traceback.

Every article, gold label and name here is invented for these tests.
"""

import json
import os

import pytest

from summarizer import Summarizer
from summarizer.errors import InputError
from summarizer.evals.cache import ResponseCache
from summarizer.evals.dataset import load_dataset
from summarizer.evals.runner import read_run, run_eval, score_run
from summarizer.evals.scoring import empty_prediction
from tests.fake_openai import FakeOpenAI, completion
from tests.test_cli import fake_env, run_cli
from tests.test_transport import DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)

ARTICLES = {
    "inv-001": "The town council of Brindlemoor opened a new clinic for children on Monday. "
    "Mayor Odile Ferrant said the clinic would employ twelve nurses. "
    "The building was paid for by the regional budget.",
    "inv-002": "A ferry between Quillport and Marsh Ende resumed service after repairs. "
    "Captain Ruben Aldaine said the crossing takes forty minutes. "
    "Tickets cost the same as last year.",
    "inv-003": "Volunteers planted four hundred trees along the Tessel river. "
    "Organizer Mira Kellow thanked the local school for its help. "
    "More planting is planned for the autumn.",
}


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    from summarizer import transport

    monkeypatch.setattr(transport.RetryingTransport, "_wait", lambda self, state: 0.01)


def gold_for(article_id: str) -> dict:
    expected = empty_prediction()
    expected.update(language="en", headline="Something happened", summary="It happened.")
    return {
        "id": article_id,
        "source": f"articles/{article_id}.txt",
        "expected": expected,
        "aliases": {"people": {"Odile Ferrant": ["O. Ferrant"]}, "organizations": {}},
        "key_facts": ["a thing opened", "someone spoke", "it was paid for"],
        "notes": "invented for a test",
    }


def make_dataset(root):
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    for article_id, text in ARTICLES.items():
        (root / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")
        write_gold(root, gold_for(article_id))
    return root


def write_gold(root, gold, name=None):
    (root / "gold" / f"{name or gold['id']}.json").write_text(json.dumps(gold), encoding="utf-8")


def make_run(tmp_path):
    """A finished run of the invented dataset (three records) against a fake endpoint."""
    dataset = make_dataset(tmp_path / "set")
    with FakeOpenAI([OK]) as fake:
        summarizer = Summarizer(
            "fake",
            base_url=fake.base_url,
            api_key="k",
            pipeline="single_call",
            transport_retries=0,
        )
        run_dir = run_eval(
            dataset, summarizer, runs_dir=tmp_path / "runs", cache=ResponseCache(tmp_path / "c")
        )
    return dataset, run_dir


def lines_of(run_dir):
    return (run_dir / "predictions.jsonl").read_text(encoding="utf-8").splitlines()


def write_lines(run_dir, lines):
    (run_dir / "predictions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def assert_one_line_error(result, *needles):
    err = result.stderr.decode()
    assert result.returncode == 2, (result.returncode, err, result.stdout.decode())
    assert "Traceback" not in err and "Traceback" not in result.stdout.decode()
    assert len(err.strip().splitlines()) == 1, err
    for needle in needles:
        assert needle in err, (needle, err)


def cli_eval(tmp_path, fake, *args):
    env = {**fake_env(fake), "SUMMARIZER_CACHE_DIR": str(tmp_path / "cli-cache")}
    return run_cli("eval", *args, env=env)


# --- predictions.jsonl ---------------------------------------------------------------


def test_a_duplicated_prediction_id_names_file_line_and_id(tmp_path):
    _, run_dir = make_run(tmp_path)
    lines = lines_of(run_dir)
    write_lines(run_dir, [*lines, lines[1]])  # the same record again, as line 4
    with pytest.raises(InputError, match=r"predictions\.jsonl: line 4: .*'inv-002'"):
        read_run(run_dir)
    with pytest.raises(InputError, match="duplicate"):
        score_run(run_dir)
    # a different record under an id that is already there is refused just the same
    changed = json.loads(lines[0])
    changed["extraction"]["output"] = None
    write_lines(run_dir, [*lines, json.dumps(changed)])
    with pytest.raises(InputError, match=r"line 4: .*'inv-001'"):
        read_run(run_dir)


def test_eval_score_and_compare_refuse_a_duplicated_prediction_id(tmp_path):
    _, run_dir = make_run(tmp_path)
    _, other = make_run(tmp_path / "b")
    lines = lines_of(run_dir)
    write_lines(run_dir, [lines[0], lines[0], *lines[1:]])
    with FakeOpenAI([OK]) as fake:
        score = cli_eval(tmp_path, fake, "score", str(run_dir))
        compare = cli_eval(tmp_path, fake, "compare", str(other), str(run_dir))
        assert fake.requests == []
    assert_one_line_error(score, "predictions.jsonl", "line 2", "inv-001")
    assert_one_line_error(compare, "predictions.jsonl", "line 2", "inv-001")


def test_eval_run_resume_refuses_a_duplicated_id_before_any_model_call(tmp_path):
    dataset, run_dir = make_run(tmp_path)
    lines = lines_of(run_dir)
    write_lines(run_dir, [lines[0], lines[2], lines[2]])  # inv-002 missing, inv-003 twice
    with FakeOpenAI([OK]) as fake:
        result = cli_eval(
            tmp_path,
            fake,
            "run",
            "--dataset",
            str(dataset),
            "--pipeline",
            "single_call",
            "--runs-dir",
            str(tmp_path / "runs"),
            "--resume",
            str(run_dir),
        )
        assert fake.requests == []
    assert_one_line_error(result, "line 3", "inv-003")


BAD_RECORDS = {
    "not JSON": (lambda r: "{this is not json", "not valid JSON"),
    "not an object": (lambda r: [r], "not a JSON object"),
    "no id": (lambda r: {k: v for k, v in r.items() if k != "id"}, "'id'"),
    "id a list": (lambda r: {**r, "id": [r["id"]]}, "'id'"),
    "no extraction": (lambda r: {k: v for k, v in r.items() if k != "extraction"}, "extraction"),
    "gold a string": (lambda r: {**r, "gold": "gold"}, "'gold'"),
    "output a string": (
        lambda r: {**r, "extraction": {**r["extraction"], "output": "text"}},
        "output",
    ),
    "an id not in the run": (lambda r: {**r, "id": "inv-999"}, "inv-999"),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_malformed_prediction_line_is_one_line_with_file_and_line(tmp_path, case):
    _, run_dir = make_run(tmp_path)
    lines = lines_of(run_dir)
    make_bad, needle = BAD_RECORDS[case]
    bad = make_bad(json.loads(lines[1]))
    lines[1] = bad if isinstance(bad, str) else json.dumps(bad)
    write_lines(run_dir, lines)
    with pytest.raises(InputError, match=r"predictions\.jsonl: line 2") as caught:
        read_run(run_dir)
    assert needle in str(caught.value)
    with FakeOpenAI([OK]) as fake:
        result = cli_eval(tmp_path, fake, "score", str(run_dir))
    assert_one_line_error(result, "line 2", needle)


def test_eval_compare_names_an_unreadable_scores_file(tmp_path):
    _, run_dir = make_run(tmp_path)
    _, other = make_run(tmp_path / "b")
    (run_dir / "scores.json").write_text("{not json", encoding="utf-8")
    with FakeOpenAI([OK]) as fake:
        result = cli_eval(tmp_path, fake, "compare", str(other), str(run_dir))
    assert_one_line_error(result, "scores.json")


# --- gold files ------------------------------------------------------------------------


BAD_GOLD = {
    "aliases a string": ("aliases", "Odile Ferrant"),
    "aliases values a string": ("aliases", {"people": {"Odile Ferrant": "O. Ferrant"}}),
    "aliases values not strings": ("aliases", {"people": {"Odile Ferrant": [1, 2]}}),
    "aliases field a list": ("aliases", {"people": ["Odile Ferrant"]}),
    "aliases unknown field": ("aliases", {"persons": {}}),
    "id a list": ("id", ["inv-001"]),
    "id empty": ("id", ""),
    "key_facts not strings": ("key_facts", [1, 2, 3]),
    "source a number": ("source", 7),
    "notes a list": ("notes", ["a note"]),
}


@pytest.mark.parametrize("case", sorted(BAD_GOLD))
def test_a_gold_file_with_a_wrong_type_is_named_with_its_key(tmp_path, case):
    dataset = make_dataset(tmp_path / "set")
    key, value = BAD_GOLD[case]
    write_gold(dataset, {**gold_for("inv-001"), key: value}, name="inv-001")
    with pytest.raises(InputError, match=rf"inv-001\.json: .*{key}"):
        load_dataset(dataset)


def test_two_gold_files_with_one_id_are_refused(tmp_path):
    dataset = make_dataset(tmp_path / "set")
    write_gold(dataset, gold_for("inv-002"), name="inv-002-copy")
    with pytest.raises(
        InputError, match=r"inv-002.*inv-002-copy\.json|inv-002-copy\.json.*inv-002"
    ):
        load_dataset(dataset)


def test_eval_run_and_score_refuse_bad_gold_before_any_model_call(tmp_path):
    dataset, run_dir = make_run(tmp_path)
    write_gold(dataset, {**gold_for("inv-003"), "aliases": "Mira Kellow"})
    with FakeOpenAI([OK]) as fake:
        run = cli_eval(
            tmp_path,
            fake,
            "run",
            "--dataset",
            str(dataset),
            "--pipeline",
            "single_call",
            "--no-cache",
            "--runs-dir",
            str(tmp_path / "runs2"),
        )
        score = cli_eval(tmp_path, fake, "score", str(run_dir), "--dataset", str(dataset))
        assert fake.requests == []
    assert_one_line_error(run, "inv-003.json", "aliases")
    assert_one_line_error(score, "inv-003.json", "aliases")


def test_a_saved_gold_with_a_wrong_type_in_a_run_is_one_line(tmp_path):
    _, run_dir = make_run(tmp_path)
    lines = lines_of(run_dir)
    record = json.loads(lines[2])
    record["gold"]["aliases"] = {"people": {"Mira Kellow": "M. Kellow"}}
    lines[2] = json.dumps(record)
    write_lines(run_dir, lines)
    with pytest.raises(InputError, match=r"predictions\.jsonl: line 3: .*aliases"):
        score_run(run_dir)


# --- gold sources ----------------------------------------------------------------------


@pytest.mark.parametrize("where", ["relative", "absolute", "symlink"])
def test_a_gold_source_outside_the_dataset_is_refused_and_never_read(tmp_path, where):
    dataset = make_dataset(tmp_path / "set")
    # a detour that stays inside the dataset is fine
    write_gold(dataset, {**gold_for("inv-002"), "source": "articles/../articles/inv-002.txt"})
    assert [s.id for s in load_dataset(dataset)] == ["inv-001", "inv-002", "inv-003"]
    secret = tmp_path / "secret.txt"
    secret.write_text("A private note that no eval may read.", encoding="utf-8")
    if where == "relative":
        source = "articles/../../secret.txt"
    elif where == "absolute":
        source = str(secret)
    else:
        os.symlink(secret, dataset / "articles" / "link.txt")
        source = "articles/link.txt"
    write_gold(dataset, {**gold_for("inv-002"), "source": source})
    with pytest.raises(InputError, match=r"inv-002\.json: source .* outside"):
        load_dataset(dataset)
    with FakeOpenAI([OK]) as fake:
        result = cli_eval(
            tmp_path,
            fake,
            "run",
            "--dataset",
            str(dataset),
            "--pipeline",
            "single_call",
            "--runs-dir",
            str(tmp_path / "runs"),
        )
        assert fake.requests == []
    assert_one_line_error(result, "outside")
    assert "private note" not in result.stdout.decode() + result.stderr.decode()
