"""The only module that imports the HTTP library (httpx2, Pydantic's maintained httpx).

Swapping the library is a change here alone. Sync clients use httpx2's own transport; async
clients use an aiohttp-backed transport, the one that keeps up at 50 concurrent requests
(see shared/pitfalls.md), unless a transport (the emulator, a test fake) is given.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx

__all__ = [
    "AsyncBaseTransport",
    "AsyncClient",
    "BaseTransport",
    "ByteStream",
    "Client",
    "ConnectError",
    "HTTPError",
    "MockTransport",
    "Request",
    "Response",
    "TimeoutException",
    "TransportError",
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


def make_sync_client(
    base_url: str, *, transport: Any = None, timeout: float = 30.0, headers: dict | None = None
) -> httpx.Client:
    """A sync client; ``transport`` is the seam for the emulator and test fakes."""
    return httpx.Client(
        base_url=base_url,
        transport=transport,
        timeout=_timeout(timeout),
        headers=headers,
        follow_redirects=True,
    )


def make_async_client(
    base_url: str, *, transport: Any = None, timeout: float = 30.0, headers: dict | None = None
) -> httpx.AsyncClient:
    """An async client over aiohttp (fast under concurrency) unless a transport is given."""
    if transport is None:
        from httpx_aiohttp.httpx2 import AiohttpTransport

        transport = AiohttpTransport(
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=50)
        )
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport,
        timeout=_timeout(timeout),
        headers=headers,
        follow_redirects=True,
    )
