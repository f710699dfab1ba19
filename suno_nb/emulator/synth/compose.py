"""The composer: from a request's brief (style, lyric, knobs, seed) to a complete `Score`.

Form comes from the lyric's section tags, harmony from the genre, parts from the instruments;
`weirdness` bends pitches and rhythm; `style_influence` trades a neutral band for genre colour.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from suno_nb import schema

from .drums import LEVELS, PATTERNS
from .instruments import INSTRUMENTS
from .model_limits import model_profile
from .score import Note, Score, Syllable
from .style_vocab import GENRES, NEUTRAL_DRUMS, NEUTRAL_PROGRESSIONS, SCALES, Genre, read_style
from .text import parse_lyrics, syllables, words_of
from .voice import voice_for, vowel_of

SECTION_ENERGY = {
    "intro": 0.6,
    "verse": 0.78,
    "pre-chorus": 0.86,
    "chorus": 1.0,
    "hook": 1.0,
    "bridge": 0.72,
    "outro": 0.6,
    "break": 0.65,
    "drop": 1.0,
    "solo": 0.9,
}
MELODY_INSTRUMENT = {
    "lofi": "epiano",
    "house": "pluck",
    "drum and bass": "lead",
    "rock": "lead_guitar",
    "metal": "lead_guitar",
    "ambient": "bell",
    "jazz": "rhodes",
    "orchestral": "woodwinds",
    "hip hop": "bell",
    "trap": "bell",
    "folk": "woodwinds",
    "synthwave": "lead",
    "pop": "pluck",
    "classical piano": "grand_piano",
    "reggae": "organ",
    "techno": "lead",
}
SIGNATURE_BASS = {"sub808", "reese", "synthbass"}


def _knob_default(name: str, ours: float) -> float:
    # The service's documented default when the schema has one, else the emulator's choice.
    documented = schema.FIELDS[name].default
    return ours if documented is None else float(documented)


# What the composer assumes when a request leaves a knob out: the only place these live.
DEFAULT_WEIRDNESS = _knob_default("weirdness", 0.2)
DEFAULT_STYLE_INFLUENCE = _knob_default("style_influence", 0.5)


@dataclass
class Brief:
    """What a request asks the composer for (already read from the JSON body)."""

    style: str = ""
    negative_tags: str = ""
    lyric: str = ""
    instrumental: bool = False
    vocal_gender: str | None = None
    weirdness: float = DEFAULT_WEIRDNESS
    style_influence: float = DEFAULT_STYLE_INFLUENCE
    variation: str = "normal"
    model: str = "chirp-v4"
    duration: float = 30.0
    seed: int = 0
    clip: int = 0
    voice: dict[str, Any] | None = None
    tempo: float | None = None
    key: int | None = None
    mode: str | None = None
    melody: list[Syllable] | None = None  # a sung line to keep (cover)
    chords: list[tuple[float, float, int, str]] | None = None  # harmony to keep
    extra_instruments: tuple[str, ...] = ()
    only_instruments: tuple[str, ...] | None = None  # restrict the parts (add_stem, underpainting)
    brightness: float | None = None
    lead: bool = True  # an instrumental gets a lead instrument playing the tune
    params: dict[str, Any] = field(default_factory=dict)


def _rng(*parts: object) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(repr(parts).encode()))


class _Composer:
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        seed, clip, variation = brief.seed, brief.clip, brief.variation
        # How far the clips of one request drift apart: subtle shares everything but details,
        # normal re-draws the parts, high re-draws the song (tempo, chords, form) too.
        self.song_rng = _rng(seed, "song", clip if variation == "high" else -1)
        self.part_rng = _rng(seed, "part", -1 if variation == "subtle" else clip)
        self.detail_rng = _rng(seed, "detail", clip)
        self.weirdness = float(np.clip(brief.weirdness, 0.0, 1.0))
        self.style_influence = float(np.clip(brief.style_influence, 0.0, 1.0))
        self.choice = read_style(brief.style, brief.negative_tags)
        self.genre: Genre = self.choice.genre
        self.profile = model_profile(brief.model)
        self.notes: list[Note] = []
        self.syllables: list[Syllable] = []
        self.words: list[tuple[str, float, float]] = []
        self.events: list[tuple[str, float, float, float]] = []

    # ---- global decisions ------------------------------------------------------------------
    def decide(self) -> None:
        brief, genre, choice = self.brief, self.genre, self.choice
        if brief.tempo:
            tempo = float(brief.tempo)
        elif choice.tempo:
            tempo = choice.tempo
        else:
            lo, hi = genre.tempo
            tempo = lo + (hi - lo) * self.song_rng.random()
            tempo *= 1.0 + 0.1 * choice.tempo_bias
        self.tempo = float(np.clip(tempo, 40, 240))
        self.key = brief.key if brief.key is not None else choice.key
        if self.key is None:
            self.key = int(self.song_rng.integers(0, 12))
        self.mode = brief.mode or choice.mode or genre.mode
        self.beat = 60.0 / self.tempo
        self.bar = 4 * self.beat
        self.swing = genre.swing * self.style_influence
        self.removed = choice.removed
        self.instrumental = brief.instrumental or "vocals" in self.removed
        self.voice = dict(brief.voice) if brief.voice else voice_for(brief.vocal_gender, brief.seed)
        self.instruments = self._instruments()
        self.drum_pattern = self._drum_pattern()

    def _allowed(self, name: str) -> bool:
        inst = INSTRUMENTS[name]
        return name not in self.removed and inst.layer not in self.removed

    def _instruments(self) -> dict[str, float]:
        """Instrument -> level factor, blending the neutral band with the genre's signature."""
        influence, genre = self.style_influence, self.genre
        levels: dict[str, float] = {}
        for name in genre.instruments:
            levels[name] = 0.3 + 0.9 * influence
        if self.choice.secondary is not None:
            levels.setdefault(self.choice.secondary.instruments[0], 0.3 + 0.5 * influence)
        bass = next((n for n in genre.instruments if n in SIGNATURE_BASS), None)
        if genre.bass != "none" or influence < 0.5:
            levels.setdefault(bass or "bass", 0.3 + 0.7 * influence if bass else 1.0)
            if bass and influence < 0.5:
                levels["bass"] = 1.0 - 2 * influence
        # The neutral piano fades out as style influence rises.
        neutral = 1.0 - influence
        if neutral > 0.05 and "piano" not in levels:
            levels["piano"] = neutral
        for name in self.brief.extra_instruments:
            levels[name] = max(levels.get(name, 0.0), 0.9)
        if self.instrumental and self.brief.lead:
            levels.setdefault(MELODY_INSTRUMENT.get(genre.name, "lead"), 0.9)
        if self.brief.only_instruments is not None:
            levels = {n: v for n, v in levels.items() if n in self.brief.only_instruments}
            for name in self.brief.only_instruments:
                levels.setdefault(name, 0.9)
        return {n: v for n, v in levels.items() if n in INSTRUMENTS and self._allowed(n)}

    def _drum_pattern(self) -> str:
        if "drums" in self.removed:
            return ""
        if self.brief.only_instruments is not None and "drums" not in self.brief.only_instruments:
            return ""
        if self.style_influence < 0.35:
            return NEUTRAL_DRUMS
        return self.genre.drums

    # ---- harmony and form ----------------------------------------------------------------
    def scale(self) -> tuple[int, ...]:
        return SCALES.get(self.mode, SCALES["major"])

    def chord(self, degree: int) -> tuple[int, str, list[int]]:
        """Root pitch class, quality and chord tones (pitch classes) of a scale degree."""
        sc = self.scale()
        tones = [sc[(degree + 2 * i) % 7] + 12 * ((degree + 2 * i) // 7) for i in range(4)]
        third = (tones[1] - tones[0]) % 12
        fifth = (tones[2] - tones[0]) % 12
        quality = "min" if third == 3 else "maj"
        if fifth == 6:
            quality = "dim"
        sevenths = self.genre.sevenths and self.style_influence > 0.3
        count = 4 if sevenths else 3
        pcs = [(self.key + t) % 12 for t in tones[:count]]
        if sevenths:
            quality += "7"
        return (self.key + sc[degree % 7]) % 12, quality, pcs

    def form(self) -> list[tuple[str, int, list[str]]]:
        """Sections as (name, bars, lyric lines) filling the asked duration."""
        total = max(1, math.ceil(self.brief.duration / self.bar - 1e-6))
        bars_per_line = 1 if self.tempo < 96 else 2
        sections: list[tuple[str, int, list[str]]] = []
        lyric = "" if self.instrumental else self.brief.lyric
        parsed = parse_lyrics(lyric)
        if not parsed:
            parsed = [
                ("verse", [""] * 4),
                ("chorus", [""] * 4),
                ("verse", [""] * 4),
                ("chorus", [""] * 4),
                ("bridge", [""] * 2),
                ("chorus", [""] * 4),
            ]
        intro = 2 if total >= 12 else (1 if total >= 6 else 0)
        if intro:
            sections.append(("intro", intro, []))
        used = intro
        outro = 2 if total >= 16 else 0
        body = [(n, max(2, len(lines) * bars_per_line), lines) for n, lines in parsed]
        index = 0
        while used < total - outro:
            name, bars, lines = body[index % len(body)]
            if index >= len(body):
                # Past the lyric's end the song repeats its chorus (or its last section).
                chorus = [s for s in body if s[0] in ("chorus", "hook")]
                name, bars, lines = chorus[0] if chorus else body[-1]
            bars = min(bars, total - outro - used)
            if bars <= 0:
                break
            sections.append((name, bars, lines[: max(1, bars // bars_per_line)]))
            used += bars
            index += 1
        if outro and used < total:
            sections.append(("outro", total - used, []))
        self.bars_per_line = bars_per_line
        return sections

    # ---- parts --------------------------------------------------------------------------
    def add(self, instrument: str, pitch: float, start: float, end: float, vel: float) -> None:
        start = max(float(start), 0.0)
        if start < self.brief.duration and end > start:
            # Pitches on a 5-cent grid: microtones stay audible and repeated notes share a render.
            pitch = round(float(pitch) * 20) / 20
            self.notes.append(
                (instrument, pitch, round(start, 5), round(float(end), 5), float(vel))
            )

    def swung(self, step: int, steps_per_beat: int = 4) -> float:
        """Time offset (beats) of a sixteenth step, with swing on the off-beat eighths."""
        t = step / steps_per_beat
        if self.swing and step % 2 == 1 and steps_per_beat == 4:
            t += self.swing * 0.25
        return t

    def weird_pitch(self, pitch: float, rng: np.random.Generator) -> float:
        """Bend a pitch off the scale: chromatic steps and microtonal detune grow with weirdness."""
        weird = self.weirdness
        if rng.random() < 0.6 * weird:
            pitch += (
                float(rng.choice((-1, 1, 6, -6))) if weird > 0.5 else float(rng.choice((-1, 1)))
            )
        if weird > 0:
            pitch += float(rng.normal(0, 0.45 * weird * weird))
        return pitch

    def weird_time(self, t: float, rng: np.random.Generator) -> float:
        return t + float(rng.normal(0, 0.1 * self.weirdness**1.5)) * self.beat

    def voiced(self, pcs: list[int], register: int, count: int = 4) -> list[int]:
        """Chord tones placed at or above ``register - 6``."""
        out = []
        for pc in pcs[:count]:
            p = register - 6 + ((pc - (register - 6)) % 12)
            out.append(p)
        return sorted(out)

    def accompaniment(self, sections: list[tuple[str, float, float, float]]) -> None:
        chords = self.chords
        rng = self.part_rng
        drng = self.detail_rng
        for name, level in self.instruments.items():
            inst = INSTRUMENTS[name]
            part = inst.part
            for c_start, c_end, root, _quality, pcs, sec, energy in chords:
                active = self._part_active(part, sec)
                if not active:
                    continue
                vel = level * energy
                bar_len = c_end - c_start
                steps = max(1, round(bar_len / (self.beat / 4)))
                voicing = self.voiced(pcs, inst.register)
                if self.weirdness > 0:
                    voicing = [self.weird_pitch(p, drng) for p in voicing]
                self._part(name, part, c_start, c_end, steps, root, voicing, pcs, vel, rng)

    def _part_active(self, part: str, section: str) -> bool:
        if self.brief.only_instruments is not None:
            return True  # a part asked for by name (add_stem, samples) plays throughout
        if section in ("intro", "outro"):
            return part in ("pad", "texture", "block", "broken", "comp", "bell", "strum", "arp")
        return not (section == "verse" and part in ("counter", "hits", "riser"))

    def _part(
        self,
        name: str,
        part: str,
        t0: float,
        t1: float,
        steps: int,
        root: int,
        voicing: list[int],
        pcs: list[int],
        vel: float,
        rng: np.random.Generator,
    ) -> None:
        beat, sixteenth = self.beat, self.beat / 4
        inst = INSTRUMENTS[name]
        add = self.add

        jitter: dict[int, float] = {}

        def at(step: int) -> float:
            # One timing error per step: a note's start and end move together, so its length
            # (and its cached waveform) stays the same.
            if step not in jitter:
                jitter[step] = self.weird_time(t0 + self.swung(step) * beat, self.detail_rng)
            return jitter[step]

        bass_pitch = inst.register - 6 + ((root - (inst.register - 6)) % 12)
        if part == "pad":
            for p in voicing:
                add(name, p, t0, t1, vel * 0.8)
        elif part == "block":
            for half in range(0, steps, 8):
                for p in voicing[:3]:
                    add(name, p, at(half), at(half) + 1.8 * beat, vel * 0.7)
            add(name, bass_pitch - 12, t0, t0 + 3.5 * beat, vel * 0.6)
        elif part == "broken":
            tones = [bass_pitch - 12, *voicing, voicing[0] + 12]
            order = [0, 2, 1, 3, 2, 4, 3, 1] if len(tones) > 4 else [0, 1, 2, 1, 3, 2, 1, 2]
            for i in range(0, steps, 2):
                p = tones[order[(i // 2) % len(order)] % len(tones)]
                add(name, p, at(i), at(i) + 2.2 * sixteenth, vel * (0.85 if i % 8 == 0 else 0.65))
        elif part in ("comp", "skank", "stabs", "strum", "hits"):
            if part == "comp":
                slots = sorted(
                    rng.choice(range(0, steps, 2), size=min(3, steps // 2), replace=False)
                )
                length = 3 * sixteenth
            elif part == "skank":
                slots, length = list(range(4, steps, 8)), sixteenth * 1.5
            elif part == "stabs":
                slots, length = list(range(2, steps, 4)), sixteenth * 1.2
            elif part == "hits":
                slots, length = [0, 8], beat * 1.9  # swelling half-note chords
            else:  # strum: down, down-up, up-down-up
                slots, length = [0, 4, 6, 10, 12, 14], 2 * sixteenth
            for s in slots:
                if s >= steps:
                    continue
                for j, p in enumerate(voicing):
                    stagger = 0.012 * j if part == "strum" else 0.0
                    add(name, p, at(int(s)) + stagger, at(int(s)) + length, vel * 0.8)
        elif part == "power":
            fifth = bass_pitch + 7
            for s in range(0, steps, 2):
                for p in (bass_pitch, fifth, bass_pitch + 12):
                    add(name, p, at(s), at(s) + 1.7 * sixteenth, vel * (1.0 if s % 8 == 0 else 0.8))
        elif part in ("arp", "acid"):
            if part == "arp":
                tones = voicing + [v + 12 for v in voicing]
            else:
                tones = [bass_pitch, bass_pitch, bass_pitch + 12, bass_pitch + 7, bass_pitch + 3]
            for s in range(steps):
                if part == "acid" and rng.random() < 0.25:
                    continue
                p = tones[(s * (1 if part == "arp" else 3)) % len(tones)]
                add(name, p, at(s), at(s) + sixteenth * 0.9, vel * (1.0 if s % 4 == 0 else 0.7))
        elif part == "bell":
            for s in (0, 6, 10):
                if s < steps:
                    p = voicing[int(rng.integers(0, len(voicing)))] + 12
                    add(name, p, at(s), at(s) + beat, vel * 0.7)
        elif part == "counter":
            for s in range(0, steps, 8):
                p = voicing[int(rng.integers(0, len(voicing)))]
                add(name, p, at(s), at(s) + 2 * beat * 0.95, vel * 0.7)
        elif part == "bass":
            self._bass(name, t0, steps, bass_pitch, vel, rng)
        elif part == "timpani":
            add(name, bass_pitch, t0, t0 + beat, vel)
        elif part == "texture":
            add(name, 60, t0, t1, vel)

    def _bass(
        self, name: str, t0: float, steps: int, root: float, vel: float, rng: np.random.Generator
    ) -> None:
        pattern = self.genre.bass if self.style_influence >= 0.35 else "eighths"
        beat, six = self.beat, self.beat / 4
        sc = self.scale()
        hits: list[tuple[int, float, float]] = []  # (step, length in sixteenths, semitones)
        if pattern == "root_quarters":
            hits = [(0, 3, 0), (4, 3, 0), (8, 3, 7), (12, 3, 0)]
        elif pattern == "eighths":
            hits = [(s, 1.7, 0) for s in range(0, 16, 2)]
        elif pattern == "offbeat":
            hits = [(s, 1.6, 0) for s in (2, 6, 10, 14)]
        elif pattern == "walking":
            up = [0, sc[2] - sc[0], sc[4] - sc[0], 11 if rng.random() < 0.5 else 2]
            hits = [(4 * i, 3.6, up[i]) for i in range(4)]
        elif pattern == "follow_kick":
            hits = [(0, 6, 0), (7, 3, 0), (10, 6, 0)]
        elif pattern == "long":
            hits = [(0, 6, 0), (6, 4, 0), (10, 6, -2 if rng.random() < 0.5 else 0)]
        elif pattern == "sustained":
            hits = [(0, 15.5, 0)]
        elif pattern == "octaves":
            hits = [(s, 1.6, 12 * ((s // 2) % 2)) for s in range(0, 16, 2)]
        elif pattern == "one_drop":
            hits = [(2, 2, 0), (4, 3, 0), (8, 2, 7), (11, 3, 5)]
        elif pattern == "roots":
            hits = [(0, 7, 0), (8, 7, 7)]
        for s, length, semis in hits:
            if s >= steps:
                continue
            start = self.weird_time(t0 + self.swung(s) * beat, self.detail_rng)
            p = self.weird_pitch(root + semis, self.detail_rng) if self.weirdness else root + semis
            self.add(name, p, start, start + length * six, vel * (1.0 if s == 0 else 0.85))

    def drums(self, sections: list[tuple[str, float, float, float]]) -> None:
        if not self.drum_pattern:
            return
        pattern = PATTERNS[self.drum_pattern]
        weird, rng = self.weirdness, self.detail_rng
        beat = self.beat
        bar_index = 0
        for name, s0, s1, energy in sections:
            if name in ("intro", "outro") and self.drum_pattern not in ("four_on_floor", "techno"):
                bar_index += round((s1 - s0) / self.bar)
                continue
            t = s0
            first = True
            while t < s1 - 1e-6:
                bar_end = min(t + self.bar, s1)
                last = bar_end >= s1 - 1e-6
                shift = int(rng.integers(0, 16)) if rng.random() < 0.5 * weird * weird else 0
                for number, steps in pattern.items():
                    for i, ch in enumerate(steps):
                        level = LEVELS.get(ch, 0.0)
                        # Weirdness drops and adds hits: the groove grows irregular.
                        if level and rng.random() < 0.3 * weird * weird:
                            level = 0.0
                        elif not level and rng.random() < 0.18 * weird * weird:
                            level = 0.5
                        if not level:
                            continue
                        step = (i + shift) % 16
                        if last and step >= 12 and number in (38, 39) and name != "outro":
                            continue  # room for the fill
                        start = self.weird_time(t + self.swung(step) * beat, rng)
                        if start >= bar_end:
                            continue
                        vel = level * energy * (0.9 + 0.1 * rng.random())
                        self.add(_drum_instrument(number), number, start, start + 0.1, vel)
                if first and name in ("chorus", "drop", "hook", "bridge"):
                    self.add("drums", 49, t, t + 0.5, 0.8 * energy)
                if last and name not in ("outro",) and len(pattern) > 1:
                    fill = 38 if 38 in pattern else (45 if 45 in pattern else 39)
                    for step in (12, 13, 14, 15):
                        start = t + step * beat / 4
                        self.add(
                            _drum_instrument(fill),
                            fill,
                            start,
                            start + 0.1,
                            (0.5 + 0.1 * (step - 12)) * energy,
                        )
                first = False
                t = bar_end
                bar_index += 1
        if "shaker" in self.instruments and 70 not in pattern:
            for _name, s0, s1, energy in sections:
                for k in range(int((s1 - s0) / (beat / 2))):
                    start = s0 + k * beat / 2
                    self.add("percussion", 70, start, start + 0.05, 0.6 * energy)

    # ---- melody and lyrics ------------------------------------------------------------------
    def melody(
        self, sections: list[tuple[str, float, float, float]], lines_of: list[list[str]]
    ) -> None:
        brief = self.brief
        if brief.melody is not None:
            self._keep_melody(brief.melody)
            return
        voice = self.voice
        centre = float(voice.get("pitch_centre", 60.0))
        instrumental = self.instrumental
        melody_instrument = MELODY_INSTRUMENT.get(self.genre.name, "lead")
        if instrumental:
            if not brief.lead or melody_instrument not in self.instruments:
                return
            centre = float(INSTRUMENTS[melody_instrument].register)
        sc = self.scale()
        scale_pitches = [self.key + o * 12 + d for o in range(-2, 9) for d in sc]
        scale_pitches = [p for p in scale_pitches if 30 < p < 100]
        word_index = 0
        memo: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        rng = self.part_rng
        drng = self.detail_rng
        grid = max(self.genre.melody_grid, 2)
        for (name, s0, s1, energy), lines in zip(sections, lines_of, strict=True):
            if name in ("intro", "outro") or not lines:
                continue
            line_len = self.bars_per_line * self.bar
            # Choruses sit higher (and louder): the hook lifts.
            lift = 3 if name in ("chorus", "hook", "drop") else (-2 if name == "bridge" else 0)
            for li, line in enumerate(lines):
                l0 = s0 + li * line_len
                if l0 >= s1 - 1e-6:
                    break
                words = words_of(line) if line else []
                if instrumental or not words:
                    count = int(rng.integers(5, 9))
                    sylls = [("", "a", -1)] * count
                else:
                    sylls = [
                        (sy, vowel_of(sy), word_index + wi)
                        for wi, wd in enumerate(words)
                        for sy in syllables(wd)
                    ]
                    word_index += len(words)
                slots = self.bars_per_line * 4 * grid
                while len(sylls) > slots * 0.9 and grid < 4:
                    grid *= 2
                    slots = self.bars_per_line * 4 * grid
                key = (name, line, len(sylls))
                if key in memo and not instrumental:
                    shape = memo[key]
                else:
                    shape = self._line_shape(
                        len(sylls), slots, grid, centre + lift, scale_pitches, rng
                    )
                    memo[key] = shape
                unit = line_len / slots
                for (text, vowel, wi), (slot, length, pitch) in zip(sylls, shape, strict=True):
                    start = l0 + slot * unit
                    if start >= s1 - 0.05:
                        break
                    end = min(l0 + (slot + length) * unit, s1)
                    start = self.weird_time(start, drng)
                    p = self.weird_pitch(pitch, drng) if self.weirdness else pitch
                    vel = 0.75 * energy + 0.1 * (slot % grid == 0)
                    if instrumental:
                        self.add(melody_instrument, p, start, end, vel * 0.9)
                    else:
                        self.syllables.append((text, vowel, start, end, p, vel, wi))
        self._words_from_syllables()
        if not instrumental:
            self.add_vocal_notes()

    def _line_shape(
        self,
        count: int,
        slots: int,
        grid: int,
        centre: float,
        scale_pitches: list[int],
        rng: np.random.Generator,
    ) -> list[tuple[float, float, float]]:
        """Slots, lengths and pitches for a line of ``count`` syllables."""
        spare = max(0, slots - count - grid)
        pickup = int(rng.integers(0, min(grid, spare) + 1)) if spare else 0
        lengths = np.ones(count)
        extra = spare - pickup
        for _ in range(int(extra * 0.6)):
            lengths[int(rng.integers(0, count))] += 1
        if count:
            lengths[-1] += max(0, extra - int(extra * 0.6))
        slots_at = pickup + np.concatenate(([0], np.cumsum(lengths)[:-1]))
        near = [p for p in scale_pitches if abs(p - centre) <= 7]
        if not near:
            near = scale_pitches
        idx = int(np.argmin([abs(p - centre) for p in near]))
        pitches = []
        for i in range(count):
            step = int(rng.choice((-2, -1, -1, 0, 1, 1, 2)))
            if i == count - 1:
                step = -1 if idx > len(near) // 2 else 1
            idx = int(np.clip(idx + step, 0, len(near) - 1))
            pitches.append(float(near[idx]))
        return [
            (float(s), float(max(ln * 0.92, 0.8)), p)
            for s, ln, p in zip(slots_at, lengths, pitches, strict=True)
        ]

    def _keep_melody(self, melody: list[Syllable]) -> None:
        self.syllables = [s for s in melody if s[2] < self.brief.duration]
        if self.instrumental:
            name = MELODY_INSTRUMENT.get(self.genre.name, "lead")
            for _t, _v, s, e, p, vel, _w in self.syllables:
                self.add(name, p, s, e, vel)
            self.syllables = []
        self._words_from_syllables()
        self.add_vocal_notes()

    def _words_from_syllables(self) -> None:
        words: dict[int, list[Syllable]] = {}
        for syl in self.syllables:
            if syl[6] >= 0:
                words.setdefault(syl[6], []).append(syl)
        for _index, parts in sorted(words.items()):
            text = "".join(p[0] for p in parts)
            self.words.append((text, parts[0][2], parts[-1][3]))

    def add_vocal_notes(self) -> None:
        for _t, _v, s, e, p, vel, _w in self.syllables:
            self.add("vocals", p, s, e, vel)

    def backing(self, sections: list[tuple[str, float, float, float]]) -> None:
        if self.instrumental or "backing_vocals" in self.removed:
            return
        if (
            self.brief.only_instruments is not None
            and "backing_vocals" not in self.brief.only_instruments
        ):
            return
        centre = float(self.voice.get("pitch_centre", 60.0))
        for c_start, c_end, _root, _q, pcs, sec, energy in self.chords:
            if sec not in ("chorus", "hook", "drop"):
                continue
            for p in self.voiced(pcs[1:3], int(centre) + 2, count=2):
                self.add("backing_vocals", p, c_start, c_end, 0.5 * energy)

    # ---- the whole song ---------------------------------------------------------------------
    def compose(self) -> Score:
        self.decide()
        form = self.form()
        sections: list[tuple[str, float, float, float]] = []
        lines_of: list[list[str]] = []
        t = 0.0
        for name, bars, lines in form:
            end = min(t + bars * self.bar, self.brief.duration)
            sections.append((name, t, end, SECTION_ENERGY.get(name, 0.8)))
            lines_of.append(lines)
            t = end
        self._harmony(sections)
        self.accompaniment(sections)
        self.drums(sections)
        self.melody(sections, lines_of)
        self.backing(sections)
        self._fx(sections)
        return self._score(sections)

    def _harmony(self, sections: list[tuple[str, float, float, float]]) -> None:
        """One chord per bar; kept from a source when the brief carries its chords."""
        self.chords: list[tuple[float, float, int, str, list[int], str, float]] = []
        if self.brief.chords:
            for c0, c1, root, quality in self.brief.chords:
                if c0 >= self.brief.duration:
                    continue
                sec = next((s for s in sections if s[1] <= c0 < s[2]), sections[-1])
                pcs = _chord_tones(root, quality)
                self.chords.append(
                    (c0, min(c1, self.brief.duration), root, quality, pcs, sec[0], sec[3])
                )
            return
        genre = self.genre
        pool = genre.progressions if self.style_influence >= 0.5 else NEUTRAL_PROGRESSIONS
        by_section = {}
        for name, s0, s1, energy in sections:
            if name not in by_section:
                by_section[name] = pool[int(self.song_rng.integers(0, len(pool)))]
            prog = by_section[name]
            t, i = s0, 0
            while t < s1 - 1e-6:
                degree = prog[i % len(prog)]
                root, quality, pcs = self.chord(degree)
                # Weirdness reaches outside the key: chromatic roots and tritone substitutes.
                if self.weirdness and self.detail_rng.random() < 0.5 * self.weirdness**2:
                    shift = int(self.detail_rng.choice((1, -1, 6, 3)))
                    root = (root + shift) % 12
                    pcs = [(p + shift) % 12 for p in pcs]
                if self.weirdness > 0.4 and self.detail_rng.random() < self.weirdness - 0.4:
                    pcs = [*pcs, (root + int(self.detail_rng.choice((1, 6, 8)))) % 12]
                end = min(t + self.bar, s1)
                self.chords.append((t, end, root, quality, pcs, name, energy))
                t, i = end, i + 1

    def _fx(self, sections: list[tuple[str, float, float, float]]) -> None:
        for _name, s0, s1, _ in sections:
            if "vinyl" in self.instruments:
                self.add("vinyl", 60, s0, s1, self.instruments["vinyl"])
            if "texture" in self.instruments:
                self.add("texture", 60, s0, s1, self.instruments["texture"])
        if self.genre.name in ("house", "techno", "drum and bass", "synthwave", "trap") and (
            self.style_influence > 0.5
            and "fx" not in self.removed
            and self.brief.only_instruments is None
        ):
            for i, (name, s0, _s1, _) in enumerate(sections):
                if name in ("chorus", "drop") and i > 0:
                    self.add("riser", 60, max(0.0, s0 - self.bar), s0, 0.8)
        # Glitches (stutters, reversals, bit-crushing, drop-outs) multiply as weirdness rises.
        rng = self.detail_rng
        # Few below 0.5, then many: the top of the range is where music turns to glitch.
        count = rng.poisson(
            (0.5 * self.weirdness**2 + 0.5 * self.weirdness**4) * self.brief.duration / 1.2
        )
        kinds = ("stutter", "reverse", "crush", "dropout", "crush")
        for _ in range(int(count)):
            start = float(rng.uniform(0, max(self.brief.duration - self.beat, 0.1)))
            length = self.beat * float(rng.choice((0.25, 0.5, 1.0)))
            kind = kinds[int(rng.integers(0, len(kinds)))]
            self.events.append(
                (kind, start, min(start + length, self.brief.duration), self.weirdness)
            )

    def _score(self, sections: list[tuple[str, float, float, float]]) -> Score:
        levels = dict(self.instruments)
        levels.setdefault("vocals", 1.0)
        levels.setdefault("backing_vocals", 0.6)
        reverb_scale = 0.5 + (self.genre.reverb / 0.25 - 1) * self.style_influence * 0.5
        self.notes.sort(key=lambda n: n[2])
        return Score(
            tempo=round(self.tempo, 3),
            key=int(self.key),
            mode=self.mode,
            duration=float(self.brief.duration),
            sections=[(n, round(s0, 4), round(s1, 4)) for n, s0, s1, _ in sections],
            notes=self.notes,
            words=self.words,
            syllables=self.syllables,
            chords=[(choice[0], choice[1], choice[2], choice[3]) for choice in self.chords],
            style_words=self.choice.words,
            genre=self.genre.name,
            seed=self.brief.seed,
            model=self.brief.model,
            voice=self.voice,
            params={
                "bandwidth": self.profile.bandwidth,
                "width": self.profile.width,
                "weirdness": self.weirdness,
                "style_influence": self.style_influence,
                "levels": levels,
                "reverb_scale": max(0.2, reverb_scale),
                "detune": 30.0 * self.weirdness**1.5,
                "instrumental": self.instrumental,
                "clip": self.brief.clip,
                "variation": self.brief.variation,
                **self.brief.params,
            },
            events=self.events,
        )


def _drum_instrument(number: int) -> str:
    return "percussion" if number in (70, 63, 47, 56) else "drums"


def _chord_tones(root: int, quality: str) -> list[int]:
    third = 3 if quality.startswith(("min", "dim")) else 4
    fifth = 6 if quality.startswith("dim") else 7
    tones = [0, third, fifth]
    if quality.endswith("7"):
        tones.append(10 if quality.startswith(("min", "dim")) else 11)
    return [(root + t) % 12 for t in tones]


def compose(brief: Brief) -> Score:
    """Compose a complete score for the brief (deterministic in seed and clip)."""
    composer = _Composer(brief)
    return composer.compose()


__all__ = ["GENRES", "Brief", "compose"]
