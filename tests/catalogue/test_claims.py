"""Claims, reconciliation and the small windows: what the catalogue does with paid work that is
in flight, lost, or recorded on a full disk; its store seam and URL handling."""

from __future__ import annotations

import os
import shutil
import time
from collections import namedtuple
from pathlib import Path

import pytest

from suno_nb.catalogue import Catalogue, CatalogueError, CatalogueFullError
from suno_nb.catalogue import catalogue as catalogue_module
from suno_nb.catalogue.store import Store, StoreBackend, new_owner
from suno_nb.client import Client
from suno_nb.emulator import Emulator
from suno_nb.emulator.transport import InProcessTransport
from suno_nb.errors import SubmissionUncertain
from suno_nb.tasks import TaskObserver

BASE = "http://suno-emulator.invalid"
REQUEST = {"prompt": "a calm lofi song about a night bus", "duration": 10}


@pytest.fixture
def emulator(tmp_path: Path):
    emu = Emulator(data_dir=tmp_path / "emu", profile="instant", max_duration=4.0)
    yield emu
    emu.close()


def _client(emulator: Emulator, catalogue: Catalogue | bool) -> Client:
    return Client(
        base_url=BASE,
        transport=InProcessTransport(emulator),
        catalogue=catalogue,
        progress=False,
        poll_interval=(0.02, 0.1),
    )


def _lose_answer(catalogue: Catalogue, request: dict) -> int:
    """A row as a killed kernel or a dropped connection leaves it: sent, no answer."""
    key = catalogue.task_submitting("generate", request, "emulator")
    error = SubmissionUncertain("connection dropped after sending", action="generate")
    catalogue.task_submit_failed(key, error)
    return key


def test_the_catalogue_is_a_task_observer_and_a_store_backend(catalogue):
    assert isinstance(catalogue, TaskObserver)
    assert isinstance(catalogue.store, StoreBackend)


def test_resume_adopts_a_task_the_service_made_for_a_lost_answer(tmp_path, emulator):
    catalogue = Catalogue(tmp_path / "cat")
    sent = _client(emulator, False).generate(**REQUEST, wait=False)  # the service has it
    key = _lose_answer(catalogue, REQUEST)
    other = _lose_answer(catalogue, {**REQUEST, "prompt": "never reached the service"})
    catalogue.settle_seconds = 3600.0  # too young to call absent
    with pytest.warns(UserWarning, match="NOT re-sent"):
        report = catalogue.resume(_client(emulator, catalogue))
    assert report.reconciled.adopted == {key: sent.task_id}
    assert report.finished == [sent.task_id]
    assert [t.key for t in report.uncertain] == [other]
    assert "resume() again after" in report.uncertain[0].error
    assert {t.task_id for t in catalogue.tracks()} == {sent.task_id}
    # Once settled, the one the service never made is lost: nothing paid, nothing pending.
    catalogue.settle_seconds = 0.0
    again = catalogue.resume(_client(emulator, catalogue))
    assert again.reconciled.lost == [other] and catalogue.pending() == []
    status = catalogue.status()
    assert status["lost"] == 1 and status["succeeded"] == 1 and status["uncertain"] == 0


def test_a_task_id_already_recorded_is_never_adopted_twice(tmp_path, emulator):
    catalogue = Catalogue(tmp_path / "cat")
    client = _client(emulator, catalogue)
    client.generate(**REQUEST)  # recorded normally
    key = _lose_answer(catalogue, REQUEST)  # the same request again, answer lost
    catalogue.settle_seconds = 0.0
    found = catalogue.reconcile(client)
    assert found.lost == [key] and not found.adopted


def test_rows_in_flight_in_this_process_are_left_alone(tmp_path, emulator):
    catalogue = Catalogue(tmp_path / "cat")
    catalogue.task_submitting("generate", REQUEST, "emulator")  # sending, answer awaited
    catalogue.settle_seconds = 0.0
    assert not catalogue.reconcile(_client(emulator, False))
    assert catalogue.pending()[0].state == "submitting"


def test_a_dead_owners_claim_is_taken_over_and_a_live_ones_is_not(tmp_path):
    catalogue, other = Catalogue(tmp_path / "cat"), Catalogue(tmp_path / "cat")
    assert catalogue.claim_cells("s", ["0/0"], lambda item, rows: True) == ["0/0"]
    assert other.claim_cells("s", ["0/0"], lambda item, rows: True) == []  # live: held
    assert other.cell_holders("s") == {"0/0": catalogue.owner}
    catalogue.release_cells("s", ["0/0"])
    assert other.claim_cells("s", ["0/0"], lambda item, rows: True) == ["0/0"]
    # A process of this host that no longer runs lets go at once.
    store = other.store
    dead = f"{new_owner().split(':')[0]}:{_dead_pid()}:cafe"
    with store.write() as conn:
        assert store.claim(conn, "sweep:s", ["1/0"], dead, 600) == ["1/0"]
    assert other.claim_cells("s", ["1/0"], lambda item, rows: True) == ["1/0"]
    # Another host's claim lasts until its lease runs out.
    with store.write() as conn:
        assert store.claim(conn, "sweep:s", ["2/0"], "elsewhere:1:beef", 0.2) == ["2/0"]
    assert other.claim_cells("s", ["2/0"], lambda item, rows: True) == []
    time.sleep(0.3)
    assert other.claim_cells("s", ["2/0"], lambda item, rows: True) == ["2/0"]


def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_a_claim_that_is_no_longer_needed_is_dropped_in_the_same_transaction(tmp_path):
    catalogue = Catalogue(tmp_path / "cat")
    assert catalogue.claim_cells("s", ["0/0", "1/0"], lambda item, rows: item == "1/0") == ["1/0"]
    assert set(catalogue.store.holders("sweep:s")) == {"1/0"}


def test_the_heartbeat_keeps_a_lease_alive(tmp_path, monkeypatch):
    monkeypatch.setenv("SUNO_NB_CLAIM_LEASE", "0.3")
    catalogue, other = Catalogue(tmp_path / "cat"), Catalogue(tmp_path / "cat")
    assert catalogue.claim_cells("s", ["0/0"], lambda item, rows: True) == ["0/0"]
    time.sleep(0.8)  # more than two leases
    assert other.claim_cells("s", ["0/0"], lambda item, rows: True) == []
    catalogue.release_cells("s", ["0/0"])


def test_nothing_is_sent_when_the_disk_is_nearly_full(tmp_path, emulator, monkeypatch):
    catalogue = Catalogue(tmp_path / "cat")
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9, 1024))
    client = _client(emulator, catalogue)
    with pytest.raises(CatalogueFullError, match="nothing was sent"):
        client.generate(**REQUEST)
    assert catalogue.status()["submitting"] == 0
    assert _client(emulator, False).list_tasks(created_at_min=0).items == []


def test_the_task_id_is_written_even_when_nothing_else_fits(tmp_path, monkeypatch):
    catalogue = Catalogue(tmp_path / "cat")
    reserve = catalogue.root / catalogue_module.RESERVE_NAME
    assert reserve.stat().st_size == catalogue_module.RESERVE_BYTES
    key = catalogue.task_submitting("generate", REQUEST, "emulator")
    real_write, calls = Store.write, []

    def full_once(self):
        calls.append(1)
        if len(calls) == 1:
            raise CatalogueFullError(28, "disk full")
        return real_write(self)

    monkeypatch.setattr(Store, "write", full_once)
    Task = namedtuple("Task", "task_id state clips")
    catalogue._save_task_id(key, Task("t-1", "pending", []))
    assert not reserve.exists()  # given up to make room
    assert catalogue.store.read("SELECT task_id FROM tasks WHERE key = ?", (key,)) == [("t-1",)]


def test_a_failed_download_warns_and_is_counted(tmp_path, emulator, monkeypatch):
    catalogue = Catalogue(tmp_path / "cat")
    catalogue._sleep = lambda seconds: None
    from suno_nb.catalogue import files

    def broken(client, url, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "fetch_bytes", broken)
    with pytest.warns(catalogue_module.DownloadWarning, match="fetch_missing"):
        _client(emulator, catalogue).generate(**REQUEST)
    assert catalogue.status()["files_failed"] == 4  # two clips, audio and cover each


def test_resume_without_a_client_says_how_to_get_one(tmp_path):
    catalogue = Catalogue(tmp_path / "cat")
    _lose_answer(catalogue, REQUEST)
    with pytest.raises(CatalogueError, match=r"suno_nb\.resume\(\)"):
        catalogue.resume()


@pytest.mark.parametrize(
    "url", ["mysql://db.example/lab", "ftp://user:secret@host/x", "redis://localhost"]
)
def test_an_unsupported_url_is_a_clear_error_not_a_folder(tmp_path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError, match="cannot open; use a folder path") as caught:
        Catalogue(url)
    assert "secret" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # no folder named after the URL


def test_a_sqlite_url_opens_that_folder(tmp_path):
    catalogue = Catalogue(f"sqlite://{tmp_path / 'cat'}")
    assert catalogue.db_path == tmp_path / "cat" / "catalogue.sqlite"
    assert catalogue.root == tmp_path / "cat"


def test_a_forked_child_claims_as_itself(tmp_path):
    catalogue = Catalogue(tmp_path / "cat")
    parent = catalogue.owner
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report its owner and exit without running pytest's teardown
        os.write(write, catalogue.owner.encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child = os.read(read, 200).decode()
    assert child != parent and child.split(":")[1] == str(pid)


def _same_catalogue(catalogue: Catalogue) -> Catalogue:
    """Another object (as another process would have) on the same store."""
    url = catalogue.store.url
    return (
        Catalogue(url, files=catalogue.root)
        if not url.startswith("sqlite:")
        else (Catalogue(catalogue.root))
    )


def test_claims_racing_for_a_budget_never_reserve_more_than_it(catalogue):
    from concurrent.futures import ThreadPoolExecutor

    from suno_nb.catalogue.queue import SweepCell

    cells = [SweepCell(f"{i}/0", i, 0, {"weirdness": i / 40}, 0.56) for i in range(40)]
    catalogue.queue.save({"sweep_id": "race", "action": "generate", "budget": 5.0}, cells)
    racers = [_same_catalogue(catalogue) for _ in range(6)]

    def grab(racer: Catalogue) -> list[str]:
        taken = []
        for start in range(0, 40, 4):  # each asks for every cell, four at a time
            items = [c.item for c in cells[start : start + 4]]
            taken += racer.claim_cells("race", items, lambda item, rows: not rows, budget=True)
        return taken

    with ThreadPoolExecutor(len(racers)) as pool:
        taken = [item for got in pool.map(grab, racers) for item in got]
    assert len(taken) == len(set(taken)) == 8  # 8 × 0.56 = 4.48; a ninth would be 5.04
    spend = catalogue.queue.spend("race")
    assert spend.total == pytest.approx(4.48) and spend.in_flight == 8
    assert set(catalogue.queue.workers("race").values()) <= {r.owner for r in racers}


def test_reconcile_leaves_rows_another_process_claimed_in_the_meantime(
    catalogue, emulator, monkeypatch
):
    # A worker looked (nobody held the row), then another worker claimed it before this one
    # could: there is nothing left to settle here. It crashed with min() of nothing before.
    key = _lose_answer(catalogue, {"prompt": "a race", "model": "chirp-v4-5"})
    with catalogue.store.write() as conn:
        assert catalogue.store.claim(conn, catalogue_module.TASK_SCOPE, [str(key)], "other:1:x", 60)
    monkeypatch.setattr(catalogue.store, "holders", lambda scope: {})  # the look came first
    result = catalogue.reconcile(_client(emulator, False))
    assert not result
    assert catalogue.store.read("SELECT state FROM tasks WHERE key = ?", (key,)) == [("uncertain",)]
