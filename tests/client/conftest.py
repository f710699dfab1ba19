"""Fixtures for client tests: a scripted fake service and a client over it."""

from __future__ import annotations

import pytest
from client_support import make_client
from fakes import FakeSuno

from suno_nb.client import Client


@pytest.fixture
def fake() -> FakeSuno:
    return FakeSuno()


@pytest.fixture
def client(fake: FakeSuno) -> Client:
    return make_client(fake)
