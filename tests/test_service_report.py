"""The batch report (``GET /v1/batches/{id}/report``, the digest page) and the article view
per result (``GET /v1/batches/{id}/results/{index}/view``): bearer token and ownership as
the other batch routes, HTML with its Content-Security-Policy header, hostile text
escaped, every article of the batch listed, unknown batches and positions 404 problems.

The articles are invented; hostile results are written into the job store directly (no
model turn can be scripted to give them)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import httpx2

from summarizer.service.config import token_id
from summarizer.service.jobs import JobStore
from summarizer.views.article import FAILURE_CSP
from summarizer.views.article import PAGE_CSP as ARTICLE_CSP
from summarizer.views.digest import PAGE_CSP as DIGEST_CSP
from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import (
    problem,
    running_app,
    single_call_summarizer,
    sqlite_config,
    wait_until,
)
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)
TOKEN = "report-token-long-enough-1"
OTHER = "report-token-long-enough-2"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
OTHER_AUTH = {"Authorization": f"Bearer {OTHER}"}
ATTACK = "<script>alert(1)</script>"
ATTACK_TEXT = (
    f"Клиника «Полярная {ATTACK}» приняла врачей из Тромсё. "
    "<img src=x onerror=alert(2)> В клинике 75 коек."
)


def _config(tmp_path: Any, **kw: Any) -> Any:
    return sqlite_config(tmp_path, tokens=frozenset({TOKEN, OTHER}), **kw)


def _store(tmp_path: Any) -> JobStore:
    return JobStore(f"sqlite:///{tmp_path / 'jobs.db'}")


def _html(response: httpx2.Response, csp: str) -> str:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert f'content="{csp}"' in response.text  # the page says the same in its meta tag
    return response.text


class Links(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.scripts = 0
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.hrefs += [str(v) for k, v in attrs if tag == "a" and k == "href"]


def test_a_finished_batch_reports_every_article_and_links_their_views(tmp_path):
    with (
        FakeOpenAI([OK]) as fake,
        running_app(_config(tmp_path, workers=1), single_call_summarizer(fake)) as base,
    ):
        articles = [{"text": ARTICLE, "name": f"visit-{i}.txt"} for i in range(3)]
        created = httpx2.post(f"{base}/v1/batches", json={"articles": articles}, headers=AUTH)
        assert created.status_code == 202, created.text
        status_url = created.json()["status_url"]
        wait_until(lambda: httpx2.get(status_url, headers=AUTH).json()["complete"], 30)
        report_url = f"{status_url}/report"
        report = httpx2.get(report_url, headers=AUTH)
        page = _html(report, DIGEST_CSP)
        # every article listed, each headline a relative link to its view
        for i in range(3):
            assert f"visit-{i}.txt" in page
        links = Links(page)
        assert links.hrefs == [f"results/{i}/view" for i in range(3)] and links.scripts == 1
        assert "<b>3</b> articles" in page and DRAFT["headline"] in page
        view_url = str(httpx2.URL(report_url).join(links.hrefs[1]))
        assert view_url == f"{status_url}/results/1/view"
        view = _html(httpx2.get(view_url, headers=AUTH), ARTICLE_CSP)
        assert "visit-1.txt" in view and DRAFT["headline"] in view and "<mark " in view
        # auth as on every batch route: no token 401, another token's batch 404
        for url in (report_url, view_url):
            anonymous = httpx2.get(url)
            assert anonymous.status_code == 401
            assert problem(anonymous)["type"] == "/problems/unauthorized"
            foreign = httpx2.get(url, headers=OTHER_AUTH)
            assert foreign.status_code == 404 and problem(foreign)["type"] == "/problems/not-found"
        # unknown batch, unknown positions: 404 problems; a position that is no number 422
        unknown = "00000000-0000-4000-8000-000000000000"
        for url in (
            f"{base}/v1/batches/{unknown}/report",
            f"{base}/v1/batches/not-a-uuid/report",
            f"{base}/v1/batches/{unknown}/results/0/view",
            f"{status_url}/results/3/view",
            f"{status_url}/results/-1/view",
            f"{status_url}/results/{10**30}/view",
        ):
            missing = httpx2.get(url, headers=AUTH)
            assert missing.status_code == 404, url
            assert problem(missing)["type"] == "/problems/not-found", url
        word = httpx2.get(f"{status_url}/results/first/view", headers=AUTH)
        assert word.status_code == 422 and problem(word)["type"] == "/problems/invalid-request"
        doc = httpx2.get(f"{base}/openapi.json").json()
    for path in ("/v1/batches/{batch_id}/report", "/v1/batches/{batch_id}/results/{index}/view"):
        responses = doc["paths"][path]["get"]["responses"]
        assert list(responses["200"]["content"]) == ["text/html"], path
        assert {"401", "404", "422"} <= set(responses), path
        assert responses["404"]["content"] == {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        }


def _hostile_batch(store: JobStore) -> str:
    """Four articles: two summarized with hostile text, one failed, one left pending."""
    owner = token_id(TOKEN)
    batch_id, _ = store.create_batch(
        owner,
        [
            (f"north-{ATTACK}.txt", ATTACK_TEXT),
            ("second.txt", "Врачи из Тромсё приняли гостей."),
            (f"broken-{ATTACK}.txt", "x"),
            ("waiting.txt", "Врачи ждут."),
        ],
    )
    start = ATTACK_TEXT.index("Клиника")
    quote = ATTACK_TEXT[start : ATTACK_TEXT.index("»") + 1]
    hostile = {
        "language": "ru",
        "headline": f"Clinic {ATTACK} receives doctors",
        "summary": f"A clinic received doctors. {ATTACK}",
        "countries": ["NO", "RU"],
        "organizations": [
            {
                "name": f"Polar {ATTACK} Clinic",
                "kind": "clinic_or_center",
                "evidence": quote,
                "start": start,
                "end": start + len(quote),
                "grounded": True,
                "match": "exact",
            }
        ],
        "people": [{"name": ATTACK, "role": "<b>chief</b>"}],
        "warnings": [ATTACK],
    }
    plain = {"language": "ru", "headline": "Doctors receive guests", "summary": "Guests came."}
    for output in (hostile, plain):
        claim = store.claim("w", 60)
        assert claim is not None and store.complete(claim, output)
    claim = store.claim("w", 60)
    assert claim is not None and store.fail(claim, "InputError", f"refused: {ATTACK}")
    return batch_id


def test_hostile_text_in_results_is_escaped_in_the_report_and_the_views(tmp_path):
    batch_id = _hostile_batch(_store(tmp_path))
    with (
        FakeOpenAI([OK]) as fake,
        running_app(_config(tmp_path, workers=0), single_call_summarizer(fake)) as base,
    ):
        url = f"{base}/v1/batches/{batch_id}"
        report = _html(httpx2.get(f"{url}/report", headers=AUTH), DIGEST_CSP)
        views = [httpx2.get(f"{url}/results/{i}/view", headers=AUTH) for i in range(4)]
    # the report: three finished (one failed) of four, the pending one counted in the title
    assert "3 of 4 articles finished" in report
    assert Links(report).hrefs == ["results/0/view", "results/1/view"]
    assert "second.txt" in report and "broken-&lt;script&gt;" in report
    hostile = _html(views[0], ARTICLE_CSP)
    failed = _html(views[2], FAILURE_CSP)
    assert _html(views[1], ARTICLE_CSP).count("Doctors receive guests") >= 1
    for page in (report, hostile, failed):
        assert ATTACK not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "onerror=alert(2)>" not in page
        assert Links(page).scripts <= 1  # the page's own script only
    assert re.search(r"<mark [^>]*data-kind=\"organizations\"", hostile)
    assert "Polar &lt;script&gt;alert(1)&lt;/script&gt; Clinic" in hostile
    assert "InputError" in failed
    # the pending article has no page yet: a 404 problem saying so, with a retry time
    pending = views[3]
    assert pending.status_code == 404 and pending.headers["retry-after"] == "5"
    body = problem(pending)
    assert body["type"] == "/problems/not-finished" and "pending" in body["detail"]
