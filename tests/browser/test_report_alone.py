"""The sweep report copied on its own into an empty folder: every player plays (embedded
previews), nothing is wider than a 1400 px laptop window."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from browser_support import ALL_PLAYABLE

pytestmark = pytest.mark.browser


def test_the_report_plays_alone_and_fits_a_laptop_window(
    tmp_path: Path, page: Any, artifacts: Path
) -> None:
    from sweep.conftest import BASE_REQUEST, CountingTransport, fast_client, make_emulator

    from suno_nb.catalogue import Catalogue
    from suno_nb.sweeps import Sweep

    emulator = make_emulator(tmp_path / "emu")
    try:
        sweep = Sweep(
            BASE_REQUEST,
            grid={"weirdness": [0.0, 1.0], "style_influence": [0.0, 1.0]},
            client=fast_client(CountingTransport(emulator)),
            catalogue=Catalogue(tmp_path / "catalogue"),
            progress=False,
        ).run()
        written = sweep.report(tmp_path / "report.html", features=["onset_irregularity"])
    finally:
        emulator.close()
    alone = tmp_path / "elsewhere"
    alone.mkdir()
    copy = shutil.copy(written, alone / "report.html")  # no catalogue next to it
    page.goto(Path(copy).as_uri())
    page.wait_for_function(ALL_PLAYABLE, timeout=30_000)
    assert page.evaluate("document.querySelectorAll('audio').length") == 4
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth,"
        " ...[...document.querySelectorAll('img')].map(i => i.getBoundingClientRect().right)]"
    )
    assert max(widths) <= 1400, widths
    page.screenshot(path=str(artifacts / "report-alone.png"), full_page=True)
