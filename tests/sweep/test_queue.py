"""The shared work queue on sqlite, in one process: plans live in the store (old plan files are
read in), workers and ``sweep.run()`` share cells and a budget that counts the service's billed
``cost``, the fleet's rate limit, and ``sweep.status()`` with workers and spend."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from suno_nb.catalogue import Catalogue
from suno_nb.catalogue.queue import SweepCell, SweepQueue
from suno_nb.cli import main
from suno_nb.errors import ValidationError
from suno_nb.sweeps import Sweep
from suno_nb.sweeps.worker import work

from .conftest import BASE_REQUEST, fast_client

GRID = {"weirdness": [0.0, 0.5, 1.0], "style_influence": [0.0, 1.0]}  # 6 cells


def _sweep(catalogue: Catalogue, client=None, **options) -> Sweep:
    options.setdefault("sweep_id", "q1")
    return Sweep(BASE_REQUEST, grid=GRID, catalogue=catalogue, client=client, progress=False,
                 **options)  # fmt: skip


def test_a_saved_sweep_is_in_the_store_and_a_worker_finishes_it(catalogue, transport) -> None:
    saved = _sweep(catalogue).save()
    assert transport.submissions == 0  # saving sends nothing
    assert not (catalogue.root / "sweeps").exists()  # no plan file: the store holds it
    other = Catalogue(catalogue.root)  # another process's view: only the catalogue
    assert other.queue.sweep_ids() == ["q1"]
    assert sorted(other.queue.cells("q1")) == [f"{i}/0" for i in range(6)]

    report = work(other, sweep_id="q1", client=fast_client(transport), poll=0.01)
    assert report.sent == 6 and report.count("done") == 6, str(report)
    assert report.stopped["q1"] == "sweep finished"
    assert transport.submissions == 6
    status = saved.status()
    assert status == {"todo": 0, "pending": 0, "done": 6, "failed": 0, "uncertain": 0}
    (worker,) = status.workers.values()
    assert (worker.owner, worker.sent, worker.done) == (other.owner, 6, 6)
    shown = saved._repr_html_()
    assert other.owner in shown and "spent 3.024 credits" in shown and "<table>" in shown
    # The notebook's run() afterwards has nothing to send.
    again = _sweep(catalogue, client=fast_client(transport)).run()
    assert again.report_.submitted == 0 and transport.submissions == 6


def test_max_cells_and_a_second_worker_share_the_sweep(catalogue, transport) -> None:
    _sweep(catalogue).save()
    first = work(catalogue, sweep_id="q1", client=fast_client(transport), max_cells=2, poll=0.01)
    assert first.sent == 2 and "max-cells" in first.stopped["q1"]
    second = work(Catalogue(catalogue.root), client=fast_client(transport), poll=0.01)
    assert second.sent == 4 and transport.submissions == 6
    assert set(Sweep.resume("q1", catalogue=catalogue, run=False).status().workers) == {
        catalogue.owner,
        second.owner,
    }


def test_an_unknown_sweep_names_the_known_ones(catalogue) -> None:
    _sweep(catalogue).save()
    with pytest.raises(ValidationError, match=r"no sweep 'nope'.*known: q1"):
        work(catalogue, sweep_id="nope")


def test_a_budget_below_the_total_stops_at_it_across_runs(catalogue, transport) -> None:
    # 6 cells × 0.56 = 3.36 credits; 2 credits cover 3 cells.
    with pytest.raises(ValidationError, match="budget"):
        _sweep(catalogue, budget=2).plan().raise_for_problems()
    sweep = _sweep(catalogue, client=fast_client(transport), budget=2, over_budget="stop").run()
    assert transport.submissions == 3
    assert sweep.report_.count("done") == 3 and sweep.report_.count("todo") == 3
    assert "over the sweep's budget" in str(sweep.report_)
    status = sweep.status()
    assert status.spent <= 2 + 1e-9 and status["todo"] == 3
    # A worker on the same sweep finds nothing it may pay for.
    report = work(catalogue, sweep_id="q1", client=fast_client(transport), poll=0.01)
    assert report.sent == 0 and report.stopped["q1"] == "budget spent"
    # Raising the shared budget lets the next worker finish.
    catalogue.queue.set_budget("q1", 10)
    work(catalogue, sweep_id="q1", client=fast_client(transport), poll=0.01)
    assert transport.submissions == 6


def test_the_budget_counts_billed_cost_not_only_estimates(catalogue, transport) -> None:
    _sweep(catalogue, budget=2, over_budget="stop").save()
    queue = catalogue.queue
    # One cell done and billed 0.3 (less than its 0.56 estimate): 1.7 left covers 3 more.
    with catalogue.store.write() as conn:
        conn.execute(
            "INSERT INTO tasks (task_id, action, state, submitted_at, updated_at, sweep_id,"
            " cell, cost) VALUES ('t0', 'generate', 'succeeded', 0, 0, 'q1', ?, 0.3)",
            (json.dumps({"cell": 0, "repeat": 0}),),
        )
    spend = queue.spend("q1")
    assert (spend.billed, spend.estimated) == (0.3, 0.0)
    taken = catalogue.claim_cells("q1", [f"{i}/0" for i in range(1, 6)],
                                  lambda item, rows: not rows, budget=True)  # fmt: skip
    assert taken == ["1/0", "2/0", "3/0"]
    assert queue.spend("q1").total == pytest.approx(0.3 + 3 * 0.56)
    catalogue.release_cells("q1", taken)  # let go without sending: nothing reserved any more
    assert queue.spend("q1").total == pytest.approx(0.3)


def test_old_plan_files_are_read_into_the_store(tmp_path: Path, transport) -> None:
    folder = tmp_path / "old"
    catalogue = Catalogue(folder)
    plan = _sweep(catalogue).plan()
    plan.sweep_id = "from-file"
    (folder / "sweeps").mkdir()
    (folder / "sweeps" / "from-file.json").write_text(json.dumps(plan.to_dict()))
    reopened = Catalogue(folder)
    resumed = Sweep.resume("from-file", catalogue=reopened, client=fast_client(transport))
    assert resumed.report_.submitted == 6 and resumed.status()["done"] == 6
    assert "from-file" in Catalogue(folder).queue.sweep_ids()


def test_the_fleet_rate_limit_is_shared_through_the_store(tmp_path: Path) -> None:
    one = SweepQueue(Catalogue(tmp_path).store)
    two = SweepQueue(Catalogue(tmp_path).store)
    assert one.take_rate(60) == 0.0  # a burst of 6 at 60 a minute
    assert [two.take_rate(60) for _ in range(5)] == [0.0] * 5
    wait = one.take_rate(60)
    assert 0.5 < wait <= 1.0  # the seventh waits about a second, whichever process asks


def test_a_rate_limited_sweep_paces_its_submissions(catalogue, transport) -> None:
    started = time.monotonic()
    sweep = _sweep(catalogue, client=fast_client(transport), rate_limit=600).run()
    # 600 a minute = 10 a second, bursts of 60: 6 cells go at once; the limit must not stall.
    assert sweep.report_.count("done") == 6 and time.monotonic() - started < 30
    assert catalogue.queue.store.read("SELECT per_minute FROM rate_limits")[0][0] == 600


def test_save_refuses_the_same_id_with_other_cells(catalogue) -> None:
    _sweep(catalogue).save()
    other = Sweep(BASE_REQUEST, grid={"weirdness": [0.2]}, catalogue=catalogue, sweep_id="q1")
    with pytest.raises(ValidationError, match="already exists"):
        other.save()


def test_sweep_cell_rows_keep_their_estimates(tmp_path: Path) -> None:
    queue = SweepQueue(Catalogue(tmp_path).store)
    queue.save({"sweep_id": "s", "action": "generate"},
               [SweepCell("0/0", 0, 0, {"max_mode": True}, 1.12)])  # fmt: skip
    assert queue.cells("s")["0/0"].estimate == 1.12


def test_worker_command_line(catalogue, capsys) -> None:
    assert main(["worker", "--catalogue", "", "--sweep", "x"]) == 2
    assert "--catalogue is empty" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["worker", "--catalogue", str(catalogue.root), "--max-cells", "0"])
    assert stop.value.code == 2 and "must be 1 or more" in capsys.readouterr().err
    _sweep(catalogue).save()
    # No token: the in-process emulator (one process, so one service for the sweep).
    assert main(["worker", "--catalogue", str(catalogue.root), "--poll", "0.05"]) == 0
    out = capsys.readouterr().out
    assert "sweep q1: 6 sent, 6 done" in out, out
    assert main(["worker", "--catalogue", str(catalogue.root), "--status"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sweep q1: 6 done; spent 3.024 credits, no budget"), out
    assert "worker " in out and ": 6 sent, 6 done" in out


def test_plan_files_and_bad_settings_name_the_field() -> None:
    from suno_nb.sweeps.planfile import load_plan_text

    spec = load_plan_text(
        '[sweep]\nbudget = 1\nover_budget = "stop"\nrate_limit = 30\n'
        '[base]\nprompt = "x"\n[grid]\nweirdness = [0, 0.5, 1]\n'
    )
    assert (spec.sweep.over_budget, spec.sweep.rate_limit) == ("stop", 30)
    assert spec.sweep.plan().ok  # 1.68 credits over a budget of 1: stop there, not refuse
    bad = Sweep(BASE_REQUEST, grid=GRID, over_budget="maybe", rate_limit=-1).plan()
    assert [p.field for p in bad.problems] == ["over_budget", "rate_limit"]
    assert "'refuse'" in bad.problems[0].message and "-1" in bad.problems[1].message


def test_a_notebook_run_and_workers_cooperate_on_one_sweep(catalogue, transport) -> None:
    import threading

    big = {"weirdness": [i / 7 for i in range(8)], "style_influence": [0.0, 1.0]}  # 16 cells
    sweep = Sweep(BASE_REQUEST, grid=big, catalogue=catalogue, sweep_id="together",
                  client=fast_client(transport), progress=False, max_concurrency=2)  # fmt: skip
    sweep.save()
    reports = []

    def one_worker() -> None:
        worker_catalogue = Catalogue(catalogue.root)  # as another process would open it
        client = fast_client(transport)
        reports.append(work(worker_catalogue, sweep_id="together", client=client,
                            max_concurrency=2, poll=0.01))  # fmt: skip

    workers = [threading.Thread(target=one_worker) for _ in range(2)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 30
    while not catalogue.queue.holders("together") and time.monotonic() < deadline:
        time.sleep(0.005)  # the workers are at work: now the notebook joins in
    sweep.run()
    for worker in workers:
        worker.join(timeout=120)
    assert transport.submissions == 16  # each cell sent once, by whoever claimed it
    assert sweep.status()["done"] == 16 and sweep.report_.count("done") == 16
    sent_by_workers = sum(r.sent for r in reports)
    assert sweep.report_.submitted + sent_by_workers == 16 and sent_by_workers > 0


def test_a_worker_sends_again_what_the_service_refused_as_busy(tmp_path: Path) -> None:
    from .conftest import CountingTransport, make_emulator

    emulator = make_emulator(tmp_path / "emu", faults="busy=0.3,seed=5")  # of every request
    transport = CountingTransport(emulator)
    catalogue = Catalogue(tmp_path / "catalogue")
    _sweep(catalogue).save()
    # One cell at a time, so the seeded faults fall the same way on every run.
    report = work(catalogue, sweep_id="q1", client=fast_client(transport), poll=0.01,
                  max_concurrency=1)  # fmt: skip
    emulator.close()
    refused = report.count("failed")
    assert report.count("done") + refused == 6 and transport.submissions > 6, str(report)
    rows = catalogue.store.read("SELECT state, count(*) FROM tasks GROUP BY state")
    assert dict(rows).get("succeeded") == report.count("done") >= 5  # 4 tries each at 30 %


def test_a_dead_workers_lost_answers_are_settled_not_sent_twice(tmp_path, transport, monkeypatch):
    from suno_nb.errors import SubmissionUncertain

    monkeypatch.setenv("SUNO_NB_SETTLE_SECONDS", "0.3")
    catalogue = Catalogue(tmp_path / "catalogue")
    sweep = _sweep(catalogue).save()
    cells = {c.key: c for c in sweep.plan_.cells}
    # A worker died after sending two cells, before hearing back: the service made cell 0's
    # task, but cell 1's request never reached it. Both rows say "sent, answer lost".
    made = dict(cells[(0, 0)].params)
    asyncio.run(fast_client(transport).audios("generate", **BASE_REQUEST, **made, wait=False))
    for key in ((0, 0), (1, 0)):
        cell = cells[key]
        with catalogue.context(sweep_id="q1", cell=cell.coordinates()):
            row = catalogue.task_submitting("generate", {**BASE_REQUEST, **cell.params}, "emulator")
        catalogue.task_submit_failed(row, SubmissionUncertain("connection lost", action="generate"))
    assert sweep.status()["uncertain"] == 2
    report = work(Catalogue(catalogue.root), sweep_id="q1", client=fast_client(transport),
                  poll=0.01)  # fmt: skip
    assert sweep.status()["done"] == 6, str(report)
    assert transport.submissions == 6  # cell 0 adopted, cell 1 sent once, 4 never-sent cells
    assert report.sent == 5
