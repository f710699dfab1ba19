"""Tagged MP3 copies of tracks: ID3 tags (title, lyrics, cover, style, model, prompt, created
date, task id) written with mutagen, plus a sidecar JSON with everything the catalogue knows.

The catalogue's own files are named by their content hash and never changed; tags go on a copy.

Example:
    >>> export_tagged(catalogue.get("3f9b"), "for_dj")   # doctest: +SKIP
    PosixPath('for_dj/Night Bus - 3f9b1c2d.mp3')
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

from suno_nb._extras import require

__all__ = ["export_tagged", "file_stem", "sidecar"]


def file_stem(track: Any) -> str:
    """A safe file name for a track: ``<title> - <first 8 of the id>``."""
    title = re.sub(r'[\\/:*?"<>|\n\r\t]+', " ", track.title or "untitled").strip()[:80]
    return f"{title or 'untitled'} - {track.id[:8]}"


def sidecar(track: Any) -> dict[str, Any]:
    """Everything worth keeping next to a file: ids, request, clip fields, features, notes."""
    features = {
        k: v for k, v in track.features().items() if not (isinstance(v, float) and math.isnan(v))
    }
    return {
        "clip_id": track.id,
        "task_id": track.task_id,
        "title": track.title,
        "duration": track.duration,
        "request": track.params,
        "clip": track.clip,
        "features": features,
        "annotations": track.annotations,
    }


def export_tagged(
    track: Any, folder: str | os.PathLike[str], *, cover: bool = True, sidecar_json: bool = True
) -> Path:
    """Copy ``track``'s MP3 into ``folder`` with ID3 tags (and ``<same name>.json``); return
    the MP3's path. Raises :class:`ValueError` for a track whose file is not an MP3."""
    id3 = require("mutagen.id3", extra="research", feature="ID3 tags on exported MP3s")
    source = track.path
    if source.suffix.lower() != ".mp3":
        raise ValueError(
            f"track {track.id} is a {source.suffix} file; ID3 tags need an MP3 (export the WAV "
            "with export_stems or copy it as it is)"
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{file_stem(track)}.mp3"
    shutil.copyfile(source, target)
    clip, params = track.clip, track.params
    tags = id3.ID3()
    tags.add(id3.TIT2(encoding=3, text=track.title or ""))
    lyric = clip.get("lyric") or params.get("lyric")
    if lyric:
        tags.add(id3.USLT(encoding=3, lang="eng", desc="", text=lyric))
    style = clip.get("style") or params.get("style") or params.get("tags")
    if style:
        tags.add(id3.TCON(encoding=3, text=str(style)))
    created = clip.get("created_at")
    if created:
        tags.add(id3.TDRC(encoding=3, text=str(created)[:19]))
    extra = {
        "style": style,
        "model": clip.get("model") or params.get("model"),
        "requested_model": params.get("model"),
        "prompt": clip.get("prompt") or params.get("prompt"),
        "task_id": track.task_id,
        "clip_id": track.id,
        "action": params.get("action"),
    }
    for key, value in extra.items():
        if value:
            tags.add(id3.TXXX(encoding=3, desc=key, text=str(value)))
    if cover:
        image = _cover_path(track)
        if image is not None:
            data = image.read_bytes()
            mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
            tags.add(id3.APIC(encoding=3, mime=mime, type=3, desc="cover", data=data))
    tags.save(target, v2_version=3)
    if sidecar_json:
        target.with_suffix(".json").write_text(
            json.dumps(sidecar(track), indent=1, default=str), encoding="utf-8"
        )
    return target


def _cover_path(track: Any) -> Path | None:
    # A sweep's covers are fetched on first use: this may download it now.
    from suno_nb.catalogue import CatalogueError

    try:
        return track.catalogue.file_path(track.id, "image")
    except CatalogueError as exc:  # no client to fetch it with: the copy goes without a cover
        warnings.warn(f"the cover of {track.id} is not downloaded yet: {exc}", stacklevel=3)
        return None
