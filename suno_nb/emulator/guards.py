"""What stands before an API call: token check, rate limit, credit balance and moderation.

Each guard answers ``None`` (go on) or an :class:`ApiRefusal` the core turns into the real
service's error envelope (section 4 of the contract).
"""

from __future__ import annotations

import collections
import math
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["ApiRefusal", "CreditBalance", "RateLimiter", "check_token", "moderate"]


@dataclass
class ApiRefusal(Exception):
    """An error answer: HTTP status, error code and message (and extra headers)."""

    status: int
    code: str
    message: str
    headers: Mapping[str, str] | None = None

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.message}"


def check_token(expected: str | None, authorization: str | None) -> ApiRefusal | None:
    """Started without a token the emulator accepts anything, like a local service."""
    if expected is None:
        return None
    if not authorization or not authorization.strip():
        return ApiRefusal(400, "no_token", "No token specified for the request.")
    scheme, _, value = authorization.strip().partition(" ")
    given = value.strip() if scheme.lower() == "bearer" else authorization.strip()
    if given != expected:
        return ApiRefusal(401, "invalid_token", "Invalid token.")
    return None


class RateLimiter:
    """At most ``per_second`` API requests in any one-second window."""

    def __init__(self, per_second: float, clock: Callable[[], float]) -> None:
        self.limit = max(1, int(per_second))
        self.clock = clock
        self._times: collections.deque[float] = collections.deque()
        self._lock = threading.Lock()

    def admit(self) -> ApiRefusal | None:
        now = self.clock()
        with self._lock:
            while self._times and now - self._times[0] >= 1.0:
                self._times.popleft()
            if len(self._times) >= self.limit:
                wait = max(0.0, 1.0 - (now - self._times[0]))
                retry = str(max(1, math.ceil(wait)))
                return ApiRefusal(
                    429,
                    "too_many_requests",
                    f"Too many requests: at most {self.limit} per second. Retry after {retry} s.",
                    {"retry-after": retry},
                )
            self._times.append(now)
        return None


class CreditBalance:
    """A balance that paid calls spend; ``None`` means unlimited."""

    def __init__(self, credits: float | None) -> None:
        self.left = credits
        self._lock = threading.Lock()

    def spend(self, amount: float) -> ApiRefusal | None:
        if self.left is None:
            return None
        with self._lock:
            if self.left < amount:
                return ApiRefusal(
                    403,
                    "used_up",
                    f"Balance not sufficient: this call costs {amount:g} credit(s), "
                    f"{self.left:g} left.",
                )
            self.left -= amount
        return None


# Which request field moderation reads, and how the service names it in the message.
_MODERATED: tuple[tuple[str, str], ...] = (
    ("prompt", "Song Description"),
    ("lyric_prompt", "Song Description"),
    ("sound", "Song Description"),
    ("style", "Tags"),
    ("lyric", "Lyrics"),
)


def moderate(values: Mapping[str, Any], artists: Iterable[str]) -> ApiRefusal | None:
    """403 forbidden when a prompt, style or lyric names an artist on the list."""
    for name, label in _MODERATED:
        text = values.get(name)
        if not isinstance(text, str) or not text:
            continue
        for artist in artists:
            if re.search(rf"(?<!\w){re.escape(artist)}(?!\w)", text, re.IGNORECASE):
                return ApiRefusal(403, "forbidden", f"{label} contained artist name: {artist}")
    return None
