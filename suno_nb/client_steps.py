"""The client's sans-IO core: request building, answer parsing, policies and call programs.

A call (submit, wait, refresh, an endpoint) is written once, as a generator of steps; the sync
and async drivers in ``suno_nb.client_base`` perform the steps. Nothing here does I/O or
knows the catalogue or the emulator.

Examples:
    >>> core = Core(token="sk-test", base_url="https://api.test")
    >>> core.audio_body("generate", {"prompt": "a calm song"})["action"]
    'generate'
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from suno_nb import _http, retry, schema
from suno_nb.errors import (
    APIConnectionError,
    APIError,
    GenerationTimeout,
    RateLimitError,
    SubmissionUncertain,
    SunoError,
    TaskNotFound,
    ValidationError,
    error_from_response,
    status_of_code,
)
from suno_nb.models import TaskRecord, parse_result
from suno_nb.tasks import ProgressHook, TaskBase, TaskObserver, Until, hears_writes

__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "EMULATOR_BASE_URL",
    "IDEMPOTENCY_HEADER",
    "MIN_POLL_PAUSE",
    "TOKEN_ENV",
    "Core",
    "Polled",
    "Request",
    "resolve_service",
]

DEFAULT_BASE_URL = "https://api.acedata.cloud"
EMULATOR_BASE_URL = "http://suno-emulator.invalid"
TOKEN_ENV = "ACEDATACLOUD_API_TOKEN"
BASE_URL_ENV = "ACEDATACLOUD_API_BASE_URL"
WaitMode = Literal["poll", "stream"]
_CALL_OPTIONS = ("callback_url", "wait", "until", "timeout", "on_progress", "extra", "max_retries")


IDEMPOTENCY_HEADER = "Idempotency-Key"
"""The header a de-duplicated write's key travels in (the Studio projects guide)."""

MIN_POLL_PAUSE = 0.02
"""The shortest pause between two polls a service's hint can ask for, in seconds."""


def _emulator_url(base_url: str) -> bool:
    """The in-process emulator's URL, or a loopback one (where ``suno-nb emulator`` runs)."""
    if base_url == EMULATOR_BASE_URL:
        return True
    from urllib.parse import urlsplit

    host = urlsplit(base_url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


def resolve_service(token: str | None, base_url: str | None) -> tuple[str | None, str | None]:
    """The token and base URL to use: the arguments, else the environment, else ``None``."""
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    base_url = base_url or os.environ.get(BASE_URL_ENV) or None
    return token, base_url


# ----------------------------------------------------------------------------- request specs


@dataclass
class Request:
    method: str
    path: str
    json: dict[str, Any] | None = None
    params: dict[str, Any] | None = None
    read_only: bool = False  # safe to re-send: /suno/tasks and GETs
    stream: bool = False
    label: str = ""
    headers: dict[str, str] | None = None  # on top of the client's own (Idempotency-Key)


# Steps a core program yields; a shell performs each one and sends the result back.
@dataclass
class _Send:
    req: Request
    max_retries: int | None = None


@dataclass
class _Sleep:
    seconds: float


@dataclass
class _Fetch:
    """Read a task's record; the shell answers with a :class:`Polled`."""

    task_id: str


@dataclass
class Polled:
    """A task's record, and the service's ``Retry-After`` hint of when to look again."""

    record: TaskRecord
    retry_after: float | None = None


@dataclass
class _OpenStream:
    req: Request


@dataclass
class _NextLine:
    """Ask for the next NDJSON line; the shell answers ``None`` at the end of the stream."""


@dataclass
class _Observe:
    """Tell the observers (the catalogue) about new clips. Their work may be slow (downloads),
    so the async shell runs it in a worker thread instead of blocking the event loop."""

    task: Any


_Step = _Send | _Sleep | _Fetch | _OpenStream | _NextLine | _Observe


# -------------------------------------------------------------------------------- the core


class Core:
    """Everything the two clients share: configuration, request building, parsing, policies.

    Sans-IO: a program yields steps (send this, sleep that long, tell the observers) and a
    driver in ``suno_nb.client_base`` performs them.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        base_url: str | None = None,
        transport: Any = None,
        timeout: float | None = 900.0,
        http_timeout: float = 60.0,
        max_retries: int = 4,
        poll_interval: tuple[float, float] = (0.5, 4.0),
        wait_mode: WaitMode = "poll",
        observers: list[TaskObserver] | None = None,
        progress: bool | None = None,
        poll_hints: bool | None = None,
    ) -> None:
        token, base_url = resolve_service(token, base_url)
        self._token = token
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self._emulated = self.base_url == EMULATOR_BASE_URL
        # The emulator (in-process or on loopback) says when a task changes next; the real
        # service is polled on the documented schedule.
        self.poll_hints = _emulator_url(self.base_url) if poll_hints is None else poll_hints
        self.timeout = timeout
        self.http_timeout = http_timeout
        self.max_retries = max_retries
        self.poll_interval = poll_interval
        self.wait_mode = wait_mode
        self.observers = list(observers or [])
        self.progress = progress
        self._transport = transport

    # --- identity -----------------------------------------------------------------------
    @property
    def service(self) -> str:
        """``emulator`` for the offline emulator, else the base URL's host."""
        if self._emulated:
            return "emulator"
        from urllib.parse import urlsplit

        return urlsplit(self.base_url).netloc or self.base_url

    def _headers(self, *, stream: bool) -> dict[str, str]:
        headers = {
            "accept": "application/x-ndjson" if stream else "application/json",
            "content-type": "application/json",
            "user-agent": "suno_nb/0.1",
        }
        if self._token:
            headers["authorization"] = f"Bearer {self._token}"
        return headers

    # --- building requests -----------------------------------------------------------------
    def audio_body(self, action: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """Validate an action's fields and return the body to send (only what was given)."""
        values = dict(values)
        extra = values.pop("extra", None) or {}
        callback_url = values.pop("callback_url", None)
        body = {k: v for k, v in values.items() if v is not None}
        body["action"] = action
        if callback_url is not None:
            body["callback_url"] = callback_url
        problems = schema.check_request({**body, **extra}, extra_ok=tuple(extra))
        if problems:
            raise ValidationError(problems, action=action)
        body = schema.normalise_request(body)
        spec = schema.ACTIONS.get(action)
        if spec is not None:
            for name, value in spec.fixed.items():
                body.setdefault(name, value)
        body.update(extra)
        return body

    def endpoint_request(self, name: str, values: Mapping[str, Any]) -> Request:
        ep = schema.ENDPOINTS[name]
        # One key per logical write, made before sending: every retry of this request reuses it.
        fields = schema.with_idempotency_key(
            name, {k: v for k, v in values.items() if v is not None}
        )
        problems = schema.check_endpoint(name, fields)
        if problems:
            raise ValidationError(problems, action=name)
        if ep.method == "POST":
            # /suno/tasks only reads (the listing): safe to re-send on 5xx like any read.
            read_only = ep.path == "/suno/tasks"
            # The guides send a write's key as the Idempotency-Key header, not in the body.
            key = fields.pop("idempotency_key", None) if ep.idempotent else None
            body = {**ep.fixed, **fields}
            headers = {IDEMPOTENCY_HEADER: key} if key else None
            return Request(
                "POST", ep.path, json=body, read_only=read_only, label=name, headers=headers
            )
        return Request(ep.method, ep.path, params=fields, read_only=ep.method == "GET", label=name)

    def tasks_request(self, ids: str | list[str]) -> Request:
        if isinstance(ids, str):
            body: dict[str, Any] = {"action": "retrieve", "id": ids}
        else:
            body = {"action": "retrieve_batch", "ids": list(ids)}
        return Request("POST", "/suno/tasks", json=body, read_only=True, label="tasks")

    # --- parsing answers --------------------------------------------------------------------
    @staticmethod
    def decode(response: Any) -> Any:
        text = response.text
        if not text.strip():
            return {}
        try:
            return json.loads(text)
        except ValueError:
            if response.status_code >= 400:
                return text
            raise APIError(
                f"the service answered {response.status_code} with a body that is not JSON: "
                f"{text[:200]!r}",
                status=response.status_code,
            ) from None

    def check(self, response: Any, body: Any) -> Any:
        """Raise the typed error for an error answer; return the body otherwise."""
        status = response.status_code
        failed = status >= 400 or (isinstance(body, Mapping) and body.get("success") is False)
        if not failed:
            return body
        retry_after = retry.parse_retry_after(response.headers.get("retry-after"))
        return_status = status if status >= 400 else None
        raise error_from_response(return_status, body, retry_after=retry_after)

    @staticmethod
    def polled(body: Any, headers: Any) -> Polled:
        """A ``/suno/tasks`` answer as a record and its ``Retry-After`` hint (if any)."""
        hint = retry.parse_retry_after(headers.get("retry-after")) if headers else None
        return Polled(_record_of(body), hint)

    # --- policies ---------------------------------------------------------------------------
    @staticmethod
    def retryable(req: Request, exc: BaseException) -> bool:
        """Reads and keyed writes retry on every transient failure; other submissions on 429 only.

        A write with an ``Idempotency-Key`` is safe to re-send: the service answers the same
        key and request with its first answer and never charges twice (Studio projects guide).
        """
        if isinstance(exc, RateLimitError):
            return True  # a 429 refused the request: nothing was created
        if not req.read_only and IDEMPOTENCY_HEADER not in (req.headers or {}):
            return False  # paid and not idempotent: never re-send blindly
        return retry.transient(exc)

    def attempts(self, max_retries: int | None) -> int:
        """How many times a request may be tried in all (the first try and its retries)."""
        retries = self.max_retries if max_retries is None else max_retries
        return 1 + max(0, retries)

    def transport_error(
        self, req: Request, exc: Exception, task_id: str | None = None
    ) -> SunoError:
        """Map a transport failure: reads may retry; a submission's fate is unknown."""
        what = f"{req.method} {req.path}"
        if req.read_only:
            return APIConnectionError(f"{what} failed: {type(exc).__name__}: {exc}")
        if isinstance(exc, _http.ConnectError) and not isinstance(exc, _http.ConnectTimeout):
            return APIConnectionError(
                f"could not connect to {self.base_url} ({exc}); nothing was sent"
            )
        return SubmissionUncertain(
            f"{what} failed after it was sent: {type(exc).__name__}: {exc}",
            action=req.label,
            task_id=task_id,
        )

    def poll_pause(self, scheduled: float, hint: float | None) -> float:
        """Seconds to wait before the next poll of an unfinished task.

        One policy: the schedule (``poll_interval``: the first pause, growing 1.6× a poll up to
        the longest), unless ``poll_hints`` is on and the answer carried a ``Retry-After``:
        then that hint, kept between :data:`MIN_POLL_PAUSE` and the longest pause. Hints are
        on for the emulator (in-process or a loopback URL), which knows each task's timing.

        Examples:
            >>> core = Core(base_url=EMULATOR_BASE_URL)
            >>> core.poll_pause(0.5, 0.41), core.poll_pause(0.5, None), core.poll_pause(0.5, 60)
            (0.41, 0.5, 4.0)
            >>> Core(base_url="https://api.acedata.cloud").poll_pause(0.5, 0.41)
            0.5
        """
        if hint is None or not self.poll_hints:
            return scheduled
        return min(self.poll_interval[1], max(MIN_POLL_PAUSE, hint))

    # --- programs: the whole logic of a call, as generators of steps -----------------------
    def action_program(
        self, task: TaskBase, options: Mapping[str, Any]
    ) -> Generator[_Step, Any, TaskBase]:
        """Submit an action, record it, and wait as asked. Performs no I/O itself."""
        body = task.request
        wait = options.get("wait", True)
        until = options.get("until", "complete")
        hook = options.get("on_progress")
        stream = self.wait_mode == "stream" and wait and "callback_url" not in body
        key = self.observe_submitting(task.action, body)
        announced = False
        try:
            if stream:
                req = Request("POST", "/suno/audios", json=body, stream=True, label=task.action)
                try:
                    yield _OpenStream(req)
                    while (line := (yield _NextLine())) is not None:
                        if not line.strip():
                            continue
                        snap = json.loads(line)
                        if snap.get("success") is False:
                            self.check(_StreamStatus(snap), snap)
                        task._apply(response=snap)
                        if task.task_id and not announced:
                            announced = True
                            self.observe("task_submitted", key, task)
                        self.notify(task, hook, None)
                        yield _Observe(task)
                        if _finished(task, until):
                            return task
                except _http.TransportError as exc:
                    if not task.task_id:
                        raise self.transport_error(req, exc) from exc
                    # The stream dropped after the task existed: poll the rest below.
            else:
                req = Request(
                    "POST", "/suno/audios", json={**body, "async": True}, label=task.action
                )
                answer = yield _Send(req, options.get("max_retries"))
                task.task_id = _task_id_of(answer, task.action)
                task.trace_id = answer.get("trace_id")
                if answer.get("data"):
                    task._apply(response=answer)
        except BaseException as exc:
            if not announced:
                self.observe("task_submit_failed", key, exc)
            raise
        if not announced:
            self.observe("task_submitted", key, task)
        if wait:
            yield from self.wait_program(task, until, options.get("timeout"), hook)
        return task

    def wait_program(
        self,
        task: TaskBase,
        until: Until = "complete",
        timeout: float | None = None,
        hook: ProgressHook | None = None,
    ) -> Generator[_Step, Any, TaskBase]:
        """Poll ``/suno/tasks`` until the task is finished, failed or past its deadline."""
        _need_id(task)
        timeout = self.timeout if timeout is None else timeout
        start = time.monotonic()
        lo, hi = self.poll_interval
        delay = lo
        not_found_grace = max(10.0, 4 * hi)
        bar = self.progress_bar(task)
        try:
            while not _finished(task, until):
                polled = yield _Fetch(task.task_id or "")
                record = polled.record
                if record.state == "not_found":
                    if time.monotonic() - start > not_found_grace:
                        raise TaskNotFound(
                            f"/suno/tasks does not know task {task.task_id}",
                            task_id=task.task_id,
                        )
                else:
                    before = task.state, len(task.clips)
                    task._apply(record=record)
                    if (task.state, len(task.clips)) != before or hook is not None:
                        self.notify(task, hook, bar)
                        yield _Observe(task)
                if _finished(task, until):
                    break
                waited = time.monotonic() - start
                if timeout is not None and waited >= timeout:
                    raise GenerationTimeout(task.task_id or "?", waited, task.state)
                pause = self.poll_pause(delay, polled.retry_after)
                if timeout is not None:
                    pause = min(pause, max(0.0, timeout - waited))
                yield _Sleep(pause)
                delay = min(hi, delay * 1.6)
        finally:
            if bar is not None:
                bar.close()
        return task

    def refresh_program(self, task: TaskBase) -> Generator[_Step, Any, TaskBase]:
        polled = yield _Fetch(_need_id(task))
        _adopt(task, polled.record)
        yield _Observe(task)
        return task

    def batch_program(
        self, make: Callable[[], TaskBase], ids: list[str]
    ) -> Generator[_Step, Any, list[TaskBase]]:
        answer = yield _Send(self.tasks_request(ids))
        return [_adopt(make(), record) for record in _items(answer)]

    def endpoint_program(self, name: str, values: Mapping[str, Any]) -> Generator[_Step, Any, Any]:
        """Send an endpoint call; a keyed write is told to the observers before it goes out
        (``write_sending``: the catalogue records its key) and after (``write_answered``)."""
        req = self.endpoint_request(name, _split_call(values)[0])
        key = (req.headers or {}).get(IDEMPOTENCY_HEADER)
        tokens = self.observe_write_sending(name, req, key) if key else None
        try:
            answer = yield _Send(req)
            if _accepted_only(name, answer):
                # An asynchronous endpoint (an enhanced upload) answers with its task id alone:
                # the result comes from /suno/tasks, polled as a song's task is.
                task = TaskBase(action=name, request={}, task_id=answer["task_id"])
                task.trace_id = answer.get("trace_id")
                yield from self.wait_program(task)
                data = task.record.endpoint_data if task.record is not None else None
                answer = {"task_id": task.task_id, "trace_id": task.trace_id, "data": data}
            result = _endpoint_result(name, answer)
        except BaseException as exc:
            if tokens is not None:
                self.observe_write_answered(tokens, None, exc)
            raise
        if tokens is not None:
            self.observe_write_answered(tokens, result, None)
        return result

    def notify(self, task: TaskBase, hook: ProgressHook | None, bar: Any) -> None:
        snap = task.progress()
        if hook is not None:
            hook(snap)
        if bar is not None:
            bar.set_postfix_str(f"{snap.state}, {len(snap.clips)} clips", refresh=False)
            bar.update(0)

    def progress_bar(self, task: TaskBase) -> Any:
        show = self.progress
        if show is None:  # auto: a status line in notebooks, silence in scripts and tests
            from suno_nb.frontend import detect_frontend

            # Not in Voilà: a bar that closes before the page draws it shows there as
            # "Error displaying widget: model not found".
            show = detect_frontend() not in ("terminal", "voila")
        if not show:
            return None
        from tqdm.auto import tqdm

        return tqdm(
            total=None,
            desc=f"{task.action} {task.task_id or ''}".strip(),
            bar_format="{desc}: {postfix} [{elapsed}]",
            leave=False,
        )

    def observe_submitting(self, action: str, body: Mapping[str, Any]) -> list[Any]:
        """Tell every observer a submission is about to go out; returns their keys."""
        return [obs.task_submitting(action, body, self.service) for obs in self.observers]

    def observe_write_sending(self, name: str, req: Request, key: str) -> list[tuple[Any, Any]]:
        """Tell the observers that hear writes (``WriteObserver``) a keyed write is about to go
        out; returns ``(observer, token)`` pairs. An observer that raises stops the write."""
        body = req.json if req.json is not None else dict(req.params or {})
        tokens: list[tuple[Any, Any]] = []
        for obs in self.observers:
            if not hears_writes(obs):
                continue
            try:
                tokens.append((obs, obs.write_sending(name, body, key, self.service)))
            except BaseException as exc:
                # Nothing goes out: the observers told already record a write never sent.
                never_sent = APIConnectionError(f"{name} was not sent: {exc}")
                self.observe_write_answered(tokens, None, never_sent)
                raise
        return tokens

    @staticmethod
    def observe_write_answered(
        tokens: list[tuple[Any, Any]], result: Any, error: BaseException | None
    ) -> None:
        for obs, token in tokens:
            obs.write_answered(token, result, error)

    def observe(self, method: str, *args: Any) -> None:
        """Forward an event; ``task_submitted``/``task_submit_failed`` get each one's key."""
        for i, obs in enumerate(self.observers):
            fn = getattr(obs, method)
            if method in ("task_submitted", "task_submit_failed"):
                keys, *rest = args
                fn(keys[i], *rest)
            else:
                fn(*args)


def _finished(task: TaskBase, until: Until) -> bool:
    state = task.state
    if state == "failed":
        task.raise_for_error()
    if state == "succeeded":
        return True
    return until == "stream" and any(c.has_preview for c in task.clips)


def _split_call(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    values = {k: v for k, v in values.items() if k != "self"}
    given = values.pop("options", None)  # a generated method's **options
    if isinstance(given, Mapping):
        unknown = sorted(set(given) - set(_CALL_OPTIONS))
        if unknown:
            raise TypeError(
                f"unexpected keyword argument {', '.join(map(repr, unknown))}: it is neither a "
                f"field of this action nor a call option ({', '.join(_CALL_OPTIONS)}); send "
                "fields the schema does not know with extra={...}"
            )
        values.update(given)
    options = {k: values.pop(k) for k in list(values) if k in _CALL_OPTIONS}
    if "callback_url" in options:
        values["callback_url"] = options.pop("callback_url")
    if "extra" in options:
        values["extra"] = options.pop("extra")
    return values, options


# ----------------------------------------------------------------------------- small helpers


class _StreamStatus:
    """Lets a streamed error line go through the same check as an HTTP error answer."""

    def __init__(self, body: Mapping[str, Any]) -> None:
        code = body.get("error", {}).get("code") if isinstance(body.get("error"), dict) else None
        self.status_code = status_of_code(code) or 500
        self.headers: dict[str, str] = {}


def _task_id_of(answer: Any, action: str) -> str:
    if isinstance(answer, Mapping) and answer.get("task_id"):
        return str(answer["task_id"])
    raise APIError(
        f"the service accepted the {action} but sent no task_id: {str(answer)[:200]}",
        trace_id=answer.get("trace_id") if isinstance(answer, Mapping) else None,
    )


def _need_id(task: TaskBase) -> str:
    if not task.task_id:
        raise SunoError("this task has no task_id yet, so it cannot be looked up")
    return task.task_id


def _record_of(answer: Any) -> TaskRecord:
    return TaskRecord.model_validate(answer if isinstance(answer, Mapping) else {})


def _items(answer: Any) -> list[TaskRecord]:
    raw = answer.get("items", []) if isinstance(answer, Mapping) else answer or []
    return [TaskRecord.model_validate(r) for r in raw]


def _adopt(task: Any, record: TaskRecord) -> Any:
    if record.state == "not_found":
        raise TaskNotFound(f"/suno/tasks does not know task {task.task_id}", task_id=task.task_id)
    task.task_id = record.id or task.task_id
    if record.request:
        task.action = record.request.get("action", task.action)
        task.request = dict(record.request)
    if record.created_at:
        task.submitted_at = record.created_at
    task._apply(record=record)
    return task


_ACCEPTED_KEYS = frozenset({"success", "task_id", "trace_id"})


def _accepted_only(name: str, answer: Any) -> bool:
    """A pollable endpoint's answer that is only a task id, nothing else (an answer with more,
    such as a custom model's ``id`` and ``status``, is the result itself)."""
    return (
        schema.ENDPOINTS[name].pollable
        and isinstance(answer, Mapping)
        and bool(answer.get("task_id"))
        and set(answer) <= _ACCEPTED_KEYS
        and answer.get("success") is not False
    )


def _endpoint_result(name: str, answer: Any) -> Any:
    ep = schema.ENDPOINTS[name]
    if not isinstance(answer, Mapping):
        answer = {"data": answer}
    data = answer.get("data", answer if "data" not in answer else None)
    if ep.result == "DeleteResult" and "data" not in answer:
        data = {"success": answer.get("success", True)}
    return parse_result(
        ep.result, data, task_id=answer.get("task_id"), trace_id=answer.get("trace_id")
    )
