"""`Rendering`: one clip's audio, its stems, its score and metadata, with a compact safe file form.

Files are ``.npz`` holding float16 layers and a JSON header (loaded with ``allow_pickle=False``).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .render import finish_layers
from .score import Score

F32 = np.float32


@dataclass
class Rendering:
    """A rendered clip. ``audio`` (float32, (n, 2)) is exactly the sum of ``layers`` (float16)."""

    audio: np.ndarray
    sr: int
    score: Score
    layers: dict[str, np.ndarray] = field(default_factory=dict)
    title: str = ""
    lyric: str = ""
    style: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def duration(self) -> float:
        return len(self.audio) / float(self.sr)

    @classmethod
    def from_layers(
        cls, layers: dict[str, np.ndarray], sr: int, score: Score, **meta: Any
    ) -> Rendering:
        audio, stored = finish_layers(layers)
        return cls(audio=audio, sr=sr, score=score, layers=stored, **meta)

    def preview(self, fraction: float) -> np.ndarray:
        """The first ``fraction`` (0..1) of the audio: what a "running" task streams."""
        fraction = min(max(float(fraction), 0.0), 1.0)
        return self.audio[: round(len(self.audio) * fraction)]

    def mono(self) -> np.ndarray:
        return self.audio.mean(axis=1)

    def save(self, path: str | Path) -> None:
        """Write one compact ``.npz`` file (float16 layers + JSON header; no pickle)."""
        header = {
            "sr": self.sr,
            "title": self.title,
            "lyric": self.lyric,
            "style": self.style,
            "extra": self.extra,
            "score": self.score.to_dict(),
            "layers": list(self.layers),
            "n": len(self.audio),
        }
        arrays = {f"layer_{i}": np.ascontiguousarray(v) for i, v in enumerate(self.layers.values())}
        blob = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
        buffer = io.BytesIO()
        np.savez(buffer, header=blob, **arrays)
        Path(path).write_bytes(buffer.getvalue())

    @classmethod
    def load(cls, path: str | Path) -> Rendering:
        with np.load(Path(path), allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode())
            layers = {name: data[f"layer_{i}"] for i, name in enumerate(header["layers"])}
        audio = np.zeros((header["n"], 2), dtype=F32)
        for layer in layers.values():
            audio += layer
        return cls(
            audio=audio,
            sr=int(header["sr"]),
            score=Score.from_dict(header["score"]),
            layers=layers,
            title=header["title"],
            lyric=header["lyric"],
            style=header["style"],
            extra=header["extra"],
        )
