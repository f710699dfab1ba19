"""Idempotent writes for the emulator's Studio projects and custom models.

The same ``idempotency_key`` with the same request returns the first answer (a failure too);
the same key with another request is a 409, so a client bug cannot pass silently.

Example:
    >>> writes = IdempotentWrites()
    >>> made = iter(range(10))
    >>> [writes.run("create", {"idempotency_key": "k", "t": 1}, lambda: next(made)) for _ in "ab"]
    [0, 0]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from suno_nb.emulator.guards import ApiRefusal

__all__ = ["IdempotentWrites"]

T = TypeVar("T")


@dataclass
class IdempotentWrites:
    """First answers by key: ``run(endpoint, values, do)`` runs ``do`` once per key."""

    _seen: dict[str, tuple[str, Any, ApiRefusal | None]] = field(default_factory=dict)

    def run(self, name: str, values: Mapping[str, Any], do: Callable[[], T]) -> T:
        key = values.get("idempotency_key")
        if not key:
            return do()
        request = {k: v for k, v in values.items() if k != "idempotency_key"}
        fingerprint = json.dumps([name, request], sort_keys=True, default=str)
        if key in self._seen:
            first, answer, refusal = self._seen[key]
            if first != fingerprint:
                raise ApiRefusal(
                    409,
                    "idempotency_key_reused",
                    f"idempotency_key {key!r} was used for another request; use a new key for "
                    "a new request",
                )
            if refusal is not None:
                raise refusal
            return answer
        try:
            answer = do()
        except ApiRefusal as exc:
            self._seen[key] = (fingerprint, None, exc)
            raise
        self._seen[key] = (fingerprint, answer, None)
        return answer
