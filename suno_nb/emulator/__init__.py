"""The offline emulator of the Suno API: a framework-free core, two adapters, and the synth.

``Client()`` with no token uses :func:`inprocess_transport` (no sockets, no threads);
:func:`start` serves the same core over HTTP on 127.0.0.1, :func:`serve` in the foreground.

Why file URLs look the way they do: clips' ``audio_url``/``image_url``, previews, wav and mp4
files are URLs on the emulator itself, ``{base_url}/files/<clip_id>.mp3`` (``.preview.mp3``
while running, ``.png``, ``.wav``, ``.mp4``). In-process the base URL is
``http://suno-emulator.invalid``, a name that never resolves: the toolkit downloads the bytes
kernel-side through the same transport and the catalogue stores them next to the notebook, so
players use relative paths. That is what makes audio work on Binder and JupyterHub, where the
browser cannot reach the kernel's 127.0.0.1. A server started with :func:`start` answers the
same URLs on its own address for other programs and browsers on the same machine.

State (tasks, renderings, uploads, personas) lives in a data directory; an emulator reopened on
it knows its tasks and files. The in-process default keeps it in the user's cache folder (see
:func:`default_data_dir`); ``Emulator()`` and :func:`start` use a temporary one unless given
``data_dir=``.
Task progress is computed from the time since creation, so nothing runs in the background.

Example:
    >>> from suno_nb.emulator import Emulator
    >>> emu = Emulator(profile="instant")
    >>> emu.handle("POST", "/suno/tasks", {}, {}, b'{"action": "retrieve", "id": "x"}').body
    {}

Heavy modules (numpy, the synth, Starlette, uvicorn) load on first use, not on import.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from suno_nb.emulator.service import Emulator, EmulatorResponse
    from suno_nb.emulator.transport import InProcessTransport

__all__ = [
    "Emulator",
    "EmulatorResponse",
    "InProcessTransport",
    "configure_default",
    "default_data_dir",
    "default_emulator",
    "inprocess_async_transport",
    "inprocess_transport",
    "serve",
    "start",
    "stop",
]

#: Environment settings of the process-wide default emulator (handy for demos and CI).
PROFILE_ENV = "SUNO_NB_EMULATOR_PROFILE"
DATA_DIR_ENV = "SUNO_NB_EMULATOR_DATA_DIR"

_lock = threading.Lock()
_default: Emulator | None = None


def default_emulator() -> Emulator:
    """The one process-wide emulator behind ``Client()`` without a token (made on first use)."""
    global _default
    with _lock:
        if _default is None:
            from suno_nb.emulator.service import Emulator

            _default = Emulator(
                profile=os.environ.get(PROFILE_ENV, "quick"),
                data_dir=default_data_dir(),
            )
        return _default


def default_data_dir() -> str | None:
    """Where the default emulator keeps its state: ``$SUNO_NB_EMULATOR_DATA_DIR``, else
    ``$XDG_CACHE_HOME/suno_nb/emulator`` (``~/.cache/...``), so tasks outlive a kernel restart
    as real ones do and ``Catalogue().resume()`` works offline too. ``None`` (a temporary
    folder) when that folder cannot be written, e.g. a read-only home."""
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return chosen
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(cache, "suno_nb", "emulator")
    try:
        os.makedirs(folder, exist_ok=True)
        probe = os.path.join(folder, f".probe-{os.getpid()}")
        with open(probe, "w"):
            pass
        os.remove(probe)
    except OSError:
        return None
    return folder


def configure_default(**settings: Any) -> Emulator:
    """Replace the default emulator, e.g. ``configure_default(profile="realistic")``.

    Clients made afterwards use it; existing in-process transports keep their emulator.
    """
    global _default
    from suno_nb.emulator.service import Emulator

    with _lock:
        _default = Emulator(**settings)
        return _default


def inprocess_transport(emulator: Emulator | None = None) -> InProcessTransport:
    """An httpx2 transport (sync and async) over the default emulator; no sockets."""
    from suno_nb.emulator.transport import InProcessTransport

    return InProcessTransport(emulator or default_emulator())


def inprocess_async_transport(emulator: Emulator | None = None) -> InProcessTransport:
    """The same transport, for ``AsyncClient``."""
    return inprocess_transport(emulator)


def start(
    port: int | None = None,
    token: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    profile: str = "quick",
    faults: Any = None,
    **settings: Any,
) -> str:
    """Serve the emulator on 127.0.0.1 in a background thread; returns its base URL.

    Calling it again with the same settings returns the running server's URL.
    """
    from suno_nb.emulator.server import start as _start

    return _start(
        port=port, token=token, data_dir=data_dir, profile=profile, faults=faults, **settings
    )


def stop() -> None:
    """Stop servers started with :func:`start`."""
    from suno_nb.emulator.server import stop as _stop

    _stop()


def serve(
    port: int = 8787,
    token: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    profile: str = "quick",
    faults: Any = None,
    **settings: Any,
) -> None:
    """Serve the emulator in the foreground (``suno-nb emulator``) until interrupted."""
    from suno_nb.emulator.server import serve as _serve

    _serve(port=port, token=token, data_dir=data_dir, profile=profile, faults=faults, **settings)


def __getattr__(name: str) -> Any:
    if name in ("Emulator", "EmulatorResponse"):
        from suno_nb.emulator import service

        return getattr(service, name)
    if name == "InProcessTransport":
        from suno_nb.emulator.transport import InProcessTransport

        return InProcessTransport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
