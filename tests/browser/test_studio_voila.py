"""The studio as a standalone Voilà app in Chromium: generate, then see the cards and catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import PLAYABLE, readme_image

pytestmark = pytest.mark.browser


def test_studio_in_voila_generates_and_lists_the_catalogue(
    voila_studio: Any, page: Any, artifacts: Path
) -> None:
    page.goto(voila_studio.url + "/")
    page.wait_for_selector(".suno-nb-studio", timeout=120_000)
    tab = page.locator(".suno-nb-studio .suno-nb-panel").first
    tab.wait_for(timeout=60_000)
    tab.locator(".suno-nb-field-prompt textarea").fill("rain on a night bus, lofi")
    submit = tab.locator(".suno-nb-submit")
    page.wait_for_function(
        "() => !document.querySelector('.suno-nb-studio .suno-nb-submit').disabled",
        timeout=20_000,
    )
    submit.click()
    page.wait_for_selector('.suno-nb-phase[data-phase="succeeded"]', timeout=120_000)
    page.wait_for_function(PLAYABLE, arg=2, timeout=60_000)
    page.screenshot(path=str(artifacts / "voila-studio.png"), full_page=True)
    page.locator(".suno-nb-studio").screenshot(
        path=str(readme_image("studio.jpg")), type="jpeg", quality=70
    )
    # the catalogue tab lists both new tracks
    page.get_by_role("tab", name="catalogue").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.suno-nb-browser-row').length >= 2", timeout=30_000
    )
    page.screenshot(path=str(artifacts / "voila-catalogue.png"), full_page=True)
