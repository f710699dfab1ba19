"""The emulator's data folder has a limit: old renderings go, and come back identical when a
clip needs them again; uploads are never deleted (nothing could make them again)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from suno_nb.emulator import Emulator
from suno_nb.emulator import defaults as emulator_defaults


def _generate(emulator: Emulator, prompt: str) -> list[dict]:
    body = json.dumps({"prompt": prompt, "duration": 10}).encode()
    answer = emulator.handle("POST", "/suno/audios", {}, {}, body)
    assert answer.status == 200, answer.body
    return answer.body["data"]


@pytest.fixture
def emulator(tmp_path):
    emu = Emulator(profile="instant", data_dir=tmp_path / "emu", render_workers=0)
    emu.renderer.in_use_seconds = 0.0  # nothing is being read by another process here
    yield emu
    emu.close()


def test_old_renderings_go_past_the_limit_and_come_back_identical(emulator) -> None:
    first = _generate(emulator, "a calm lofi song")
    before = emulator.renderer.get(first[0]["id"]).audio.copy()
    one_task = emulator.renderer.disk_usage()
    assert one_task > 0
    emulator.renderer.cache_limit = int(one_task * 1.5)  # room for one task's clips, not two
    second = _generate(emulator, "fast drum and bass")
    assert emulator.renderer.disk_usage() <= emulator.renderer.cache_limit
    assert not emulator.renderer.path(first[0]["id"]).exists()  # the oldest went
    assert emulator.renderer.path(second[0]["id"]).exists()

    emulator.renderer._cache.clear()  # as after a restart: only the disk remains
    again = emulator.renderer.get(first[0]["id"]).audio
    assert again.shape == before.shape
    assert np.abs(again - before).max() < 1e-2  # seeded: the same music (stored as float16)
    # A later action on the pruned clip works, and the files still serve.
    served = emulator.handle("GET", f"/files/{first[1]['id']}.mp3", {}, {}, b"")
    assert served.status == 200 and served.content


def test_uploads_are_never_deleted(emulator) -> None:
    clip = _generate(emulator, "a calm lofi song")[0]
    body = json.dumps({"audio_url": clip["audio_url"]}).encode()
    answer = emulator.handle("POST", "/suno/upload", {}, {}, body)
    assert answer.status == 200, answer.body
    upload_id = answer.body["data"]["audio_id"]
    emulator.renderer.cache_limit = 1  # nothing generated may stay
    _generate(emulator, "a calm lofi song")
    assert emulator.renderer.path(upload_id).exists()


def test_a_rendering_being_read_is_not_deleted(emulator) -> None:
    first = _generate(emulator, "a calm lofi song")
    emulator.renderer._pinned[first[0]["id"]] += 1  # as while a render worker reads it
    emulator.renderer.cache_limit = 1
    _generate(emulator, "fast drum and bass")
    assert emulator.renderer.path(first[0]["id"]).exists()
    assert not emulator.renderer.path(first[1]["id"]).exists()


def test_the_default_emulators_limit_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("SUNO_NB_EMULATOR_CACHE_MB", "250")
    assert emulator_defaults.default_cache_limit() == 250.0
    monkeypatch.delenv("SUNO_NB_EMULATOR_CACHE_MB")
    assert emulator_defaults.default_cache_limit() == 1024.0
    monkeypatch.setenv("SUNO_NB_EMULATOR_CACHE_MB", "lots")
    with pytest.raises(ValueError, match=r"SUNO_NB_EMULATOR_CACHE_MB='lots'.*megabytes"):
        emulator_defaults.default_cache_limit()
