"""Actions that make or continue songs: generate, extend, concat, cover, personas, inspo
and mashup.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .analysis import describe_style
from .compose import MELODY_INSTRUMENT
from .effects import F32
from .job import XFADE, Job
from .layer_edits import make_clip, master, merge_scores, ramp, retime, split_mix, zeros_like
from .rendered_clip import Rendering
from .score import Score
from .style_vocab import read_style
from .text import mashup_lyrics


def generate(job: Job) -> list[Rendering]:
    """Two new songs from the style, lyric (or prompt) and knobs."""
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


def extend(job: Job) -> list[Rendering]:
    """The source up to ``continue_at``, then new material in its tempo, key and voice."""
    ident, src = job.source()
    cut = float(np.clip(job.number("continue_at", src.duration), 0.0, src.duration))
    s = src.score
    style = job.style(src.style)
    lyric = job.lyric()
    length = job.length()
    a = round(cut * job.sr)
    x = int(XFADE * job.sr)
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
            tail = new.layers[name].astype(F32) if name in new.layers else zeros_like(new)
            tail = tail.copy()
            if name in src.layers and x:
                # Let the source ring out under the new part's first milliseconds.
                ring = src.layers[name][a : a + x].astype(F32)
                tail[: len(ring)] += ring * (1 - ramp(len(ring)))
            layers[name] = np.concatenate([head, tail])
        score = merge_scores(s, new.score, cut, cut)
        full_lyric = "\n".join(t for t in (src.lyric, lyric) if t)
        out.append(
            make_clip(
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


def concat(job: Job) -> list[Rendering]:
    """The extend chain stitched oldest first (each link from where the next continues)."""
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
        # As the audios guide prints it: each link says where the next one continues; the
        # last link is its id alone.
        history.append(
            {
                "continue_at": float(stop),
                "id": clip_id,
                "infill": False,
                "source": "web",
                "type": "extend" if clip.extra.get("parent_id") else "gen",
            }
            if k + 1 < len(chain)
            else {"id": clip_id}
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
        make_clip(
            layers,
            job,
            last.score,
            title=last.title,
            lyric=last.lyric,
            style=last.style,
            extra={"concat_history": history, "parent_id": ident},
        )
    ]


def melody_of(src: Rendering) -> list[tuple]:
    s = src.score
    if any(syl[6] >= 0 for syl in s.syllables):
        return [syl for syl in s.syllables]
    name = MELODY_INSTRUMENT.get(s.genre, "lead")
    notes = s.notes_of(name) or s.notes_of("melody")
    return [("la", "a", st, en, p, v, -1) for _n, p, st, en, v in notes] or list(s.syllables)


def cover(job: Job) -> list[Rendering]:
    """The source's tune, words and harmony re-arranged in a new style; ``audio_weight``
    sets how much of the source's tempo and key is kept."""
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
        for t, v, st, en, p, vel, w in melody_of(src)
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


def artist(job: Job) -> list[Rendering]:
    """A new song sung by the persona's voice (in the source's tempo and key when given)."""
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


def inspo(job: Job) -> list[Rendering]:
    """A new song whose style, tempo and key come from the reference audio."""
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


def mashup(job: Job) -> list[Rendering]:
    """Each song's backing with the other's vocals, re-timed and transposed to fit."""
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
        base_layers = split_mix(base)
        guest_layers = split_mix(
            Rendering(guest.audio, guest.sr, guest.score, retime(guest, rate, semis, job.sr))
        )
        n = min(len(base.audio), int(job.length(max(base.duration, 10.0)) * job.sr))
        layers = {k: v[:n] for k, v in base_layers.items() if k not in ("vocals", "backing_vocals")}
        for k in ("vocals", "backing_vocals"):
            if k in guest_layers:
                g = np.zeros((n, 2), F32)
                m = min(n, len(guest_layers[k]))
                g[:m] = guest_layers[k][:m]
                layers[k] = g
        layers = master(layers, job.sr, target_rms=0.16)
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
            make_clip(
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
