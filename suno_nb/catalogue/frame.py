"""The catalogue as a pandas DataFrame (one row per clip), its filters, and feature caching.

The table is read column-wise: three statements (clips, their tasks, their features) through
ADBC's sqlite driver into Arrow, joined in Arrow, converted to pandas once; the request's knobs
come from typed task columns (:mod:`.columns`), never from parsing JSON in Python.

Columns, in order:

* ``clip_id``, ``title``, ``action``, then every request field that appears in any task
  (``model``, ``prompt``, ``style``, ``weirdness``, ``style_influence``, ``custom``, …; dtypes
  from :mod:`suno_nb.schema`: float knobs ``float64``, whole numbers ``Int64``, switches
  ``boolean``, choices ``category``). Request fields whose names a clip column already uses get
  a ``request_`` prefix: ``request_title``, ``request_duration`` (the length *asked for*),
  ``request_key`` (the musical key asked for).
* clip facts: ``duration`` (real seconds), ``state``, ``clip_model`` (the upstream name),
  ``created_at``, ``task_id``, ``task_state``, ``service``, ``trace_id``,
  ``submitted_at``, ``finished_at`` (``datetime64[ns, UTC]``), ``cost`` (billed credits, NaN
  until known), ``sweep_id``, ``cell`` (JSON). Text columns are pandas' Arrow-backed ``str``.
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
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from suno_nb.catalogue.files import FileStore
    from suno_nb.catalogue.store import StoreBackend

__all__ = ["clip_ids", "measure", "table_queries", "to_arrow", "to_pandas", "to_parquet"]

# Request fields renamed because a clip, file or feature column has the name.
_RENAMED = {"title": "request_title", "duration": "request_duration", "key": "request_key"}
_ALWAYS = frozenset({"model", "prompt", "style"})
# Feature columns that repeat facts the file row already holds.
_FILE_FACT_FEATURES = ("duration_s", "sample_rate", "channels")
_CATEGORIES = ("action", "state", "task_state", "clip_model", "service", "audio_state",
               "sweep_id", "key")  # fmt: skip
_WHOLE_NUMBERS = ("audio_bytes", "sample_rate", "channels", "rating", "feature_version")

# Clip-level columns (one row per clip); task-level ones are read once per task and joined in
# Arrow, which halves what sqlite must produce for a large catalogue. Every column has one SQL
# type (CAST), so the Arrow types never depend on what the rows happen to hold.
_CLIP_SELECT = """
SELECT c.clip_id, CAST(c.title AS TEXT) AS title, c.task_key, c.position,
       CAST(coalesce(fa.duration, c.duration) AS REAL) AS duration, c.state,
       c.model AS clip_model, CAST(c.created_at AS TEXT) AS created_at,
       fa.state AS audio_state, fa.path AS audio_path, fa.size AS audio_bytes,
       fa.sha256 AS audio_sha256, fa.sample_rate, fa.channels, fi.path AS image_path,
       a.rating, coalesce(a.starred, 0) AS starred, coalesce(g.tags, '') AS tags, a.note,
       f.version AS feature_version
FROM clips c
LEFT JOIN files fa ON fa.clip_id = c.clip_id AND fa.kind = 'audio'
LEFT JOIN files fi ON fi.clip_id = c.clip_id AND fi.kind = 'image'
LEFT JOIN annotations a ON a.clip_id = c.clip_id
LEFT JOIN features f ON f.clip_id = c.clip_id
LEFT JOIN (SELECT clip_id, group_concat(tag, ',') AS tags
           FROM (SELECT clip_id, tag FROM tags ORDER BY clip_id, tag) AS sorted_tags
           GROUP BY clip_id) g
       ON g.clip_id = c.clip_id
"""
_TASK_COLUMNS = ("task_id", "task_state", "service", "trace_id", "submitted_at", "finished_at",
                 "cost", "sweep_id", "cell")  # fmt: skip
_TASK_SELECT = (
    "SELECT key, action, {requests}, task_id, state AS task_state, service, trace_id,"
    " CAST(submitted_at AS REAL) AS submitted_at, CAST(finished_at AS REAL) AS finished_at,"
    " cost, sweep_id, cell FROM tasks"
)


def _where(
    action: str | None = None,
    tag: str | None = None,
    sweep: str | None = None,
    since: Any = None,
    until: Any = None,
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
_CHOSEN = "SELECT c.{column} FROM clips c LEFT JOIN tasks t ON t.key = c.task_key"


def clip_ids(store: StoreBackend, *filters: Any) -> list[str]:
    """The clip ids chosen by the filters of :func:`to_pandas` (positional), oldest first."""
    where, params = _where(*filters)
    sql = "SELECT c.clip_id FROM clips c LEFT JOIN tasks t ON t.key = c.task_key" + where + _ORDER
    return [cid for (cid,) in store.read(sql, params)]


def to_pandas(store: StoreBackend, files: FileStore, **filters: Any) -> pd.DataFrame:
    """The catalogue's table as pandas: :func:`to_arrow`, converted once; the whole table of a
    sqlite catalogue from its Parquet snapshot while that is current (:mod:`.snapshot`)."""
    if any(value is not None for value in filters.values()):
        return _lists_parsed(*_built(store, files, filters))
    return _lists_parsed(*_whole_table(store, files))


def _whole_table(store: StoreBackend, files: FileStore) -> tuple[pd.DataFrame, list[str]]:
    from suno_nb.catalogue import snapshot
    from suno_nb.catalogue.store import CatalogueError

    if snapshot.snapshot_path(store) is None:  # PostgreSQL: no file next to it
        return _built(store, files, {})
    key = snapshot.current_key(store, files)
    writable = getattr(store, "writable", False)
    if key is None and writable:  # changed since the last table, its first, or triggers gone
        with contextlib.suppress(CatalogueError):  # busy or read-only: just build it
            snapshot.install(store)
            key = snapshot.current_key(store, files)
    if key is not None:
        snapshot.wait(key)  # one this process is still writing is worth the wait
        found = snapshot.read(store, key)
        if found is not None:
            return found
    if store not in _FIELDS_SEEN:  # a restarted kernel: scan only the tasks changed since
        seen = snapshot.fields_seen(store)
        if seen is not None:
            _FIELDS_SEEN[store] = seen
    # the key was read before building: a write landing meanwhile makes this snapshot stale
    frame, names = _built(store, files, {})
    if key is not None and writable:
        snapshot.write(store, key, frame, names, _FIELDS_SEEN.get(store))
    return frame, names


def _lists_parsed(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    for name in filter(None, names):
        spec = _field(name)
        if spec is not None and spec.kind in ("url_list", "id_list"):
            column = _RENAMED.get(name, name)
            frame[column] = frame[column].map(_json_list)  # json_extract gives arrays as text
    return frame


def _built(
    store: StoreBackend, files: FileStore, filters: dict[str, Any]
) -> tuple[pd.DataFrame, list[str]]:
    """The table built from the database, and its request field names (list fields still
    JSON text)."""
    import pandas as pd
    import pyarrow as pa

    from suno_nb.catalogue.arrow import return_freed_memory, returning_memory

    with returning_memory():
        table = to_arrow(store, files, **filters, with_features=False)
        names = table.schema.metadata[b"request_fields"].decode().split("\n")
        # The features are spread over the clips before converting: a column of a driver's
        # result keeps that whole result alive (one C-data release), so no reference to
        # ``table`` may outlive its conversion.
        spread = _spread_features(store, table["clip_id"], filters)
        n_rows = table.num_rows
        types = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
        return_freed_memory()  # the drivers' read buffers, freed by now, back to the OS
        # one column at a time, each Arrow column freed once converted (pyarrow's
        # self_destruct does that only with split_blocks and without threads)
        frame = _converted(table, types)
        del table
        return_freed_memory()  # and the converted Arrow columns' buffers
        features = _feature_frame(spread, n_rows, types)
        del spread
    frame["starred"] = frame["starred"].astype(bool)  # never missing: a plain bool column
    return pd.concat([frame, features], axis=1), names


def _converted(table: pa.Table, types: dict[Any, Any]) -> pd.DataFrame:
    return table.to_pandas(
        types_mapper=types.get, self_destruct=True, split_blocks=True, use_threads=False
    )


def _spread_features(store: StoreBackend, clip_ids: Any, filters: dict[str, Any]) -> Any:
    """The feature rows of the chosen clips in the clips' order (None when none is measured)."""
    import pyarrow as pa

    from suno_nb.catalogue.arrow import read_arrow

    (_, _, feature_sql), params = table_queries(store, [], **filters)
    features = _typed_features(read_arrow(store, feature_sql, params))
    if features.num_rows == 0:
        return None
    spread = features.take(_positions(clip_ids, features["clip_id"], pa.string()))
    return spread.select(_feature_names())


def _feature_frame(spread: Any, n_rows: int, types: dict[Any, Any]) -> pd.DataFrame:
    """The feature columns as pandas; all-NaN columns made straight in numpy when no clip has
    features (an Arrow column of nulls would be a second copy)."""
    import numpy as np
    import pandas as pd

    names = _feature_names()
    if spread is None:
        numbers = [name for name in names if name != "key"]
        # (columns, rows) transposed is the layout of a pandas block: taken without a copy
        block = np.full((len(numbers), n_rows), np.nan).T
        frame = pd.DataFrame(block, columns=numbers, copy=False)
        frame.insert(names.index("key"), "key", pd.Categorical.from_codes(
            np.full(n_rows, -1, dtype=np.int8), categories=[]))  # fmt: skip
        return frame
    return _converted(spread, types)


def to_parquet(store: StoreBackend, files: FileStore, path: Path, **filters: Any) -> Path:
    """Write :func:`to_arrow`'s table as one Parquet file (zstd) and return its path."""
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(store, files, **filters), path, compression="zstd")
    return path


def to_arrow(
    store: StoreBackend,
    files: FileStore,
    *,
    action: str | None = None,
    tag: str | None = None,
    sweep: str | None = None,
    since: Any = None,
    until: Any = None,
    with_features: bool = True,
) -> pa.Table:
    """The catalogue's table read column-wise: three queries into Arrow (clips, their tasks,
    their features), joined in Arrow; the knobs come from typed task columns, not parsed JSON.

    ``with_features=False`` leaves the feature columns out (:func:`to_pandas` adds them).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from suno_nb.catalogue.arrow import read_arrow

    names = _request_fields(store)
    (clip_sql, task_sql, feature_sql), params = table_queries(
        store, names, action=action, tag=tag, sweep=sweep, since=since, until=until
    )
    clips = read_arrow(store, clip_sql, params)
    # Task columns get their final types on the tasks table (half as many rows), then one
    # take spreads them over the clips: every column is copied once, not once per step.
    tasks = _typed_tasks(read_arrow(store, task_sql, params), names)
    per_clip = tasks.take(_positions(clips["task_key"], tasks["key"], pa.int64()))
    del tasks
    root = files.location("")  # "/folder/" or "s3://bucket/prefix/": the full names
    columns: dict[str, Any] = {
        "clip_id": _own(clips["clip_id"].cast(pa.string())),
        "title": _own(clips["title"].cast(pa.string())),
        "action": per_clip["action"],
    }
    for name in names:
        columns[_RENAMED.get(name, name)] = per_clip[_alias(name)]
    columns.update(
        duration=_own(clips["duration"].cast(pa.float64())),
        state=clips["state"].cast(pa.string()).dictionary_encode(),
        clip_model=clips["clip_model"].cast(pa.string()).dictionary_encode(),
        created_at=_iso_times(clips["created_at"]),
    )
    for name in _TASK_COLUMNS:
        columns[name] = per_clip[name]
    del per_clip
    for name in _FILE_AND_NOTE_COLUMNS:
        columns[name] = _own(clips[name].cast(_CLIP_TYPES.get(name, "string")))
    columns["audio_state"] = columns["audio_state"].dictionary_encode()
    for name in ("audio_path", "image_path"):
        columns[name] = pc.binary_join_element_wise(root, columns[name], "")
    if with_features:
        features = _typed_features(read_arrow(store, feature_sql, params))
        per_clip_features = features.take(
            _positions(clips["clip_id"], features["clip_id"], pa.string())
        )
        for name in _feature_names():
            columns[name] = per_clip_features[name]
    return pa.table(columns, metadata={"request_fields": "\n".join(names)})


_FILE_AND_NOTE_COLUMNS = ("audio_state", "audio_path", "audio_bytes", "audio_sha256",
                          "sample_rate", "channels", "image_path", "rating", "starred", "tags",
                          "note", "feature_version")  # fmt: skip
_CLIP_TYPES = {"audio_bytes": "int64", "sample_rate": "int64", "channels": "int64",
               "rating": "int64", "feature_version": "int64", "starred": "bool"}  # fmt: skip


def _own(column: Any) -> Any:
    """``column`` in buffers of its own. A driver's result is one C-data release for all its
    columns: one column passed on unchanged would keep the whole result (growth slack
    included) alive until the table is converted, 0.3x the frame at the peak. Columns that
    are cast, encoded or taken are new already; these are the ones that would not be."""
    import pyarrow as pa

    # concatenating always writes new buffers, sized to the data
    return pa.concat_arrays([*column.chunks, pa.array([], type=column.type)])


def _typed_tasks(tasks: pa.Table, names: list[str]) -> pa.Table:
    """The task rows with every column in the table's final Arrow type."""
    import pyarrow as pa

    typed: dict[str, Any] = {
        "key": tasks["key"].cast(pa.int64()),
        "action": tasks["action"].cast(pa.string()).dictionary_encode(),
    }
    for name in names:
        typed[_alias(name)] = _request_column(tasks[_alias(name)], name)
    for name in ("task_id", "trace_id", "cell"):
        typed[name] = tasks[name].cast(pa.string())
    for name in ("task_state", "service", "sweep_id"):
        typed[name] = tasks[name].cast(pa.string()).dictionary_encode()
    typed["submitted_at"] = _unix_times(tasks["submitted_at"])
    typed["finished_at"] = _unix_times(tasks["finished_at"])
    typed["cost"] = tasks["cost"].cast(pa.float64())
    return pa.table(typed)


def _typed_features(features: pa.Table) -> pa.Table:
    import pyarrow as pa

    typed = {
        name: features[name].cast(pa.string() if name in ("clip_id", "key") else pa.float64())
        for name in features.column_names
    }
    typed["key"] = typed["key"].dictionary_encode()
    return pa.table(typed)


def _field(name: str) -> Any:
    from suno_nb import schema

    return schema.FIELDS.get(name)


def _request_sql(name: str) -> str:
    """The task column (typed knob) or JSON path a request field is read from."""
    from suno_nb.catalogue.columns import column, is_knob

    quoted = '"' + _alias(name).replace('"', '""') + '"'
    if is_knob(name):
        return f"{column(name)} AS {quoted}"
    path = "'$." + name.replace("'", "''").replace('"', '\\"') + "'"
    extract = f"json_extract(request, {path})"
    spec = _field(name)
    if spec is not None and spec.kind in ("text", "str", "enum"):
        extract = f"CAST({extract} AS TEXT)"
    return f"{extract} AS {quoted}"


def table_queries(
    store: StoreBackend, names: list[str] | None = None, **filters: Any
) -> tuple[tuple[str, str, str], list[Any]]:
    """The three statements the table is read from (clips, their tasks, their features) and
    their parameters; the benchmark times a raw ``fetchall`` of the same statements."""
    where, params = _where(**filters) if filters else ("", [])
    names = _request_fields(store) if names is None else names
    clip_sql = _CLIP_SELECT
    task_sql = _TASK_SELECT.format(requests=", ".join(_request_sql(n) for n in names))
    feature_sql = _feature_select()
    if where:  # only the chosen clips, and only their tasks and features
        clip_sql += " WHERE c.clip_id IN (" + _CHOSEN.format(column="clip_id") + where + ")"
        task_sql += " WHERE key IN (" + _CHOSEN.format(column="task_key") + where + ")"
        feature_sql += " WHERE clip_id IN (" + _CHOSEN.format(column="clip_id") + where + ")"
    # sorted by sqlite through the clips_task index: sorting in Arrow would copy every column
    clip_sql += _ORDER
    return (clip_sql, task_sql, feature_sql), params


def _positions(values: Any, keys: Any, kind: Any) -> Any:
    """Where each of ``values`` is in ``keys`` (null where it is not), as one hash lookup."""
    import pyarrow.compute as pc

    return pc.index_in(values.cast(kind), value_set=keys.cast(kind).combine_chunks())


def _alias(name: str) -> str:
    # a prefix, so a request field never collides with a task column (``key``, ``cost`` …)
    return f"request:{name}"


def _request_column(values: Any, name: str) -> Any:
    """A request field's Arrow column in the table's type: float knobs ``float64``, whole
    numbers ``Int64``, switches ``boolean``, choices ``category``, text ``str``."""
    import pyarrow as pa

    spec = _field(name)
    kind = spec.kind if spec is not None else None
    target = {"float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(),
              "text": pa.string(), "str": pa.string(), "enum": pa.string()}.get(kind)  # fmt: skip
    if target is None:
        return values
    try:
        values = values.cast(target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return values  # a value of another type came back from the service: keep it as it is
    return values.dictionary_encode() if kind == "enum" else values


def _unix_times(seconds: Any) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    # whole seconds and the fraction apart, as pandas' to_datetime(unit="s") does, so the
    # nanoseconds are the same as theirs
    seconds = seconds.cast(pa.float64())
    whole = pc.floor(seconds)
    fraction = pc.round(pc.multiply(pc.subtract(seconds, whole), 1e9)).cast(pa.int64())
    nanos = pc.add(pc.multiply(whole.cast(pa.int64()), 1_000_000_000), fraction)
    return nanos.cast(pa.timestamp("ns", tz="UTC"))


def _iso_times(texts: Any) -> Any:
    """ISO 8601 clip times as UTC timestamps; a text that is not a time becomes null."""
    import pyarrow as pa

    try:
        return texts.cast(pa.timestamp("us", tz="UTC"))
    except pa.ArrowInvalid:  # an odd value somewhere: parse them one by one, forgivingly
        import pandas as pd

        parsed = pd.to_datetime(texts.to_pandas(), utc=True, format="ISO8601", errors="coerce")
        return pa.chunked_array([pa.array(parsed.astype("datetime64[us, UTC]"))])


def _feature_names() -> list[str]:
    from suno_nb.features import FEATURE_COLUMNS

    return [c for c in FEATURE_COLUMNS if c not in _FILE_FACT_FEATURES]


def _feature_select() -> str:
    parts = []
    for name in _feature_names():
        kind = "TEXT" if name == "key" else "REAL"
        parts.append(f'CAST(json_extract("values", \'$.{name}\') AS {kind}) AS "{name}"')
    return "SELECT clip_id, " + ", ".join(parts) + " FROM features"


# Per store: (last task key scanned, its newest update time, request field names seen so far).
_FIELDS_SEEN: weakref.WeakKeyDictionary[Any, tuple[int, float, frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)


def _request_fields(store: StoreBackend) -> list[str]:
    """Every request field used by any task (so filtered tables keep the same columns), in
    schema order, then unknown ones alphabetically."""
    from suno_nb import schema

    # Scanning every body costs ~0.1 s per 50,000 tasks, so only new or changed tasks are
    # scanned; the names seen so far are kept per store.
    last_key, last_time, used = _FIELDS_SEEN.get(store, (0, 0.0, frozenset()))
    (max_key, now) = store.read("SELECT coalesce(max(key), 0), max(updated_at) FROM tasks")[0]
    rows = store.read(
        "SELECT DISTINCT j.key FROM tasks, json_each(tasks.request) j"
        " WHERE (tasks.key > ? OR tasks.updated_at >= ?) AND j.key != 'action'",
        (last_key, last_time),
    )
    used = used | {k for (k,) in rows}
    _FIELDS_SEEN[store] = (max_key, now or 0.0, used)
    # model, prompt and style are always columns, so code written for them works on any table
    used = used | _ALWAYS
    known = [n for n in schema.FIELDS if n in used]
    return known + sorted(used - set(known))


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
    store: StoreBackend,
    files: FileStore,
    tracks: Iterable[Any] | None,
    *,
    n_jobs: int | None,
    progress: bool,
) -> pd.DataFrame:
    import pandas as pd

    from suno_nb.features import FEATURE_VERSION

    rows = store.read(
        "SELECT c.clip_id, fa.state, fa.path, fa.sha256, f.version, f.sha256, f.error"
        " FROM clips c LEFT JOIN files fa ON fa.clip_id = c.clip_id AND fa.kind = 'audio'"
        " LEFT JOIN features f ON f.clip_id = c.clip_id" + _ORDER
    )
    by_id = {r[0]: r for r in rows}
    if tracks is None:
        wanted = [r[0] for r in rows if r[1] == "ok"]
    else:
        wanted = [getattr(t, "id", t) for t in tracks]
        missing = [clip_id for clip_id in wanted if clip_id not in by_id]
        if missing:
            from suno_nb.catalogue.track import TrackNotFound, not_found

            raise TrackNotFound(not_found(files, missing[0]))
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
        _measure_claimed(store, files, stale, by_id, n_jobs=n_jobs, progress=progress)
    return _feature_table(store, [c for c in wanted if c not in no_audio], pd)


_LEASE_S = 300.0  # renewed at every stored batch: only a dead analysis lets it lapse
_STORE_EVERY = 200  # rows per write transaction: short, other kernels may be writing
_WAIT_S = 0.5


def _measure_claimed(
    store: StoreBackend,
    files: FileStore,
    stale: list[str],
    by_id: dict[str, tuple],
    *,
    n_jobs: Any,
    progress: bool,
) -> None:
    """Measure the stale clips that no other analysis is measuring, claimed in the store, and
    wait for the ones another one holds: two overlapping analyses (two kernels, a sweep's
    results and catalogue.measure, workers of a cluster) never compute a clip twice."""
    from suno_nb.catalogue.store import new_owner
    from suno_nb.features import FEATURE_VERSION, _progress_bar

    scope, owner, started = f"features:{FEATURE_VERSION}", new_owner(), time.time()
    bar = _progress_bar(len(stale), enabled=progress)
    pending = list(stale)
    try:
        while pending:
            with store.write() as conn:
                mine = store.claim(conn, scope, pending, owner, _LEASE_S)
            if mine:
                try:
                    # another analysis may have stored some between our look and our claim
                    todo = _still_stale(store, mine, started)
                    bar.update(len(mine) - len(todo))
                    _measure_and_store(store, files, todo, by_id, n_jobs, bar, owner)
                finally:
                    store.release(scope, mine, owner)
            taken = set(mine)
            pending = [c for c in pending if c not in taken]
            if pending:  # held by a live analysis: wait for its rows, or for its lease to lapse
                _sleep(_WAIT_S)
                still = _still_stale(store, pending, started)
                bar.update(len(pending) - len(still))
                pending = still
    finally:
        bar.close()


def _sleep(seconds: float) -> None:
    time.sleep(seconds)  # a seam: tests patch it


def _still_stale(store: StoreBackend, ids: list[str], started: float) -> list[str]:
    """The ids whose features are still missing or stale (a row another analysis stored since
    ``started`` counts as done, even an error row: it would fail the same way here)."""
    from suno_nb.features import FEATURE_VERSION

    done: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        done.update(
            cid
            for (cid,) in store.read(
                "SELECT f.clip_id FROM features f JOIN files fa ON fa.clip_id = f.clip_id"
                " AND fa.kind = 'audio' WHERE f.version = ? AND f.sha256 = fa.sha256"
                " AND (f.error IS NULL OR f.measured_at >= ?)"
                f" AND f.clip_id IN ({', '.join('?' * len(chunk))})",
                [FEATURE_VERSION, started, *chunk],
            )
        )
    return [cid for cid in ids if cid not in done]


def _measure_and_store(
    store: StoreBackend,
    files: FileStore,
    ids: list[str],
    by_id: dict[str, tuple],
    n_jobs: Any,
    bar: Any,
    owner: str,
) -> None:
    """Measure ``ids`` (workers read the files; rows stream back in order) and store them every
    few hundred rows, renewing the claims' lease each time."""
    from suno_nb.features import FEATURE_VERSION, iter_measure

    if not ids:
        return
    # through the files layer: local files as checked paths; remote objects as RemoteAudio,
    # fetched and hash-checked by each worker (nothing downloaded here, no shared cache needed)
    sources = [files.source(by_id[cid][2], by_id[cid][3]) for cid in ids]
    done, rows = 0, []
    for batch_rows in iter_measure(sources, n_jobs=n_jobs, on_error="nan"):
        rows.extend(batch_rows)
        bar.update(len(batch_rows))
        if len(rows) >= _STORE_EVERY or done + len(rows) == len(ids):
            chunk = ids[done : done + len(rows)]
            _store_features(store, chunk, [by_id[c][3] for c in chunk], rows, FEATURE_VERSION)
            store.renew(owner, _LEASE_S)
            done, rows = done + len(rows), []


def _store_features(
    store: StoreBackend, ids: list[str], hashes: list[str], results: list[dict], version: int
) -> None:
    now = time.time()
    batch = 200  # short transactions: other kernels may be writing
    for start in range(0, len(ids), batch):
        with store.write() as conn:
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


def _feature_table(store: StoreBackend, ids: list[str], pd: Any) -> pd.DataFrame:
    from suno_nb.features import FEATURE_COLUMNS

    wanted = set(ids)
    records, index = [], []
    for clip_id, values, version in store.read('SELECT clip_id, "values", version FROM features'):
        if clip_id in wanted:
            index.append(clip_id)
            records.append({**json.loads(values), "feature_version": version})
    frame = pd.DataFrame.from_records(records, index=pd.Index(index, name="clip_id"))
    frame = frame.reindex(columns=[*FEATURE_COLUMNS, "feature_version"])
    return frame.reindex([i for i in ids if i in wanted and i in frame.index])
