"""The catalogue as a pandas DataFrame (one row per clip), its filters, and feature caching.

Columns, in order:

* ``clip_id``, ``title``, ``action``, then every request field that appears in any task
  (``model``, ``prompt``, ``style``, ``weirdness``, ``style_influence``, ``custom``, …; dtypes
  from :mod:`suno_nb.schema`: float knobs ``float64``, whole numbers ``Int64``, switches
  ``boolean``, choices ``category``). Request fields whose names a clip column already uses get
  a ``request_`` prefix: ``request_title``, ``request_duration`` (the length *asked for*),
  ``request_key`` (the musical key asked for).
* clip facts: ``duration`` (real seconds), ``state``, ``clip_model`` (the upstream name),
  ``created_at``, ``task_id``, ``task_state``, ``service``, ``trace_id``,
  ``submitted_at``, ``finished_at`` (``datetime64[ns, UTC]``), ``sweep_id``, ``cell`` (JSON).
* file facts: ``audio_state`` (``ok``/``missing``/``failed``), ``audio_path`` (absolute),
  ``audio_bytes``, ``audio_sha256``, ``sample_rate``, ``channels``, ``image_path``.
* annotations: ``rating`` (``Int64``), ``starred`` (bool), ``tags`` (comma-joined), ``note``.
* features (:data:`suno_nb.features.FEATURE_COLUMNS` but the file facts), ``feature_version``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import time
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from suno_nb.catalogue.core import Catalogue

__all__ = ["clip_ids", "measure", "to_pandas"]

# Request fields renamed because a clip, file or feature column has the name.
_RENAMED = {"title": "request_title", "duration": "request_duration", "key": "request_key"}
_ALWAYS = frozenset({"model", "prompt", "style"})
# Feature columns that repeat facts the file row already holds.
_FILE_FACT_FEATURES = ("duration_s", "sample_rate", "channels")
_CATEGORIES = ("action", "state", "task_state", "clip_model", "service", "audio_state",
               "sweep_id")  # fmt: skip

# Clip-level columns (one row per clip); task-level ones are read once per task and joined in
# pandas, which halves the Python objects sqlite3 must build for a large catalogue.
_CLIP_SELECT = """
SELECT c.clip_id, c.title, c.task_key, coalesce(fa.duration, c.duration) AS duration, c.state,
       c.model AS clip_model, c.created_at,
       fa.state AS audio_state, fa.path AS audio_path, fa.size AS audio_bytes,
       fa.sha256 AS audio_sha256, fa.sample_rate, fa.channels, fi.path AS image_path,
       a.rating, coalesce(a.starred, 0) AS starred, g.tags, a.note,
       f.version AS feature_version, f."values" AS feature_values
FROM clips c
LEFT JOIN tasks t ON t.key = c.task_key
LEFT JOIN files fa ON fa.clip_id = c.clip_id AND fa.kind = 'audio'
LEFT JOIN files fi ON fi.clip_id = c.clip_id AND fi.kind = 'image'
LEFT JOIN annotations a ON a.clip_id = c.clip_id
LEFT JOIN features f ON f.clip_id = c.clip_id
LEFT JOIN (SELECT clip_id, group_concat(tag, ',') AS tags
           FROM (SELECT clip_id, tag FROM tags ORDER BY clip_id, tag) GROUP BY clip_id) g
       ON g.clip_id = c.clip_id
"""
_TASK_SELECT = """
SELECT key, action, request, task_id, state AS task_state, service, trace_id, submitted_at,
       finished_at, sweep_id, cell FROM tasks"""


def _where(
    action: str | None, tag: str | None, sweep: str | None, since: Any, until: Any
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if action is not None:
        clauses.append("t.action = ?")
        params.append(action)
    if tag is not None:
        clauses.append("EXISTS (SELECT 1 FROM tags g WHERE g.clip_id = c.clip_id AND g.tag = ?)")
        params.append(tag)
    if sweep is not None:
        clauses.append("t.sweep_id = ?")
        params.append(sweep)
    if since is not None:
        clauses.append("t.submitted_at >= ?")
        params.append(_unix(since, "since"))
    if until is not None:
        clauses.append("t.submitted_at < ?")
        params.append(_unix(until, "until"))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return where, params


# Task keys grow with submission time; ordering on them uses the clips_task index.
_ORDER = " ORDER BY c.task_key, c.position"


def clip_ids(catalogue: Catalogue, *filters: Any) -> list[str]:
    where, params = _where(*filters)
    sql = "SELECT c.clip_id FROM clips c LEFT JOIN tasks t ON t.key = c.task_key" + where + _ORDER
    return [cid for (cid,) in catalogue._store.read(sql, params)]


def to_pandas(
    catalogue: Catalogue,
    *,
    action: str | None = None,
    tag: str | None = None,
    sweep: str | None = None,
    since: Any = None,
    until: Any = None,
) -> pd.DataFrame:
    import pandas as pd

    where, params = _where(action, tag, sweep, since, until)
    names = _request_fields(catalogue)
    read = catalogue._store.connect().execute
    cursor = read(_CLIP_SELECT + where + _ORDER, params)
    clips = pd.DataFrame.from_records(cursor.fetchall(), columns=[d[0] for d in cursor.description])
    # only the tasks of the chosen clips (a filter may pick a few of many)
    cursor = read(
        _TASK_SELECT + " WHERE key IN (SELECT c.task_key FROM clips c"
        " LEFT JOIN tasks t ON t.key = c.task_key" + where + ")",
        params,
    )
    tasks = pd.DataFrame.from_records(cursor.fetchall(), columns=[d[0] for d in cursor.description])
    tasks = tasks.set_index("key")
    # One json.loads of a joined array: 50,000 separate calls cost ~0.4 s in call overhead.
    texts = tasks.pop("request")
    bodies = json.loads("[" + ",".join(t if t else "{}" for t in texts) + "]")
    requests = pd.DataFrame.from_records(bodies, index=tasks.index, columns=names)
    requests.columns = [_RENAMED.get(n, n) for n in names]
    per_clip = pd.concat([tasks, requests], axis=1).reindex(clips.pop("task_key").to_numpy())
    per_clip.index = clips.index
    features = _features(clips.pop("feature_values"))
    front = clips[["clip_id", "title"]]
    task_columns = ["task_id", "task_state", "service", "trace_id", "submitted_at", "finished_at",
                    "sweep_id", "cell"]  # fmt: skip
    frame = pd.concat(
        [
            front,
            per_clip[["action", *requests.columns]],
            clips.iloc[:, 2:5],  # duration, state, clip_model
            clips[["created_at"]],
            per_clip[task_columns],
            clips.iloc[:, 6:],
            features,
        ],
        axis=1,
    )
    return _dtypes(frame, catalogue, names)


def _request_fields(catalogue: Catalogue) -> list[str]:
    """Every request field used by any task (so filtered tables keep the same columns), in
    schema order, then unknown ones alphabetically."""
    from suno_nb import schema

    # Scanning every body costs ~0.1 s per 50,000 tasks, so only new or changed tasks are
    # scanned; the names seen so far are kept on the catalogue.
    last_key, last_time, used = getattr(catalogue, "_request_fields", (0, 0.0, frozenset()))
    (max_key, now) = catalogue._store.read(
        "SELECT coalesce(max(key), 0), max(updated_at) FROM tasks"
    )[0]
    rows = catalogue._store.read(
        "SELECT DISTINCT j.key FROM tasks, json_each(tasks.request) j"
        " WHERE (tasks.key > ? OR tasks.updated_at >= ?) AND j.key != 'action'",
        (last_key, last_time),
    )
    used = used | {k for (k,) in rows}
    catalogue._request_fields = (max_key, now or 0.0, used)
    # model, prompt and style are always columns, so code written for them works on any table
    used = used | _ALWAYS
    known = [n for n in schema.FIELDS if n in used]
    return known + sorted(used - set(known))


def _features(values: pd.Series) -> pd.DataFrame:
    import pandas as pd

    from suno_nb.features import FEATURE_COLUMNS

    present = values.dropna()
    names = [c for c in FEATURE_COLUMNS if c not in _FILE_FACT_FEATURES]
    if present.empty:
        frame = pd.DataFrame(index=values.index, columns=names, dtype="float64")
        frame["key"] = frame["key"].astype("object")
        return frame
    records = [json.loads(v) for v in present]
    frame = pd.DataFrame.from_records(records, index=present.index)
    frame = frame.reindex(columns=names).reindex(values.index)
    return frame


def _dtypes(frame: pd.DataFrame, catalogue: Catalogue, request_fields: list[str]) -> pd.DataFrame:
    import pandas as pd

    from suno_nb import schema

    for name in ("submitted_at", "finished_at"):
        frame[name] = pd.to_datetime(frame[name].astype("float64"), unit="s", utc=True)
    frame["created_at"] = pd.to_datetime(
        frame["created_at"], utc=True, format="ISO8601", errors="coerce"
    )
    for name in ("rating", "audio_bytes", "sample_rate", "channels", "feature_version"):
        frame[name] = frame[name].astype("Int64")
    frame["starred"] = frame["starred"].fillna(0).astype(bool)
    frame["tags"] = frame["tags"].fillna("")
    frame["duration"] = frame["duration"].astype("float64")
    for name in _CATEGORIES:
        frame[name] = frame[name].astype("category")
    root = str(catalogue.root) + "/"
    for name in ("audio_path", "image_path"):
        present = frame[name].notna()
        frame[name] = frame[name].where(~present, root + frame[name].where(present, ""))
    kinds = {"float": "float64", "int": "Int64", "bool": "boolean", "enum": "category"}
    for name in request_fields:
        column = _RENAMED.get(name, name)
        spec = schema.FIELDS.get(name)
        if spec is not None and spec.kind in ("url_list", "id_list"):
            frame[column] = frame[column].map(_json_list)  # json_extract gives arrays as text
        dtype = kinds.get(spec.kind) if spec is not None else None
        if dtype is None:
            continue
        # a value of another type came back from the service: keep the column as it is
        with contextlib.suppress(TypeError, ValueError):
            frame[column] = frame[column].astype(dtype)
    if "key" in frame.columns:
        frame["key"] = frame["key"].astype("category")
    return frame.reset_index(drop=True)


def _json_list(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) and value.startswith("[") else value


def _unix(value: Any, name: str) -> float:
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"{name}={value!r} is not an ISO date; use e.g. '2026-11-02' or "
                "'2026-11-02T09:14:05Z'"
            ) from None
    if isinstance(value, dt.datetime):
        return value.timestamp()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).timestamp()
    raise TypeError(f"{name} must be a datetime, date, ISO string or unix seconds, not {value!r}")


# ------------------------------------------------------------------------------------ features


def measure(
    catalogue: Catalogue,
    tracks: Iterable[Any] | None,
    *,
    n_jobs: int | None,
    progress: bool,
) -> pd.DataFrame:
    import pandas as pd

    from suno_nb.features import FEATURE_VERSION, measure_many

    rows = catalogue._store.read(
        "SELECT c.clip_id, fa.state, fa.path, fa.sha256, f.version, f.sha256, f.error"
        " FROM clips c LEFT JOIN files fa ON fa.clip_id = c.clip_id AND fa.kind = 'audio'"
        " LEFT JOIN features f ON f.clip_id = c.clip_id"
    )
    by_id = {r[0]: r for r in rows}
    if tracks is None:
        wanted = [r[0] for r in rows if r[1] == "ok"]
    else:
        wanted = [getattr(t, "id", t) for t in tracks]
        for clip_id in wanted:
            if clip_id not in by_id:
                catalogue._require(clip_id)  # raises TrackNotFound naming the id
    no_audio = [cid for cid in wanted if by_id[cid][1] != "ok"]
    if no_audio:
        warnings.warn(
            f"{len(no_audio)} track(s) have no downloaded audio yet ({', '.join(no_audio[:3])}"
            f"{'…' if len(no_audio) > 3 else ''}); run catalogue.fetch_missing() first",
            stacklevel=3,
        )
    stale = [
        cid
        for cid in wanted
        if by_id[cid][1] == "ok"
        and (by_id[cid][4] != FEATURE_VERSION or by_id[cid][5] != by_id[cid][3] or by_id[cid][6])
    ]
    if stale:
        paths = [str(catalogue.root / by_id[cid][2]) for cid in stale]
        results = measure_many(paths, n_jobs=n_jobs, progress=progress, on_error="nan")
        _store_features(catalogue, stale, [by_id[c][3] for c in stale], results, FEATURE_VERSION)
    return _feature_table(catalogue, [c for c in wanted if c not in no_audio], pd)


def _store_features(
    catalogue: Catalogue, ids: list[str], hashes: list[str], results: list[dict], version: int
) -> None:
    now = time.time()
    batch = 200  # short transactions: other kernels may be writing
    for start in range(0, len(ids), batch):
        with catalogue._store.write() as conn:
            conn.executemany(
                'INSERT INTO features (clip_id, version, sha256, measured_at, "values", error)'
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(clip_id) DO UPDATE SET"
                ' version = excluded.version, sha256 = excluded.sha256, "values" ='
                ' excluded."values", measured_at = excluded.measured_at, error = excluded.error',
                [
                    (cid, version, sha, now, json.dumps(_plain(row)), row.get("error"))
                    for cid, sha, row in zip(
                        ids[start : start + batch],
                        hashes[start : start + batch],
                        results[start : start + batch],
                        strict=True,
                    )
                ],
            )


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    # numpy scalars and NaN: JSON has no NaN, so store null
    out = {}
    for k, v in row.items():
        if k == "error":
            continue
        v = v.item() if hasattr(v, "item") else v
        out[k] = None if isinstance(v, float) and v != v else v
    return out


def _feature_table(catalogue: Catalogue, ids: list[str], pd: Any) -> pd.DataFrame:
    from suno_nb.features import FEATURE_COLUMNS

    wanted = set(ids)
    records, index = [], []
    for clip_id, values, version in catalogue._store.read(
        'SELECT clip_id, "values", version FROM features'
    ):
        if clip_id in wanted:
            index.append(clip_id)
            records.append({**json.loads(values), "feature_version": version})
    frame = pd.DataFrame.from_records(records, index=pd.Index(index, name="clip_id"))
    frame = frame.reindex(columns=[*FEATURE_COLUMNS, "feature_version"])
    return frame.reindex([i for i in ids if i in wanted and i in frame.index])
