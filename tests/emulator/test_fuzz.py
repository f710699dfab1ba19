"""Bad input never gets a 5xx: schemathesis against the app's own generated OpenAPI, and a
hypothesis property over arbitrary JSON bodies sent to every path."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from suno_nb.emulator import Emulator, engine
from suno_nb.emulator.server import create_app

from . import tone_engine

# The fuzzing is about the HTTP layer, not music: plain tones keep each render instant.
_TONES = tone_engine

_emulator = Emulator(profile="instant", max_duration=4.0)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_emulator))


@pytest.fixture(autouse=True)
def plain_tones(monkeypatch):
    monkeypatch.setattr(engine, "_engine", _TONES)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_for_any_input(case) -> None:
    case.call_and_validate(checks=[not_a_server_error])


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
_paths = st.sampled_from(
    [
        "/suno/audios",
        "/suno/tasks",
        "/suno/lyrics",
        "/suno/persona",
        "/suno/upload",
        "/suno/vox",
        "/suno/midi",
        "/suno/mp4",
        "/nope",
    ]
)
_fields = st.sampled_from(
    [
        "action",
        "prompt",
        "custom",
        "lyric",
        "model",
        "audio_id",
        "id",
        "ids",
        "continue_at",
        "audio_url",
        "mashup_audio_ids",
        "async",
        "callback_url",
        "weirdness",
        "duration",
    ]
)


@given(
    path=_paths,
    method=st.sampled_from(["POST", "GET", "DELETE"]),
    body=st.one_of(_json, st.dictionaries(_fields, _json, max_size=5)),
    raw=st.binary(max_size=40),
    use_raw=st.booleans(),
)
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
def test_core_answers_every_body_with_an_envelope(path, method, body, raw, use_raw) -> None:
    content = raw if use_raw else json.dumps(body).encode()
    answer = _emulator.handle(method, path, {}, {"content-type": "application/json"}, content)
    assert answer.status < 500, answer.body
    if answer.status >= 400:
        assert answer.body["success"] is False and answer.body["error"]["code"]
