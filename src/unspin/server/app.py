"""The web app and REST API: a thin shell over the same pipeline as the CLI.

Models load once per process, at start-up; each analysis runs in a worker thread so the event
loop never blocks; a `Gate` bounds how many run and wait; URLs are fetched with the guard on
(no loopback, private or reserved addresses, on any redirect). Every error is JSON
`{"error": {"code", "message"}}` with a fitting status, never a traceback.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from .. import __version__
from ..errors import AnalysisTimeout, InputError
from ..options import Options
from ..pipeline import Pipeline
from ..readers.url import BlockedURL, FetchTimeout
from ..render.outputs import safe_name
from .gate import Busy, Gate

STATIC = resources.files("unspin") / "server" / "static"
# The page's own files only: no inline script or style, nothing from elsewhere, no framing.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
UPLOAD_TYPES = {"text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown", "text/html": "html",
                "application/xhtml+xml": "html", "application/octet-stream": "auto", "": "auto"}


@dataclass(frozen=True)
class ServerSettings:
    """Limits of one server process; each comes from a flag or an UNSPIN_SERVE_* variable."""

    max_body: int = 5_000_000
    running: int = 2
    waiting: int = 100
    timeout: float = 120.0
    allow_urls: bool = False  # fetching URLs makes the server a client of any address: off unless asked
    api_key: str | None = None  # when set, /api/* needs it in the X-API-Key header (or Bearer)

    @classmethod
    def from_env(cls) -> "ServerSettings":
        env = os.environ
        return cls(int(env.get("UNSPIN_SERVE_MAX_BODY", cls.max_body)), int(env.get("UNSPIN_SERVE_RUNNING", cls.running)),
                   int(env.get("UNSPIN_SERVE_WAITING", cls.waiting)), float(env.get("UNSPIN_SERVE_TIMEOUT", cls.timeout)),
                   env.get("UNSPIN_SERVE_ALLOW_URLS", "").lower() in ("1", "true", "yes", "on"),
                   env.get("UNSPIN_API_KEY") or None)


class AnalyzeRequest(BaseModel):
    """One article: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article as plain text or Markdown.")
    html: str | None = Field(None, description="A web page; its main content is analysed.")
    url: str | None = Field(None, description="An http(s) address to fetch (public addresses only).")
    id: str | None = Field(None, max_length=200, description="Document id for the result.")
    format: Literal["auto", "text", "markdown", "html"] = Field("auto", description="How to read `text`.")
    techniques: bool = True
    attribution: bool = True
    claims: bool = True


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
REQUEST_FIELDS = tuple(AnalyzeRequest.model_fields)


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """Every error, 500s included (they never pass the middleware), with the security headers."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers={"Content-Security-Policy": PAGE_POLICY, **SECURITY_HEADERS})


def validation_message(errors: list[dict]) -> str:
    """Which field is wrong and what it takes, from pydantic's errors (without its links)."""
    if not errors:
        return "malformed request"
    first = errors[0]
    field = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    if first.get("type") == "extra_forbidden":
        return f"unknown field `{field}`; the fields are {', '.join(REQUEST_FIELDS)}"
    return f"`{field}`: {first.get('msg', 'not valid')}"


BODY_TIMEOUT = 30.0  # seconds between two chunks of a request body


async def limited_body(request: Request, limit: int) -> bytes:
    """The request body, read chunk by chunk and refused as soon as it passes `limit`: a chunked
    body has no Content-Length for the middleware to check, and must not be read whole first.
    The body is kept on the request, so that its form parser reads it from there."""
    body = bytearray()
    chunks = request.stream().__aiter__()
    while True:
        try:
            # A client that stops sending mid-body must not hold the connection for ever.
            chunk = await asyncio.wait_for(chunks.__anext__(), BODY_TIMEOUT)
        except StopAsyncIteration:
            break
        except asyncio.TimeoutError:
            raise ApiError(408, "timeout", f"the request body did not arrive within {BODY_TIMEOUT:g} s") from None
        except ClientDisconnect:
            raise ApiError(400, "disconnected", "the client went away before sending the whole body") from None
        body.extend(chunk)
        if len(body) > limit:
            raise ApiError(413, "too_large", f"the request is over the {limit:,}-byte limit; send a shorter article")
    request._body = bytes(body)  # starlette's Request.stream() yields a cached _body
    return request._body


def content_disposition(name: str, suffix: str) -> str:
    """An inline file name that any id can give: ASCII for old clients, UTF-8 (RFC 6266) for the rest."""
    from urllib.parse import quote

    plain = safe_name(name).encode("ascii", "ignore").decode() or "report"
    return f'inline; filename="{plain}{suffix}"; filename*=UTF-8\'\'{quote(safe_name(name) + suffix)}'



def create_app(options: Options | None = None, settings: ServerSettings | None = None) -> FastAPI:
    options = (options or Options.from_env()).replace(guard_urls=True)
    settings = settings or ServerSettings.from_env()
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Analyses run on `running` threads of their own, always the same ones: the memory the
        # allocator and onnxruntime set aside per thread is reused rather than spread over every
        # thread of a shared pool (the server's RSS kept growing with asyncio's default pool),
        # and an analysis that outlives its timeout holds its thread, not a core beside the
        # next one. Every model is loaded on one of them now, so no request pays for it.
        state["pipelines"] = {}
        workers = ThreadPoolExecutor(max_workers=settings.running, thread_name_prefix="unspin-analysis")
        state["workers"] = workers
        await asyncio.get_running_loop().run_in_executor(workers, pipeline_for(options).load)
        state["gate"] = Gate(settings.running, settings.waiting)
        state["ready"] = True
        yield
        state["ready"] = False
        workers.shutdown(wait=False, cancel_futures=True)

    def pipeline_for(wanted: Options) -> Pipeline:
        key = wanted.layers()
        if key not in state["pipelines"]:
            state["pipelines"][key] = Pipeline.from_options(wanted)
        return state["pipelines"][key]

    app = FastAPI(title="unspin", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="See how an article persuades, and whom it cites. The analysis is the "
                              "`unspin/analysis@1` JSON object, the same as `unspin analyze --format json`.")

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next):
        declared = request.headers.get("content-length")
        if settings.api_key and request.url.path.startswith("/api/") and not _has_key(request, settings.api_key):
            response: Response = error_response(401, "unauthorized", "this server needs an API key: send it in the "
                                                                     "X-API-Key header")
        elif declared and declared.isdigit() and int(declared) > settings.max_body:
            response: Response = error_response(413, "too_large", f"the request is over the {settings.max_body:,}-byte "
                                                                  "limit; send a shorter article")
        else:
            response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError):
        return error_response(error.status, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError):
        return error_response(400, "bad_request", validation_message(error.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        codes = {404: "not_found", 405: "method_not_allowed"}
        return error_response(error.status_code, codes.get(error.status_code, "http_error"), str(error.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception):
        return error_response(500, "internal", "the analysis failed unexpectedly; the server log has the details")

    async def read_request(request: Request) -> tuple[AnalyzeRequest, bytes | None, str | None]:
        """The JSON body, or a multipart upload (`file`, plus the same fields as form values)."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await limited_body(request, settings.max_body)
        if kind == "multipart/form-data":
            form = await request.form()
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise ApiError(400, "bad_request", "a multipart request needs a `file` field")
            upload_type = (upload.content_type or "").split(";")[0].strip().lower()
            if upload_type not in UPLOAD_TYPES:
                raise ApiError(415, "unsupported_type", f"{upload_type} uploads are not read; send text, Markdown or HTML")
            data = await upload.read()
            fields = {k: v for k, v in form.items() if k != "file" and isinstance(v, str)}
            flags = {k: fields[k].lower() not in ("0", "false", "no", "off") for k in ("techniques", "attribution", "claims")
                     if k in fields}
            fmt = fields.get("format") or UPLOAD_TYPES[upload_type]
            try:
                parsed = AnalyzeRequest(text="", id=fields.get("id") or upload.filename, format=fmt, **flags)
            except ValidationError as error:
                raise ApiError(400, "bad_request", validation_message(error.errors())) from None
            return parsed, data, fields.get("path") or upload.filename
        if kind not in ("application/json", ""):
            raise ApiError(415, "unsupported_type", f"send application/json or multipart/form-data, not {kind}")
        try:
            payload = json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "bad_request", "the body is not valid JSON") from None
        except RecursionError:
            raise ApiError(400, "bad_request", "the body's JSON is nested too deeply") from None
        if not isinstance(payload, dict):
            raise ApiError(400, "bad_request", "the body must be a JSON object with `text`, `html` or `url`")
        try:
            parsed = AnalyzeRequest(**payload)
        except ValidationError as error:
            raise ApiError(400, "bad_request", validation_message(error.errors())) from None
        given = [k for k in ("text", "html", "url") if getattr(parsed, k) is not None]
        if len(given) != 1:
            raise ApiError(400, "bad_request", "give exactly one of `text`, `html` or `url`")
        return parsed, None, None

    def analyse(parsed: AnalyzeRequest, upload: bytes | None, filename: str | None, deadline: float):
        from ..readers import from_bytes, from_text, read_url

        wanted = options.replace(techniques=parsed.techniques, attribution=parsed.attribution, claims=parsed.claims)
        if upload is not None:
            doc = from_bytes(upload, id=parsed.id or "upload", format=parsed.format, path=filename,
                             max_bytes=settings.max_body, max_chars=wanted.max_chars)
        elif parsed.url is not None:
            if not settings.allow_urls:
                raise ApiError(403, "urls_disabled", "this server does not fetch URLs (start it with --allow-urls); "
                                                     "paste the article or upload the page instead")
            if not parsed.url.startswith(("http://", "https://")):
                raise ApiError(400, "bad_request", "`url` must be an http(s) address")
            doc = read_url(parsed.url, id=parsed.id, options=wanted)
        elif parsed.html is not None:
            doc = from_text(parsed.html, id=parsed.id or "html", format="html", max_chars=wanted.max_chars)
        else:
            doc = from_text(parsed.text or "", id=parsed.id or "text", format=parsed.format, max_chars=wanted.max_chars)
        return pipeline_for(wanted)(doc, deadline=deadline)

    async def run(request: Request):
        parsed, upload, filename = await read_request(request)
        gate: Gate = state["gate"]
        try:
            async with gate.slot():
                work = functools.partial(_then_release_memory, analyse, parsed, upload, filename,
                                         time.monotonic() + settings.timeout)
                return await asyncio.wait_for(
                    asyncio.get_running_loop().run_in_executor(state["workers"], work), settings.timeout)
        except Busy:
            raise ApiError(503, "busy", f"{gate.running} analyses are running and {gate.waiting} waiting; "
                                        "try again in a minute") from None
        except (asyncio.TimeoutError, AnalysisTimeout):
            raise ApiError(504, "timeout", f"the analysis took longer than {settings.timeout:g} s") from None
        except BlockedURL as error:
            raise ApiError(400, "blocked_url", str(error)) from None
        except FetchTimeout as error:
            raise ApiError(504, "fetch_timeout", str(error)) from None
        except InputError as error:
            message = str(error)
            if parsed.url is not None and upload is None:
                raise ApiError(502, "fetch_failed", message) from None
            status, code = (413, "too_large") if "limit" in message else (422, "not_an_article")
            raise ApiError(status, code, message) from None

    @app.post("/api/analyze", summary="Analyse one article", response_description="an unspin/analysis@1 object",
              openapi_extra={"requestBody": {"content": {
                  "application/json": {"schema": AnalyzeRequest.model_json_schema()},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary"}, "id": {"type": "string"},
                      "format": {"type": "string"}}}}}, "required": True}})
    async def analyze(request: Request) -> JSONResponse:
        """Body: `{"text": ...}`, `{"html": ...}` or `{"url": ...}` (plus `id`, `format` and a switch per
        layer), or a multipart upload in `file`. Answers the same object as `unspin analyze --format json`."""
        analysis = await run(request)
        return JSONResponse(analysis.to_dict())

    @app.post("/api/report", summary="The self-contained HTML report of one article", response_class=HTMLResponse,
              openapi_extra={"requestBody": {"content": {"application/json": {
                  "schema": AnalyzeRequest.model_json_schema()}}, "required": True}})
    async def report(request: Request) -> Response:
        """The same inputs as /api/analyze; answers the report `unspin analyze --format html` writes."""
        from ..render.html import to_html

        analysis = await run(request)
        page = to_html(analysis)
        # The report carries its own policy (one nonce'd script); the header must not contradict it.
        return HTMLResponse(page, headers={"Content-Security-Policy": _report_policy(page),
                                           "Content-Disposition": content_disposition(analysis.id, ".html")})

    @app.get("/api/health", summary="Ready or not, and the models loaded")
    async def health() -> JSONResponse:
        ready = bool(state.get("ready"))
        body = {"status": "ready" if ready else "starting", "version": __version__,
                "models": pipeline_for(options).models() if ready else {},
                "load": {"analyses": state["gate"].load if ready else 0, "running": settings.running,
                         "waiting": settings.waiting}}
        return JSONResponse(body, status_code=200 if ready else 503)

    @app.get("/api/techniques", summary="The technique labels: display names, definitions, colours")
    async def techniques() -> dict:
        from ..analyzers.techniques.labels import (
            DEFINITIONS,
            DISPLAY_NAMES,
            TECHNIQUE_COLOURS,
            TECHNIQUE_LABELS,
        )

        return {label: {"name": DISPLAY_NAMES[label], "definition": DEFINITIONS[label], "colour": colour}
                for label, colour in zip(TECHNIQUE_LABELS, TECHNIQUE_COLOURS)}

    @app.get("/api/version", summary="unspin's version and the JSON schema it answers")
    async def version() -> dict:
        return {"version": __version__, "schema": "unspin/analysis@1"}

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> FileResponse:
        return FileResponse(str(STATIC / "favicon.svg"), media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    async def docs() -> HTMLResponse:
        """The API reference as one page made here from the OpenAPI description: Swagger UI
        would load its code from a CDN, which an offline machine cannot reach."""
        from .reference import reference_page

        return HTMLResponse(reference_page(app.openapi()), headers={
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"})

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> FileResponse:
        files = {"app.js": "text/javascript", "app.css": "text/css", "favicon.svg": "image/svg+xml"}
        if name not in files:
            raise ApiError(404, "not_found", f"/static/{name} does not exist")
        return FileResponse(str(STATIC / name), media_type=files[name])

    return app


def _has_key(request: Request, key: str) -> bool:
    import hmac

    given = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), key.encode())


def _malloc_trim():
    """glibc's malloc_trim, or None on other C libraries. It is looked up among the symbols the
    process already has (ctypes.util.find_library would run ldconfig at every import)."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # TypeError: platforms where CDLL(None) is refused
        return None


_trim = _malloc_trim()


def _then_release_memory(function, *args):
    """Run `function`, then hand the heap memory it freed back to the system (glibc keeps it
    otherwise, and a long-running server's RSS creeps up with the largest articles it has seen;
    about 2 ms after an analysis of 400 ms)."""
    try:
        return function(*args)
    finally:
        if _trim is not None:
            _trim(0)


def _report_policy(page: str) -> str:
    marker = "script-src 'nonce-"
    start = page.index(marker) + len(marker)
    nonce = page[start : page.index("'", start)]
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'self'")

