"""The waveform player widget: play, see the waveform and position, click a time, drag a region.

An ``anywidget`` whose JavaScript ships in ``suno_nb/static/`` (no CDN). Build one with
:func:`suno_nb.players.player` (which decides how the browser reaches the audio) or directly.

How the browser gets the audio, in order:

1. ``files_path``: a path under the Jupyter server's root, fetched from its ``/files/`` route
   (JupyterLab, Notebook 7, Binder, JupyterHub; seeking works, nothing crosses the comm);
2. ``src``: an absolute URL the browser can reach itself;
3. ``audio``: the file's bytes sent over the comm (Voilà, VS Code, Colab). When 1 or 2 fails
   in the browser, the page asks the kernel for the bytes, so a wrong guess still plays.

Traits you read or set: ``cursor`` (the clicked time, seconds, or None), ``selection`` (``[]``
or ``[start, end]`` seconds, from a drag), ``position`` (the play position while playing).

Example:
    >>> import numpy as np, soundfile, tempfile, os
    >>> wav = os.path.join(tempfile.mkdtemp(), "tone.wav")
    >>> soundfile.write(wav, np.zeros(44100, "float32"), 44100)
    >>> w = WaveformPlayer.from_file(wav, title="Tone")
    >>> round(w.duration, 2), len(w.peaks) > 0, w.selection
    (1.0, True, [])
    >>> w.selection = [0.2, 0.7]; w.window
    (0.2, 0.7)
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets

__all__ = ["WaveformPlayer", "peaks_of"]

_STATIC = Path(__file__).parent / "static"
_WIDGET_RAW_LIMIT = 8 * 1024 * 1024  # larger files cross the comm as a 128 kbps MP3
_PEAK_BINS = 600
MIME: dict[str, str] = {
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".webm": "audio/webm",
}


class WaveformPlayer(anywidget.AnyWidget):
    """An audio player with a clickable, draggable waveform (see the module docstring)."""

    _esm = _STATIC / "waveform_player.js"

    title = traitlets.Unicode("").tag(sync=True)
    src = traitlets.Unicode("").tag(sync=True)
    files_path = traitlets.Unicode("").tag(sync=True)
    has_file = traitlets.Bool(False).tag(sync=True)
    audio = traitlets.Bytes(b"").tag(sync=True)
    mime = traitlets.Unicode("audio/mpeg").tag(sync=True)
    peaks = traitlets.Bytes(b"").tag(sync=True)
    duration = traitlets.Float(0.0).tag(sync=True)
    position = traitlets.Float(0.0).tag(sync=True)
    cursor = traitlets.Float(None, allow_none=True).tag(sync=True)
    selection = traitlets.List(traitlets.Float(), default_value=[]).tag(sync=True)

    def __init__(
        self,
        *,
        path: str | os.PathLike[str] | None = None,
        shrink: Callable[[Path], bytes] | None = None,
        **traits: Any,
    ) -> None:
        super().__init__(**traits)
        self._path = Path(path) if path is not None else None
        self._shrink = shrink
        self.has_file = self._path is not None
        self.on_msg(self._on_message)
        self.add_class("suno-nb-waveform-player")

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        title: str = "",
        files_path: str | None = None,
        send_bytes: bool | None = None,
        shrink: Callable[[Path], bytes] | None = None,
    ) -> WaveformPlayer:
        """A player for a local file: served at ``files_path`` if given, else sent as bytes.

        ``shrink(path)`` turns a file over 8 MB into smaller MP3 bytes before it crosses the
        comm (:func:`suno_nb.players.player` passes a 128 kbps encoder).
        """
        file = Path(path)
        duration, peaks = peaks_of(file)
        player = cls(path=file, shrink=shrink, title=title, duration=duration, peaks=peaks,
                     mime=MIME.get(file.suffix.lower(), "audio/mpeg"))  # fmt: skip
        if files_path:
            player.files_path = files_path
        if send_bytes or (send_bytes is None and not files_path):
            player.load_bytes()
        return player

    @classmethod
    def from_bytes(cls, data: bytes, *, title: str = "") -> WaveformPlayer:
        """A player for audio already in memory (sent over the comm)."""
        duration, peaks = peaks_of(data)
        mime = "audio/wav" if data[:4] == b"RIFF" else "audio/mpeg"
        return cls(title=title, audio=data, mime=mime, duration=duration, peaks=peaks)

    @classmethod
    def from_url(cls, url: str, *, title: str = "", duration: float = 0.0) -> WaveformPlayer:
        """A player for a URL the browser fetches itself (no waveform until it has bytes)."""
        return cls(title=title, src=url, duration=duration or 0.0)

    @traitlets.validate("selection")
    def _valid_selection(self, proposal: Any) -> list[float]:
        value = [float(v) for v in proposal["value"]]
        if len(value) not in (0, 2):
            raise traitlets.TraitError(
                f"selection must be [] or [start, end] in seconds; got {value}"
            )
        return sorted(value)

    @property
    def window(self) -> tuple[float, float] | None:
        """The selected region as ``(start, end)`` seconds, or None when nothing is selected."""
        return (self.selection[0], self.selection[1]) if self.selection else None

    def clear_selection(self) -> None:
        """Forget the dragged region (the clicked time stays)."""
        self.selection = []

    def load_bytes(self) -> None:
        """Send the file's bytes to the browser (also done when the browser asks for them)."""
        if self._path is None or self.audio:
            return
        if self._shrink is not None and self._path.stat().st_size > _WIDGET_RAW_LIMIT:
            self.mime = "audio/mpeg"
            self.audio = self._shrink(self._path)
        else:
            self.audio = self._path.read_bytes()

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "need_bytes":
            self.load_bytes()


def peaks_of(source: str | os.PathLike[str] | bytes, bins: int = _PEAK_BINS) -> tuple[float, bytes]:
    """The duration in seconds and ``bins`` peak levels (0–255, one byte each) of some audio.

    Reads in blocks, so a long file never sits in memory whole. Unreadable audio gives
    ``(0.0, b"")``: the player still plays what the browser can decode.

    Example:
        >>> import numpy as np, soundfile
        >>> data = io.BytesIO(); soundfile.write(data, np.ones(8000, "float32") / 2, 8000,
        ...                                      format="WAV")
        >>> duration, peaks = peaks_of(data.getvalue(), bins=4)
        >>> duration, list(peaks)
        (1.0, [255, 255, 255, 255])
    """
    import numpy as np
    import soundfile

    opened = io.BytesIO(source) if isinstance(source, bytes) else os.fspath(source)
    try:
        with soundfile.SoundFile(opened) as audio:
            frames, rate = audio.frames, audio.samplerate
            if frames <= 0 or rate <= 0:
                return 0.0, b""
            step = max(1, math.ceil(frames / bins))
            levels = [
                float(np.nanmax(np.abs(block))) if block.size else 0.0
                for block in audio.blocks(blocksize=step, dtype="float32", always_2d=True)
            ]
    except (RuntimeError, soundfile.LibsndfileError, ValueError):
        return 0.0, b""
    peak = np.asarray(levels, dtype="float64")
    peak = np.nan_to_num(peak / (peak.max() or 1.0))
    return frames / rate, (np.clip(peak, 0.0, 1.0) * 255).round().astype("uint8").tobytes()
