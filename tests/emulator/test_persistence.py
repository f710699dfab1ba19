"""A restarted emulator with the same data directory still knows its Studio projects, custom
models (with their versions and states) and the first answers of idempotent writes."""

from __future__ import annotations

import pytest

from suno_nb import errors
from suno_nb.client import Client
from suno_nb.emulator import Emulator, inprocess_transport

BASE = "http://suno-emulator.invalid"
URLS = [f"https://example.com/song-{i:02d}.mp3" for i in range(1, 7)]


def _open(data_dir) -> tuple[Client, Emulator]:
    emu = Emulator(profile="instant", data_dir=data_dir, max_duration=8.0)
    return Client(transport=inprocess_transport(emu), base_url=BASE, catalogue=False), emu


def _close(client: Client, emu: Emulator) -> None:
    client.close()
    emu.close()


def test_projects_and_their_versions_survive_a_restart(tmp_path) -> None:
    client, emu = _open(tmp_path / "emu")
    song = client.generate("a short song", model="chirp-v4-5").clips[0].id
    project = client.create_project(title="Kept", idempotency_key="create-1")
    saved = client.save_project(project.id, {"tracks": []})
    added = client.add_track(project.id, song, version_id=saved.version_id, name="Lead")
    _close(client, emu)

    client, emu = _open(tmp_path / "emu")
    try:
        again = client.project(project.id)
        assert again.version_id == added.version_id and again.title == "Kept"
        assert [t["name"] for t in again.state["tracks"]] == ["Lead"]
        with pytest.raises(errors.APIError) as info:  # the old version is still stale
            client.save_project(project.id, {"tracks": []}, version_id=saved.version_id)
        assert info.value.status == 409
        retry = client.create_project(title="Kept", idempotency_key="create-1")
        assert retry.id == project.id and len(emu.projects._projects) == 1
        newer = client.save_project(project.id, {"tracks": []}, version_id=added.version_id)
        assert newer.version_id not in (None, added.version_id)
    finally:
        _close(client, emu)


def test_custom_models_and_idempotent_answers_survive_a_restart(tmp_path) -> None:
    client, emu = _open(tmp_path / "emu")
    made = client.create_custom_model("Kept model", URLS, idempotency_key="model-1")
    archived = client.create_custom_model("Gone", URLS)
    client.delete_custom_model(archived.id)
    _close(client, emu)

    client, emu = _open(tmp_path / "emu")
    try:
        assert client.custom_model(made.id).status == "ready"
        assert client.custom_model(archived.id).status == "archived"
        assert client.create_custom_model("Kept model", URLS, idempotency_key="model-1").id == (
            made.id
        )
        assert client.custom_models().count == 2
        with pytest.raises(errors.APIError) as info:  # the key still names the first request
            client.create_custom_model("Other", URLS, idempotency_key="model-1")
        assert info.value.status == 409
    finally:
        _close(client, emu)


def test_a_kept_refusal_is_answered_again_after_a_restart(tmp_path) -> None:
    client, emu = _open(tmp_path / "emu")
    project = client.create_project(title="p")
    version = client.save_project(project.id, {"tracks": []}).version_id
    with pytest.raises(errors.BadRequestError):
        client.render_project(project.id, version_id=version, idempotency_key="render-1")
    _close(client, emu)

    client, emu = _open(tmp_path / "emu")
    try:
        with pytest.raises(errors.BadRequestError, match="audible"):
            client.render_project(project.id, version_id=version, idempotency_key="render-1")
    finally:
        _close(client, emu)


def test_two_emulators_on_one_data_dir_see_each_others_writes(tmp_path) -> None:
    """As two processes (a notebook and ``suno-nb``) would: no stale copies in memory."""
    a, emu_a = _open(tmp_path / "emu")
    b, emu_b = _open(tmp_path / "emu")
    try:
        project = a.create_project(title="Shared")
        first = b.save_project(project.id, {"tracks": []})  # b sees a's project
        second = a.save_project(project.id, {"tracks": []}, version_id=first.version_id)
        with pytest.raises(errors.APIError) as info:  # b's version is stale now
            b.save_project(project.id, {"tracks": []}, version_id=first.version_id)
        assert info.value.status == 409
        assert b.project(project.id).version_id == second.version_id
        made = a.create_custom_model("m", URLS)
        assert b.custom_model(made.id).status == "ready" and b.custom_models().count == 1
        b.delete_custom_model(made.id)
        assert a.custom_model(made.id).status == "archived"
    finally:
        _close(a, emu_a)
        _close(b, emu_b)


def test_a_restarted_emulator_server_still_knows_its_projects_and_models(tmp_path) -> None:
    from suno_nb.emulator import server

    data = tmp_path / "served"
    url = server.start(data_dir=data, profile="instant")
    try:
        with Client(base_url=url, catalogue=False) as client:
            project = client.create_project(title="Served")
            version = client.save_project(project.id, {"tracks": []}).version_id
            model = client.create_custom_model("served model", URLS)
    finally:
        server.stop()
    url = server.start(data_dir=data, profile="instant")  # a new server on the same folder
    try:
        with Client(base_url=url, catalogue=False) as client:
            assert client.project(project.id).version_id == version
            assert client.custom_model(model.id).status == "ready"
    finally:
        server.stop()
