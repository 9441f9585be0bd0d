"""Label Studio's ML backend protocol, so a project connected to `unspin serve --label-studio`
pre-annotates each task as an annotator opens it: `GET /health`, `POST /setup` (the model
version) and `POST /predict` (`{"tasks": [...]}` -> `{"results": [prediction, ...]}`, one per
task, in the shape `unspin labelstudio export` writes). A task's `data.text` is read as plain
text, so every offset indexes the text the annotator sees."""

from __future__ import annotations

import asyncio
import json

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ..labelstudio.tasks import model_version
from ..version import __version__
from .http import ApiError, limited_body


def add_label_studio_backend(app: FastAPI, service) -> None:
    from ..labelstudio.config import TEXT

    def version() -> str:
        """What every prediction of this server says it came from (the same string)."""
        return model_version(service.pipeline_for(service.options).engine())

    @app.get("/health", include_in_schema=False)
    async def health() -> JSONResponse:
        ready = service.ready  # the models are read only once the server is ready
        return JSONResponse({"status": "UP" if ready else "STARTING", "model_class": "unspin",
                             "model_version": version() if ready else f"unspin {__version__}"},
                            status_code=200 if ready else 503)

    @app.post("/setup", include_in_schema=False)
    async def setup(request: Request) -> dict:
        return {"model_version": version()}

    @app.post("/webhook", include_in_schema=False)
    async def webhook(request: Request) -> dict:
        return {}  # training events: unspin retrains from an export (`unspin labelstudio import`)

    @app.post("/predict", include_in_schema=False)
    async def predict(request: Request) -> JSONResponse:
        try:
            payload = json.loads(await limited_body(request, service.options.max_body) or b"null")
        except ValueError:
            raise ApiError(400, "bad_request", "the body is not valid JSON") from None
        tasks = payload.get("tasks") if isinstance(payload, dict) else None
        if not isinstance(tasks, list):
            raise ApiError(400, "bad_request", "the body must be Label Studio's {\"tasks\": [...]}")
        texts = [((t.get("data") or {}).get(TEXT) if isinstance(t, dict) else None) for t in tasks]
        results = await asyncio.get_running_loop().run_in_executor(service.workers, _predict, service, texts)
        return JSONResponse({"results": results, "model_version": version()})


def _predict(service, texts: list) -> list[dict]:
    from ..labelstudio.tasks import prediction
    from ..readers import from_text

    pipeline = service.pipeline_for(service.options)
    out = []
    for k, text in enumerate(texts):
        try:
            analysis = pipeline(from_text(text, id=f"task-{k}", format="text", options=service.options))
            out.append(prediction(analysis))
        except Exception:  # noqa: BLE001  a task that is not an article gets no pre-annotation
            out.append({"result": [], "score": 0.0, "model_version": model_version(pipeline.engine())})
    return out
