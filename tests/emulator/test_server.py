"""The HTTP adapter's socket and limits: answers without Nagle delays, refuses what is too big."""

from __future__ import annotations

import socket

from suno_nb.emulator.server import _bind


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
