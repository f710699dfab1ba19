"""Studio projects and custom models against the emulator: full lifecycles, conflicts, retries."""

from __future__ import annotations

import pytest

from suno_nb import errors, schema
from suno_nb.models import CustomModelResult, ProjectResult

URLS = [f"https://example.com/song-{i:02d}.mp3" for i in range(1, 7)]


def _song(client) -> str:
    return client.generate("a short song", model="chirp-v4-5").clips[0].id


# ------------------------------------------------------------------------- custom models


def test_custom_model_lifecycle_create_ready_generate_archive(studio) -> None:
    client, _ = studio
    made = client.create_custom_model("My Indie Model", URLS)
    assert isinstance(made, CustomModelResult) and made.id
    assert client.custom_model(made.id).status == "ready"  # instant profile
    listed = client.custom_models(status="ready")
    assert listed.count == 1 and listed.items[0].id == made.id
    songs = client.generate_with_custom_model(made.id, title="Neon Rain", lyric="[Verse]\nla")
    assert len(songs.clips) == 2 and all(c.id for c in songs.clips)
    archived = client.delete_custom_model(made.id)
    assert archived.status == "archived" and archived.capacity_released is False
    assert client.delete_custom_model(made.id).status == "archived"  # repeatable
    with pytest.raises(errors.BadRequestError, match="archived"):
        client.generate_with_custom_model(made.id, title="again")


def test_custom_model_walks_through_the_documented_states(studio) -> None:
    _, emu = studio
    now = [100.0]
    models = type(emu.custom_models)(lambda: now[0], 1.0, 2.0, lambda body, call: [])
    made = models.handle("create_custom_model", {"name": "m", "audio_urls": URLS})
    seen = []
    for t in (100.0, 101.2, 103.0, 107.0):
        now[0] = t
        seen.append(models.handle("custom_model", {"id": made["id"]})["status"])
    assert seen == ["queued", "uploading", "training", "ready"]
    bad = models.handle("create_custom_model", {"name": "m", "audio_urls": URLS[:1] * 6})
    now[0] = 200.0
    assert models.handle("custom_model", {"id": bad["id"]})["status"] == "failed"
    assert set(seen) | {"failed", "archived"} == set(schema.CUSTOM_MODEL_STATES)


def test_custom_model_needs_6_to_24_files_before_sending() -> None:
    problems = schema.check_endpoint("create_custom_model", {"name": "m", "audio_urls": URLS[:5]})
    assert [(p.field, p.kind) for p in problems] == [("audio_urls", errors.ProblemKind.LENGTH)]


def test_an_idempotent_retry_creates_no_second_model(studio) -> None:
    client, _ = studio
    first = client.create_custom_model("m", URLS, idempotency_key="key-1")
    again = client.create_custom_model("m", URLS, idempotency_key="key-1")
    assert again.id == first.id
    assert client.custom_models().count == 1
    with pytest.raises(errors.APIError) as info:
        client.create_custom_model("other", URLS, idempotency_key="key-1")
    assert info.value.status == 409


def test_the_client_fills_in_an_idempotency_key_for_writes(studio) -> None:
    client, emu = studio
    client.create_project(title="a")
    client.create_project(title="b")
    _, page = emu.store.tasks(limit=100, kinds=("create_project",))
    tasks = [t for t in page if t.get("kind") == "create_project"]
    keys = {t["request"].get("idempotency_key") for t in tasks}
    assert len(keys) == 2 and None not in keys


# ------------------------------------------------------------------------ Studio projects


def test_project_lifecycle_save_add_generate_commit_render(studio) -> None:
    client, _ = studio
    song = _song(client)
    project = client.create_project(title="My Studio Project")
    assert isinstance(project, ProjectResult) and project.version_id is None
    state = client.project(project.id).state
    assert state == {"tracks": [], "timing": {"bps": 2}}
    saved = client.save_project(project.id, state, title="Edited")  # first save: no version
    added = client.add_track(project.id, song, version_id=saved.version_id, name="Lead")
    assert added.version_id != saved.version_id
    tracks = client.project(project.id).state["tracks"]
    assert [t["name"] for t in tracks] == ["Lead"] and tracks[0]["clips"][0]["endBeats"] > 0
    made = client.replace_project_section(
        project.id, song, 2.0, 6.0, version_id=added.version_id, replacement_lyrics="new"
    )
    operation = made.model_extra["operation"]
    assert len(operation["candidates"]) == 2
    committed = client.commit_candidate(
        project.id,
        operation["operation_id"],
        operation["candidates"][0]["candidate_id"],
        version_id=added.version_id,
    )
    render = client.render_project(project.id, version_id=committed.version_id, title="Mix")
    assert render.model_extra["audio_id"] and render.model_extra["render_id"]
    removed = client.remove_track(project.id, tracks[0]["id"], version_id=committed.version_id)
    assert len(client.project(project.id).state["tracks"]) == len(tracks)  # + candidate - lead
    assert removed.version_id != committed.version_id


def test_a_stale_save_is_a_conflict(studio) -> None:
    client, _ = studio
    project = client.create_project(title="p")
    first = client.save_project(project.id, {"tracks": []})
    client.save_project(project.id, {"tracks": []}, version_id=first.version_id)
    with pytest.raises(errors.APIError) as info:
        client.save_project(project.id, {"tracks": []}, version_id=first.version_id)
    assert info.value.status == 409
    assert "retrieve" in str(info.value)


def test_a_candidate_from_an_older_version_cannot_be_committed(studio) -> None:
    client, _ = studio
    song = _song(client)
    project = client.create_project(title="p")
    v1 = client.save_project(project.id, {"tracks": []}).version_id
    made = client.replace_project_section(project.id, song, 1.0, 3.0, version_id=v1)
    op = made.model_extra["operation"]
    v2 = client.add_track(project.id, song, version_id=v1).version_id
    with pytest.raises(errors.APIError) as info:
        client.commit_candidate(
            project.id, op["operation_id"], op["candidates"][0]["candidate_id"], version_id=v2
        )
    assert info.value.status == 409


def test_an_idempotent_project_retry_creates_no_second_project(studio) -> None:
    client, emu = studio
    a = client.create_project(title="p", idempotency_key="same")
    b = client.create_project(title="p", idempotency_key="same")
    assert a.id == b.id and len(emu.projects._projects) == 1


def test_rendering_an_empty_project_is_refused(studio) -> None:
    client, _ = studio
    project = client.create_project(title="p")
    version = client.save_project(project.id, {"tracks": []}).version_id
    with pytest.raises(errors.BadRequestError, match="audible"):
        client.render_project(project.id, version_id=version)


def test_a_fixed_generate_track_range_is_shorter_than_26_seconds() -> None:
    body = {
        "id": "p",
        "source_audio_id": "a",
        "render_audio_id": "r",
        "stem_control_tags": "bass",
        "start_seconds": 0.0,
        "end_seconds": 30.0,
        "fixed": True,
    }
    (problem,) = schema.check_endpoint("generate_track", body)
    assert problem.field == "end_seconds" and problem.kind is errors.ProblemKind.RANGE


def test_a_panel_reads_a_project_state_typed_as_json() -> None:
    from suno_nb.widgets.form import FormController

    ep = schema.ENDPOINTS["save_project"]
    form = FormController(ep.name, {f.name: f for f in ep.fields}, required=ep.required)
    form.set_text("id", "p")
    form.set_text("state", '{"tracks": [], "timing": {"bps": 2}}')
    assert form.values["state"] == {"tracks": [], "timing": {"bps": 2}}
    assert "state" not in form.errors()
    form.set_text("state", "[1, 2]")
    assert "JSON object" in form.errors()["state"]


def test_an_application_has_three_custom_model_slots(studio) -> None:
    client, _ = studio
    made = [client.create_custom_model(f"m{i}", URLS) for i in range(3)]
    with pytest.raises(errors.BadRequestError, match="archive one"):
        client.create_custom_model("fourth", URLS)
    client.delete_custom_model(made[0].id)  # an archived model frees its slot
    assert client.create_custom_model("fourth", URLS).status == "ready"


# ------------------------------------------------------------------------- idempotency keys


def _recording(emu, monkeypatch, answer_lost_once: bool = False) -> list[tuple[dict, bytes]]:
    """Wrap the emulator's handler: note each request's headers and body; optionally answer the
    first project write with a 503 after doing it (an answer lost on the way back)."""
    seen: list[tuple[dict, bytes]] = []
    real = emu.handle

    def handle(method, path, query, headers, body):
        seen.append(({k.lower(): v for k, v in headers.items()}, body))
        answer = real(method, path, query, headers, body)
        if answer_lost_once and path == "/suno/projects" and len(seen) == 1:
            from suno_nb.emulator.service import EmulatorResponse

            return EmulatorResponse(503, {"success": False, "error": {"code": "unavailable"}})
        return answer

    monkeypatch.setattr(emu, "handle", handle)
    return seen


def test_a_write_sends_its_key_as_the_idempotency_key_header(studio, monkeypatch) -> None:
    import json

    client, emu = studio
    seen = _recording(emu, monkeypatch)
    made = client.create_project(title="header", idempotency_key="k-header")
    headers, body = seen[-1]
    assert headers["idempotency-key"] == "k-header"
    assert "idempotency_key" not in json.loads(body)  # the guides' place is the header
    assert client.create_project(title="header", idempotency_key="k-header").id == made.id
    client.create_project(title="fresh")
    assert len(seen[-1][0]["idempotency-key"]) == 32  # filled in when none is given


def test_a_keyed_write_whose_answer_was_lost_is_sent_again_and_makes_one_object(
    studio, monkeypatch
) -> None:
    client, emu = studio
    seen = _recording(emu, monkeypatch, answer_lost_once=True)
    made = client.create_project(title="lost answer")
    keys = [h["idempotency-key"] for h, _ in seen]
    assert len(keys) == 2 and keys[0] == keys[1]  # re-sent once, with the same key
    _, page = emu.store.tasks(limit=100, kinds=("create_project",))
    made_ids = {t["response"]["data"]["id"] for t in page if t.get("kind") == "create_project"}
    assert made_ids == {made.id}  # the second send got the first answer: one project


def test_only_keyed_writes_are_re_sent_on_a_transient_failure() -> None:
    from suno_nb.client_steps import IDEMPOTENCY_HEADER, Core, Request
    from suno_nb.errors import ServerError

    failure = ServerError("503", status=503)
    keyed = Request("POST", "/suno/projects", json={}, headers={IDEMPOTENCY_HEADER: "k"})
    assert Core.retryable(keyed, failure)
    assert not Core.retryable(Request("POST", "/suno/audios", json={}), failure)
