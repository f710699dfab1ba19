"""The HTTP adapter's socket and limits: answers without Nagle delays, refuses what is too big."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from suno_nb import _http
from suno_nb.emulator.server import MAX_HEADER_BYTES, _bind


def test_bound_socket_is_tcp_so_accepted_connections_get_nodelay() -> None:
    # asyncio sets TCP_NODELAY on an accepted socket only when its proto is IPPROTO_TCP;
    # a socket made as (AF_INET, SOCK_STREAM) has proto 0 and every answer waits ~40 ms.
    listener = _bind(None)
    try:
        with socket.create_connection(listener.getsockname(), timeout=5):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.proto == socket.IPPROTO_TCP
                assert listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        listener.close()


@pytest.fixture
def served(tmp_path) -> Iterator[str]:
    from suno_nb.emulator import server

    url = server.start(data_dir=tmp_path / "emu", profile="instant")
    yield url
    server.stop()


def _raw_exchange(url: str, head: bytes, body: bytes = b"") -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as conn:
        conn.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = conn.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def test_a_declared_oversized_body_is_refused_before_it_is_read(served: str) -> None:
    # 20 MB announced, 10 bytes sent: an answer at all proves the server did not wait to read
    # (and hold) the body; the recv would time out otherwise.
    head = (
        b"POST /suno/audios HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 20000000\r\n\r\n"
    )
    answer = _raw_exchange(served, head, b'{"prompt":')
    assert answer.startswith(b"HTTP/1.1 413")


def test_a_streamed_body_is_cut_off_at_the_limit(served: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"prompt": "'
        for _ in range(40):  # 2.5 MB without a Content-Length (chunked), limit 1 MB
            yield b"a" * 65536
        yield b'"}'

    with _http.Client(base_url=served, timeout=10) as client:
        answer = client.post("/suno/audios", content=chunks())
        assert answer.status_code == 413 and "too large" in answer.json()["error"]["message"]
        ok = client.post("/suno/audios", json={"prompt": "still serving", "async": True})
        assert ok.status_code == 200


@pytest.mark.parametrize("size", [MAX_HEADER_BYTES * 4, 2_000_000])
def test_oversized_headers_are_refused(served: str, size: int) -> None:
    # 64 KB may arrive in one read (refused by the app, 431); 2 MB cannot, and h11 stops
    # buffering at the limit (400) instead of holding it all.
    head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n"
    try:
        answer = _raw_exchange(served, head)
    except (ConnectionResetError, BrokenPipeError):
        answer = b"HTTP/1.1 400 closed while sending"
    assert answer.split(b" ", 2)[1] in (b"400", b"431")
    with _http.Client(base_url=served, timeout=10) as client:
        assert client.get("/", headers={"x-small": "a" * 1000}).status_code == 200
