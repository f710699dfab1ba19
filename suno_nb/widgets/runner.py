"""Background submission for the panels: one worker thread per run, cancel, errors in words.

:class:`Runner` is a plain object (no widgets): it submits, polls, fetches previews and reports
each step to a callback as a :class:`RunState`. The notebook stays responsive because the
waiting happens in a daemon thread; the catalogue records every step, so closing or re-running
the cell while a task runs loses nothing.

Example:
    >>> from suno_nb import Client
    >>> runner = Runner(Client, on_update=print)          # doctest: +SKIP
    >>> runner.submit("generate", {"prompt": "lofi rain"})  # doctest: +SKIP
    True
    >>> runner.submit("generate", {"prompt": "lofi rain"})  # a double click  # doctest: +SKIP
    False
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from suno_nb import errors

__all__ = ["Phase", "RunState", "Runner", "describe_error", "reachable_by_browser"]

Phase = Literal["idle", "submitting", "pending", "running", "succeeded", "failed", "cancelled"]
FINAL: frozenset[str] = frozenset({"succeeded", "failed", "cancelled"})


@dataclass(frozen=True)
class RunState:
    """What a panel shows: the phase, the task, the clips, previews and a message in words."""

    phase: Phase = "idle"
    action: str = ""
    task_id: str | None = None
    elapsed: float = 0.0
    clips: tuple[Any, ...] = ()
    previews: Mapping[str, bytes | str] = field(default_factory=dict)  # clip id → bytes or URL
    message: str = ""
    result: Any = None  # an endpoint's answer (lyrics, style, upload, …)

    @property
    def busy(self) -> bool:
        return self.phase in ("submitting", "pending", "running")

    def status_line(self) -> str:
        """``running · 12 s · task 7c1e…`` for the status bar."""
        if self.phase == "idle":
            return ""
        parts = [self.phase]
        if self.busy or self.phase == "succeeded":
            parts.append(f"{self.elapsed:.0f} s")
        if self.task_id:
            parts.append(f"task {self.task_id}")
        return " · ".join(parts)


def describe_error(exc: BaseException) -> str:
    """An error as one or two sentences a notebook user can act on (no traceback).

    Example:
        >>> from suno_nb.errors import ModerationError
        >>> error = ModerationError("artist name in prompt", status=403)
        >>> describe_error(error)  # doctest: +ELLIPSIS
        'Refused by moderation: artist name in prompt. Remove artist names from the ...'
    """
    if isinstance(exc, errors.ValidationError):
        return "Not sent: " + "; ".join(p.message for p in exc.problems) + "."
    if isinstance(exc, errors.ModerationError):
        return f"Refused by moderation: {exc.message}. {exc.hint()}"
    if isinstance(exc, errors.InsufficientBalanceError):
        return f"Not enough credit: {exc.message}. {exc.hint()}"
    if isinstance(exc, errors.RateLimitError):
        return f"Too many requests right now. {exc.hint()}"
    if isinstance(exc, errors.AuthenticationError):
        return f"The service refused the token: {exc.message}. {exc.hint()}"
    if isinstance(exc, errors.APIError):
        hint = exc.hint()
        where = f" (task {exc.task_id})" if exc.task_id else ""
        return f"The service failed{where}: {exc.message}." + (f" {hint}" if hint else "")
    if isinstance(exc, errors.SunoError | TimeoutError):
        return str(exc)
    return f"Unexpected error: {type(exc).__name__}: {exc}"


def reachable_by_browser(url: str) -> bool:
    """False for URLs only the kernel can fetch: the in-process emulator and loopback hosts.

    A browser on Binder or JupyterHub cannot reach the kernel's 127.0.0.1, so those files are
    downloaded kernel-side and sent to the page as bytes.

    Example:
        >>> reachable_by_browser("http://suno-emulator.invalid/files/x.mp3")
        False
        >>> reachable_by_browser("https://cdn1.suno.ai/x.mp3")
        True
    """
    host = (urlsplit(url).hostname or "").lower()
    return bool(host) and not (
        host.endswith(".invalid") or host in ("localhost", "127.0.0.1", "::1", "0.0.0.0")
    )


class Runner:
    """Runs one submission at a time in a worker thread and reports each step.

    ``client`` is a client or a zero-argument callable returning the current one (the studio's
    settings tab can swap it). ``on_update(state)`` is called from the worker thread.
    """

    def __init__(
        self,
        client: Any,
        *,
        on_update: Callable[[RunState], None] | None = None,
        poll_interval: tuple[float, float] = (0.25, 2.0),
        timeout: float = 1800.0,
    ) -> None:
        self._client = client
        self.on_update = on_update
        self.poll_interval = poll_interval
        self.timeout = timeout
        self.state = RunState()
        self.task: Any = None
        self.submissions = 0  # how many requests were really sent (double clicks add none)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()

    @property
    def client(self) -> Any:
        return self._client() if callable(self._client) else self._client

    @property
    def busy(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    # --- verbs ---------------------------------------------------------------------------------
    def submit(self, action: str, values: Mapping[str, Any]) -> bool:
        """Start an ``/suno/audios`` action in the background; False if one is still running."""
        return self._start(self._run_action, action, dict(values))

    def call(self, endpoint: str, values: Mapping[str, Any]) -> bool:
        """Call a sibling endpoint (lyrics, style, upload, personas…) in the background."""
        return self._start(self._run_endpoint, endpoint, dict(values))

    def cancel(self) -> None:
        """Stop waiting. The task keeps running on the service and stays in the catalogue."""
        self._cancel.set()

    def join(self, timeout: float | None = None) -> RunState:
        """Wait for the current run to end (tests and scripts); returns the last state."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                raise TimeoutError(f"the run did not finish within {timeout} s")
        return self.state

    # --- the worker -------------------------------------------------------------------------
    def _start(self, target: Callable[..., None], name: str, values: dict[str, Any]) -> bool:
        # The lock makes "check busy, then start" one step: two fast clicks start one thread.
        with self._lock:
            if self.busy:
                return False
            self._cancel = threading.Event()
            self.task = None
            self.submissions += 1
            self._emit(RunState(phase="submitting", action=name))
            self._thread = threading.Thread(
                target=self._guarded,
                args=(target, name, values, self._cancel),
                name=f"suno_nb-{name}",
                daemon=True,
            )
            self._thread.start()
            return True

    def _guarded(self, target: Callable[..., None], name: str, values: Any, cancel: Any) -> None:
        try:
            target(name, values, cancel)
        except BaseException as exc:  # never let a thread die silently: show it in the panel
            self._emit(replace(self.state, phase="failed", message=describe_error(exc)))

    def _emit(self, state: RunState) -> None:
        self.state = state
        if self.on_update is not None:
            self.on_update(state)

    def _run_endpoint(self, name: str, values: dict[str, Any], cancel: threading.Event) -> None:
        started = time.monotonic()
        try:
            result = getattr(self.client, name)(**values)
        except Exception as exc:
            self._emit(RunState("failed", name, message=describe_error(exc)))
            return
        if cancel.is_set():
            self._emit(RunState("cancelled", name, message="Stopped waiting."))
            return
        elapsed = time.monotonic() - started
        self._emit(RunState("succeeded", name, elapsed=elapsed, result=result))

    def _run_action(self, action: str, values: dict[str, Any], cancel: threading.Event) -> None:
        client = self.client
        started = time.monotonic()
        try:
            task = client.audios(action, wait=False, **values)
        except Exception as exc:
            self._emit(RunState("failed", action, message=describe_error(exc)))
            return
        self.task = task
        previews: dict[str, bytes | str] = {}
        lo, hi = self.poll_interval
        delay = lo
        while True:
            state = task.state
            self._fetch_previews(client, task, previews)
            snapshot = RunState(
                phase=state
                if state in ("pending", "running", "succeeded", "failed")
                else "pending",
                action=action,
                task_id=task.task_id,
                elapsed=time.monotonic() - started,
                clips=tuple(task.clips),
                previews=dict(previews),
            )
            if state == "succeeded":
                self._emit(snapshot)
                return
            if state == "failed":
                error = task.error()
                message = describe_error(error) if error else "The task failed."
                self._emit(replace(snapshot, message=message))
                return
            self._emit(snapshot)
            if cancel.wait(delay) or snapshot.elapsed > self.timeout:
                why = "Stopped waiting" if cancel.is_set() else "Gave up waiting"
                self._emit(
                    replace(
                        snapshot,
                        phase="cancelled",
                        message=f"{why}. Task {task.task_id} keeps running and is in the "
                        "catalogue: suno_nb.resume() picks it up later.",
                    )
                )
                return
            delay = min(hi, delay * 1.5)
            try:
                task.refresh()
            except (errors.APIConnectionError, errors.ServerError, errors.RateLimitError):
                continue  # a dropped poll is not a failed task: try again at the next tick
            except errors.SunoError as exc:
                self._emit(replace(snapshot, phase="failed", message=describe_error(exc)))
                return

    @staticmethod
    def _fetch_previews(client: Any, task: Any, previews: dict[str, bytes | str]) -> None:
        """Make each running clip's preview playable as soon as its stream URL exists."""
        for clip in task.clips:
            if clip.id in previews or not clip.has_preview:
                continue
            if reachable_by_browser(clip.audio_url):
                previews[clip.id] = clip.audio_url
                continue
            with contextlib.suppress(errors.SunoError):  # not there yet: the next poll retries
                previews[clip.id] = client.download(clip.audio_url, attempts=2)
