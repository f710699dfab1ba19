"""The catalogue's table kept as a Parquet file next to its sqlite file, used while it is current.

A restarted kernel reads ``catalogue.df`` from this file (about 0.06 s for 100,000 rows) instead
of building it from the database (about 0.5 s). It is used only when no row of a table the frame
is made of (tasks, clips, files, annotations, tags, features) has changed since it was written.

Triggers keep a change token in the ``settings`` table: any insert, update or delete on those
tables, from any process or program, sets it to ``changed``. Only the first write after a table
was read pays for that: the token then stays ``changed`` and later rows' triggers only look at
it. The next ``catalogue.df`` puts a new random token in place *before* building the frame and
labels its snapshot with it, so a write that lands during the build makes it stale at once.
The token is random rather than a counter so that a catalogue file put back from an older copy
never matches a snapshot taken later. Only sqlite catalogues have snapshots; a read-only folder
still uses a current one, it just never writes one.

Example:
    >>> import tempfile, pathlib
    >>> from suno_nb.catalogue import Catalogue
    >>> catalogue = Catalogue(pathlib.Path(tempfile.mkdtemp()))
    >>> len(catalogue.df)                         # built, then kept as a snapshot
    0
    >>> snapshot_path(catalogue.store).exists()
    True
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import socket
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from suno_nb.catalogue.files import FileStore

__all__ = [
    "SNAPSHOT_SUFFIX",
    "current_key",
    "fields_seen",
    "install",
    "read",
    "snapshot_path",
    "wait",
    "write",
]

SNAPSHOT_SUFFIX = ".frame.parquet"
# Bump when the table's columns, order or dtypes change for the same catalogue rows.
_LAYOUT = 1
_TOKEN = "frame.changed"  # the settings row the triggers mark
_CHANGED = "changed"  # its value once a row changed: no snapshot matches it
_TABLES = ("tasks", "clips", "files", "annotations", "tags", "features")
_EVENTS = ("INSERT", "UPDATE", "DELETE")
# (trigger name, table, event): the one list install() creates and current_key() counts
_TRIGGER_SPECS = tuple(
    (f"suno_nb_frame_{table}_{event.lower()}", table, event)
    for table in _TABLES
    for event in _EVENTS
)
_TRIGGERS = tuple(name for name, _, _ in _TRIGGER_SPECS)
_META = b"suno_nb.snapshot"
_FIELDS = b"suno_nb.request_fields"
_DTYPES = b"suno_nb.dtypes"
_SEEN = b"suno_nb.fields_seen"


def _dtypes(frame: pd.DataFrame) -> str:
    """Each column's dtype in short (a category with its categories' dtype)."""
    return "\n".join(
        f"{name}:{dtype.name}:{getattr(getattr(dtype, 'categories', None), 'dtype', '')}"
        for name, dtype in frame.dtypes.items()
    )


def snapshot_path(store: Any) -> Path | None:
    """Where ``store``'s snapshot lives (``catalogue.sqlite.frame.parquet``); None when the
    store is not a sqlite file."""
    path = getattr(store, "path", None)
    return None if path is None else Path(path).with_name(Path(path).name + SNAPSHOT_SUFFIX)


_CHECK = (
    "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})),"
    " (SELECT value FROM settings WHERE name = ?),"
    " (SELECT max(version) FROM schema_version)"
).format(names=", ".join(f"'{name}'" for name in _TRIGGERS))


def current_key(store: Any, files: FileStore) -> str | None:
    """What a snapshot of the table as it is now must carry; None when changes are not tracked
    (triggers missing, e.g. a table rebuilt by a migration), so no snapshot can be trusted."""
    import pandas as pd
    import pyarrow as pa

    triggers, token, schema = store.read(_CHECK, (_TOKEN,))[0]
    if triggers != len(_TRIGGERS) or token is None or token == _CHANGED:
        return None
    # the files' root is in the paths; the libraries and the code decide the dtypes
    return "|".join(
        map(str, (_LAYOUT, _code_stamp(), schema, token, files.location(""),
                  pd.__version__, pa.__version__))
    )  # fmt: skip


# The modules whose code decides the table's columns and dtypes: their size and time stamp are
# part of the key, so a new release (or an edited source tree) never reads an older layout.
_CODE = ("catalogue/frame.py", "catalogue/columns.py", "catalogue/snapshot.py",
         "schema/fields.py", "features.py")  # fmt: skip


@functools.cache
def _code_stamp() -> str:
    package = Path(__file__).resolve().parent.parent
    stamps = []
    for name in _CODE:
        with contextlib.suppress(OSError):  # a zipped install: the layout number decides
            found = (package / name).stat()
            stamps.append(f"{found.st_size}.{found.st_mtime_ns}")
    return "-".join(stamps)


def install(store: Any) -> None:
    """Create the missing triggers and put a new random change token in place (after a change,
    or when a trigger was missing); the store must be writable."""
    with store.write() as conn:
        for name, table, event in _TRIGGER_SPECS:
            conn.execute(
                f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN"
                f" UPDATE settings SET value = '{_CHANGED}' WHERE name = '{_TOKEN}'"
                f" AND value != '{_CHANGED}'; END"
            )
        # a new token even if one exists: changes made while a trigger was missing went unseen
        conn.execute(
            "INSERT INTO settings (name, value) VALUES (?, hex(randomblob(8)))"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (_TOKEN,),
        )


def read(store: Any, key: str) -> tuple[pd.DataFrame, list[str]] | None:
    """The snapshot's frame and request field names if it carries ``key``, else None."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from suno_nb.catalogue.arrow import return_freed_memory, returning_memory

    path = snapshot_path(store)
    try:
        # one open file for the key and the rows: a snapshot replaced meanwhile is not mixed in
        with open(path, "rb") as handle, returning_memory():  # type: ignore[arg-type]
            parquet = pq.ParquetFile(handle, pre_buffer=False)
            metadata = parquet.schema_arrow.metadata or {}
            if metadata.get(_META) != key.encode():
                return None
            expected = metadata[_DTYPES].decode()
            # a column at a time: decoding the whole file at once peaks at twice the table
            columns = {name: _column(parquet, name, dtype) for name, dtype in _parsed(expected)}
        return_freed_memory()
    except (OSError, TypeError, KeyError, ValueError, pa.ArrowException):
        return None  # none yet, or unreadable: build the table instead
    import pandas as pd

    frame = pd.DataFrame(columns, copy=False)
    del columns
    if _dtypes(frame) != expected:  # a type Parquet did not give back as it was: build
        return None
    return frame, metadata[_FIELDS].decode().split("\n")


def _parsed(dtypes: str) -> list[tuple[str, str]]:
    return [(line.rsplit(":", 2)[0], line.rsplit(":", 2)[1]) for line in dtypes.split("\n")]


def _column(parquet: Any, name: str, dtype: str) -> Any:
    """One column as pandas, in the dtype it was written from (pandas' own metadata is not
    read: it describes every column, and parsing it per column costs more than the data)."""
    import pandas as pd

    table = parquet.read(columns=[name], use_threads=False).replace_schema_metadata(None)
    nullable = {"Int64": pd.Int64Dtype(), "boolean": pd.BooleanDtype()}.get(dtype)
    column = table.to_pandas(
        types_mapper=(lambda _: nullable) if nullable is not None else None,
        self_destruct=True, split_blocks=True, use_threads=False,
    ).iloc[:, 0]  # fmt: skip
    if dtype == "category" and len(column.cat.categories) == 0:  # as built: of no type yet
        column = column.cat.set_categories(pd.Index([], dtype=object))
    return column


def fields_seen(store: Any) -> Any:
    """The request fields the snapshot's build had seen, and how far it had scanned, even when
    the snapshot is stale: a restarted kernel scans only the tasks changed since."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(snapshot_path(store)).metadata or {}  # type: ignore[arg-type]
        last_key, last_time, *names = metadata[_SEEN].decode().split("\n")
    except (OSError, TypeError, KeyError, ValueError, pa.ArrowException):
        return None
    return int(last_key), float(last_time), frozenset(names)


_WRITING = threading.Lock()  # one snapshot written at a time in this process
_writers: list[tuple[str, threading.Thread]] = []  # (key, its writer)


def _forget_writers() -> None:
    """In a forked child: the parent's writer threads do not exist here, and a lock one of
    them held would stay held for ever."""
    global _WRITING
    _WRITING = threading.Lock()
    _writers.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_writers)


#: Tables of at least this many rows are written in a background thread.
BACKGROUND_ROWS = 20_000


def write(store: Any, key: str, frame: pd.DataFrame, names: list[str], seen: Any) -> None:
    """Keep ``frame`` (built at ``key``) as the snapshot: a large table in a background thread
    when pandas copies on write (a shallow copy then stays as it was, whatever the caller does
    to ``frame``); skipped quietly when the folder cannot take it (it is an accelerator).
    ``seen`` is the request-field scan state to hand to the next build (:func:`fields_seen`)."""
    import pandas as pd

    path = snapshot_path(store)
    if path is None:
        return
    args = (path, key, frame.copy(deep=False), names, seen)
    copies_on_write = int(pd.__version__.split(".")[0]) >= 3 or pd.options.mode.copy_on_write
    if len(frame) < BACKGROUND_ROWS or not copies_on_write:
        # a small table is written in a few ms, and nothing outlives the call; without
        # copy-on-write a shallow copy would share buffers the caller may change in place
        _write(*args)
        return
    writer = threading.Thread(target=_write, args=args, name="suno_nb snapshot")
    _writers[:] = [*((k, t) for k, t in _writers if t.is_alive()), (key, writer)]
    writer.start()


def wait(key: str | None = None) -> None:
    """Wait for the snapshots this process is writing in the background (those of ``key``
    only, when given)."""
    for written, writer in list(_writers):
        if key is None or written == key:
            writer.join()


_ROW_GROUP = 4_096  # rows converted and encoded at a time: the write holds ~0.25x the frame


def _write(path: Path, key: str, frame: pd.DataFrame, names: list[str], seen: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from suno_nb.catalogue.arrow import return_freed_memory

    # written aside, then renamed over: a reader sees the old file or the new one, never half
    aside = path.with_name(f"{path.name}.{_HOST}-{os.getpid()}-{threading.get_ident()}.tmp")
    with _WRITING:
        _remove_abandoned(path)
        try:
            schema = _schema(pa.Schema.from_pandas(frame.iloc[:0], preserve_index=False))
            last_key, last_time, used = seen if seen is not None else (0, 0.0, frozenset())
            schema = schema.with_metadata({
                **(schema.metadata or {}), _META: key, _FIELDS: "\n".join(names),
                _DTYPES: _dtypes(frame),
                _SEEN: "\n".join([str(last_key), repr(last_time), *sorted(used)]),
            })  # fmt: skip
            with pq.ParquetWriter(aside, schema, compression="zstd", compression_level=1) as out:
                for start in range(0, max(len(frame), 1), _ROW_GROUP):
                    rows = frame.iloc[start : start + _ROW_GROUP]
                    out.write_table(pa.Table.from_pandas(rows, schema, preserve_index=False))
            os.replace(aside, path)
        except (OSError, ValueError, pa.ArrowException):
            with contextlib.suppress(OSError):
                aside.unlink()
        finally:
            # the Arrow pool keeps what the conversions freed (30 MB per 100k rows): give it back
            pa.default_memory_pool().release_unused()
            return_freed_memory()


_HOST = socket.gethostname().replace(".", "_").replace("-", "_")


def _remove_abandoned(path: Path) -> None:
    """Delete the half-written files of processes on this machine that died while writing."""
    for aside in path.parent.glob(f"{glob.escape(path.name)}.*.tmp"):
        host, _, rest = aside.name[len(path.name) + 1 :].partition("-")
        pid = rest.partition("-")[0]
        if host == _HOST and pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                aside.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _schema(schema: Any) -> Any:
    """A category with no categories yet is a dictionary of nulls, which Parquet cannot hold:
    a dictionary of strings instead (it reads back as the same empty category)."""
    import pyarrow as pa

    for at, column in enumerate(schema):
        if pa.types.is_dictionary(column.type) and pa.types.is_null(column.type.value_type):
            typed = pa.dictionary(column.type.index_type, pa.string())
            schema = schema.set(at, column.with_type(typed))
    return schema
