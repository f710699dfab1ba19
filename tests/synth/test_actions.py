"""Every action runs and really transforms its sources."""

from __future__ import annotations

import numpy as np
import pytest

from suno_nb.emulator.synth import (
    SUPPORTED_ACTIONS,
    Rendering,
    analyse_audio,
    capture_voice,
    render_action,
    score_to_midi,
    word_timings,
)
from suno_nb.emulator.synth.analysis import chroma, estimate_pitch, estimate_tempo, loudness_db

SR = 44100


@pytest.fixture(scope="session")
def sources(song, render) -> dict[str, Rendering]:
    tone = 0.3 * np.sin(2 * np.pi * 220 * np.arange(SR * 8) / SR).astype(np.float32)
    old = render("generate", {"custom": True, "style": "rock", "instrumental": True,
                              "duration": 10, "model": "chirp-v3-5"})[0]  # fmt: skip
    extended = render("extend", {"audio_id": "song", "continue_at": 10, "duration": 8,
                                 "lyric": "[Verse]\nStill the night is young"},
                      sources={"song": song})[0]  # fmt: skip
    return {"song": song, "tone": analyse_audio(tone, SR, title="Tone"), "old": old,
            "ext": extended, "http://ref/a.mp3": song}  # fmt: skip


REQUESTS: dict[str, tuple[dict, int]] = {
    "generate": ({"prompt": "a jazz song about coffee", "duration": 8}, 2),
    "extend": ({"audio_id": "song", "continue_at": 8, "duration": 6, "instrumental": True}, 2),
    "upload_extend": ({"audio_id": "tone", "continue_at": 4, "duration": 6,
                       "lyric": "[Verse]\nhello again"}, 2),
    "concat": ({"audio_id": "ext"}, 1),
    "cover": ({"audio_id": "song", "style": "reggae"}, 2),
    "upload_cover": ({"audio_id": "tone", "style": "synthwave"}, 2),
    "artist_consistency": ({"persona_id": "p1", "prompt": "rainy day", "duration": 8}, 2),
    "artist_consistency_vox": ({"persona_id": "p1", "audio_id": "song", "duration": 8}, 2),
    "stems": ({"audio_id": "song"}, 2),
    "all_stems": ({"audio_id": "song"}, 24),
    "replace_section": ({"audio_id": "song", "replace_section_start": 4,
                         "replace_section_end": 9, "prompt": "a brand new line"}, 2),
    "underpainting": ({"audio_id": "tone", "underpainting_end": 6, "style": "folk"}, 2),
    "overpainting": ({"audio_id": "tone", "overpainting_end": 6, "custom": True,
                      "lyric": "[Verse]\nsinging over you"}, 2),
    "samples": ({"audio_id": "song", "samples_start": 2, "samples_end": 7}, 2),
    "remaster": ({"audio_id": "old", "model": "chirp-v4-5"}, 2),
    "mashup": ({"mashup_audio_ids": ["song", "old"]}, 2),
    "inspo": ({"audio_urls": ["http://ref/a.mp3"], "prompt": "summer", "duration": 8}, 2),
    "add_stem": ({"audio_id": "song", "stem_type": "strings"}, 2),
    "extract_stem": ({"audio_id": "song", "stem_type": "drums"}, 4),
    "sounds": ({"sound": "808 bass", "sound_type": "loop", "bpm": 140, "key": "F minor"}, 2),
    "adjust_speed": ({"audio_id": "song", "speed_multiplier": 1.25, "title": "Faster"}, 1),
}  # fmt: skip


def test_every_action_is_covered():
    assert set(REQUESTS) == set(SUPPORTED_ACTIONS) and len(SUPPORTED_ACTIONS) == 21


@pytest.mark.parametrize("action", SUPPORTED_ACTIONS)
def test_action_returns_sane_clips(render, sources, action):
    request, count = REQUESTS[action]
    # Only the persona actions get a persona: the other renders are then shared (memoised)
    # with the tests below that ask for the same request.
    extra = {"persona": capture_voice(sources["song"])} if action.startswith("artist") else {}
    clips = render(action, request, sources=sources, **extra)
    assert len(clips) == count
    audible = 0
    for clip in clips:
        assert clip.audio.dtype == np.float32 and clip.audio.ndim == 2
        assert clip.audio.shape[1] == 2 and clip.sr == SR
        assert np.isfinite(clip.audio).all() and clip.duration > 0.5
        assert float(np.abs(clip.audio).max()) <= 1.0
        audible += float(np.sqrt(np.mean(clip.audio**2))) > 1e-3
        if clip.layers:
            assert np.abs(sum(clip.layers.values()) - clip.audio).max() < 1e-4
    assert audible >= (count // 2 if action == "all_stems" else count)


def test_unknown_action_and_missing_source_fail_clearly(sources):
    with pytest.raises(ValueError, match="not supported"):
        render_action("levitate", {}, seed=1)
    with pytest.raises(KeyError):
        render_action("cover", {"audio_id": "nope"}, seed=1, sources=sources)
    with pytest.raises(KeyError):
        render_action("mashup", {"mashup_audio_ids": ["song", "gone"]}, seed=1, sources=sources)


def _band(clip: Rendering, start: float, end: float) -> np.ndarray:
    return clip.audio[int(start * clip.sr) : int(end * clip.sr)]


def test_stems_are_the_real_layers_and_sum_to_the_mix(render, sources):
    vocals, rest = render("stems", {"audio_id": "song"}, sources=sources)
    assert vocals.title == "Lights - Vocals" and rest.title == "Lights - Instrumental"
    assert np.abs(vocals.audio + rest.audio - sources["song"].audio).max() < 1e-5
    assert np.array_equal(vocals.layers["vocals"], sources["song"].layers["vocals"])
    sets = render("all_stems", {"audio_id": "song"}, sources=sources)
    titles = [c.title.split(" (", 1)[1].rstrip(")") for c in sets[:12]]  # "<title> (Vocals)"
    assert titles[:4] == ["Vocals", "Backing Vocals", "Drums", "Bass"] and titles[-1] == "Woodwinds"
    for group in (sets[:12], sets[12:]):
        assert np.abs(sum(c.audio for c in group) - sources["song"].audio).max() < 1e-4
    assert not np.allclose(sets[2].audio, sets[14].audio)  # the two sets are two separations


def test_extract_stem_gives_isolated_and_without(render, sources):
    clips = render("extract_stem", {"audio_id": "song", "stem_type": "drums"}, sources=sources)
    titles = [c.title.split(" (", 1)[1].rstrip(")") for c in clips[:2]]  # "<title> (Drums)"
    assert titles == ["Drums", "Without Drums"]
    for alone, without in (clips[:2], clips[2:]):
        assert np.abs(alone.audio + without.audio - sources["song"].audio).max() < 1e-4
    assert np.array_equal(clips[0].audio, sources["song"].layers["drums"])


def test_stems_of_an_upload_still_sum_to_it(render, sources):
    vocals, rest = render("stems", {"audio_id": "tone"}, sources=sources)
    assert np.abs(vocals.audio + rest.audio - sources["tone"].audio).max() < 1e-4


@pytest.mark.parametrize(("action", "start", "end"), [
    ("replace_section", 4, 9), ("samples", 2, 7),
])  # fmt: skip
def test_window_edits_leave_the_outside_untouched(render, sources, action, start, end):
    src = sources["song"]
    for clip in render(action, REQUESTS[action][0], sources=sources):
        assert clip.duration == pytest.approx(src.duration)
        a, b = int(start * SR), int(end * SR)
        assert np.array_equal(clip.audio[:a], src.audio[:a])
        assert np.array_equal(clip.audio[b:], src.audio[b:])
        assert not np.allclose(clip.audio[a:b], src.audio[a:b], atol=1e-3)


@pytest.mark.parametrize("action", ["underpainting", "overpainting"])
def test_painting_adds_only_inside_its_window(render, sources, action):
    src = sources["tone"]
    for clip in render(action, REQUESTS[action][0], sources=sources):
        b = int(6 * SR)
        assert np.array_equal(clip.audio[b:], src.audio[b:])
        added = clip.audio[:b] - src.audio[:b]
        assert float(np.sqrt(np.mean(added**2))) > 0.01
    layer = "vocals" if action == "overpainting" else "drums"
    assert layer in clip.layers


def test_replace_section_candidates_are_the_raw_segments(render, sources):
    request = {**REQUESTS["replace_section"][0], "replace_section_result_mode": "candidates"}
    clips = render("replace_section", request, sources=sources)
    assert [round(c.duration, 2) for c in clips] == [5.0, 5.0]


def test_extend_continues_tempo_and_key(render, sources):
    src = sources["song"]
    for clip in render("extend", REQUESTS["extend"][0], sources=sources):
        assert clip.extra["parent_id"] == "song" and clip.extra["continue_at"] == 8
        assert clip.duration == pytest.approx(8 + 6, abs=0.05)
        assert np.array_equal(clip.audio[: int(7.9 * SR)], src.audio[: int(7.9 * SR)])
        assert (clip.score.tempo, clip.score.key, clip.score.mode) == (
            src.score.tempo, src.score.key, src.score.mode)  # fmt: skip
        new = _band(clip, 8, clip.duration)
        assert estimate_tempo(new, SR) == pytest.approx(estimate_tempo(src.audio, SR), rel=0.05)
        heard = chroma(new, SR)
        same = np.corrcoef(heard, chroma(src.audio, SR))[0, 1]
        other = np.corrcoef(np.roll(heard, 6), chroma(src.audio, SR))[0, 1]
        assert same > 0.7 and same > other + 0.3


def test_concat_stitches_the_chain(render, sources):
    (clip,) = render("concat", {"audio_id": "ext"}, sources=sources)
    assert [h["id"] for h in clip.extra["concat_history"]] == ["song", "ext"]
    assert clip.duration == pytest.approx(sources["ext"].duration)
    assert np.abs(clip.audio - sources["ext"].audio).max() < 1e-4


def test_cover_keeps_melody_and_words_in_a_new_style(render, sources):
    src = sources["song"]
    for clip in render("cover", {"audio_id": "song", "style": "reggae"}, sources=sources):
        assert [w for w, *_ in clip.score.words] == [w for w, *_ in src.score.words]
        old = np.diff([s[4] for s in src.score.syllables])
        new = np.diff([s[4] for s in clip.score.syllables])
        assert np.allclose(old, new)  # same tune (maybe transposed)
        assert clip.score.genre == "reggae" and "guitar" in clip.layers


def test_remaster_is_louder_and_wider_band(render, sources):
    src = sources["old"]
    from suno_nb.emulator.synth.analysis import spectral_stats

    for clip in render("remaster", REQUESTS["remaster"][0], sources=sources):
        assert clip.title.endswith(" (Remastered)")
        assert loudness_db(clip.audio) > loudness_db(src.audio) + 0.5
        assert (
            spectral_stats(clip.audio, SR)["bandwidth"] > spectral_stats(src.audio, SR)["bandwidth"]
        )


def test_mashup_aligns_the_guests_tempo(render, sources):
    a, b = render("mashup", REQUESTS["mashup"][0], sources=sources)
    song, rock = sources["song"], sources["old"]
    assert a.score.tempo == song.score.tempo and b.score.tempo == rock.score.tempo
    # Clip 2 carries the song's vocals over the rock backing, at the rock's tempo.
    assert "vocals" in b.layers
    assert estimate_tempo(b.audio, SR) == pytest.approx(rock.score.tempo, rel=0.05)


def test_inspo_derives_its_style_from_the_reference(render, sources):
    ref = render("generate", {"custom": True, "style": "drum and bass 174 bpm",
                              "instrumental": True, "duration": 12})[0]  # fmt: skip
    heard = analyse_audio(ref.audio, SR)
    clips = render("inspo", {"audio_urls": ["u"], "audio_weight": 1.0, "instrumental": True,
                             "duration": 8}, sources={"u": heard})  # fmt: skip
    assert "174 bpm" in clips[0].extra["inspo_style"]
    assert clips[0].score.tempo == pytest.approx(174, rel=0.05)


def test_persona_voice_is_reused(render, sources):
    persona = capture_voice(sources["song"], 0, 10)
    assert persona["gender"] == "f"
    low = {**persona, "pitch_centre": persona["pitch_centre"] - 12, "gender": "m"}
    high = render("artist_consistency", REQUESTS["artist_consistency"][0], persona=persona)[0]
    deep = render("artist_consistency", REQUESTS["artist_consistency"][0], persona=low)[0]
    f_high = estimate_pitch(high.layers["vocals"], SR)
    f_deep = estimate_pitch(deep.layers["vocals"], SR)
    assert 12 * np.log2(f_high / f_deep) > 8


def test_capture_voice_from_foreign_audio(sources):
    voice = capture_voice(sources["tone"])  # a 220 Hz tone: a low, "male" range
    assert voice["gender"] == "m" and voice["pitch_centre"] == pytest.approx(57, abs=0.5)
    song = sources["song"]
    upload = analyse_audio(song.layers["vocals"], SR)  # a clean voice, as /suno/voices gets
    heard = capture_voice(upload)
    assert heard["gender"] == "f"
    assert heard["pitch_centre"] == pytest.approx(capture_voice(song)["pitch_centre"], abs=1.5)


def test_add_stem_adds_that_stem_only(render, sources):
    src = sources["song"]
    for clip in render("add_stem", REQUESTS["add_stem"][0], sources=sources):
        assert "strings" in clip.layers and "strings" not in src.layers
        assert float(np.sqrt(np.mean(clip.layers["strings"] ** 2))) > 0.01
        for name in src.layers:
            # The old stems are kept (at most one shared limiter gain moves them).
            kept, old = clip.layers[name].ravel(), src.layers[name].ravel()
            assert np.corrcoef(kept, old)[0, 1] > 0.99


def test_sounds_loop_follows_bpm(render):
    clips = render("sounds", REQUESTS["sounds"][0])
    assert clips[0].duration == pytest.approx(16 * 60 / 140, rel=0.01)
    one = render("sounds", {"sound": "snare", "sound_type": "one-shot"})[0]
    assert one.duration < 4 and "drums" in one.layers


@pytest.mark.parametrize(("keep_pitch", "shift"), [(True, 0.0), (False, 12 * np.log2(1.25))])
def test_adjust_speed_changes_speed_and_maybe_pitch(render, sources, keep_pitch, shift):
    src = sources["song"]
    request = {**REQUESTS["adjust_speed"][0], "keep_pitch": keep_pitch}
    (clip,) = render("adjust_speed", request, sources=sources)
    assert clip.duration == pytest.approx(src.duration / 1.25, rel=0.02)
    moved = 12 * np.log2(estimate_pitch(clip.layers["vocals"], SR) /
                         estimate_pitch(src.layers["vocals"], SR))  # fmt: skip
    assert moved == pytest.approx(shift, abs=0.7)
    assert clip.title == "Faster"


def test_midi_notes_are_the_rendered_pitches(song):
    (result,) = score_to_midi(song.score)
    assert result["state"] == "complete"
    vocals = next(i for i in result["instruments"] if i["name"] == "vocals")
    checked = 0
    for note in vocals["notes"]:
        if note["end"] - note["start"] < 0.3:
            continue
        mid = (note["start"] + note["end"]) / 2
        seg = song.layers["vocals"][int((mid - 0.08) * SR) : int((mid + 0.08) * SR)]
        f0 = estimate_pitch(seg, SR)
        assert f0 is not None
        assert 12 * np.log2(f0 / 440) + 69 == pytest.approx(note["pitch"], abs=0.6)
        checked += 1
    assert checked >= 5
    names = {i["name"] for i in result["instruments"]}
    assert {"drums", "bass"} <= names


def test_word_timings_are_where_the_words_are_sung(song):
    timing = word_timings(song)
    words = timing["aligned_words"]
    assert [w["word"] for w in words[:2]] == ["Walking", "through"]
    assert 150 <= len(timing["waveform_data"]) <= 250
    vocals = np.abs(song.layers["vocals"]).mean(axis=1)
    mask = np.zeros(len(vocals), dtype=bool)
    for w in words:
        mask[int(w["start_s"] * SR) : int(w["end_s"] * SR)] = True
    assert vocals[mask].mean() > 5 * vocals[~mask].mean()


@pytest.mark.parametrize(("action", "request_"), [
    ("generate", {"lyric": "[Intro]\n[Outro]", "custom": True, "duration": 3}),
    ("generate", {"style": "🎵 METAL 300 bpm in H minor", "model": "chirp-v9", "duration": 4}),
    ("generate", {"prompt": "x" * 300, "negative_tags": "vocals, drums, bass, piano, guitar",
                  "duration": 4, "variation_category": "wild"}),
    ("add_stem", {"audio_id": "tone", "stem_type": "brass"}),
    ("add_stem", {"audio_id": "song", "stem_type": "no-such-stem"}),
    ("extend", {"audio_id": "song", "continue_at": 999, "instrumental": True, "duration": 3}),
    ("adjust_speed", {"audio_id": "tone", "speed_multiplier": 0.25, "keep_pitch": False}),
    ("sounds", {"sound": "", "sound_type": "loop", "bpm": 300, "key": "H"}),
])  # fmt: skip
def test_odd_requests_still_make_sane_audio(render, sources, action, request_):
    for clip in render(action, request_, sources=sources):
        assert np.isfinite(clip.audio).all() and clip.audio.shape[1] == 2
        assert len(clip.audio) > 0 and float(np.abs(clip.audio).max()) <= 1.0
