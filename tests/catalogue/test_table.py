"""The DataFrame view, filters, annotations, and export/import round trips."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pandas as pd
import pytest

from suno_nb.catalogue import Catalogue, CatalogueError, TrackNotFound


@pytest.fixture
def two_tasks(catalogue, client):
    knobs = {"weirdness": 0.25, "style_influence": 0.5, "title": "Rain", "style": "lofi"}
    first = client.generate(
        "lofi rain", model="chirp-v4-5", custom=True, instrumental=True, **knobs
    )
    with catalogue.context(sweep_id="sw", cell={"weirdness": 0.9}):
        second = client.generate("upbeat synthwave", model="chirp-v5", duration=60)
    return first, second


def test_one_row_per_clip_with_flattened_request_and_sensible_dtypes(catalogue, two_tasks):
    first, second = two_tasks
    df = catalogue.df
    assert list(df.clip_id) == [c.id for c in first.clips + second.clips]
    assert list(df.columns[:4]) == ["clip_id", "title", "action", "model"]
    for column in ("prompt", "style", "weirdness", "style_influence", "custom", "instrumental",
                   "request_title", "request_duration", "duration", "audio_path", "rating",
                   "starred", "tags", "note", "sweep_id", "cell", "tempo_bpm", "key"):  # fmt: skip
        assert column in df.columns, column
    assert df.weirdness.tolist()[:2] == [0.25, 0.25] and df.weirdness.isna().tolist()[2:] == [
        True,
        True,
    ]
    assert df.request_duration.tolist()[2:] == [60, 60]
    dtypes = df.dtypes
    assert dtypes["weirdness"] == "float64" and dtypes["style_influence"] == "float64"
    assert dtypes["request_duration"] == "Int64"
    assert dtypes["custom"] == "boolean"
    assert isinstance(dtypes["action"], pd.CategoricalDtype)
    assert isinstance(dtypes["model"], pd.CategoricalDtype)
    assert set(df.model.cat.categories) == {"chirp-v4-5", "chirp-v5"}
    for column in ("submitted_at", "finished_at", "created_at"):
        assert str(dtypes[column]).startswith("datetime64") and "UTC" in str(dtypes[column])
    assert dtypes["duration"] == "float64" and dtypes["rating"] == "Int64"
    assert dtypes["starred"] == "bool"
    assert df.duration.between(1.8, 2.3).all()
    assert df.audio_state.tolist() == ["ok"] * 4
    assert all(catalogue.root.as_posix() in p for p in df.audio_path)
    assert df.finished_at.iloc[0] == pd.Timestamp(1764062083.52, unit="s", tz="UTC")


def test_filters(catalogue, two_tasks):
    first, second = two_tasks
    catalogue.tag(first.clips[1].id, "keeper")
    assert catalogue.to_pandas(tag="keeper").clip_id.tolist() == [first.clips[1].id]
    assert len(catalogue.to_pandas(sweep="sw")) == 2
    assert len(catalogue.to_pandas(action="generate")) == 4
    assert len(catalogue.to_pandas(action="extend")) == 0
    assert len(catalogue.to_pandas(since=dt.datetime.now() - dt.timedelta(hours=1))) == 4
    assert len(catalogue.to_pandas(until="2000-01-01")) == 0
    assert [t.id for t in catalogue.tracks(sweep="sw")] == [c.id for c in second.clips]
    empty = catalogue.to_pandas(tag="nothing")
    assert len(empty) == 0 and "weirdness" in empty.columns
    with pytest.raises(ValueError, match="ISO date"):
        catalogue.to_pandas(since="last tuesday")


def test_empty_catalogue_gives_an_empty_table(catalogue):
    df = catalogue.df
    assert len(df) == 0 and {"clip_id", "title", "tempo_bpm"} <= set(df.columns)


def test_annotations(catalogue, two_tasks):
    clip_id = two_tasks[0].clips[0].id
    track = catalogue.get(clip_id)
    track.rate(4).star().tag("keeper", "lofi").note("nice bridge")
    catalogue.tag(clip_id, "keeper")  # twice: no duplicate
    expected = {"rating": 4, "starred": True, "note": "nice bridge", "tags": ["keeper", "lofi"]}
    assert catalogue.annotations(clip_id) == expected
    row = catalogue.df.set_index("clip_id").loc[clip_id]
    assert (row.rating, row.starred, row.tags, row.note) == (4, True, "keeper,lofi", "nice bridge")
    catalogue.untag(clip_id, "lofi")
    catalogue.star(clip_id, False)
    catalogue.rate(clip_id, None)
    assert catalogue.annotations(clip_id)["tags"] == ["keeper"]
    assert catalogue.annotations(clip_id)["rating"] is None
    with pytest.raises(ValueError, match="0 to 5"):
        catalogue.rate(clip_id, 6)
    with pytest.raises(ValueError, match="comma"):
        catalogue.tag(clip_id, "a,b")
    with pytest.raises(TrackNotFound, match="'ghost'"):
        catalogue.rate("ghost", 3)


def test_export_csv_and_parquet(catalogue, two_tasks, tmp_path):
    catalogue.tag(two_tasks[0].clips[0].id, "keeper")
    csv = pd.read_csv(catalogue.export(tmp_path / "t.csv"))
    assert len(csv) == 4 and csv.weirdness.iloc[0] == 0.25 and csv.tags.iloc[0] == "keeper"
    parquet = pd.read_parquet(catalogue.export(tmp_path / "t.parquet", format="parquet"))
    assert len(parquet) == 4 and parquet.request_duration.iloc[2] == 60
    only = pd.read_csv(catalogue.export(tmp_path / "k.csv", tag="keeper"))
    assert len(only) == 1
    with pytest.raises(ValueError, match="csv"):
        catalogue.export(tmp_path / "t.xlsx", format="xlsx")


@pytest.mark.parametrize("target", ["bundle.zip", "bundle_dir"])
def test_bundle_round_trip_without_duplicates(catalogue, two_tasks, tmp_path, target):
    first, _ = two_tasks
    catalogue.get(first.clips[0].id).rate(5).tag("keeper")
    path = catalogue.export_bundle(tmp_path / target, [c.id for c in first.clips])
    if target.endswith(".zip"):
        names = zipfile.ZipFile(path).namelist()
        assert "metadata.json" in names and f"audio/{first.clips[0].id}.mp3" in names
        meta = json.loads(zipfile.ZipFile(path).read("metadata.json"))
    else:
        meta = json.loads((path / "metadata.json").read_text())
    assert _token_free(meta)
    other = Catalogue(tmp_path / "other")
    assert other.import_bundle(path) == {"tasks": 1, "clips": 2, "files": 4}
    assert other.import_bundle(path) == {"tasks": 0, "clips": 0, "files": 0}
    assert len(other) == 2 and len(other.store.read("SELECT * FROM tasks")) == 1
    track = other.get(first.clips[0].id)
    assert track.annotations == {"rating": 5, "starred": False, "note": None, "tags": ["keeper"]}
    assert track.path.read_bytes() == catalogue.get(first.clips[0].id).path.read_bytes()
    assert track.params["weirdness"] == 0.25
    df = other.df
    assert df.weirdness.tolist() == [0.25, 0.25] and df.audio_state.tolist() == ["ok", "ok"]


def _token_free(meta: dict) -> bool:
    from catalogue_service import TOKEN

    return TOKEN not in json.dumps(meta)


def test_damaged_bundle_imports_nothing(catalogue, two_tasks, tmp_path):
    path = catalogue.export_bundle(tmp_path / "b", [two_tasks[0].clips[0].id])
    audio = next((path / "audio").iterdir())
    audio.write_bytes(audio.read_bytes()[:-10])
    other = Catalogue(tmp_path / "other")
    with pytest.raises(CatalogueError, match="hash"):
        other.import_bundle(path)
    assert len(other) == 0
    with pytest.raises(CatalogueError, match="not a suno_nb bundle"):
        other.import_bundle(tmp_path)
