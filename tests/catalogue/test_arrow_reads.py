"""The table read through Arrow: types that never depend on the rows, filters, Parquet."""

from __future__ import annotations

import json
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from suno_nb.catalogue import Catalogue, arrow
from suno_nb.catalogue.snapshot import snapshot_path, wait


def _task(catalogue: Catalogue, request: dict, clip_id: str, **extra) -> int:
    created = extra.get("created_at", "2026-11-02T09:14:05Z")
    key = catalogue.task_submitting("generate", request, "test")
    with catalogue.store.write() as conn:
        conn.execute(
            "INSERT INTO clips (clip_id, task_key, position, title, state, created_at, duration,"
            " raw, updated_at) VALUES (?, ?, 0, ?, 'succeeded', ?, 12.5, '{}', 0)",
            (clip_id, key, extra.get("title", "T"), created),
        )
    return key


def test_types_hold_when_the_first_thousands_of_rows_are_empty(tmp_path):
    catalogue = Catalogue(tmp_path / "c")
    # 2,100 tasks without a weirdness or an unknown field, then one with them: a driver that
    # guessed types from the first rows would fail or give the wrong type.
    for i in range(2_100):
        _task(catalogue, {"prompt": f"p{i}"}, f"c{i}")
    _task(catalogue, {"prompt": "last", "weirdness": 1, "future_knob": "x"}, "last")
    df = catalogue.df
    assert len(df) == 2_101 and df.clip_id.iloc[-1] == "last"
    assert df.weirdness.dtype == "float64" and df.weirdness.iloc[-1] == 1.0
    assert df.weirdness.iloc[:-1].isna().all()
    assert df.future_knob.iloc[-1] == "x"
    assert df.tempo_bpm.dtype == "float64" and isinstance(df.key.dtype, pd.CategoricalDtype)


def test_an_unknown_field_of_mixed_types_is_kept_as_text(tmp_path):
    catalogue = Catalogue(tmp_path / "c")
    _task(catalogue, {"prompt": "a", "odd": 3}, "a")
    _task(catalogue, {"prompt": "b", "odd": "three"}, "b")
    assert catalogue.df.odd.tolist() == ["3", "three"]


def test_a_mistyped_knob_and_an_odd_clip_time_give_missing_values(tmp_path):
    catalogue = Catalogue(tmp_path / "c")
    _task(catalogue, {"prompt": "a", "weirdness": "high"}, "a", created_at="yesterday")
    _task(catalogue, {"prompt": "b", "weirdness": 0.5}, "b")
    df = catalogue.df
    assert df.weirdness.isna().tolist() == [True, False]
    assert df.created_at.isna().tolist() == [True, False]


def test_features_join_by_clip_and_the_order_is_submission_order(tmp_path):
    catalogue = Catalogue(tmp_path / "c")
    for name in ("first", "second", "third"):
        _task(catalogue, {"prompt": name}, name)
    with catalogue.store.write() as conn:
        conn.execute(
            'INSERT INTO features (clip_id, version, measured_at, "values") VALUES (?, 2, 0, ?)',
            ("second", json.dumps({"tempo_bpm": 120, "key": "A minor", "mfcc_1": None})),
        )
    df = catalogue.df
    assert df.clip_id.tolist() == ["first", "second", "third"]
    assert df.tempo_bpm.isna().tolist() == [True, False, True] and df.tempo_bpm.iloc[1] == 120.0
    assert df.key.tolist()[1] == "A minor" and df.feature_version.tolist()[1] == 2
    assert df.mfcc_1.isna().all()


def test_parquet_snapshot_has_the_rows_and_the_column_types(tmp_path):
    catalogue = Catalogue(tmp_path / "c")
    _task(catalogue, {"prompt": "a", "weirdness": 0.25, "duration": 60, "custom": True}, "a")
    _task(catalogue, {"prompt": "b"}, "b")
    path = catalogue.to_parquet(tmp_path / "snap" / "c.parquet")
    back = pq.read_table(path).to_pandas()
    assert back.clip_id.tolist() == ["a", "b"]
    assert back.weirdness.tolist()[0] == 0.25 and back.request_duration.tolist()[0] == 60
    assert list(back.columns) == list(catalogue.df.columns)
    only = pq.read_table(catalogue.to_parquet(tmp_path / "a.parquet", action="extend"))
    assert only.num_rows == 0


def _mixed_catalogue(catalogue: Catalogue) -> Catalogue:
    """A few tasks with knobs, unknown fields, a tag, a note and a feature row."""
    _task(catalogue, {"prompt": "a", "weirdness": 0.25, "duration": 60, "custom": True}, "a")
    _task(catalogue, {"prompt": "b", "odd": 3, "model": "chirp-v4"}, "b", title="B")
    _task(catalogue, {"prompt": "c", "odd": "three"}, "c", created_at="yesterday")
    catalogue.tag("b", "keeper")
    catalogue.note("a", "first")
    with catalogue.store.write() as conn:
        conn.execute(
            'INSERT INTO features (clip_id, version, measured_at, "values") VALUES (?, 2, 0, ?)',
            ("b", json.dumps({"tempo_bpm": 120, "key": "A minor"})),
        )
    return catalogue


def _without(monkeypatch, module: str) -> None:
    # None in sys.modules makes the import fail as a missing package does
    monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.setitem(sys.modules, f"{module}.dbapi", None)


def test_without_the_sqlite_driver_the_rows_give_the_same_frame(tmp_path, monkeypatch):
    catalogue = _mixed_catalogue(Catalogue(tmp_path / "c"))
    fast, fast_keeper = catalogue.df, catalogue.to_pandas(tag="keeper")
    calls = []
    real = arrow._from_rows
    monkeypatch.setattr(arrow, "_from_rows", lambda *a: calls.append(a) or real(*a))
    _without(monkeypatch, "adbc_driver_sqlite")
    wait()
    snapshot_path(catalogue.store).unlink()  # built again, not read from its snapshot
    plain = catalogue.df
    assert len(calls) == 3, "the row path was not taken for clips, tasks and features"
    pd.testing.assert_frame_equal(plain, fast)
    pd.testing.assert_frame_equal(catalogue.to_pandas(tag="keeper"), fast_keeper)


def test_postgresql_reads_through_adbc_and_gives_the_rows_frame(
    postgres_url, tmp_path, monkeypatch
):
    pytest.importorskip("adbc_driver_postgresql")
    catalogue = _mixed_catalogue(Catalogue(postgres_url, files=tmp_path / "files"))
    used = []
    real = arrow._postgres
    monkeypatch.setattr(arrow, "_postgres", lambda *a: used.append(a[2]) or real(*a))
    fast = catalogue.df
    assert len(used) == 3  # clips, tasks, features: every query of the table through ADBC
    with monkeypatch.context() as patch:
        _without(patch, "adbc_driver_postgresql")
        plain = catalogue.df
    pd.testing.assert_frame_equal(fast, plain)
    assert fast.clip_id.tolist() == ["a", "b", "c"] and fast.weirdness.iloc[0] == 0.25
    assert fast.tags.tolist() == ["", "keeper", ""] and fast.tempo_bpm.iloc[1] == 120.0
    assert fast.odd.tolist()[1:] == ["3", "three"]
    since = catalogue.to_pandas(since=0, action="generate")  # parameters as $1, $2
    assert since.clip_id.tolist() == ["a", "b", "c"]
    # the same table as a sqlite catalogue of the same rows, column for column
    local = _mixed_catalogue(Catalogue(tmp_path / "local")).df
    assert list(fast.columns) == list(local.columns)
    assert dict(fast.dtypes) == dict(local.dtypes)
