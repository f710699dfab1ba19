"""The process-wide default emulator behind ``Client()`` without a token, and its transports.

Example:
    >>> from suno_nb.emulator import PROFILE_ENV, inprocess_transport
    >>> PROFILE_ENV   # e.g. SUNO_NB_EMULATOR_PROFILE=instant for quick demos
    'SUNO_NB_EMULATOR_PROFILE'
    >>> transport = inprocess_transport()   # what Client() without a token uses   # doctest: +SKIP
"""

from __future__ import annotations

import os
import threading
from typing import Any

from suno_nb.emulator.service import Emulator
from suno_nb.emulator.transport import InProcessTransport

__all__ = [
    "DATA_DIR_ENV",
    "PROFILE_ENV",
    "configure_default",
    "default_data_dir",
    "default_emulator",
    "inprocess_async_transport",
    "inprocess_transport",
]

#: Environment settings of the process-wide default emulator (handy for demos and CI).
PROFILE_ENV = "SUNO_NB_EMULATOR_PROFILE"
DATA_DIR_ENV = "SUNO_NB_EMULATOR_DATA_DIR"
CACHE_ENV = "SUNO_NB_EMULATOR_CACHE_MB"

_lock = threading.Lock()
_default: Emulator | None = None


def default_emulator() -> Emulator:
    """The one process-wide emulator behind ``Client()`` without a token (made on first use)."""
    global _default
    with _lock:
        if _default is None:
            _default = Emulator(
                profile=os.environ.get(PROFILE_ENV, "quick"),
                data_dir=default_data_dir(),
                cache_limit_mb=default_cache_limit(),
            )
        return _default


def default_cache_limit() -> float:
    """Megabytes of renderings the default emulator keeps: ``$SUNO_NB_EMULATOR_CACHE_MB``,
    else 1024. Older renderings are deleted past it and made again, identically, when needed."""
    text = os.environ.get(CACHE_ENV)
    if not text:
        return 1024.0
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise ValueError(
            f"{CACHE_ENV}={text!r} is not a number of megabytes above 0 (e.g. 1024; unset it "
            "for the default)"
        )
    return value


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
    with _lock:
        _default = Emulator(**settings)
        return _default


def inprocess_transport(emulator: Emulator | None = None) -> InProcessTransport:
    """An httpx2 transport (sync and async) over the default emulator; no sockets."""
    return InProcessTransport(emulator or default_emulator())


def inprocess_async_transport(emulator: Emulator | None = None) -> InProcessTransport:
    """The same transport, for ``AsyncClient``."""
    return inprocess_transport(emulator)
