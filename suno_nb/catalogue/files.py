"""Content-addressed audio and cover files anywhere fsspec reaches, the download adapter, and
the "does it decode" check.

Files are named by their SHA-256 (``audio/3f/3f9b….mp3``) under a location, :class:`FileStore`:
a local folder (the default), a shared folder, or an object store URL (``s3://bucket/prefix``
through fsspec and s3fs, the ``[lab]`` extra). A local file is written to a temporary name and
renamed, an object in one PUT, so a crash never leaves a half file under a real name, and equal
files are stored once. Every read is checked against the recorded hash.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from suno_nb import retry
from suno_nb._extras import require
from suno_nb.catalogue.store import CatalogueError, CatalogueFullError
from suno_nb.errors import error_from_response

__all__ = [
    "DownloadError",
    "FileStore",
    "RemoteAudio",
    "StoredFile",
    "fetch_bytes",
    "store_bytes",
    "verify_audio",
]

# Tries per download: a CDN may answer 404 for a short while after completion.
DOWNLOAD_ATTEMPTS = 5  # waits follow suno_nb.retry: about 0.5, 1, 2, 4 s
_AUDIO_EXT = {"mp3", "wav", "flac", "ogg", "m4a", "aac", "opus", "webm"}
_IMAGE_EXT = {"jpeg", "jpg", "png", "webp", "gif"}


class DownloadError(CatalogueError):
    """A file could not be fetched or does not decode; the clip stays recorded as ``failed``."""


@dataclass(frozen=True)
class RemoteAudio:
    """A stored audio object a worker reads itself: its URL, recorded hash and fsspec options.

    It pickles small (no bytes, no open filesystem), so a Dask worker on another machine fetches
    the object straight from the store; :meth:`read_bytes` checks the bytes against ``sha256``
    there and raises :class:`DownloadError` on a mismatch. :func:`suno_nb.features.measure`
    accepts it (any object with ``read_bytes()``). ``storage_options`` travel to the workers
    with the task, they are never written to the catalogue.

    Example:
        >>> import fsspec
        >>> fsspec.filesystem("memory").pipe_file("/demo/a.wav", b"RIFF")
        >>> import hashlib
        >>> RemoteAudio("memory://demo/a.wav", hashlib.sha256(b"RIFF").hexdigest()).read_bytes()
        b'RIFF'
    """

    url: str
    sha256: str | None
    # never in a repr: the options may hold credentials, and workers log their tasks
    storage_options: Mapping[str, Any] | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.url

    def read_bytes(self) -> bytes:
        """The object's bytes, checked against ``sha256`` (skipped when None)."""
        fsspec = require("fsspec", extra="lab", feature=f"Reading {self.url}")
        try:
            with fsspec.open(self.url, "rb", **dict(self.storage_options or {})) as handle:
                data = bytes(handle.read())
        except (OSError, KeyError, ValueError) as exc:
            raise DownloadError(
                f"{self.url} cannot be read ({exc}); run catalogue.fetch_missing() to download "
                "it again"
            ) from exc
        _check(data, self.sha256, self.url)
        return data


@dataclass(frozen=True)
class StoredFile:
    """Where a downloaded file went and what it holds."""

    path: str  # relative to the catalogue folder
    sha256: str
    size: int
    sample_rate: int | None = None
    channels: int | None = None
    duration: float | None = None


def fetch_bytes(client: Any, url: str, *, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """Download ``url`` through the client's own transport (so emulator URLs work in-process).

    This is the one place that knows how a client downloads: ``client.download(url)`` when the
    client has it (it retries itself), else the sync HTTP client with retries on 404/5xx.
    """
    download = getattr(client, "download", None)
    if callable(download):
        try:
            return bytes(download(url))
        except Exception as exc:  # any failure is recorded on the clip, never raised mid-wait
            raise DownloadError(f"{url}: {type(exc).__name__}: {exc}") from exc
    http = getattr(client, "_http", None)
    if http is None or not hasattr(http, "get"):
        raise DownloadError(
            f"{url}: this client cannot download synchronously; run catalogue.fetch_missing() "
            "with a suno_nb.Client"
        )

    def attempt() -> bytes:
        response = http.get(url)  # transport errors: retried by the policy
        if response.status_code < 300:
            return bytes(response.content)
        raise error_from_response(response.status_code, {"error": f"HTTP {response.status_code}"})

    try:  # the one retry policy: 404, 408, 409, 429, 5xx and lost connections
        return retry.call(
            attempt, retry_on=retry.download_retryable, attempts=DOWNLOAD_ATTEMPTS, sleep=sleep
        )
    except Exception as exc:
        problem = f"{type(exc).__name__}: {exc}"
    raise DownloadError(f"{url}: {problem}; catalogue.fetch_missing() will try again later")


def extension(data: bytes, url: str, kind: str) -> str:
    """The file extension, from the bytes' signature first and the URL second."""
    head = data[:16]
    if head.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head.startswith(b"\xff\xd8"):
        return "jpeg"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    suffix = Path(urlsplit(url).path).suffix.lower().lstrip(".")
    allowed = _AUDIO_EXT if kind == "audio" else _IMAGE_EXT
    return suffix if suffix in allowed else "bin"


def store_bytes(root: Path, kind: str, data: bytes, url: str) -> tuple[str, str]:
    """Write ``data`` under ``root/<kind>s/ab/<sha>.<ext>``; return (relative path, sha256)."""
    sha = hashlib.sha256(data).hexdigest()
    relative = _relative(kind, sha, extension(data, url, kind))
    target = root / relative
    if target.is_file() and target.stat().st_size == len(data):
        return relative, sha  # same content already stored
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle, data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise CatalogueFullError(
                errno.ENOSPC,
                f"no space left to store {relative} under {root}; free some space, then run "
                "catalogue.fetch_missing()",
            ) from exc
        raise DownloadError(f"cannot write {target}: {exc}") from exc
    return relative, sha


def _write_all(handle: Any, data: bytes) -> None:
    # A separate function so tests can make the disk "full" without filling one.
    handle.write(data)


def is_remote(location: str | os.PathLike[str]) -> bool:
    """True for a URL fsspec opens (``s3://…``, ``gs://…``, ``memory://…``); False for a folder
    (a path, or a ``file://`` URL).

    Example:
        >>> is_remote("s3://lab-audio/suno"), is_remote("/shared/suno_audio")
        (True, False)
    """
    text = os.fspath(location)
    scheme = urlsplit(text).scheme if "://" in text else ""
    return bool(scheme) and scheme != "file"


class FileStore:
    """Where a catalogue's audio and cover files live: a local folder or any fsspec URL.

    Paths inside it are relative (``audio/3f/3f9b….mp3``) and content-addressed, so one row
    names the same bytes wherever the location is mounted or served from. Remote files read as
    a local path (for players, decoders, feature workers) are copied once into ``cache``, a
    local folder, after their hash is checked. Credentials and endpoints come from the
    usual places (``AWS_*`` variables, ``~/.aws``) or ``storage_options``; they are never stored.

    Example:
        >>> import tempfile
        >>> files = FileStore(tempfile.mkdtemp())
        >>> relative, sha = files.put("image", b"\\x89PNG fake", "cover.png")
        >>> relative.startswith("images/"), files.read(relative, sha)
        (True, b'\\x89PNG fake')
    """

    def __init__(
        self,
        location: str | os.PathLike[str],
        *,
        cache: str | os.PathLike[str] | None = None,
        storage_options: Mapping[str, Any] | None = None,
    ) -> None:
        text = os.fspath(location)
        self.remote = is_remote(text)
        if self.remote:
            fsspec = require("fsspec", extra="lab", feature=f"Files at {text}")
            scheme = urlsplit(text).scheme
            if scheme in ("s3", "s3a"):
                require("s3fs", extra="lab", feature=f"Files at {text}")
            self._options = dict(storage_options or {})
            self._fs, self._base = fsspec.core.url_to_fs(text, **self._options)
            self._base = self._base.rstrip("/")
            self.url = text.rstrip("/")
            self.root: Path | None = None
            folder = cache or Path(tempfile.gettempdir()) / "suno_nb_file_cache"
            self.cache = Path(folder).expanduser().absolute()
        else:
            if text.startswith("file://"):
                text = urlsplit(text).path
            self.root = Path(text).expanduser().absolute()
            self.url = str(self.root)
            self.cache = self.root
            self._fs = None
        # (path, size, mtime) of local files whose hash was checked: checked once, not per read
        self._checked: set[tuple[str, int, int]] = set()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"FileStore({self.url!r})"

    def location(self, relative: str) -> str:
        """The full name of a stored file: an absolute path, or the object's URL."""
        return f"{self.url}/{relative}"

    def exists(self, relative: str) -> bool:
        if self.remote:
            return bool(self._fs.exists(f"{self._base}/{relative}"))
        return (self.root / relative).is_file()

    def put(self, kind: str, data: bytes, url: str) -> tuple[str, str]:
        """Store ``data`` as ``<kind>s/ab/<sha>.<ext>``; return (relative path, sha256).
        Equal content already there is not written again."""
        if not self.remote:
            return store_bytes(self.root, kind, data, url)
        sha = hashlib.sha256(data).hexdigest()
        relative = _relative(kind, sha, extension(data, url, kind))
        target = f"{self._base}/{relative}"
        try:
            if self._fs.exists(target) and self._fs.size(target) == len(data):
                return relative, sha
            self._fs.pipe_file(target, data)  # one PUT: an object is whole or absent
        except OSError as exc:
            raise DownloadError(
                f"cannot write {self.location(relative)}: {exc}; check the bucket and its "
                "credentials, then run catalogue.fetch_missing()"
            ) from exc
        return relative, sha

    def read(self, relative: str, sha256: str | None) -> bytes:
        """The bytes of a stored file, checked against ``sha256`` (skipped when None)."""
        try:
            if self.remote:
                data = bytes(self._fs.cat_file(f"{self._base}/{relative}"))
            else:
                data = (self.root / relative).read_bytes()
        except (OSError, KeyError) as exc:
            raise DownloadError(
                f"{self.location(relative)} cannot be read ({exc}); run "
                "catalogue.fetch_missing() to download it again"
            ) from exc
        _check(data, sha256, self.location(relative))
        return data

    def source(self, relative: str, sha256: str | None) -> Path | RemoteAudio:
        """What a worker reads a stored audio file from: the local path in a folder (checked
        here), a :class:`RemoteAudio` for a remote location (fetched and checked by the worker,
        nothing downloaded in this process).

        Example:
            >>> import tempfile
            >>> files = FileStore(tempfile.mkdtemp())
            >>> relative, sha = files.put("audio", b"RIFF....WAVE", "a.wav")
            >>> files.source(relative, sha) == files.path(relative, sha)
            True
        """
        if self.remote:
            return RemoteAudio(self.location(relative), sha256, self._options or None)
        return self.path(relative, sha256)

    def path(self, relative: str, sha256: str | None) -> Path:
        """A local path with the file's checked bytes: the file itself in a folder, a cached
        copy (fetched once) for a remote location."""
        local = self.cache / relative
        if not local.is_file():
            if not self.remote:
                raise DownloadError(
                    f"{local} was deleted; run catalogue.fetch_missing() to download it again"
                )
            data = self.read(relative, sha256)
            kind = "audio" if relative.startswith("audio/") else "image"
            store_bytes(self.cache, kind, data, relative)  # the same name: content-addressed
            return local
        self._check_file(local, sha256)
        return local

    def _check_file(self, local: Path, sha256: str | None) -> None:
        if sha256 is None:
            return
        stat = local.stat()
        seen = (str(local), stat.st_size, stat.st_mtime_ns)
        with self._lock:
            if seen in self._checked:
                return
        digest = hashlib.sha256()
        with local.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            raise DownloadError(
                f"{local} does not match its recorded sha256 (changed or damaged on disk); "
                "delete it and run catalogue.fetch_missing() to download it again"
            )
        with self._lock:
            self._checked.add(seen)


def _relative(kind: str, sha: str, ext: str) -> str:
    folder = "audio" if kind == "audio" else "images"
    return f"{folder}/{sha[:2]}/{sha}.{ext}"


def _check(data: bytes, sha256: str | None, where: str) -> None:
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise DownloadError(
            f"{where} does not match its recorded sha256 (changed or damaged); run "
            "catalogue.fetch_missing() to download it again"
        )


def verify_audio(source: Path | bytes) -> tuple[int, int, float]:
    """Decode a whole file (a path, or its bytes) in blocks, which catches truncation; return
    (sample rate, channels, seconds)."""
    import soundfile

    name = source.name if isinstance(source, Path) else "the downloaded file"
    opened = source if isinstance(source, Path) else io.BytesIO(source)
    try:
        with soundfile.SoundFile(opened) as audio:
            frames = 0
            for block in audio.blocks(blocksize=65_536, dtype="float32", always_2d=True):
                frames += block.shape[0]
            rate, channels = audio.samplerate, audio.channels
    except (soundfile.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        why = str(exc).replace(f"Error opening {opened!r}: ", "")  # no object reprs
        raise DownloadError(f"{name} does not decode as audio ({why})") from exc
    if frames == 0:
        raise DownloadError(f"{name} decodes to no samples")
    return int(rate), int(channels), frames / rate


def verify_image(source: Path | bytes) -> None:
    """Check a cover image (a path, or its bytes) opens: PIL reads the header and the structure."""
    from PIL import Image

    name = source.name if isinstance(source, Path) else "the downloaded image"
    opened = source if isinstance(source, Path) else io.BytesIO(source)
    try:
        with Image.open(opened) as image:
            image.verify()
    except Exception as exc:  # PIL raises many types for bad files
        raise DownloadError(f"{name} is not a readable image ({exc})") from exc
