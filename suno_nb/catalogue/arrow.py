"""Catalogue queries read as Arrow tables: through an ADBC driver when one is installed, else
row by row. The drivers are accelerators, never features: every path gives the same table.

ADBC builds the columns in C, without a Python object per value: about twice as fast as
``sqlite3``'s ``fetchall`` on the catalogue's 100k-row table (``adbc-driver-sqlite``, the
``[fast]`` extra), and the same for PostgreSQL (``adbc-driver-postgresql``, the ``[lab]``
extra) instead of psycopg's tuples.

Example:
    >>> import tempfile, pathlib
    >>> from suno_nb.catalogue.store import Store
    >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "catalogue.sqlite")
    >>> read_arrow(store, "SELECT 1 AS one, 'x' AS letter").to_pylist()
    [{'one': 1, 'letter': 'x'}]
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from suno_nb._extras import optional

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["read_arrow", "return_freed_memory", "returning_memory"]

# The sqlite driver infers each column's type from its first batch and fails on a later value
# of another type; one batch for the whole result makes the inference see every row.
_ONE_BATCH = str(1 << 30)
_POSTGRES = ("postgresql://", "postgres://")


def read_arrow(store: Any, sql: str, params: Sequence[Any] = ()) -> pa.Table:
    """Run one query (sqlite-flavoured SQL, ``?`` marks) on ``store`` as a ``pyarrow.Table``.

    A sqlite store (one with a ``path``) is read through ``adbc_driver_sqlite``, a PostgreSQL
    one through ``adbc_driver_postgresql``, when installed; otherwise, and for any other
    store, through its ``read`` path (row tuples), converted column by column.
    """
    path = getattr(store, "path", None)
    if path is not None:
        driver = optional("adbc_driver_sqlite.dbapi", extra="fast")
        if driver is not None:
            return _sqlite(driver, path, sql, params)
    elif str(getattr(store, "url", "")).startswith(_POSTGRES):
        driver = optional("adbc_driver_postgresql.dbapi", extra="lab")
        if driver is not None:
            return _postgres(driver, store.url, sql, params)
    return _from_rows(store, sql, params)


def _sqlite(driver: Any, path: Any, sql: str, params: Sequence[Any]) -> pa.Table:
    uri = f"{path.resolve().as_uri()}?mode=ro"  # reading only: never a write lock
    with driver.connect(uri) as conn, conn.cursor() as cursor:
        cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": _ONE_BATCH})
        cursor.execute(sql, list(params) if params else None)
        return cursor.fetch_arrow_table()


def _postgres(driver: Any, url: str, sql: str, params: Sequence[Any]) -> pa.Table:
    uri = url.replace("postgres://", "postgresql://", 1)
    with driver.connect(uri) as conn, conn.cursor() as cursor:
        cursor.execute(numbered_marks(sql), list(params) if params else None)
        return cursor.fetch_arrow_table()


_QUOTED = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")")


def numbered_marks(sql: str) -> str:
    """The catalogue's SQL for libpq's own parameters: ``?`` → ``$1``, ``$2`` … (outside quotes),
    sqlite spellings as the PostgreSQL store translates them.

    Example:
        >>> numbered_marks("SELECT a FROM t WHERE b = ? AND c LIKE 'x?' AND d = ?")
        "SELECT a FROM t WHERE b = $1 AND c LIKE 'x?' AND d = $2"
    """
    from suno_nb.catalogue.postgres import translate

    parts = _QUOTED.split(translate(sql))  # ?/:name → %s/%(name)s, a literal % doubled
    count = 0
    for index in range(0, len(parts), 2):  # even parts are outside quotes
        pieces = re.split(r"(%%|%s|%\(\w+\)s)", parts[index])
        for at, piece in enumerate(pieces):
            if piece == "%s":
                count += 1
                pieces[at] = f"${count}"
            elif piece == "%%":
                pieces[at] = "%"
            elif piece.startswith("%("):
                raise ValueError(f"named parameters are not read through Arrow: {sql!r}")
        parts[index] = "".join(pieces)
    for index in range(1, len(parts), 2):
        parts[index] = parts[index].replace("%%", "%")
    return "".join(parts)


def _from_rows(store: Any, sql: str, params: Sequence[Any]) -> pa.Table:
    import pyarrow as pa

    conn = store.connect()
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    del rows  # the tuples go as soon as they are columns: one copy of the data at a time
    arrays = []
    while columns:
        values = columns.pop(0)
        try:
            arrays.append(pa.array(values))
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types: keep them as text
            arrays.append(pa.array([None if v is None else str(v) for v in values]))
        del values
    return pa.table(arrays, names=names)


# ------------------------------------------------------- memory while tables are converted


@contextlib.contextmanager
def returning_memory() -> Iterator[None]:
    """Arrow allocates from the system allocator meanwhile: buffers freed while converting go
    back to the OS at once, where mimalloc's pool would keep them (1.3× the frame at the peak)."""
    import pyarrow as pa

    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(before)


def return_freed_memory() -> None:
    """Hand the heap's free pages back to the OS (glibc's ``malloc_trim``; elsewhere nothing).

    The drivers build their results in growing buffers; once those are freed glibc keeps the
    pages for reuse, and the table's conversion allocates elsewhere: without this the frame's
    build peaks at 1.6× its size instead of 1.4× (benchmarks/bench_catalogue.py)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None
