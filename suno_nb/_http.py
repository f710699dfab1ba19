"""The only module that imports HTTP libraries: httpx2 (Pydantic's maintained httpx) and aiohttp.

Swapping a library is a change here alone. Sync clients use httpx2. Async clients that talk to
a real network use ``AiohttpSession``, a thin aiohttp session with httpx2's response
surface, when aiohttp is installed (the ``[fast]`` extra): httpx2's own async client (even
over an aiohttp transport) reaches under half of this machine's ceiling at 50 concurrent
requests (see shared/pitfalls.md and ``benchmarks/bench_client.py``). Without aiohttp they use
httpx2's ``AsyncClient``, silently: aiohttp is an accelerator, not a feature. When a transport
is given (the emulator, a test fake), async clients use httpx2 with it, so every fake plugs in
at the same seam.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx

from suno_nb._extras import optional, require

__all__ = [
    "AiohttpSession",
    "AsyncBaseTransport",
    "AsyncClient",
    "BaseTransport",
    "ByteStream",
    "Client",
    "ConnectError",
    "HTTPError",
    "HTTPTransport",
    "MockTransport",
    "Reply",
    "Request",
    "Response",
    "SchemeTransport",
    "TimeoutException",
    "TransportError",
    "UnsupportedProtocol",
    "has_aiohttp",
    "make_async_client",
    "make_sync_client",
]

AsyncBaseTransport = httpx.AsyncBaseTransport
AsyncClient = httpx.AsyncClient
BaseTransport = httpx.BaseTransport
Client = httpx.Client
ConnectError = httpx.ConnectError
HTTPError = httpx.HTTPError
MockTransport = httpx.MockTransport
Request = httpx.Request
Response = httpx.Response
TimeoutException = httpx.TimeoutException
TransportError = httpx.TransportError
HTTPTransport = httpx.HTTPTransport
UnsupportedProtocol = httpx.UnsupportedProtocol
Timeout = httpx.Timeout
ByteStream = httpx.ByteStream
AsyncByteStream = httpx.AsyncByteStream
SyncByteStream = httpx.SyncByteStream
ReadError = httpx.ReadError
RemoteProtocolError = httpx.RemoteProtocolError
ConnectTimeout = httpx.ConnectTimeout


def _timeout(seconds: float) -> httpx.Timeout:
    # Connecting should be quick; reading may wait on a busy service.
    return httpx.Timeout(seconds, connect=min(10.0, seconds))


class SchemeTransport(httpx.BaseTransport):
    """The network transport of sync clients, built on first use, per URL scheme.

    ``http://`` requests (the emulator server, loopback) go through a connection pool without
    any TLS set-up; ``https://`` ones through httpx2's verified ``HTTPTransport``, built the
    first time one is sent. Loading the CA certificates costs tens of milliseconds, which a
    client of the emulator or a loopback URL never needs to pay.
    """

    def __init__(self) -> None:
        self._by_scheme: dict[str, httpx.BaseTransport] = {}

    def _transport(self, scheme: str) -> httpx.BaseTransport:
        transport = self._by_scheme.get(scheme)
        if transport is None:
            transport = httpx.HTTPTransport() if scheme == "https" else _PlainTransport()
            self._by_scheme[scheme] = transport
        return transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._transport(request.url.scheme).handle_request(request)

    def close(self) -> None:
        for transport in self._by_scheme.values():
            transport.close()
        self._by_scheme.clear()

    @property
    def schemes(self) -> list[str]:
        """The schemes used so far (``[]`` before the first request)."""
        return sorted(self._by_scheme)


class _PlainTransport(httpx.HTTPTransport):
    """httpx2's transport for ``http://`` only: its pool holds no SSL context."""

    def __init__(self) -> None:  # no super().__init__: that would build an SSL context
        import httpcore2

        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = httpcore2.ConnectionPool(
            ssl_context=None,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme != "http":
            raise httpx.UnsupportedProtocol(f"{request.url.scheme}:// through a plain transport")
        return super().handle_request(request)


def make_sync_client(
    base_url: str, *, transport: Any = None, timeout: float = 30.0, headers: dict | None = None
) -> httpx.Client:
    """A sync client; ``transport`` is the seam for the emulator and test fakes.

    Without one it talks through a ``SchemeTransport``: no TLS set-up until an
    ``https://`` request is sent.
    """
    return httpx.Client(
        base_url=base_url,
        transport=transport if transport is not None else SchemeTransport(),
        timeout=_timeout(timeout),
        headers=headers,
        follow_redirects=True,
    )


def make_async_client(
    base_url: str, *, transport: Any = None, timeout: float = 30.0, headers: dict | None = None
) -> Any:
    """An aiohttp session for the network (httpx2's client when aiohttp is not installed), or
    an httpx2 client over the given transport."""
    if transport is None and has_aiohttp():
        return AiohttpSession(base_url, timeout=timeout, headers=headers)
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport,
        timeout=_timeout(timeout),
        headers=headers,
        follow_redirects=True,
    )


def has_aiohttp() -> bool:
    """Whether the async network path can use aiohttp (the ``[fast]`` extra is installed).

    The one place that decides; asked when an async client opens its first connection.

    Example:
        >>> isinstance(has_aiohttp(), bool)
        True
    """
    return optional("aiohttp", extra="fast") is not None


class Reply:
    """The part of httpx2's ``Response`` the client reads, for answers that came via aiohttp."""

    __slots__ = ("content", "headers", "status_code")

    def __init__(self, status_code: int, headers: Any, content: bytes) -> None:
        self.status_code = status_code
        self.headers = headers  # case-insensitive (aiohttp's CIMultiDictProxy)
        self.content = content

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


class _StreamReply(Reply):
    __slots__ = ("_raw",)

    def __init__(self, raw: Any) -> None:
        super().__init__(raw.status, raw.headers, b"")
        self._raw = raw

    async def aread(self) -> bytes:
        self.content = await self._raw.read()
        return self.content

    async def aiter_lines(self) -> Any:
        async for line in self._raw.content:
            yield line.decode("utf-8", "replace").rstrip("\r\n")


class AiohttpSession:
    """A lean async HTTP client over aiohttp with httpx2's method and error names.

    aiohttp errors are mapped to httpx2's classes so callers catch one family. A failure to
    connect is ``ConnectError`` (nothing was sent); a connection lost after sending is
    ``ReadError`` (the request may have arrived) — the distinction the client needs to
    decide whether a paid submission is safe to report as unsent.
    """

    def __init__(self, base_url: str, *, timeout: float, headers: dict | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._headers = headers or {}
        self._session: Any = None
        self.is_closed = False

    def _get_session(self) -> Any:
        if self._session is None:
            aiohttp = require("aiohttp", extra="fast", feature="The aiohttp network path")
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100),
                timeout=aiohttp.ClientTimeout(total=self._timeout, connect=min(10, self._timeout)),
                headers=self._headers,
            )
        return self._session

    def _url(self, path: str) -> str:
        return path if "://" in path else f"{self.base_url}{path}"

    @staticmethod
    def _body(json_body: Any) -> bytes | None:
        import json

        return None if json_body is None else json.dumps(json_body).encode()

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Any = None,
        headers: dict | None = None,
    ) -> Reply:
        session = self._get_session()
        try:
            async with session.request(
                method, self._url(path), data=self._body(json), params=params, headers=headers
            ) as raw:
                return Reply(raw.status, raw.headers, await raw.read())
        except Exception as exc:
            raise _map_aiohttp_error(exc) from exc

    def stream(
        self, method: str, path: str, *, json: Any = None, headers: dict | None = None
    ) -> Any:
        import contextlib

        @contextlib.asynccontextmanager
        async def opened() -> Any:
            session = self._get_session()
            try:
                async with session.request(
                    method, self._url(path), data=self._body(json), headers=headers
                ) as raw:
                    yield _StreamReply(raw)
            except TransportError:
                raise
            except Exception as exc:
                mapped = _map_aiohttp_error(exc)
                if mapped is exc:
                    raise
                raise mapped from exc

        return opened()

    async def get(self, url: str) -> Reply:
        return await self.request("GET", url)

    async def aclose(self) -> None:
        self.is_closed = True
        if self._session is not None:
            await self._session.close()


def _map_aiohttp_error(exc: Exception) -> Exception:
    import asyncio

    aiohttp = require("aiohttp", extra="fast", feature="The aiohttp network path")
    if isinstance(exc, aiohttp.ClientConnectorError):
        return ConnectError(f"could not connect: {exc}")
    if isinstance(exc, asyncio.TimeoutError):
        return httpx.ReadTimeout(f"timed out: {exc}")
    if isinstance(exc, aiohttp.ClientError):
        return ReadError(f"{type(exc).__name__}: {exc}")
    return exc
