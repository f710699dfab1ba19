"""Exports of the catalogue (a CSV/Parquet table; a folder or zip of files with metadata.json)
and the import of such a bundle into another catalogue, without duplicates.

A bundle holds ``metadata.json`` (``format: "suno_nb.bundle"``, the rows of every table for the
chosen clips) and ``audio/<clip_id>.<ext>`` / ``images/<clip_id>.<ext>``.
"""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from suno_nb.catalogue import columns
from suno_nb.catalogue.files import FileStore
from suno_nb.catalogue.store import SCHEMA_VERSION, CatalogueError, StoreBackend

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["export_bundle", "export_table", "import_bundle"]

BUNDLE_FORMAT = "suno_nb.bundle"
BUNDLE_VERSION = 1
_TASK_COLUMNS = ("task_id", "action", "request", "service", "state", "trace_id", "submitted_at",
                 "created_at", "started_at", "finished_at", "updated_at", "error", "error_code",
                 "sweep_id", "cell", "response_meta")  # fmt: skip
_CLIP_COLUMNS = ("clip_id", "task_id", "position", "title", "state", "model", "created_at",
                 "duration", "audio_url", "image_url", "video_url", "lyric", "prompt", "style",
                 "raw", "updated_at")  # fmt: skip
_FILE_COLUMNS = ("clip_id", "kind", "url", "state", "sha256", "path", "size", "sample_rate",
                 "channels", "duration", "fetched_at")  # fmt: skip


def export_table(frame: pd.DataFrame, path: Path, format: str) -> Path:
    """Write the catalogue's table (a frame from ``to_pandas``) as CSV or Parquet."""
    if format not in ("csv", "parquet"):
        raise ValueError(f"format must be 'csv' or 'parquet', got {format!r}")
    for column in frame.columns:  # lists and dicts (audio_urls, …) as JSON text
        if (
            frame[column].dtype == object
            and frame[column].map(lambda v: isinstance(v, list | dict)).any()
        ):
            frame[column] = frame[column].map(
                lambda v: json.dumps(v) if isinstance(v, list | dict) else v
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    if format == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    return path


def _rows(store: StoreBackend, sql: str, ids: list[str], columns: Iterable[str]) -> list[dict]:
    columns = list(columns)
    out = []
    for start in range(0, len(ids), 500):  # stay under sqlite's bound-variable limit
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.read(sql.format(cols=", ".join(columns), ids=marks), chunk):
            out.append(dict(zip(columns, row, strict=True)))
    return out


def export_bundle(
    store: StoreBackend, files: FileStore, target: Path, clip_ids: Iterable[str] | None
) -> Path:
    """Write the chosen clips' rows and files as a bundle folder (or ``.zip``)."""
    if clip_ids is None:
        ids = [cid for (cid,) in store.read("SELECT clip_id FROM clips")]
    else:
        ids = list(clip_ids)
    clips = _rows(store, "SELECT {cols} FROM clips WHERE clip_id IN ({ids})", ids,
                  _CLIP_COLUMNS)  # fmt: skip
    found = {c["clip_id"] for c in clips}
    for clip_id in ids:
        if clip_id not in found:
            from suno_nb.catalogue.track import TrackNotFound, not_found

            raise TrackNotFound(not_found(files, clip_id))
    task_ids = sorted({c["task_id"] for c in clips if c["task_id"]})
    tasks = _rows(store, "SELECT {cols} FROM tasks WHERE task_id IN ({ids})", task_ids,
                  _TASK_COLUMNS)  # fmt: skip
    file_rows = _rows(
        store, "SELECT {cols} FROM files WHERE state = 'ok' AND clip_id IN ({ids})", ids,
        _FILE_COLUMNS,
    )  # fmt: skip
    members: list[tuple[str, str, str | None]] = []  # (stored path, bundle name, sha256)
    for row in file_rows:
        if not files.exists(row["path"]):
            raise CatalogueError(
                f"{files.location(row['path'])} (the {row['kind']} of clip {row['clip_id']}) is "
                "missing; run catalogue.fetch_missing() before exporting"
            )
        folder = "audio" if row["kind"] == "audio" else "images"
        stored, row["path"] = row["path"], f"{folder}/{row['clip_id']}{Path(row['path']).suffix}"
        members.append((stored, row["path"], row["sha256"]))
    metadata = {
        "format": BUNDLE_FORMAT,
        "bundle_version": BUNDLE_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": time.time(),
        "tasks": tasks,
        "clips": clips,
        "files": file_rows,
        "annotations": _rows(store, "SELECT {cols} FROM annotations WHERE clip_id IN ({ids})",
                             ids, ("clip_id", "rating", "starred", "note", "updated_at")),
        "tags": _rows(store, "SELECT {cols} FROM tags WHERE clip_id IN ({ids})", ids,
                      ("clip_id", "tag")),
        "features": _rows(
            store, 'SELECT {cols} FROM features WHERE clip_id IN ({ids})', ids,
            ("clip_id", "version", "sha256", "measured_at", '"values"', "error"),
        ),
    }  # fmt: skip
    for row in metadata["features"]:
        row["values"] = row.pop('"values"')
    text = json.dumps(metadata, indent=1, default=str)
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        # Audio is already compressed: storing it is as small and much faster than deflating.
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as bundle:
            bundle.writestr("metadata.json", text, compress_type=zipfile.ZIP_DEFLATED)
            for stored, name, sha in members:  # read through the files layer: hash checked
                bundle.writestr(name, files.read(stored, sha))
    else:
        target.mkdir(parents=True, exist_ok=True)
        for stored, name, sha in members:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(files.read(stored, sha))
        (target / "metadata.json").write_text(text, encoding="utf-8")
    return target


class _Bundle:
    """Read access to a bundle folder or zip."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path) if path.is_file() else None
        if self.zip is None and not (path / "metadata.json").is_file():
            raise CatalogueError(
                f"{path} is not a suno_nb bundle (no metadata.json); make one with "
                "catalogue.export_bundle(...)"
            )

    def read(self, name: str) -> bytes:
        try:
            if self.zip is not None:
                return self.zip.read(name)
            return (self.path / name).read_bytes()
        except (KeyError, OSError) as exc:
            raise CatalogueError(f"{self.path} lacks {name}: the bundle is incomplete") from exc


def import_bundle(store: StoreBackend, files: FileStore, path: Path) -> dict[str, int]:
    """Import a bundle's files (hash checked) and rows; rows already there are kept."""
    bundle = _Bundle(path)
    try:
        meta = json.loads(bundle.read("metadata.json"))
    except ValueError as exc:
        raise CatalogueError(f"{path}: metadata.json is not valid JSON ({exc})") from exc
    if meta.get("format") != BUNDLE_FORMAT or meta.get("bundle_version", 0) > BUNDLE_VERSION:
        raise CatalogueError(
            f"{path} is a {meta.get('format')!r} bundle version {meta.get('bundle_version')}; "
            f"this suno_nb reads {BUNDLE_FORMAT!r} up to version {BUNDLE_VERSION}"
        )
    # Files first, checked against their hashes, so the rows never point at a bad file.
    stored: dict[tuple[str, str], str] = {}
    for row in meta["files"]:
        data = bundle.read(row["path"])
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            raise CatalogueError(
                f"{path}: {row['path']} does not match its recorded hash (damaged bundle); "
                "nothing was imported"
            )
        relative, _ = files.put(row["kind"], data, row["path"])
        stored[(row["clip_id"], row["kind"])] = relative
    counts = {"tasks": 0, "clips": 0, "files": 0}
    with store.write() as conn:
        keys: dict[str, int] = {}
        for task in meta["tasks"]:
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO tasks ({', '.join(_TASK_COLUMNS)}) VALUES "
                f"({', '.join('?' * len(_TASK_COLUMNS))})",
                [task.get(c) for c in _TASK_COLUMNS],
            )
            counts["tasks"] += cursor.rowcount
            (keys[task["task_id"]],) = conn.execute(
                "SELECT key FROM tasks WHERE task_id = ?", (task["task_id"],)
            ).fetchone()
            if cursor.rowcount:  # a new row: its typed knob columns from the request
                request = json.loads(task.get("request") or "{}")
                columns.store(conn, keys[task["task_id"]], request, task.get("response_meta"))
        for clip in meta["clips"]:
            values = [clip.get(c) for c in _CLIP_COLUMNS]
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO clips (task_key, {', '.join(_CLIP_COLUMNS)}) VALUES "
                f"(?, {', '.join('?' * len(_CLIP_COLUMNS))})",
                [keys.get(clip.get("task_id")), *values],
            )
            counts["clips"] += cursor.rowcount
        for row in meta["files"]:
            row = {**row, "path": stored[(row["clip_id"], row["kind"])]}
            cursor = conn.execute(
                f"INSERT INTO files ({', '.join(_FILE_COLUMNS)}) VALUES "
                f"({', '.join('?' * len(_FILE_COLUMNS))}) ON CONFLICT(clip_id, kind) DO UPDATE"
                " SET state = excluded.state, sha256 = excluded.sha256, path = excluded.path,"
                " size = excluded.size, sample_rate = excluded.sample_rate,"
                " channels = excluded.channels, duration = excluded.duration,"
                " fetched_at = excluded.fetched_at, error = NULL WHERE files.state != 'ok'",
                [row.get(c) for c in _FILE_COLUMNS],
            )
            counts["files"] += cursor.rowcount
        for row in meta["annotations"]:
            conn.execute(
                "INSERT OR IGNORE INTO annotations (clip_id, rating, starred, note, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (row["clip_id"], row["rating"], row["starred"], row["note"], row["updated_at"]),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO tags (clip_id, tag) VALUES (?, ?)",
            [(r["clip_id"], r["tag"]) for r in meta["tags"]],
        )
        conn.executemany(
            'INSERT OR IGNORE INTO features (clip_id, version, sha256, measured_at, "values",'
            " error) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (r["clip_id"], r["version"], r["sha256"], r["measured_at"], r["values"], r["error"])
                for r in meta["features"]
            ],
        )
    return counts
