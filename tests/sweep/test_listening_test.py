"""Blind listening tests through their controller, without a kernel: balanced orders, parameters
hidden until the end, answers kept per rater, and results equal to a hand computation."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import soundfile
from scipy import stats

from suno_nb.catalogue import Catalogue
from suno_nb.sweeps import Sweep
from suno_nb.sweeps.listening_results import krippendorff_alpha
from suno_nb.sweeps.listening_test import (
    AnswerBook,
    ListeningTest,
    Stimulus,
    balanced_order,
    listening_test,
)

from .conftest import BASE_REQUEST, CountingTransport, fast_client, make_emulator


@pytest.fixture
def stimuli(tmp_path: Path) -> list[Stimulus]:
    out = []
    for i, (w, s) in enumerate(itertools.product((0.0, 1.0), (0.0, 1.0))):
        path = tmp_path / f"clip{i}.wav"
        soundfile.write(path, np.zeros(800, "float32"), 8000)
        out.append(Stimulus(f"c{i}", str(path), {"weirdness": w, "style_influence": s}))
    return out


def make(stimuli, tmp_path, **options) -> ListeningTest:
    test = ListeningTest(stimuli, axes=["weirdness", "style_influence"], **options)
    test.answers = AnswerBook(Catalogue(tmp_path / "catalogue"), test.test_id)
    return test


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_balanced_order_puts_every_item_at_every_position_and_balances_carryover(n) -> None:
    rows = [balanced_order(n, r) for r in range(n if n % 2 == 0 else 2 * n)]
    for position in range(n):
        counts = Counter(row[position] for row in rows)
        assert len(set(counts.values())) == 1 and len(counts) == n
    follows = Counter((row[i], row[i + 1]) for row in rows for i in range(n - 1))
    assert len(set(follows.values())) == 1 and len(follows) == n * (n - 1)


def test_orders_are_seeded_balanced_over_the_class_and_sides_counterbalanced(
    stimuli, tmp_path
) -> None:
    raters = ["ana", "ben", "cai", "dee"]
    test = make(stimuli, tmp_path, raters=raters, seed=3)
    firsts = Counter(test.trials(r)[0]._clip_ids[0] for r in raters)
    assert len(firsts) == 4  # each clip opens the test for one rater
    assert [t._clip_ids for t in test.trials("ana")] == [
        t._clip_ids for t in make(stimuli, tmp_path, raters=raters, seed=3).trials("ana")
    ]
    assert test.trials("ana") != make(stimuli, tmp_path, raters=raters, seed=4).trials("ana")
    pairs = make(stimuli, tmp_path, kind="preference", raters=raters)
    sides = Counter(t._clip_ids[0] == min(t._clip_ids) for r in raters for t in pairs.trials(r))
    assert sides[True] == sides[False]  # A/B sides swapped half the time
    assert len(pairs.trials("ana")) == 6  # every pair of the four clips


def test_parameters_stay_hidden_until_the_rater_is_done(stimuli, tmp_path) -> None:
    test = make(stimuli, tmp_path)
    session = test.session("ana")
    trial = session.current
    visible = repr(trial) + str(trial.labels) + str(trial.audio_paths) + trial.question
    assert "weirdness" not in visible and "style_influence" not in visible
    assert trial.labels == ("Clip 1",)
    with pytest.raises(PermissionError, match="stay hidden"):
        session.reveal()
    for _ in range(3):
        session.answer(4)
    with pytest.raises(PermissionError, match="3 of 4"):
        session.reveal()
    session.answer(7)
    shown = session.reveal()
    assert set(shown.columns) >= {"clip", "weirdness", "style_influence", "answer"}
    assert session.done and session.current is None
    with pytest.raises(RuntimeError):
        session.answer(4)


def test_answers_are_kept_per_rater_with_order_and_time_and_resume(stimuli, tmp_path) -> None:
    test = make(stimuli, tmp_path)
    ana = test.session("ana")
    ana.answer(2)
    with pytest.raises(ValueError, match="answer must be one of"):
        ana.answer(9)
    ben = test.session("ben")
    ben.answer(6)
    assert sorted({r["rater"] for r in test.answers.catalogue.answers(test.test_id)}) == [
        "ana",
        "ben",
    ]
    record = test.answers.records("ana")[0]
    assert record["rater"] == "ana" and record["position"] == 0 and record["answer"] == 2
    assert record["clips"] == [ana.trials[0]._clip_ids[0]]
    assert record["answered_at"] >= record["shown_at"] > 0
    again = test.session("ana")  # a restarted kernel: continue where ana stopped
    assert again.progress == (1, 4) and again.current.index == 1


def test_rating_results_equal_a_hand_computation(stimuli, tmp_path) -> None:
    test = make(stimuli, tmp_path)
    given = {
        "ana": {"c0": 1, "c1": 2, "c2": 5, "c3": 6},
        "ben": {"c0": 2, "c1": 2, "c2": 6, "c3": 7},
        "cai": {"c0": 1, "c1": 3, "c2": 5, "c3": 7},
    }
    for rater, ratings in given.items():
        session = test.session(rater)
        while not session.done:
            session.answer(ratings[session.current._clip_ids[0]])
    results = test.results()
    assert len(results.frame_) == 12
    means = results.cell_means().set_index(["weirdness", "style_influence"])["mean"]
    by_clip = {c: np.mean([given[r][c] for r in given]) for c in ("c0", "c1", "c2", "c3")}
    assert means[(0.0, 0.0)] == pytest.approx(by_clip["c0"])
    assert means[(1.0, 1.0)] == pytest.approx(by_clip["c3"])
    units = {c: [given[r][c] for r in given] for c in by_clip}
    assert results.agreement() == pytest.approx(krippendorff_alpha(units))
    table = results.correlations().set_index("variable")
    ratings = [given[r][s.clip_id] for r in sorted(given) for s in stimuli]
    knob = [s.params["weirdness"] for r in sorted(given) for s in stimuli]
    rho, p = stats.spearmanr(ratings, knob)
    assert table.loc["weirdness", "rho"] == pytest.approx(rho)
    assert table.loc["weirdness", "p_value"] == pytest.approx(p)
    assert "ratings follow weirdness" in results.summary()


def test_krippendorff_alpha_matches_the_published_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 observers, 12 units.
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    c = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    units = {i: [row[i] for row in (a, b, c, d)] for i in range(12)}
    assert krippendorff_alpha(units, level="nominal") == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(units, level="interval") == pytest.approx(0.849, abs=5e-4)


def test_which_higher_accuracy_uses_a_binomial_test(stimuli, tmp_path) -> None:
    test = make(stimuli, tmp_path, kind="which_higher", knob="weirdness", raters=["ana", "ben"])
    hits = 0
    for rater in ("ana", "ben"):
        session = test.session(rater)
        while not session.done:
            trial = session.current
            values = [test._by_id[c].params["weirdness"] for c in trial._clip_ids]
            right = trial.labels[int(np.argmax(values))]
            wrong = trial.labels[1 - int(np.argmax(values))]
            # ana always right, ben right on his first two trials only
            pick = right if rater == "ana" or trial.index < 2 else wrong
            hits += pick == right
            session.answer(pick)
        assert session.reveal()["right"].tolist() == [
            rater == "ana" or index < 2 for index in range(4)
        ]
    row = test.results().preference().iloc[0]
    n = 2 * 4  # four pairs differ in weirdness, two raters
    assert (row["knob"], row["n"], row["chose_higher"]) == ("weirdness", n, hits)
    assert row["p_value"] == pytest.approx(stats.binomtest(hits, n, 0.5).pvalue)


def test_the_widget_runs_a_rater_through_without_a_kernel(stimuli, tmp_path) -> None:
    test = make(stimuli, tmp_path, kind="preference")
    box = test.widget()
    view = box._suno_nb_view
    view.start.click()
    assert "must be a name" in view.status.value  # no name yet
    view.name.value = "dee"
    view.start.click()
    assert view.session.rater == "dee" and "Trial 1 of 6" in view.status.value
    assert [b.description for b in view.buttons] == ["A", "B"]
    for _ in range(6):
        view.buttons[0].click()
    assert "Done" in view.status.value
    assert "weirdness" in view.stage.children[0].value  # revealed only now
    assert len(test.results().frame_) == 6


@pytest.fixture(scope="module")
def tiny_sweep(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lt")
    emulator = make_emulator(folder / "emu")
    sweep = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.0, 1.0]},
        client=fast_client(CountingTransport(emulator)),
        catalogue=Catalogue(folder / "catalogue"),
        progress=False,
    )
    sweep.run()
    yield sweep
    emulator.close()


def test_listening_test_from_a_sweep_stores_answers_in_its_catalogue(tiny_sweep) -> None:
    test = listening_test(tiny_sweep, kind="which_higher")
    assert test.knob == "weirdness" and len(test.stimuli) == 2  # one clip per cell
    session = test.session("eve")
    session.answer("A")
    (kept,) = tiny_sweep.catalogue_.answers(test.test_id, "eve")
    assert kept["answer"] == "A" and kept["rater"] == "eve"
    tracks = [tiny_sweep.catalogue_.get(s.clip_id) for s in test.stimuli]
    from_tracks = listening_test(tracks, kind="rating")
    assert [s.clip_id for s in from_tracks.stimuli] == [t.id for t in tracks]
