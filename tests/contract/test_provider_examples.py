"""Every request body of the provider's guides is accepted by the client and the emulator;
the documented answers parse into the toolkit's types (fixtures: provider_examples.py)."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from provider_examples import EXAMPLES, RESPONSES

from suno_nb import schema
from suno_nb.emulator import validation as emulator_check
from suno_nb.models import RESULT_TYPES, AudioResponse, parse_result

IDS = [e[0] for e in EXAMPLES]


def _endpoint_name(path: str, body: dict[str, Any]) -> str:
    if path == "/suno/tasks" and body.get("action") == "retrieve_batch" and "ids" not in body:
        return "list_tasks"
    action = body.get("action")
    for name, ep in schema.ENDPOINTS.items():
        if ep.path == path and ep.method == "POST" and ep.fixed.get("action") == action:
            return name
    raise LookupError(f"no endpoint for {path} {action}")


@pytest.mark.parametrize(("name", "source", "path", "body"), EXAMPLES, ids=IDS)
def test_the_client_accepts_every_documented_request(name, source, path, body) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if path == "/suno/audios":
            problems = schema.check_request(body)
        elif path == "/suno/tasks" and body.get("action") == "retrieve":
            pytest.skip("client.task(id) sends this body; it has no fields to check")
        else:
            problems = schema.check_endpoint(_endpoint_name(path, body), body)
    assert problems == [], f"{name} ({source}): {[p.message for p in problems]}"


@pytest.mark.parametrize(("name", "source", "path", "body"), EXAMPLES, ids=IDS)
def test_the_emulator_accepts_every_documented_request(name, source, path, body) -> None:
    if path == "/suno/audios":
        checked = emulator_check.audio_request(body)
        assert checked["action"] == body.get("action", "generate")
    elif path == "/suno/tasks":
        assert emulator_check.tasks_request(body)
    else:
        endpoint = _endpoint_name(path, body)
        checked = emulator_check.endpoint_request(endpoint, body)
        fields = {f.name for f in schema.ENDPOINTS[endpoint].fields}
        assert set(body) - {"action"} <= set(checked) | {"async", "callback_url"} | fields


@pytest.mark.parametrize(
    ("name", "source", "type_name", "answer"), RESPONSES, ids=[r[0] for r in RESPONSES]
)
def test_documented_answers_parse_into_the_toolkits_types(name, source, type_name, answer):
    if type_name == "AudioResponse":
        parsed = AudioResponse.model_validate(answer)
        assert [c.id for c in parsed.clips] == [c["id"] for c in answer["data"]]
        assert parsed.cost is not None and parsed.cost.list_amount == answer["cost"]["list_amount"]
        assert parsed.model_extra.get("stem_sets") == answer.get("stem_sets")
        return
    parsed = parse_result(type_name, answer, task_id="t", trace_id="tr")
    assert isinstance(parsed, RESULT_TYPES[type_name])
    if type_name == "TaskList":
        assert parsed.count == 1 and parsed.items[0].request == answer["items"][0]["request"]
        assert parsed.items[0].clips[0].duration == 154.44
    if type_name == "Mp3Result":
        assert parsed.file_url.endswith(".mp3")


def test_every_documented_path_is_in_the_schema() -> None:
    documented = {path for _, _, path, _ in EXAMPLES}
    known = {"/suno/audios"} | {ep.path for ep in schema.ENDPOINTS.values()}
    assert documented <= known


AUDIOS = [e for e in EXAMPLES if e[2] == "/suno/audios"]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An emulator with the clips and persona the documented requests refer to."""
    from suno_nb.client import Client
    from suno_nb.emulator import Emulator, inprocess_transport

    emu = Emulator(profile="instant", data_dir=tmp_path_factory.mktemp("emu"), max_duration=12.0)
    client = Client(
        transport=inprocess_transport(emu), base_url="http://suno-emulator.invalid", catalogue=False
    )
    clips = client.generate("a song for Christmas", model="chirp-v4-5").clips
    persona = client.create_persona(clips[0].id, name="test")
    yield client, [c.id for c in clips], persona.persona_id
    client.close()
    emu.close()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "source", "path", "body"), AUDIOS, ids=[e[0] for e in AUDIOS])
def test_documented_requests_run_on_the_emulator(world, name, source, path, body) -> None:
    client, clip_ids, persona_id = world
    fields = {k: v for k, v in body.items() if k not in ("action", "async")}
    if "audio_id" in fields:
        fields["audio_id"] = clip_ids[0]
    if "persona_id" in fields:
        fields["persona_id"] = persona_id
    if "mashup_audio_ids" in fields:
        fields["mashup_audio_ids"] = clip_ids[:2]
    for key in [k for k in fields if k.endswith(("_start", "_end"))]:
        # the guides' windows are on their minutes-long songs; the emulator's clips are 12 s
        fields[key] = 2.0 if key.endswith("_start") else 8.0
    if name == "concat_after_replace" or name == "concat":
        fields["audio_id"] = client.extend(clip_ids[0], 4, lyric="la").clips[0].id
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        task = client.audios(body["action"], **fields, wait=False)
    assert task.task_id
    done = task.wait(timeout=120)
    assert done.clips and all(c.id for c in done.clips), name
