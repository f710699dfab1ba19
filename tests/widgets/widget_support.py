"""Helpers for widget tests: valid values per action from the schema, and waiting for a run."""

from __future__ import annotations

from typing import Any

from suno_nb import schema


def typed_value(name: str) -> Any:
    """A valid value for a field, as a user would enter it (from the schema's examples)."""
    spec = schema.FIELDS[name]
    if spec.example is not None:
        return spec.example
    if spec.kind == "enum":
        return spec.choices[0]
    if spec.kind == "url_list":
        return ["https://example.com/ref.mp3"]
    if spec.kind == "id_list":
        return ["clip-a", "clip-b"]
    if spec.kind == "bool":
        return True
    if name.endswith("_start"):
        return 10.0
    if name.endswith("_end"):
        return 20.0
    if spec.kind in ("float", "int"):
        return 30 if spec.kind == "int" else 30.0
    return "x"


def valid_values(action: str) -> dict[str, Any]:
    """The fewest fields that make an action's form valid, from the schema alone."""
    spec = schema.ACTIONS[action]
    values = {n: typed_value(n) for n in spec.required}
    if "prompt_or_lyrics" in spec.rules:
        values["prompt"] = "a calm lofi song about a night bus"
    if "lyric_unless_instrumental" in spec.rules:
        values["lyric"] = "[Verse]\nand on we go"
    if spec.min_model is not None:
        values["model"] = min(
            (m for m in schema.MODELS.values() if m.generation >= spec.min_model),
            key=lambda m: m.generation,
        ).name
    return values


def wait_done(panel: Any, timeout: float = 30.0) -> Any:
    state = panel.wait(timeout)
    assert not state.busy, state
    return state
