"""Each export read back by an independent reader: LRC/SRT parsed by regular expressions, ID3
tags with mutagen, stems with soundfile (same length, sum ≈ mix), the dataset folder with
pandas/pyarrow the way ``datasets``' audiofolder reads it, MIDI with mido; backfill against the
emulator's task listing."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
import soundfile

from suno_nb import exports
from suno_nb.catalogue import Catalogue
from suno_nb.client import Client
from suno_nb.emulator import Emulator
from suno_nb.emulator.transport import InProcessTransport

LYRIC = "[Verse]\nStill riding home\nthe night bus hums\n\n[Chorus]\nla la la\nhome again"
SUNG_LINES = ["Still riding home", "the night bus hums", "la la la", "home again"]


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    emulator = Emulator(data_dir=folder / "emu", profile="instant", max_duration=12.0)
    catalogue = Catalogue(folder / "catalogue")
    client = Client(
        base_url="http://suno-emulator.invalid",
        transport=InProcessTransport(emulator),
        catalogue=catalogue,
        progress=False,
    )
    song = client.generate(
        "a calm lofi song", custom=True, lyric=LYRIC, title="Night Bus", style="lofi, rain"
    )
    track = catalogue.get(song.clips[0].id)
    yield folder, client, catalogue, track
    emulator.close()


def test_lrc_lines_follow_the_lyric_without_section_tags(studio) -> None:
    _, client, _, track = studio
    words = exports.aligned_words(track, client)
    text = exports.lyrics_lrc(track, client)
    parsed = re.findall(r"^\[(\d\d):(\d\d)\.(\d\d)\](.*)$", text, flags=re.M)
    assert "[ti:Night Bus]" in text.splitlines()
    assert [line for *_, line in parsed] == SUNG_LINES[: len(parsed)] and len(parsed) >= 3
    assert "[Verse]" not in text and "[Chorus]" not in text
    times = [int(m) * 60 + int(s) + int(c) / 100 for m, s, c, _ in parsed]
    assert times == sorted(times)
    assert times[0] == pytest.approx(words[0]["start_s"], abs=0.006)


def test_enhanced_lrc_has_a_time_tag_before_every_word(studio) -> None:
    _, client, _, track = studio
    words = [w for w in exports.aligned_words(track, client) if not w["word"].startswith("[")]
    text = exports.lyrics_lrc(track, client, enhanced=True)
    tagged = re.findall(r"<(\d\d):(\d\d)\.(\d\d)>([^<\s]+)", text)
    assert [w for *_, w in tagged] == [w["word"] for w in words]
    for (m, s, c, _), word in zip(tagged, words, strict=True):
        assert int(m) * 60 + int(s) + int(c) / 100 == pytest.approx(word["start_s"], abs=0.006)


def test_srt_cues_are_numbered_timed_and_in_order(studio, tmp_path) -> None:
    _, client, _, track = studio
    path = exports.save_lyrics(track, tmp_path / "night.srt", client)
    blocks = path.read_text().strip().split("\n\n")
    stamp = r"(\d\d):(\d\d):(\d\d),(\d\d\d)"
    previous_end = 0.0
    for number, block in enumerate(blocks, start=1):
        index, timing, text = block.split("\n", 2)
        assert int(index) == number
        start, end = (
            int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000
            for h, m, s, ms in re.findall(stamp, timing)
        )
        assert previous_end <= start <= end
        previous_end = end
        assert text == SUNG_LINES[number - 1]
    with pytest.raises(ValueError, match=r"\.lrc or \.srt"):
        exports.save_lyrics(track, tmp_path / "night.txt", client)


def test_karaoke_without_a_lyric_breaks_lines_at_pauses() -> None:
    words = [
        {"word": "one", "start_s": 0.0, "end_s": 0.4},
        {"word": "two", "start_s": 0.5, "end_s": 0.9},
        {"word": "[Chorus]", "start_s": 1.0, "end_s": 1.0},
        {"word": "three", "start_s": 3.0, "end_s": 3.5, "success": True},
        {"word": "lost", "start_s": 3.6, "end_s": 3.9, "success": False},
    ]
    assert exports.lrc(words).splitlines() == ["[00:00.00]one two", "[00:03.00]three"]


def test_tagged_mp3_reads_back_with_mutagen_and_has_a_sidecar(studio, tmp_path) -> None:
    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3

    _, _, _, track = studio
    path = exports.export_tagged(track, tmp_path / "tagged")
    tags = ID3(path)
    assert tags["TIT2"].text == ["Night Bus"]
    assert tags.getall("USLT")[0].text == LYRIC
    assert tags["TCON"].text == ["lofi, rain"]
    extra = {frame.desc: frame.text[0] for frame in tags.getall("TXXX")}
    assert extra["task_id"] == track.task_id and extra["clip_id"] == track.id
    assert extra["prompt"] and extra["model"]
    assert str(tags["TDRC"].text[0])[:4].isdigit()
    covers = tags.getall("APIC")
    magic = {"image/png": b"\x89PNG", "image/jpeg": b"\xff\xd8\xff"}
    assert covers and covers[0].data.startswith(magic[covers[0].mime])
    assert MP3(path).info.length == pytest.approx(track.duration, abs=0.2)
    assert track.path.read_bytes() != path.read_bytes()  # the catalogue's file is untouched
    side = json.loads(path.with_suffix(".json").read_text())
    assert side["clip_id"] == track.id and side["request"]["lyric"] == LYRIC


def test_stems_are_numbered_same_length_and_sum_to_the_mix(studio, tmp_path) -> None:
    import mido

    _, client, _, track = studio
    with pytest.raises(LookupError, match=r"client\.stems"):
        exports.export_stems(track, tmp_path / "none")
    client.stems(track.id)
    files = exports.export_stems(track, tmp_path / "stems", midi=True, client=client)
    names = [f.name for f in files]
    assert names == ["01 Vocals.wav", "02 Instrumental.wav", "03 MIDI.mid"]
    stems = [soundfile.read(f, always_2d=True) for f in files[:2]]
    assert len({y.shape for y, _ in stems}) == 1 and {sr for _, sr in stems} == {44100}
    mix, _ = soundfile.read(track.path, always_2d=True)
    n = min(len(mix), len(stems[0][0]))
    total = stems[0][0][:n] + stems[1][0][:n]
    error = np.sqrt(np.mean((total - mix[:n]) ** 2)) / np.sqrt(np.mean(mix[:n] ** 2))
    assert error < 0.2, error  # MP3 coding of three files, not sample-exact
    song = mido.MidiFile(files[2])
    notes = sum(1 for t in song.tracks for m in t if m.type == "note_on")
    expected = sum(len(i.notes) for i in client.midi(track.id).instruments)
    assert notes == expected > 0


def test_dataset_folder_reads_back_like_audiofolder(studio, tmp_path) -> None:
    import pyarrow.parquet as pq

    _, _, catalogue, _ = studio
    for format in ("csv", "parquet"):
        folder = tmp_path / format
        path = exports.export_dataset(catalogue, folder, format=format)
        table = pd.read_csv(path) if format == "csv" else pq.read_table(path).to_pandas()
        assert list(folder.glob("metadata.*")) == [path]  # audiofolder wants exactly one
        assert table.columns[0] == "file_name"
        assert {"clip_id", "prompt", "style", "tempo_bpm", "onset_irregularity"} <= set(table)
        ok = catalogue.to_pandas()
        assert len(table) == int((ok["audio_state"].astype(str) == "ok").sum())
        for name in table["file_name"]:
            data, rate = soundfile.read(folder / name)
            assert rate > 0 and len(data) > 0
        assert table["onset_irregularity"].notna().all()
    with pytest.raises(ValueError, match="format must be"):
        exports.export_dataset(catalogue, tmp_path / "x", format="xlsx")


def test_backfill_pages_through_the_listing_into_a_new_catalogue(studio, tmp_path) -> None:
    _, client, catalogue, _ = studio
    fresh = Catalogue(tmp_path / "backup")
    counts = exports.backfill(fresh, client, page_size=1)
    ours = catalogue.to_pandas()
    audio_tasks = set(ours["task_id"].dropna())
    assert counts["listed"] == counts["new"] == len(audio_tasks)
    theirs = fresh.to_pandas()
    assert set(theirs["task_id"]) == audio_tasks
    assert set(theirs["clip_id"]) == set(ours["clip_id"])
    again = exports.backfill(fresh, client, page_size=2)
    assert again["new"] == 0 and len(fresh.to_pandas()) == len(theirs)
    future = exports.backfill(Catalogue(tmp_path / "empty"), client, since="2100-01-01")
    assert future == {"listed": 0, "new": 0, "clips": 0}
    with pytest.raises(ValueError, match="since must be"):
        exports.backfill(fresh, client, since="last tuesday")


def test_karaoke_lines_follow_a_repeated_chorus_and_punctuation() -> None:
    lyric = "[Verse]\nStill riding home\n[Chorus]\nla la la, the lights\nhome again"
    sung = "Still riding home la la la the lights home again la la la the lights home again"
    words = [
        {"word": w, "start_s": i * 0.4, "end_s": i * 0.4 + 0.3} for i, w in enumerate(sung.split())
    ]
    lines = [line.split("]", 1)[1] for line in exports.lrc(words, lyric=lyric).splitlines()]
    assert lines == [
        "Still riding home",
        "la la la the lights",
        "home again",
        "la la la the lights",
        "home again",
    ]
