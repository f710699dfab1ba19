"""Listening-test answers are rows of the catalogue, on every store backend."""

from __future__ import annotations

import pytest

from suno_nb.catalogue import Catalogue


def test_answers_are_kept_in_order_per_test_and_rater(catalogue: Catalogue) -> None:
    catalogue.record_answer("t1", {"rater": "ana", "trial": 0, "answer": "A"})
    catalogue.record_answer("t1", {"rater": "ben", "trial": 0, "answer": "B"})
    catalogue.record_answer("t1", {"rater": "ana", "trial": 1, "answer": "B"})
    catalogue.record_answer("t2", {"rater": "ana", "trial": 0, "answer": 4})
    assert [r["answer"] for r in catalogue.answers("t1", "ana")] == ["A", "B"]
    assert [r["rater"] for r in catalogue.answers("t1")] == ["ana", "ben", "ana"]
    assert {r["test_id"] for r in catalogue.answers()} == {"t1", "t2"}
    assert catalogue.answers("t3") == []


def test_an_answer_without_a_rater_is_refused_naming_it(catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="rater"):
        catalogue.record_answer("t1", {"answer": "A"})
    assert catalogue.answers() == []
