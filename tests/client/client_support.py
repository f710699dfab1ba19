"""Helpers for client tests: clients over the scripted fake that never really sleep, and
minimal valid requests built from the schema alone."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fakes import FakeSuno

from suno_nb import schema
from suno_nb.client import AsyncClient, Client

BASE = "https://api.test"


def make_client(fake: FakeSuno, **kw: Any) -> Client:
    kw.setdefault("catalogue", False)
    client = Client(transport=fake.transport(), base_url=BASE, **kw)
    client._sleep = lambda s: None
    return client


def make_async_client(fake: FakeSuno, **kw: Any) -> AsyncClient:
    kw.setdefault("catalogue", False)
    client = AsyncClient(transport=fake.async_transport(), base_url=BASE, **kw)

    async def no_sleep(_: float) -> None:
        return None

    client._sleep = no_sleep
    return client


def example_value(name: str) -> Any:
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


def minimal_request(action: str) -> dict[str, Any]:
    """The smallest valid set of fields for an action, from the schema alone."""
    spec = schema.ACTIONS[action]
    fields = {n: example_value(n) for n in spec.required}
    if action == "generate":
        fields["prompt"] = "a calm lofi song"
    if "lyric_unless_instrumental" in spec.rules:
        fields["lyric"] = "[Verse]\nand on we go"
    return fields
