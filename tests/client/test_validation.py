"""Every field rule of the contract is refused before any request, naming field and allowed."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from client_support import BASE, example_value, minimal_request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suno_nb import _http, errors, schema
from suno_nb.client import Client


def _no_network(request: _http.Request) -> _http.Response:
    raise AssertionError(f"a request was sent: {request.method} {request.url}")


@pytest.fixture
def offline() -> Client:
    return Client(transport=_http.MockTransport(_no_network), base_url=BASE, catalogue=False)


BAD = [
    # (action, fields, field at fault, words the message must contain)
    ("generate", {"prompt": "p", "weirdness": 1.5}, "weirdness", "from 0 to 1"),
    ("generate", {"prompt": "p", "weirdness": -0.1}, "weirdness", "from 0 to 1"),
    ("generate", {"prompt": "p", "style_influence": 2}, "style_influence", "from 0 to 1"),
    ("cover", {"audio_id": "a", "audio_weight": 1.01}, "audio_weight", "from 0 to 1"),
    ("generate", {"prompt": "p", "duration": 5}, "duration", "from 10 to 360"),
    ("generate", {"prompt": "p", "duration": 361}, "duration", "from 10 to 360"),
    ("generate", {"prompt": "p", "duration": 12.5}, "duration", "integer"),
    ("generate", {"prompt": "x" * 501}, "prompt", "at most 500"),
    ("generate", {"custom": True, "lyric": "l" * 3001, "model": "chirp-v4"}, "lyric", "3000"),
    ("generate", {"custom": True, "lyric": "l" * 5001, "model": "chirp-v5"}, "lyric", "5000"),
    ("generate", {"custom": True, "lyric": "l" * 3001}, "lyric", "chirp-v4-5 or newer"),
    ("generate", {"prompt": "p", "title": "t" * 81, "model": "chirp-v3-5"}, "title", "80"),
    ("generate", {"prompt": "p", "title": "t" * 101, "model": "chirp-v5"}, "title", "100"),
    ("generate", {"prompt": "p", "style": "s" * 201}, "style", "200"),
    ("generate", {"prompt": "p", "style": "s" * 1001, "model": "chirp-v5"}, "style", "1000"),
    ("generate", {"prompt": "p", "vocal_gender": "x"}, "vocal_gender", "'m', 'f'"),
    (
        "generate",
        {"prompt": "p", "vocal_gender": "m", "model": "chirp-v4"},
        "vocal_gender",
        "chirp-v4-5 or newer",
    ),
    (
        "generate",
        {"prompt": "p", "variation_category": "wild"},
        "variation_category",
        "'high', 'normal', 'subtle'",
    ),
    (
        "generate",
        {"prompt": "p", "variation_category": "high", "model": "chirp-v4-5"},
        "variation_category",
        "chirp-v5 or newer",
    ),
    ("generate", {"prompt": "p", "model": 5}, "model", "model name"),
    ("generate", {"prompt": "p", "custom": "yes"}, "custom", "True or False"),
    ("generate", {}, "prompt", "prompt is required when generate audio"),
    ("generate", {"custom": True}, "lyric", "lyric is required when generate custom audio"),
    ("generate", {"prompt": "p", "lyric_prompt": "write"}, "lyric_prompt", "custom=True"),
    (
        "generate",
        {"custom": True, "lyric": "l", "lyric_prompt": "w"},
        "lyric_prompt",
        "must be empty",
    ),
    ("generate", {"prompt": "p", "audio_id": "x"}, "audio_id", "not a field of generate"),
    ("generate", {"prompt": "p", "callback_url": "ftp://x"}, "callback_url", "http(s) URL"),
    (
        "extend",
        {"continue_at": 10, "lyric": "l"},
        "audio_id",
        "audio_id is required when extend audio",
    ),
    ("extend", {"audio_id": "a", "continue_at": 0, "lyric": "l"}, "continue_at", "greater than 0"),
    ("extend", {"audio_id": "a", "continue_at": 10}, "lyric", "unless instrumental"),
    ("upload_extend", {"audio_id": "a", "continue_at": 10}, "lyric", "unless instrumental"),
    (
        "replace_section",
        {"audio_id": "a", "replace_section_start": 20, "replace_section_end": 10},
        "replace_section_end",
        "greater than",
    ),
    (
        "replace_section",
        {
            "audio_id": "a",
            "replace_section_start": 5,
            "replace_section_end": 10,
            "replace_section_result_mode": "x",
        },
        "replace_section_result_mode",
        "'full_song', 'candidates'",
    ),
    (
        "underpainting",
        {"audio_id": "a", "underpainting_start": 30, "underpainting_end": 30},
        "underpainting_end",
        "greater than",
    ),
    (
        "underpainting",
        {"audio_id": "a", "underpainting_end": 0},
        "underpainting_end",
        "greater than",
    ),
    ("overpainting", {"audio_id": "a", "overpainting_end": 10}, "lyric", "required"),
    (
        "overpainting",
        {"audio_id": "a", "overpainting_end": 10, "lyric": "l", "custom": False},
        "custom",
        "must be True",
    ),
    (
        "samples",
        {"audio_id": "a", "samples_start": 8, "samples_end": 3},
        "samples_end",
        "greater than",
    ),
    ("remaster", {"audio_id": "a", "model": "chirp-v4"}, "model", "chirp-v4-5 or newer"),
    ("mashup", {"mashup_audio_ids": ["a"]}, "mashup_audio_ids", "exactly 2"),
    ("mashup", {"mashup_audio_ids": ["a", "b", "c"]}, "mashup_audio_ids", "exactly 2"),
    ("mashup", {"mashup_audio_ids": ["a", " "]}, "mashup_audio_ids", "empty id"),
    ("inspo", {"audio_urls": []}, "audio_urls", "1 to 4"),
    ("inspo", {"audio_urls": ["https://a.test/x.mp3"] * 5}, "audio_urls", "1 to 4"),
    ("inspo", {"audio_urls": ["file:///etc/passwd"]}, "audio_urls", "not an http(s) URL"),
    ("artist_consistency", {}, "persona_id", "required"),
    ("artist_consistency_vox", {"persona_id": "p"}, "audio_id", "required"),
    ("add_stem", {"audio_id": "a", "stem_type": "kazoo"}, "stem_type", "'vocals'"),
    ("extract_stem", {"audio_id": "a"}, "stem_type", "required"),
    ("sounds", {"sound": "kick", "sound_type": "burst"}, "sound_type", "'one-shot', 'loop'"),
    ("sounds", {"sound": "kick", "sound_type": "loop", "bpm": 301}, "bpm", "from 1 to 300"),
    (
        "adjust_speed",
        {"audio_id": "a", "speed_multiplier": 5, "title": "t"},
        "speed_multiplier",
        "from 0.25 to 4",
    ),
    ("adjust_speed", {"audio_id": "a", "speed_multiplier": 2}, "title", "required"),
    ("concat", {}, "audio_id", "required"),
    ("stems", {"audio_id": "a", "style": "rock"}, "style", "not a field of stems"),
    # adjustments are taken by every action, but still checked for type and range
    ("stems", {"audio_id": "a", "weirdness": 2}, "weirdness", "from 0 to 1"),
    ("concat", {"audio_id": "a", "duration": 5}, "duration", "from 10 to 360"),
    ("remaster", {"audio_id": "a", "vocal_gender": "x"}, "vocal_gender", "'m', 'f'"),
    # variety is generate and add_stem only: the audios guide says other actions get a 400
    (
        "extend",
        {"audio_id": "a", "continue_at": 5, "lyric": "l", "variety": "high"},
        "variety",
        "not a field of extend",
    ),
]


@pytest.mark.parametrize(("action", "fields", "field", "words"), BAD)
def test_bad_input_is_refused_before_sending(offline, action, fields, field, words) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(errors.ValidationError) as info:
            offline.audios(action, **fields)
    err = info.value
    assert err.field == field, str(err)
    assert words in str(err), str(err)
    assert err.allowed


@pytest.mark.parametrize(
    ("name", "fields", "field"),
    [
        ("lyrics", {"prompt": ""}, "prompt"),
        ("lyrics", {"prompt": "p", "model": "gpt"}, "model"),
        ("voices", {"audio_url": "not a url"}, "audio_url"),
        ("upload", {"audio_url": ""}, "audio_url"),
        ("personas", {"user_id": "u", "limit": 0}, "limit"),
        ("upload", {"audio_url": "https://a.test/x.mp3", "mode": "enhanced"}, "name"),
        (
            "upload",
            {"audio_url": "http://a.test/x.mp3", "mode": "enhanced", "name": "n"},
            "audio_url",
        ),
        ("vox", {"audio_id": "a", "vocal_start": 10.0, "vocal_end": 5.0}, "vocal_end"),
        ("create_persona", {"audio_id": "a", "name": ""}, "name"),
    ],
)
def test_endpoint_bad_input(offline: Client, name: str, fields: dict, field: str) -> None:
    with pytest.raises(errors.ValidationError) as info:
        getattr(offline, name)(**fields)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("name", "fields", "field"),
    [("personas", {"limit": 5}, "user_id"), ("vox", {"audio_id": "a"}, "vocal_start")],
)
def test_newer_required_endpoint_fields(name: str, fields: dict, field: str) -> None:
    problems = schema.check_endpoint(name, fields)
    assert problems[0].field == field and problems[0].kind is errors.ProblemKind.REQUIRED


def test_unknown_model_and_action_pass_through_with_a_warning() -> None:
    sent = []

    def handler(request: _http.Request) -> _http.Response:
        sent.append(request)
        return _http.Response(200, json={"task_id": "t"})

    client = Client(transport=_http.MockTransport(handler), base_url=BASE, catalogue=False)
    with pytest.warns(schema.UnknownNameWarning, match="chirp-v9"):
        client.generate("p", model="chirp-v9", wait=False)
    with pytest.warns(schema.UnknownNameWarning, match="hyperdrive"):
        client.audios("hyperdrive", audio_id="a", wait=False)
    assert len(sent) == 2


def test_instrumental_with_lyric_warns_that_lyric_is_ignored() -> None:
    with pytest.warns(UserWarning, match="ignores lyric"):
        problems = schema.check_request(
            {"action": "generate", "custom": True, "instrumental": True, "lyric": "l"}
        )
    assert problems == []


def test_gate_without_a_model_warns_about_the_server_default() -> None:
    with pytest.warns(UserWarning, match="chirp-v4-5 or newer"):
        assert (
            schema.check_request({"action": "generate", "prompt": "p", "vocal_gender": "f"}) == []
        )


def test_extra_fields_are_sent_as_given(offline: Client) -> None:
    sent = []
    client = Client(
        transport=_http.MockTransport(
            lambda r: sent.append(r) or _http.Response(200, json={"task_id": "t"})
        ),
        base_url=BASE,
        catalogue=False,
    )
    client.generate("p", extra={"brand_new_knob": 3}, wait=False)
    assert b'"brand_new_knob":3' in sent[0].content.replace(b" ", b"")


# ---------------------------------------------------------------------- property tests


def _valid_value(spec: schema.FieldSpec, model: schema.ModelSpec) -> st.SearchStrategy[Any]:
    k = spec.kind
    if k == "bool":
        return st.booleans()
    if k in ("float", "int"):
        lo = spec.ge if spec.ge is not None else (spec.gt or 0) + 0.5
        hi = spec.le if spec.le is not None else 200.0
        if k == "int":
            return st.integers(int(lo), int(hi))
        return st.floats(lo, hi, allow_nan=False)
    if k == "enum":
        return st.sampled_from(spec.choices)
    if k == "url_list":
        return st.lists(st.just("https://example.com/a.mp3"), min_size=1, max_size=4)
    if k == "id_list":
        return st.just(["a", "b"])
    if k == "url":
        return st.just("https://example.com/a.mp3")
    limit = spec.length_limit(model) or 50
    return st.text(st.characters(codec="utf-8"), min_size=1, max_size=min(limit, 60))


@st.composite
def valid_requests(draw: st.DrawFn) -> dict[str, Any]:
    action = draw(st.sampled_from(list(schema.ACTIONS)))
    spec = schema.ACTIONS[action]
    model_name = draw(st.sampled_from(list(schema.MODELS)))
    model = schema.MODELS[model_name]
    if spec.min_model and model.generation < spec.min_model:
        model_name, model = "chirp-v5", schema.MODELS["chirp-v5"]
    fields = dict(minimal_request(action))
    if "model" in spec.fields:
        fields["model"] = model_name
    for name in spec.optional:
        fs = schema.FIELDS[name]
        if name in fields or name in ("custom", "lyric_prompt", "instrumental", "model"):
            continue
        if fs.min_model and model.generation < fs.min_model:
            continue
        if name == "duration" and model.max_duration < 360:
            fields[name] = draw(st.integers(10, model.max_duration))
            continue
        if draw(st.booleans()):
            fields[name] = draw(_valid_value(fs, model))
    for prefix in ("replace_section", "underpainting", "overpainting", "samples"):
        start, end = f"{prefix}_start", f"{prefix}_end"
        if end in fields:
            fields[start] = draw(st.floats(0, 100))
            fields[end] = fields[start] + draw(st.floats(0.5, 100))
    return {"action": action, **fields}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(valid_requests())
def test_valid_requests_are_never_refused(body: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert schema.check_request(body) == [], body


_ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    action=st.sampled_from([*schema.ACTIONS, "made_up_action"]),
    fields=st.dictionaries(
        st.sampled_from([*schema.FIELDS, "style_negative", "bogus"]), _ANY_JSON, max_size=6
    ),
)
def test_random_requests_raise_only_validation_errors(action: str, fields: dict) -> None:
    sent = []
    client = Client(
        transport=_http.MockTransport(
            lambda r: sent.append(r) or _http.Response(200, json={"task_id": "t"})
        ),
        base_url=BASE,
        catalogue=False,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            client.audios(action, **fields, wait=False)
        except errors.ValidationError as exc:
            assert exc.field and exc.problems
            assert sent == []
        else:
            assert len(sent) == 1


def test_every_field_has_an_example_for_docs_and_widgets() -> None:
    for name in schema.FIELDS:
        assert example_value(name) is not None


KINDS = [
    # (action body without action, field at fault, kind)
    ({"action": "generate", "prompt": "p", "weirdness": 1.5}, "weirdness", "range"),
    ({"action": "generate", "prompt": "p", "weirdness": "high"}, "weirdness", "type"),
    ({"action": "generate", "prompt": "p", "custom": "yes"}, "custom", "type"),
    ({"action": "generate"}, "prompt", "required"),
    ({"action": "generate", "prompt": "x" * 501}, "prompt", "length"),
    ({"action": "mashup", "mashup_audio_ids": ["a"]}, "mashup_audio_ids", "length"),
    ({"action": "generate", "prompt": "p", "vocal_gender": "x"}, "vocal_gender", "choice"),
    ({"action": "inspo", "audio_urls": ["file:///x"]}, "audio_urls", "format"),
    ({"action": "generate", "prompt": "p", "callback_url": "ftp://x"}, "callback_url", "format"),
    ({"action": "stems", "audio_id": "a", "bogus": 1}, "bogus", "unknown_field"),
    (
        {"action": "samples", "audio_id": "a", "samples_start": 8, "samples_end": 3},
        "samples_end",
        "rule",
    ),
    (
        {"action": "generate", "prompt": "p", "vocal_gender": "m", "model": "chirp-v4"},
        "vocal_gender",
        "model_gate",
    ),
    ({"action": "remaster", "audio_id": "a", "model": "chirp-v4"}, "model", "model_gate"),
]


@pytest.mark.parametrize(("body", "field", "kind"), KINDS)
def test_each_problem_says_its_kind_as_data(body: dict, field: str, kind: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        problems = schema.check_request(body)
    assert [(p.field, p.kind) for p in problems][:1] == [(field, errors.ProblemKind(kind))]


NUMBER_FIELDS = [name for name, spec in schema.FIELDS.items() if spec.kind in ("float", "int")] + [
    f"{ep}.{f.name}"
    for ep, e in schema.ENDPOINTS.items()
    for f in e.fields
    if f.kind in ("float", "int")
]


@pytest.mark.parametrize("where", NUMBER_FIELDS)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_inf_are_refused_for_every_number_field(where: str, bad: float) -> None:
    if "." in where:
        endpoint, name = where.split(".")
        problems = schema.check_endpoint(endpoint, {name: bad})
    else:
        name = where
        action = next(a for a in schema.ACTIONS.values() if name in a.fields)
        body = {"action": action.name, **schema.example_request(action.name), name: bad}
        problems = schema.check_request(body, warn=False)
    (problem,) = [p for p in problems if p.field == name]
    assert problem.kind is errors.ProblemKind.TYPE
    assert "finite" in problem.message


def test_listing_tasks_sends_retrieve_batch_with_the_sdk_filters() -> None:
    sent = []

    def handler(request: _http.Request) -> _http.Response:
        sent.append(request)
        return _http.Response(200, json={"count": 1, "items": [{"id": "t1", "created_at": 5.0}]})

    client = Client(transport=_http.MockTransport(handler), base_url=BASE, catalogue=False)
    page = client.list_tasks(
        created_at_min=1.0, created_at_max=9.5, offset=0, limit=20, type="audios", user_id="u"
    )
    assert page.count == 1 and page.items[0].id == "t1"
    import json

    body = json.loads(sent[0].content)
    assert sent[0].url.path == "/suno/tasks"
    assert body == {
        "action": "retrieve_batch",
        "created_at_min": 1.0,
        "created_at_max": 9.5,
        "offset": 0,
        "limit": 20,
        "type": "audios",
        "user_id": "u",
    }
    with pytest.raises(errors.ValidationError) as info:
        client.list_tasks(limit=0)
    assert info.value.problems[0].kind is errors.ProblemKind.RANGE


ACCEPTED_AS_DOCUMENTED = [
    # the audios guide: audio_weight "can be used for generation, continuation, cover, adding
    # tracks, and voice consistency"
    {"action": "generate", "prompt": "p", "audio_weight": 0.4},
    {"action": "extend", "audio_id": "a", "continue_at": 5, "lyric": "l", "audio_weight": 0},
    {"action": "artist_consistency", "persona_id": "p", "audio_weight": 0.7},
    {
        "action": "add_stem",
        "audio_id": "a",
        "stem_type": "bass",
        "title": "t",
        "negative_tags": "vocals",
        "max_mode": False,
        "variety": "normal",
    },
    {"action": "sounds", "sound": "kick", "sound_type": "one-shot", "audio_format": "mp3"},
    {
        "action": "replace_section",
        "audio_id": "a",
        "replace_section_start": 30.0,
        "replace_section_end": 60.0,
        "custom": False,
        "instrumental": False,
    },
    {
        "action": "samples",
        "audio_id": "a",
        "samples_start": 1,
        "samples_end": 9,
        "instrumental": True,
    },
    {"action": "mashup", "mashup_audio_ids": ["a", "b"], "instrumental": False},
]


@pytest.mark.parametrize("body", ACCEPTED_AS_DOCUMENTED)
def test_documented_fields_are_accepted(body: dict) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", schema.NoEffectWarning)
        assert schema.check_request(body) == []


@pytest.mark.parametrize("action", list(schema.ACTIONS))
@pytest.mark.parametrize("name", schema.ADJUSTMENTS)
def test_adjustments_are_never_refused_because_of_the_action(action: str, name: str) -> None:
    body = {"action": action, **schema.example_request(action), name: schema.example_value(name)}
    if name == "vocal_gender":
        body["model"] = "chirp-v5"
    if name == "duration":
        body["duration"] = 30
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert schema.check_request(body) == [], body
    no_effect = [w for w in caught if issubclass(w.category, schema.NoEffectWarning)]
    assert bool(no_effect) == (name not in schema.ACTIONS[action].fields)


def test_a_duration_past_the_models_longest_song_is_a_warning_not_a_refusal() -> None:
    body = {"action": "generate", "prompt": "p", "duration": 300, "model": "chirp-v3-5"}
    with pytest.warns(schema.NoEffectWarning, match="120 s"):
        assert schema.check_request(body) == []


def test_max_mode_without_custom_on_generate_warns() -> None:
    with pytest.warns(schema.NoEffectWarning, match="custom=True"):
        assert schema.check_request({"action": "generate", "prompt": "p", "max_mode": True}) == []


@pytest.mark.parametrize(
    ("name", "values", "credits"),
    [
        ("generate", {}, 0.56),
        ("generate", {"custom": True, "max_mode": True}, 1.12),
        ("generate", {"max_mode": True}, 0.56),  # max_mode needs custom=True on generate
        ("add_stem", {}, 0.672),
        ("add_stem", {"max_mode": True}, 1.344),
        ("extract_stem", {}, 1.12),
        ("sounds", {}, 0.112),
        ("adjust_speed", {}, 0.28),
        ("upload", {"mode": "enhanced"}, 1.87),
        ("create_custom_model", {}, 10.0),
        ("list_tasks", {}, 0.0),
    ],
)
def test_list_prices_follow_the_guides(name: str, values: dict, credits: float) -> None:
    assert schema.list_price(name, values) == credits


def test_a_users_prices_win_over_the_list() -> None:
    assert schema.list_price("generate", overrides={"generate": 0.5}) == 0.5
    assert schema.list_price("sounds", overrides={"*": 2}) == 2.0


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_values_outside_a_range_are_refused_naming_the_field(data: st.DataObject) -> None:
    ranged = [
        (a.name, f)
        for a in schema.ACTIONS.values()
        for f in a.fields
        if schema.FIELDS[f].kind in ("float", "int") and schema.FIELDS[f].le is not None
    ]
    action, name = data.draw(st.sampled_from(ranged))
    spec = schema.FIELDS[name]
    if spec.kind == "int":
        step: float = data.draw(st.integers(1, 10**6))
    else:
        step = data.draw(st.floats(0.01, 1e6, allow_nan=False))
    value = data.draw(st.sampled_from([spec.le + step, (spec.ge or 0) - step]))
    body = {"action": action, **schema.example_request(action), name: value}
    problems = schema.check_request(body, warn=False)
    assert name in [p.field for p in problems], body
