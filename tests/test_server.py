"""The REST API and web page of `unspin serve`, through FastAPI's test client (no sockets)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES
from fastapi.testclient import TestClient

from unspin.options import Options
from unspin.server import create_app

STRUCTURE = FIXTURES / "structure"
LIGHT = Options(techniques=False, attribution=False, claims=False)  # structure only: fast and model-free


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(LIGHT.replace(max_body=200_000, running=1, waiting=1, timeout=60))) as c:
        yield c


def test_analyze_json_is_the_clis_json(client):
    path = STRUCTURE / "wire-reuters.txt"
    text = path.read_text(encoding="utf-8")
    response = client.post("/api/analyze", json={"text": text, "id": "wire-reuters", "techniques": False,
                                                 "attribution": False, "claims": False})
    assert response.status_code == 200, response.text
    cli = subprocess.run([sys.executable, "-m", "unspin.cli", "analyze", "-", "--no-techniques", "--no-attribution",
                          "--no-claims"], input=path.read_bytes(), capture_output=True, timeout=300)
    expected = json.loads(cli.stdout)
    got = response.json()
    assert got["id"] == "wire-reuters" and expected["id"] == "stdin"
    got["id"] = expected["id"]
    assert got == expected


def test_upload_html_and_report(client):
    page = (STRUCTURE / "html-news.html").read_bytes()
    response = client.post("/api/analyze", files={"file": ("news.html", page, "text/html")})
    assert response.status_code == 200, response.text
    assert response.json()["source"]["format"] == "html"
    report = client.post("/api/report", json={"html": page.decode("utf-8")})
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "nonce-" in report.headers["content-security-policy"] and "<article>" in report.text


@pytest.mark.parametrize("kwargs, status, code", [
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "bad_request"),
    ({"json": {"text": "a", "html": "b"}}, 400, "bad_request"),
    ({"json": {"txt": "typo"}}, 400, "bad_request"),
    ({"json": {"text": "   "}}, 422, "not_an_article"),
    ({"files": {"file": ("x.pdf", b"%PDF-1.4 ...", "application/pdf")}}, 415, "unsupported_type"),
    ({"files": {"file": ("x.bin", b"\x00\x01\x02" * 300, "application/octet-stream")}}, 422, "not_an_article"),
    ({"content": b"x" * 300_000, "headers": {"Content-Type": "application/json"}}, 413, "too_large"),
    ({"content": b"text=hi", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 415, "unsupported_type"),
    ({"json": {"url": "http://127.0.0.1:1/internal"}}, 403, "urls_disabled"),
])
def test_errors_are_json_with_the_right_status(client, kwargs, status, code):
    response = client.post("/api/analyze", **kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert "Traceback" not in response.text


def test_urls_when_allowed_are_guarded_and_api_key_is_enforced():
    with TestClient(create_app(LIGHT.replace(allow_urls=True, api_key="s3cret"))) as client:
        assert client.post("/api/analyze", json={"text": "Title\n\nBody."}).status_code == 401
        headers = {"X-API-Key": "s3cret"}
        internal = client.post("/api/analyze", json={"url": "http://127.0.0.1:1/x"}, headers=headers)
        assert internal.status_code == 400 and internal.json()["error"]["code"] == "blocked_url"
        scheme = client.post("/api/analyze", json={"url": "file:///etc/passwd"}, headers=headers)
        assert scheme.status_code == 400
        assert client.post("/api/analyze", json={"text": "Title\n\nBody text."}, headers=headers).status_code == 200
        assert client.get("/").status_code == 200  # the page itself needs no key


def test_health_version_docs_and_page(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ready" and health["version"]
    assert client.get("/api/version").json()["schema"] == "unspin/analysis@1"
    assert "/api/analyze" in client.get("/openapi.json").json()["paths"]
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/nowhere").json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("body, names", [
    ({"text": 5}, "`text`"),
    ({"txt": "typo"}, "unknown field `txt`"),
    ({"text": "Council votes", "format": "bogus"}, "`format`"),
])
def test_validation_errors_name_the_field_and_link_nowhere(client, body, names):
    response = client.post("/api/analyze", json=body)
    message = response.json()["error"]["message"]
    assert response.status_code == 400 and names in message and "http" not in message


def test_hostile_requests_get_clear_answers_with_the_security_headers(client):
    # How deep json's decoder goes before a RecursionError differs between Python versions (3.13
    # parses 3,000 levels); 100,000 levels are refused by every one, 3,000 with a 400 either way.
    deep = client.post("/api/analyze", content=b"[" * 100_000 + b"]" * 100_000,
                       headers={"Content-Type": "application/json"})
    assert deep.status_code == 400 and "nested" in deep.json()["error"]["message"]
    shallower = client.post("/api/analyze", content=b"[" * 3000 + b"]" * 3000,
                            headers={"Content-Type": "application/json"})
    assert shallower.status_code == 400 and shallower.json()["error"]["code"] == "bad_request"
    assert deep.headers["x-content-type-options"] == "nosniff" and deep.headers["x-frame-options"] == "DENY"
    empty_page = client.post("/api/analyze", json={"html": "<html>...</html>"})
    assert empty_page.status_code == 422 and empty_page.json()["error"]["code"] == "not_an_article"
    report = client.post("/api/report", json={"text": "Council votes\n\nThe council voted 7-2 to close the library.",
                                              "id": "名前/ä"})
    assert report.status_code == 200 and "filename*=UTF-8''" in report.headers["content-disposition"]
    report.headers["content-disposition"].encode("latin-1")  # a header must be Latin-1


def test_head_favicon_and_an_api_reference_that_works_offline(client):
    assert client.head("/").status_code == 200
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/analyze" in docs.text
    assert "cdn" not in docs.text.lower() and "<script" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_busy_beyond_the_waiting_line():
    import asyncio

    from unspin.server.gate import Busy, Gate

    async def scenario():
        gate = Gate(running=1, waiting=1)
        release = asyncio.Event()
        results = []

        async def hold():
            async with gate.slot():
                await release.wait()
                results.append("done")

        first, second = asyncio.create_task(hold()), asyncio.create_task(hold())
        await asyncio.sleep(0.01)
        with pytest.raises(Busy):
            async with gate.slot():
                pass
        release.set()
        await asyncio.gather(first, second)
        return results

    assert asyncio.run(scenario()) == ["done", "done"]


def test_an_analysis_past_its_timeout_is_a_504():
    long_text = "Title\n\n" + "A sentence of the body, with a clause or two in it. " * 1800  # < 100,000 characters
    with TestClient(create_app(LIGHT.replace(running=1, waiting=5, timeout=0.001))) as client:
        response = client.post("/api/analyze", json={"text": long_text})
        assert response.status_code == 504 and response.json()["error"]["code"] == "timeout"
    # The control: the same article with time to spare is analysed (however slow the machine: on a
    # loaded 2-core one, 60 s were not enough for its 94,000 characters).
    with TestClient(create_app(LIGHT.replace(running=1, waiting=5, timeout=1800))) as client:
        assert client.post("/api/analyze", json={"text": long_text}).status_code == 200


def test_urls_that_cannot_be_fetched_are_502_and_504(monkeypatch):
    """A site that answers 404 and one that is too slow, played by a server on 127.0.0.1 with the
    address check let through for this test only: no traffic leaves the machine."""
    import http.server
    import threading
    import time

    from unspin.readers import url as url_reader

    class Site(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/slow":
                time.sleep(2)  # the client has given up by now: nothing to answer
                return
            self.send_response(404)
            self.end_headers()
            self.wfile.write(b"gone")

        def log_message(self, *args):
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{site.server_address[1]}"
    monkeypatch.setattr(url_reader, "blocked_reason", lambda address: None)
    try:
        options = Options(techniques=False, attribution=False, claims=False, fetch_timeout=0.5)
        with TestClient(create_app(options.replace(allow_urls=True))) as client:
            missing = client.post("/api/analyze", json={"url": f"{base}/missing"})
            assert missing.status_code == 502 and missing.json()["error"]["code"] == "fetch_failed"
            assert "404" in missing.json()["error"]["message"]
            slow = client.post("/api/analyze", json={"url": f"{base}/slow"})
            assert slow.status_code == 504 and slow.json()["error"]["code"] == "fetch_timeout"
    finally:
        site.shutdown()


def test_a_chunked_body_is_refused_once_it_passes_the_limit(client):
    def chunks():
        for _ in range(100):
            yield b"x" * 10_000  # 1 MB in all, against a 200 kB limit, with no Content-Length

    response = client.post("/api/analyze", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_a_body_that_stalls_or_a_client_that_leaves_gets_a_clear_end(monkeypatch):
    import asyncio

    from starlette.requests import Request

    from unspin.server import http as server_app

    monkeypatch.setattr(server_app, "BODY_TIMEOUT", 0.05)

    async def stalls():
        await asyncio.sleep(1)
        return {"type": "http.request", "body": b"x", "more_body": True}

    async def leaves():
        return {"type": "http.disconnect"}

    for receive, status in ((stalls, 408), (leaves, 400)):
        request = Request({"type": "http", "method": "POST", "headers": []}, receive)
        with pytest.raises(server_app.ApiError) as raised:
            asyncio.run(server_app.limited_body(request, 1000))
        assert raised.value.status == status


def test_a_client_that_never_finishes_its_headers_is_let_go():
    """A slow client (one byte at a time, or nothing at all) holds no connection for ever; a
    client that sends its request in time is answered as usual on the same kind of connection."""
    import socket
    import threading
    import time

    import uvicorn

    from unspin.server.connections import HeaderDeadline

    class Quick(HeaderDeadline):
        header_timeout = 0.5

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(LIGHT), host="127.0.0.1", port=port, log_level="warning", http=Quick))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 60
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as slow:
            started = time.monotonic()
            for byte in b"GET /api/version HTTP/1.1\r\nHost: x\r\n":  # never the blank line that ends the headers
                try:
                    slow.send(bytes([byte]))
                except OSError:
                    break
                time.sleep(0.05)
            slow.settimeout(5)
            try:
                closed = slow.recv(100) == b""
            except ConnectionResetError:
                closed = True
            assert closed and time.monotonic() - started < 4
        with socket.create_connection(("127.0.0.1", port), timeout=5) as quick:
            quick.sendall(b"GET /api/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert quick.recv(100).startswith(b"HTTP/1.1 200")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
