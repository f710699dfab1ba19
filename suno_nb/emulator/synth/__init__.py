"""The emulator's synthesis engine: request-shaped music, stems, scores and every action.

`render_action` is the entry point; the rest are the helpers the emulator's endpoints need.
Each name loads its own module on first use (``lazy_loader``, names in ``__init__.pyi``): a
notebook kernel whose renders run in worker processes checks actions and draws covers without
importing scipy and the instruments (about 75 MiB).
"""

from __future__ import annotations

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
