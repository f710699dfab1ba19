"""The emulator answers every documented request with the documented shape, field for field:
the same names, JSON types and nesting as the provider's example answers
(fixtures: provider_responses.py, each with its source)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from provider_responses import ANSWERS, STREAM_LINES

from suno_nb.client import Client
from suno_nb.emulator import Emulator, inprocess_transport

BASE = "http://suno-emulator.invalid"
OWN = "https://suno-emulator.invalid"  # the emulator serves its own files under its host


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"  # JSON has one number type: 10 and 10.0 are the same shape
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def shape_differences(documented: Any, got: Any, where: str = "$") -> list[str]:
    """Where ``got`` lacks a documented field or holds another JSON type (extra fields are
    allowed: the guides trim their answers). Arrays compare item by item."""
    want, have = _kind(documented), _kind(got)
    if want == "null":
        return []
    if want != have:
        return [f"{where}: documented {want}, got {have} ({str(got)[:60]!r})"]
    if want == "object":
        out = []
        for key, value in documented.items():
            if key not in got:
                out.append(f"{where}.{key}: documented, missing")
            else:
                out += shape_differences(value, got[key], f"{where}.{key}")
        return out
    if want == "array" and documented:
        if not got:
            return [f"{where}: documented items, got an empty array"]
        out = []
        for i, item in enumerate(documented):
            out += shape_differences(item, got[min(i, len(got) - 1)], f"{where}[{i}]")
        return out
    return []


def test_the_comparison_finds_missing_fields_and_other_types() -> None:
    documented = {"data": [{"id": "a", "duration": 1.5, "tags": ["x"]}], "ok": True}
    assert shape_differences(documented, {"data": [{"id": "b", "duration": 2, "tags": []}]}) == [
        "$.data[0].tags: documented items, got an empty array",
        "$.ok: documented, missing",
    ]
    assert shape_differences({"tags": ["x"]}, {"tags": "x"}) == [
        "$.tags: documented array, got string ('x')"
    ]


class _World:
    """An emulator holding the clips, upload, persona and vox the requests refer to."""

    def __init__(self, emu: Emulator, client: Client) -> None:
        self.emu = emu
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            song = client.generate("a song for Christmas", model="chirp-v4-5")
            clips = [c.id for c in song.clips]
            self.ids = {"$clip": clips[0], "$clip2": clips[1], "$task": song.task_id}
            self.ids["$clip_url"] = f"{OWN}/files/{clips[0]}.mp3"
            self.ids["$upload"] = client.upload(self.ids["$clip_url"]).audio_id
            self.ids["$persona"] = client.create_persona(clips[0], name="test").persona_id
            self.ids["$vox"] = client.vox(clips[0], 2.0, 8.0).id
            self.ids["$extended"] = client.extend(clips[0], 4, lyric="la").clips[0].id
            made = client.replace_section(
                clips[0], 2.0, 6.0, lyric="la", replace_section_result_mode="candidates"
            )
            self.ids["$candidate"] = made.clips[0].id

    def fill(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.ids.get(value, value)
        if isinstance(value, list):
            return [self.fill(v) for v in value]
        if isinstance(value, dict):
            return {k: self.fill(v) for k, v in value.items()}
        return value

    def answer(self, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        sent = json.dumps(self.fill(body)).encode()
        got = self.emu.handle("POST", path, {}, {"host": "suno-emulator.invalid"}, sent)
        return got.status, got.body


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[_World]:
    emu = Emulator(profile="instant", data_dir=tmp_path_factory.mktemp("emu"), max_duration=12.0)
    client = Client(transport=inprocess_transport(emu), base_url=BASE, catalogue=False)
    yield _World(emu, client)
    client.close()
    emu.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "source", "path", "request_body", "documented"), ANSWERS, ids=[a[0] for a in ANSWERS]
)
def test_the_emulator_answers_in_the_documented_shape(
    world, name, source, path, request_body, documented
) -> None:
    status, got = world.answer(path, request_body)
    assert status == (400 if name == "error" else 200), (name, got)
    assert shape_differences(documented, got) == [], f"{name} ({source})"


TITLES = {  # action: how the guide names the clips it makes from a source titled T
    "stems": ["T - Vocals", "T - Instrumental"],
    "all_stems": ["T (Vocals)", "T (Backing Vocals)", "T (Drums)"],
    "extract_stem": ["T (Bass)", "T (Without Bass)"],
    "remaster": ["T (Remastered)"],
}


@pytest.mark.slow
@pytest.mark.parametrize("action", sorted(TITLES))
def test_titles_follow_the_guide_per_action(world, action) -> None:
    body = {"action": action, "audio_id": "$clip", "stem_type": "bass"}
    if action != "extract_stem":
        body.pop("stem_type")
    status, got = world.answer("/suno/audios", body)
    assert status == 200, got
    source = world.emu.store.clip(world.ids["$clip"])["title"]
    titles = [c["title"] for c in got["data"]]
    expected = [t.replace("T", source, 1) for t in TITLES[action]]
    assert titles[: len(expected)] == expected


def _parsed(path: str, request_body: dict[str, Any], answer: Any) -> Any:
    """The toolkit's type for an answer of ``path`` (what the client hands the user)."""
    from suno_nb import schema
    from suno_nb.models import AudioResponse, TaskList, TaskRecord, parse_result

    if path == "/suno/audios":
        return AudioResponse.model_validate(answer)
    if path == "/suno/tasks":
        return (TaskRecord if request_body["action"] == "retrieve" else TaskList).model_validate(
            answer
        )
    (ep,) = [e for e in schema.ENDPOINTS.values() if e.path == path and e.method == "POST"]
    return parse_result(ep.result, answer.get("data"), task_id="t", trace_id="r")


ANSWERED = [a for a in ANSWERS if a[0] not in ("async_submission", "error", "upload_enhanced")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "source", "path", "request_body", "documented"),
    ANSWERED,
    ids=[a[0] for a in ANSWERED],
)
def test_documented_and_emulated_answers_parse_into_the_same_type(
    world, name, source, path, request_body, documented
) -> None:
    from suno_nb.models import AudioResponse

    ours = _parsed(path, request_body, world.answer(path, request_body)[1])
    theirs = _parsed(path, request_body, documented)
    assert type(ours) is type(theirs)
    if isinstance(theirs, AudioResponse):
        assert len(theirs.clips) == len(documented["data"]) and ours.clips
        assert all(c.duration is not None for c in ours.clips)


def test_the_stream_has_the_documented_lines(tmp_path) -> None:
    emu = Emulator(profile={"pending": 0.0, "running": 0.6, "stream_every": 0.1},
                   data_dir=tmp_path / "emu", max_duration=6.0)  # fmt: skip
    try:
        headers = {"accept": "application/x-ndjson", "host": "suno-emulator.invalid"}
        body = json.dumps({"prompt": "A song for Christmas"}).encode()
        answer = emu.handle("POST", "/suno/audios", {}, headers, body)
        lines = [json.loads(line) for line in answer.lines or []]
    finally:
        emu.close()
    running = [ln for ln in lines if ln["data"][0]["state"] == "running"]
    assert running and lines[-1]["data"][0]["state"] == "succeeded"
    assert shape_differences(STREAM_LINES["running"], running[0]) == []
    assert shape_differences(STREAM_LINES["last"], lines[-1]) == []
    assert "trace_id" not in running[0] and "trace_id" in lines[-1]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Deck the Sky - Vocals", "Vocals"),  # stems
        ("Strings of Safety (Backing Vocals)", "Backing Vocals"),  # all_stems
        ("(Without Bass)", "Without Bass"),  # extract_stem of an untitled source
    ],
)
def test_stem_files_are_named_from_the_documented_titles(title: str, name: str) -> None:
    """A real service's stem carries no ``stem`` field: its file is named from its title."""
    from types import SimpleNamespace

    from suno_nb.exports.stems import _stem_name

    assert _stem_name(SimpleNamespace(title=title, clip={}), "song") == name


@pytest.mark.slow
@pytest.mark.parametrize("name", ["add_stem", "extract_stem", "sounds", "adjust_speed"])
def test_the_newer_actions_answer_with_short_clips(world, name) -> None:
    """The v6 guide's clips of these actions have no cover, lyric or video: nor do ours."""
    (entry,) = [a for a in ANSWERS if a[0] == name]
    _, _, path, request_body, documented = entry
    status, got = world.answer(path, request_body)
    assert status == 200, got
    allowed = set(documented["data"][0]) | {"title", "stem", "stem_set"}
    assert set(got["data"][0]) <= allowed, set(got["data"][0]) - allowed
