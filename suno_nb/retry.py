"""The one retry policy: which failures are worth another try, and how long to wait first.

Every place that retries uses ``call`` (or ``acall``): the client's requests, its
``download`` and the catalogue's file fetches. The policy:

- transient failures are retried: HTTP 408, 409, 429 and 5xx, and lost connections;
- the wait after the n-th failure is ``min(0.5 * 2 ** (n - 1), 8)`` seconds with ±25 % jitter,
  or the service's ``Retry-After`` when it sent one, capped at :data:`MAX_RETRY_AFTER`;
- ``sleep`` is a parameter, so tests and notebooks can patch it.

What may be retried at all is the caller's rule (``retry_on``): a paid submission only on 429
(nothing was created), reads on every transient failure, downloads also on 404 (final files
appear a little after a task finishes).

Examples:
    >>> import suno_nb.retry as retry
    >>> failures = [retry.ServerError("busy", status=503)]
    >>> def flaky():
    ...     if failures:
    ...         raise failures.pop()
    ...     return "ok"
    >>> retry.call(flaky, retry_on=retry.transient, attempts=3, sleep=lambda s: None)
    'ok'
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from suno_nb.errors import APIConnectionError, APIError, RateLimitError, ServerError

__all__ = [
    "MAX_RETRY_AFTER",
    "RETRY_STATUSES",
    "acall",
    "call",
    "delay",
    "download_retryable",
    "parse_retry_after",
    "retryable_status",
    "transient",
]

T = TypeVar("T")

MAX_RETRY_AFTER = 60.0
"""The longest ``Retry-After`` honoured, in seconds (a longer one waits this long)."""

RETRY_STATUSES = frozenset({408, 409, 429})
"""Statuses below 500 that are worth another try (every 5xx is too)."""


def retryable_status(status: int | None) -> bool:
    """Whether an HTTP status is transient: 408, 409, 429 or any 5xx.

    Examples:
        >>> [retryable_status(s) for s in (200, 404, 409, 429, 503)]
        [False, False, True, True, True]
    """
    return status is not None and (status in RETRY_STATUSES or status >= 500)


def transient(exc: BaseException) -> bool:
    """Whether a failure is transient: a lost connection or a retryable HTTP status."""
    if isinstance(exc, (RateLimitError, ServerError, APIConnectionError, *_transport_errors())):
        return True
    return isinstance(exc, APIError) and retryable_status(exc.status)


def _transport_errors() -> tuple[type[BaseException], ...]:
    # A transport error can only come from suno_nb._http once it is loaded; importing it here
    # would load the HTTP library for callers (the catalogue) that never use it.
    http = sys.modules.get("suno_nb._http")
    return (http.TransportError,) if http is not None else ()


def download_retryable(exc: BaseException) -> bool:
    """Downloads also retry 404: final files may appear a little after the task finishes."""
    return transient(exc) or (isinstance(exc, APIError) and exc.status == 404)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (a number or an HTTP date), ``None`` if unusable.

    Examples:
        >>> parse_retry_after("2.5"), parse_retry_after(None), parse_retry_after("soon")
        (2.5, None, None)
    """
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


def delay(exc: BaseException | None, failures: int) -> float:
    """Seconds to wait after ``failures`` failures, the last being ``exc``.

    Examples:
        >>> delay(RateLimitError("slow down", retry_after=300), 1)
        60.0
        >>> 0.75 * 8 <= delay(None, 10) <= 1.25 * 8
        True
    """
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        return min(float(retry_after), MAX_RETRY_AFTER)
    base = min(0.5 * 2 ** (max(failures, 1) - 1), 8.0)
    return base * (0.75 + random.random() * 0.5)


def _wait(retry_state: Any) -> float:
    # tenacity's first attempt is the policy's second: the first ran outside it.
    outcome = retry_state.outcome
    exc = outcome.exception() if outcome is not None else None
    return delay(exc, retry_state.attempt_number + 1)


def _settings(retry_on: Callable[[BaseException], bool], attempts: int) -> dict[str, Any]:
    from tenacity import retry_if_exception, stop_after_attempt

    return {
        "stop": stop_after_attempt(attempts - 1),
        "retry": retry_if_exception(retry_on),
        "wait": _wait,
        "reraise": True,
    }


def call(
    fn: Callable[..., T],
    *args: Any,
    retry_on: Callable[[BaseException], bool] = transient,
    attempts: int = 5,
    sleep: Callable[[float], Any] = time.sleep,
) -> T:
    """``fn(*args)``, tried up to ``attempts`` times in all while ``retry_on(error)`` holds.

    The first attempt runs outside tenacity: it is the hot path of polling, and tenacity's
    per-call set-up costs more than a request on loopback.
    """
    try:
        return fn(*args)
    except Exception as exc:
        if attempts <= 1 or not retry_on(exc):
            raise
        first = exc
    from tenacity import Retrying

    sleep(delay(first, 1))
    return Retrying(sleep=sleep, **_settings(retry_on, attempts))(fn, *args)


async def acall(
    fn: Callable[..., Awaitable[T]],
    *args: Any,
    retry_on: Callable[[BaseException], bool] = transient,
    attempts: int = 5,
    sleep: Callable[[float], Awaitable[Any]] | None = None,
) -> T:
    """The async twin of ``call`` (``sleep`` defaults to ``asyncio.sleep``)."""
    import asyncio

    sleep = sleep or asyncio.sleep
    try:
        return await fn(*args)
    except Exception as exc:
        if attempts <= 1 or not retry_on(exc):
            raise
        first = exc
    from tenacity import AsyncRetrying

    await sleep(delay(first, 1))
    return await AsyncRetrying(sleep=sleep, **_settings(retry_on, attempts))(fn, *args)
