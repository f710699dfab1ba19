"""Getting audio from a URL for upload, voices and inspo: the emulator's own files are read
locally; other URLs are downloaded only from this machine unless ``allow_remote`` is set.

Every failure is an :class:`ApiRefusal` (400) that names the URL and what went wrong.
"""

from __future__ import annotations

import io
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from suno_nb.emulator.guards import ApiRefusal

__all__ = ["DecodedAudio", "is_loopback", "load_audio"]

MAX_DOWNLOAD = 50_000_000  # bytes
MAX_SECONDS = 600.0
IN_PROCESS_HOST = "suno-emulator.invalid"


@dataclass
class DecodedAudio:
    audio: Any  # float32 (n, channels)
    sr: int
    title: str

    @property
    def duration(self) -> float:
        return len(self.audio) / self.sr


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bad(field: str, url: str, why: str) -> ApiRefusal:
    return ApiRefusal(400, "bad_request", f"{field} {url!r} {why}")


def load_audio(
    url: Any,
    *,
    field: str,
    own_host: str,
    own_file: Callable[[str], bytes | None],
    allow_remote: bool,
) -> DecodedAudio:
    """Download (or read) and decode the audio at ``url``; raise :class:`ApiRefusal` if bad."""
    if not isinstance(url, str):
        raise ApiRefusal(400, "bad_request", f"{field} must be an http(s) URL; got {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _bad(field, url, "is not an http(s) URL")
    title = parts.path.rsplit("/", 1)[-1].split(".")[0] or "upload"
    if parts.netloc.lower() in (own_host.lower(), IN_PROCESS_HOST) and parts.path.startswith(
        "/files/"
    ):
        data = own_file(parts.path[len("/files/") :])
        if data is None:
            raise _bad(field, url, "does not exist on this emulator (or is not finished yet)")
    elif is_loopback(parts.hostname) or allow_remote:
        data = _download(url, field)
    else:
        raise _bad(
            field,
            url,
            "cannot be reached: the offline emulator downloads only from this machine "
            "(127.0.0.1, localhost) or its own /files/ URLs. Serve the file locally, or start "
            "the emulator with allow_remote=True.",
        )
    return _decode(data, url, field, title)


def _download(url: str, field: str) -> bytes:
    from suno_nb import _http

    try:
        with (
            _http.Client(timeout=_http.Timeout(15.0, connect=5.0), follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise _bad(
                    field,
                    url,
                    f"answered HTTP {response.status_code}; it must be a reachable audio file",
                )
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_DOWNLOAD:
                    raise _bad(field, url, f"is larger than {MAX_DOWNLOAD // 1_000_000} MB")
                chunks.append(chunk)
            return b"".join(chunks)
    except _http.HTTPError as exc:
        raise _bad(field, url, f"could not be downloaded ({type(exc).__name__}: {exc})") from None


def _decode(data: bytes, url: str, field: str, title: str) -> DecodedAudio:
    import numpy as np
    import soundfile

    try:
        audio, sr = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except Exception as exc:  # libsndfile raises several types for garbage input
        raise _bad(
            field, url, f"is not an audio file the emulator can read (mp3, wav, flac, ogg): {exc}"
        ) from None
    if len(audio) == 0 or sr <= 0:
        raise _bad(field, url, "holds no audio")
    if len(audio) / sr > MAX_SECONDS:
        audio = audio[: int(MAX_SECONDS * sr)]
    if audio.shape[1] == 1:
        audio = np.repeat(audio, 2, axis=1)
    return DecodedAudio(np.ascontiguousarray(audio[:, :2], dtype=np.float32), int(sr), title)
