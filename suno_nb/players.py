"""Audio players for notebooks and reports: one helper decides how each front end plays a file.

:func:`player` is the helper every view uses (cards, compare, listening grid, catalogue
browser, sweep views, ``Track.play()``); :func:`player_html` writes ``<audio>`` for reports.

In a notebook (any kernel: JupyterLab, Notebook 7, Voilà, VS Code, Colab) :func:`player` gives
the waveform player (:class:`suno_nb.waveform_player.WaveformPlayer`): the waveform, the play
position, a click sets ``cursor`` (a time), a drag sets ``selection`` (a region). How it reaches
the audio depends on the front end (measured; see ``pitfalls.md``):

==================  ================================================  ===========================
front end           what works                                        the player uses
==================  ================================================  ===========================
JupyterLab 4,       the server's ``/files/`` route (Range requests,   ``/files/<path>`` for files
Notebook 7,         also behind a proxy); relative ``<audio>`` inside inside the server root,
Binder, JupyterHub  widget HTML does *not* resolve (it hits the Lab   else comm bytes
                    page), so the widget builds the URL itself
VS Code, Colab      no file route to the kernel's disk                comm bytes
Voilà               serves only allow-listed file types (no audio)    comm bytes
plain Python        no display; HTML is for reports                  ``<audio>`` with a relative
                                                                      URL (the light path)
==================  ================================================  ===========================

When a URL fails in the browser, the page asks the kernel for the bytes, so a wrong guess
still plays. ``light=True`` asks for a plain ``<audio>`` output where one plays (a served file
in JupyterLab/Notebook 7, or a public URL): ~300 bytes, no waveform, no selection.

Bytes sent as widget state never land in the saved notebook unless the front end saves widget
state (off by default in JupyterLab and VS Code); static viewers (nbviewer, GitHub) see a short
HTML fallback. ``embed="preview"`` puts a 64 kbps mono MP3 into the HTML (about 0.65 MB of
base64 per minute) so a notebook stays listenable as a static file; ``embed=True`` embeds the
original file. Neither is ever chosen for you. Where the code runs is decided by
:mod:`suno_nb.frontend` (override with ``suno_nb.frontend.FRONTEND`` or ``SUNO_NB_FRONTEND``).

Example:
    >>> p = player("https://example.org/song.mp3", title="Song")
    >>> p.mode, p.src
    ('url', 'https://example.org/song.mp3')
"""

from __future__ import annotations

import base64
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from suno_nb.frontend import FRONTENDS, detect_frontend

__all__ = [
    "FRONTENDS",
    "Player",
    "audio_widget",
    "detect_frontend",
    "player",
    "player_html",
    "preview_mp3",
]

Embed = bool | Literal["preview"] | None

_MIME = {
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
_URL_PREFIXES = ("http://", "https://", "data:", "blob:")


@dataclass
class Player:
    """What :func:`player` chose: a waveform player widget or HTML ``<audio>``.

    ``mode`` is "widget" (the waveform player), "url" (``<audio>`` with a link the browser
    fetches) or "embed" (a ``data:`` URI inside the HTML). ``src`` is the ``<audio>`` source
    (for a widget, the static fallback's, when there is one). Display it by leaving it last in
    a cell; put :attr:`widget` into layouts (``HBox``, ``GridBox``): it plays in every front end.
    ``cursor`` and ``selection`` are the widget's clicked time and dragged region.
    """

    source: str
    mode: Literal["url", "embed", "widget"]
    src: str | None = None
    title: str | None = None
    frontend: str = "jupyter"
    files_path: str | None = None
    _widget: Any = field(default=None, repr=False, compare=False)

    def to_html(self) -> str:
        """The player as HTML (for a widget without a servable file, a short note)."""
        label = html.escape(self.title or Path(self.source).name)
        if self.src is None:
            return (
                f'<div class="suno-nb-player">&#9835; {label}: audio player widget'
                " (run the notebook to listen)</div>"
            )
        return _audio_html(self.src, label)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        if self.mode != "widget":
            return {"text/html": self.to_html(), "text/plain": repr(self)}
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        if isinstance(bundle, tuple):  # anywidget answers (data, metadata)
            bundle = bundle[0]
        bundle = dict(bundle or {})
        bundle["text/html"] = self.to_html()  # what nbviewer/GitHub show: a few bytes
        return bundle

    @property
    def widget(self) -> Any:
        """The waveform player widget (built on first use); plays inside any widget layout."""
        if self._widget is None:
            self._widget = _waveform(self)
        return self._widget

    @property
    def cursor(self) -> float | None:
        """The time last clicked on the waveform (seconds), or None."""
        return self._widget.cursor if self._widget is not None else None

    @property
    def selection(self) -> tuple[float, float] | None:
        """The region last dragged on the waveform as ``(start, end)`` seconds, or None."""
        return self._widget.window if self._widget is not None else None


def player(
    path_or_url: str | os.PathLike[str],
    *,
    embed: Embed = None,
    title: str | None = None,
    light: bool = False,
) -> Player:
    """A player for a file or URL that plays in the current front end (see the module table).

    The one helper that decides between the waveform player and plain ``<audio>``: in a
    notebook, the waveform player (click a time, drag a region); in a script, ``<audio>`` HTML.
    ``light=True`` prefers plain ``<audio>`` where it plays. ``embed=None`` or ``False`` never
    puts audio bytes into the saved notebook; ``"preview"`` embeds a 64 kbps mono MP3,
    ``True`` the original file. Raises FileNotFoundError for a path that does not exist.

    Use ``.widget`` inside layouts, ``.cursor`` / ``.selection`` after clicking or dragging.

    Example:
        >>> p = player("https://example.org/song.mp3", title="Song")
        >>> p.mode, p.src
        ('url', 'https://example.org/song.mp3')
    """
    frontend = detect_frontend()
    source = os.fspath(path_or_url)
    if source.startswith(_URL_PREFIXES):
        if embed:
            raise ValueError(f"{source}: embed works on local files; download the audio first")
        return Player(source, "url", src=source, title=title, frontend=frontend)
    path = _existing(source)
    if embed:
        return Player(source, "embed", src=_data_uri(path, embed), title=title, frontend=frontend)
    if frontend == "terminal":
        return Player(
            source, "url", src=_relative_url(path, Path.cwd()), title=title, frontend=frontend
        )
    served = _served(path) if frontend == "jupyter" else None
    if served is not None and light:
        return Player(source, "url", src=served[1], title=title, frontend=frontend)
    return Player(
        source,
        "widget",
        src=served[1] if served else None,
        title=title,
        frontend=frontend,
        files_path=served[0] if served else None,
    )


def audio_widget(source: bytes | str | os.PathLike[str] | None, *, title: str | None = None) -> Any:
    """A widget that plays ``source`` (bytes, a file path or a URL) inside any widget layout.

    Bytes and local files become the waveform player; a public URL too (the browser fetches
    it, no waveform until it plays); ``None`` a short "no audio yet" note.

    Example:
        >>> audio_widget(None).value
        '<i>no audio yet</i>'
    """
    if source is None:
        import ipywidgets

        return ipywidgets.HTML("<i>no audio yet</i>")
    from suno_nb.waveform_player import WaveformPlayer

    if isinstance(source, bytes):
        return WaveformPlayer.from_bytes(source, title=title or "")
    text = os.fspath(source)
    if text.startswith(_URL_PREFIXES):
        return WaveformPlayer.from_url(text, title=title or "")
    return player(text, title=title).widget


def player_html(
    path_or_url: str | os.PathLike[str],
    *,
    embed: Embed = False,
    title: str | None = None,
    relative_to: str | os.PathLike[str] | None = None,
) -> str:
    """HTML ``<audio>`` for a report: a path relative to ``relative_to`` (default cwd), or embedded.

    Example:
        >>> 'src="https://example.org/a.mp3"' in player_html("https://example.org/a.mp3")
        True
    """
    source = os.fspath(path_or_url)
    label = html.escape(title or Path(source).name)
    if source.startswith(_URL_PREFIXES):
        if embed:
            raise ValueError(f"{source}: embed works on local files; download the audio first")
        return _audio_html(source, label)
    path = _existing(source)
    if embed:
        return _audio_html(_data_uri(path, embed), label)
    base = Path(relative_to) if relative_to is not None else Path.cwd()
    return _audio_html(_relative_url(path, base), label)


def preview_mp3(
    path: str | os.PathLike[str], *, bitrate_kbps: int = 64, channels: int = 1
) -> bytes:
    """Encode a file as MP3 (64 kbps mono by default), reading it in 10 s blocks.

    Example:
        >>> import numpy as np, soundfile, tempfile, os
        >>> wav = os.path.join(tempfile.mkdtemp(), "tone.wav")
        >>> soundfile.write(wav, np.zeros(44100, "float32"), 44100)
        >>> preview_mp3(wav)[:2] in (b"\\xff\\xfb", b"\\xff\\xf3", b"ID")
        True
    """
    import lameenc
    import numpy as np
    import soundfile

    with soundfile.SoundFile(os.fspath(path)) as audio:
        encoder = lameenc.Encoder()
        encoder.set_bit_rate(bitrate_kbps)
        encoder.set_in_sample_rate(audio.samplerate)
        encoder.set_channels(channels)
        encoder.set_quality(7)  # fast: a preview, not a master
        chunks = []
        for block in audio.blocks(blocksize=audio.samplerate * 10, dtype="float32", always_2d=True):
            # A decoder may hand back non-finite samples (seen once in a test run): they become
            # silence instead of overflowing the mix-down and the int16 cast.
            block = np.clip(np.nan_to_num(block, nan=0.0, posinf=1.0, neginf=-1.0), -1.0, 1.0)
            if channels == 1:
                block = block.mean(axis=1, keepdims=True)
            elif block.shape[1] == 1:
                block = np.repeat(block, channels, axis=1)
            pcm = (block[:, :channels] * 32767.0).astype("<i2")
            chunks.append(encoder.encode(pcm.tobytes()))
        chunks.append(encoder.flush())
    return b"".join(chunks)


def _audio_html(src: str, label: str) -> str:
    return (
        '<div class="suno-nb-player" style="display:flex;align-items:center;gap:0.5em">'
        f"<span>{label}</span>"
        f'<audio controls preload="metadata" src="{html.escape(src, quote=True)}"></audio></div>'
    )


def _existing(source: str) -> Path:
    path = Path(source).expanduser()
    if not path.is_file():
        raise FileNotFoundError(
            f"{source}: no such audio file; check the path or download it again"
        )
    return path


def _data_uri(path: Path, embed: Embed) -> str:
    if embed == "preview":
        data, mime = preview_mp3(path), "audio/mpeg"
    else:
        data, mime = path.read_bytes(), _MIME.get(path.suffix.lower(), "audio/mpeg")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _relative_url(path: Path, base: Path) -> str:
    relative = os.path.relpath(path.resolve(), base.resolve())
    return quote(Path(relative).as_posix())


def _served(path: Path) -> tuple[str, str] | None:
    """Where the Jupyter server serves ``path``: (path under its root, URL relative to the
    notebook), or None when the file is outside its root or in a hidden folder.

    JupyterLab and Notebook 7 resolve a relative ``src`` in a plain output against the
    notebook's folder and fetch it from ``/files/``, which refuses paths outside the server
    root and hidden folders. The widget builds ``<base>/files/<path under root>`` itself.
    """
    base = _notebook_dir()
    target = path.resolve()
    root = _server_root(base) or base
    try:
        inside = target.relative_to(root)
    except ValueError:
        return None
    if any(part.startswith(".") for part in inside.parts):
        return None
    return inside.as_posix(), _relative_url(target, base)


def _notebook_dir() -> Path:
    # Since jupyter_server 2, JPY_SESSION_NAME is the notebook's absolute path: it survives a
    # later os.chdir in the kernel, which would break paths relative to cwd.
    session = os.environ.get("JPY_SESSION_NAME", "")
    if session and os.path.isabs(session) and Path(session).parent.is_dir():
        return Path(session).parent.resolve()
    return Path.cwd().resolve()


def _server_root(base: Path) -> Path | None:
    """The deepest root of a running Jupyter server that contains ``base``, if one is known."""
    try:
        from jupyter_core.paths import jupyter_runtime_dir
    except ImportError:
        return None
    runtime = Path(jupyter_runtime_dir())
    best: Path | None = None
    for info_file in [*runtime.glob("jpserver-*.json"), *runtime.glob("nbserver-*.json")]:
        try:
            info = json.loads(info_file.read_text())
            root = Path(info.get("root_dir") or info["notebook_dir"]).resolve()
            if not _alive(int(info["pid"])):
                continue
        except (OSError, ValueError, KeyError):
            continue
        if base.is_relative_to(root) and (best is None or len(root.parts) > len(best.parts)):
            best = root  # deepest root: conservative when several servers run
    return best


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _waveform(shown: Player) -> Any:
    from suno_nb.waveform_player import WaveformPlayer

    if shown.frontend == "colab":
        _colab_widgets()

    if shown.mode == "url" and shown.source.startswith(_URL_PREFIXES):
        return WaveformPlayer.from_url(shown.source, title=shown.title or "")
    return WaveformPlayer.from_file(
        _existing(shown.source),
        title=shown.title or "",
        files_path=shown.files_path,
        shrink=_shrink_for_widget,
    )


def _shrink_for_widget(path: Path) -> bytes:
    """A file too big for the comm as a 128 kbps stereo MP3."""
    return preview_mp3(path, bitrate_kbps=128, channels=2)


def _colab_widgets() -> None:
    """Colab draws third-party widgets (anywidget's) only after this call; harmless twice."""
    try:
        from google.colab import output  # type: ignore[import-not-found]
    except ImportError:
        return
    output.enable_custom_widget_manager()
