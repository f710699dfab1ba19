"""The client core: the sync and async drivers and every action as a method, no defaults.

``SyncBaseClient`` and ``AsyncBaseClient`` perform the steps of the programs in
``suno_nb.client_steps`` over ``suno_nb._http``; the 21 action methods come from
``suno_nb._generated``. They know neither the catalogue nor the emulator: the shells in
``suno_nb.client`` wire those defaults.

Examples:
    ```python
    from suno_nb.client_base import SyncBaseClient

    client = SyncBaseClient(base_url="https://api.acedata.cloud", token="...", observers=[rec])
    ```
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Mapping
from typing import Any, Self

from suno_nb import _http, retry
from suno_nb._generated import _AsyncEndpoints, _SyncEndpoints
from suno_nb.client_steps import (
    Core,
    Polled,
    Request,
    WaitMode,
    _Fetch,
    _Observe,
    _OpenStream,
    _Send,
    _Sleep,
    _split_call,
    _Step,
)
from suno_nb.errors import APIConnectionError, WaitInterrupted, error_from_response
from suno_nb.tasks import (
    AsyncTask,
    ProgressHook,
    Task,
    TaskBase,
    TaskObserver,
    Until,
    check_observer,
)

__all__ = ["AsyncBaseClient", "BaseClient", "SyncBaseClient"]


class BaseClient:
    """Constructor, options, downloads and repr shared by both clients; no defaults wired.

    This is the client core: give it a ``transport`` (or a real service) and the observers to
    tell. ``suno_nb.Client`` and ``suno_nb.AsyncClient`` add the defaults (the
    offline emulator without a token, the default catalogue as observer). Code that only needs
    *a* client (the catalogue's ``resume``) accepts this type.
    """

    _core: Core

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
        observers: Iterable[TaskObserver] = (),
        progress: bool | None = None,
    ) -> None:
        self._core = Core(
            token=token,
            base_url=base_url,
            transport=transport,
            timeout=timeout,
            http_timeout=http_timeout,
            max_retries=max_retries,
            poll_interval=poll_interval,
            wait_mode=wait_mode,
            observers=[check_observer(o) for o in observers],
            progress=progress,
        )
        self._download_http: Any = None

    @property
    def service(self) -> str:
        return self._core.service

    def download(self, url: str, *, attempts: int = 6) -> bytes:
        """Fetch a result file (audio, image, video) through this client's own transport.

        Emulator URLs resolve in-process, so files reach the kernel even where the browser
        cannot reach it (Binder). Final files may answer 404 for a short while after a task
        finishes, so 404, 5xx and connection errors are retried with backoff. The API token is
        never sent with a download.

        Examples:
            ```python
            data = client.download(task.clips[0].audio_url)
            ```
        """
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

        return retry.call(
            fetch,
            retry_on=retry.download_retryable,
            attempts=attempts,
            sleep=self._download_sleep,
        )

    def _download_sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    @property
    def base_url(self) -> str:
        return self._core.base_url

    def with_options(self, **options: Any) -> Any:
        """A copy with other settings (timeout, max_retries, poll_interval, wait_mode, …)
        sharing this client's connection pool.

        Examples:
            ```python
            patient = client.with_options(timeout=3600)
            ```
        """
        clone = copy.copy(self)
        clone._core = copy.copy(self._core)
        for key, value in options.items():
            if not hasattr(clone._core, key) or key.startswith("_"):
                raise TypeError(f"unknown client option {key!r}")
            if key == "observers":
                value = [check_observer(o) for o in value]
            setattr(clone._core, key, value)
        return clone

    def __repr__(self) -> str:
        # Never the token: only whether one is set.
        token = "set" if self._core._token else "none"
        return f"{type(self).__name__}(service={self.service!r}, token={token})"


class SyncBaseClient(BaseClient, _SyncEndpoints):
    """The sync driver and every action as a method, with no defaults wired (see ``Client``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._http = _http.make_sync_client(
            self._core.base_url, transport=self._core._transport, timeout=self._core.http_timeout
        )
        self._sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the driver: performs the steps of a core program ------------------------------------
    def _run(self, program: Generator[_Step, Any, Any], task: TaskBase | None = None) -> Any:
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

    def _send(self, req: Request, *, max_retries: int | None = None) -> Any:
        return self._exchange(req, max_retries)[0]

    def _exchange(self, req: Request, max_retries: int | None = None) -> tuple[Any, Any]:
        """The checked answer's body and headers, retried as the core's policy allows."""
        return retry.call(
            self._send_once,
            req,
            retry_on=lambda exc: self._core.retryable(req, exc),
            attempts=self._core.attempts(max_retries),
            sleep=self._sleep,
        )

    def _send_once(self, req: Request) -> tuple[Any, Any]:
        try:
            response = self._http.request(
                req.method,
                req.path,
                json=req.json,
                params=req.params,
                headers={**self._core._headers(stream=False), **(req.headers or {})},
            )
        except _http.TransportError as exc:
            raise self._core.transport_error(req, exc) from exc
        return self._core.check(response, self._core.decode(response)), response.headers

    def _open_stream(self, req: Request) -> Generator[str, None, None]:
        headers = self._core._headers(stream=True)
        with self._http.stream("POST", req.path, json=req.json, headers=headers) as response:
            if response.status_code >= 400:
                response.read()
                self._core.check(response, self._core.decode(response))
            yield from response.iter_lines()

    def _fetch_record(self, task_id: str) -> Polled:
        return self._core.polled(*self._exchange(self._core.tasks_request(task_id)))

    # --- public verbs ----------------------------------------------------------------------
    def audios(self, action: str = "generate", **fields: Any) -> Task:
        """Any ``/suno/audios`` action by name (also ones the schema does not know yet).

        Examples:
            ```python
            client.audios("remaster", audio_id="3f9b", model="chirp-v5")
            ```
        """
        return self._action(action, fields)

    def _action(self, action: str, values: Mapping[str, Any]) -> Task:
        fields, options = _split_call(values)
        task = Task(action=action, request=self._core.audio_body(action, fields), _client=self)
        return self._run(self._core.action_program(task, options), task)

    def _refresh(self, task: TaskBase) -> None:
        self._run(self._core.refresh_program(task), task)

    def _wait(
        self,
        task: TaskBase,
        *,
        until: Until = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
    ) -> None:
        self._run(self._core.wait_program(task, until, timeout, on_progress), task)

    def task(self, task_id: str) -> Task:
        """A handle on an existing task, refreshed once (``.wait()`` finishes it).

        Examples:
            ```python
            client.task("7c1e…").wait().clips
            ```
        """
        task = Task(action="unknown", request={}, task_id=task_id, _client=self)
        return self._run(self._core.refresh_program(task), task)

    def tasks(self, task_ids: Iterable[str]) -> list[Task]:
        """Handles on several tasks with one ``retrieve_batch`` call."""
        make = lambda: Task(action="unknown", request={}, _client=self)  # noqa: E731
        return self._run(self._core.batch_program(make, list(task_ids)))

    def _endpoint(self, name: str, values: Mapping[str, Any]) -> Any:
        return self._run(self._core.endpoint_program(name, values))


class AsyncBaseClient(BaseClient, _AsyncEndpoints):
    """The async driver and every action as a coroutine, no defaults wired (see ``AsyncClient``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._http_clients: dict[int, Any] = {}
        self._sleep: Callable[[float], Any] = asyncio.sleep

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

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _run(self, program: Generator[_Step, Any, Any], task: TaskBase | None = None) -> Any:
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

    async def _send(self, req: Request, *, max_retries: int | None = None) -> Any:
        return (await self._exchange(req, max_retries))[0]

    async def _exchange(self, req: Request, max_retries: int | None = None) -> tuple[Any, Any]:
        """The checked answer's body and headers, retried as the core's policy allows."""
        return await retry.acall(
            self._send_once,
            req,
            retry_on=lambda exc: self._core.retryable(req, exc),
            attempts=self._core.attempts(max_retries),
            sleep=self._sleep,
        )

    async def _send_once(self, req: Request) -> tuple[Any, Any]:
        try:
            response = await self._client_for_loop().request(
                req.method,
                req.path,
                json=req.json,
                params=req.params,
                headers={**self._core._headers(stream=False), **(req.headers or {})},
            )
        except _http.TransportError as exc:
            raise self._core.transport_error(req, exc) from exc
        return self._core.check(response, self._core.decode(response)), response.headers

    async def _open_stream(self, req: Request) -> AsyncGenerator[str, None]:
        headers = self._core._headers(stream=True)
        client = self._client_for_loop()
        async with client.stream("POST", req.path, json=req.json, headers=headers) as response:
            if response.status_code >= 400:
                await response.aread()
                self._core.check(response, self._core.decode(response))
            async for line in response.aiter_lines():
                yield line

    async def _fetch_record(self, task_id: str) -> Polled:
        return self._core.polled(*await self._exchange(self._core.tasks_request(task_id)))

    async def audios(self, action: str = "generate", **fields: Any) -> AsyncTask:
        """Any ``/suno/audios`` action by name."""
        return await self._action(action, fields)

    async def _action(self, action: str, values: Mapping[str, Any]) -> AsyncTask:
        fields, options = _split_call(values)
        body = self._core.audio_body(action, fields)
        task = AsyncTask(action=action, request=body, _client=self)
        return await self._run(self._core.action_program(task, options), task)

    async def _refresh(self, task: TaskBase) -> None:
        await self._run(self._core.refresh_program(task), task)

    async def _wait(
        self,
        task: TaskBase,
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
