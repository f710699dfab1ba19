"""suno_nb: a notebook-first toolkit for the Ace Data Cloud Suno music API.

Importing is cheap: every public name loads its module on first use (``lazy_loader``, as
librosa does), so ``import suno_nb`` pulls in neither pydantic nor the HTTP library, pandas,
librosa or widgets. The public names are listed once, in ``__init__.pyi``, where type
checkers and IDEs read them too.

Example:
    >>> import suno_nb
    >>> "Client" in dir(suno_nb) and "Catalogue" in dir(suno_nb)
    True
    >>> client = suno_nb.Client()   # offline emulator without a token   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import lazy_loader

__version__ = "0.1.0"

__getattr__, _, _lazy_names = lazy_loader.attach_stub(__name__, __file__)
__all__ = ["__version__", "load_ipython_extension", *_lazy_names]


def __dir__() -> list[str]:
    return sorted(__all__)


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext suno_nb`` registers the ``%%suno`` cell magic."""
    from suno_nb.magics import register

    register(ipython)
