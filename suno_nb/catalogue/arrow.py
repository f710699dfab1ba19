"""Catalogue queries read as Arrow tables: sqlite through ADBC's driver, other stores row-wise.

ADBC's sqlite driver builds the columns in C, without a Python object per value, which makes
it about twice as fast as ``sqlite3``'s ``fetchall`` on the catalogue's 100k-row table.

Example:
    >>> import tempfile, pathlib
    >>> from suno_nb.catalogue.store import Store
    >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "catalogue.sqlite")
    >>> read_arrow(store, "SELECT 1 AS one, 'x' AS letter").to_pylist()
    [{'one': 1, 'letter': 'x'}]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["read_arrow"]

# The driver infers each column's type from its first batch and fails on a later value of
# another type; one batch for the whole result makes the inference see every row.
_ONE_BATCH = str(1 << 30)


def read_arrow(store: Any, sql: str, params: Sequence[Any] = ()) -> pa.Table:
    """Run one query on ``store`` and return its result as a ``pyarrow.Table``.

    A sqlite store (one with a ``path``) is read through ``adbc_driver_sqlite``; any other
    store through its ``read`` (row tuples), converted column by column.
    """
    path = getattr(store, "path", None)
    if path is None:
        return _from_rows(store, sql, params)
    import adbc_driver_sqlite.dbapi as adbc

    uri = f"{path.resolve().as_uri()}?mode=ro"  # reading only: never a write lock
    with adbc.connect(uri) as conn, conn.cursor() as cursor:
        cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": _ONE_BATCH})
        cursor.execute(sql, list(params) if params else None)
        return cursor.fetch_arrow_table()


def _from_rows(store: Any, sql: str, params: Sequence[Any]) -> pa.Table:
    import pyarrow as pa

    conn = store.connect()
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    arrays = []
    for values in columns:
        try:
            arrays.append(pa.array(values))
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types: keep them as text
            arrays.append(pa.array([None if v is None else str(v) for v in values]))
    return pa.table(arrays, names=names)
