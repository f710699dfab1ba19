"""The emulator's audio fetches (upload, inspo, voices, persona audio) never follow a redirect
off this machine: every hop is checked like the first URL. No real traffic: the far address is
a name that cannot resolve, and the check refuses it before any connection is tried."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from typing import ClassVar

import numpy as np
import pytest
import soundfile

from suno_nb import _http

SR = 22050


def _wav(seconds: float = 1.0) -> bytes:
    buffer = io.BytesIO()
    t = np.arange(int(seconds * SR)) / SR
    soundfile.write(buffer, (0.3 * np.sin(2 * np.pi * 220 * t)).astype("float32"), SR, format="WAV")
    return buffer.getvalue()


class _Redirector(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []
    routes: ClassVar[dict[str, str]] = {
        "/away": "http://far-away.invalid/song.wav",  # off the machine: must be refused
        "/away-by-ip": "http://192.0.2.1/song.wav",  # TEST-NET-1, never routed
        "/near": "/song.wav",  # same server: fine
        "/loop": "/loop",
    }

    def do_GET(self) -> None:
        self.hits.append(self.path)
        target = self.routes.get(self.path)
        if target is not None:
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = _wav()
        self.send_response(200)
        self.send_header("Content-Type", "audio/wav")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def redirector() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Redirector.hits = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/away", "/away-by-ip"])
def test_upload_refuses_a_loopback_url_that_redirects_elsewhere(
    http: _http.Client, redirector: str, path: str
) -> None:
    answer = http.post("/suno/upload", json={"audio_url": f"{redirector}{path}"})
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "redirected to" in message and "cannot be reached" in message
    assert _Redirector.hits == [path]  # the far hop was never fetched


def test_voices_refuse_the_same_way(http: _http.Client, redirector: str) -> None:
    answer = http.post("/suno/voices", json={"audio_url": f"{redirector}/away"})
    assert answer.status_code == 400 and "redirected to" in answer.json()["error"]["message"]


def test_a_redirect_on_the_same_machine_is_followed(http: _http.Client, redirector: str) -> None:
    answer = http.post("/suno/upload", json={"audio_url": f"{redirector}/near"})
    assert answer.status_code == 200, answer.text
    assert _Redirector.hits == ["/near", "/song.wav"]


def test_a_redirect_loop_ends_with_a_clear_refusal(http: _http.Client, redirector: str) -> None:
    answer = http.post("/suno/upload", json={"audio_url": f"{redirector}/loop"})
    assert answer.status_code == 400 and "redirects more than" in answer.json()["error"]["message"]
