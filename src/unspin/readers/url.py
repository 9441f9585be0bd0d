"""Fetch an article over HTTP(S) with a timeout, a size cap and a content-type check."""

from __future__ import annotations

import httpx

from ..errors import InputError

ACCEPTED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
USER_AGENT = "unspin (+https://github.com/unspin)"


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch(url: str, *, max_bytes: int, timeout: float = 15.0, guard: bool = False) -> tuple[bytes, str, str]:
    """Return (body, format, final url); raise InputError with advice on any failure."""
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"{url}: the server answered HTTP {response.status_code}; check the address")
                media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                fmt = ACCEPTED_TYPES.get(media_type)
                if fmt is None:
                    raise InputError(
                        f"{url}: content type {media_type or 'unknown'!r} is not an article (HTML, text or Markdown); "
                        "download and convert it first"
                    )
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise InputError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise InputError(f"{url}: more than {max_bytes:,} bytes; raise the limit with --max-bytes")
                return bytes(body), fmt, str(response.url)
    except httpx.TimeoutException:
        raise InputError(f"{url}: timed out after {timeout:g} s; try again or save the page and analyse the file") from None
    except httpx.HTTPError as error:
        raise InputError(f"{url}: could not fetch it ({type(error).__name__}: {error}); check the address and your connection") from None
