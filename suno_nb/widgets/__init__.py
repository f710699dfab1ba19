"""Notebook widgets built from the schema: ``panel(action)`` for one action, ``studio()`` for all.

It loads (with ipywidgets) on first use of ``suno_nb.panel``/``suno_nb.studio``, never on
``import suno_nb``; its public names are listed in ``__init__.pyi``.

Example:
    >>> import suno_nb
    >>> suno_nb.panel("generate", prompt="lofi rain")   # doctest: +SKIP
    >>> suno_nb.studio()                                 # doctest: +SKIP
"""

from __future__ import annotations

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
