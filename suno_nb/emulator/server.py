"""The HTTP adapter: a Starlette app over the emulator core, served by uvicorn on 127.0.0.1,
either in a background daemon thread (:func:`start`) or in the foreground (:func:`serve`).
"""

from __future__ import annotations

import atexit
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from suno_nb._extras import require
from suno_nb.emulator.guards import ApiRefusal
from suno_nb.emulator.service import Emulator, EmulatorResponse

__all__ = ["create_app", "serve", "start", "stop"]

log = logging.getLogger("suno_nb.emulator")
_METHODS = ["GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"]
MAX_HEADER_BYTES = 16 * 1024  # the request line plus headers; more is refused by h11 (400)
_SERVER = "The emulator's HTTP server"


class _TooLarge(Exception):
    """The body is (or would be) bigger than the emulator's ``max_body``."""


class _DroppedConnection(Exception):
    """Raised inside a response body so uvicorn closes the socket mid-answer (a fault)."""


class _QuietDrops(logging.Filter):
    # Injected drops are not errors of the emulator: keep them out of the server log.
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        while exc is not None:
            if isinstance(exc, _DroppedConnection):
                return False
            exc = exc.__cause__ or exc.__context__
        return True


def _dropping() -> Iterator[bytes]:
    raise _DroppedConnection("fault injection: connection dropped")
    yield b""  # pragma: no cover - makes this a generator


async def _capped_body(request: Any, limit: int) -> bytes:
    """The body, refused before it is read when Content-Length is too big, and while it
    streams in when no length is declared (chunked): memory never holds more than ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise _TooLarge(int(declared))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge(size)
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(emulator: Emulator) -> Any:
    """A Starlette app answering every path through ``emulator.handle``."""
    require("starlette", extra="server", feature=_SERVER)
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import Response, StreamingResponse
    from starlette.routing import Route

    limit = emulator.settings.max_body

    def refuse(status: int, message: str) -> Response:
        refusal = ApiRefusal(status, "bad_request", message, {"connection": "close"})
        answer = Emulator.refusal_response(refusal)
        return Response(answer.body_bytes(), answer.status, answer.headers, answer.media_type)

    async def endpoint(request: Request) -> Response:
        # h11 bounds what it buffers while headers arrive; headers that came in one read can
        # be larger, so the limit is also checked here, on what was parsed.
        header_bytes = sum(len(k) + len(v) + 4 for k, v in request.scope["headers"])
        if header_bytes > MAX_HEADER_BYTES:
            return refuse(
                431,
                f"Request headers too large: {header_bytes} bytes; the limit is "
                f"{MAX_HEADER_BYTES} bytes.",
            )
        try:
            body = await _capped_body(request, limit)
        except _TooLarge as too_large:
            return refuse(
                413,
                f"Request body too large: at least {too_large.args[0]} bytes; the limit is "
                f"{limit} bytes.",
            )
        # The core may sleep (blocking mode, slow faults) or render: keep the loop free.
        answer: EmulatorResponse = await run_in_threadpool(
            emulator.handle,
            request.method,
            request.url.path,
            dict(request.query_params),
            dict(request.headers),
            body,
        )
        if answer.drop:
            return StreamingResponse(_dropping(), media_type="application/json")
        if answer.lines is not None:
            # A sync iterator: Starlette steps it in a worker thread, one line per chunk.
            lines = (line.encode() for line in answer.lines)
            return StreamingResponse(lines, answer.status, answer.headers, answer.media_type)
        return Response(answer.body_bytes(), answer.status, answer.headers, answer.media_type)

    app = Starlette(routes=[Route("/{path:path}", endpoint, methods=_METHODS)])
    app.state.emulator = emulator
    return app


@dataclass
class _Running:
    url: str
    server: Any
    thread: threading.Thread
    emulator: Emulator


_lock = threading.Lock()
_running: dict[str, _Running] = {}


def _bind(port: int | None, host: str = "127.0.0.1") -> socket.socket:
    # Named as TCP so asyncio sets TCP_NODELAY on accepted connections: without it each
    # keep-alive answer waits ~40 ms for the client's delayed ACK (Nagle; issue 16).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port or 0))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _uvicorn_server(app: Any) -> Any:
    uvicorn = require("uvicorn", extra="server", feature=_SERVER)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
        # h11, named, so the header limit below holds whichever HTTP parsers are installed.
        http="h11",
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
    return uvicorn.Server(config)


def start(
    port: int | None = None,
    token: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    profile: Any = "quick",
    faults: Any = None,
    **settings: Any,
) -> str:
    """Serve in a daemon thread on 127.0.0.1 and return the base URL (idempotent per settings)."""
    key = repr((port, token, str(data_dir), profile, faults, sorted(settings.items())))
    with _lock:
        running = _running.get(key)
        if running is not None and running.thread.is_alive():
            return running.url
        emulator = Emulator(
            token=token, data_dir=data_dir, profile=profile, faults=faults, **settings
        )
        sock = _bind(port)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = _uvicorn_server(create_app(emulator))
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="suno-emulator", daemon=True
        )
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not server.started:
            raise RuntimeError(f"the emulator server did not start on {url}")
        if not _running:
            atexit.register(stop)
        _running[key] = _Running(url, server, thread, emulator)
        return url


def stop() -> None:
    """Stop every server :func:`start` began, and close their emulators."""
    with _lock:
        items = list(_running.values())
        _running.clear()
    for running in items:
        running.server.should_exit = True
    for running in items:
        running.thread.join(5)
        running.emulator.close()


def serve(
    port: int = 8787,
    token: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    profile: Any = "quick",
    faults: Any = None,
    host: str = "127.0.0.1",
    **settings: Any,
) -> None:
    """Serve in the foreground until Ctrl-C (the ``suno-nb emulator`` command)."""
    emulator = Emulator(token=token, data_dir=data_dir, profile=profile, faults=faults, **settings)
    sock = _bind(port, host)
    url = f"http://{host}:{sock.getsockname()[1]}"
    print(
        f"suno_nb emulator on {url} (profile {emulator.settings.profile.name}, "
        f"{'token required' if token else 'no token'}, data in {emulator.data_dir})\n"
        f"Use it with: Client(base_url={url!r}{', token=...' if token else ''})",
        flush=True,
    )
    server = _uvicorn_server(create_app(emulator))
    try:
        server.run(sockets=[sock])
    finally:
        emulator.close()
