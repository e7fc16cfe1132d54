"""Request shaping for llama.cpp servers (the embedded runtime).

llama.cpp turns ``response_format: json_schema`` into a grammar that lets the model
pretty-print (newlines and indentation are ~40 % of a JSON answer's tokens, at ~10
tokens/s). Sending the same schema as an llguidance grammar with
``x-guidance: {whitespace_flexible: false}`` forces compact JSON instead: same
constraints, fewer tokens. This transport rewrites the request body accordingly and adds
sampler settings (DRY) that stop a small model from repeating one sentence.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2 as httpx

COMPACT_JSON = {"whitespace_flexible": False, "item_separator": ",", "key_separator": ":"}
# DRY ("don't repeat yourself") penalises verbatim repetition of earlier token runs; the
# default sequence breakers (newline, colon, quote, asterisk) keep JSON keys unaffected.
SAMPLER_DEFAULTS: dict[str, Any] = {"dry_multiplier": 0.8, "dry_base": 1.75,
                                    "dry_allowed_length": 3}


def shape_body(body: dict[str, Any]) -> dict[str, Any]:
    """Return the request body with a compact llguidance grammar and sampler defaults."""
    shaped = dict(body)
    response_format = shaped.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        schema = dict((response_format.get("json_schema") or {}).get("schema") or {})
        schema["x-guidance"] = COMPACT_JSON
        shaped.pop("response_format")
        shaped["grammar"] = "%llguidance {}\nstart: %json " + json.dumps(schema)
    for key, value in SAMPLER_DEFAULTS.items():
        shaped.setdefault(key, value)
    return shaped


class LlamaCppTransport(httpx.BaseTransport):
    """Rewrites chat-completion bodies with :func:`shape_body`, then sends them on."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/chat/completions"):
            body = json.loads(request.read() or b"{}")
            content = json.dumps(shape_body(body)).encode("utf-8")
            headers = dict(request.headers)
            headers["content-length"] = str(len(content))
            request = httpx.Request(
                request.method, request.url, headers=headers, content=content,
                extensions=request.extensions,
            )
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
