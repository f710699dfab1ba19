"""The PostgreSQL backend of the catalogue's store seam: one database shared by a lab.

Implements :class:`suno_nb.catalogue.store.StoreBackend` with psycopg 3 and a connection pool
(``pip install 'suno-nb[lab]'``). The tables and migrations are the sqlite backend's, each
statement translated once (column types, keys) so the two cannot drift; SQL the catalogue sends
is translated in one place, :func:`translate`, from sqlite's parameter marks to psycopg's.

Claims are atomic across processes and machines: ``INSERT … ON CONFLICT DO UPDATE … WHERE the
lease expired … RETURNING`` takes an item for exactly one caller (PostgreSQL locks the row and
evaluates the condition on its newest version, so of two workers asking at the same moment
one gets the cell and the other sees it taken). Items are taken in sorted order, so two
workers claiming overlapping sets cannot deadlock.

Example:
    >>> store = PostgresStore("postgresql://postgres@127.0.0.1:5432/lab")   # doctest: +SKIP
    >>> with store.write() as conn:                                         # doctest: +SKIP
    ...     store.claim(conn, "sweep:s1", ["0/0", "1/0"], "me:1:a", 60)
    ['0/0', '1/0']
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from suno_nb._extras import require
from suno_nb.catalogue.store import (
    _MIGRATIONS,
    SCHEMA_VERSION,
    CatalogueError,
    CatalogueFullError,
    CatalogueReadOnlyError,
    _owner_is_dead,
    _redact,
    _refuse_newer,
    register_backend,
)

__all__ = ["PostgresStore", "translate", "translate_ddl"]

_FEATURE = "A PostgreSQL catalogue"
# The advisory lock that serialises migrations when many workers start at once.
_MIGRATION_LOCK = 0x5E_0001

_QUOTED = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")")
_MARK = re.compile(r"\?|(?<!:):([A-Za-z_][A-Za-z0-9_]*)|%")
# sqlite spellings the catalogue uses, in PostgreSQL's words (applied outside quotes only).
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\bAS\s+REAL\b"), "AS DOUBLE PRECISION"),  # CAST(x AS REAL): float8
    (re.compile(r"(?i)\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)"), "IS DISTINCT FROM "),
    (re.compile(r"(?i)\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)"), "IS NOT DISTINCT FROM "),
)
_INSERT_OR_IGNORE = re.compile(r"(?i)^(\s*)INSERT\s+OR\s+IGNORE\s+INTO")


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """The catalogue's sqlite-flavoured SQL as psycopg sends it to PostgreSQL.

    Parameter marks ``?`` → ``%s`` and ``:name`` → ``%(name)s``; a literal ``%`` is doubled;
    ``INSERT OR IGNORE`` → ``… ON CONFLICT DO NOTHING``; ``IS NOT x`` → ``IS DISTINCT FROM x``;
    ``CAST(x AS REAL)`` → double precision. Quoted strings and identifiers are left alone.
    (sqlite's functions — ``json_extract``, ``group_concat`` … — are installed in the
    database instead, see ``_JSON_FUNCTIONS``.)

    Example:
        >>> translate("SELECT a FROM t WHERE b = ? AND c = :c AND d IS NOT ? AND e LIKE 'x?'")
        "SELECT a FROM t WHERE b = %s AND c = %(c)s AND d IS DISTINCT FROM %s AND e LIKE 'x?'"
        >>> translate("INSERT OR IGNORE INTO tags (clip_id, tag) VALUES (?, ?)")
        'INSERT INTO tags (clip_id, tag) VALUES (%s, %s) ON CONFLICT DO NOTHING'
    """
    ignore = _INSERT_OR_IGNORE.match(sql) is not None
    if ignore:
        sql = _INSERT_OR_IGNORE.sub(r"\1INSERT INTO", sql, count=1)
    parts = _QUOTED.split(sql)
    for index in range(0, len(parts), 2):  # even parts are outside quotes
        code = parts[index]
        for pattern, words in _REWRITES:
            code = pattern.sub(words, code)
        parts[index] = _MARK.sub(_psycopg_mark, code)
    for index in range(1, len(parts), 2):
        parts[index] = parts[index].replace("%", "%%")
    out = "".join(parts)
    if ignore and not re.search(r"(?i)\bON\s+CONFLICT\b", out):
        out = out.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return out


def _psycopg_mark(match: re.Match[str]) -> str:
    if match.group(0) == "?":
        return "%s"
    if match.group(0) == "%":
        return "%%"
    return f"%({match.group(1)})s"


def translate_ddl(statement: str) -> str:
    """A migration statement of the sqlite backend in PostgreSQL's types.

    Example:
        >>> translate_ddl("CREATE TABLE t (key INTEGER PRIMARY KEY AUTOINCREMENT, x REAL) "
        ...               "WITHOUT ROWID")
        'CREATE TABLE t (key BIGSERIAL PRIMARY KEY, x DOUBLE PRECISION)'
    """
    out = re.sub(
        r"(?i)\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", statement
    )
    out = re.sub(r"(?i)\bREAL\b", "DOUBLE PRECISION", out)
    out = re.sub(r"(?i)\bINTEGER\b", "BIGINT", out)
    out = re.sub(r"(?i)\s*\bWITHOUT\s+ROWID\b", "", out)
    return out


# sqlite's JSON functions that the catalogue's SQL uses, with sqlite's names and answers, so
# the same statements run on both backends (json_extract returns text: the SQL casts it).
_JSON_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION json_valid(doc text) RETURNS boolean LANGUAGE plpgsql
       IMMUTABLE AS $$ BEGIN PERFORM doc::jsonb; RETURN doc IS NOT NULL;
       EXCEPTION WHEN others THEN RETURN false; END $$""",
    """CREATE OR REPLACE FUNCTION _suno_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE
       AS $$ SELECT CASE WHEN path = '$' THEN ARRAY[]::text[]
                         ELSE string_to_array(substr(path, 3), '.') END $$""",
    """CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql
       IMMUTABLE AS $$ SELECT doc::jsonb #>> _suno_path(path) $$""",
    """CREATE OR REPLACE FUNCTION json_type(doc text, path text) RETURNS text LANGUAGE sql
       IMMUTABLE AS $$
         SELECT CASE jsonb_typeof(v)
           WHEN 'number' THEN CASE WHEN (v #>> '{}') ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END
           WHEN 'string' THEN 'text'
           WHEN 'boolean' THEN v #>> '{}'
           ELSE jsonb_typeof(v) END
         FROM (SELECT doc::jsonb #> _suno_path(path) AS v) AS found $$""",
    """CREATE OR REPLACE FUNCTION json_each(doc text) RETURNS TABLE (key text, value jsonb)
       LANGUAGE sql IMMUTABLE AS $$ SELECT * FROM jsonb_each(doc::jsonb) $$""",
    # group_concat(x [, sep]): NULLs skipped, ',' by default, as sqlite does
    """CREATE OR REPLACE FUNCTION _suno_concat(acc text, x text, sep text) RETURNS text
       LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN x IS NULL THEN acc WHEN acc IS NULL
       THEN x ELSE acc || sep || x END $$""",
    """CREATE OR REPLACE FUNCTION _suno_concat(acc text, x text) RETURNS text
       LANGUAGE sql IMMUTABLE AS $$ SELECT _suno_concat(acc, x, ',') $$""",
    "CREATE OR REPLACE AGGREGATE group_concat(text, text) (SFUNC = _suno_concat, STYPE = text)",
    "CREATE OR REPLACE AGGREGATE group_concat(text) (SFUNC = _suno_concat, STYPE = text)",
)


def _backfills_nothing(conn: _Connection, statement: str) -> bool:
    """Whether ``statement`` only fills existing rows of a table that has none.

    Data migrations (``UPDATE tasks SET typed_column = json_extract(…)``) rely on sqlite's
    dynamic types, which PostgreSQL refuses when it plans them; on an empty table they are
    no-ops, which is always the case for a PostgreSQL catalogue created at or after the
    version that added them (this backend arrived with schema version 3).
    """
    match = re.match(r"(?is)\s*UPDATE\s+([A-Za-z_][A-Za-z0-9_]*)\s", statement)
    if match is None:
        return False
    exists = conn.execute(f"SELECT EXISTS (SELECT 1 FROM {match.group(1)})").fetchone()
    return not exists[0]


class _Connection:
    """A psycopg connection that takes the catalogue's sqlite-flavoured SQL."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self.raw = conn  # for statements sent as they are (function bodies)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        return self._conn.execute(translate(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> Any:
        cursor = self._conn.cursor()
        cursor.executemany(translate(sql), list(rows))
        return cursor


class PostgresStore:
    """A catalogue database on a PostgreSQL server (see the module docstring).

    ``url`` is a libpq URL (``postgresql://user:password@host:port/dbname``); the password is
    never shown in messages. Connections come from a small pool shared by the process's threads.
    """

    path: Path | None = None

    def __init__(self, url: str, *, writable: bool = True, pool_size: int = 4) -> None:
        self.url = url
        self.writable = writable
        psycopg_pool = require("psycopg_pool", extra="lab", feature=_FEATURE)
        self._psycopg = require("psycopg", extra="lab", feature=_FEATURE)
        self._pool = psycopg_pool.ConnectionPool(
            url.replace("postgres://", "postgresql://", 1),
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True},
            open=False,
        )
        try:
            self._pool.open(wait=True, timeout=10)
        except Exception as exc:  # the pool's timeout wraps the connection error
            self._pool.close()
            raise CatalogueError(
                f"cannot reach the PostgreSQL catalogue at {_redact(url)} ({exc}); is the server "
                "running and the URL right (postgresql://user@host:port/dbname)?"
            ) from exc
        self._local = threading.local()
        self.migrate()

    # --- connections -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside write(): the same transaction
            yield held
            return
        with self._pool.connection() as conn:
            yield conn

    def connect(self) -> _Connection:
        """A connection for one statement at a time (autocommit), from the pool."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = getattr(self._local, "idle", None)
            if conn is None or conn.closed:
                conn = self._pool.getconn()
                self._local.idle = conn
        return _Connection(conn)

    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        with self._connection() as conn:
            return [tuple(row) for row in conn.execute(translate(sql), params).fetchall()]

    @contextlib.contextmanager
    def write(self) -> Iterator[_Connection]:
        """One write transaction: commits on exit, rolls back on an exception."""
        if not self.writable:
            raise CatalogueReadOnlyError(
                f"the catalogue at {_redact(self.url)} was opened read-only; open it writable "
                "to change it"
            )
        if getattr(self._local, "conn", None) is not None:
            raise CatalogueError("write() transactions do not nest; finish the outer one first")
        errors = self._psycopg.errors
        try:
            with self._pool.connection() as conn, conn.transaction():
                self._local.conn = conn
                try:
                    yield _Connection(conn)
                finally:
                    self._local.conn = None
        except errors.DiskFull as exc:
            raise CatalogueFullError(
                28,
                f"the PostgreSQL server's disk is full ({exc}); the write was rolled back and "
                "earlier rows are intact. Free space on the server and run catalogue.resume()",
            ) from exc
        except errors.ReadOnlySqlTransaction as exc:
            raise CatalogueReadOnlyError(
                f"{_redact(self.url)} is read-only (a replica?): {exc}"
            ) from exc
        except self._psycopg.OperationalError as exc:
            raise CatalogueError(f"{_redact(self.url)}: {exc}") from exc

    def close(self) -> None:
        idle = getattr(self._local, "idle", None)
        if idle is not None:
            self._pool.putconn(idle)
            self._local.idle = None

    def dispose(self) -> None:
        """Close every connection of the pool (the store cannot be used afterwards)."""
        self.close()
        self._pool.close()

    # --- version and migrations -------------------------------------------------------------
    def version(self) -> int:
        rows = self.read("SELECT to_regclass('schema_version') IS NOT NULL")
        if not rows[0][0]:
            return 0
        return int(self.read("SELECT coalesce(max(version), 0) FROM schema_version")[0][0])

    def migrate(self) -> None:
        """Bring the database up to :data:`SCHEMA_VERSION`; safe when many workers start at once."""
        if self.version() == SCHEMA_VERSION and self._has_json_functions():
            return
        with self.write() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            for statement in _JSON_FUNCTIONS:  # before the migrations: their backfills use them
                conn.raw.execute(statement)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
            )
            current = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version")
            found = int(current.fetchone()[0])
            _refuse_newer(found, Path(_redact(self.url)))
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[version]:
                    if not _backfills_nothing(conn, statement):
                        conn.execute(translate_ddl(statement))
                conn.execute("INSERT INTO schema_version VALUES (?, ?)", (version, time.time()))

    def _has_json_functions(self) -> bool:
        found = self.read("SELECT to_regprocedure('_suno_concat(text, text)') IS NOT NULL")
        return bool(found[0][0])

    # --- claims ------------------------------------------------------------------------------
    def claim(
        self, conn: _Connection, scope: str, items: Iterable[str], owner: str, lease_seconds: float
    ) -> list[str]:
        """Take the free, own or expired claims among ``items`` (inside :meth:`write`)."""
        items = list(items)
        if not items:
            return []
        now = time.time()
        held = conn.execute(
            "SELECT item, owner FROM claims WHERE scope = ? AND item = ANY(?) AND owner <> ?"
            " AND lease_until >= ?",
            (scope, items, owner, now),
        ).fetchall()
        for item, holder in held:
            if _owner_is_dead(holder):
                conn.execute(
                    "UPDATE claims SET lease_until = 0 WHERE scope = ? AND item = ? AND owner = ?",
                    (scope, item, holder),
                )
        rows = conn.execute(
            "INSERT INTO claims (scope, item, owner, lease_until, claimed_at)"
            " SELECT ?, item, ?, ?, ? FROM unnest(?::text[]) AS wanted(item) ORDER BY item"
            " ON CONFLICT (scope, item) DO UPDATE SET owner = excluded.owner,"
            " lease_until = excluded.lease_until, claimed_at = excluded.claimed_at"
            " WHERE claims.lease_until < ? OR claims.owner = excluded.owner"
            " RETURNING item",
            (scope, owner, now + lease_seconds, now, sorted(set(items)), now),
        ).fetchall()
        taken = {row[0] for row in rows}
        return [item for item in items if item in taken]

    def renew(self, owner: str, lease_seconds: float) -> int:
        """Extend every lease ``owner`` holds (the heartbeat of a running worker)."""
        with self.write() as conn:
            return conn.execute(
                "UPDATE claims SET lease_until = ? WHERE owner = ?",
                (time.time() + lease_seconds, owner),
            ).rowcount

    def release(self, scope: str, items: Iterable[str], owner: str) -> None:
        """Let go of ``owner``'s claims on ``items``."""
        items = list(items)
        if items:
            with self.write() as conn:
                conn.execute(
                    "DELETE FROM claims WHERE scope = ? AND owner = ? AND item = ANY(?)",
                    (scope, owner, items),
                )

    def holders(self, scope: str) -> dict[str, tuple[str, float]]:
        """``{item: (owner, lease_until)}`` of the live claims in ``scope``."""
        rows = self.read(
            "SELECT item, owner, lease_until FROM claims WHERE scope = ? AND lease_until >= ?",
            (scope, time.time()),
        )
        return {item: (owner, until) for item, owner, until in rows if not _owner_is_dead(owner)}

    def lock(self, conn: _Connection, name: str) -> None:
        """Hold ``name`` to the end of this transaction (inside :meth:`write`): a transaction
        advisory lock, so every worker reading and debiting a shared budget takes turns."""
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (name,))


def _open(url: str) -> PostgresStore:
    return PostgresStore(url)


register_backend("postgresql", _open)
register_backend("postgres", _open)
