"""The store seam's contract, run against every backend: sqlite (a file) and PostgreSQL (a
real server started by the suite, see tests/postgres_server.py)."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from suno_nb.catalogue import postgres  # noqa: F401 - registers postgresql://
from suno_nb.catalogue.store import (
    SCHEMA_VERSION,
    CatalogueError,
    StoreBackend,
    new_owner,
    open_store,
)

BACKENDS = ["sqlite", "postgresql"]


def _open(kind: str, where: str) -> StoreBackend:
    return open_store(f"sqlite:///{where}" if kind == "sqlite" else where)


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield "sqlite", str(tmp_path)
    else:
        yield "postgresql", request.getfixturevalue("postgres_url")


@pytest.fixture
def store(location: tuple[str, str]) -> Iterator[StoreBackend]:
    opened = _open(*location)
    yield opened
    opened.close()
    if hasattr(opened, "dispose"):
        opened.dispose()


def test_it_is_a_store_backend_at_the_current_schema_version(store: StoreBackend) -> None:
    assert isinstance(store, StoreBackend)
    assert store.version() == SCHEMA_VERSION
    store.migrate()  # idempotent
    assert store.version() == SCHEMA_VERSION


def test_a_write_commits_and_a_failed_write_rolls_back(store: StoreBackend) -> None:
    with store.write() as conn:
        conn.execute(
            "INSERT INTO annotations (clip_id, rating, starred, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            ("c1", 4, 1, "good", 1.5),
        )
    with pytest.raises(RuntimeError), store.write() as conn:
        conn.execute(
            "INSERT INTO annotations (clip_id, rating, starred, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            ("c2", 3, 0, None, 2.0),
        )
        raise RuntimeError("abort")
    rows = store.read("SELECT clip_id, rating, note, updated_at FROM annotations ORDER BY 1")
    assert rows == [("c1", 4, "good", 1.5)]


def test_named_marks_and_insert_or_ignore(store: StoreBackend) -> None:
    with store.write() as conn:
        for _ in range(2):
            conn.execute(
                "INSERT OR IGNORE INTO tags (clip_id, tag) VALUES (:clip, :tag)",
                {"clip": "c1", "tag": "calm%"},
            )
        conn.executemany("INSERT OR IGNORE INTO tags (clip_id, tag) VALUES (?, ?)",
                         [("c1", "x"), ("c2", "x")])  # fmt: skip
    assert store.read("SELECT count(*) FROM tags WHERE tag LIKE 'calm%'") == [(1,)]
    assert store.read("SELECT count(*) FROM tags") == [(3,)]


def test_tasks_get_increasing_keys_from_returning(store: StoreBackend) -> None:
    keys = []
    with store.write() as conn:
        for n in range(3):
            row = conn.execute(
                "INSERT INTO tasks (action, request, state, submitted_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?) RETURNING key",
                ("generate", "{}", "submitting", float(n), float(n)),
            ).fetchone()
            keys.append(row[0])
    assert keys == sorted(keys) and len(set(keys)) == 3


def test_a_claim_goes_to_one_owner_until_its_lease_expires(store: StoreBackend) -> None:
    me, you = "hostA:1:aa", "hostB:2:bb"  # other hosts: only the lease decides
    with store.write() as conn:
        assert store.claim(conn, "sweep:s", ["0/0", "1/0"], me, 60) == ["0/0", "1/0"]
    with store.write() as conn:
        assert store.claim(conn, "sweep:s", ["0/0", "2/0"], you, 60) == ["2/0"]
    with store.write() as conn:  # an owner may take its own claims again
        assert store.claim(conn, "sweep:s", ["0/0"], me, 60) == ["0/0"]
    assert set(store.holders("sweep:s")) == {"0/0", "1/0", "2/0"}
    with store.write() as conn:  # an expired lease belongs to nobody
        conn.execute("UPDATE claims SET lease_until = ? WHERE owner = ?", (time.time() - 1, me))
    assert set(store.holders("sweep:s")) == {"2/0"}
    with store.write() as conn:
        assert store.claim(conn, "sweep:s", ["0/0", "1/0", "2/0"], you, 60) == ["0/0", "1/0", "2/0"]
    store.release("sweep:s", ["0/0"], me)  # not mine any more: left alone
    assert "0/0" in store.holders("sweep:s")
    store.release("sweep:s", ["0/0"], you)
    assert "0/0" not in store.holders("sweep:s")
    assert store.renew(you, 120) == 2


def test_a_dead_local_owner_lets_go_at_once(store: StoreBackend) -> None:
    child = multiprocessing.get_context("spawn").Process(target=os.getpid)
    child.start()
    child.join()
    dead = f"{new_owner().split(':')[0]}:{child.pid}:dead"
    with store.write() as conn:
        assert store.claim(conn, "task", ["k1"], dead, 3600) == ["k1"]
    with store.write() as conn:
        assert store.claim(conn, "task", ["k1"], new_owner(), 60) == ["k1"]


def _claim_in_a_process(
    where: tuple[str, str], items: list[str], out: multiprocessing.Queue
) -> None:
    store = _open(*where)
    owner = new_owner()
    taken: list[str] = []
    for item in items:  # one at a time, the way workers race for cells
        with store.write() as conn:
            taken += store.claim(conn, "sweep:race", [item], owner, 60)
    out.put(taken)


def test_processes_racing_for_the_same_items_never_share_one(location: tuple[str, str]) -> None:
    _open(*location).close()  # create and migrate first
    items = [f"{n}/0" for n in range(40)]
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = ctx.Queue()
    workers = [ctx.Process(target=_claim_in_a_process, args=(location, items, out))
               for _ in range(4)]  # fmt: skip
    for w in workers:
        w.start()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    every = [item for taken in results for item in taken]
    assert sorted(every) == sorted(items), "each item claimed exactly once"


def test_a_url_the_store_does_not_support_is_a_clear_error() -> None:
    with pytest.raises(CatalogueError, match="mysql"):
        open_store("mysql://user:secret@db/x")
    try:
        open_store("mysql://user:secret@db/x")
    except CatalogueError as exc:
        assert "secret" not in str(exc)
