"""Keyed endpoint writes (Studio projects, custom models) are recorded before they are sent, and
``resume()`` re-sends the unanswered ones with the same key (issue 14.2), on the real emulator.

The emulator de-duplicates by key (emulator/idempotency.py), so re-sending a write whose answer
was lost gets the first answer back and never makes a second object.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from suno_nb import errors, schema
from suno_nb.catalogue import Catalogue, CatalogueError
from suno_nb.catalogue.store import SCHEMA_VERSION, Store
from suno_nb.client import Client
from suno_nb.emulator import Emulator, inprocess_transport
from suno_nb.emulator.faults import Faults
from suno_nb.tasks import QuietObserver, check_observer

BASE = "http://suno-emulator.invalid"
URLS = [f"https://example.com/song-{i:02d}.mp3" for i in range(1, 7)]


@pytest.fixture
def faults() -> Faults:
    """The emulator's fault shares; a test sets ``drop = 1.0`` to lose every answer."""
    return Faults()


@pytest.fixture
def emu(tmp_path: Path, faults: Faults) -> Iterator[Emulator]:
    emulator = Emulator(
        profile="instant", data_dir=tmp_path / "emu", max_duration=8.0, faults=faults
    )
    yield emulator
    emulator.close()


# ``catalogue`` is the folder's fixture (tests/catalogue/conftest.py): sqlite in tmp_path / "cat".


def _client(emu: Emulator, catalogue: Catalogue, **kw) -> Client:
    # No retries of its own: an answer lost once stays lost, as when the kernel dies.
    return Client(
        transport=inprocess_transport(emu), base_url=BASE, catalogue=catalogue, max_retries=0,
        **kw,
    )  # fmt: skip


def _rows(store) -> list[tuple]:
    return store.read(
        "SELECT endpoint, idempotency_key, state, answer_id, attempts, request"
        " FROM endpoint_writes ORDER BY key"
    )


def _lose_answers(faults: Faults, call):
    """Run ``call`` with every answer lost after the emulator did the work."""
    faults.drop = 1.0
    try:
        return call()
    finally:
        faults.drop = 0.0


# ------------------------------------------------------------------- recorded before sending


def test_the_key_is_in_the_catalogue_before_the_request_leaves(
    emu: Emulator, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, list]] = []
    real = emu.handle

    def handle(method, path, query, headers, body):
        if path == "/suno/projects":
            key = {k.lower(): v for k, v in headers.items()}["idempotency-key"]
            seen.append((key, [(w.idempotency_key, w.state) for w in catalogue.pending_writes()]))
        return real(method, path, query, headers, body)

    monkeypatch.setattr(emu, "handle", handle)
    with _client(emu, catalogue) as client:
        made = client.create_project(title="recorded first")
    (key, pending_then), *_ = seen
    assert pending_then == [(key, "sending")]  # written before the emulator saw the request
    ((endpoint, stored_key, state, answer_id, attempts, request),) = _rows(catalogue.store)
    assert (endpoint, stored_key, state, answer_id, attempts) == (
        "create_project", key, "done", made.id, 1,
    )  # fmt: skip
    assert json.loads(request) == {"action": "create", "title": "recorded first"}
    assert catalogue.pending_writes() == []


def test_every_keyed_endpoint_and_only_those_is_recorded(emu: Emulator, catalogue) -> None:
    keyed = {name for name, ep in schema.ENDPOINTS.items() if ep.idempotent}
    assert {
        "create_project",
        "render_project",
        "create_custom_model",
        "delete_custom_model",
    } <= keyed
    with _client(emu, catalogue) as client:
        song = client.generate("a short song", model="chirp-v4-5").clips[0].id
        project = client.create_project(title="p")
        client.project(project.id)  # a read: no key, no row
        saved = client.save_project(project.id, {"tracks": []})
        client.add_track(project.id, song, version_id=saved.version_id, name="Lead")
        model = client.create_custom_model("m", URLS)
        client.custom_models()
        client.delete_custom_model(model.id)
    names = [row[0] for row in _rows(catalogue.store)]
    assert names == [
        "create_project", "save_project", "add_track", "create_custom_model",
        "delete_custom_model",
    ]  # fmt: skip
    assert set(names) <= keyed
    assert all(row[2] == "done" for row in _rows(catalogue.store))
    # a song (/suno/audios) has no key and is recorded as a task, never as a write
    assert catalogue.store.read("SELECT count(*) FROM tasks")[0][0] == 1


def test_no_token_reaches_the_recorded_request(emu: Emulator, catalogue) -> None:
    with _client(emu, catalogue, token="sk-secret-token") as client:
        client.create_project(title="t")
    stored = str(catalogue.store.read("SELECT * FROM endpoint_writes"))
    assert "create_project" in stored and "sk-secret-token" not in stored


# ----------------------------------------------------------------- lost answers and resume


def test_resume_resends_a_lost_write_with_its_key_and_makes_one_project(
    emu: Emulator, catalogue: Catalogue, faults: Faults
) -> None:
    with _client(emu, catalogue) as client:
        with pytest.raises(errors.SubmissionUncertain):
            _lose_answers(faults, lambda: client.create_project(title="lost answer"))
        (lost,) = catalogue.pending_writes()
        assert lost.state == "uncertain" and lost.endpoint == "create_project"
        assert catalogue.status()["writes_pending"] == 1
        assert len(emu.projects._projects) == 1  # the emulator did make it

        report = catalogue.resume(client)
    assert list(report.writes) == [lost.idempotency_key], str(report)
    assert "re-sent 1 endpoint write" in str(report)
    assert len(emu.projects._projects) == 1  # the first answer came back: no second project
    ((_, key, state, answer_id, attempts, _),) = _rows(catalogue.store)
    assert (key, state, attempts) == (lost.idempotency_key, "done", 2)
    assert answer_id == next(iter(emu.projects._projects))
    assert catalogue.pending_writes() == [] and catalogue.status()["writes_pending"] == 0
    assert catalogue.resume(client).writes == {}  # nothing left to send


def test_a_write_left_sending_by_a_dead_kernel_is_resent_by_the_next_one(
    tmp_path: Path, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Catalogue(tmp_path / "cat")
    # The kernel dies after the emulator made the model, before the answer was written.
    monkeypatch.setattr(first, "write_answered", lambda *a, **k: None)
    with _client(emu, first) as client:
        made = client.create_custom_model("My Indie Model", URLS)
    (left,) = first.pending_writes()
    assert left.state == "sending" and left.endpoint == "create_custom_model"
    # The in-process emulator dies with the kernel; the next one opens the same data folder.
    emu.close()
    emu = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=8.0)
    second = Catalogue(tmp_path / "cat")
    try:
        with _client(emu, second) as client:
            assert second.resume(client).writes == {}  # the first kernel's claim still holds
            # Its process is gone: its claims go with it (here: their leases run out).
            with second.store.write() as conn:
                conn.execute("UPDATE claims SET lease_until = 0 WHERE scope = 'write'")
            report = second.resume(client)
            assert report.writes == {left.idempotency_key: f"create_custom_model → {made.id}"}
            assert client.custom_models().count == 1  # exactly one model, not two
        assert second.pending_writes() == []
    finally:
        emu.close()
        first.close()
        second.close()


_DYING_KERNEL = """
import os, sys
from suno_nb.catalogue import Catalogue
from suno_nb.client import Client
from suno_nb.emulator import Emulator, inprocess_transport

emu = Emulator(profile="instant", data_dir=sys.argv[1], max_duration=8.0)
real = emu.handle

def handle(method, path, query, headers, body):
    answer = real(method, path, query, headers, body)
    if path == "/suno/projects":
        os._exit(9)  # the kernel dies after the emulator made the project, before the answer
    return answer

emu.handle = handle
client = Client(transport=inprocess_transport(emu), base_url="http://suno-emulator.invalid",
                catalogue=Catalogue(sys.argv[2]))
client.create_project(title="made by a kernel that died")
"""


def test_a_killed_kernels_write_is_resent_by_the_next_kernel(tmp_path: Path) -> None:
    import subprocess
    import sys

    died = subprocess.run(
        [sys.executable, "-c", _DYING_KERNEL, str(tmp_path / "emu"), str(tmp_path / "cat")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert died.returncode == 9, died.stderr[-2000:]
    emu = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=8.0)
    catalogue = Catalogue(tmp_path / "cat")
    try:
        (left,) = catalogue.pending_writes()
        assert left.state == "sending"  # recorded before sending, never answered
        assert len(emu.store.objects("project")) == 1  # the dead kernel's emulator made it
        with _client(emu, catalogue) as client:
            report = catalogue.resume(client)  # the dead kernel's claim is taken over at once
            (answer,) = report.writes.values()
            project_id = answer.rpartition(" ")[2]
            assert client.project(project_id).title == "made by a kernel that died"
        assert len(emu.store.objects("project")) == 1 and catalogue.pending_writes() == []
    finally:
        emu.close()
        catalogue.close()


def test_a_refused_write_is_failed_and_never_resent(
    emu: Emulator, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _client(emu, catalogue) as client:
        project = client.create_project(title="p")
        version = client.save_project(project.id, {"tracks": []}).version_id
        with pytest.raises(errors.BadRequestError):
            client.render_project(project.id, version_id=version)  # nothing audible: a 400
        sent: list[str] = []
        real = emu.handle
        monkeypatch.setattr(
            emu, "handle", lambda m, p, q, h, b: sent.append(p) or real(m, p, q, h, b)
        )
        report = catalogue.resume(client)
    rows = _rows(catalogue.store)
    assert [(r[0], r[2]) for r in rows][-1] == ("render_project", "failed")
    (error,) = catalogue.store.read(
        "SELECT error FROM endpoint_writes WHERE endpoint = 'render_project'"
    )[0]
    assert error.startswith("BadRequestError")
    assert report.writes == {} and report.writes_failed == {}
    assert "/suno/projects" not in sent  # resume re-sent nothing


def test_a_resend_that_is_lost_again_stays_uncertain(
    emu: Emulator, catalogue: Catalogue, faults: Faults
) -> None:
    with _client(emu, catalogue) as client:
        with pytest.raises(errors.SubmissionUncertain):
            _lose_answers(faults, lambda: client.create_project(title="twice lost"))
        report = _lose_answers(faults, lambda: catalogue.resume(client))
        assert report.writes == {} and len(report.writes_failed) == 1
        assert "uncertain" in next(iter(report.writes_failed.values()))
        assert [w.state for w in catalogue.pending_writes()] == ["uncertain"]
        assert catalogue.resume(client).writes  # the network is back: answered
    assert len(emu.projects._projects) == 1


def test_a_write_of_an_endpoint_this_version_lacks_is_reported_not_sent(
    emu: Emulator, catalogue: Catalogue
) -> None:
    from suno_nb.catalogue import writes

    with catalogue.store.write() as conn:
        writes.insert_sending(conn, "made_up_endpoint", {"action": "x"}, "k-old", "emulator")
    with _client(emu, catalogue) as client:
        report = catalogue.resume(client)
    assert "does not know that endpoint" in report.writes_failed["k-old"]
    assert [w.state for w in catalogue.pending_writes()] == ["sending"]  # kept for later


def test_the_same_key_given_twice_keeps_one_row(emu: Emulator, catalogue) -> None:
    with _client(emu, catalogue) as client:
        a = client.create_project(title="p", idempotency_key="mine")
        b = client.create_project(title="p", idempotency_key="mine")
        with pytest.raises(errors.APIError):  # another request under that key: a 409
            client.create_project(title="other", idempotency_key="mine")
    assert a.id == b.id
    ((_, key, state, answer_id, attempts, request),) = _rows(catalogue.store)
    assert (key, state, answer_id, attempts) == ("mine", "done", a.id, 3)  # done stays done
    assert json.loads(request)["title"] == "p"


def test_an_async_client_records_its_writes_too(
    emu: Emulator, catalogue: Catalogue, faults: Faults
) -> None:
    import asyncio

    from suno_nb.client import AsyncClient
    from suno_nb.emulator import inprocess_async_transport

    async def run() -> str:
        async with AsyncClient(
            transport=inprocess_async_transport(emu), base_url=BASE, catalogue=catalogue,
            max_retries=0,
        ) as client:  # fmt: skip
            made = await client.create_project(title="async")
            faults.drop = 1.0
            try:
                with pytest.raises(errors.SubmissionUncertain):
                    await client.create_project(title="async, lost")
            finally:
                faults.drop = 0.0
            with pytest.raises(CatalogueError, match="synchronous client"):
                catalogue.resume(client)
            return made.id

    made_id = asyncio.run(run())
    assert [r[2] for r in _rows(catalogue.store)] == ["done", "uncertain"]
    assert _rows(catalogue.store)[0][3] == made_id
    with _client(emu, catalogue) as client:
        assert len(catalogue.resume(client).writes) == 1
    assert len(emu.projects._projects) == 2


# ------------------------------------------------------------------------- observers


def test_an_observer_with_only_the_four_task_methods_still_works(emu, catalogue) -> None:
    class FourMethods:
        def __init__(self) -> None:
            self.events: list[str] = []

        def task_submitting(self, action, request, service):
            self.events.append("submitting")

        def task_submitted(self, key, task):
            self.events.append("submitted")

        def task_updated(self, task):
            pass

        def task_submit_failed(self, key, error):
            pass

    class Writes(QuietObserver):
        def __init__(self) -> None:
            self.heard: list[tuple] = []

        def write_sending(self, name, body, key, service):
            self.heard.append((name, key, service))
            return len(self.heard)

        def write_answered(self, token, result=None, error=None):
            self.heard.append((token, getattr(result, "id", None), error))

    old = check_observer(FourMethods())
    with _client(emu, catalogue, observer=old) as client:
        client.generate("a short song", model="chirp-v4-5")
        made = client.create_project(title="four methods")
    assert made.id and "submitted" in old.events
    writes = Writes()
    with _client(emu, catalogue, observer=writes) as client:
        other = client.create_project(title="hooks", idempotency_key="k-hooks")
    assert writes.heard == [("create_project", "k-hooks", "emulator"), (1, other.id, None)]


def test_a_write_a_second_recorder_refuses_is_not_sent_and_not_resent(
    emu: Emulator, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Full(QuietObserver):
        def write_sending(self, name, body, key, service):
            raise OSError(28, "No space left on device")

    sent: list[str] = []
    real = emu.handle
    monkeypatch.setattr(emu, "handle", lambda m, p, q, h, b: sent.append(p) or real(m, p, q, h, b))
    with (
        _client(emu, catalogue, observer=Full()) as client,
        pytest.raises(OSError, match="No space"),
    ):
        client.create_project(title="never sent")
    assert sent == [] and catalogue.pending_writes() == []
    assert [r[2] for r in _rows(catalogue.store)] == ["failed"]


# ----------------------------------------------------------------------------- the store


def test_a_version_6_catalogue_gains_the_writes_table(tmp_path: Path) -> None:
    Store(tmp_path / "catalogue.sqlite")
    import sqlite3

    conn = sqlite3.connect(tmp_path / "catalogue.sqlite")
    conn.execute("DROP TABLE endpoint_writes")
    conn.execute("DELETE FROM schema_version WHERE version = 7")
    conn.commit()
    conn.close()
    store = Store(tmp_path / "catalogue.sqlite")
    assert store.version() == SCHEMA_VERSION == 7
    assert store.read("SELECT count(*) FROM endpoint_writes") == [(0,)]


# ------------------------------------------------------------------------- the HTTP server


def test_over_http_a_dropped_answer_is_resent_with_its_key(tmp_path: Path, catalogue) -> None:
    from suno_nb.emulator import server

    faults = Faults()
    url = server.start(data_dir=tmp_path / "served", profile="instant", faults=faults)
    (key,) = [k for k, r in server._running.items() if r.url == url]
    served = server._running[key]
    try:
        with Client(base_url=url, catalogue=catalogue, max_retries=0) as client:
            with pytest.raises(errors.SubmissionUncertain):
                _lose_answers(faults, lambda: client.create_project(title="over http"))
            (lost,) = catalogue.pending_writes()
            report = catalogue.resume(client)
            assert list(report.writes) == [lost.idempotency_key]
            project_id = report.writes[lost.idempotency_key].rpartition(" ")[2]
            assert client.project(project_id).title == "over http"
        assert len(served.emulator.projects._projects) == 1
    finally:  # stop this server only (its data folder goes with tmp_path)
        server._running.pop(key, None)
        served.server.should_exit = True
        served.thread.join(5)
        served.emulator.close()


# ------------------------------------------------------------------------------ PostgreSQL


@pytest.mark.slow
def test_on_postgresql_a_lost_write_is_resent_once_and_a_refused_one_is_not(
    tmp_path: Path, emu: Emulator, faults: Faults, postgres_url: str
) -> None:
    catalogue = Catalogue(postgres_url, files=tmp_path / "files")
    try:
        with _client(emu, catalogue) as client:
            with pytest.raises(errors.SubmissionUncertain):
                _lose_answers(faults, lambda: client.create_custom_model("pg", URLS))
            with pytest.raises(errors.NotFoundError):
                client.generate_with_custom_model("no-such-model", title="x")
            (lost,) = catalogue.pending_writes()
            report = catalogue.resume(client)
            assert list(report.writes) == [lost.idempotency_key] and not report.writes_failed
            assert client.custom_models().count == 1
        states = sorted(r[2] for r in _rows(catalogue.store))
        assert states == ["done", "failed"]
        assert catalogue.pending_writes() == []
    finally:
        catalogue.close()
