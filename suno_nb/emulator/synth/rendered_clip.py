"""`Rendering`: one clip's audio, its stems, its score and metadata, with a compact safe file form.

Files are ``.npz``: int16 mono or float16 stereo layers and a JSON header (no pickle).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .layers import Layers, PannedMono
from .score import Score
from .score_to_audio import finish_layers

F32 = np.float32


@dataclass
class Rendering:
    """A rendered clip. ``audio`` (float32, (n, 2)) is exactly the sum of ``layers`` (each read
    as float32 (n, 2); stored compactly, see `layers.Layers`)."""

    audio: np.ndarray
    sr: int
    score: Score
    layers: dict[str, np.ndarray] = field(default_factory=Layers)
    title: str = ""
    lyric: str = ""
    style: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.layers, Layers):
            self.layers = Layers(self.layers)

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
        """Write one compact ``.npz`` file (rendered layers exactly, edited ones as float16)."""
        arrays: dict[str, np.ndarray] = {}
        kinds: list[dict[str, Any]] = []
        for i, name in enumerate(self.layers):
            raw = self.layers.raw(name)
            if isinstance(raw, PannedMono):
                arrays[f"layer_{i}"] = raw.mono
                arrays[f"gains_{i}"] = raw.gains
                kinds.append(
                    {"name": name, "left": raw.left, "right": raw.right, "delay": raw.delay,
                     "scale": raw.scale}
                )  # fmt: skip
            else:
                arrays[f"layer_{i}"] = np.ascontiguousarray(raw, dtype=np.float16)
                kinds.append({"name": name})
        header = {
            "sr": self.sr,
            "title": self.title,
            "lyric": self.lyric,
            "style": self.style,
            "extra": self.extra,
            "score": self.score.to_dict(),
            "layers": kinds,
            "n": len(self.audio),
        }
        blob = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
        buffer = io.BytesIO()
        np.savez(buffer, header=blob, **arrays)
        Path(path).write_bytes(buffer.getvalue())

    @classmethod
    def load(cls, path: str | Path) -> Rendering:
        with np.load(Path(path), allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode())
            layers = Layers()
            for i, kind in enumerate(header["layers"]):
                if "left" in kind:
                    layers[kind["name"]] = PannedMono(
                        data[f"layer_{i}"],
                        kind["left"],
                        kind["right"],
                        kind["delay"],
                        data[f"gains_{i}"],
                        kind.get("scale", 1.0),
                    )
                else:
                    layers[kind["name"]] = data[f"layer_{i}"]
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
