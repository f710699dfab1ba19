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
    client._download_sleep = lambda s: None  # type: ignore[method-assign]
    return client


def make_async_client(fake: FakeSuno, **kw: Any) -> AsyncClient:
    kw.setdefault("catalogue", False)
    client = AsyncClient(transport=fake.async_transport(), base_url=BASE, **kw)

    async def no_sleep(_: float) -> None:
        return None

    client._sleep = no_sleep
    return client


# Valid values come from the schema itself, so a new field or action is covered unasked.
example_value = schema.example_value
minimal_request = schema.example_request
