"""The OpenAPI document as clients need it, and the API page at ``/docs``.

FastAPI's generated document is finished here: the ``Problem`` schema that every error
answer (``application/problem+json``) refers to replaces FastAPI's ``HTTPValidationError``
(this service answers a 422 with a problem document too). ``/docs`` is a page made here
from that document, with no script and no external URL (FastAPI's default page loads
Swagger UI from a CDN): see docs/decisions.md.
"""

from __future__ import annotations

import html
import json
from typing import Any

from summarizer.service.problems import PROBLEM_MEDIA_TYPE, ProblemDocument

_FASTAPI_ERRORS = ("HTTPValidationError", "ValidationError")


def finish_openapi(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (FastAPI's document) with the Problem schema, and every error response
    FastAPI described with its own validation-error schema described as a problem
    instead. Idempotent."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = ProblemDocument.model_json_schema()
    problem = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for response in operation.get("responses", {}).values():
                content = json.dumps(response.get("content", {}))
                if any(name in content for name in _FASTAPI_ERRORS):
                    response["content"] = problem
    for name in _FASTAPI_ERRORS:
        components.pop(name, None)
    return schema


def docs_page(schema: dict[str, Any]) -> str:
    """A plain HTML page listing every route of ``schema``: method, path, summary, whether
    it needs the bearer token, and its answers."""
    info = schema.get("info", {})
    rows = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            answers = []
            for status, response in operation.get("responses", {}).items():
                kinds = ", ".join(response.get("content", {})) or "no body"
                answers.append(f"{status} {response.get('description', '')} ({kinds})")
            rows.append(
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td>"
                "<td>{}</td></tr>".format(
                    html.escape(method.upper()),
                    html.escape(path),
                    html.escape(operation.get("summary", "")),
                    "bearer token" if operation.get("security") else "open",
                    "<br>".join(html.escape(a) for a in answers),
                )
            )
    title = html.escape(f"{info.get('title', '')} {info.get('version', '')}")
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{title}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em;"
        "vertical-align:top;text-align:left}</style></head><body>"
        f"<h1>{title}</h1><p>{html.escape(info.get('summary', ''))}</p>"
        '<p>The machine-readable description: <a href="openapi.json">openapi.json</a>. '
        "Errors are problem documents (<code>application/problem+json</code>, schema "
        "<code>Problem</code>).</p><table><tr><th>method</th><th>path</th><th>what</th>"
        f"<th>auth</th><th>answers</th></tr>{''.join(rows)}</table></body></html>"
    )
