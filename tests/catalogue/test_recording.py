"""Generating through a client records the task, every clip and verified files."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile
from catalogue_service import TOKEN, AudioService, make_client

from suno_nb.catalogue import Catalogue, CatalogueReadOnlyError, DownloadError
from suno_nb.errors import BadRequestError


def _rows(catalogue: Catalogue, sql: str) -> list[tuple]:
    return catalogue.store.read(sql)


def test_generate_records_task_clips_and_decodable_files(catalogue, generated):
    task = generated(model="chirp-v4-5", style="lofi, rain", title="Night Bus", custom=True,
                     instrumental=True, weirdness=0.3)  # fmt: skip
    (row,) = _rows(
        catalogue, "SELECT task_id, action, state, service, trace_id, request FROM tasks"
    )
    assert row[:4] == (task.task_id, "generate", "succeeded", "fake-suno.invalid")
    assert row[4] == f"tr-{task.task_id}"
    assert json.loads(row[5])["weirdness"] == 0.3
    files = _rows(
        catalogue,
        "SELECT clip_id, kind, state, path, size, sha256, sample_rate, channels, duration"
        " FROM files ORDER BY clip_id, kind",
    )
    assert [(f[0], f[1], f[2]) for f in files] == [
        (c.id, kind, "ok") for c in task.clips for kind in ("audio", "image")
    ]
    for _clip, kind, _, path, size, sha, rate, channels, duration in files:
        data = (catalogue.root / path).read_bytes()
        assert len(data) == size and hashlib.sha256(data).hexdigest() == sha
        assert path.startswith(("audio/" if kind == "audio" else "images/") + sha[:2])
        if kind == "audio":
            info = soundfile.info(catalogue.root / path)
            assert (rate, channels) == (info.samplerate, info.channels) == (22050, 2)
            assert duration == pytest.approx(2.0, abs=0.2)
    raw = json.loads(_rows(catalogue, "SELECT raw FROM clips LIMIT 1")[0][0])
    assert raw["bpm_guess"] == 96  # unknown fields kept


def test_task_is_recorded_before_waiting_and_clips_as_they_arrive(client, catalogue):
    seen: list[tuple] = []

    def look(progress) -> None:
        seen.append(
            (
                _rows(catalogue, "SELECT task_id, state FROM tasks")[0],
                _rows(catalogue, "SELECT count(*), group_concat(DISTINCT state) FROM clips")[0],
            )
        )

    task = client.generate("lofi", on_progress=look)
    assert seen[0][0] == (task.task_id, "submitted")  # the id was kept before any clip came
    assert any(s[1] == (2, "running") for s in seen)


def test_token_is_never_stored(catalogue, generated, service):
    generated(style="lofi")
    assert any(TOKEN in h.get("authorization", "") for h in service.headers_seen)
    if catalogue.db_path is None:  # a server database: every stored text, table by table
        for table in ("tasks", "clips", "files"):
            text = repr(_rows(catalogue, f"SELECT * FROM {table}"))
            assert TOKEN not in text and "authorization" not in text.lower()
        return
    catalogue.close()
    for name in os.listdir(catalogue.root):
        if name.startswith("catalogue.sqlite"):
            assert TOKEN.encode() not in (catalogue.root / name).read_bytes()
    assert b"authorization" not in (catalogue.root / "catalogue.sqlite").read_bytes().lower()


def test_secret_looking_request_keys_are_dropped(catalogue):
    key = catalogue.task_submitting("generate", {"prompt": "x", "api_key": TOKEN}, "svc")
    (request,) = _rows(catalogue, f"SELECT request FROM tasks WHERE key = {key}")[0]
    assert json.loads(request) == {"prompt": "x"}


def test_failed_download_is_marked_and_fetched_later(catalogue, service):
    service.missing_files = {"task-1-c0.mp3": 100}  # the CDN keeps answering 404
    with make_client(service, catalogue) as client:
        task = client.generate("lofi")
        states = dict(_rows(catalogue, "SELECT clip_id, state FROM files WHERE kind = 'audio'"))
        assert states == {task.clips[0].id: "failed", task.clips[1].id: "ok"}
        assert "404" in _rows(catalogue, "SELECT error FROM files WHERE state = 'failed'")[0][0]
        track = catalogue.get(task.clips[0].id)
        with pytest.raises(DownloadError, match="fetch_missing"):
            track.path  # noqa: B018
        service.missing_files.clear()
        assert catalogue.fetch_missing(client) == {"ok": 1, "failed": 0}
    assert track.path.is_file()


def test_download_retries_through_a_short_404(catalogue, service, generated):
    service.missing_files = {"task-1-c1.mp3": 2}
    generated()
    assert _rows(catalogue, "SELECT count(*) FROM files WHERE state = 'ok'")[0][0] == 4


def test_corrupt_audio_is_recorded_as_failed(catalogue, service, generated):
    service.corrupt = True
    task = generated()
    rows = _rows(catalogue, "SELECT state, error FROM files WHERE kind = 'audio'")
    assert [r[0] for r in rows] == ["failed", "failed"]
    assert "does not decode" in rows[0][1]
    assert len(catalogue) == 2 and task.done  # the clips are kept all the same


def test_rejected_submission_is_kept_as_rejected(catalogue, client, service):
    original = service.handle

    def refuse(request):
        if request.url.path == "/suno/audios":
            from suno_nb import _http

            return _http.Response(400, json={"success": False, "error": {
                "code": "bad_request", "message": "Prompt too long."}})  # fmt: skip
        return original(request)

    service.handle = refuse
    client2 = make_client(service, catalogue)
    with pytest.raises(BadRequestError):
        client2.generate("x")
    assert _rows(catalogue, "SELECT state, error_code FROM tasks") == [("rejected", "bad_request")]
    assert catalogue.pending() == []


def test_sweep_context_tags_tasks(catalogue, client):
    with catalogue.context(sweep_id="w1", cell={"weirdness": 0.2}):
        client.generate("lofi", weirdness=0.2)
    client.generate("outside")
    rows = _rows(catalogue, "SELECT sweep_id, cell FROM tasks ORDER BY key")
    assert rows == [("w1", '{"weirdness": 0.2}'), (None, None)]
    assert len(catalogue.tracks(sweep="w1")) == 2


def test_read_only_catalogue_refuses_before_anything_is_paid(tmp_path, service, monkeypatch):
    folder = tmp_path / "cat"
    Catalogue(folder).task_submitting("generate", {"prompt": "old"}, "svc")
    # Root ignores permission bits, so the folder is made "read-only" where the store probes it.
    monkeypatch.setattr("suno_nb.catalogue.store._can_write", lambda folder: False)
    read_only = Catalogue(folder)
    assert not read_only.writable
    assert read_only.pending()[0].action == "generate"  # still readable
    client = make_client(service, read_only)
    with pytest.raises(CatalogueReadOnlyError, match="read-only"):
        client.generate("new")
    assert service.submissions == 0


def test_importing_the_catalogue_loads_only_the_standard_library():
    code = (
        "import sys; import suno_nb.catalogue as c; c.Catalogue;"
        "heavy = {'numpy', 'pandas', 'pydantic', 'httpx2', 'librosa', 'matplotlib', 'soundfile',"
        " 'tenacity', 'PIL', 'scipy', 'suno_nb.client'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_default_client_records_into_the_default_catalogue(tmp_path, monkeypatch):
    from suno_nb.catalogue import default_catalogue

    monkeypatch.setenv("SUNO_NB_HOME", str(tmp_path / "home"))
    service = AudioService()
    client = make_client(service, None)
    client.generate("lofi")
    assert len(default_catalogue()) == 2
    assert default_catalogue().root == (tmp_path / "home").absolute()
    assert (tmp_path / "home" / "catalogue.sqlite").is_file()
    assert sqlite3.connect(tmp_path / "home" / "catalogue.sqlite").execute(
        "PRAGMA journal_mode"
    ).fetchone() == ("wal",)
    assert Path(client.catalogue.root) == (tmp_path / "home").absolute()
