"""The table's Parquet snapshot: the same frame as a build, used only while nothing changed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from catalogue_worker import Handle

from suno_nb.catalogue import Catalogue, frame, snapshot


def _record(catalogue: Catalogue, i: int, **request: Any) -> str:
    request = {"prompt": f"song {i}", "model": "chirp-v4-5", "weirdness": i / 10, **request}
    clips = [{"id": f"t{i}-c{j}", "title": f"Song {i}", "state": "succeeded", "duration": 60.0,
              "model": "chirp-auk", "created_at": "2026-11-02T09:14:05.120Z"}
             for j in range(2)]  # fmt: skip
    key = catalogue.task_submitting("generate", request, "test")
    catalogue.task_submitted(key, Handle("generate", request, task_id=f"t{i}", clips=clips))
    return clips[0]["id"]


@pytest.fixture
def filled(catalogue: Catalogue) -> Catalogue:
    first = _record(catalogue, 1, custom=True, duration=60, style="lofi")
    _record(catalogue, 2, audio_urls=["https://x.invalid/a.mp3"], instrumental=False)
    catalogue.tag(first, "keeper", "rain")
    catalogue.rate(first, 4)
    catalogue.note(first, "the one")
    return catalogue


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> Any:
        raise AssertionError("the table was built although its snapshot is current")

    monkeypatch.setattr(frame, "_built", refuse)


def test_the_snapshot_gives_the_same_frame_as_a_build(filled, monkeypatch):
    built = filled.df  # builds, and keeps the snapshot (written in the background)
    snapshot.wait()
    assert snapshot.snapshot_path(filled.store).is_file()
    _no_build(monkeypatch)
    again = filled.df
    pd.testing.assert_frame_equal(again, built, check_exact=True)
    assert list(again.dtypes) == list(built.dtypes)
    assert again.audio_urls.tolist()[2] == ["https://x.invalid/a.mp3"]  # a list, as built


def test_filtered_tables_are_built(filled, monkeypatch):
    _ = filled.df
    _no_build(monkeypatch)
    with pytest.raises(AssertionError, match="was built"):
        filled.to_pandas(tag="keeper")


def _delete_a_clip(catalogue: Catalogue) -> None:
    with catalogue.store.write() as conn:
        conn.execute("DELETE FROM clips WHERE clip_id = 't2-c1'")


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.tag("t1-c1", "new"),
        lambda c: c.untag("t1-c0"),
        lambda c: c.rate("t2-c0", 2),
        lambda c: _record(c, 3),
        _delete_a_clip,
    ],
    ids=["tag", "untag", "rate", "record", "delete"],
)
def test_any_change_makes_the_snapshot_stale(filled, change):
    _ = filled.df
    before = snapshot.current_key(filled.store, filled._files)
    with filled.store.write():
        pass  # a transaction that changes nothing keeps the snapshot
    assert snapshot.current_key(filled.store, filled._files) == before
    change(filled)
    assert snapshot.current_key(filled.store, filled._files) != before
    fresh = frame._lists_parsed(*frame._built(filled.store, filled._files, {}))
    pd.testing.assert_frame_equal(filled.df, fresh)


_OTHER_PROCESS = """
import sys
from suno_nb.catalogue import Catalogue
catalogue = Catalogue(sys.argv[1])
catalogue.tag("t1-c1", "from-elsewhere")
catalogue.close()
"""


def test_a_write_from_another_process_is_seen_by_the_next_df(filled, monkeypatch):
    assert "from-elsewhere" not in filled.df.tags.tolist()[1]
    subprocess.run([sys.executable, "-c", _OTHER_PROCESS, str(filled.root)], check=True)
    assert filled.df.tags.tolist()[1] == "from-elsewhere"
    _no_build(monkeypatch)  # and that table is now the snapshot
    assert filled.df.tags.tolist()[1] == "from-elsewhere"


def test_a_write_during_the_build_leaves_the_snapshot_stale(filled, monkeypatch):
    build = frame._built

    def build_then_write(*args: Any) -> Any:
        table = build(*args)
        filled.tag("t2-c0", "late")  # committed after the build read its rows
        return table

    monkeypatch.setattr(frame, "_built", build_then_write)
    assert filled.df.tags.tolist()[2] == ""  # this build did not see it
    monkeypatch.setattr(frame, "_built", build)
    assert filled.df.tags.tolist()[2] == "late"  # the next one must


def test_dropped_triggers_are_never_trusted_and_come_back(filled, monkeypatch):
    _ = filled.df
    with filled.store.write() as conn:  # as a migration rebuilding a table would
        conn.execute("DROP TRIGGER suno_nb_frame_tags_insert")
        conn.execute("INSERT INTO tags (clip_id, tag) VALUES ('t2-c0', 'unseen')")
    assert snapshot.current_key(filled.store, filled._files) is None
    assert filled.df.tags.tolist()[2] == "unseen"
    assert snapshot.current_key(filled.store, filled._files) is not None


def test_an_older_copy_of_the_database_put_back_does_not_match(filled, tmp_path):
    def copy(source: Path, target: Path) -> None:
        with sqlite3.connect(source) as read, sqlite3.connect(target) as write:
            read.backup(write)  # a consistent copy, whatever is still in the WAL

    database = filled.store.path
    _ = filled.df
    copy(database, tmp_path / "older.sqlite")
    filled.tag("t1-c1", "later")
    _ = filled.df  # the snapshot now holds "later"
    copy(tmp_path / "older.sqlite", database)  # put back: its token is the older one
    filled.tag("t2-c0", "other")  # as many changes since the copy
    assert "later" not in filled.df.tags.tolist()[1]


def test_an_unreadable_snapshot_is_rebuilt(filled):
    built = filled.df
    snapshot.wait()
    snapshot.snapshot_path(filled.store).write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(filled.df, built)
    snapshot.wait()
    assert snapshot.snapshot_path(filled.store).read_bytes()[:4] == b"PAR1"


def test_a_read_only_catalogue_uses_a_current_snapshot_and_never_writes_one(filled, monkeypatch):
    built = filled.df
    snapshot.wait()
    filled.close()
    reader = Catalogue(filled.root)
    reader._store.writable = False
    _no_build(monkeypatch)
    pd.testing.assert_frame_equal(reader.df, built)
    monkeypatch.undo()
    snapshot.snapshot_path(filled.store).unlink()
    pd.testing.assert_frame_equal(reader.df, built)
    assert not snapshot.snapshot_path(filled.store).exists()


def test_a_new_catalogue_gets_its_triggers_at_its_first_table(tmp_path):
    catalogue = Catalogue(tmp_path / "new")
    database = catalogue.store.path
    count = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
    assert sqlite3.connect(database).execute(count).fetchone()[0] == 0
    _ = catalogue.df
    assert sqlite3.connect(database).execute(count).fetchone()[0] == 18
    catalogue.close()


def test_postgresql_stores_have_no_snapshot():
    class Remote:
        url = "postgresql://db.invalid/catalogue"

    assert snapshot.snapshot_path(Remote()) is None
    assert isinstance(snapshot.snapshot_path(type("S", (), {"path": Path("/x/c.sqlite")})()), Path)


def test_changing_the_returned_frame_at_once_never_reaches_the_snapshot(filled, monkeypatch):
    monkeypatch.setattr(snapshot, "BACKGROUND_ROWS", 0)
    df = filled.df  # its snapshot is being written in the background meanwhile
    weirdness = df.weirdness.tolist()
    df.loc[0, "weirdness"] = 99.0
    df.iloc[1, df.columns.get_loc("title")] = "changed"
    del df["prompt"]
    _no_build(monkeypatch)
    again = filled.df
    assert again.weirdness.tolist() == weirdness and again.title[1] == "Song 1"
    assert "prompt" in again.columns


def test_a_restarted_kernel_scans_only_the_tasks_changed_since_the_snapshot(filled):
    _ = filled.df
    snapshot.wait()
    last_key, _time, names = snapshot.fields_seen(filled.store)
    assert last_key == 2 and {"audio_urls", "custom", "weirdness"} <= names
    frame._FIELDS_SEEN.clear()  # as in a new process
    _record(filled, 3, negative_tags="no drums")
    df = filled.df
    assert df.negative_tags.isna().sum() == 4 and df.negative_tags.tolist()[4:] == ["no drums"] * 2
    assert "audio_urls" in df.columns  # from the snapshot's scan, not scanned again


def test_half_written_snapshots_of_dead_processes_are_removed(filled):
    path = snapshot.snapshot_path(filled.store)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    abandoned = path.with_name(f"{path.name}.{snapshot._HOST}-{dead}-1.tmp")
    living = path.with_name(f"{path.name}.{snapshot._HOST}-{os.getpid()}-1.tmp")
    elsewhere = path.with_name(f"{path.name}.another_host-{dead}-1.tmp")
    for aside in (abandoned, living, elsewhere):
        aside.write_bytes(b"half")
    _ = filled.df
    snapshot.wait()
    assert not abandoned.exists() and living.exists() and elsewhere.exists()


def _child_table(root: str) -> None:
    catalogue = Catalogue(root)
    catalogue.tag("t1-c0", "in-the-child")
    assert "in-the-child" in catalogue.df.tags.tolist()[0]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX-only")
def test_a_child_forked_while_a_snapshot_was_being_written_can_write_its_own(filled):
    import multiprocessing

    _ = filled.df
    snapshot.wait()
    with snapshot._WRITING:  # as if a writer thread held it at the fork
        child = multiprocessing.get_context("fork").Process(
            target=_child_table, args=(str(filled.root),)
        )
        child.start()
        child.join(60)
    assert child.exitcode == 0
    assert "in-the-child" in filled.df.tags.tolist()[0]


def test_only_the_first_write_after_a_table_marks_the_token(filled):
    def token() -> str:
        return filled.store.read("SELECT value FROM settings WHERE name = 'frame.changed'")[0][0]

    _ = filled.df
    fresh = token()
    assert fresh != "changed" and len(fresh) == 16  # a random token, set before the build
    changes = filled.store.connect().total_changes
    filled.tag("t1-c1", "one")
    assert token() == "changed"
    assert filled.store.connect().total_changes - changes == 2  # the tag, and the mark
    changes = filled.store.connect().total_changes
    filled.tag("t1-c1", "two")  # the trigger finds it marked and writes nothing more
    assert filled.store.connect().total_changes - changes == 1
    _ = filled.df
    assert token() not in ("changed", fresh)
