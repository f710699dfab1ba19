"""Rendering in worker processes: the same clips as in-thread, mp3s made by the worker, and a
fallback to in-thread rendering when no pool can be used."""

from __future__ import annotations

import json

from suno_nb.emulator import Emulator, render_pool

BODY = json.dumps({"prompt": "a calm lofi song", "duration": 10}).encode()


def _generate(emulator: Emulator) -> list[dict]:
    answer = emulator.handle("POST", "/suno/audios", {}, {}, BODY)
    assert answer.status == 200, answer.body
    return answer.body["data"]


def test_workers_render_and_encode_before_any_file_is_asked_for(tmp_path) -> None:
    emulator = Emulator(profile="instant", data_dir=tmp_path / "pool", render_workers=1)
    try:
        clips = _generate(emulator)
        made = emulator.store.files / f"{clips[0]['id']}.mp3"
        assert made.exists()  # the worker encoded it: the request thread only moved it
        served = emulator.handle("GET", f"/files/{clips[0]['id']}.mp3", {}, {}, b"")
        assert served.content == made.read_bytes()
        assert all(c["duration"] == 10.0 for c in clips)
        assert not list(emulator.store.renderings.glob("*.part.*"))  # nothing left half-done
    finally:
        emulator.close()


def test_in_thread_rendering_gives_the_same_clips(tmp_path) -> None:
    pooled = Emulator(profile="instant", data_dir=tmp_path / "a", render_workers=1)
    threaded = Emulator(profile="instant", data_dir=tmp_path / "b", render_workers=0)
    try:
        a, b = _generate(pooled), _generate(threaded)
        assert not (threaded.store.files / f"{b[0]['id']}.mp3").exists()  # made on first GET
        keys = ("title", "lyric", "duration", "style")
        assert [[c[k] for k in keys] for c in a] == [[c[k] for k in keys] for c in b]
        rendered_a = pooled.renderer.get(a[0]["id"])
        rendered_b = threaded.renderer.get(b[0]["id"])
        assert abs(rendered_a.audio - rendered_b.audio).max() < 1e-2  # stored compactly
    finally:
        pooled.close()
        threaded.close()


def test_without_a_pool_the_task_renders_in_thread(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(render_pool, "render_in_pool", lambda *args: None)
    emulator = Emulator(profile="instant", data_dir=tmp_path / "emu", render_workers=2)
    try:
        clips = _generate(emulator)
        assert len(clips) == 2 and clips[0]["duration"] == 10.0
    finally:
        emulator.close()


def test_worker_count_follows_the_setting() -> None:
    assert render_pool.worker_count(0) == 0 and render_pool.worker_count(3) == 3
    assert render_pool.worker_count(None) >= 1  # even on one core: the caller never renders


def test_a_containers_cpu_quota_caps_the_workers(tmp_path, monkeypatch) -> None:
    v2 = tmp_path / "v2"
    v2.mkdir()
    (v2 / "cpu.max").write_text("150000 100000\n")
    assert render_pool._cpu_quota(v2) == 2
    (v2 / "cpu.max").write_text("max 100000\n")
    assert render_pool._cpu_quota(v2) is None
    v1 = tmp_path / "v1"
    (v1 / "cpu").mkdir(parents=True)
    (v1 / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    (v1 / "cpu" / "cpu.cfs_quota_us").write_text("50000\n")
    assert render_pool._cpu_quota(v1) == 1
    (v1 / "cpu" / "cpu.cfs_quota_us").write_text("-1\n")
    assert render_pool._cpu_quota(v1) is None
    assert render_pool._cpu_quota(tmp_path / "none") is None
    monkeypatch.setattr(render_pool, "_cpu_quota", lambda: 1)
    assert render_pool.worker_count(None) == 1  # a one-CPU Binder pod: one worker


def test_one_request_at_a_time_keeps_one_worker(tmp_path) -> None:
    render_pool.shutdown()
    emulator = Emulator(profile="instant", data_dir=tmp_path / "lazy", render_workers=2)
    try:
        _generate(emulator)
        _generate(emulator)
        assert render_pool._pool is not None
        assert len(render_pool._pool._processes) == 1  # the second core's worker never started
    finally:
        emulator.close()
        render_pool.shutdown()


def test_workers_leave_interrupts_to_the_kernel() -> None:
    import signal

    try:
        handler = render_pool._get_pool(1).submit(signal.getsignal, signal.SIGINT).result()
    finally:
        render_pool.shutdown()
    assert handler == signal.SIG_IGN


def test_a_kernel_whose_pool_renders_never_imports_the_synth(tmp_path) -> None:
    import subprocess
    import sys

    code = (
        "import json, sys; from suno_nb.emulator import Emulator;"
        f"e = Emulator(profile='instant', data_dir={str(tmp_path)!r}, render_workers=1);"
        "body = json.dumps({'prompt': 'lofi', 'duration': 10}).encode();"
        "clip = e.handle('POST', '/suno/audios', {}, {}, body).body['data'][0];"
        "mp3 = e.handle('GET', f'/files/{clip[\"id\"]}.mp3', {}, {}, b'');"
        "jpg = e.handle('GET', f'/files/{clip[\"id\"]}.jpg', {}, {}, b'');"
        "assert mp3.status == 200 and jpg.status == 200, (mp3.status, jpg.status);"
        "e.close();"
        "print(sorted(m for m in ('scipy.signal', 'suno_nb.emulator.synth.actions')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"  # ~75 MiB the kernel does not hold


def test_a_running_clips_preview_is_the_start_of_the_workers_mp3(tmp_path) -> None:
    import io

    import soundfile

    now = [1000.0]
    emulator = Emulator(profile={"pending": 1.0, "running": 4.0}, data_dir=tmp_path / "pv",
                        render_workers=1, clock=lambda: now[0])  # fmt: skip
    try:
        body = json.dumps({"prompt": "a calm lofi song", "duration": 10, "async": True})
        task_id = emulator.handle("POST", "/suno/audios", {}, {}, body.encode()).body["task_id"]
        retrieve = json.dumps({"action": "retrieve", "id": task_id}).encode()
        now[0] += 3.0  # half way through running
        task = emulator.handle("POST", "/suno/tasks", {}, {}, retrieve).body
        clip = task["response"]["data"][0]
        assert clip["state"] == "running"
        preview = emulator.handle("GET", f"/files/{clip['id']}.preview.mp3", {}, {}, b"")
        assert preview.status == 200
        full = (emulator.store.files / f"{clip['id']}.mp3").read_bytes()
        assert full.startswith(preview.content) and len(preview.content) < 0.6 * len(full)
        audio, rate = soundfile.read(io.BytesIO(preview.content))
        assert 4.0 < len(audio) / rate < 6.0  # the first half of the 10 s song
        assert emulator.renderer._cache == {}  # the kernel never loaded the rendering
    finally:
        emulator.close()
        render_pool.shutdown()
