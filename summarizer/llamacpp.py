"""Request shaping for llama.cpp servers (the embedded runtime).

llama.cpp turns ``response_format: json_schema`` into a grammar that lets the model
pretty-print (newlines and indentation were ~40 % of an answer's tokens, at ~10 tokens/s)
and lets ``evidence`` be any string. This transport replaces it with an llguidance (Lark)
grammar built from the same schema that writes compact JSON and forces every ``evidence``
quote to be a run of whole words of the article (``substring_words``), so quotes are
verbatim by construction. It also adds DRY sampler settings against sentence loops.
The article comes with the transport: :meth:`summarizer.client.Backend.call` builds one
transport per model call, given that call's article.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx2 as httpx

# DRY ("don't repeat yourself") penalises verbatim repetition of earlier token runs; the
# default sequence breakers (newline, colon, quote, asterisk) keep JSON keys unaffected.
SAMPLER_DEFAULTS: dict[str, Any] = {
    "dry_multiplier": 0.8,
    "dry_base": 1.75,
    "dry_allowed_length": 3,
}


EVIDENCE_MAX_CHARS = 100


def _resolve(node: Any, defs: dict[str, Any]) -> Any:
    """Inline every ``$ref`` (schemas here are not recursive)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _resolve(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _resolve(v, defs) for k, v in node.items() if k not in {"$defs", "title"}}
    if isinstance(node, list):
        return [_resolve(v, defs) for v in node]
    return node


def _literal(text: str) -> str:
    return json.dumps(text)


def evidence_alphabet(source: str) -> str:
    """The article as quotes may copy it inside a JSON string: no raw quote, backslash or
    control characters (grounding folds the replacements back onto the original)."""
    cleaned = source.replace('"', "«").replace("\\", " ")
    return "".join(" " if ord(ch) < 32 else ch for ch in cleaned)


def schema_to_lark(schema: dict[str, Any], source: str | None) -> str:
    """An llguidance (Lark) grammar for ``schema`` that writes compact JSON, with every
    ``evidence`` string forced to be a run of whole words of ``source`` (when given).

    Objects keep the schema's key order with every key present (the draft requires them
    all); arrays keep ``maxItems``; every other value is an inline ``%json`` sub-schema.
    """
    defs = schema.get("$defs", {})
    rules: dict[str, str] = {}
    evidence_limits: list[int] = []  # the schema's maxLength of each evidence string

    def value(node: dict[str, Any], key: str | None) -> str:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            target = defs[name]
            if target.get("type") == "object":
                rule = "r_" + re.sub(r"[^a-z0-9]+", "_", name.lower())
                if rule not in rules:
                    rules[rule] = ""  # reserve (no recursion in our schemas)
                    rules[rule] = obj(target)
                return rule
            return "%json " + json.dumps(_resolve(target, defs), ensure_ascii=False)
        if key == "evidence" and source is not None and node.get("type") == "string":
            evidence_limits.append(int(node.get("maxLength", EVIDENCE_MAX_CHARS)))
            return '"\\"" EVIDENCE "\\""'
        if node.get("type") == "object":
            return obj(node)
        if node.get("type") == "array":
            item = value(node["items"], None)
            limit = int(node.get("maxItems", 8))
            more = f' ("," {item}){{0,{limit - 1}}}' if limit > 1 else ""
            least = min(int(node.get("minItems", 0)), limit)
            if least >= 1:  # the first ``least`` items are required
                required = f' ("," {item}){{{least - 1}}}' if least > 1 else ""
                optional = f' ("," {item}){{0,{limit - least}}}' if limit > least else ""
                return f'"[" {item}{required}{optional} "]"'
            return f'"[" ({item}{more})? "]"'
        return "%json " + json.dumps(_resolve(node, defs), ensure_ascii=False)

    def obj(node: dict[str, Any]) -> str:
        parts = []
        for index, (key, prop) in enumerate(node["properties"].items()):
            prefix = "{" if index == 0 else ","
            parts.append(f"{_literal(prefix + json.dumps(key) + ':')} {value(prop, key)}")
        return "(" + " ".join(parts) + ' "}")' if parts else '"{}"'

    start = obj(schema)
    lines = ["%llguidance {}", f"start: {start}"]
    lines += [f"{name}: {body}" for name, body in rules.items()]
    if source is not None:
        alphabet = json.dumps({"substring_words": evidence_alphabet(source)}, ensure_ascii=False)
        limit = min([EVIDENCE_MAX_CHARS, max(evidence_limits, default=EVIDENCE_MAX_CHARS)])
        lines.append(f"EVIDENCE: %regex {alphabet} & /[^\\n]{{3,{limit}}}/")
    return "\n".join(lines) + "\n"


def shape_body(body: dict[str, Any], source: str | None = None) -> dict[str, Any]:
    """Return the request body with a compact grammar (evidence tied to ``source``) in
    place of ``response_format``, plus sampler defaults."""
    shaped = dict(body)
    response_format = shaped.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        schema = (response_format.get("json_schema") or {}).get("schema") or {}
        shaped.pop("response_format")
        shaped["grammar"] = schema_to_lark(schema, source)
    for key, default in SAMPLER_DEFAULTS.items():
        shaped.setdefault(key, default)
    return shaped


class LlamaCppTransport(httpx.BaseTransport):
    """Rewrites chat-completion bodies with :func:`shape_body`, evidence tied to
    ``source`` (the article of the call this transport serves; None: no article), then
    sends them on."""

    def __init__(
        self, inner: httpx.BaseTransport | None = None, *, source: str | None = None
    ) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.source = source

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/chat/completions"):
            body = json.loads(request.read() or b"{}")
            content = json.dumps(shape_body(body, self.source)).encode("utf-8")
            headers = dict(request.headers)
            headers["content-length"] = str(len(content))
            request = httpx.Request(
                request.method,
                request.url,
                headers=headers,
                content=content,
                extensions=request.extensions,
            )
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
