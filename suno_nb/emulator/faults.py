"""Seeded fault injection: a share of requests fail with 500 busy, 504, a dropped connection,
a slow answer, or create tasks that end in error. Off by default.

Example:
    >>> f = Faults.parse("busy=0.2,task_error=0.1,seed=7")
    >>> f.busy, f.task_error, f.seed
    (0.2, 0.1, 7)
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

__all__ = ["Fault", "Faults"]

Fault = Literal["busy", "timeout", "drop", "slow"]
_KINDS: tuple[Fault, ...] = ("busy", "timeout", "drop", "slow")


@dataclass
class Faults:
    """Shares (0–1) of API requests that fail each way; ``seed`` makes the sequence repeatable."""

    busy: float = 0.0  # 500 busy "no available worker in system"
    timeout: float = 0.0  # 504 timeout
    drop: float = 0.0  # the connection is closed without an answer (after the work was done)
    slow: float = 0.0  # the answer comes ``slow_seconds`` late
    task_error: float = 0.0  # a created task ends in error instead of succeeding
    slow_seconds: float = 2.0
    seed: int = 0
    _rng: random.Random = field(init=False, repr=False, compare=False)
    _lock: threading.Lock = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in (*_KINDS, "task_error"):
            share = getattr(self, name)
            if not 0.0 <= share <= 1.0:
                raise ValueError(f"fault share {name}={share} must be between 0 and 1")
        if sum(getattr(self, k) for k in _KINDS) > 1.0:
            raise ValueError("the shares of busy, timeout, drop and slow add up to more than 1")
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    @property
    def active(self) -> bool:
        return any(getattr(self, k) for k in (*_KINDS, "task_error"))

    @classmethod
    def parse(cls, spec: Faults | str | Mapping[str, Any] | None) -> Faults:
        """From ``None``, a :class:`Faults`, a dict, or ``"busy=0.1,drop=0.05,seed=3"``."""
        if spec is None:
            return cls()
        if isinstance(spec, Faults):
            return spec
        if isinstance(spec, str):
            items: dict[str, Any] = {}
            for part in filter(None, (p.strip() for p in spec.split(","))):
                key, sep, value = part.partition("=")
                if not sep:
                    raise ValueError(f"fault setting {part!r} must look like name=value")
                items[key.strip()] = value.strip()
            spec = items
        known = {f.name for f in fields(cls) if f.init}
        unknown = set(spec) - known
        if unknown:
            raise ValueError(
                f"unknown fault setting(s) {', '.join(sorted(unknown))}; use {', '.join(known)}"
            )
        kw = {k: (int(v) if k == "seed" else float(v)) for k, v in spec.items()}
        return cls(**kw)

    def roll(self) -> Fault | None:
        """The fault for the next API request, or ``None``."""
        if not any(getattr(self, k) for k in _KINDS):
            return None
        with self._lock:
            u = self._rng.random()
        edge = 0.0
        for kind in _KINDS:
            edge += getattr(self, kind)
            if u < edge:
                return kind
        return None

    def task_fails(self) -> bool:
        """Whether the next created task ends in error."""
        if not self.task_error:
            return False
        with self._lock:
            return self._rng.random() < self.task_error
