"""Fetch an article over HTTP(S) with an overall deadline, a size cap and a content-type check.

Redirects are followed by hand, at most `MAX_REDIRECTS`, so that each hop is checked like the
first. With `guard=True` (what a server must use) a URL whose host resolves to a loopback,
private, link-local, multicast or reserved address is refused, on the first request and on
every redirect; the connection then goes to the address that was checked, so a DNS answer
that changes between the check and the request cannot slip through. Credentials in a URL
(`http://user:pw@host`) are never kept in the document's `source.url`.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..errors import InputError

if TYPE_CHECKING:
    import httpx

ACCEPTED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
USER_AGENT = "unspin (+https://github.com/unspin)"
MAX_REDIRECTS = 5


class BlockedURL(InputError):
    """The URL points at an address a guarded fetch must not reach."""


class FetchTimeout(InputError):
    """The whole fetch took longer than its deadline."""


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def without_credentials(url: str) -> str:
    """The URL with any `user:password@` removed."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def blocked_reason(address: str) -> str | None:
    """Why a guarded fetch must not connect to this IP address, or None when it may. An IPv6
    address that carries an IPv4 one (mapped, 6to4, Teredo, NAT64) is judged by that IPv4
    address alone; anything not globally routable (shared address space 100.64.0.0/10 among
    others) is refused."""
    ip = ipaddress.ip_address(address)
    candidates = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None,
                    ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None]
        # The IPv4 address is where a connection ends up. The IPv6 wrapper alone says nothing:
        # newer Pythons (3.12.3 on one machine here, 3.13) count all of 2002::/16 (6to4) and
        # 2001::/23 as private, older ones do not.
        candidates = [e for e in embedded if e is not None] or candidates
    for candidate in candidates:
        # Most specific first: the link-local and reserved ranges count as private too.
        for test, reason in ((candidate.is_unspecified, "unspecified"), (candidate.is_loopback, "loopback"),
                             (candidate.is_link_local, "link-local"), (candidate.is_multicast, "multicast"),
                             (candidate.is_reserved, "reserved"), (candidate.is_private, "private"),
                             (not candidate.is_global, "non-public")):
            if test:
                return reason
    return None


def check_url(url: str) -> None:
    """Refuse, with an `InputError` that says so, a URL that cannot be fetched as written: not
    http(s), no host, a malformed address or port, a host name that is not valid IDNA."""
    shown = without_credentials(url) if _splits(url) else url
    if not is_url(url):
        raise InputError(f"{shown}: only http:// and https:// URLs are fetched")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
        host = parts.hostname
        if not host:
            raise ValueError("no host")
        if not _is_ip(host):
            host.encode("idna")
    except (ValueError, UnicodeError) as error:
        raise InputError(f"{shown[:200]}: not a valid URL ({error}); check the address") from None


def _splits(url: str) -> bool:
    try:
        urlsplit(url).port  # noqa: B018
        return True
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def resolve_public(url: str, deadline: float) -> str:
    """The first address of the URL's host, after checking every address it resolves to."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise InputError(f"{without_credentials(url)}: no host in the URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if time.monotonic() > deadline:
        raise FetchTimeout(f"{without_credentials(url)}: timed out")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise InputError(f"{without_credentials(url)}: the host {host!r} was not found; check the address") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        reason = blocked_reason(address)
        if reason:
            raise BlockedURL(f"{without_credentials(url)}: {host} resolves to a {reason} address ({address}); "
                             "this server only fetches public web pages")
    return addresses[0]


def fetch(url: str, *, max_bytes: int, timeout: float = 20.0, guard: bool = False) -> tuple[bytes, str, str]:
    """Return (body, format, final url without credentials); raise InputError with advice on any
    failure. `timeout` bounds the whole fetch, redirects and a slow trickle of bytes included."""
    import httpx  # here, not at the top: every `unspin` process and server start would pay for it

    check_url(url)
    shown = without_credentials(url)
    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(follow_redirects=False, headers={"User-Agent": USER_AGENT},
                          timeout=httpx.Timeout(min(timeout, 10.0))) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                parts = urlsplit(current)
                if parts.scheme not in ("http", "https"):
                    raise BlockedURL(f"{shown}: redirected to a {parts.scheme or 'relative'} URL; only http(s) is fetched")
                if current != url:
                    try:
                        check_url(current)
                    except InputError:
                        raise InputError(f"{shown}: redirected to a malformed URL; check the address") from None
                request = client.build_request("GET", current)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise FetchTimeout(f"{shown}: timed out after {timeout:g} s")
                request.extensions["timeout"] = httpx.Timeout(min(remaining, 10.0)).as_dict()
                if guard:
                    request = _pinned(request, resolve_public(current, deadline))
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputError(f"{shown}: a redirect without a Location; check the address")
                        current = urljoin(current, location)
                        continue
                    return _read_body(response, shown, current, max_bytes, deadline)
                finally:
                    response.close()
            raise InputError(f"{shown}: more than {MAX_REDIRECTS} redirects; check the address")
    except httpx.TimeoutException:
        raise FetchTimeout(f"{shown}: timed out after {timeout:g} s; try again or save the page and analyse the file") from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError) as error:
        raise InputError(f"{shown}: could not fetch it ({type(error).__name__}); check the address and your connection") from None


def _pinned(request: httpx.Request, address: str) -> httpx.Request:
    """The same request sent to the checked address, keeping the Host header (and the TLS server
    name) of the URL."""
    host = request.url.host
    target = address if ":" not in address else f"[{address}]"
    request.url = request.url.copy_with(host=target)
    request.headers["Host"] = host if request.url.port is None else f"{host}:{request.url.port}"
    request.extensions["sni_hostname"] = host
    return request


def _read_body(response: httpx.Response, shown: str, final: str, max_bytes: int, deadline: float) -> tuple[bytes, str, str]:
    if response.status_code >= 400:
        raise InputError(f"{shown}: the server answered HTTP {response.status_code}; check the address")
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = ACCEPTED_TYPES.get(media_type)
    if fmt is None:
        raise InputError(f"{shown}: content type {media_type or 'unknown'!r} is not an article (HTML, text or Markdown); "
                         "download and convert it first")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{shown}: {int(declared):,} bytes is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise InputError(f"{shown}: more than {max_bytes:,} bytes; raise the limit with --max-bytes")
        if time.monotonic() > deadline:
            raise FetchTimeout(f"{shown}: the page did not finish arriving in time; save it and analyse the file")
    return bytes(body), fmt, without_credentials(final)
