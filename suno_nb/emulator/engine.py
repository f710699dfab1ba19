"""Access to the synthesis engine (``suno_nb.emulator.synth``), imported on first use.

The engine pulls in numpy and scipy (~1.5 s), so the emulator imports it only when a request
first needs audio. Tests that are about HTTP, not music, swap ``_engine`` for a tone engine.
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["synth"]

_lock = threading.Lock()
_engine: Any = None


def synth() -> Any:
    """The synthesis engine module, imported once (thread-safe)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                from suno_nb.emulator import synth as engine_module

                _engine = engine_module
    return _engine
