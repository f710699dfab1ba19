"""The client core stays below the catalogue and the emulator; observers meet one Protocol."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from client_support import BASE, make_client
from fakes import FakeSuno

import suno_nb
from suno_nb import errors
from suno_nb.client import Client
from suno_nb.client_base import SyncBaseClient
from suno_nb.tasks import QuietObserver, TaskObserver, check_observer

PACKAGE = Path(suno_nb.__file__).parent
# The client core: none of these may import the catalogue, the emulator or the shells.
CORE = (
    "tasks.py",
    "retry.py",
    "callbacks.py",
    "client_steps.py",
    "client_base.py",
    "_generated.py",
)
ABOVE = ("suno_nb.catalogue", "suno_nb.emulator", "suno_nb.client", "suno_nb.sweeps")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):  # inside functions too
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("name", CORE)
def test_client_core_imports_nothing_above_it(name: str) -> None:
    bad = sorted(
        n for n in _imports(PACKAGE / name) if any(n == a or n.startswith(a + ".") for a in ABOVE)
    )
    assert not bad, f"{name} imports {bad}"


def test_observer_is_a_runtime_checkable_protocol() -> None:
    class Partial:
        def task_updated(self, task):
            return None

    assert isinstance(QuietObserver(), TaskObserver)
    assert not isinstance(Partial(), TaskObserver)
    with pytest.raises(TypeError, match="lacks task_submitting, task_submitted, task_submit_fail"):
        check_observer(Partial())
    with pytest.raises(TypeError, match="QuietObserver"):
        make_client(FakeSuno(), observer=Partial())


def test_core_client_has_no_defaults_and_shell_is_a_core_client() -> None:
    fake = FakeSuno()
    core = SyncBaseClient(transport=fake.transport(), base_url=BASE)
    core._sleep = lambda s: None
    assert core._core.observers == [] and not hasattr(core, "catalogue")
    assert core.generate("p").done
    assert isinstance(make_client(fake), SyncBaseClient)


def test_shell_wires_the_emulator_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
    monkeypatch.delenv("ACEDATACLOUD_API_BASE_URL", raising=False)
    client = Client(catalogue=False)
    assert client.service == "emulator" and client.catalogue is None


def test_client_resume_finishes_through_itself(tmp_path: Path) -> None:
    from suno_nb.catalogue import Catalogue

    fake = FakeSuno()
    catalogue = Catalogue(tmp_path / "cat")
    client = make_client(fake, catalogue=catalogue)
    task = client.generate("p", wait=False)
    assert [t.task_id for t in catalogue.pending()] == [task.task_id]
    report = client.resume()
    assert report.finished == [task.task_id] and not catalogue.pending()
    with pytest.raises(ValueError, match="catalogue=False"):
        make_client(fake).resume()


def test_call_options_pass_through_and_unknown_keywords_are_refused() -> None:
    fake = FakeSuno()
    client = make_client(fake)
    task = client.generate("p", wait=False, callback_url="https://hook.test/x")
    assert task.state != "succeeded" and fake.bodies[-1]["callback_url"] == "https://hook.test/x"
    with pytest.raises(TypeError, match="'bogus': it is neither a field"):
        client.generate("p", bogus=1)
    assert len(fake.calls("/suno/audios")) == 1


def test_the_task_listing_is_retrieve_batch_without_ids_and_retried_as_a_read() -> None:
    fake = FakeSuno()
    client = make_client(fake)
    first, second = client.generate("a"), client.generate("b")
    fake.fail_next.append((503, {"code": "busy", "message": "later"}, {}))
    page = client.list_tasks(created_at_min=0, created_at_max=2e9, offset=0, limit=10,
                             type="audios", user_id="u1", application_id="app1")  # fmt: skip
    body = fake.calls("/suno/tasks")[-1]
    assert body["action"] == "retrieve_batch" and "ids" not in body
    assert {k: body[k] for k in ("limit", "type", "user_id", "application_id")} == {
        "limit": 10, "type": "audios", "user_id": "u1", "application_id": "app1"
    }  # fmt: skip
    assert [r.id for r in page.items] == [second.task_id, first.task_id]  # newest first
    assert page.items[0].request["prompt"] == "b"  # each with the request it was sent with
    with pytest.raises(errors.ValidationError, match="limit"):
        client.list_tasks(limit=0)


def test_the_emulator_base_url_without_a_transport_means_the_emulator(monkeypatch) -> None:
    from suno_nb.client import EMULATOR_BASE_URL, AsyncClient

    monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
    client = AsyncClient(base_url=EMULATOR_BASE_URL, catalogue=False)  # a sync client's settings
    assert client.service == "emulator" and client._core._transport is not None
