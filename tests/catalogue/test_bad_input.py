"""Bad input gives a clear error and leaves every existing row intact."""

from __future__ import annotations

import errno
import hashlib
import sqlite3

import pytest

from suno_nb.catalogue import (
    SCHEMA_VERSION,
    Catalogue,
    CatalogueError,
    CatalogueFullError,
    CatalogueVersionError,
    DownloadError,
    TrackNotFound,
)


def _snapshot(catalogue: Catalogue) -> list:
    return [
        catalogue.store.read(f"SELECT * FROM {table} ORDER BY 1")
        for table in ("tasks", "clips", "files", "annotations", "tags")
    ]


def test_newer_schema_version_is_refused_untouched(tmp_path):
    folder = tmp_path / "cat"
    Catalogue(folder).close()
    db = folder / "catalogue.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (?, 0)", (SCHEMA_VERSION + 1,))
    conn.execute("PRAGMA journal_mode = DELETE")  # as a future version might leave it
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(CatalogueVersionError, match=f"version {SCHEMA_VERSION + 1}.*Upgrade"):
        Catalogue(folder)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not (folder / "catalogue.sqlite-wal").exists()


def test_a_file_that_is_not_a_catalogue(tmp_path):
    folder = tmp_path / "cat"
    folder.mkdir()
    (folder / "catalogue.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CatalogueError, match="not a readable sqlite catalogue"):
        Catalogue(folder)


def test_unknown_clip_id(catalogue):
    with pytest.raises(TrackNotFound, match="'nope'") as info:
        catalogue.get("nope")
    assert isinstance(info.value, KeyError)
    assert "catalogue.df.clip_id" in str(info.value)


def test_full_disk_for_the_database_rolls_back_and_keeps_rows(catalogue, generated):
    generated()
    catalogue.rate(catalogue.tracks()[0].id, 3)
    before = _snapshot(catalogue)
    conn = catalogue.store.connect()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is full from now on
    big = {"prompt": "x" * 200_000}
    with pytest.raises(CatalogueFullError, match=r"full.*intact"):
        catalogue.task_submitting("generate", big, "svc")
    assert _snapshot(catalogue) == before
    conn.execute("PRAGMA max_page_count = 1073741823")
    catalogue.task_submitting("generate", big, "svc")  # works again once there is room


def test_full_disk_for_a_download_is_recorded_and_retried(catalogue, client, monkeypatch):
    def no_space(handle, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("suno_nb.catalogue.files._write_all", no_space)
    task = client.generate("lofi")
    rows = catalogue.store.read("SELECT state, error FROM files")
    assert {r[0] for r in rows} == {"failed"} and "no space left" in rows[0][1]
    assert len(catalogue) == 2 and catalogue.store.read("SELECT state FROM tasks") == [
        ("succeeded",)
    ]
    assert not list(catalogue.root.glob("audio/*/.part-*"))  # no half files left behind
    monkeypatch.undo()
    assert catalogue.fetch_missing(client) == {"ok": 4, "failed": 0}
    assert catalogue.get(task.clips[0].id).path.is_file()


def test_missing_and_corrupt_files_on_disk(catalogue, generated):
    task = generated()
    first, second = (catalogue.get(c.id) for c in task.clips)
    first.path.unlink()
    with pytest.raises(DownloadError, match=r"deleted.*fetch_missing"):
        first.load()
    damaged = second.path
    damaged.write_bytes(b"\xff\xfb" + b"\x00" * 100)  # the hash is checked on every read
    with pytest.raises(DownloadError, match=r"does not match its recorded sha256.*delete it"):
        second.load()
    assert "fetch_missing" in first._repr_html_()  # the card says what to do, no traceback
    assert len(catalogue) == 2


def test_bad_annotation_values_change_nothing(catalogue, generated):
    generated()
    clip_id = catalogue.tracks()[0].id
    catalogue.rate(clip_id, 2)
    before = _snapshot(catalogue)
    for bad in (-1, 6, 2.5, True, "5"):
        with pytest.raises(ValueError):
            catalogue.rate(clip_id, bad)
    with pytest.raises(ValueError):
        catalogue.tag(clip_id, "")
    assert _snapshot(catalogue) == before
