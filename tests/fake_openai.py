"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, for transport-fault tests."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def completion(content: str, *, finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


_TURNS = {"NamingDraft", "ClassifyDraft", "SummaryDraft", "LeadDraft"}


def _article_words(request: dict[str, Any]) -> str:
    """The first words of the article in a request (a quote the pipeline can locate)."""
    for message in request.get("messages", []):
        content = str(message.get("content", ""))
        if "<article>" in content:
            article = content.split("<article>", 1)[1].split("</article>", 1)[0]
            return " ".join(article.split()[:3])
    return ""


def adapt_to_turn(body: Any, request: dict[str, Any]) -> Any:
    """A scripted single-call answer (an ``ArticleDraft`` JSON) reshaped into the answer of
    the staged pipeline's turn that ``request`` asks for, so one script serves both."""
    schema = (request.get("response_format") or {}).get("json_schema") or {}
    turn = schema.get("name") or (schema.get("schema") or {}).get("title")
    if turn not in _TURNS or not isinstance(body, dict) or "choices" not in body:
        return body
    try:
        draft = json.loads(body["choices"][0]["message"]["content"])
    except (KeyError, IndexError, TypeError, ValueError):
        return body
    if not isinstance(draft, dict):
        return body
    quote = _article_words(request)
    if turn == "NamingDraft":
        answer: dict[str, Any] = {"organizations": [], "roles": []}
    elif turn == "ClassifyDraft":
        answer = {
            "event_types": [{"evidence": quote, "type": t} for t in draft.get("event_types", [])]
            or [{"evidence": quote, "type": "other"}],
            "medical_fields": [
                {"evidence": quote, "field": f} for f in draft.get("medical_fields", [])
            ]
            or [{"evidence": quote, "field": "other"}],
        }
    else:
        summary = str(draft.get("summary", ""))
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", summary) if s.strip()]
        answer = {"headline": draft.get("headline", ""), "summary": sentences}
    adapted = json.loads(json.dumps(body))
    adapted["choices"][0]["message"]["content"] = json.dumps(answer)
    return adapted


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # load tests open many connections at once


class FakeOpenAI:
    """Serves ``script`` in order: each step is (status, body, headers, delay_seconds).
    The last step repeats. Every request body is kept in ``requests``."""

    def __init__(self, script: list[tuple[int, Any, dict[str, str], float]]) -> None:
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                try:
                    fake.requests.append(json.loads(raw))
                except ValueError:
                    fake.requests.append({"raw": raw.decode("utf-8", "replace")})
                index = min(len(fake.requests) - 1, len(fake.script) - 1)
                status, body, headers, delay = fake.script[index]
                if status == 200:
                    body = adapt_to_turn(body, fake.requests[-1])
                if delay:
                    time.sleep(delay)
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
