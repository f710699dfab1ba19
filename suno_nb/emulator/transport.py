"""The in-process adapter: an httpx2 transport (sync and async) that calls the emulator core
directly, with no sockets. NDJSON answers stream line by line as the task advances.

httpx's ASGITransport buffers whole responses, so this adapter does not go through ASGI.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

from suno_nb import _http
from suno_nb.emulator.service import Emulator, EmulatorResponse

__all__ = ["InProcessTransport"]


class _LineStream(_http.SyncByteStream):
    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines

    def __iter__(self) -> Iterator[bytes]:
        for line in self._lines:
            yield line.encode()

    def close(self) -> None:
        close = getattr(self._lines, "close", None)
        if close is not None:
            close()


class _AsyncLineStream(_http.AsyncByteStream):
    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines

    async def __aiter__(self) -> AsyncIterator[bytes]:
        # The core sleeps between snapshots: step it in a worker thread, not on the event loop.
        while (line := await asyncio.to_thread(next, self._lines, None)) is not None:
            yield line.encode()

    async def aclose(self) -> None:
        close = getattr(self._lines, "close", None)
        if close is not None:
            await asyncio.to_thread(close)


class InProcessTransport(_http.BaseTransport, _http.AsyncBaseTransport):
    """Hands every request of an httpx2 client to an :class:`Emulator`.

    Example:
        >>> from suno_nb import _http
        >>> http = _http.Client(transport=InProcessTransport(Emulator(profile="instant")),
        ...                     base_url="http://suno-emulator.invalid")
        >>> http.post("/suno/tasks", json={"action": "retrieve", "id": "nope"}).json()
        {}
    """

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    def _call(self, request: _http.Request, body: bytes) -> EmulatorResponse:
        query = dict(request.url.params.multi_items())
        return self.emulator.handle(
            request.method, request.url.path, query, dict(request.headers), body
        )

    @staticmethod
    def _response(
        answer: EmulatorResponse,
        stream: _http.SyncByteStream | None = None,
        astream: _http.AsyncByteStream | None = None,
    ) -> _http.Response:
        if answer.drop:
            raise _http.RemoteProtocolError("Server disconnected without sending a response.")
        headers = {"content-type": answer.media_type, **answer.headers}
        if answer.lines is not None:
            return _http.Response(answer.status, headers=headers, stream=stream or astream)
        return _http.Response(answer.status, headers=headers, content=answer.body_bytes())

    def handle_request(self, request: _http.Request) -> _http.Response:
        answer = self._call(request, request.read())
        stream = _LineStream(answer.lines) if answer.lines is not None else None
        return self._response(answer, stream=stream)

    async def handle_async_request(self, request: _http.Request) -> _http.Response:
        body = await request.aread()
        # The core may block (blocking mode, slow faults, rendering): keep the loop free.
        answer = await asyncio.to_thread(self._call, request, body)
        astream = _AsyncLineStream(answer.lines) if answer.lines is not None else None
        return self._response(answer, astream=astream)

    def close(self) -> None:
        pass

    async def aclose(self) -> None:
        pass
