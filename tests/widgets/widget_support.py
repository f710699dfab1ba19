"""Helpers for widget tests: valid values per action from the schema, and waiting for a run."""

from __future__ import annotations

from typing import Any

from suno_nb import schema

# Valid values come from the schema itself, so a new field or action is covered unasked.
typed_value = schema.example_value
valid_values = schema.example_request


def wait_done(panel: Any, timeout: float = 30.0) -> Any:
    state = panel.wait(timeout)
    assert not state.busy, state
    return state
