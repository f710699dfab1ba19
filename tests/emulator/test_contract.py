"""The contract suite: the same assertions against the in-process emulator, the emulator over a
socket, and (marked live, with ACEDATACLOUD_API_TOKEN) the real service."""

from __future__ import annotations

import pytest

from tests.emulator.contract import Api, api_for

TARGETS = [
    pytest.param("inprocess"),
    pytest.param("server"),
    pytest.param("live", marks=pytest.mark.live),
]
CLIP_FIELDS = {
    "id",
    "title",
    "image_url",
    "lyric",
    "audio_url",
    "video_url",
    "created_at",
    "model",
    "state",
    "prompt",
    "style",
    "duration",
}


@pytest.fixture(scope="module", params=TARGETS)
def api(request, tmp_path_factory) -> Api:
    with api_for(request.param, tmp_path_factory.mktemp(request.param)) as handle:
        yield handle


@pytest.fixture(scope="module")
def done(api: Api) -> dict:
    return api.generate()


def error_of(response) -> tuple[int, str, str]:
    body = response.json()
    assert body["success"] is False and body["trace_id"]
    return response.status_code, body["error"]["code"], body["error"]["message"]


def test_generate_record_and_clip_shape(api: Api, done: dict) -> None:
    assert {"id", "trace_id", "created_at", "finished_at", "elapsed", "response"} <= done.keys()
    response = done["response"]
    assert response["success"] is True and response["task_id"] == done["id"]
    assert len(response["data"]) == 2
    for clip in response["data"]:
        assert clip.keys() >= CLIP_FIELDS and clip["state"] == "succeeded"
        assert isinstance(clip["duration"], float) and clip["duration"] > 0
        audio = api.http.get(clip["audio_url"])
        assert audio.status_code == 200 and len(audio.content) > 10_000


def test_unknown_task_is_empty(api: Api) -> None:
    assert api.task("00000000-0000-0000-0000-000000000000") == {}


def test_batch(api: Api, done: dict) -> None:
    body = api.post("/suno/tasks", {"action": "retrieve_batch", "ids": [done["id"]]}).json()
    assert body["count"] == 1 and body["items"][0]["id"] == done["id"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"action": "generate"}, "prompt is required when generate audio"),
        ({"action": "generate", "custom": True}, "lyric is required when generate custom audio"),
        ({"action": "extend", "continue_at": 10}, "audio_id is required when extend audio"),
        ({"prompt": "x", "model": "chirp-v0"}, "model is invalid."),
        ({"prompt": "x" * 501}, "Prompt too long."),
        ({"custom": True, "lyric": "la", "style": "s" * 201}, "Tags too long."),
        ({"custom": True, "lyric": "la", "title": "t" * 81}, "Title too long."),
        (
            {"action": "cover", "audio_id": "no-such-clip"},
            "The song id does not exist or has been taken offline.",
        ),
    ],
)
def test_bad_request_messages(api: Api, body: dict, message: str) -> None:
    assert error_of(api.post("/suno/audios", body)) == (400, "bad_request", message)


def test_continue_at_must_be_positive(api: Api, done: dict) -> None:
    clip_id = done["response"]["data"][0]["id"]
    body = {"action": "extend", "audio_id": clip_id, "continue_at": 0, "lyric": "la"}
    assert error_of(api.post("/suno/audios", body)) == (
        400,
        "bad_request",
        "continue_at must be a number greater than 0",
    )


def test_malformed_bodies_are_4xx(api: Api) -> None:
    for content in (b"{not json", b"[1, 2]", b'"text"'):
        r = api.http.post(
            "/suno/audios", content=content, headers={"content-type": "application/json"}
        )
        assert 400 <= r.status_code < 500
    r = api.post("/suno/audios", {"prompt": 5})
    assert r.status_code == 400 and "prompt" in r.json()["error"]["message"]


def test_unknown_path_is_no_api(api: Api) -> None:
    r = api.post("/suno/nothing-here", {})
    assert r.status_code == 404 and r.json()["error"]["code"] == "no_api"


def test_moderation_refuses_artist_names(api: Api) -> None:
    status, code, message = error_of(api.post("/suno/audios", {"prompt": "a song like Drake"}))
    assert (status, code) == (403, "forbidden") and "artist name" in message


def test_sibling_endpoints_shapes(api: Api, done: dict) -> None:
    clip = done["response"]["data"][0]
    ok = lambda r: (r.status_code == 200 and r.json()["success"] is True) or pytest.fail(r.text)  # noqa: E731
    r = api.post("/suno/lyrics", {"prompt": "rainy city night"})
    ok(r)
    lyrics = r.json()["data"]
    first = lyrics[0] if isinstance(lyrics, list) else lyrics
    assert {"text", "title", "status"} <= first.keys()
    r = api.post("/suno/mashup-lyrics", {"lyrics_a": first["text"], "lyrics_b": "[Verse]\nla"})
    ok(r)
    assert "text" in r.json()["data"]
    r = api.post("/suno/style", {"prompt": "lofi"})
    ok(r)
    assert isinstance(r.json()["data"]["upsampled_tags"], str)
    r = api.post("/suno/wav", {"audio_id": clip["id"]})
    ok(r)
    wav = api.http.get(r.json()["data"][0]["file_url"])
    assert wav.content[:4] == b"RIFF"
    r = api.post("/suno/midi", {"audio_id": clip["id"]})
    ok(r)
    assert "instruments" in r.json()["data"][0]
    r = api.post("/suno/timing", {"audio_id": clip["id"]})
    ok(r)
    assert {"aligned_words", "waveform_data"} <= r.json()["data"].keys()
    r = api.post("/suno/vox", {"audio_id": clip["id"], "vocal_start": 0, "vocal_end": 5})
    ok(r)
    vox = r.json()["data"]
    assert {"id", "source_clip_id", "vocal_audio_url"} <= vox.keys()
    r = api.post("/suno/persona", {"audio_id": clip["id"], "name": "Night Singer"})
    ok(r)
    persona_id = r.json()["data"]["persona_id"]
    listing = api.http.get(
        "/suno/persona", params={"limit": 50, "user_id": "emulator-user"}
    ).json()["data"]
    assert any(p["persona_id"] == persona_id for p in listing["items"])
    r = api.post(
        "/suno/audios",
        {
            "action": "artist_consistency",
            "persona_id": persona_id,
            "prompt": "a song",
            "async": True,
        },
    )
    assert r.status_code == 200
    r = api.http.delete("/suno/persona", params={"persona_id": persona_id})
    ok(r)
    r = api.post("/suno/upload", {"audio_url": clip["audio_url"]})
    ok(r)
    upload = r.json()["data"]
    assert upload["audio_id"] and upload["duration"] > 0
    r = api.post("/suno/voices", {"audio_url": clip["audio_url"], "name": "V"})
    ok(r)
    assert r.json()["data"]["persona_id"]


def test_mp4_is_a_real_video(api: Api, done: dict) -> None:
    clip = done["response"]["data"][1]
    r = api.post("/suno/mp4", {"audio_id": clip["id"]})
    if r.status_code == 501:
        pytest.skip("no bundled ffmpeg (imageio-ffmpeg) here")
    video = api.http.get(r.json()["data"]["video_url"], timeout=120)
    assert video.status_code == 200 and video.content[4:8] == b"ftyp"


def test_extend_then_concat(api: Api, done: dict) -> None:
    clip = done["response"]["data"][0]
    ext = api.generate(action="extend", audio_id=clip["id"], continue_at=5.0, lyric="[Verse]\nla")
    assert ext["response"]["success"] is True
    last = ext["response"]["data"][0]["id"]
    concat = api.generate(action="concat", audio_id=last)
    assert concat["response"]["success"] is True and len(concat["response"]["data"]) == 1


def test_blocking_mode_returns_the_result(api: Api) -> None:
    if not api.emulated:
        pytest.skip("holds a paid request for minutes on the real service")
    r = api.post("/suno/audios", {"prompt": "blocking"})
    assert r.status_code == 200 and r.json()["success"] is True and len(r.json()["data"]) == 2
