"""Idempotent writes for the emulator's Studio projects and custom models.

The same ``idempotency_key`` with the same request returns the first answer (a failure too);
the same key with another request is a 409, so a client bug cannot pass silently. Given a
:class:`~suno_nb.emulator.store.Store`, the first answers are kept in its data directory, so a
retry after the emulator restarted still returns them.

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
from typing import Any, Protocol, TypeVar

from suno_nb.emulator.guards import ApiRefusal

__all__ = ["IdempotentWrites", "WriteLog"]

T = TypeVar("T")


class WriteLog(Protocol):
    """Where first answers are kept (the emulator's ``Store``)."""

    def put_write(self, key: str, data: Any) -> None: ...

    def write(self, key: str) -> Any: ...


@dataclass
class _MemoryLog:
    seen: dict[str, Any] = field(default_factory=dict)

    def put_write(self, key: str, data: Any) -> None:
        self.seen[key] = data

    def write(self, key: str) -> Any:
        return self.seen.get(key)


def _refusal_data(exc: ApiRefusal) -> dict[str, Any]:
    return {
        "status": exc.status,
        "code": exc.code,
        "message": exc.message,
        "headers": dict(exc.headers or {}),
    }


@dataclass
class IdempotentWrites:
    """First answers by key: ``run(endpoint, values, do)`` runs ``do`` once per key."""

    log: WriteLog = field(default_factory=_MemoryLog)

    def run(self, name: str, values: Mapping[str, Any], do: Callable[[], T]) -> T:
        key = values.get("idempotency_key")
        if not key:
            return do()
        request = {k: v for k, v in values.items() if k != "idempotency_key"}
        fingerprint = json.dumps([name, request], sort_keys=True, default=str)
        first = self.log.write(key)
        if first is not None:
            if first["fingerprint"] != fingerprint:
                raise ApiRefusal(
                    409,
                    "idempotency_key_reused",
                    f"idempotency_key {key!r} was used for another request; use a new key for "
                    "a new request",
                )
            if first["refusal"] is not None:
                r = first["refusal"]
                raise ApiRefusal(r["status"], r["code"], r["message"], r["headers"] or None)
            return first["answer"]  # type: ignore[no-any-return]
        try:
            answer = do()
        except ApiRefusal as exc:
            self.log.put_write(
                key, {"fingerprint": fingerprint, "answer": None, "refusal": _refusal_data(exc)}
            )
            raise
        self.log.put_write(key, {"fingerprint": fingerprint, "answer": answer, "refusal": None})
        return answer
