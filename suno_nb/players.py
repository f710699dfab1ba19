"""Inline audio players that work in every notebook front end without bloating saved notebooks.

:func:`player` picks how to reach the audio per front end; :func:`player_html` writes reports.

What each front end can do (measured; see ``pitfalls.md``) and what :func:`player` does there:

==================  ================================================  =============================
front end           what works                                        ``player(path)`` uses
==================  ================================================  =============================
JupyterLab 4,       ``<audio src="relative/path">`` resolves through  relative URL (~300 bytes)
Notebook 7,         the server's ``/files/`` route, also behind a     for files inside the server
Binder, JupyterHub  proxy (the browser never needs 127.0.0.1)         root; else the widget
VS Code             relative paths do not resolve in outputs          ``ipywidgets.Audio`` widget
Voilà               serves only allow-listed file types (no audio)    ``ipywidgets.Audio`` widget
Colab               no file route to the kernel's disk                ``ipywidgets.Audio`` widget
plain Python        no display; HTML is for reports                   relative URL
==================  ================================================  =============================

The widget sends the file's bytes to the browser as binary comm buffers: nothing lands in the
saved notebook unless the front end saves widget state (off by default in JupyterLab and VS
Code). It is built with ``autoplay=False, loop=False`` (ipywidgets defaults to both on).
Files over 8 MB are sent as a 128 kbps MP3 instead of raw PCM.

``embed="preview"`` puts a 64 kbps mono MP3 into the HTML (about 0.65 MB of base64 per minute)
so a notebook stays listenable when shared as a static file; ``embed=True`` embeds the original
file unchanged. Neither is ever chosen for you. Detection uses ``__vsc_ipynb_file__`` and
``VSCODE_PID``/``VSCODE_CWD`` (VS Code), ``VOILA_*`` (Voilà) and ``google.colab`` (Colab);
override it with ``suno_nb.players.FRONTEND = "vscode"`` or the ``SUNO_NB_FRONTEND`` variable.
"""

from __future__ import annotations

import base64
import html
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

__all__ = [
    "FRONTEND",
    "FRONTENDS",
    "Player",
    "detect_frontend",
    "player",
    "player_html",
    "preview_mp3",
]

Frontend = Literal["jupyter", "vscode", "voila", "colab", "terminal"]
FRONTENDS: tuple[str, ...] = ("jupyter", "vscode", "voila", "colab", "terminal")
FRONTEND: str | None = None
"""One of :data:`FRONTENDS` to skip detection (e.g. VS Code talking to a remote server)."""

Embed = bool | Literal["preview"] | None

_WIDGET_RAW_LIMIT = 8 * 1024 * 1024
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
    """An audio player for a notebook cell: HTML ``<audio>`` or an ``ipywidgets.Audio``.

    ``mode`` is "url" (a link the browser fetches), "embed" (a ``data:`` URI inside the HTML) or
    "widget" (bytes sent over the kernel's comm). ``src`` is the ``<audio>`` source in the first
    two modes. Display it by leaving it last in a cell.
    """

    source: str
    mode: Literal["url", "embed", "widget"]
    src: str | None = None
    title: str | None = None
    frontend: str = "jupyter"
    _widget: Any = field(default=None, repr=False, compare=False)

    def to_html(self) -> str:
        """The player as HTML (in widget mode, a short note for static viewers)."""
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
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude))
        bundle["text/html"] = self.to_html()  # what nbviewer/GitHub show: a few bytes
        return bundle

    @property
    def widget(self) -> Any:
        """The ipywidgets view (built on first use), for layouts such as ``HBox``."""
        if self._widget is None:
            self._widget = _audio_widget(Path(self.source), self.title)
        return self._widget


def player(
    path_or_url: str | os.PathLike[str], *, embed: Embed = None, title: str | None = None
) -> Player:
    """A player for a file or URL that suits the current front end (see the module table).

    ``embed=None`` or ``False`` never puts audio bytes into the saved notebook; ``"preview"``
    embeds a 64 kbps mono MP3, ``True`` the original file. Raises FileNotFoundError for a path
    that does not exist.

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
    if frontend == "jupyter":
        served = _served_url(path)
        if served is not None:
            return Player(source, "url", src=served, title=title, frontend=frontend)
    # VS Code, Voilà, Colab, or a file the Jupyter server cannot serve (outside its root, hidden).
    return Player(source, "widget", title=title, frontend=frontend)


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


def detect_frontend() -> str:
    """Which front end is showing this kernel's output: one of :data:`FRONTENDS`.

    Example:
        >>> detect_frontend() in FRONTENDS
        True
    """
    chosen = FRONTEND or os.environ.get("SUNO_NB_FRONTEND")
    if chosen:
        if chosen not in FRONTENDS:
            raise ValueError(f"front end {chosen!r} is not one of {', '.join(FRONTENDS)}")
        return chosen
    env = os.environ
    if "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in env:
        return "colab"
    if any(name.startswith("VOILA_") for name in env) or env.get("SERVER_SOFTWARE", "").startswith(
        "voila"
    ):
        return "voila"
    shell = _kernel_shell()
    if shell is not None and "__vsc_ipynb_file__" in shell.user_ns:
        return "vscode"
    # A kernel started by a Jupyter server has JPY_SESSION_NAME; a VS Code kernel has VS Code's
    # variables and no server. (JupyterLab launched from a VS Code terminal has both.)
    if ("VSCODE_PID" in env or "VSCODE_CWD" in env) and "JPY_SESSION_NAME" not in env:
        return "vscode"
    return "terminal" if shell is None else "jupyter"


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


def _served_url(path: Path) -> str | None:
    """A relative URL the Jupyter server serves, or None when the file is outside its root.

    JupyterLab and Notebook 7 resolve relative ``src`` against the notebook's folder and fetch
    it from ``/files/``, which refuses paths outside the server root and hidden folders.
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
    return _relative_url(target, base)


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


def _kernel_shell() -> Any:
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    shell = get_ipython()
    return shell if shell is not None and hasattr(shell, "kernel") else None


def _audio_widget(path: Path, title: str | None) -> Any:
    import ipywidgets

    if path.stat().st_size > _WIDGET_RAW_LIMIT:
        data, audio_format = preview_mp3(path, bitrate_kbps=128, channels=2), "mpeg"
    else:
        mime = _MIME.get(path.suffix.lower(), "audio/mpeg")
        data, audio_format = path.read_bytes(), mime.split("/")[1]
    audio = ipywidgets.Audio(value=data, format=audio_format, autoplay=False, loop=False)
    if not title:
        return audio
    return ipywidgets.VBox([ipywidgets.Label(title), audio])
