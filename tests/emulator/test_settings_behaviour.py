"""Auth, credits, rate limit, faults, callbacks, restart and socket streaming, on both adapters."""

from __future__ import annotations

import http.server
import json
import threading
import time
from typing import ClassVar

import pytest

from suno_nb import _http
from suno_nb.client import Client
from suno_nb.emulator import Emulator, inprocess_transport, start
from suno_nb.errors import ServerError
from tests.emulator.conftest import BASE, SHORT
from tests.emulator.contract import api_for

ADAPTERS = ["inprocess", "server"]


@pytest.mark.parametrize("kind", ADAPTERS)
def test_token_required_when_started_with_one(kind, tmp_path) -> None:
    with api_for(kind, tmp_path, token="s3cret") as api:
        assert api.post("/suno/tasks", {"action": "retrieve", "id": "x"}).status_code == 200
        missing = api.http.post("/suno/tasks", json={"id": "x"}, headers={"authorization": ""})
        assert missing.status_code == 400 and missing.json()["error"] == {
            "code": "no_token",
            "message": "No token specified for the request.",
        }
        wrong = api.http.post(
            "/suno/tasks", json={"id": "x"}, headers={"authorization": "Bearer nope"}
        )
        assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_token"


@pytest.mark.parametrize("kind", ADAPTERS)
def test_credits_run_out(kind, tmp_path) -> None:
    with api_for(kind, tmp_path, credits=2) as api:
        for _ in range(2):
            assert api.post("/suno/audios", {"prompt": "x", "async": True}).status_code == 200
        r = api.post("/suno/audios", {"prompt": "x", "async": True})
        assert r.status_code == 403 and r.json()["error"]["code"] == "used_up"


@pytest.mark.parametrize("kind", ADAPTERS)
def test_rate_limit_answers_429_with_retry_after(kind, tmp_path) -> None:
    with api_for(kind, tmp_path, rate_limit=3) as api:
        codes = [api.post("/suno/tasks", {"id": "x"}) for _ in range(5)]
        assert [r.status_code for r in codes[:3]] == [200, 200, 200]
        assert codes[4].status_code == 429 and int(codes[4].headers["retry-after"]) >= 1
        assert codes[4].json()["error"]["code"] == "too_many_requests"


def _fault_codes(kind, tmp_path) -> list:
    out = []
    with api_for(kind, tmp_path, faults="busy=0.3,timeout=0.2,drop=0.2,seed=11") as api:
        for _ in range(20):
            try:
                out.append(api.post("/suno/tasks", {"id": "x"}).status_code)
            except _http.TransportError:
                out.append("drop")
    return out


@pytest.mark.parametrize("kind", ADAPTERS)
def test_faults_are_seeded_and_mixed(kind, tmp_path) -> None:
    first = _fault_codes(kind, tmp_path / "a")
    assert first == _fault_codes(kind, tmp_path / "b")
    assert {200, 500, 504, "drop"} <= set(first)


def test_task_error_fault_and_client_error(tmp_path) -> None:
    emu = Emulator(profile="instant", data_dir=tmp_path, faults="task_error=1", max_duration=SHORT)
    with Client(transport=inprocess_transport(emu), base_url=BASE, progress=False) as client:
        with pytest.raises(ServerError) as info:  # a failed task, not any exception
            client.generate("x")
        assert "job failed" in str(info.value) and info.value.task_id


class _Receiver(http.server.BaseHTTPRequestHandler):
    got: ClassVar[list] = []
    fail_first = 0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        if type(self).fail_first > 0:
            type(self).fail_first -= 1
            self.send_response(500)
        else:
            type(self).got.append(json.loads(body))
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def receiver():
    _Receiver.got, _Receiver.fail_first = [], 1  # the first try fails: the emulator retries
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", _Receiver
    server.shutdown()


@pytest.mark.parametrize("kind", ADAPTERS)
def test_callback_posts_final_body_with_retries(kind, tmp_path, receiver) -> None:
    url, handler = receiver
    with api_for(kind, tmp_path) as api:
        r = api.post("/suno/audios", {"prompt": "x", "callback_url": url})
        task_id = r.json()["task_id"]
        deadline = time.monotonic() + 20
        while not handler.got and time.monotonic() < deadline:
            time.sleep(0.1)
    assert handler.got and handler.got[0]["task_id"] == task_id
    assert handler.got[0]["success"] is True and len(handler.got[0]["data"]) == 2


def test_callback_to_other_hosts_is_refused(http) -> None:
    r = http.post("/suno/audios", json={"prompt": "x", "callback_url": "https://example.com/h"})
    assert r.status_code == 400 and "callback_url" in r.json()["error"]["message"]


def test_restart_on_same_data_dir_keeps_tasks_and_files(tmp_path) -> None:
    first = Emulator(profile="instant", data_dir=tmp_path, max_duration=SHORT)
    with _http.Client(transport=inprocess_transport(first), base_url=BASE) as http:
        task_id = http.post("/suno/audios", json={"prompt": "x", "async": True}).json()["task_id"]
        record = http.post("/suno/tasks", json={"id": task_id, "action": "retrieve"}).json()
        audio = http.get(record["response"]["data"][0]["audio_url"]).content
    first.close()
    second = Emulator(profile="instant", data_dir=tmp_path)
    with _http.Client(transport=inprocess_transport(second), base_url=BASE) as http:
        again = http.post("/suno/tasks", json={"id": task_id, "action": "retrieve"}).json()
        assert again["response"] == record["response"]
        assert http.get(record["response"]["data"][0]["audio_url"]).content == audio
    second.close()


def test_stream_is_incremental_through_a_socket(tmp_path) -> None:
    url = start(
        data_dir=tmp_path,
        profile={"pending": 0.4, "running": 0.8, "stream_every": 0.2},
        max_duration=SHORT,
    )
    arrivals = []
    t0 = time.monotonic()
    with (
        _http.Client(base_url=url, timeout=60) as http,
        http.stream(
            "POST", "/suno/audios", json={"prompt": "x"}, headers={"accept": "application/x-ndjson"}
        ) as r,
    ):
        for line in r.iter_lines():
            if line:
                arrivals.append((time.monotonic() - t0, json.loads(line)))
    assert arrivals[0][1]["data"][0]["state"] == "pending"
    assert any(s["data"][0]["state"] == "running" for _, s in arrivals if "data" in s)
    assert arrivals[-1][1]["success"] is True and "trace_id" in arrivals[-1][1]
    assert arrivals[-1][0] - arrivals[0][0] > 0.6  # lines arrived as the task advanced


def test_client_over_a_socket(tmp_path) -> None:
    url = start(data_dir=tmp_path, profile="instant", max_duration=SHORT)
    assert start(data_dir=tmp_path, profile="instant", max_duration=SHORT) == url
    with Client(base_url=url, progress=False) as client:
        task = client.generate("a song over a socket")
        assert task.state == "succeeded" and len(task.clips) == 2


def test_upload_refuses_remote_and_non_audio(http) -> None:
    r = http.post("/suno/upload", json={"audio_url": "https://example.com/a.mp3"})
    assert r.status_code == 400 and "offline emulator" in r.json()["error"]["message"]
    r = http.post("/suno/upload", json={"audio_url": "ftp://x/a.mp3"})
    assert r.status_code == 400
    r = http.post("/suno/upload", json={"audio_url": "http://127.0.0.1:9/nothing.mp3"})
    assert r.status_code == 400 and "could not be downloaded" in r.json()["error"]["message"]
    r = http.post("/suno/upload", json={"audio_url": f"{BASE}/openapi.json"})
    assert r.status_code == 400


def test_oversized_body_is_413(http) -> None:
    r = http.post("/suno/audios", content=b"{" + b" " * 1_100_000 + b"}")
    assert r.status_code == 413 and "too large" in r.json()["error"]["message"]


def test_submit_latency_delays_the_answer_after_the_task_is_made(tmp_path) -> None:
    # Crash and kill tests need a window in which the task exists (paid) but no answer arrived.
    seen: list[tuple[float, int]] = []
    emulator: Emulator

    def sleep(seconds: float) -> None:
        seen.append((seconds, emulator.store.tasks(limit=10)[0]))

    emulator = Emulator(
        profile="instant", data_dir=tmp_path / "emu", submit_latency=0.8, sleep=sleep
    )
    try:
        answer = emulator.handle("POST", "/suno/audios", {}, {}, b'{"prompt": "x", "async": true}')
        assert answer.status == 200
        assert seen == [(0.8, 1)]  # slept once, with the task already stored
    finally:
        emulator.close()
