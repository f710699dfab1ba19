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
from urllib.parse import urljoin, urlsplit

from suno_nb.emulator.guards import ApiRefusal

__all__ = ["DecodedAudio", "is_loopback", "load_audio"]

MAX_DOWNLOAD = 50_000_000  # bytes
MAX_SECONDS = 600.0
MAX_REDIRECTS = 5
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
    """Download (or read) and decode the audio at ``url``; raise :class:`ApiRefusal` if bad.

    Redirects are followed by hand, at most :data:`MAX_REDIRECTS`, and every hop must pass the
    same check as the first URL: a loopback URL cannot send the emulator to another host.
    """
    if not isinstance(url, str):
        raise ApiRefusal(400, "bad_request", f"{field} must be an http(s) URL; got {url!r}")
    title = urlsplit(url).path.rsplit("/", 1)[-1].split(".")[0] or "upload"
    hop = url
    for _ in range(MAX_REDIRECTS + 1):
        data, location = _get_one(hop, url, field, own_host, own_file, allow_remote)
        if location is None:
            return _decode(data, url, field, title)
        hop = urljoin(hop, location)
    raise _bad(field, url, f"redirects more than {MAX_REDIRECTS} times")


def _get_one(
    hop: str,
    url: str,
    field: str,
    own_host: str,
    own_file: Callable[[str], bytes | None],
    allow_remote: bool,
) -> tuple[bytes, str | None]:
    """One hop: ``(bytes, None)``, or ``(b"", where it redirects)``."""
    via = "" if hop == url else f" (redirected to {hop!r})"
    parts = urlsplit(hop)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _bad(field, url, f"is not an http(s) URL{via}")
    if parts.netloc.lower() in (own_host.lower(), IN_PROCESS_HOST) and parts.path.startswith(
        "/files/"
    ):
        data = own_file(parts.path[len("/files/") :])
        if data is None:
            raise _bad(field, url, f"does not exist on this emulator (or is not finished yet){via}")
        return data, None
    if not (is_loopback(parts.hostname) or allow_remote):
        raise _bad(
            field,
            url,
            f"cannot be reached{via}: the offline emulator downloads only from this machine "
            "(127.0.0.1, localhost) or its own /files/ URLs. Serve the file locally, or start "
            "the emulator with allow_remote=True.",
        )
    return _download(hop, url, field)


def _download(hop: str, url: str, field: str) -> tuple[bytes, str | None]:
    from suno_nb import _http

    try:
        with (
            _http.Client(
                timeout=_http.Timeout(15.0, connect=5.0), follow_redirects=False
            ) as client,
            client.stream("GET", hop) as response,
        ):
            if response.is_redirect:
                location = response.headers.get("location")
                if not location:
                    raise _bad(field, url, f"answered HTTP {response.status_code} without Location")
                return b"", location
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
            return b"".join(chunks), None
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
