"""Notebook widgets built from the schema: ``panel(action)`` for one action, ``studio()`` for all.

This package is the only part of suno_nb that imports ipywidgets, and it is loaded on first use
of ``suno_nb.panel``/``suno_nb.studio``.

Example:
    >>> import suno_nb
    >>> suno_nb.panel("generate", prompt="lofi rain")   # doctest: +SKIP
    >>> suno_nb.studio()                                 # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Panel", "Studio", "panel", "studio"]

_LAZY = {
    "Panel": "suno_nb.widgets.panel",
    "panel": "suno_nb.widgets.panel",
    "Studio": "suno_nb.widgets.studio",
    "studio": "suno_nb.widgets.studio",
}


def __getattr__(name: str) -> Any:
    import importlib

    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'suno_nb.widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # pragma: no cover
    from suno_nb.widgets.panel import Panel, panel
    from suno_nb.widgets.studio import Studio, studio
