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
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
)
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..analysis import SCHEMA
from ..errors import AnalysisTimeout, InputError
from ..options import Options, scoped, value_type
from ..pipeline import Pipeline
from ..readers.registry import single_formats, text_formats, upload_types
from ..readers.url import BlockedURL, FetchTimeout
from ..render.outputs import safe_name
from ..version import __version__
from .gate import Busy, Gate
from .http import PAGE_POLICY, SECURITY_HEADERS, ApiError, error_response, limited_body

STATIC = resources.files("unspin") / "server" / "static"
EXTENSION_ORIGINS = r"^(chrome|moz)-extension://[A-Za-z0-9-]+$"


class ArticleFields(BaseModel):
    """One article: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article as plain text or Markdown.")
    html: str | None = Field(None, description="A web page; its main content is analysed.")
    url: str | None = Field(None, description="An http(s) address to fetch (public addresses only).")
    id: str | None = Field(None, max_length=200, description="Document id for the result.")
    format: str = Field("auto", description="How to read `text`: " + ", ".join(("auto", *text_formats())) + ".")

    @field_validator("format")
    @classmethod
    def known_format(cls, value: str) -> str:
        if value not in ("auto", *text_formats()):
            raise ValueError(f"must be one of {', '.join(('auto', *text_formats()))}")
        return value


# The article fields, then each option a request may set per article (the layers), from `Options`.
AnalyzeRequest = create_model(
    "AnalyzeRequest", __base__=ArticleFields, __doc__=ArticleFields.__doc__,
    **{f.name: (value_type(f), Field(f.default, description=f.metadata["help"]))
       for f in scoped("request")})


REQUEST_FIELDS = tuple(AnalyzeRequest.model_fields)


def validation_message(errors: list[dict]) -> str:
    """Which field is wrong and what it takes, from pydantic's errors (without its links)."""
    if not errors:
        return "malformed request"
    first = errors[0]
    field = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    if first.get("type") == "extra_forbidden":
        return f"unknown field `{field}`; the fields are {', '.join(REQUEST_FIELDS)}"
    return f"`{field}`: {first.get('msg', 'not valid').removeprefix('Value error, ')}"


def content_disposition(name: str, suffix: str) -> str:
    """An inline file name that any id can give: ASCII for old clients, UTF-8 (RFC 6266) for the rest."""
    from urllib.parse import quote

    plain = safe_name(name).encode("ascii", "ignore").decode() or "report"
    return f'inline; filename="{plain}{suffix}"; filename*=UTF-8\'\'{quote(safe_name(name) + suffix)}'



class Service:
    """One server process's analyses: the options, a pipeline per set of layers, the worker
    threads and the gate that bounds how many analyses run and wait."""

    def __init__(self, options: Options):
        self.options = options
        self.pipelines: dict[tuple[str, ...], Pipeline] = {}
        self.workers: ThreadPoolExecutor | None = None
        self.gate: Gate | None = None
        self.ready = False

    @asynccontextmanager
    async def lifespan(self, app: FastAPI):
        # Analyses run on `running` threads of their own, always the same ones: the memory the
        # allocator and onnxruntime set aside per thread is reused rather than spread over every
        # thread of a shared pool (the server's RSS kept growing with asyncio's default pool),
        # and an analysis that outlives its timeout holds its thread, not a core beside the
        # next one. Every model is loaded on one of them now, so no request pays for it.
        self.workers = ThreadPoolExecutor(max_workers=self.options.running, thread_name_prefix="unspin-analysis")
        await asyncio.get_running_loop().run_in_executor(self.workers, self.pipeline_for(self.options).load)
        self.gate = Gate(self.options.running, self.options.waiting)  # of this event loop
        self.ready = True
        yield
        self.ready = False
        self.workers.shutdown(wait=False, cancel_futures=True)

    def pipeline_for(self, wanted: Options) -> Pipeline:
        key = wanted.layers()
        if key not in self.pipelines:
            self.pipelines[key] = Pipeline.from_options(wanted)
        return self.pipelines[key]

    async def read_request(self, request: Request) -> tuple[Any, bytes | None, str | None]:
        """The JSON body, or a multipart upload (`file`, plus the same fields as form values)."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await limited_body(request, self.options.max_body)
        if kind == "multipart/form-data":
            return await read_upload(request)
        if kind not in ("application/json", ""):
            raise ApiError(415, "unsupported_type", f"send application/json or multipart/form-data, not {kind}")
        return read_json(body), None, None

    def analyse(self, parsed, upload: bytes | None, filename: str | None, deadline: float):
        from ..readers import from_bytes, from_text, read_url

        wanted = self.options.replace(**{f.name: getattr(parsed, f.name) for f in scoped("request")})
        if upload is not None:
            doc = from_bytes(upload, id=parsed.id or "upload", format=parsed.format, path=filename,
                             options=wanted.replace(max_bytes=self.options.max_body))
        elif parsed.url is not None:
            if not self.options.allow_urls:
                raise ApiError(403, "urls_disabled", "this server does not fetch URLs (start it with --allow-urls); "
                                                     "paste the article or upload the page instead")
            if not parsed.url.startswith(("http://", "https://")):
                raise ApiError(400, "bad_request", "`url` must be an http(s) address")
            doc = read_url(parsed.url, id=parsed.id, options=wanted)
        elif parsed.html is not None:
            doc = from_text(parsed.html, id=parsed.id or "html", format="html", options=wanted)
        else:
            doc = from_text(parsed.text or "", id=parsed.id or "text", format=parsed.format, options=wanted)
        return self.pipeline_for(wanted)(doc, deadline=deadline)

    async def run(self, request: Request):
        """Read a request, analyse it on a worker within the gate and the timeout, or say why not."""
        parsed, upload, filename = await self.read_request(request)
        timeout = self.options.timeout
        try:
            async with self.gate.slot():
                work = functools.partial(_then_release_memory, self.analyse, parsed, upload, filename,
                                         time.monotonic() + timeout)
                return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(self.workers, work), timeout)
        except Busy:
            raise ApiError(503, "busy", f"{self.gate.running} analyses are running and {self.gate.waiting} waiting; "
                                        "try again in a minute") from None
        except (asyncio.TimeoutError, AnalysisTimeout):
            raise ApiError(504, "timeout", f"the analysis took longer than {timeout:g} s") from None
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

    def health(self) -> JSONResponse:
        body = {"status": "ready" if self.ready else "starting", "version": __version__,
                "models": self.pipeline_for(self.options).models() if self.ready else {},
                "load": {"analyses": self.gate.load if self.ready else 0, "running": self.options.running,
                         "waiting": self.options.waiting}}
        return JSONResponse(body, status_code=200 if self.ready else 503)


async def read_upload(request: Request) -> tuple[Any, bytes, str | None]:
    """A multipart upload: the `file`, read as its media type (or `format`) says, and the fields."""
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise ApiError(400, "bad_request", "a multipart request needs a `file` field")
    upload_type = (upload.content_type or "").split(";")[0].strip().lower()
    formats = upload_types()
    if upload_type not in formats:
        names = ", ".join(sorted({name for name in formats.values() if name != "auto"}))
        raise ApiError(415, "unsupported_type", f"{upload_type} uploads are not read; send one of: {names}")
    data = await upload.read()
    fields = {k: v for k, v in form.items() if k != "file" and isinstance(v, str)}
    switches = {f.name: fields[f.name].lower() not in ("0", "false", "no", "off") for f in scoped("request")
                if f.name in fields}
    fmt = fields.get("format") or formats[upload_type]
    if fmt not in ("auto", *single_formats()):
        raise ApiError(400, "bad_request", f"`format`: must be one of {', '.join(('auto', *single_formats()))}")
    try:
        # The upload's format may be a binary one, which the `text` field's model does not take.
        parsed = AnalyzeRequest(text="", id=fields.get("id") or upload.filename, **switches).model_copy(
            update={"format": fmt})
    except ValidationError as error:
        raise ApiError(400, "bad_request", validation_message(error.errors())) from None
    return parsed, data, fields.get("path") or upload.filename


def read_json(body: bytes):
    """A JSON request: one object with exactly one of `text`, `html` or `url`."""
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
    return parsed


def add_limits_and_headers(app: FastAPI, options: Options) -> None:
    """The API key, the declared body size, and the security headers on every response."""

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next):
        declared = request.headers.get("content-length")
        if options.api_key and request.url.path.startswith("/api/") and not _has_key(request, options.api_key):
            response: Response = error_response(401, "unauthorized", "this server needs an API key: send it in the "
                                                                     "X-API-Key header")
        elif declared and declared.isdigit() and int(declared) > options.max_body:
            response = error_response(413, "too_large", f"the request is over the {options.max_body:,}-byte "
                                                        "limit; send a shorter article")
        else:
            response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        response.headers.update(SECURITY_HEADERS)
        return response


def add_error_handlers(app: FastAPI) -> None:
    """Every error as `{"error": {"code", "message"}}`, never a traceback."""

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


def add_api(app: FastAPI, service: Service) -> None:
    """/api/analyze, /api/report, /api/health, /api/techniques, /api/version."""
    request_body = {"application/json": {"schema": AnalyzeRequest.model_json_schema()}}

    @app.post("/api/analyze", summary="Analyse one article", response_description="an unspin/analysis@1 object",
              openapi_extra={"requestBody": {"content": {
                  **request_body,
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary"}, "id": {"type": "string"},
                      "format": {"type": "string"}}}}}, "required": True}})
    async def analyze(request: Request) -> JSONResponse:
        """Body: `{"text": ...}`, `{"html": ...}` or `{"url": ...}` (plus `id`, `format` and a switch per
        layer), or a multipart upload in `file`. Answers the same object as `unspin analyze --format json`."""
        analysis = await service.run(request)
        return JSONResponse(analysis.to_dict())

    @app.post("/api/report", summary="The self-contained HTML report of one article", response_class=HTMLResponse,
              openapi_extra={"requestBody": {"content": request_body, "required": True}})
    async def report(request: Request) -> Response:
        """The same inputs as /api/analyze; answers the report `unspin analyze --format html` writes."""
        from ..render.html import to_html

        analysis = await service.run(request)
        page = to_html(analysis)
        # The report carries its own policy (one nonce'd script); the header must not contradict it.
        return HTMLResponse(page, headers={"Content-Security-Policy": _report_policy(page),
                                           "Content-Disposition": content_disposition(analysis.id, ".html")})

    @app.get("/api/health", summary="Ready or not, and the models loaded")
    async def health() -> JSONResponse:
        return service.health()

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
        return {"version": __version__, "schema": SCHEMA}


def add_pages(app: FastAPI) -> None:
    """The web page, its static files, its icon and the offline API reference."""

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


def create_app(options: Options | None = None) -> FastAPI:
    """The app, with `options` (default: from UNSPIN_* variables, as `unspin serve` sets them)."""
    options = (options or Options.from_env()).replace(guard_urls=True)
    service = Service(options)
    app = FastAPI(title="unspin", version=__version__, lifespan=service.lifespan, docs_url=None, redoc_url=None,
                  description="See how an article persuades, and whom it cites. The analysis is the "
                              f"`{SCHEMA}` JSON object, the same as `unspin analyze --format json`.")
    # The browser extension (extension/) calls the API from its own origin; no web page may.
    app.add_middleware(CORSMiddleware, allow_origin_regex=EXTENSION_ORIGINS, allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type", "X-API-Key"])
    add_limits_and_headers(app, options)
    add_error_handlers(app)
    add_api(app, service)
    add_pages(app)
    if options.label_studio:
        from .label_studio import add_label_studio_backend

        add_label_studio_backend(app, service)
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

