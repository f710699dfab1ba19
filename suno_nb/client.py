"""``Client`` and ``AsyncClient``: every action and endpoint of the Suno API over one shared core.

Request building, answer parsing, retry policy and the waiting plan are written once (sans-IO);
the two clients are thin I/O shells that drive them. Per-action methods come from the schema
(``suno_nb/_generated.py``).

Example:
    >>> from suno_nb import Client
    >>> client = Client()                       # no token: the offline emulator  # doctest: +SKIP
    >>> song = client.generate("a calm lofi song about a night bus")            # doctest: +SKIP
    >>> [c.title for c in song.clips]                                            # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import random
import sys
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from suno_nb import _http, schema
from suno_nb._generated import _AsyncEndpoints, _SyncEndpoints
from suno_nb.errors import (
    APIConnectionError,
    APIError,
    GenerationTimeout,
    RateLimitError,
    ServerError,
    SubmissionUncertain,
    SunoError,
    TaskNotFound,
    ValidationError,
    WaitInterrupted,
    error_from_response,
    status_of_code,
)
from suno_nb.models import AudioResponse, TaskRecord, TaskState, parse_result

__all__ = [
    "AsyncClient",
    "AsyncTask",
    "Client",
    "Progress",
    "Task",
    "TaskObserver",
    "parse_callback",
]

DEFAULT_BASE_URL = "https://api.acedata.cloud"
EMULATOR_BASE_URL = "http://suno-emulator.invalid"
TOKEN_ENV = "ACEDATACLOUD_API_TOKEN"
BASE_URL_ENV = "ACEDATACLOUD_API_BASE_URL"
Until = Literal["complete", "stream"]
WaitMode = Literal["poll", "stream"]
_CALL_OPTIONS = ("callback_url", "wait", "until", "timeout", "on_progress", "extra", "max_retries")


@dataclass(frozen=True)
class Progress:
    """A snapshot handed to ``on_progress`` hooks while a task is waited on."""

    task_id: str | None
    action: str
    state: TaskState
    elapsed: float
    clips: list[Any]


ProgressHook = Callable[[Progress], Any]


class TaskObserver(Protocol):
    """What the catalogue (or any recorder) hears from a client. All methods are optional."""

    def task_submitting(self, action: str, request: Mapping[str, Any], service: str) -> Any: ...
    def task_submitted(self, key: Any, task: _TaskBase) -> None: ...
    def task_updated(self, task: _TaskBase) -> None: ...
    def task_submit_failed(self, key: Any, error: BaseException) -> None: ...


# ----------------------------------------------------------------------------- request specs


@dataclass
class _Req:
    method: str
    path: str
    json: dict[str, Any] | None = None
    params: dict[str, Any] | None = None
    read_only: bool = False  # safe to re-send: /suno/tasks and GETs
    stream: bool = False
    label: str = ""


# Steps a core program yields; a shell performs each one and sends the result back.
@dataclass
class _Send:
    req: _Req
    max_retries: int | None = None


@dataclass
class _Sleep:
    seconds: float


@dataclass
class _Fetch:
    task_id: str


@dataclass
class _OpenStream:
    req: _Req


@dataclass
class _NextLine:
    """Ask for the next NDJSON line; the shell answers ``None`` at the end of the stream."""


@dataclass
class _Observe:
    """Tell the observers (the catalogue) about new clips. Their work may be slow (downloads),
    so the async shell runs it in a worker thread instead of blocking the event loop."""

    task: Any


_Step = _Send | _Sleep | _Fetch | _OpenStream | _NextLine | _Observe


# ------------------------------------------------------------------------------ task handles


@dataclass
class _TaskBase:
    """What a task handle knows; the sync and async handles add the verbs."""

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


class Task(_TaskBase):
    """A submitted task (sync). ``wait()`` until done; ``clips`` once finished.

    Example:
        >>> task = client.generate("ambient drone", wait=False)   # doctest: +SKIP
        >>> task.wait().clips[0].audio_url                          # doctest: +SKIP
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


class AsyncTask(_TaskBase):
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


def parse_callback(payload: Mapping[str, Any] | str | bytes) -> AudioResponse:
    """Turn a ``callback_url`` POST body (success or error envelope) into an AudioResponse.

    Example:
        >>> r = parse_callback({"success": True, "task_id": "t1", "data": [{"id": "c1"}]})
        >>> r.task_id, [c.id for c in r.data]
        ('t1', ['c1'])
    """
    if isinstance(payload, bytes | str):
        payload = json.loads(payload)
    if not isinstance(payload, Mapping):
        raise ValueError("a callback body must be a JSON object")
    return AudioResponse.model_validate(payload)


# -------------------------------------------------------------------------------- the core


class _Core:
    """Everything the two clients share: configuration, request building, parsing, policies."""

    def __init__(
        self,
        *,
        token: str | None,
        base_url: str | None,
        transport: Any,
        timeout: float | None,
        http_timeout: float,
        max_retries: int,
        poll_interval: tuple[float, float],
        wait_mode: WaitMode,
        observers: list[TaskObserver],
        progress: bool | None,
    ) -> None:
        token = token if token is not None else os.environ.get(TOKEN_ENV) or None
        base_url = base_url or os.environ.get(BASE_URL_ENV) or None
        self._emulated = transport is None and token is None and base_url is None
        self._token = token
        self.base_url = EMULATOR_BASE_URL if self._emulated else base_url or DEFAULT_BASE_URL
        self.base_url = self.base_url.rstrip("/")
        self.timeout = timeout
        self.http_timeout = http_timeout
        self.max_retries = max_retries
        self.poll_interval = poll_interval
        self.wait_mode = wait_mode
        self.observers = observers
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

    def endpoint_request(self, name: str, values: Mapping[str, Any]) -> _Req:
        ep = schema.ENDPOINTS[name]
        fields = {k: v for k, v in values.items() if v is not None}
        problems = schema.check_endpoint(name, fields)
        if problems:
            raise ValidationError(problems, action=name)
        if ep.method == "POST":
            return _Req("POST", ep.path, json=fields, label=name)
        return _Req(ep.method, ep.path, params=fields, read_only=ep.method == "GET", label=name)

    def tasks_request(self, ids: str | list[str]) -> _Req:
        if isinstance(ids, str):
            body: dict[str, Any] = {"action": "retrieve", "id": ids}
        else:
            body = {"action": "retrieve_batch", "ids": list(ids)}
        return _Req("POST", "/suno/tasks", json=body, read_only=True, label="tasks")

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
        retry_after = _retry_after(response.headers.get("retry-after"))
        return_status = status if status >= 400 else None
        raise error_from_response(return_status, body, retry_after=retry_after)

    # --- policies ---------------------------------------------------------------------------
    @staticmethod
    def retryable(req: _Req, exc: BaseException) -> bool:
        """Reads retry on 429/5xx/connection errors; submissions only on 429."""
        if isinstance(exc, RateLimitError):
            return True  # a 429 refused the request: nothing was created
        if not req.read_only:
            return False  # paid and not idempotent: never re-send blindly
        return isinstance(exc, ServerError | APIConnectionError)

    def retrying_kwargs(self, req: _Req, max_retries: int | None) -> dict[str, Any] | None:
        """tenacity settings for the retries after a first failed attempt (None: no retry).

        The first attempt runs outside tenacity: it is the hot path of polling, and tenacity's
        per-call set-up costs more than the request on loopback.
        """
        from tenacity import retry_if_exception, stop_after_attempt

        retries = self.max_retries if max_retries is None else max_retries
        if retries <= 0:
            return None
        return {
            "stop": stop_after_attempt(retries),
            "retry": retry_if_exception(lambda exc: self.retryable(req, exc)),
            "wait": _backoff,
            "reraise": True,
        }

    def transport_error(self, req: _Req, exc: Exception, task_id: str | None = None) -> SunoError:
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

    # --- programs: the whole logic of a call, as generators of steps -----------------------
    def action_program(
        self, task: _TaskBase, options: Mapping[str, Any]
    ) -> Generator[_Step, Any, _TaskBase]:
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
                req = _Req("POST", "/suno/audios", json=body, stream=True, label=task.action)
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
                req = _Req("POST", "/suno/audios", json={**body, "async": True}, label=task.action)
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
        task: _TaskBase,
        until: Until = "complete",
        timeout: float | None = None,
        hook: ProgressHook | None = None,
    ) -> Generator[_Step, Any, _TaskBase]:
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
                record = yield _Fetch(task.task_id or "")
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
                pause = delay if timeout is None else min(delay, max(0.0, timeout - waited))
                yield _Sleep(pause)
                delay = min(hi, delay * 1.6)
        finally:
            if bar is not None:
                bar.close()
        return task

    def refresh_program(self, task: _TaskBase) -> Generator[_Step, Any, _TaskBase]:
        record = yield _Fetch(_need_id(task))
        _adopt(task, record)
        yield _Observe(task)
        return task

    def batch_program(
        self, make: Callable[[], _TaskBase], ids: list[str]
    ) -> Generator[_Step, Any, list[_TaskBase]]:
        answer = yield _Send(self.tasks_request(ids))
        return [_adopt(make(), record) for record in _items(answer)]

    def endpoint_program(self, name: str, values: Mapping[str, Any]) -> Generator[_Step, Any, Any]:
        answer = yield _Send(self.endpoint_request(name, _split_call(values)[0]))
        return _endpoint_result(name, answer)

    def notify(self, task: _TaskBase, hook: ProgressHook | None, bar: Any) -> None:
        snap = task.progress()
        if hook is not None:
            hook(snap)
        if bar is not None:
            bar.set_postfix_str(f"{snap.state}, {len(snap.clips)} clips", refresh=False)
            bar.update(0)

    def progress_bar(self, task: _TaskBase) -> Any:
        show = self.progress
        if show is None:  # auto: a status line in notebooks, silence in scripts and tests
            show = "ipykernel" in sys.modules
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
        return [
            obs.task_submitting(action, body, self.service)
            if hasattr(obs, "task_submitting")
            else None
            for obs in self.observers
        ]

    def observe(self, method: str, *args: Any) -> None:
        """Forward an event; ``task_submitted``/``task_submit_failed`` get each one's key."""
        for i, obs in enumerate(self.observers):
            fn = getattr(obs, method, None)
            if fn is None:
                continue
            if method in ("task_submitted", "task_submit_failed"):
                keys, *rest = args
                fn(keys[i], *rest)
            else:
                fn(*args)


def _finished(task: _TaskBase, until: Until) -> bool:
    state = task.state
    if state == "failed":
        task.raise_for_error()
    if state == "succeeded":
        return True
    return until == "stream" and any(c.has_preview for c in task.clips)


def _retry_after(value: str | None) -> float | None:
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


def _delay(exc: BaseException | None, failures: int) -> float:
    """``min(0.5·2ⁿ, 8)`` s with jitter after n failures, or the service's Retry-After (≤ 60 s)."""
    if isinstance(exc, RateLimitError) and exc.retry_after is not None:
        return min(exc.retry_after, 60.0)
    base = min(0.5 * 2 ** (failures - 1), 8.0)
    return base * (0.75 + random.random() * 0.5)


def _first_delay(exc: BaseException) -> float:
    return _delay(exc, 1)


def _backoff(retry_state: Any) -> float:
    """tenacity wait: the attempt before tenacity took over counts as the first failure."""
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    return _delay(exc, retry_state.attempt_number + 1)


def _split_call(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    values = {k: v for k, v in values.items() if k != "self"}
    options = {k: values.pop(k) for k in list(values) if k in _CALL_OPTIONS}
    if "callback_url" in options:
        values["callback_url"] = options.pop("callback_url")
    if "extra" in options:
        values["extra"] = options.pop("extra")
    return values, options


class _ClientBase:
    """Constructor, repr and options shared by both clients."""

    _core: _Core

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
        catalogue: Any = None,
        observer: TaskObserver | None = None,
        progress: bool | None = None,
    ) -> None:
        if catalogue is None and hasattr(observer, "to_pandas"):
            catalogue, observer = observer, None  # a Catalogue passed as observer: record once
        observers = [o for o in (_resolve_catalogue(catalogue), observer) if o is not None]
        self._core = _Core(
            token=token,
            base_url=base_url,
            transport=transport,
            timeout=timeout,
            http_timeout=http_timeout,
            max_retries=max_retries,
            poll_interval=poll_interval,
            wait_mode=wait_mode,
            observers=observers,
            progress=progress,
        )
        self._download_http: Any = None
        if self._core._emulated:
            self._core._transport = self._emulator_transport()
            _say_once(
                "suno_nb: no ACEDATACLOUD_API_TOKEN set, so this client uses the built-in "
                "offline emulator (no cost, synthetic music). Set the token to use the real "
                "service."
            )

    def _emulator_transport(self) -> Any:
        raise NotImplementedError

    @property
    def service(self) -> str:
        return self._core.service

    @property
    def catalogue(self) -> Any:
        """The catalogue this client records into (``None`` when recording is off)."""
        from_catalogue = [o for o in self._core.observers if hasattr(o, "to_pandas")]
        return from_catalogue[0] if from_catalogue else None

    def download(self, url: str, *, attempts: int = 6) -> bytes:
        """Fetch a result file (audio, image, video) through this client's own transport.

        Emulator URLs resolve in-process, so files reach the kernel even where the browser
        cannot reach it (Binder). Final files may answer 404 for a short while after a task
        finishes, so 404, 5xx and connection errors are retried with backoff. The API token is
        never sent with a download.

        Example:
            >>> data = client.download(task.clips[0].audio_url)   # doctest: +SKIP
        """
        from tenacity import Retrying, retry_if_exception, stop_after_attempt

        if self._download_http is None:
            transport = self._core._transport
            if transport is not None and not hasattr(transport, "handle_request"):
                transport = None  # an async-only fake: fetch with a plain sync client
            self._download_http = _http.make_sync_client(
                self._core.base_url, transport=transport, timeout=self._core.http_timeout
            )

        def fetch() -> bytes:
            try:
                response = self._download_http.get(url)
            except _http.TransportError as exc:
                raise APIConnectionError(f"download of {url} failed: {exc}") from exc
            if response.status_code >= 400:
                raise error_from_response(response.status_code, {"error": response.text[:200]})
            return response.content

        def retryable(exc: BaseException) -> bool:
            return isinstance(exc, ServerError | APIConnectionError | RateLimitError) or (
                isinstance(exc, APIError) and exc.status == 404
            )

        retrying = Retrying(
            stop=stop_after_attempt(attempts),
            retry=retry_if_exception(retryable),
            wait=_backoff,
            sleep=self._download_sleep,
            reraise=True,
        )
        return retrying(fetch)

    def _download_sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    @property
    def base_url(self) -> str:
        return self._core.base_url

    def with_options(self, **options: Any) -> Any:
        """A copy with other settings (timeout, max_retries, poll_interval, wait_mode, …)
        sharing this client's connection pool.

        Example:
            >>> patient = client.with_options(timeout=3600)  # doctest: +SKIP
        """
        clone = copy.copy(self)
        clone._core = copy.copy(self._core)
        for key, value in options.items():
            if not hasattr(clone._core, key) or key.startswith("_"):
                raise TypeError(f"unknown client option {key!r}")
            setattr(clone._core, key, value)
        return clone

    def __repr__(self) -> str:
        # Never the token: only whether one is set.
        token = "set" if self._core._token else "none"
        return f"{type(self).__name__}(service={self.service!r}, token={token})"


def _resolve_catalogue(catalogue: Any) -> Any:
    """``None``: the default catalogue (recording on); ``False``: off; a path or a Catalogue."""
    if catalogue is False:
        return None
    if catalogue is None or isinstance(catalogue, str | os.PathLike):
        try:
            from suno_nb import catalogue as catalogue_module
        except ModuleNotFoundError as exc:  # pragma: no cover - only while bootstrapping
            if exc.name != "suno_nb.catalogue":
                raise
            return None
        if catalogue is None:
            return catalogue_module.default_catalogue()
        return catalogue_module.Catalogue(catalogue)
    return catalogue


_SAID: set[str] = set()


def _say_once(message: str) -> None:
    if message not in _SAID:
        _SAID.add(message)
        print(message, file=sys.stderr)


# ------------------------------------------------------------------------------- sync shell


class Client(_ClientBase, _SyncEndpoints):
    """The Suno API, synchronously. Every action is a method; results are :class:`Task` s.

    With no token and no ``base_url`` it talks to the offline emulator; with
    ``ACEDATACLOUD_API_TOKEN`` set (or ``token=``) to the real service.

    Example:
        >>> client = Client()                                      # doctest: +SKIP
        >>> task = client.generate("lofi rain", wait=False)       # doctest: +SKIP
        >>> task.wait().clips                                      # doctest: +SKIP
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._http = _http.make_sync_client(
            self._core.base_url, transport=self._core._transport, timeout=self._core.http_timeout
        )
        self._sleep: Callable[[float], None] = time.sleep

    def _emulator_transport(self) -> Any:
        from suno_nb.emulator import inprocess_transport

        return inprocess_transport()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the driver: performs the steps of a core program ------------------------------------
    def _run(self, program: Generator[_Step, Any, Any], task: _TaskBase | None = None) -> Any:
        value: Any = None
        error: BaseException | None = None
        stream = None
        try:
            while True:
                try:
                    step = program.throw(error) if error else program.send(value)
                except StopIteration as stop:
                    return stop.value
                value, error = None, None
                try:
                    if isinstance(step, _Send):
                        value = self._send(step.req, max_retries=step.max_retries)
                    elif isinstance(step, _Fetch):
                        value = self._fetch_record(step.task_id)
                    elif isinstance(step, _Sleep):
                        self._sleep(step.seconds)
                    elif isinstance(step, _OpenStream):
                        stream = self._open_stream(step.req)
                    elif isinstance(step, _Observe):
                        self._core.observe("task_updated", step.task)
                    else:
                        value = next(stream, None)
                except Exception as exc:
                    error = exc
        except KeyboardInterrupt:
            raise WaitInterrupted(task.task_id if task else None) from None
        finally:
            program.close()
            if stream is not None:
                stream.close()

    def _send(self, req: _Req, *, max_retries: int | None = None) -> Any:
        try:
            return self._send_once(req)
        except SunoError as exc:
            settings = self._core.retrying_kwargs(req, max_retries)
            if settings is None or not self._core.retryable(req, exc):
                raise
            first_failure = exc
        from tenacity import Retrying

        self._sleep(_first_delay(first_failure))
        return Retrying(sleep=self._sleep, **settings)(self._send_once, req)

    def _send_once(self, req: _Req) -> Any:
        try:
            response = self._http.request(
                req.method,
                req.path,
                json=req.json,
                params=req.params,
                headers=self._core._headers(stream=False),
            )
        except _http.TransportError as exc:
            raise self._core.transport_error(req, exc) from exc
        return self._core.check(response, self._core.decode(response))

    def _open_stream(self, req: _Req) -> Generator[str, None, None]:
        headers = self._core._headers(stream=True)
        with self._http.stream("POST", req.path, json=req.json, headers=headers) as response:
            if response.status_code >= 400:
                response.read()
                self._core.check(response, self._core.decode(response))
            yield from response.iter_lines()

    def _fetch_record(self, task_id: str) -> TaskRecord:
        return _record_of(self._send(self._core.tasks_request(task_id)))

    # --- public verbs ----------------------------------------------------------------------
    def audios(self, action: str = "generate", **fields: Any) -> Task:
        """Any ``/suno/audios`` action by name (also ones the schema does not know yet).

        Example:
            >>> client.audios("remaster", audio_id="3f9b", model="chirp-v5")  # doctest: +SKIP
        """
        return self._action(action, fields)

    def _action(self, action: str, values: Mapping[str, Any]) -> Task:
        fields, options = _split_call(values)
        task = Task(action=action, request=self._core.audio_body(action, fields), _client=self)
        return self._run(self._core.action_program(task, options), task)

    def _refresh(self, task: _TaskBase) -> None:
        self._run(self._core.refresh_program(task), task)

    def _wait(
        self,
        task: _TaskBase,
        *,
        until: Until = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
    ) -> None:
        self._run(self._core.wait_program(task, until, timeout, on_progress), task)

    def task(self, task_id: str) -> Task:
        """A handle on an existing task, refreshed once (``.wait()`` finishes it).

        Example:
            >>> client.task("7c1e…").wait().clips   # doctest: +SKIP
        """
        task = Task(action="unknown", request={}, task_id=task_id, _client=self)
        return self._run(self._core.refresh_program(task), task)

    def tasks(self, task_ids: Iterable[str]) -> list[Task]:
        """Handles on several tasks with one ``retrieve_batch`` call."""
        make = lambda: Task(action="unknown", request={}, _client=self)  # noqa: E731
        return self._run(self._core.batch_program(make, list(task_ids)))

    def _endpoint(self, name: str, values: Mapping[str, Any]) -> Any:
        return self._run(self._core.endpoint_program(name, values))


# ------------------------------------------------------------------------------ async shell


class AsyncClient(_ClientBase, _AsyncEndpoints):
    """The Suno API for ``asyncio``: the same methods as :class:`Client`, awaited.

    Example:
        >>> async with AsyncClient() as client:                    # doctest: +SKIP
        ...     tasks = await asyncio.gather(*(client.generate(p) for p in prompts))
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._http_clients: dict[int, Any] = {}
        self._sleep: Callable[[float], Any] = asyncio.sleep

    def _emulator_transport(self) -> Any:
        from suno_nb.emulator import inprocess_async_transport

        return inprocess_async_transport()

    def _client_for_loop(self) -> Any:
        # An aiohttp session belongs to one event loop: keep one HTTP client per loop.
        loop = asyncio.get_running_loop()
        client = self._http_clients.get(id(loop))
        if client is None:
            client = _http.make_async_client(
                self._core.base_url,
                transport=self._core._transport,
                timeout=self._core.http_timeout,
            )
            self._http_clients[id(loop)] = client
        return client

    async def aclose(self) -> None:
        client = self._http_clients.pop(id(asyncio.get_running_loop()), None)
        if client is not None:
            await client.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _run(self, program: Generator[_Step, Any, Any], task: _TaskBase | None = None) -> Any:
        value: Any = None
        error: BaseException | None = None
        stream = None
        try:
            while True:
                try:
                    step = program.throw(error) if error else program.send(value)
                except StopIteration as stop:
                    return stop.value
                value, error = None, None
                try:
                    if isinstance(step, _Send):
                        value = await self._send(step.req, max_retries=step.max_retries)
                    elif isinstance(step, _Fetch):
                        value = await self._fetch_record(step.task_id)
                    elif isinstance(step, _Sleep):
                        await self._sleep(step.seconds)
                    elif isinstance(step, _OpenStream):
                        stream = self._open_stream(step.req)
                    elif isinstance(step, _Observe):
                        if self._core.observers:
                            await asyncio.to_thread(self._core.observe, "task_updated", step.task)
                    else:
                        value = await anext(stream, None)
                except Exception as exc:
                    error = exc
        finally:
            program.close()
            if stream is not None:
                await stream.aclose()

    async def _send(self, req: _Req, *, max_retries: int | None = None) -> Any:
        try:
            return await self._send_once(req)
        except SunoError as exc:
            settings = self._core.retrying_kwargs(req, max_retries)
            if settings is None or not self._core.retryable(req, exc):
                raise
            first_failure = exc
        from tenacity import AsyncRetrying

        await self._sleep(_first_delay(first_failure))
        return await AsyncRetrying(sleep=self._sleep, **settings)(self._send_once, req)

    async def _send_once(self, req: _Req) -> Any:
        try:
            response = await self._client_for_loop().request(
                req.method,
                req.path,
                json=req.json,
                params=req.params,
                headers=self._core._headers(stream=False),
            )
        except _http.TransportError as exc:
            raise self._core.transport_error(req, exc) from exc
        return self._core.check(response, self._core.decode(response))

    async def _open_stream(self, req: _Req) -> AsyncGenerator[str, None]:
        headers = self._core._headers(stream=True)
        client = self._client_for_loop()
        async with client.stream("POST", req.path, json=req.json, headers=headers) as response:
            if response.status_code >= 400:
                await response.aread()
                self._core.check(response, self._core.decode(response))
            async for line in response.aiter_lines():
                yield line

    async def _fetch_record(self, task_id: str) -> TaskRecord:
        return _record_of(await self._send(self._core.tasks_request(task_id)))

    async def audios(self, action: str = "generate", **fields: Any) -> AsyncTask:
        """Any ``/suno/audios`` action by name."""
        return await self._action(action, fields)

    async def _action(self, action: str, values: Mapping[str, Any]) -> AsyncTask:
        fields, options = _split_call(values)
        body = self._core.audio_body(action, fields)
        task = AsyncTask(action=action, request=body, _client=self)
        return await self._run(self._core.action_program(task, options), task)

    async def _refresh(self, task: _TaskBase) -> None:
        await self._run(self._core.refresh_program(task), task)

    async def _wait(
        self,
        task: _TaskBase,
        *,
        until: Until = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
    ) -> None:
        await self._run(self._core.wait_program(task, until, timeout, on_progress), task)

    async def task(self, task_id: str) -> AsyncTask:
        """A handle on an existing task, refreshed once."""
        task = AsyncTask(action="unknown", request={}, task_id=task_id, _client=self)
        return await self._run(self._core.refresh_program(task), task)

    async def tasks(self, task_ids: Iterable[str]) -> list[AsyncTask]:
        """Handles on several tasks with one ``retrieve_batch`` call."""
        make = lambda: AsyncTask(action="unknown", request={}, _client=self)  # noqa: E731
        return await self._run(self._core.batch_program(make, list(task_ids)))

    async def _endpoint(self, name: str, values: Mapping[str, Any]) -> Any:
        return await self._run(self._core.endpoint_program(name, values))


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


def _need_id(task: _TaskBase) -> str:
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
