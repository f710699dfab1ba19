"""Actions on stems: stems, all_stems, extract_stem and add_stem."""

from __future__ import annotations

from typing import Any

import numpy as np

from .effects import F32
from .job import Job
from .layer_edits import (
    fit_level,
    limit_window,
    make_clip,
    merge_window,
    render_in_window,
    splice,
    split_mix,
    zeros_like,
)
from .layers import Layers
from .rendered_clip import Rendering
from .score_to_audio import STEM_ORDER, STEM_TITLES
from .style_vocab import GENRES
from .text import write_lyrics

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


def stems(job: Job) -> list[Rendering]:
    """The vocals and the instrumental: the source's own layers, summing to its mix."""
    _ident, src = job.source()
    layers = split_mix(src)
    vocal_names = [k for k in ("vocals", "backing_vocals") if k in layers]
    vocals = {k: layers[k] for k in vocal_names} or {"vocals": zeros_like(src)}
    rest = {k: v for k, v in layers.items() if k not in vocal_names}
    title = src.title or job.title()
    return [
        make_clip(
            vocals,
            job,
            src.score,
            title=f"{title} - Vocals",
            lyric=src.lyric,
            style=src.style,
            extra={"stem_set": "vocals", "stem": "vocals"},
        ),
        make_clip(
            rest,
            job,
            src.score,
            title=f"{title} - Instrumental",
            lyric="",
            style=src.style,
            extra={"stem_set": "instrumental", "stem": "instrumental"},
        ),
    ]


def stem_sets(src: Rendering, job: Job) -> list[dict[str, np.ndarray]]:
    """Two separations: the exact layers, and one with a little bleed between present stems
    (as a second separation model would leave); both sum to the mix."""
    exact = split_mix(src)
    k = len(exact)
    mix = sum(exact.values()) if exact else zeros_like(src)
    bleed = F32(0.03 + 0.02 * ((job.seed % 5) / 5))
    second = {name: (1 - bleed) * v + bleed * mix / F32(k) for name, v in exact.items()}
    return [exact, second]


def all_stems(job: Job) -> list[Rendering]:
    """Twelve stems (silent when absent) for each of two separations."""
    _ident, src = job.source()
    title = src.title or job.title()
    out = []
    for set_index, layers in enumerate(stem_sets(src, job)):
        for stem in STEM_ORDER:
            part = {stem: layers[stem]} if stem in layers else {}
            clip = make_clip(
                part or {stem: zeros_like(src)},
                job,
                src.score,
                title=f"{title} ({STEM_TITLES[stem]})".strip(),
                lyric="",
                style=src.style,
                extra={"stem_set": set_index + 1, "stem": stem},
            )
            if not part:
                clip.layers = Layers()
            out.append(clip)
    return out


def extract_stem(job: Job) -> list[Rendering]:
    """The stem alone and the mix without it, for each of two separations."""
    _ident, src = job.source()
    stem = str(job.get("stem_type", "vocals"))
    title = src.title or job.title()
    out = []
    for set_index, layers in enumerate(stem_sets(src, job)):
        alone = {stem: layers[stem]} if stem in layers else {stem: zeros_like(src)}
        rest = {k: v for k, v in layers.items() if k != stem} or {"mix": zeros_like(src)}
        name = STEM_TITLES.get(stem, stem.title())
        out.append(
            make_clip(
                alone,
                job,
                src.score,
                title=f"{title} ({name})".strip(),
                style=src.style,
                extra={"stem_set": set_index + 1, "stem": stem},
            )
        )
        out.append(
            make_clip(
                rest,
                job,
                src.score,
                title=f"{title} (Without {name})".strip(),
                style=src.style,
                extra={"stem_set": set_index + 1, "stem": f"without_{stem}"},
            )
        )
    return out


def add_stem(job: Job) -> list[Rendering]:
    """A new part of ``stem_type`` composed on the source's beat grid and chords."""
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
        native = [n for n in (genre.instruments if genre else ()) if layer_name(n) == stem]
        wanted = (native[0] if native else STEM_INSTRUMENTS.get(stem, "pad"),)
    out = []
    for i in range(2):
        new = render_in_window(
            job, src, 0.0, src.duration, i, only_instruments=wanted, negative_tags="", **brief
        )
        if stem == "backing_vocals":
            new.layers = {k: v for k, v in new.layers.items() if k == "backing_vocals"}
        elif stem != "vocals":
            # Whatever the parts were filed under, they are the asked-for stem.
            parts = list(new.layers.values())
            new.layers = {stem: sum(parts[1:], parts[0]) if parts else zeros_like(src)}
        else:
            new.layers = {k: v for k, v in new.layers.items() if k == "vocals"}
        # A heavier reliance on the source (audio_weight) keeps the new stem lower.
        add = fit_level(src, new.layers, 0, len(src.audio), 0.75 - 0.45 * aw)
        layers = splice(src.layers, add, 0, len(src.audio), replace=False, xfade=0)
        layers = limit_window(layers, 0, len(src.audio))
        score = merge_window(src.score, new.score, 0.0, src.duration, replace=False)
        out.append(
            make_clip(
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


def layer_name(instrument: str) -> str:
    from .score_to_audio import layer_of

    return layer_of(instrument)
