"""Fixtures for widget tests: panels over the scripted fake or an instant emulator, no kernel."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fakes import FakeSuno

from suno_nb import schema
from suno_nb.catalogue import Catalogue
from suno_nb.client import Client

BASE = "https://api.test"


@pytest.fixture
def fake() -> FakeSuno:
    return FakeSuno()


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    cat = Catalogue(tmp_path / "catalogue")
    cat._sleep = lambda s: None  # download retries of the fake's cdn URLs never really wait
    yield cat
    cat.close()


@pytest.fixture
def client(fake: FakeSuno, catalogue: Catalogue) -> Client:
    made = Client(transport=fake.transport(), base_url=BASE, catalogue=catalogue)
    made._sleep = lambda s: None
    made._download_sleep = lambda s: None
    return made


@pytest.fixture
def emulated(tmp_path: Path, catalogue: Catalogue) -> Iterator[Client]:
    """A client over a private emulator: instant tasks with short clips, recorded in catalogue."""
    from suno_nb.emulator import Emulator, inprocess_transport

    emulator = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=12.0)
    made = Client(
        transport=inprocess_transport(emulator),
        base_url="http://suno-emulator.invalid",
        catalogue=catalogue,
    )
    yield made
    made.close()
    emulator.close()


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
