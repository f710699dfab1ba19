"""The in-process transport: generate, poll, files, stream, through a real httpx2 client."""

from __future__ import annotations

import asyncio
import json
import time

from suno_nb import _http
from suno_nb.emulator import Emulator, inprocess_transport
from tests.emulator.conftest import BASE, SHORT


def test_generate_then_tasks_then_files(http: _http.Client) -> None:
    answer = http.post("/suno/audios", json={"prompt": "lofi rain", "async": True})
    assert answer.status_code == 200
    task_id = answer.json()["task_id"]
    record = http.post("/suno/tasks", json={"action": "retrieve", "id": task_id}).json()
    assert record["id"] == task_id and record["response"]["success"] is True
    assert {"finished_at", "elapsed", "started_at", "request"} <= record.keys()
    clips = record["response"]["data"]
    assert len(clips) == 2 and all(c["state"] == "succeeded" for c in clips)
    assert 0 < clips[0]["duration"] <= SHORT + 0.5
    mp3 = http.get(clips[0]["audio_url"])
    assert mp3.status_code == 200 and mp3.headers["content-type"] == "audio/mpeg"
    assert mp3.content[:3] == b"ID3" or mp3.content[0] == 0xFF
    cover = http.get(clips[0]["image_url"])
    assert cover.headers["content-type"] == "image/jpeg" and cover.content[:3] == b"\xff\xd8\xff"
    assert clips[0]["image_url"].endswith(".jpg")


def _first_clip_audio(http: _http.Client, body: dict) -> bytes:
    task_id = http.post("/suno/audios", json={**body, "async": True}).json()["task_id"]
    rec = http.post("/suno/tasks", json={"action": "retrieve", "id": task_id}).json()
    return http.get(rec["response"]["data"][0]["audio_url"]).content


def test_same_request_same_music_then_a_new_take(http: _http.Client, tmp_path) -> None:
    body = {"prompt": "ska", "duration": 10}
    first = _first_clip_audio(http, body)
    again = _first_clip_audio(http, body)
    assert again != first  # sent again: another take, as the real service does
    other = Emulator(profile="instant", data_dir=tmp_path / "other", max_duration=SHORT)
    try:
        with _http.Client(transport=inprocess_transport(other), base_url=BASE) as fresh:
            assert _first_clip_audio(fresh, body) == first  # a new emulator: the same first take
            assert _first_clip_audio(fresh, body) == again  # …and the same second take
    finally:
        other.close()


def test_running_record_has_preview_and_no_finished_at(tmp_path) -> None:
    now = [1000.0]
    emu = Emulator(
        profile={"pending": 1.0, "running": 2.0},
        data_dir=tmp_path,
        max_duration=SHORT,
        clock=lambda: now[0],
    )
    with _http.Client(transport=inprocess_transport(emu), base_url=BASE) as http:
        task_id = http.post("/suno/audios", json={"prompt": "x", "async": True}).json()["task_id"]
        retrieve = {"action": "retrieve", "id": task_id}
        pending = http.post("/suno/tasks", json=retrieve).json()
        assert "started_at" not in pending and "finished_at" not in pending
        assert {c["state"] for c in pending["response"]["data"]} == {"pending"}
        assert "success" not in pending["response"]
        now[0] += 2.0
        running = http.post("/suno/tasks", json=retrieve).json()
        assert "finished_at" not in running and "elapsed" not in running
        clip = running["response"]["data"][0]
        assert clip["state"] == "running" and clip["audio_url"].endswith(".preview.mp3")
        assert "duration" not in clip
        preview = http.get(clip["audio_url"])
        assert preview.status_code == 200 and len(preview.content) > 1000
        final = http.get(clip["audio_url"].replace(".preview", ""))
        assert final.status_code == 404  # the final file does not exist while running
        now[0] += 1.5
        done = http.post("/suno/tasks", json=retrieve).json()
        assert done["elapsed"] == 3.0 and done["response"]["success"] is True
        assert len(http.get(clip["audio_url"].replace(".preview", "")).content) > len(
            preview.content
        )


def test_stream_yields_lines_incrementally(tmp_path) -> None:
    emu = Emulator(
        profile={"pending": 0.3, "running": 0.6, "stream_every": 0.2},
        data_dir=tmp_path,
        max_duration=SHORT,
    )
    with _http.Client(transport=inprocess_transport(emu), base_url=BASE) as http:
        seen = []
        start = time.monotonic()
        headers = {"accept": "application/x-ndjson"}
        with http.stream("POST", "/suno/audios", json={"prompt": "x"}, headers=headers) as r:
            for line in r.iter_lines():
                if line:
                    seen.append((time.monotonic() - start, json.loads(line)))
    states = [snap["data"][0]["state"] if "data" in snap else "?" for _, snap in seen]
    assert states[0] == "pending" and "running" in states and states[-1] == "succeeded"
    assert seen[0][0] < 0.25 < seen[-1][0]  # the first line came before the task was done
    assert all("trace_id" not in snap for _, snap in seen[:-1]) and "trace_id" in seen[-1][1]


def test_async_transport_streams_and_polls(emu: Emulator) -> None:
    async def main() -> list[str]:
        transport = inprocess_transport(emu)
        async with _http.AsyncClient(transport=transport, base_url=BASE) as http:
            answer = await http.post("/suno/audios", json={"prompt": "x", "async": True})
            task_id = answer.json()["task_id"]
            record = await http.post("/suno/tasks", json={"action": "retrieve", "id": task_id})
            lines = []
            headers = {"accept": "application/x-ndjson"}
            async with http.stream(
                "POST", "/suno/audios", json={"prompt": "y"}, headers=headers
            ) as r:
                async for line in r.aiter_lines():
                    lines.append(line)
            return [record.json()["response"]["data"][0]["state"], *lines]

    state, *lines = asyncio.run(main())
    assert state == "succeeded"
    assert json.loads(lines[-1])["success"] is True


def test_unknown_task_is_empty_and_batch_counts(http: _http.Client) -> None:
    assert http.post("/suno/tasks", json={"action": "retrieve", "id": "nope"}).json() == {}
    task_id = http.post("/suno/audios", json={"prompt": "x", "async": True}).json()["task_id"]
    batch = http.post("/suno/tasks", json={"action": "retrieve_batch", "ids": [task_id, "nope"]})
    assert batch.json()["count"] == 1 and batch.json()["items"][0]["id"] == task_id


def test_default_emulator_state_outlives_the_process(tmp_path) -> None:
    # A "kernel restart": one process submits and exits, the next picks the task up by id.
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SUNO_NB_EMULATOR_DATA_DIR", "ACEDATACLOUD_API_TOKEN")
    }
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "SUNO_NB_HOME": str(tmp_path / "cat")}

    def run(code: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip().splitlines()[-1]

    task_id = run(
        "import suno_nb; print(suno_nb.Client().generate('ska', duration=10, wait=False).task_id)"
    )
    state = run(f"import suno_nb; print(suno_nb.Client().task({task_id!r}).wait().state)")
    assert state == "succeeded"
    assert (tmp_path / "cache" / "suno_nb" / "emulator").is_dir()
