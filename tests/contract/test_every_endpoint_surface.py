"""Every documented endpoint is a CLI command and a studio panel; the newer ones (mp3, custom
models, Studio projects, enhanced upload) work end to end through both, on the emulator, with
no kernel (panels) and no real process (the CLI's ``main``)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest

from suno_nb import cli, errors, schema
from suno_nb.client import AsyncClient, Client
from suno_nb.emulator import Emulator, inprocess_transport

BASE = "http://suno-emulator.invalid"
OWN = "https://suno-emulator.invalid"
URLS = [f"https://example.com/song-{i:02d}.mp3" for i in range(1, 7)]


def test_every_endpoint_is_a_cli_command_and_a_studio_tab() -> None:
    from suno_nb.widgets.studio import STUDIO_ENDPOINTS

    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name in schema.ENDPOINTS:
        assert name.replace("_", "-") in commands, name
    assert set(schema.ENDPOINTS) <= set(STUDIO_ENDPOINTS)


@pytest.fixture
def emulated(tmp_path) -> Iterator[tuple[Client, Emulator]]:
    emu = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=8.0)
    client = Client(transport=inprocess_transport(emu), base_url=BASE, catalogue=False)
    yield client, emu
    client.close()
    emu.close()


def _panel_result(endpoint: str, client: Client, **values: Any) -> Any:
    from suno_nb.widgets.panel import Panel

    p = Panel(endpoint, client=client, **values)
    assert p.valid, (endpoint, values)
    assert p.submit()
    state = p.wait(60)
    assert state.phase == "succeeded", (endpoint, state.message)
    return state.result


@pytest.mark.slow
def test_the_new_endpoint_panels_walk_their_lifecycles(emulated) -> None:
    client, _ = emulated
    song = client.generate("a short song", model="chirp-v4-5").clips[0].id
    assert _panel_result("mp3", client, audio_id=song).file_url.endswith(".mp3")

    made = _panel_result("create_custom_model", client, name="Panel model", audio_urls=URLS)
    assert _panel_result("custom_model", client, id=made.id).status == "ready"
    assert _panel_result("custom_models", client).count == 1
    songs = _panel_result("generate_with_custom_model", client, id=made.id, title="Neon")
    assert songs.clips
    assert _panel_result("delete_custom_model", client, id=made.id).status == "archived"

    project = _panel_result("create_project", client, title="Panel project")
    saved = _panel_result("save_project", client, id=project.id, state={"tracks": []})
    added = _panel_result(
        "add_track", client, id=project.id, version_id=saved.version_id, audio_id=song
    )
    shown = _panel_result("project", client, id=project.id)
    assert shown.version_id == added.version_id and len(shown.state["tracks"]) == 1
    rendered = _panel_result(
        "render_project", client, id=project.id, version_id=added.version_id, title="Mix"
    )
    assert rendered.model_extra["audio_id"]

    upload = _panel_result(
        "upload", client, audio_url=f"{OWN}/files/{song}.mp3", mode="enhanced", name="Panel up"
    )
    assert upload.audio_id and upload.title == "Panel up"


# ------------------------------------------------------------------------ enhanced upload


def test_an_enhanced_upload_waits_for_its_task(tmp_path) -> None:
    emu = Emulator(profile={"pending": 0.1, "running": 0.2}, data_dir=tmp_path / "emu")
    client = Client(transport=inprocess_transport(emu), base_url=BASE, catalogue=False)
    try:
        song = client.generate("a short song", model="chirp-v4-5").clips[0].id
        url = f"{OWN}/files/{song}.mp3"
        submitted = emu.handle(
            "POST",
            "/suno/upload",
            {},
            {"host": "suno-emulator.invalid"},
            json.dumps({"audio_url": url, "mode": "enhanced", "name": "My Song"}).encode(),
        ).body
        assert set(submitted) == {"success", "task_id", "trace_id"}  # asynchronous, as documented
        up = client.upload(url, mode="enhanced", name="My Song")
        assert up.audio_id and up.title == "My Song" and up.task_id
        record = client.task(up.task_id).record
        assert record.endpoint_data["audio_id"] == up.audio_id and record.elapsed > 0.5
        standard = client.upload(url)  # the standard mode answers at once
        assert standard.audio_id != up.audio_id
    finally:
        client.close()
        emu.close()


def test_an_enhanced_upload_that_fails_says_why_async_too(tmp_path) -> None:
    emu = Emulator(profile="instant", data_dir=tmp_path / "emu")

    async def run() -> None:
        client = AsyncClient(transport=inprocess_transport(emu), base_url=BASE, catalogue=False)
        with pytest.raises(errors.BadRequestError, match="does not exist") as info:
            await client.upload(f"{OWN}/files/nothing.mp3", mode="enhanced", name="x")
        assert info.value.task_id  # the submission was accepted; its task failed

    try:
        asyncio.run(run())
    finally:
        emu.close()


def test_an_enhanced_upload_needs_a_name_and_https_before_sending() -> None:
    problems = schema.check_endpoint("upload", {"audio_url": "http://a/b.mp3", "mode": "enhanced"})
    assert {p.field for p in problems} == {"name", "audio_url"}


def test_only_a_bare_task_id_answer_is_waited_for() -> None:
    from suno_nb.client_steps import _accepted_only

    assert _accepted_only("upload", {"success": True, "task_id": "t", "trace_id": "r"})
    assert not _accepted_only("create_custom_model", {"id": "m", "task_id": "t"})  # a result
    assert not _accepted_only("upload", {"task_id": "t", "data": {"audio_id": "a"}})
    assert not _accepted_only("timing", {"task_id": "t"})  # answers in the request
    assert not _accepted_only("upload", {"success": False, "task_id": "t"})
