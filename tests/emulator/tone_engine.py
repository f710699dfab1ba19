"""A stand-in for the synthesis engine's interface: a chord of plain tones per clip.

Tests about the HTTP layer (fuzzing) swap it in for ``suno_nb.emulator.synth`` so that each
render is instant; tests about the music use the real engine.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from suno_nb import schema

SUPPORTED_ACTIONS = frozenset(schema.ACTIONS)
_STEMS = tuple(schema.STEM_TITLES.values())


@dataclass
class Rendering:
    audio: np.ndarray
    sr: int = 44100
    score: Any = None
    layers: dict[str, np.ndarray] = field(default_factory=dict)
    title: str = ""
    lyric: str = ""
    style: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def duration(self) -> float:
        return len(self.audio) / self.sr

    def save(self, path: str | Path) -> None:
        meta = {k: getattr(self, k) for k in ("sr", "score", "title", "lyric", "style", "extra")}
        with open(path, "wb") as fh:
            np.savez(fh, audio=self.audio, meta=np.array(json.dumps(meta)), **self.layers)

    @classmethod
    def load(cls, path: str | Path) -> Rendering:
        with np.load(path) as z:
            meta = json.loads(str(z["meta"]))
            layers = {k: z[k] for k in z.files if k not in ("audio", "meta")}
            return cls(audio=z["audio"], layers=layers, **meta)

    def preview(self, fraction: float) -> np.ndarray:
        return self.audio[: int(len(self.audio) * min(1.0, max(0.0, fraction)))]


def _tone(seconds: float, sr: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * sr), dtype=np.float32) / sr
    root = 110.0 * 2 ** (int(rng.integers(0, 12)) / 12)
    x = sum(np.sin(2 * np.pi * root * r * t) for r in (1.0, 1.25, 1.5)) * 0.15
    env = np.minimum(1.0, np.minimum(t * 4, (t[-1] - t) * 4 if len(t) else t))
    mono = (x * env).astype(np.float32)
    return np.stack([mono, mono], axis=1)


def render_action(
    action: str,
    request: Mapping[str, Any],
    *,
    seed: int,
    sources: Mapping[str, Rendering] = {},
    persona: dict | None = None,
    sr: int = 44100,
    max_duration: float = 60.0,
) -> list[Rendering]:
    spec = schema.ACTIONS.get(action)
    count = 2
    if spec is not None:
        count = int("".join(ch for ch in spec.clips.split()[0] if ch.isdigit()) or 2)
    seconds = float(min(request.get("duration") or 12.0, max_duration))
    base = next(iter(sources.values()), None)
    title = str(request.get("title") or (base.title if base else "") or "Untitled")
    out = []
    for i in range(count):
        audio = _tone(seconds, sr, seed + i)
        name = title
        if action == "stems":
            name = f"{title} - {('Vocals', 'Instrumental')[i % 2]}"
        elif action in ("all_stems",):
            name = f"{title} - {_STEMS[i % 12]}"
        elif action == "remaster":
            name = f"{title} (Remastered)"
        extra: dict[str, Any] = {}
        if action == "concat":
            extra["concat_history"] = [{"id": k} for k in sources]
        out.append(
            Rendering(
                audio,
                sr,
                None,
                {"vocals": audio * 0.3},
                name,
                str(request.get("lyric") or ""),
                str(request.get("style") or ""),
                extra,
            )
        )
    return out


def analyse_audio(audio: np.ndarray, sr: int, title: str = "") -> Rendering:
    audio = np.asarray(audio, dtype=np.float32)
    if audio.ndim == 1:
        audio = np.stack([audio, audio], axis=1)
    return Rendering(audio, sr, None, {"vocals": audio}, title)


def capture_voice(
    rendering: Rendering, start: float | None = None, end: float | None = None
) -> dict:
    return {"gender": "f", "pitch": 62.0, "start": start, "end": end}


def score_to_midi(score: Any) -> list[dict]:
    notes = [
        {"pitch": 60 + i % 12, "start": i * 0.5, "end": i * 0.5 + 0.4, "velocity": 90}
        for i in range(16)
    ]
    return [{"state": "complete", "instruments": [{"name": "Piano", "notes": notes}]}]


def word_timings(rendering: Rendering) -> dict:
    words = rendering.lyric.split() or ["la"]
    step = rendering.duration / max(1, len(words))
    aligned = [
        {"word": w, "start_s": i * step, "end_s": (i + 1) * step, "success": True, "p_align": 0.9}
        for i, w in enumerate(words)
    ]
    env = np.abs(rendering.audio[:, 0])
    n = max(1, len(env) // 200)
    wave = [float(env[i : i + n].max()) for i in range(0, len(env), n)][:200]
    return {"aligned_words": aligned, "waveform_data": wave}


def encode_mp3(audio: np.ndarray, sr: int) -> bytes:
    import lameenc

    enc = lameenc.Encoder()
    enc.set_bit_rate(128)
    enc.set_in_sample_rate(sr)
    enc.set_channels(2)
    enc.set_quality(7)
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    if pcm.ndim == 1:
        pcm = np.stack([pcm, pcm], axis=1)
    return bytes(enc.encode(pcm.tobytes()) + enc.flush())


def encode_wav(audio: np.ndarray, sr: int) -> bytes:
    import soundfile

    buf = io.BytesIO()
    soundfile.write(buf, audio, sr, format="WAV", subtype="PCM_16")
    return buf.getvalue()


def cover_image(style: str, seed: int) -> bytes:
    from PIL import Image

    rng = np.random.default_rng(zlib.crc32(style.encode()) ^ seed)
    colour = tuple(int(c) for c in rng.integers(40, 220, 3))
    buf = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(buf, format="PNG")
    return buf.getvalue()


def _text() -> Any:
    from suno_nb.emulator.synth import text

    return text


def write_lyrics(prompt: str, seed: int = 0) -> dict:
    return _text().write_lyrics(prompt, seed=seed)


def upsample_style(prompt: str, seed: int = 0) -> str:
    return _text().upsample_style(prompt, seed=seed)


def mashup_lyrics(a: str, b: str, seed: int = 0) -> dict:
    return _text().mashup_lyrics(a, b, seed=seed)
