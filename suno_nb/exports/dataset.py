"""A catalogue as a dataset in the Hugging Face "audiofolder" layout: the audio files plus one
metadata table (``metadata.csv`` or ``metadata.parquet``) whose ``file_name`` column points at
each file, with the request's knobs and the measured features as columns. Loadable with
``datasets.load_dataset("audiofolder", data_dir=folder)`` or plain pandas, without suno_nb.

Example:
    >>> export_dataset(catalogue, "night_bus", sweep="sw-20261126-0815")  # doctest: +SKIP
    PosixPath('night_bus/metadata.csv')
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

__all__ = ["export_dataset"]

_DROP = ("audio_path", "audio_bytes", "audio_sha256", "image_path", "audio_state", "raw")


def export_dataset(
    catalogue: Any,
    folder: str | os.PathLike[str],
    *,
    format: str = "csv",
    measure: bool = True,
    **filters: Any,
) -> Path:
    """Write the clips of ``catalogue`` (``to_pandas(**filters)``, downloaded ones only) into
    ``folder``: ``audio/<clip_id>.<ext>`` and the metadata table; return the table's path.

    ``measure=True`` computes missing features first (cached). Files are hard links where the
    file system allows (no extra space), copies elsewhere.
    """
    if format not in ("csv", "parquet"):
        raise ValueError(f"format must be 'csv' or 'parquet'; got {format!r}")
    frame = catalogue.to_pandas(**filters)
    frame = frame[frame["audio_state"].astype(str) == "ok"]
    if measure and not frame.empty:
        catalogue.measure(frame["clip_id"].tolist(), progress=False)
        frame = catalogue.to_pandas(**filters)
        frame = frame[frame["audio_state"].astype(str) == "ok"]
    folder = Path(folder)
    audio = folder / "audio"
    audio.mkdir(parents=True, exist_ok=True)
    names = []
    for clip_id in frame["clip_id"]:
        source = catalogue.get(clip_id).path  # the files layer: hash checked, s3:// too
        target = audio / f"{clip_id}{source.suffix}"
        if not target.exists():
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        names.append(f"audio/{target.name}")
    table = frame.drop(columns=[c for c in _DROP if c in frame.columns]).copy()
    table.insert(0, "file_name", names)
    for column in table.columns:  # plain types: a reader without our dtypes sees the same
        if str(table[column].dtype) == "category":
            table[column] = table[column].astype(str)
    # Stale tables of the other format would make audiofolder see two metadata files.
    for old in ("metadata.csv", "metadata.parquet"):
        (folder / old).unlink(missing_ok=True)
    path = folder / f"metadata.{format}"
    if format == "csv":
        table.to_csv(path, index=False)
    else:
        table.to_parquet(path, index=False)
    return path
