"""The offline emulator of the Suno API: a framework-free core, two adapters, and the synth.

``Client()`` with no token uses :func:`inprocess_transport` (no sockets, no threads);
:func:`start` serves the same core over HTTP on 127.0.0.1, :func:`serve` in the foreground.

Why file URLs look the way they do: clips' ``audio_url``/``image_url``, previews, wav and mp4
files are URLs on the emulator itself, ``{base_url}/files/<clip_id>.mp3`` (``.preview.mp3``
while running, ``.jpg`` covers, ``.wav``, ``.mp4``). In-process the base URL is
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

Heavy modules (numpy, the synth, Starlette, uvicorn) load on first use, not on import: the
public names are listed in ``__init__.pyi`` and loaded by ``lazy_loader``.
"""

from __future__ import annotations

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
