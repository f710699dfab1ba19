"""A sweep records its clips' cover URLs and fetches a cover on first use (issue 16.2)."""

from __future__ import annotations

import asyncio

import pytest

from suno_nb.sweeps import Sweep

from .conftest import BASE_REQUEST


def _images(catalogue) -> dict[str, str]:
    return dict(catalogue.store.read("SELECT clip_id, state FROM files WHERE kind = 'image'"))


@pytest.fixture
def swept(client, catalogue, transport):
    sweep = Sweep(BASE_REQUEST, grid={"weirdness": [0.0, 1.0]}, client=client,
                  catalogue=catalogue, max_concurrency=2, progress=False)  # fmt: skip
    sweep.run()
    return sweep


def test_a_sweep_downloads_audio_and_only_records_covers(swept, catalogue, transport) -> None:
    images = _images(catalogue)
    assert len(images) == 4 and set(images.values()) == {"remote"}
    audio = dict(catalogue.store.read("SELECT state, count(*) FROM files WHERE kind = 'audio'"))
    assert audio == {"ok": 4}
    assert not any(path.endswith(".jpg") for _, path in transport.calls)
    # not "missing": neither fetch_missing() nor resume() fetches them
    assert catalogue.fetch_missing() == {"ok": 0, "failed": 0}


def test_a_cover_is_downloaded_the_first_time_it_is_asked_for(swept, catalogue) -> None:
    clip_id = sorted(_images(catalogue))[0]
    path = catalogue.file_path(clip_id, "image")
    assert path is not None and path.read_bytes()[:2] == b"\xff\xd8"  # a JPEG
    assert _images(catalogue)[clip_id] == "ok"
    assert catalogue.file_path(clip_id, "image") == path  # kept: not fetched twice


def test_a_single_request_still_downloads_its_cover(client, catalogue) -> None:
    async def one() -> None:
        client._core.observers = [catalogue]
        await client.generate("a calm song")

    asyncio.run(one())
    assert set(_images(catalogue).values()) == {"ok"}


def test_a_tagged_export_embeds_the_cover_it_fetches(swept, catalogue, tmp_path) -> None:
    pytest.importorskip("mutagen")
    from mutagen.id3 import ID3

    from suno_nb.exports.tags import export_tagged

    track = catalogue[sorted(_images(catalogue))[0]]
    target = export_tagged(track, tmp_path / "out")
    assert ID3(target).getall("APIC")[0].data[:2] == b"\xff\xd8"
