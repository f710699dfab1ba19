"""The task lifecycle as a pure function of time, and the snapshots and records it shows.

A task is ``pending`` for the profile's first stage, ``running`` (cover image and a preview
URL that plays the part rendered so far) for the second, then ``succeeded`` (or ``error`` when
a fault said so). Nothing runs in the background: every answer is computed from the clock.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from suno_nb import schema

__all__ = ["Stage", "clip_count", "new_id", "request_seed", "stage_of", "upstream_model"]

StageName = Literal["pending", "running", "succeeded", "error"]

# The service reports its own model names, often not the requested one (contract 1.3).
_UPSTREAM = {
    "chirp-v3-0": "chirp-v3-0",
    "chirp-v3-5": "chirp-v3-5",
    "chirp-v4": "chirp-v4",
    "chirp-v4-5": "chirp-auk",
    "chirp-v4-5-plus": "chirp-bluejay",
    "chirp-v5": "chirp-crow",
    "chirp-v5-5": "chirp-crow",
}

TASK_ERROR = {"code": "api_error", "message": "job failed with unknown error"}


def new_id() -> str:
    return str(uuid.uuid4())


def upstream_model(requested: str | None) -> str:
    name = requested or schema.DEFAULT_MODEL
    return _UPSTREAM.get(name, name)


def request_seed(request: Mapping[str, Any]) -> int:
    """A seed from a request's content: a hash of its canonical JSON (delivery aside)."""
    content = {k: v for k, v in request.items() if k not in ("async", "callback_url")}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def clip_count(action: str) -> int:
    """How many clips an action returns, read from the schema's ``clips`` column."""
    spec = schema.ACTIONS.get(action)
    digits = ""
    for ch in spec.clips if spec else "2":
        if not ch.isdigit():
            break
        digits += ch
    return int(digits or 2)


@dataclass(frozen=True)
class Stage:
    """Where a task stands at one instant."""

    name: StageName
    fraction: float  # of the running stage done (1.0 once finished)
    next_change: float  # seconds until the stage changes (0 once finished)

    @property
    def finished(self) -> bool:
        return self.name in ("succeeded", "error")


def stage_of(task: Mapping[str, Any], now: float) -> Stage:
    """The stage of ``task`` at ``now`` (unix seconds), from its stored stage timings."""
    age = now - task["created_at"]
    pending, running = task["pending"], task["running"]
    if age < pending:
        return Stage("pending", 0.0, pending - age)
    if age < pending + running:
        return Stage("running", (age - pending) / running, pending + running - age)
    return Stage("error" if task.get("fails") else "succeeded", 1.0, 0.0)


def iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{int(ts % 1 * 1000):03d}Z"
