"""suno_nb: a notebook-first toolkit for the Ace Data Cloud Suno music API.

Importing is cheap: every public name loads its module on first use (PEP 562), so
``import suno_nb`` pulls in neither pydantic nor the HTTP library, pandas, librosa or widgets.

Example:
    >>> import suno_nb
    >>> client = suno_nb.Client()   # offline emulator without a token   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "Client": "suno_nb.client",
    "AsyncClient": "suno_nb.client",
    "Task": "suno_nb.client",
    "AsyncTask": "suno_nb.client",
    "Progress": "suno_nb.client",
    "parse_callback": "suno_nb.client",
    "Clip": "suno_nb.models",
    "TaskRecord": "suno_nb.models",
    "AudioResponse": "suno_nb.models",
    "SunoError": "suno_nb.errors",
    "APIError": "suno_nb.errors",
    "ValidationError": "suno_nb.errors",
    "BadRequestError": "suno_nb.errors",
    "AuthenticationError": "suno_nb.errors",
    "InsufficientBalanceError": "suno_nb.errors",
    "ModerationError": "suno_nb.errors",
    "RateLimitError": "suno_nb.errors",
    "ServerError": "suno_nb.errors",
    "GenerationTimeout": "suno_nb.errors",
    "TaskNotFound": "suno_nb.errors",
    "SubmissionUncertain": "suno_nb.errors",
    "WaitInterrupted": "suno_nb.errors",
    "schema": "suno_nb.schema",
}
_LAZY_OPTIONAL: dict[str, str] = {
    "Catalogue": "suno_nb.catalogue",
    "Track": "suno_nb.catalogue",
    "compare": "suno_nb.catalogue",
    "features": "suno_nb.features",
    "emulator": "suno_nb.emulator",
    "Sweep": "suno_nb.sweeps",
    "sweep": "suno_nb.sweeps",
    "panel": "suno_nb.widgets",
    "studio": "suno_nb.widgets",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name) or _LAZY_OPTIONAL.get(name)
    if module_name is None:
        raise AttributeError(f"module 'suno_nb' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if module_name.endswith("." + name) else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_LAZY_OPTIONAL})


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext suno_nb`` registers the ``%%suno`` cell magic."""
    from suno_nb.magics import register

    register(ipython)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from suno_nb import schema
    from suno_nb.client import AsyncClient, AsyncTask, Client, Progress, Task, parse_callback
    from suno_nb.errors import (
        APIError,
        AuthenticationError,
        BadRequestError,
        GenerationTimeout,
        InsufficientBalanceError,
        ModerationError,
        RateLimitError,
        ServerError,
        SubmissionUncertain,
        SunoError,
        TaskNotFound,
        ValidationError,
        WaitInterrupted,
    )
    from suno_nb.models import AudioResponse, Clip, TaskRecord
