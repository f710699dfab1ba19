"""The `sounds` action's material: a one-shot or a loop of a named sound at a tempo and key.

The sound's words pick an instrument, a drum or a kit; a loop runs two to four bars.
"""

from __future__ import annotations

import numpy as np

from .drums import LEVELS, PATTERNS
from .model_limits import ModelProfile
from .score import Note, Score, Syllable
from .style_vocab import SCALES
from .voice import voice_for

# First match wins: the more specific words come first.
SOUND_WORDS: tuple[tuple[str, str], ...] = (
    ("808", "sub808"), ("kick", "drum:36"), ("snare", "drum:38"), ("clap", "drum:39"),
    ("hi-hat", "drum:42"), ("hihat", "drum:42"), ("hat", "drum:42"), ("cymbal", "drum:49"),
    ("crash", "drum:49"), ("ride", "drum:51"), ("tom", "drum:45"), ("shaker", "drum:70"),
    ("conga", "drum:63"), ("cowbell", "drum:56"), ("drum", "kit"), ("beat", "kit"),
    ("piano", "piano"), ("rhodes", "epiano"), ("keys", "epiano"), ("organ", "organ"),
    ("pad", "pad"), ("guitar", "acoustic_guitar"), ("bass", "synthbass"), ("string", "strings"),
    ("violin", "strings"), ("brass", "brass"), ("horn", "brass"), ("flute", "woodwinds"),
    ("bell", "bell"), ("pluck", "pluck"), ("arp", "arp"), ("acid", "acid"), ("lead", "lead"),
    ("synth", "supersaw"), ("riser", "riser"), ("sweep", "riser"), ("rain", "texture"),
    ("wind", "texture"), ("vinyl", "vinyl"), ("noise", "texture"), ("vocal", "voice"),
    ("choir", "voice"), ("voice", "voice"),
)  # fmt: skip
CHORDAL = ("pad", "strings", "brass", "organ", "voice", "supersaw")
LOW = ("sub808", "synthbass")
FAST = ("arp", "pluck", "acid")


def instrument_for(sound: str) -> str:
    """What plays a sound description: an instrument, ``drum:<GM number>``, ``kit`` or
    ``voice``."""
    text = sound.lower()
    return next((what for word, what in SOUND_WORDS if word in text), "piano")


def _drum_loop(what: str, bars: int, beat: float, clip: int, rng: np.random.Generator
               ) -> list[Note]:  # fmt: skip
    if what == "kit":
        names = ("pop", "boom_bap", "four_on_floor", "trap", "rock")
        pattern = PATTERNS[names[int(rng.integers(0, len(names)))]]
    else:
        number = int(what.split(":")[1])
        pattern = {number: "x.o.x.o.x.o.x.o." if clip == 0 else "x..ox..ox.o.x..o"}
    notes: list[Note] = []
    for bar in range(bars):
        for number, steps in pattern.items():
            for step, ch in enumerate(steps):
                if ch in LEVELS:
                    t = (bar * 16 + step) * beat / 4
                    notes.append(("drums", float(number), t, t + 0.1, LEVELS[ch]))
    return notes


def sound_score(
    sound: str, *, loop: bool, bpm: float, key: int, mode: str, seed: int, clip: int,
    profile: ModelProfile,
) -> Score:  # fmt: skip
    """The score of one `sounds` clip (clip 0 and 1 differ in voicing, octave or pattern)."""
    what = instrument_for(sound)
    rng = np.random.default_rng([seed, clip, 5])
    beat = 60.0 / bpm
    scale = SCALES.get(mode, SCALES["major"])
    chord = [0, scale[2], scale[4]] if "chord" in sound.lower() or what in CHORDAL else [0]
    notes: list[Note] = []
    syllables: list[Syllable] = []
    drums = what == "kit" or what.startswith("drum:")
    if loop:
        bars = 2 if bpm < 100 else 4
        duration = bars * 4 * beat
        if drums:
            notes = _drum_loop(what, bars, beat, clip, rng)
        else:
            degrees = (0, 5, 3, 4) if mode == "major" else (0, 5, 3, 6)
            step = beat / 4 if what in FAST else beat
            octave = -12 if what in LOW else 12
            for k in range(round(duration / step)):
                t = k * step
                root = 48 + key + scale[degrees[int(t / (4 * beat)) % 4]] + octave
                lift = int(rng.integers(0, 3)) * 2 if len(chord) == 1 else 0
                for c in chord:
                    notes.append((what, float(root + c + lift), t, t + step * 0.9, 0.8))
    else:
        duration = 2.0 if drums else (4.0 if what in ("riser", "texture") else 3.0)
        if what == "kit":
            notes = [("drums", 36.0, 0.0, 0.1, 1.0), ("drums", 42.0, 0.0, 0.1, 0.8),
                     ("drums", 38.0, beat, beat + 0.1, 1.0)]  # fmt: skip
        elif drums:
            notes = [("drums", float(what.split(":")[1]), 0.0, 0.1, 1.0)]
        else:
            base = (36 if what in LOW else 48 + 12 * int(rng.integers(0, 2))) + key
            notes = [(what, float(base + c), 0.0, 1.8, 0.9) for c in chord]
    if what == "voice":
        # A choir "ah": the chord tones sung, one syllable per note.
        syllables = [("ah", "a", s, e, p + 9.0, v * 0.8, -1) for _n, p, s, e, v in notes]
        notes = [("vocals", p + 9.0, s, e, v) for _n, p, s, e, v in notes]
    return Score(
        tempo=bpm, key=key, mode=mode, duration=duration, sections=[("sound", 0.0, duration)],
        notes=notes, syllables=syllables, style_words=[sound], genre="pop", seed=seed,
        model=profile.name, voice=voice_for("f" if clip else "m"),
        params={"bandwidth": profile.bandwidth, "width": profile.width, "levels": {},
                "reverb_scale": 0.6, "detune": 0.0, "clip": clip, "sound": what},
    )  # fmt: skip
