"""The score a clip was rendered from: tempo, key, form, every note and sung word.

Plain data (JSON round-trippable), so later actions (extend, cover, midi, timing) can use it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")

# A note: (instrument, midi pitch (float: microtonal allowed), start s, end s, velocity 0..1).
Note = tuple[str, float, float, float, float]
# A sung syllable: (text, vowel, start s, end s, midi pitch, velocity, word index).
Syllable = tuple[str, str, float, float, float, float, int]


@dataclass
class Score:
    """Everything needed to re-render a clip, plus what the API reports about it."""

    tempo: float = 120.0
    key: int = 0
    mode: str = "major"
    duration: float = 30.0
    sections: list[tuple[str, float, float]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    words: list[tuple[str, float, float]] = field(default_factory=list)
    syllables: list[Syllable] = field(default_factory=list)
    # Chords as (start s, end s, root pitch class, quality) so extend/cover can keep the harmony.
    chords: list[tuple[float, float, int, str]] = field(default_factory=list)
    style_words: list[str] = field(default_factory=list)
    genre: str = "pop"
    seed: int = 0
    model: str = "chirp-v4"
    # Voice: gender, pitch centre (midi), formant scale, breathiness, vibrato rate/depth.
    voice: dict[str, Any] = field(default_factory=dict)
    # Mix and render settings: bandwidth_hz, width, reverb, levels per instrument, glitch events…
    params: dict[str, Any] = field(default_factory=dict)
    # Timed effects applied to every layer alike: (kind, start s, end s, amount).
    events: list[tuple[str, float, float, float]] = field(default_factory=list)

    @property
    def key_name(self) -> str:
        return f"{NOTE_NAMES[self.key % 12]} {self.mode}"

    @property
    def beat(self) -> float:
        return 60.0 / self.tempo

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Score:
        known = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in known}
        # JSON turns tuples into lists: turn the row-like fields back into tuples.
        for name in ("sections", "notes", "words", "syllables", "chords", "events"):
            if name in kwargs:
                kwargs[name] = [tuple(row) for row in kwargs[name]]
        return cls(**kwargs)

    def notes_of(self, instrument: str) -> list[Note]:
        return [n for n in self.notes if n[0] == instrument]

    def window(self, start: float, end: float, *, offset: float = 0.0) -> Score:
        """A copy holding only what starts inside [start, end), shifted by ``offset`` seconds."""

        def inside(t: float) -> bool:
            return start <= t < end

        copy = Score.from_dict(self.to_dict())
        copy.notes = [
            (i, p, s + offset, min(e, end) + offset, v) for i, p, s, e, v in self.notes if inside(s)
        ]
        copy.syllables = [
            (t, vw, s + offset, min(e, end) + offset, p, v, w)
            for t, vw, s, e, p, v, w in self.syllables
            if inside(s)
        ]
        copy.words = [(w, s + offset, min(e, end) + offset) for w, s, e in self.words if inside(s)]
        copy.chords = [
            (s + offset, min(e, end) + offset, r, q) for s, e, r, q in self.chords if inside(s)
        ]
        copy.sections = [
            (n, max(s, start) + offset, min(e, end) + offset)
            for n, s, e in self.sections
            if e > start and s < end
        ]
        copy.events = [
            (k, s + offset, min(e, end) + offset, a) for k, s, e, a in self.events if inside(s)
        ]
        copy.duration = end - start
        return copy
