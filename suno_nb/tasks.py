"""Task handles and what observers hear: ``Task``, ``AsyncTask``, ``Progress``, ``TaskObserver``.

This module sits below the client (which makes the handles) and the catalogue (which observes
them); it imports only errors and models.

Examples:
    ```python
    task = client.generate("ambient drone", wait=False)   # a Task
    task.wait().clips[0].audio_url
    ```
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from suno_nb.errors import APIError, error_from_response, status_of_code
from suno_nb.models import AudioResponse, TaskRecord, TaskState

__all__ = [
    "AsyncTask",
    "Progress",
    "ProgressHook",
    "QuietObserver",
    "Task",
    "TaskBase",
    "TaskObserver",
    "Until",
    "WriteObserver",
    "check_observer",
    "hears_writes",
]

Until = Literal["complete", "stream"]


@dataclass(frozen=True)
class Progress:
    """A snapshot handed to ``on_progress`` hooks while a task is waited on."""

    task_id: str | None
    action: str
    state: TaskState
    elapsed: float
    clips: list[Any]


ProgressHook = Callable[[Progress], Any]


@runtime_checkable
class TaskObserver(Protocol):
    """What the catalogue (or any recorder) hears from a client: all four events.

    ``task_submitting`` runs before a paid request goes out and returns a key; the same key comes
    back with ``task_submitted`` (the task has an id) or ``task_submit_failed``. ``task_updated``
    follows every change of state or clips. A client accepts any object with these four methods
    (``isinstance(obj, TaskObserver)``); subclass ``QuietObserver`` to implement only some.
    Keyed endpoint writes (projects, custom models) have two optional hooks of their own, see
    :class:`WriteObserver`.

    Examples:
        ```python
        class Printer(QuietObserver):
            def task_updated(self, task):
                print(task.task_id, task.state)

        client = Client(observer=Printer())
        ```
    """

    def task_submitting(self, action: str, request: Mapping[str, Any], service: str) -> Any: ...
    def task_submitted(self, key: Any, task: TaskBase) -> None: ...
    def task_updated(self, task: TaskBase) -> None: ...
    def task_submit_failed(self, key: Any, error: BaseException) -> None: ...


@runtime_checkable
class WriteObserver(Protocol):
    """What a recorder hears about a keyed endpoint write (a Studio project or custom model).

    ``write_sending`` runs before the write goes out, with the endpoint's name, the body (never
    a header, so never the token), its idempotency key and the service; it returns a token that
    comes back with ``write_answered`` and the parsed answer, or the error (``result`` is then
    ``None``). These hooks are optional: an observer with only the four ``TaskObserver``
    methods is told nothing about writes.

    Examples:
        ```python
        class Keys(QuietObserver):
            def write_sending(self, name, body, key, service):
                print(name, key)
        ```
    """

    def write_sending(self, name: str, body: Mapping[str, Any], key: str, service: str) -> Any: ...
    def write_answered(
        self, token: Any, result: Any = None, error: BaseException | None = None
    ) -> None: ...


def hears_writes(observer: Any) -> bool:
    """Whether ``observer`` has the two optional :class:`WriteObserver` hooks."""
    return isinstance(observer, WriteObserver)


class QuietObserver:
    """A ``TaskObserver`` (and ``WriteObserver``) that ignores every event: subclass it and
    override what you need."""

    def task_submitting(self, action: str, request: Mapping[str, Any], service: str) -> Any:
        return None

    def task_submitted(self, key: Any, task: TaskBase) -> None:
        return None

    def task_updated(self, task: TaskBase) -> None:
        return None

    def task_submit_failed(self, key: Any, error: BaseException) -> None:
        return None

    def write_sending(self, name: str, body: Mapping[str, Any], key: str, service: str) -> Any:
        return None

    def write_answered(
        self, token: Any, result: Any = None, error: BaseException | None = None
    ) -> None:
        return None


def check_observer(observer: Any) -> TaskObserver:
    """Return ``observer`` if it has the four ``TaskObserver`` methods, else say which lack."""
    if isinstance(observer, TaskObserver):
        return observer
    names = ("task_submitting", "task_submitted", "task_updated", "task_submit_failed")
    missing = [n for n in names if not callable(getattr(observer, n, None))]
    raise TypeError(
        f"observer {type(observer).__name__} lacks {', '.join(missing)}: an observer needs all "
        "four TaskObserver methods (subclass suno_nb.tasks.QuietObserver to get no-op defaults)"
    )


@dataclass
class TaskBase:
    """What a task handle knows; the sync and async handles add the verbs.

    ``_client`` is the client that made the handle: ``refresh``/``wait`` call its ``_refresh``
    and ``_wait``, so this module needs no client import.
    """

    action: str
    request: dict[str, Any]
    task_id: str | None = None
    trace_id: str | None = None
    response: AudioResponse | None = None
    record: TaskRecord | None = None
    submitted_at: float = field(default_factory=time.time)
    _client: Any = field(default=None, repr=False, compare=False)

    @property
    def state(self) -> TaskState:
        """``pending``, ``running``, ``succeeded`` or ``failed`` (``not_found`` if unknown)."""
        if self.record is not None and self.record.state != "not_found":
            return self.record.state
        if self.response is not None:
            probe = TaskRecord(id=self.task_id or "?", response=self.response)
            return probe.state
        return "pending" if self.record is None else "not_found"

    @property
    def done(self) -> bool:
        return self.state == "succeeded"

    @property
    def failed(self) -> bool:
        return self.state == "failed"

    @property
    def clips(self) -> list[Any]:
        """The clips known so far (final only once ``done``)."""
        return self.response.data if self.response else []

    @property
    def elapsed(self) -> float:
        if self.record and self.record.elapsed is not None:
            return self.record.elapsed
        return time.time() - self.submitted_at

    def error(self) -> APIError | None:
        """The typed error of a failed task, or ``None``."""
        if not self.failed or self.response is None:
            return None
        code, message = self.response.error_parts()
        status = status_of_code(code)
        return error_from_response(
            status,
            {"error": {"code": code, "message": message}, "trace_id": self.trace_id},
            task_id=self.task_id,
        )

    def raise_for_error(self) -> None:
        """Raise the typed error of a failed task (ModerationError, ServerError, …)."""
        err = self.error()
        if err is not None:
            raise err

    def _apply(self, record: TaskRecord | None = None, response: Any = None) -> None:
        if record is not None:
            self.record = record
            if record.response is not None:
                self.response = record.response
            self.trace_id = record.trace_id or self.trace_id
        if response is not None:
            self.response = (
                response
                if isinstance(response, AudioResponse)
                else AudioResponse.model_validate(response)
            )
            self.task_id = self.response.task_id or self.task_id
            self.trace_id = self.response.trace_id or self.trace_id

    def progress(self) -> Progress:
        return Progress(self.task_id, self.action, self.state, self.elapsed, list(self.clips))

    def __repr__(self) -> str:
        kind = type(self).__name__
        n = len(self.clips)
        return f"{kind}({self.action}, task_id={self.task_id!r}, state={self.state}, clips={n})"

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(c.title or '')}</td><td>{escape(str(c.state))}</td>"
            f"<td>{'' if c.duration is None else f'{c.duration:.1f} s'}</td>"
            f"<td><code>{escape(c.id)}</code></td></tr>"
            for c in self.clips
        )
        head = (
            f"<b>{escape(self.action)}</b> task <code>{escape(str(self.task_id))}</code>"
            f" — {escape(self.state)}"
        )
        return (
            f"<div>{head}<table><tr><th>title</th><th>state</th><th>duration</th>"
            f"<th>id</th></tr>{rows}</table></div>"
        )


class Task(TaskBase):
    """A submitted task (sync). ``wait()`` until done; ``clips`` once finished.

    Examples:
        ```python
        task = client.generate("ambient drone", wait=False)
        task.wait().clips[0].audio_url
        ```
    """

    def refresh(self) -> Task:
        """Fetch the task's record once."""
        self._client._refresh(self)
        return self

    def wait(
        self,
        *,
        until: Until = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
    ) -> Task:
        """Wait until the task succeeds (or a preview exists with ``until="stream"``)."""
        self._client._wait(self, until=until, timeout=timeout, on_progress=on_progress)
        return self


class AsyncTask(TaskBase):
    """A submitted task (async). ``await task.wait()``."""

    async def refresh(self) -> AsyncTask:
        await self._client._refresh(self)
        return self

    async def wait(
        self,
        *,
        until: Until = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
    ) -> AsyncTask:
        await self._client._wait(self, until=until, timeout=timeout, on_progress=on_progress)
        return self
