"""JupyterLab 4 in Chromium: run a panel cell, fill the form, generate, hear the result cards."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from browser_support import PLAYABLE, readme_image, write_notebook

pytestmark = pytest.mark.browser

KERNEL_IDLE = """() => {
  const nb = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const ctx = nb && nb.sessionContext;
  return !!(ctx && ctx.isReady && ctx.session && ctx.session.kernel
            && ctx.session.kernel.connectionStatus === 'connected'
            && ctx.session.kernel.status === 'idle');
}"""


def test_panel_generates_and_shows_playable_cards(jupyterlab: Any, page: Any, artifacts: Path):
    started = time.monotonic()
    write_notebook(
        jupyterlab.root / "panel.ipynb",
        'import suno_nb\npanel = suno_nb.panel("generate")\npanel',
    )
    page.goto(f"{jupyterlab.url}/lab/tree/panel.ipynb?reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # Run only once the kernel is ready, or JupyterLab may open a kernel dialog.
    page.wait_for_function(KERNEL_IDLE, timeout=90_000)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    form = page.locator(".suno-nb-panel")
    form.wait_for(timeout=60_000)
    submit = page.locator(".suno-nb-submit")
    assert submit.is_disabled()  # empty form: nothing to send yet
    prompt = page.locator(".suno-nb-field-prompt textarea")
    prompt.fill("a calm lofi song about a night bus")
    page.wait_for_function(
        "() => !document.querySelector('.suno-nb-submit').disabled", timeout=20_000
    )
    # an out-of-range value is explained at its field and blocks the button
    page.locator(".suno-nb-advanced").get_by_text("Advanced (").click()
    weird = page.locator(".suno-nb-field-weirdness input[type=text]")
    weird.fill("2")
    weird.press("Tab")
    page.wait_for_function(
        "() => document.querySelector('.suno-nb-field-weirdness .suno-nb-error')"
        ".textContent.includes('weirdness must be a number from 0 to 1')",
        timeout=20_000,
    )
    assert submit.is_disabled()
    weird.fill("0.4")
    weird.press("Tab")
    page.wait_for_function(
        "() => !document.querySelector('.suno-nb-submit').disabled", timeout=20_000
    )
    submit.click()
    page.wait_for_selector('.suno-nb-phase[data-phase="succeeded"]', timeout=120_000)
    page.wait_for_function(PLAYABLE, arg=2, timeout=60_000)
    assert page.locator(".suno-nb-card").count() == 2
    page.locator(".suno-nb-card").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lab-panel.png"), full_page=True)
    form.screenshot(path=str(readme_image("panel.jpg")), type="jpeg", quality=70)
    assert time.monotonic() - started < 150
