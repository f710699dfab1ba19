"""The 21 actions of POST /suno/audios: each turns a request (and its source clips) into clips.

`render_action` is the one entry point the emulator server calls; every action shares the same
composer and renderer, and really transforms the audio of its sources.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import numpy as np

from .analysis import describe_style
from .compose import MELODY_INSTRUMENT, Brief, compose
from .effects import (
    F32,
    bandpass,
    gain_envelope,
    highpass,
    lowpass,
    resample,
    wsola_apply,
    wsola_plan,
)
from .layers import Layers, expand_gain
from .model_limits import DEFAULT_MODEL, model_profile
from .render import STEM_ORDER, STEM_TITLES, render_score
from .rendering import Rendering
from .score import Score
from .sounds import sound_score
from .style_vocab import GENRES, parse_key, read_style
from .text import mashup_lyrics, upsample_style, write_lyrics
from .voice import voice_for

SUPPORTED_ACTIONS: tuple[str, ...] = (
    "generate",
    "extend",
    "upload_extend",
    "concat",
    "cover",
    "upload_cover",
    "artist_consistency",
    "artist_consistency_vox",
    "stems",
    "all_stems",
    "replace_section",
    "underpainting",
    "overpainting",
    "samples",
    "remaster",
    "mashup",
    "inspo",
    "add_stem",
    "extract_stem",
    "sounds",
    "adjust_speed",
)
DEFAULT_DURATION = 30.0
VARIATION = {"subtle": 0.3, "normal": 0.6, "high": 1.0}
_XFADE = 0.03
STEM_INSTRUMENTS = {
    "guitar": "acoustic_guitar",
    "keyboard": "piano",
    "strings": "strings",
    "synth": "pad",
    "fx": "texture",
    "brass": "brass",
    "woodwinds": "woodwinds",
    "bass": "bass",
    "percussion": "shaker",
}


class _Job:
    """One call: the request, its sources and the shared defaults."""

    def __init__(
        self,
        action: str,
        request: Mapping[str, Any],
        seed: int,
        sources: Mapping[str, Rendering],
        persona: Mapping[str, Any] | None,
        sr: int,
        max_duration: float,
    ) -> None:
        self.action = action
        self.r = request
        self.seed = int(seed)
        self.sources = sources
        self.persona = dict(persona) if persona else None
        self.sr = sr
        self.max_duration = float(max_duration)
        self.model = str(request.get("model") or DEFAULT_MODEL)
        self.profile = model_profile(self.model)

    # ---- reading the request ----------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        value = self.r.get(key)
        return default if value is None or value == "" else value

    def number(self, key: str, default: float) -> float:
        try:
            return float(self.get(key, default))
        except (TypeError, ValueError):
            return default

    def length(self, default: float = DEFAULT_DURATION) -> float:
        asked = self.number("duration", default)
        return float(max(2.0, min(asked, self.profile.max_length, self.max_duration)))

    @property
    def instrumental(self) -> bool:
        return bool(self.get("instrumental", False))

    def lyric(self, fallback: str = "") -> str:
        if self.instrumental:
            return ""
        lyric = str(self.get("lyric", ""))
        if lyric.strip():
            return lyric
        brief = self.get("lyric_prompt")
        if isinstance(brief, dict):
            brief = brief.get("prompt")
        if brief:
            return str(write_lyrics(str(brief), seed=self.seed)["text"])
        if fallback:
            return fallback
        if not self.get("custom", False) and self.get("prompt"):
            return str(write_lyrics(str(self.get("prompt")), seed=self.seed)["text"])
        return ""

    def style(self, fallback: str = "") -> str:
        style = str(self.get("style", ""))
        if style.strip():
            return style
        if fallback:
            return fallback
        prompt = str(self.get("prompt", ""))
        return upsample_style(prompt, seed=self.seed) if prompt else "pop"

    def title(self, fallback: str = "") -> str:
        title = str(self.get("title", ""))
        if title:
            return title
        if fallback:
            return fallback
        prompt = str(self.get("prompt", ""))
        return str(write_lyrics(prompt, seed=self.seed)["title"]) if prompt else "Untitled"

    def source(self, key: str = "audio_id") -> tuple[str, Rendering]:
        ident = self.get(key)
        if ident is None or str(ident) not in self.sources:
            raise KeyError(str(ident))
        return str(ident), self._at_rate(self.sources[str(ident)])

    def _at_rate(self, clip: Rendering) -> Rendering:
        if clip.sr == self.sr:
            return clip
        ratio = self.sr / clip.sr
        layers = {k: resample(v.astype(F32), ratio) for k, v in clip.layers.items()}
        return Rendering.from_layers(
            layers,
            self.sr,
            clip.score,
            title=clip.title,
            lyric=clip.lyric,
            style=clip.style,
            extra=dict(clip.extra),
        )

    def voice(self, fallback: dict[str, Any] | None = None) -> dict[str, Any] | None:
        if self.persona:
            return {k: v for k, v in self.persona.items() if k != "source"}
        gender = self.get("vocal_gender")
        if gender in ("m", "f"):
            return voice_for(gender)
        return fallback

    def brief(self, clip: int, **overrides: Any) -> Brief:
        base = Brief(
            style=self.style(),
            negative_tags=str(self.get("negative_tags", self.get("style_negative", ""))),
            lyric=self.lyric(),
            instrumental=self.instrumental,
            vocal_gender=self.get("vocal_gender"),
            weirdness=self.number("weirdness", 0.2),
            style_influence=self.number("style_influence", 0.5),
            variation=str(self.get("variation_category", "normal")),
            model=self.model,
            duration=self.length(),
            seed=self.seed,
            clip=clip,
            voice=self.voice(),
        )
        for key, value in overrides.items():
            setattr(base, key, value)
        return base

    def render(self, brief: Brief, **meta: Any) -> Rendering:
        score = compose(brief)
        audio, layers = render_score(score, self.sr)
        return Rendering(audio=audio, sr=self.sr, score=score, layers=layers, **meta)


# ---- layer arithmetic ---------------------------------------------------------------------
def _f32(layers: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.asarray(v, dtype=F32) for k, v in layers.items()}


def _ramp(n: int) -> np.ndarray:
    return np.linspace(0.0, 1.0, n, dtype=F32)[:, None]


def _splice(
    base: Mapping[str, np.ndarray],
    new: Mapping[str, np.ndarray],
    a: int,
    b: int,
    *,
    replace: bool,
    xfade: int,
) -> dict[str, np.ndarray]:
    """Layers of ``base`` with ``new`` (aligned to sample ``a``) inside [a, b) only.
    ``replace`` swaps the window's content (cross-faded inside it), else adds to it."""
    n = len(next(iter(base.values())))
    out: dict[str, np.ndarray] = {}
    inside = np.ones((b - a, 1), dtype=F32)
    x = min(xfade, (b - a) // 2)
    if x > 0:
        inside[:x] = _ramp(x)
        inside[b - a - x :] = _ramp(x)[::-1]
    for name in dict.fromkeys([*base, *new]):
        layer = np.array(base[name], dtype=F32) if name in base else np.zeros((n, 2), F32)
        add = new.get(name)
        seg = np.zeros((b - a, 2), F32)
        if add is not None:
            m = min(len(add), b - a)
            seg[:m] = add[:m]
        if replace:
            layer[a:b] = layer[a:b] * (1 - inside) + seg * inside
        else:
            layer[a:b] += seg * inside
        out[name] = layer
    return out


def _fit_level(
    src: Rendering, new: Mapping[str, np.ndarray], a: int, b: int, level: float
) -> dict[str, np.ndarray]:
    """Scale added layers to ``level`` × the source's loudness inside [a, b)."""
    window = src.audio[a:b]
    src_rms = float(np.sqrt(np.mean(window**2))) if len(window) else 0.0
    total = sum(np.asarray(v[: b - a], dtype=F32) for v in new.values())
    new_rms = float(np.sqrt(np.mean(np.asarray(total) ** 2))) if len(new) else 0.0
    target = level * src_rms if src_rms > 1e-3 else 0.12
    gain = F32(target / new_rms) if new_rms > 1e-6 else F32(1.0)
    return {k: np.asarray(v, dtype=F32) * gain for k, v in new.items()}


def _limit_window(layers: dict[str, np.ndarray], a: int, b: int) -> dict[str, np.ndarray]:
    """Limit the mix's peaks inside [a, b) only (one gain for every layer); outside, every
    sample stays as it was."""
    mix = sum(v[a:b] for v in layers.values())
    if not len(mix) or float(np.abs(mix).max()) <= 0.95:
        return layers
    g = expand_gain(gain_envelope(mix, 44100, ceiling=0.95), 0, b - a)[:, None]
    # Edges stay at unity so the window joins its untouched surroundings without a step.
    edge = min(len(g) // 2, 512)
    if edge:
        ramp = np.linspace(0.0, 1.0, edge, dtype=F32)[:, None]
        g[:edge] = 1 - (1 - g[:edge]) * ramp
        g[len(g) - edge :] = 1 - (1 - g[len(g) - edge :]) * ramp[::-1]
    out = {}
    for k, v in layers.items():
        v = np.array(v, dtype=F32)
        v[a:b] *= g
        out[k] = v
    return out


def _master(
    layers: dict[str, np.ndarray], sr: int, target_rms: float, ceiling: float = 0.89
) -> dict[str, np.ndarray]:
    """One loudness and limiter gain for all layers (keeps stems summing to the mix)."""
    mix = sum(layers.values())
    rms = float(np.sqrt(np.mean(mix**2))) or 1e-9
    pre = float(np.clip(target_rms / rms, 0.05, 20))
    gains = gain_envelope(mix * F32(pre), sr, ceiling=ceiling) * F32(pre)
    g = expand_gain(gains, 0, len(mix))[:, None]
    return {k: v * g for k, v in layers.items()}


def _split_mix(clip: Rendering) -> dict[str, np.ndarray]:
    """Stems of a clip. Clips we rendered have them; for uploaded audio ("mix" only) a filter
    separation: voice band of the centre, bass below 150 Hz, drums (highs), the rest keys.
    Each is a part of the mix, so they still sum to it."""
    layers = _f32(clip.layers)
    if set(layers) != {"mix"}:
        return layers
    mix, sr = layers["mix"], clip.sr
    mid = mix.mean(axis=1, keepdims=True)
    vocals = np.repeat(bandpass(mid, 250, 3400, sr) * F32(0.7), 2, axis=1)
    rest = mix - vocals
    bass = lowpass(rest, 150, sr, order=4)
    drums = highpass(rest - bass, 5000, sr, order=4)
    return {"vocals": vocals, "bass": bass, "drums": drums, "keyboard": rest - bass - drums}


def _zeros_like(clip: Rendering) -> np.ndarray:
    return np.zeros((len(clip.audio), 2), dtype=F32)


def _clip(layers: dict[str, np.ndarray], job: _Job, score: Score, **meta: Any) -> Rendering:
    return Rendering.from_layers(layers, job.sr, score, **meta)


def _merge_scores(first: Score, second: Score, offset: float, cut: float) -> Score:
    """``first`` up to ``cut`` followed by ``second`` shifted by ``offset`` seconds."""
    head = first.window(0.0, cut)
    tail = second.window(0.0, second.duration, offset=offset)
    words_before = max((s[6] for s in head.syllables), default=-1) + 1
    merged = Score.from_dict(head.to_dict())
    merged.notes = head.notes + tail.notes
    merged.syllables = head.syllables + [
        (*s[:6], s[6] + words_before if s[6] >= 0 else -1) for s in tail.syllables
    ]
    merged.words = head.words + tail.words
    merged.chords = head.chords + tail.chords
    merged.sections = head.sections + tail.sections
    merged.events = head.events + tail.events
    merged.duration = offset + second.duration
    return merged


# ---- the actions --------------------------------------------------------------------------
def _generate(job: _Job) -> list[Rendering]:
    lyric, style, title = job.lyric(), job.style(), job.title()
    return [
        job.render(
            job.brief(i, lyric=lyric, style=style),
            title=title,
            lyric=lyric,
            style=style,
            extra={"clip": i},
        )
        for i in range(2)
    ]


def _extend(job: _Job) -> list[Rendering]:
    ident, src = job.source()
    cut = float(np.clip(job.number("continue_at", src.duration), 0.0, src.duration))
    s = src.score
    style = job.style(src.style)
    lyric = job.lyric()
    length = job.length()
    a = round(cut * job.sr)
    x = int(_XFADE * job.sr)
    out = []
    for i in range(2):
        brief = job.brief(
            i,
            style=style,
            lyric=lyric,
            tempo=s.tempo,
            key=s.key,
            mode=s.mode,
            duration=length,
            voice=job.voice(s.voice or None),
        )
        new = job.render(brief)
        layers: dict[str, np.ndarray] = {}
        for name in dict.fromkeys([*src.layers, *new.layers]):
            head = src.layers[name][:a].astype(F32) if name in src.layers else np.zeros((a, 2), F32)
            tail = new.layers[name].astype(F32) if name in new.layers else _zeros_like(new)
            tail = tail.copy()
            if name in src.layers and x:
                # Let the source ring out under the new part's first milliseconds.
                ring = src.layers[name][a : a + x].astype(F32)
                tail[: len(ring)] += ring * (1 - _ramp(len(ring)))
            layers[name] = np.concatenate([head, tail])
        score = _merge_scores(s, new.score, cut, cut)
        full_lyric = "\n".join(t for t in (src.lyric, lyric) if t)
        out.append(
            _clip(
                layers,
                job,
                score,
                title=job.title(src.title),
                lyric=full_lyric,
                style=style,
                extra={"parent_id": ident, "continue_at": cut, "clip": i},
            )
        )
    return out


def _concat(job: _Job) -> list[Rendering]:
    ident, last = job.source()
    chain = [(ident, last)]
    while (parent := chain[-1][1].extra.get("parent_id")) and parent in job.sources:
        chain.append((parent, job._at_rate(job.sources[parent])))
    chain.reverse()
    history = []
    pieces: dict[str, list[np.ndarray]] = {}
    start = 0.0
    for k, (clip_id, clip) in enumerate(chain):
        stop = (
            chain[k + 1][1].extra.get("continue_at", clip.duration)
            if k + 1 < len(chain)
            else clip.duration
        )
        history.append(
            {
                "id": clip_id,
                "continue_at": clip.extra.get("continue_at"),
                "type": "extend" if clip.extra.get("parent_id") else "gen",
            }
        )
        a, b = round(start * job.sr), round(float(stop) * job.sr)
        names = set(pieces) | set(clip.layers)
        done = sum(len(p) for p in next(iter(pieces.values()), [])) if pieces else 0
        for name in names:
            part = pieces.setdefault(name, [np.zeros((done, 2), F32)] if done else [])
            seg = (
                clip.layers[name][a:b].astype(F32)
                if name in clip.layers
                else np.zeros((max(b - a, 0), 2), F32)
            )
            part.append(seg)
        start = float(stop)
    layers = {k: np.concatenate(v) for k, v in pieces.items()}
    return [
        _clip(
            layers,
            job,
            last.score,
            title=last.title,
            lyric=last.lyric,
            style=last.style,
            extra={"concat_history": history, "parent_id": ident},
        )
    ]


def _melody_of(src: Rendering) -> list[tuple]:
    s = src.score
    if any(syl[6] >= 0 for syl in s.syllables):
        return [syl for syl in s.syllables]
    name = MELODY_INSTRUMENT.get(s.genre, "lead")
    notes = s.notes_of(name) or s.notes_of("melody")
    return [("la", "a", st, en, p, v, -1) for _n, p, st, en, v in notes] or list(s.syllables)


def _cover(job: _Job) -> list[Rendering]:
    ident, src = job.source()
    s = src.score
    style = job.style(src.style)
    aw = float(np.clip(job.number("audio_weight", 0.5), 0, 1))
    choice = read_style(style)
    style_tempo = choice.tempo or sum(choice.genre.tempo) / 2
    tempo = math.exp(aw * math.log(s.tempo) + (1 - aw) * math.log(style_tempo))
    ratio = s.tempo / tempo  # new time = old time × ratio
    duration = min(s.duration * ratio, job.profile.max_length, job.max_duration)
    key = s.key if aw >= 0.3 or choice.key is None else choice.key
    shift = ((key - s.key + 6) % 12) - 6
    melody = [
        (t, v, st * ratio, en * ratio, p + shift, vel, w)
        for t, v, st, en, p, vel, w in _melody_of(src)
    ]
    chords = [(a * ratio, b * ratio, (r + shift) % 12, q) for a, b, r, q in s.chords]
    instrumental = job.instrumental or not any(m[6] >= 0 for m in melody)
    out = []
    for i in range(2):
        brief = job.brief(
            i,
            style=style,
            lyric=src.lyric,
            tempo=tempo,
            key=key,
            mode=choice.mode or s.mode,
            melody=melody,
            chords=chords or None,
            duration=duration,
            instrumental=instrumental,
            voice=job.voice(s.voice or None),
        )
        out.append(
            job.render(
                brief,
                title=job.title(src.title),
                lyric=src.lyric,
                style=style,
                extra={"source_id": ident, "clip": i, "audio_weight": aw},
            )
        )
    return out


def _artist(job: _Job) -> list[Rendering]:
    if not job.persona:
        raise KeyError(str(job.get("persona_id", "persona_id")))
    src = (
        job.source()[1]
        if job.action == "artist_consistency_vox" or (job.get("audio_id") in job.sources)
        else None
    )
    overrides: dict[str, Any] = {}
    lyric = job.lyric(src.lyric if src else "")
    style = job.style(src.style if src else "")
    if src is not None:
        overrides.update(tempo=src.score.tempo, key=src.score.key, mode=src.score.mode)
    title = job.title(src.title if src else "")
    return [
        job.render(
            job.brief(i, lyric=lyric, style=style, instrumental=False, **overrides),
            title=title,
            lyric=lyric,
            style=style,
            extra={"clip": i},
        )
        for i in range(2)
    ]


def _stems(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    layers = _split_mix(src)
    vocal_names = [k for k in ("vocals", "backing_vocals") if k in layers]
    vocals = {k: layers[k] for k in vocal_names} or {"vocals": _zeros_like(src)}
    rest = {k: v for k, v in layers.items() if k not in vocal_names}
    title = src.title or job.title()
    return [
        _clip(
            vocals,
            job,
            src.score,
            title=f"{title} - Vocals",
            lyric=src.lyric,
            style=src.style,
            extra={"stem_set": "vocals", "stem": "vocals"},
        ),
        _clip(
            rest,
            job,
            src.score,
            title=f"{title} - Instrumental",
            lyric="",
            style=src.style,
            extra={"stem_set": "instrumental", "stem": "instrumental"},
        ),
    ]


def _stem_sets(src: Rendering, job: _Job) -> list[dict[str, np.ndarray]]:
    """Two separations: the exact layers, and one with a little bleed between present stems
    (as a second separation model would leave); both sum to the mix."""
    exact = _split_mix(src)
    k = len(exact)
    mix = sum(exact.values()) if exact else _zeros_like(src)
    bleed = F32(0.03 + 0.02 * ((job.seed % 5) / 5))
    second = {name: (1 - bleed) * v + bleed * mix / F32(k) for name, v in exact.items()}
    return [exact, second]


def _all_stems(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    title = src.title or job.title()
    out = []
    for set_index, layers in enumerate(_stem_sets(src, job)):
        for stem in STEM_ORDER:
            part = {stem: layers[stem]} if stem in layers else {}
            clip = _clip(
                part or {stem: _zeros_like(src)},
                job,
                src.score,
                title=f"{title} - {STEM_TITLES[stem]}",
                lyric="",
                style=src.style,
                extra={"stem_set": set_index + 1, "stem": stem},
            )
            if not part:
                clip.layers = Layers()
            out.append(clip)
    return out


def _extract_stem(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    stem = str(job.get("stem_type", "vocals"))
    title = src.title or job.title()
    out = []
    for set_index, layers in enumerate(_stem_sets(src, job)):
        alone = {stem: layers[stem]} if stem in layers else {stem: _zeros_like(src)}
        rest = {k: v for k, v in layers.items() if k != stem} or {"mix": _zeros_like(src)}
        name = STEM_TITLES.get(stem, stem.title())
        out.append(
            _clip(
                alone,
                job,
                src.score,
                title=f"{title} - {name}",
                style=src.style,
                extra={"stem_set": set_index + 1, "stem": stem},
            )
        )
        out.append(
            _clip(
                rest,
                job,
                src.score,
                title=f"{title} - Without {name}",
                style=src.style,
                extra={"stem_set": set_index + 1, "stem": f"without_{stem}"},
            )
        )
    return out


def _window(
    job: _Job, src: Rendering, start_key: str, end_key: str, default_start: float = 0.0
) -> tuple[float, float]:
    start = float(np.clip(job.number(start_key, default_start), 0.0, src.duration))
    end = float(np.clip(job.number(end_key, src.duration), start, src.duration))
    if end - start < 0.5:
        end = min(src.duration, start + 0.5)
    return start, end


def _in_window(
    job: _Job, src: Rendering, start: float, end: float, clip: int, **brief: Any
) -> Rendering:
    """New material on the source's beat grid, from the bar line before ``start`` to ``end``."""
    s = src.score
    bar = 240.0 / s.tempo
    t0 = math.floor(start / bar) * bar
    overrides = {
        "tempo": s.tempo,
        "key": s.key,
        "mode": s.mode,
        "duration": end - t0,
        "style": job.style(src.style),
        "voice": job.voice(s.voice or None),
    }
    if s.chords:
        overrides["chords"] = [(a - t0, b - t0, r, q) for a, b, r, q in s.chords if b > t0]
    overrides.update(brief)
    new = job.render(job.brief(clip, **overrides))
    offset = round((start - t0) * job.sr)
    layers = {k: v[offset:].astype(F32) for k, v in new.layers.items()}
    shifted = new.score.window(start - t0, end - t0, offset=t0)
    return Rendering(audio=new.audio[offset:], sr=job.sr, score=shifted, layers=layers)


def _painting(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    action = job.action
    prefix = {
        "replace_section": "replace_section",
        "underpainting": "underpainting",
        "overpainting": "overpainting",
        "samples": "samples",
    }[action]
    start, end = _window(job, src, f"{prefix}_start", f"{prefix}_end")
    a, b = round(start * job.sr), round(end * job.sr)
    out = []
    for i in range(2):
        if action == "replace_section":
            lines = str(job.get("prompt", "")) or job.lyric(src.lyric)
            lyric = lines if "[" in lines else f"[Verse]\n{lines}"
            new = _in_window(
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
                    _clip(
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
            layers = _splice(src.layers, new.layers, a, b, replace=True, xfade=int(_XFADE * job.sr))
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
            new = _in_window(job, src, start, end, i, **brief)
            level = 0.45 if action == "samples" else 0.8
            added = _fit_level(src, new.layers, a, b, level)
            layers = _splice(src.layers, added, a, b, replace=False, xfade=int(_XFADE * job.sr))
            layers = _limit_window(layers, a, b)
        score = _merge_window(src.score, new.score, start, end, replace=action == "replace_section")
        out.append(
            _clip(
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


def _merge_window(base: Score, new: Score, start: float, end: float, *, replace: bool) -> Score:
    merged = Score.from_dict(base.to_dict())

    def keep(t: float) -> bool:
        return not replace or not (start <= t < end)

    merged.notes = sorted([n for n in base.notes if keep(n[2])] + new.notes, key=lambda n: n[2])
    merged.syllables = sorted(
        [s for s in base.syllables if keep(s[2])]
        + [(*s[:6], -1 if s[6] < 0 else s[6] + 10000) for s in new.syllables],
        key=lambda s: s[2],
    )
    merged.words = sorted([w for w in base.words if keep(w[1])] + new.words, key=lambda w: w[1])
    merged.events = base.events + new.events
    return merged


def _remaster(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    depth = VARIATION.get(str(job.get("variation_category", "normal")), 0.6)
    old_band = float(src.score.params.get("bandwidth", 20000))
    out = []
    for i in range(2):
        rng = np.random.default_rng([job.seed, i, 77])
        tilt = 1.0 + depth * (0.3 + 0.4 * rng.random())
        widen = 1.0 + depth * 0.5 * rng.random()
        layers = {}
        for name, layer in _f32(src.layers).items():
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
        layers = _master(layers, job.sr, target_rms=target, ceiling=0.95)
        score = Score.from_dict(src.score.to_dict())
        score.params = {
            **score.params,
            "bandwidth": max(old_band, job.sr * 0.45),
            "remastered": True,
        }
        out.append(
            _clip(
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


def _retime(clip: Rendering, rate: float, semitones: float, sr: int) -> dict[str, np.ndarray]:
    """Layers played ``rate`` × faster and ``semitones`` higher (resample, then WSOLA)."""
    layers = _f32(clip.layers)
    if abs(semitones) > 1e-3:
        factor = 2 ** (semitones / 12)
        layers = {k: resample(v, 1 / factor) for k, v in layers.items()}
        rate = rate / factor
    if abs(rate - 1.0) > 1e-3:
        mix = sum(layers.values())
        plan = wsola_plan(mix.mean(axis=1), rate)
        layers = {k: wsola_apply(v, plan) for k, v in layers.items()}
    return layers


def _mashup(job: _Job) -> list[Rendering]:
    ids = list(job.get("mashup_audio_ids", []))[:2]
    if len(ids) < 2:
        raise KeyError(str(ids[0] if ids else "mashup_audio_ids"))
    clips = []
    for ident in ids:
        if ident not in job.sources:
            raise KeyError(str(ident))
        clips.append(job._at_rate(job.sources[ident]))
    lyric = job.lyric() or str(mashup_lyrics(clips[0].lyric, clips[1].lyric, seed=job.seed)["text"])
    out = []
    for i in range(2):
        base, guest = (clips[0], clips[1]) if i == 0 else (clips[1], clips[0])
        rate = base.score.tempo / guest.score.tempo
        semis = ((base.score.key - guest.score.key + 6) % 12) - 6
        base_layers = _split_mix(base)
        guest_layers = _split_mix(
            Rendering(guest.audio, guest.sr, guest.score, _retime(guest, rate, semis, job.sr))
        )
        n = min(len(base.audio), int(job.length(max(base.duration, 10.0)) * job.sr))
        layers = {k: v[:n] for k, v in base_layers.items() if k not in ("vocals", "backing_vocals")}
        for k in ("vocals", "backing_vocals"):
            if k in guest_layers:
                g = np.zeros((n, 2), F32)
                m = min(n, len(guest_layers[k]))
                g[:m] = guest_layers[k][:m]
                layers[k] = g
        layers = _master(layers, job.sr, target_rms=0.16)
        score = Score.from_dict(base.score.to_dict())
        score.duration = n / job.sr
        score.notes = [x for x in score.notes if x[0] not in ("vocals", "backing_vocals")]
        score.syllables = [
            (*s[:2], s[2] / rate, s[3] / rate, s[4] + semis, *s[5:])
            for s in guest.score.syllables
            if s[2] / rate < score.duration
        ]
        score.words = [
            (w, a / rate, b / rate) for w, a, b in guest.score.words if a / rate < score.duration
        ]
        score.notes += [
            ("vocals", p, a, b, v) for _t, _vw, a, b, p, v, w in score.syllables if w >= 0
        ]
        title = job.title(f"{base.title or 'A'} x {guest.title or 'B'}")
        out.append(
            _clip(
                layers,
                job,
                score,
                title=title,
                lyric=lyric,
                style=f"{base.style}, {guest.style}".strip(", "),
                extra={"clip": i, "mashup_of": ids},
            )
        )
    return out


def _inspo(job: _Job) -> list[Rendering]:
    urls = list(job.get("audio_urls", []))
    refs = []
    for url in urls:
        if url not in job.sources:
            raise KeyError(str(url))
        refs.append(job.sources[url])
    if not refs:
        raise KeyError("audio_urls")
    aw = float(np.clip(job.number("audio_weight", 0.5), 0, 1))
    heard = (
        describe_style(refs[0].score)
        if len(refs) == 1
        else ", ".join(
            dict.fromkeys(w for r in refs for w in describe_style(r.score).split(", ")[:2])
        )
    )
    tempo_ref = float(np.exp(np.mean([np.log(r.score.tempo) for r in refs])))
    asked = str(job.get("style", ""))
    style = f"{asked}, {heard}" if asked else heard
    choice = read_style(asked) if asked else None
    own = (choice.tempo or sum(choice.genre.tempo) / 2) if choice else tempo_ref
    tempo = math.exp(aw * math.log(tempo_ref) + (1 - aw) * math.log(own))
    key = refs[0].score.key if aw >= 0.3 else None
    lyric = job.lyric()
    title = job.title()
    return [
        job.render(
            job.brief(
                i,
                style=style,
                lyric=lyric,
                tempo=tempo,
                key=key,
                mode=refs[0].score.mode if aw >= 0.3 else None,
            ),
            title=title,
            lyric=lyric,
            style=style,
            extra={"clip": i, "inspo_style": heard},
        )
        for i in range(2)
    ]


def _add_stem(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    stem = str(job.get("stem_type", "synth"))
    aw = float(np.clip(job.number("audio_weight", 0.5), 0, 1))
    genre = GENRES.get(src.score.genre)
    wanted: tuple[str, ...]
    brief: dict[str, Any] = {"instrumental": True, "lyric": ""}
    if stem == "vocals":
        wanted = ()
        brief = {
            "instrumental": False,
            "lyric": job.lyric(src.lyric)
            or job.lyric()
            or str(write_lyrics(src.title or "song", seed=job.seed)["text"]),
        }
    elif stem == "backing_vocals":
        wanted = ("backing_vocals",)
        brief = {"instrumental": False, "lyric": "[Chorus]\n" + "ooh " * 8}
    elif stem == "drums":
        wanted = ("drums",)
    else:
        native = [n for n in (genre.instruments if genre else ()) if _layer(n) == stem]
        wanted = (native[0] if native else STEM_INSTRUMENTS.get(stem, "pad"),)
    out = []
    for i in range(2):
        new = _in_window(
            job, src, 0.0, src.duration, i, only_instruments=wanted, negative_tags="", **brief
        )
        if stem == "backing_vocals":
            new.layers = {k: v for k, v in new.layers.items() if k == "backing_vocals"}
        elif stem != "vocals":
            new.layers = {k: v for k, v in new.layers.items() if k == stem} or {
                stem: sum(new.layers.values())
            }
        else:
            new.layers = {k: v for k, v in new.layers.items() if k == "vocals"}
        # A heavier reliance on the source (audio_weight) keeps the new stem lower.
        add = _fit_level(src, new.layers, 0, len(src.audio), 0.75 - 0.45 * aw)
        layers = _splice(src.layers, add, 0, len(src.audio), replace=False, xfade=0)
        layers = _limit_window(layers, 0, len(src.audio))
        score = _merge_window(src.score, new.score, 0.0, src.duration, replace=False)
        out.append(
            _clip(
                layers,
                job,
                score,
                title=job.title(src.title),
                lyric=src.lyric,
                style=src.style,
                extra={"clip": i, "added_stem": stem},
            )
        )
    return out


def _layer(instrument: str) -> str:
    from .render import layer_of

    return layer_of(instrument)


def _sounds(job: _Job) -> list[Rendering]:
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


def _adjust_speed(job: _Job) -> list[Rendering]:
    _ident, src = job.source()
    speed = float(np.clip(job.number("speed_multiplier", 1.0), 0.25, 4.0))
    keep_pitch = bool(job.get("keep_pitch", True))
    if keep_pitch:
        layers = _retime(src, speed, 0.0, job.sr)
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
        _clip(
            layers,
            job,
            s,
            title=job.title(src.title),
            lyric=src.lyric,
            style=src.style,
            extra={"speed_multiplier": speed, "keep_pitch": keep_pitch},
        )
    ]


_ACTIONS: dict[str, Callable[[_Job], list[Rendering]]] = {
    "generate": _generate,
    "extend": _extend,
    "upload_extend": _extend,
    "concat": _concat,
    "cover": _cover,
    "upload_cover": _cover,
    "artist_consistency": _artist,
    "artist_consistency_vox": _artist,
    "stems": _stems,
    "all_stems": _all_stems,
    "replace_section": _painting,
    "underpainting": _painting,
    "overpainting": _painting,
    "samples": _painting,
    "remaster": _remaster,
    "mashup": _mashup,
    "inspo": _inspo,
    "add_stem": _add_stem,
    "extract_stem": _extract_stem,
    "sounds": _sounds,
    "adjust_speed": _adjust_speed,
}


def render_action(
    action: str,
    request: Mapping[str, Any],
    *,
    seed: int,
    sources: Mapping[str, Rendering] = MappingProxyType({}),
    persona: Mapping[str, Any] | None = None,
    sr: int = 44100,
    max_duration: float = 60.0,
) -> list[Rendering]:
    """Render the clips of one ``POST /suno/audios`` request.

    >>> clips = render_action("generate", {"prompt": "lofi rain", "duration": 10}, seed=1)
    >>> len(clips), clips[0].audio.shape[1]
    (2, 2)
    """
    handler = _ACTIONS.get(action or "generate")
    if handler is None:
        raise ValueError(
            f"action {action!r} is not supported; use one of: {', '.join(SUPPORTED_ACTIONS)}"
        )
    job = _Job(action or "generate", request, seed, sources, persona, sr, max_duration)
    return handler(job)
