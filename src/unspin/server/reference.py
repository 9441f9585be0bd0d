"""The API reference at /docs: one self-contained page made from the OpenAPI description.

Swagger UI and ReDoc load their code from a CDN, which a machine without internet cannot reach
(the page stayed blank); this page needs nothing but the server. The machine-readable
description stays at /openapi.json."""

from __future__ import annotations

from html import escape

STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f4f6;padding:.8rem;overflow:auto}
h2{margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}.method{font-weight:bold;color:#0b7a75}
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:.2rem .6rem;text-align:left;vertical-align:top}"""


def _fields(schema: dict) -> str:
    properties = schema.get("properties", {})
    if not properties:
        return ""
    rows = []
    for name, field in properties.items():
        kind = field.get("type") or " | ".join(a.get("type", "?") for a in field.get("anyOf", []))
        if "enum" in field:
            kind += " (" + ", ".join(map(str, field["enum"])) + ")"
        rows.append(f"<tr><td><code>{escape(name)}</code></td><td>{escape(str(kind))}</td>"
                    f"<td>{escape(str(field.get('description', '')))}</td></tr>")
    return "<table><tr><th>field</th><th>type</th><th>what it is</th></tr>" + "".join(rows) + "</table>"


def reference_page(openapi: dict) -> str:
    info = openapi.get("info", {})
    parts = [f"<h1>{escape(info.get('title', 'API'))} {escape(str(info.get('version', '')))}</h1>",
             f"<p>{escape(info.get('description', ''))}</p>",
             '<p>The machine-readable description: <a href="/openapi.json">/openapi.json</a>. Errors are '
             "<code>{\"error\": {\"code\", \"message\"}}</code>.</p>"]
    for path, operations in openapi.get("paths", {}).items():
        for method, operation in operations.items():
            parts.append(f"<h2><span class=method>{escape(method.upper())}</span> <code>{escape(path)}</code></h2>")
            parts.append(f"<p>{escape(operation.get('summary', ''))}</p>")
            if operation.get("description"):
                parts.append(f"<pre>{escape(operation['description'])}</pre>")
            for media, body in operation.get("requestBody", {}).get("content", {}).items():
                parts.append(f"<p>Request body, <code>{escape(media)}</code>:</p>" + _fields(body.get("schema", {})))
            responses = operation.get("responses", {})
            if responses:
                listed = ", ".join(f"{escape(code)} {escape(r.get('description', ''))}" for code, r in responses.items())
                parts.append(f"<p>Responses: {listed}</p>")
    return ("<!doctype html><html lang=en><head><meta charset=utf-8><title>unspin API reference</title>"
            f"<style>{STYLE}</style></head><body>" + "\n".join(parts) + "</body></html>")


__all__ = ["reference_page"]
