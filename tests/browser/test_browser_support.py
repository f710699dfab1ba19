"""The browser tests' own helpers fail in a way that says why."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import wait_or_show

pytestmark = pytest.mark.browser


def test_a_wait_that_times_out_shows_the_notebooks_outputs(page: Any) -> None:
    page.set_content(
        "<div class='jp-OutputArea-output'>ValueError: the kernel said why</div>"
        "<div class='jp-OutputArea-output'>  </div>"
    )
    with pytest.raises(AssertionError, match=r"(?s)waited 0 s.*the kernel said why") as raised:
        wait_or_show(page, "() => false", timeout=300, name="self-test")
    shot = str(raised.value).split("screenshot ", 1)[1].split(";", 1)[0]
    assert shot.endswith("timeout-self-test.png")
    wait_or_show(page, "() => true", timeout=300, name="self-test")  # a met condition passes
