"""The one exception hierarchy of suno_nb.

Every failure a user can meet is a :class:`SunoError`; service answers are :class:`APIError`
subclasses keyed by HTTP status and error code, and bad input is :class:`ValidationError`,
raised before any request is sent.

Example:
    >>> from suno_nb.errors import error_from_response
    >>> err = error_from_response(403, {"error": {"code": "used_up", "message": "no credit"}})
    >>> type(err).__name__
    'InsufficientBalanceError'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "CallbackError",
    "FieldProblem",
    "GenerationTimeout",
    "InsufficientBalanceError",
    "ModerationError",
    "NotFoundError",
    "ProblemKind",
    "RateLimitError",
    "ServerError",
    "SubmissionUncertain",
    "SunoError",
    "TaskNotFound",
    "ValidationError",
    "WaitInterrupted",
    "error_from_response",
    "status_of_code",
]


class SunoError(Exception):
    """Base class of every error raised by suno_nb."""


class ProblemKind(StrEnum):
    """What kind of rule a field broke: code switches on this, never on the message's words.

    Example:
        >>> ProblemKind("required") is ProblemKind.REQUIRED
        True
    """

    UNKNOWN_FIELD = "unknown_field"  # the action or endpoint does not take this field
    REQUIRED = "required"  # a needed field is missing or empty
    TYPE = "type"  # wrong JSON type (text for a number, NaN or inf for a number …)
    RANGE = "range"  # a number outside its limits
    LENGTH = "length"  # text too long, or a list with too few or too many items
    CHOICE = "choice"  # not one of the allowed values
    FORMAT = "format"  # text of the right type but the wrong shape (not an http(s) URL …)
    RULE = "rule"  # a rule across fields (start before end, prompt or lyrics …)
    MODEL_GATE = "model_gate"  # the field or action needs a newer model


@dataclass(frozen=True)
class FieldProblem:
    """One field that broke a rule: which field, the value given, what is allowed, which kind."""

    field: str
    value: Any
    allowed: str
    message: str
    kind: ProblemKind = ProblemKind.RULE

    def __str__(self) -> str:
        return self.message


class ValidationError(SunoError, ValueError):
    """A request was refused before anything was sent.

    ``problems`` lists every field at fault; ``field``/``value``/``allowed`` describe the
    first one, so ``except ValidationError as e: e.field`` is enough in the common case.
    """

    def __init__(self, problems: Sequence[FieldProblem], *, action: str | None = None) -> None:
        if not problems:
            raise ValueError("ValidationError needs at least one problem")
        self.problems = list(problems)
        self.action = action
        first = self.problems[0]
        self.field = first.field
        self.value = first.value
        self.allowed = first.allowed
        where = f"{action}: " if action else ""
        lines = [f"{where}{p.message}" for p in self.problems]
        super().__init__("\n".join(lines))


class APIError(SunoError):
    """The service answered with an error envelope (section 4 of the API contract).

    ``retry_after`` holds the seconds of the answer's ``Retry-After`` header, when it had one
    (429 and 503 answers often do); :mod:`suno_nb.retry` waits that long before trying again.
    """

    retry_after: float | None = None

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        trace_id: str | None = None,
        task_id: str | None = None,
        body: Any = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.trace_id = trace_id
        self.task_id = task_id
        self.body = body
        super().__init__(self._render())

    def _render(self) -> str:
        head = f"[{self.status} {self.code}] " if self.status or self.code else ""
        tail = []
        if self.task_id:
            tail.append(f"task_id={self.task_id}")
        if self.trace_id:
            tail.append(f"trace_id={self.trace_id}")
        hint = self.hint()
        text = f"{head}{self.message}"
        if tail:
            text += f" ({', '.join(tail)})"
        if hint:
            text += f"\n{hint}"
        return text

    def hint(self) -> str:
        """What the user can do next; subclasses say something specific."""
        return ""


class BadRequestError(APIError):
    """400 bad_request: the service refused the request's content."""


class AuthenticationError(APIError):
    """400 no_token / token_mismatched, 401 invalid_token / token_expired."""

    def hint(self) -> str:
        return (
            "Check ACEDATACLOUD_API_TOKEN (or Client(token=...)). Without a token suno_nb "
            "uses its offline emulator."
        )


class InsufficientBalanceError(APIError):
    """403 used_up: the account has no credit left for this call."""

    def hint(self) -> str:
        return "Top up the Ace Data Cloud balance, or try the request on the offline emulator."


class ModerationError(APIError):
    """403 forbidden: the prompt, style or lyrics were refused by moderation."""

    def hint(self) -> str:
        text = self.message.lower()
        if "artist name" in text:
            return (
                "Remove artist names from the prompt/style/lyrics; describe the sound instead "
                "(genre, era, instruments, mood)."
            )
        if "copyright" in text:
            return "Write original lyrics or a description; quoted songs are refused."
        return "Rephrase the prompt, style or lyrics and submit again."


class NotFoundError(APIError):
    """404 no_api: the path does not exist on this service."""


class RateLimitError(APIError):
    """429 too_many_requests; ``retry_after`` (seconds) when the service gave one."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)

    def hint(self) -> str:
        if self.retry_after:
            return f"Wait {self.retry_after:g} s before the next request."
        return "Slow down: lower the concurrency or wait a little."


class ServerError(APIError):
    """500 api_error / busy and 504 timeout: the service failed, not the request."""


class APIConnectionError(SunoError):
    """The service could not be reached (DNS, refused, dropped, timed out)."""


class SubmissionUncertain(APIConnectionError):
    """A paid submission failed in a way that leaves its fate unknown; it was NOT re-sent.

    The task may exist on the service. ``task_id`` is set when it was already known.
    """

    def __init__(self, message: str, *, action: str | None = None, task_id: str | None = None):
        self.action = action
        self.task_id = task_id
        super().__init__(
            f"{message}\nThe {action or 'submission'} may have reached the service and started a "
            "paid task, so suno_nb did not send it again. Look in your catalogue "
            "(Catalogue().pending()) or the Ace Data Cloud console before you retry."
        )


class TaskNotFound(APIError):
    """``/suno/tasks`` kept answering ``{}`` for this id."""


class GenerationTimeout(SunoError, TimeoutError):
    """Waiting ran past its deadline; the task was not finished. Nothing is returned as done."""

    def __init__(self, task_id: str, waited: float, last_state: str | None = None) -> None:
        self.task_id = task_id
        self.waited = waited
        self.last_state = last_state
        super().__init__(
            f"Task {task_id} was still {last_state or 'pending'} after {waited:.0f} s. It keeps "
            f"running on the service: pick it up later with client.task({task_id!r}).wait()."
        )


class CallbackError(SunoError, ValueError):
    """A ``callback_url`` body that cannot be read: not JSON, not an object, nested too deeply,
    or with fields of the wrong type. A ``ValueError`` too, so web handlers can answer 400."""


class WaitInterrupted(KeyboardInterrupt):
    """Ctrl-C / a Jupyter interrupt while waiting. The task keeps running; the id is kept here."""

    def __init__(self, task_id: str | None) -> None:
        self.task_id = task_id
        msg = "Stopped waiting."
        if task_id:
            msg += (
                f" Task {task_id} keeps running on the service: "
                f"client.task({task_id!r}).wait() picks it up."
            )
        super().__init__(msg)


# Section 4 of the contract, once: each error code's HTTP status and exception class.
_CODES: dict[str, tuple[int, type[APIError]]] = {
    "bad_request": (400, BadRequestError),
    "no_token": (400, AuthenticationError),
    "token_mismatched": (400, AuthenticationError),
    "invalid_token": (401, AuthenticationError),
    "token_expired": (401, AuthenticationError),
    "used_up": (403, InsufficientBalanceError),
    "forbidden": (403, ModerationError),
    "no_api": (404, NotFoundError),
    "too_many_requests": (429, RateLimitError),
    "api_error": (500, ServerError),
    "busy": (500, ServerError),
    "timeout": (504, ServerError),
}


def status_of_code(code: str | None) -> int | None:
    """The HTTP status the service answers with for an error code (``None`` if unknown).

    Example:
        >>> status_of_code("used_up"), status_of_code("made_up")
        (403, None)
    """
    entry = _CODES.get(code or "")
    return entry[0] if entry else None


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ModerationError,
    404: NotFoundError,
    429: RateLimitError,
}


def parse_error_body(body: Any) -> tuple[str | None, str]:
    """Return ``(code, message)`` from an error envelope, a bare-string error, or anything else."""
    if isinstance(body, Mapping):
        err = body.get("error", body.get("detail"))
        if isinstance(err, Mapping):
            code = err.get("code")
            message = err.get("message") or code or "unknown error"
            return (str(code) if code is not None else None), str(message)
        if isinstance(err, str) and err:
            return None, err
        if body.get("message"):
            return None, str(body["message"])
    if isinstance(body, str) and body.strip():
        return None, body.strip()[:500]
    return None, "unknown error"


def error_from_response(
    status: int | None,
    body: Any,
    *,
    retry_after: float | None = None,
    task_id: str | None = None,
) -> APIError:
    """Build the right :class:`APIError` subclass from an HTTP status and error body."""
    code, message = parse_error_body(body)
    trace_id = body.get("trace_id") if isinstance(body, Mapping) else None
    task_id = task_id or (body.get("task_id") if isinstance(body, Mapping) else None)
    cls = _CODES[code][1] if code in _CODES else None
    if cls is None:
        if status is not None and status >= 500:
            cls = ServerError
        else:
            cls = _BY_STATUS.get(status or 0, APIError)
    kwargs: dict[str, Any] = dict(
        status=status, code=code, trace_id=trace_id, task_id=task_id, body=body
    )
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    error = cls(message, **kwargs)
    error.retry_after = retry_after
    return error
