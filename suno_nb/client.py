"""``Client`` and ``AsyncClient``: the Suno API with the defaults a notebook wants.

Both are thin shells over the client core (``suno_nb.client_base``): they wire the offline
emulator as the transport when there is no token, and the default catalogue as the observer
that records every task. Every action and endpoint is a method (see the API reference).

Examples:
    ```python
    from suno_nb import Client

    client = Client()                       # no token: the offline emulator
    song = client.generate("a calm lofi song about a night bus")
    [c.title for c in song.clips]
    ```
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from suno_nb.callbacks import parse_callback
from suno_nb.client_base import AsyncBaseClient, BaseClient, SyncBaseClient
from suno_nb.client_steps import (
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    EMULATOR_BASE_URL,
    TOKEN_ENV,
    WaitMode,
    resolve_service,
)
from suno_nb.tasks import AsyncTask, Progress, ProgressHook, Task, TaskObserver

if TYPE_CHECKING:
    from suno_nb.catalogue import Catalogue, ResumeReport

__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "EMULATOR_BASE_URL",
    "TOKEN_ENV",
    "AsyncClient",
    "AsyncTask",
    "BaseClient",
    "Client",
    "Progress",
    "ProgressHook",
    "Task",
    "TaskObserver",
    "parse_callback",
    "resume",
]


def _defaults(
    token: str | None,
    base_url: str | None,
    transport: Any,
    catalogue: Catalogue | str | os.PathLike[str] | bool | None,
    observer: TaskObserver | None,
    emulator_transport: Any,
) -> dict[str, Any]:
    """The core's arguments with the shell's defaults filled in."""
    recorder = None
    if catalogue is not False:
        from suno_nb.catalogue import Catalogue, default_catalogue

        if catalogue is None and isinstance(observer, Catalogue):
            catalogue, observer = observer, None  # a Catalogue passed as observer: record once
        if catalogue is None or catalogue is True:
            recorder = default_catalogue()
        elif isinstance(catalogue, str | os.PathLike):
            recorder = Catalogue(catalogue)
        else:
            recorder = catalogue
    token, base_url = resolve_service(token, base_url)
    if transport is None and token is None and base_url in (None, EMULATOR_BASE_URL):
        transport, base_url = emulator_transport(), EMULATOR_BASE_URL
        _say_once(
            "suno_nb: no ACEDATACLOUD_API_TOKEN set, so this client uses the built-in "
            "offline emulator (no cost, synthetic music). Set the token to use the real "
            "service."
        )
    return {
        "token": token,
        "base_url": base_url,
        "transport": transport,
        "observers": [o for o in (recorder, observer) if o is not None],
    }


class Client(SyncBaseClient):
    """The Suno API, synchronously. Every action is a method returning a `Task`.

    With no token and no `base_url` it talks to the offline emulator; with
    `ACEDATACLOUD_API_TOKEN` set (or `token=`) to the real service. Every task is recorded in
    the default catalogue unless `catalogue=False` (or another catalogue or folder is given).

    Args:
        token: The Ace Data Cloud API token; defaults to `ACEDATACLOUD_API_TOKEN`.
        base_url: The service; defaults to `ACEDATACLOUD_API_BASE_URL`, else the real service
            when a token is set, else the offline emulator.
        transport: An httpx2 transport to talk through (the emulator, a test fake).
        timeout: Seconds a call waits for its task to finish (`None`: no limit).
        http_timeout: Seconds one HTTP request may take.
        max_retries: Retries of a failed request (reads on 408/409/429/5xx and lost
            connections; paid submissions on 429 only).
        poll_interval: The first and the longest pause between two polls, in seconds.
        wait_mode: `"poll"` the task list, or `"stream"` the submission's progress.
        catalogue: `None` the default catalogue, `False` none, or a `Catalogue` or folder.
        observer: Another `TaskObserver` to tell about every task.
        progress: Show a status line while waiting (`None`: in notebooks only).

    Examples:
        ```python
        client = Client()
        task = client.generate("lofi rain", wait=False)
        task.wait().clips
        ```
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
        catalogue: Catalogue | str | os.PathLike[str] | bool | None = None,
        observer: TaskObserver | None = None,
        progress: bool | None = None,
    ) -> None:
        super().__init__(
            timeout=timeout,
            http_timeout=http_timeout,
            max_retries=max_retries,
            poll_interval=poll_interval,
            wait_mode=wait_mode,
            progress=progress,
            **_defaults(token, base_url, transport, catalogue, observer, _sync_emulator),
        )

    @property
    def catalogue(self) -> Catalogue | None:
        """The catalogue this client records into (`None` when recording is off)."""
        return _catalogue_of(self)

    def resume(self, *, timeout: float | None = None) -> ResumeReport:
        """Finish the tasks its catalogue left pending, through this client.

        Examples:
            ```python
            print(Client().resume())
            ```
        """
        catalogue = self.catalogue
        if catalogue is None:
            raise ValueError(
                "this client records into no catalogue (catalogue=False), so there is nothing "
                "to resume; use Catalogue(path).resume(client)"
            )
        return catalogue.resume(self, timeout=timeout)


class AsyncClient(AsyncBaseClient):
    """The Suno API for `asyncio`: the same methods as `Client`, awaited.

    It takes the same arguments as `Client`. Without a transport and with a real service it
    talks through aiohttp, the fast path for many concurrent requests, when the `[fast]`
    extra is installed (else through httpx2, the same calls a little slower).

    Examples:
        ```python
        async with AsyncClient() as client:
            tasks = await asyncio.gather(*(client.generate(p) for p in prompts))
        ```
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
        catalogue: Catalogue | str | os.PathLike[str] | bool | None = None,
        observer: TaskObserver | None = None,
        progress: bool | None = None,
    ) -> None:
        super().__init__(
            timeout=timeout,
            http_timeout=http_timeout,
            max_retries=max_retries,
            poll_interval=poll_interval,
            wait_mode=wait_mode,
            progress=progress,
            **_defaults(token, base_url, transport, catalogue, observer, _async_emulator),
        )

    @property
    def catalogue(self) -> Catalogue | None:
        """The catalogue this client records into (`None` when recording is off)."""
        return _catalogue_of(self)


def resume(
    catalogue: Catalogue | str | os.PathLike[str] | None = None, *, timeout: float | None = None
) -> ResumeReport:
    """Finish what a catalogue (the default one if none is named) left pending.

    The client is the default one (the emulator without a token, else the real service).

    Examples:
        ```python
        import suno_nb

        print(suno_nb.resume())
        ```
    """
    from suno_nb.catalogue import Catalogue, default_catalogue

    if catalogue is None:
        catalogue = default_catalogue()
    elif not isinstance(catalogue, Catalogue):
        catalogue = Catalogue(catalogue)
    return catalogue.resume(Client(catalogue=catalogue), timeout=timeout)


def _catalogue_of(client: BaseClient) -> Catalogue | None:
    from suno_nb.catalogue import Catalogue

    found = [o for o in client._core.observers if isinstance(o, Catalogue)]
    return found[0] if found else None


def _sync_emulator() -> Any:
    from suno_nb.emulator import inprocess_transport

    return inprocess_transport()


def _async_emulator() -> Any:
    from suno_nb.emulator import inprocess_async_transport

    return inprocess_async_transport()


_SAID: set[str] = set()


def _say_once(message: str) -> None:
    if message not in _SAID:
        _SAID.add(message)
        from suno_nb.frontend import in_notebook

        # Information, not an error: Jupyter draws stderr as a pink error box.
        print(message, file=sys.stdout if in_notebook() else sys.stderr)
