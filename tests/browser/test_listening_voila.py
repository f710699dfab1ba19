"""A blind listening test as a Voilà app: two raters, one after the other, each types a name,
answers every pair without seeing the settings, then sees them; both land in one catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from suno_nb.catalogue import Catalogue

pytestmark = pytest.mark.browser


def rate(page: Any, url: str, rater: str, pick: str) -> str:
    page.goto(url + "/")
    page.wait_for_selector(".suno-nb-listening-test .suno-nb-rater input", timeout=180_000)
    page.fill(".suno-nb-listening-test .suno-nb-rater input", rater)
    page.click(".suno-nb-listening-test .suno-nb-start")
    answered = 0
    while True:
        page.wait_for_selector(".suno-nb-answer, .suno-nb-reveal", timeout=30_000)
        if page.locator(".suno-nb-reveal").count():
            break
        text = page.inner_text(".suno-nb-listening-test")
        assert "A_weirdness" not in text and "B_weirdness" not in text  # hidden while rating
        assert "Error displaying widget" not in page.inner_text("body")
        page.locator(".suno-nb-answer", has_text=pick).first.click()
        answered += 1
        page.wait_for_function(
            "n => (document.querySelector('.suno-nb-listening-test') || {}).innerText"
            ".includes(`Trial ${n + 1} of`) || !!document.querySelector('.suno-nb-reveal')",
            arg=answered,
        )
    assert answered == 3
    return page.inner_text(".suno-nb-reveal")


def test_two_raters_answer_in_voila_into_one_catalogue(
    voila_listening: Any, browser_home: Path, page: Any, artifacts: Path
) -> None:
    revealed = rate(page, voila_listening.url, "ana", "A")
    assert "A_weirdness" in revealed  # the settings, once every pair is answered
    page.screenshot(path=str(artifacts / "voila-listening-ana.png"), full_page=True)
    rate(page, voila_listening.url, "ben", "B")
    catalogue = Catalogue(browser_home / "catalogue")
    every = catalogue.answers()
    assert len({r["test_id"] for r in every}) == 1  # the same clips: one test for both raters
    answers: dict[str, list[dict]] = {}
    for record in every:
        answers.setdefault(record["rater"], []).append(record)
    assert sorted(answers) == ["ana", "ben"]
    assert [r["answer"] for r in answers["ana"]] == ["A"] * 3
    assert [r["answer"] for r in answers["ben"]] == ["B"] * 3
    assert {r["rater"] for r in answers["ben"]} == {"ben"}
