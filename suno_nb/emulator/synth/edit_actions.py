"""Actions that edit a clip: replace_section, under/overpainting, samples, remaster,
adjust_speed, and the sounds generator.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .effects import F32, highpass, resample
from .job import VARIATION, XFADE, Job
from .layer_edits import (
    as_float,
    fit_level,
    limit_window,
    make_clip,
    master,
    merge_window,
    render_in_window,
    retime,
    splice,
    window_of,
)
from .rendered_clip import Rendering
from .score import Score
from .score_to_audio import render_score
from .sounds import sound_score
from .style_vocab import parse_key


def painting(job: Job) -> list[Rendering]:
    """Replace (replace_section) or add to (under/overpainting, samples) a window only;
    outside it every sample stays the same."""
    _ident, src = job.source()
    action = job.action
    prefix = {
        "replace_section": "replace_section",
        "underpainting": "underpainting",
        "overpainting": "overpainting",
        "samples": "samples",
    }[action]
    start, end = window_of(job, src, f"{prefix}_start", f"{prefix}_end")
    a, b = round(start * job.sr), round(end * job.sr)
    out = []
    for i in range(2):
        if action == "replace_section":
            lines = str(job.get("prompt", "")) or job.lyric(src.lyric)
            lyric = lines if "[" in lines else f"[Verse]\n{lines}"
            new = render_in_window(
                job,
                src,
                start,
                end,
                i,
                lyric=lyric,
                instrumental=job.instrumental or not lines.strip(),
            )
            if job.get("replace_section_result_mode") == "candidates":
                out.append(
                    make_clip(
                        dict(new.layers),
                        job,
                        new.score.window(start, end, offset=-start),
                        title=job.title(src.title),
                        lyric=lines,
                        style=src.style,
                        extra={"clip": i, "window": [start, end]},
                    )
                )
                continue
            layers = splice(src.layers, new.layers, a, b, replace=True, xfade=int(XFADE * job.sr))
        else:
            if action == "underpainting":
                # Accompaniment only: the source's vocal stays the melody.
                brief = {"instrumental": True, "lyric": "", "lead": False}
            elif action == "overpainting":
                brief = {
                    "instrumental": False,
                    "lyric": job.lyric(src.lyric) or "la la la",
                    "only_instruments": (),
                }
            else:
                brief = {
                    "instrumental": True,
                    "lyric": "",
                    "only_instruments": ("bell", "texture", "shaker"),
                }
            new = render_in_window(job, src, start, end, i, **brief)
            level = 0.45 if action == "samples" else 0.8
            added = fit_level(src, new.layers, a, b, level)
            layers = splice(src.layers, added, a, b, replace=False, xfade=int(XFADE * job.sr))
            layers = limit_window(layers, a, b)
        score = merge_window(src.score, new.score, start, end, replace=action == "replace_section")
        out.append(
            make_clip(
                layers,
                job,
                score,
                title=job.title(src.title),
                lyric=src.lyric,
                style=job.style(src.style),
                extra={"clip": i, "window": [start, end]},
            )
        )
    return out


def remaster(job: Job) -> list[Rendering]:
    """Louder, wider and, for older models, brighter: an exciter fills the missing band."""
    _ident, src = job.source()
    depth = VARIATION.get(str(job.get("variation_category", "normal")), 0.6)
    old_band = float(src.score.params.get("bandwidth", 20000))
    out = []
    for i in range(2):
        rng = np.random.default_rng([job.seed, i, 77])
        tilt = 1.0 + depth * (0.3 + 0.4 * rng.random())
        widen = 1.0 + depth * 0.5 * rng.random()
        layers = {}
        for name, layer in as_float(src.layers).items():
            x = layer
            if old_band < 16000:
                # Exciter: harmonics of the top octave fill the band the old model left empty.
                top = highpass(x, 0.5 * old_band, job.sr, order=2)
                air = highpass(np.tanh(top * F32(4.0)), 0.9 * old_band, job.sr, order=4)
                x = x + air * F32(0.6 * tilt)
            presence = highpass(x, 4000, job.sr, order=1)
            x = x + presence * F32(0.25 * (tilt - 1.0))
            mid, side = x.mean(axis=1, keepdims=True), (x[:, :1] - x[:, 1:]) / 2
            side = side * F32(widen)
            layers[name] = np.concatenate([mid + side, mid - side], axis=1)
        target = 0.2 + 0.03 * depth * rng.random()
        layers = master(layers, job.sr, target_rms=target, ceiling=0.95)
        score = Score.from_dict(src.score.to_dict())
        score.params = {
            **score.params,
            "bandwidth": max(old_band, job.sr * 0.45),
            "remastered": True,
        }
        out.append(
            make_clip(
                layers,
                job,
                score,
                title=f"{src.title or job.title()} (Remastered)",
                lyric=src.lyric,
                style=src.style,
                extra={"clip": i},
            )
        )
    return out


def sounds(job: Job) -> list[Rendering]:
    """A one-shot or a loop of the named sound at ``bpm`` in ``key``."""
    sound = str(job.get("sound", "piano chord"))
    loop = str(job.get("sound_type", "one-shot")).lower() == "loop"
    bpm = float(np.clip(job.number("bpm", 120), 30, 300))
    key, mode = parse_key(f"in {job.get('key', 'C')}")
    mode = mode or ("minor" if re.search(r"\b(minor|dark)\b", sound.lower()) else "major")
    out = []
    for i in range(2):
        score = sound_score(sound, loop=loop, bpm=bpm, key=key or 0, mode=mode, seed=job.seed,
                            clip=i, profile=job.profile)  # fmt: skip
        audio, layers = render_score(score, job.sr)
        out.append(Rendering(
            audio=audio, sr=job.sr, score=score, layers=layers, title=job.title(sound.title()),
            style=sound, extra={"clip": i, "sound_type": "loop" if loop else "one-shot"},
        ))  # fmt: skip
    return out


def adjust_speed(job: Job) -> list[Rendering]:
    """Faster or slower; ``keep_pitch`` time-stretches (WSOLA), else it resamples."""
    _ident, src = job.source()
    speed = float(np.clip(job.number("speed_multiplier", 1.0), 0.25, 4.0))
    keep_pitch = bool(job.get("keep_pitch", True))
    if keep_pitch:
        layers = retime(src, speed, 0.0, job.sr)
        semis = 0.0
    else:
        layers = {k: resample(v.astype(F32), 1 / speed) for k, v in src.layers.items()}
        semis = 12 * math.log2(speed)
    s = Score.from_dict(src.score.to_dict())
    s.tempo = round(s.tempo * speed, 3)
    s.duration = s.duration / speed
    s.notes = [
        (n, p + (semis if n not in ("drums", "percussion") else 0), a / speed, b / speed, v)
        for n, p, a, b, v in s.notes
    ]
    s.syllables = [
        (t, vw, a / speed, b / speed, p + semis, v, w) for t, vw, a, b, p, v, w in s.syllables
    ]
    s.words = [(w, a / speed, b / speed) for w, a, b in s.words]
    s.chords = [(a / speed, b / speed, r, q) for a, b, r, q in s.chords]
    s.sections = [(n, a / speed, b / speed) for n, a, b in s.sections]
    s.events = [(k, a / speed, b / speed, x) for k, a, b, x in s.events]
    if semis:
        s.key = round(s.key + semis) % 12
    return [
        make_clip(
            layers,
            job,
            s,
            title=job.title(src.title),
            lyric=src.lyric,
            style=src.style,
            extra={"speed_multiplier": speed, "keep_pitch": keep_pitch},
        )
    ]
