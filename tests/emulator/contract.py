"""Helpers of the contract suite: one ``Api`` handle per target (in-process, socket, live)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from suno_nb import _http
from suno_nb.emulator import Emulator, inprocess_transport, start
from tests.emulator.conftest import BASE, SHORT

LIVE_BASE = "https://api.acedata.cloud"


@dataclass
class Api:
    kind: str  # "inprocess", "server" or "live"
    http: _http.Client

    @property
    def emulated(self) -> bool:
        return self.kind != "live"

    def post(self, path: str, body: Any = None, **kw: Any) -> _http.Response:
        return self.http.post(path, json=body, **kw)

    def task(self, task_id: str) -> dict[str, Any]:
        return self.post("/suno/tasks", {"action": "retrieve", "id": task_id}).json()

    def wait(self, task_id: str, timeout: float = 600.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            record = self.task(task_id)
            response = record.get("response") or {}
            if response.get("success") is not None or response.get("error"):
                return record
            assert time.monotonic() < deadline, f"task {task_id} did not finish"
            time.sleep(0.2 if self.emulated else 5.0)

    def generate(self, **fields: Any) -> dict[str, Any]:
        body = {"prompt": "a calm lofi song about a night bus", **fields, "async": True}
        answer = self.post("/suno/audios", body)
        assert answer.status_code == 200, answer.text
        return self.wait(answer.json()["task_id"])


@contextmanager
def api_for(kind: str, tmp_path: Any, **settings: Any) -> Iterator[Api]:
    """An :class:`Api` on a fresh emulator with ``settings`` (or the live service)."""
    settings.setdefault("profile", "instant")
    settings.setdefault("max_duration", SHORT)
    token = settings.get("token")
    headers = {"authorization": f"Bearer {token}"} if token else {}
    if kind == "inprocess":
        emu = Emulator(data_dir=tmp_path / "inprocess", **settings)
        transport = inprocess_transport(emu)
        with _http.Client(transport=transport, base_url=BASE, headers=headers, timeout=60) as c:
            yield Api(kind, c)
        emu.close()
    elif kind == "server":
        url = start(data_dir=tmp_path / "server", **settings)
        with _http.Client(base_url=url, headers=headers, timeout=60) as c:
            yield Api(kind, c)
    else:
        live_token = os.environ.get("ACEDATACLOUD_API_TOKEN")
        if not live_token:
            pytest.skip("ACEDATACLOUD_API_TOKEN is not set")
        headers = {"authorization": f"Bearer {live_token}"}
        with _http.Client(base_url=LIVE_BASE, headers=headers, timeout=300) as c:
            yield Api(kind, c)
