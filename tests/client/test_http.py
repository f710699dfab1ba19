"""Client() builds no TLS set-up for the emulator or http:// URLs (issue 16.6)."""

from __future__ import annotations

import http.server
import threading

import pytest

from suno_nb import _http
from suno_nb.client import Client


def _no_ssl(*args, **kwargs):
    raise AssertionError("an SSL context was built")


@pytest.fixture
def forbid_ssl(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpcore2._ssl
    import httpx2._config

    monkeypatch.setattr(httpx2._config, "create_ssl_context", _no_ssl)
    monkeypatch.setattr(httpcore2._ssl, "default_ssl_context", _no_ssl)
    monkeypatch.setattr("httpx2._transports.default.create_ssl_context", _no_ssl)


@pytest.fixture
def loopback_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"file bytes"
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_loopback_client_talks_http_without_any_ssl_context(forbid_ssl, loopback_server) -> None:
    client = Client(base_url=loopback_server, catalogue=False)
    assert client._http._transport.schemes == []
    assert client.download(f"{loopback_server}/a.mp3") == b"file bytes"
    assert client._download_http._transport.schemes == ["http"]
    client.close()


def test_emulator_and_https_clients_build_no_ssl_context(forbid_ssl, monkeypatch) -> None:
    monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
    monkeypatch.delenv("ACEDATACLOUD_API_BASE_URL", raising=False)
    assert Client(catalogue=False).service == "emulator"
    https = Client(base_url="https://api.test", token="sk-x", catalogue=False)
    assert https._http._transport.schemes == []  # built on the first https request only


def test_https_requests_get_a_verified_transport() -> None:
    transport = _http.SchemeTransport()
    assert isinstance(transport._transport("https"), _http.HTTPTransport)
    assert transport._transport("https")._pool._ssl_context is not None
    plain = transport._transport("http")
    assert plain._pool._ssl_context is None
    with pytest.raises(_http.UnsupportedProtocol):
        plain.handle_request(_http.Request("GET", "https://example.invalid/"))
    transport.close()
