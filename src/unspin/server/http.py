"""What every route of the server shares: its errors as JSON, its security headers, and reading
a request body within its limits."""

from __future__ import annotations

import asyncio

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

# The page's own files only: no inline script or style, nothing from elsewhere, no framing.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """Every error, 500s included (they never pass the middleware), with the security headers."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers={"Content-Security-Policy": PAGE_POLICY, **SECURITY_HEADERS})


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
