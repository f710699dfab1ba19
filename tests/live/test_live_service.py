"""Against the real service: run only with ACEDATACLOUD_API_TOKEN set (they cost credit)."""

from __future__ import annotations

import pytest

from suno_nb import Client, errors

pytestmark = pytest.mark.live


def test_live_lyrics_roundtrip() -> None:
    result = Client(catalogue=False).lyrics("a short song about rain on a tin roof")
    assert result.text and result.trace_id


def test_live_validation_error_matches_the_service() -> None:
    client = Client(catalogue=False)
    with pytest.raises(errors.ValidationError):
        client.generate(weirdness=2.0)


def test_live_unknown_task_is_not_found() -> None:
    with pytest.raises(errors.TaskNotFound):
        Client(catalogue=False).task("00000000-0000-0000-0000-000000000000")
