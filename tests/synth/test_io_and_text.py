"""Files, analysis of foreign audio, encoders, images and the text helpers."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import soundfile

from suno_nb.emulator.synth import (
    Rendering,
    Score,
    analyse_audio,
    cover_image,
    encode_mp3,
    encode_wav,
    mashup_lyrics,
    render_action,
    upsample_style,
    write_lyrics,
)
from suno_nb.emulator.synth.text import parse_lyrics, syllables

SR = 44100


def test_save_and_load_round_trip(song, tmp_path):
    path = tmp_path / "clip.npz"
    song.save(path)
    back = Rendering.load(path)
    assert np.array_equal(back.audio, song.audio)
    assert back.score == song.score and back.title == song.title and back.lyric == song.lyric
    assert list(back.layers) == list(song.layers)
    # Compact: well under stereo float32 per layer.
    assert path.stat().st_size < 0.6 * song.audio.nbytes * len(song.layers) / 2
    with np.load(path, allow_pickle=False) as data:  # loads without pickle
        assert "header" in data


def test_edited_clips_round_trip_closely(render, song, tmp_path):
    (clip,) = render("adjust_speed", {"audio_id": "s", "speed_multiplier": 1.5},
                     sources={"s": song})  # fmt: skip
    clip.save(tmp_path / "fast.npz")
    back = Rendering.load(tmp_path / "fast.npz")
    assert np.abs(back.audio - clip.audio).max() < 5e-3
    assert np.abs(sum(back.layers.values()) - back.audio).max() < 1e-4


def test_score_is_json_round_trippable(song):
    data = json.loads(json.dumps(song.score.to_dict()))
    assert Score.from_dict(data) == song.score


def test_preview_is_the_first_part(song):
    part = song.preview(0.25)
    assert len(part) == round(len(song.audio) * 0.25)
    assert np.array_equal(part, song.audio[: len(part)])


@pytest.mark.parametrize("kind", ["noise", "sine", "mono-short"])
def test_analyse_foreign_audio(kind):
    rng = np.random.default_rng(0)
    if kind == "noise":
        audio = rng.standard_normal((SR * 5, 2)).astype(np.float32) * 0.1
    elif kind == "sine":
        audio = 0.4 * np.sin(2 * np.pi * 440 * np.arange(SR * 5) / SR).astype(np.float32)
    else:
        audio = rng.standard_normal(SR // 2).astype(np.float32) * 0.01
    clip = analyse_audio(audio, SR, title=kind)
    assert clip.audio.shape == (len(audio), 2) and list(clip.layers) == ["mix"]
    assert 40 <= clip.score.tempo <= 240
    assert np.isfinite(clip.score.params["loudness_db"])
    if kind == "sine":
        assert clip.score.key == 9  # A
        assert all(round(s[4]) == 69 for s in clip.score.syllables)


def test_analysis_of_our_own_music_finds_tempo_and_key(render):
    request = {"custom": True, "style": "house 124 bpm in A minor", "instrumental": True,
               "weirdness": 0.0, "duration": 16}  # fmt: skip
    made = render("generate", request)[0]
    heard = analyse_audio(made.audio, SR)
    assert heard.score.tempo == pytest.approx(124, rel=0.05)
    assert (heard.score.key, heard.score.mode) in ((9, "minor"), (0, "major"))


def test_mp3_and_wav_decode_to_the_same_length(song):
    mp3 = encode_mp3(song.audio, SR)
    assert mp3[:3] == b"ID3" or mp3[0] == 0xFF
    decoded, sr = soundfile.read(io.BytesIO(mp3))
    assert sr == SR and abs(len(decoded) - len(song.audio)) < 0.1 * SR
    wav, sr = soundfile.read(io.BytesIO(encode_wav(song.audio, SR)), dtype="int16")
    assert sr == SR and wav.shape == song.audio.shape


def test_cover_image_follows_style_and_seed():
    a = cover_image("lofi, mellow", 1, size=128)
    b = cover_image("metal, aggressive", 1, size=128)
    c = cover_image("lofi, mellow", 2, size=128)
    assert a[:3] == b"\xff\xd8\xff"  # JPEG, as the service's image URLs are
    assert a == cover_image.__wrapped__("lofi, mellow", 1, size=128)  # same bytes, not cached
    assert len({a, b, c}) == 3


def test_write_lyrics_is_deterministic_and_sectioned():
    first = write_lyrics("a song about the sea at dawn", seed=3)
    assert first == write_lyrics("a song about the sea at dawn", seed=3)
    assert first != write_lyrics("a song about the sea at dawn", seed=4)
    assert first["status"] == "complete" and first["title"]
    names = [name for name, _ in parse_lyrics(first["text"])]
    assert {"verse", "chorus", "bridge"} <= set(names)
    assert "sea" in first["text"].lower()


def test_upsample_style_names_the_genre():
    style = upsample_style("dark techno for a warehouse", seed=1)
    assert style.startswith("techno") and "dark" in style
    assert upsample_style("something nice", seed=1) == upsample_style("something nice", seed=1)


def test_mashup_lyrics_mixes_both_songs():
    a = write_lyrics("fire and ice", seed=1)["text"]
    b = write_lyrics("ocean waves", seed=2)["text"]
    result = mashup_lyrics(a, b, seed=1)
    assert result["status"] == "complete"
    lines = set(result["text"].splitlines())
    assert lines & set(a.splitlines()) - {"", "[Verse]", "[Chorus]", "[Bridge]"}
    assert lines & set(b.splitlines()) - {"", "[Verse]", "[Chorus]", "[Bridge]"}


def test_syllables_keep_spelling():
    assert syllables("Walking") == ["Wa", "lking"]
    assert "".join(syllables("beautiful")) == "beautiful" and len(syllables("beautiful")) == 3
    assert syllables("time") == ["time"]


def test_lyric_sections_shape_the_form(render):
    lyric = "[Verse]\nline one here now\nline two here now\n[Chorus]\nhook line one\nhook line two"
    clip = render("generate", {"custom": True, "lyric": lyric, "style": "pop 120 bpm",
                               "duration": 30})[0]  # fmt: skip
    names = [name for name, *_ in clip.score.sections]
    assert names[:3] == ["intro", "verse", "chorus"] and names.count("chorus") >= 2
    verse = [s[4] for s in clip.score.syllables if s[2] < clip.score.sections[2][1]]
    chorus = [s[4] for s in clip.score.syllables if s[2] >= clip.score.sections[2][1]]
    assert np.mean(chorus) > np.mean(verse)  # the chorus sits higher
    a, b = clip.score.sections[1][1:], clip.score.sections[2][1:]
    loud = [float(np.sqrt(np.mean(clip.audio[int(s * SR) : int(e * SR)] ** 2))) for s, e in (a, b)]
    assert loud[1] > loud[0]  # and louder


def test_render_action_signature_defaults():
    clips = render_action("sounds", {"sound": "clap", "sound_type": "one-shot"}, seed=2)
    assert len(clips) == 2 and clips[0].title


@pytest.mark.parametrize("rate", [0.8, 1.5])
def test_time_stretch_keeps_pitch(rate):
    from suno_nb.emulator.synth.analysis import estimate_pitch
    from suno_nb.emulator.synth.effects import time_stretch

    tone = 0.5 * np.sin(2 * np.pi * 330 * np.arange(SR * 2) / SR).astype(np.float32)
    out = time_stretch(np.stack([tone, tone], axis=1), rate)
    assert len(out) == pytest.approx(len(tone) / rate, rel=0.02)
    assert estimate_pitch(out, SR) == pytest.approx(330, rel=0.01)


def test_sounds_choose_the_instrument_from_the_words(render):
    choir = render("sounds", {"sound": "choir chord", "sound_type": "loop", "bpm": 90})[0]
    rain = render("sounds", {"sound": "rain", "sound_type": "one-shot"})[0]
    assert list(choir.layers) == ["vocals"] and list(rain.layers) == ["fx"]
    assert choir.duration == pytest.approx(8 * 60 / 90, rel=0.01)


def test_benchmark_runs_and_reports_its_figures():
    from benchmarks.bench_synth import run

    rows = {row["figure"]: row for row in run(seconds=4, repeats=1)}
    assert {"render + mp3 (CPU, one core)", "peak memory (tracemalloc)"} <= set(rows)
    assert rows["stems sum to mix (max error)"]["ok"]


def test_sources_at_another_rate_are_resampled():
    tone = (0.3 * np.sin(2 * np.pi * 330 * np.arange(22050 * 6) / 22050)).astype(np.float32)
    upload = analyse_audio(tone, 22050)
    (clip,) = render_action("adjust_speed", {"audio_id": "u", "speed_multiplier": 2},
                            seed=1, sources={"u": upload})  # fmt: skip
    assert clip.sr == SR and clip.duration == pytest.approx(3.0, rel=0.02)
