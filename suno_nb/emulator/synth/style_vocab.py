"""The style vocabulary: genre and mood words mapped to tempo, harmony, instruments and drums.

`read_style` turns a style string (plus negative tags) into a `StyleChoice` the composer follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
}


@dataclass(frozen=True)
class Genre:
    """What a genre word means musically."""

    name: str
    keywords: tuple[str, ...]
    tempo: tuple[int, int]
    mode: str
    progressions: tuple[tuple[int, ...], ...]  # scale degrees (0-based), one chord per bar
    instruments: tuple[str, ...]  # the signature parts (names from instruments.INSTRUMENTS)
    drums: str  # a pattern name from drums.PATTERNS ("" = no kit)
    bass: str  # a bass pattern name from compose
    sevenths: bool = False
    swing: float = 0.0
    melody_grid: int = 2  # melody onsets per beat
    reverb: float = 0.2
    brightness: float = 0.5
    hue: float = 0.6
    words: tuple[str, ...] = ()


GENRES: dict[str, Genre] = {
    g.name: g
    for g in (
        Genre(
            "lofi",
            ("lofi", "lo-fi", "lo fi", "chillhop", "study beats"),
            (70, 88),
            "minor",
            ((1, 4, 0, 5), (0, 5, 3, 4), (3, 2, 1, 4)),
            ("epiano", "vinyl"),
            "boom_bap",
            "root_quarters",
            sevenths=True,
            swing=0.18,
            reverb=0.3,
            brightness=0.25,
            hue=0.08,
            words=("mellow", "dusty", "vinyl crackle", "jazzy chords", "laid-back"),
        ),
        Genre(
            "house",
            ("house", "edm", "dance", "club", "deep house"),
            (120, 126),
            "minor",
            ((0, 5, 2, 6), (0, 3, 4, 3), (5, 3, 0, 4)),
            ("stabs", "synthbass", "pad"),
            "four_on_floor",
            "offbeat",
            sevenths=True,
            reverb=0.25,
            brightness=0.65,
            hue=0.8,
            words=("four on the floor", "piano stabs", "groovy", "club"),
        ),
        Genre(
            "drum and bass",
            ("drum and bass", "drum & bass", "dnb", "d&b", "jungle", "liquid"),
            (170, 176),
            "minor",
            ((0, 5, 2, 6), (0, 3, 5, 4), (0, 6, 5, 6)),
            ("reese", "pad", "arp"),
            "dnb",
            "long",
            reverb=0.3,
            brightness=0.6,
            hue=0.5,
            words=("breakbeat", "rolling bassline", "energetic", "atmospheric pads"),
        ),
        Genre(
            "rock",
            ("rock", "indie", "grunge", "punk", "alternative"),
            (110, 140),
            "major",
            ((0, 4, 5, 3), (0, 3, 4, 4), (5, 3, 0, 4)),
            ("rhythm_guitar", "lead_guitar"),
            "rock",
            "eighths",
            reverb=0.15,
            brightness=0.7,
            hue=0.0,
            words=("electric guitar", "driving drums", "raw", "anthemic"),
        ),
        Genre(
            "metal",
            ("metal", "heavy", "thrash", "metalcore", "djent"),
            (140, 176),
            "minor",
            ((0, 0, 5, 6), (0, 1, 0, 5), (0, 6, 5, 4)),
            ("distorted_guitar",),
            "metal",
            "eighths",
            reverb=0.1,
            brightness=0.8,
            hue=0.98,
            words=("distorted guitars", "double kick", "aggressive", "heavy riffs"),
        ),
        Genre(
            "ambient",
            ("ambient", "drone", "atmospheric", "meditation", "new age", "chillout"),
            (60, 78),
            "major",
            ((0, 3, 5, 3), (0, 4, 3, 0), (5, 3, 0, 4)),
            ("pad", "bell", "texture"),
            "",
            "sustained",
            sevenths=True,
            reverb=0.6,
            brightness=0.3,
            hue=0.55,
            words=("ethereal pads", "spacious", "slow evolving", "shimmering"),
        ),
        Genre(
            "jazz",
            ("jazz", "swing", "bebop", "bossa", "smooth jazz"),
            (96, 140),
            "major",
            ((1, 4, 0, 0), (0, 5, 1, 4), (2, 5, 1, 4)),
            ("rhodes", "ride_kit"),
            "jazz",
            "walking",
            sevenths=True,
            swing=0.3,
            melody_grid=2,
            reverb=0.25,
            brightness=0.45,
            hue=0.12,
            words=("walking bass", "swing", "rhodes", "brushed drums"),
        ),
        Genre(
            "orchestral",
            ("orchestral", "cinematic", "epic", "film score", "soundtrack", "symphonic"),
            (70, 100),
            "minor",
            ((0, 5, 2, 6), (0, 3, 5, 4), (5, 3, 0, 4)),
            ("strings", "brass", "woodwinds", "timpani"),
            "orchestral",
            "sustained",
            reverb=0.5,
            brightness=0.5,
            hue=0.62,
            words=("sweeping strings", "french horns", "epic", "cinematic percussion"),
        ),
        Genre(
            "hip hop",
            ("hip hop", "hip-hop", "hiphop", "rap", "boom bap"),
            (84, 98),
            "minor",
            ((0, 5, 0, 5), (0, 3, 0, 4), (0, 6, 5, 6)),
            ("keys_loop", "sub808"),
            "boom_bap",
            "follow_kick",
            swing=0.1,
            melody_grid=4,
            reverb=0.15,
            brightness=0.45,
            hue=0.9,
            words=("hard-hitting drums", "sampled keys", "head nod"),
        ),
        Genre(
            "trap",
            ("trap", "drill", "808"),
            (130, 150),
            "minor",
            ((0, 5, 0, 5), (0, 1, 0, 5), (0, 6, 5, 4)),
            ("sub808", "bell"),
            "trap",
            "follow_kick",
            melody_grid=4,
            reverb=0.2,
            brightness=0.55,
            hue=0.75,
            words=("rolling hi-hats", "booming 808", "dark"),
        ),
        Genre(
            "folk",
            ("folk", "acoustic", "singer-songwriter", "country", "americana"),
            (88, 118),
            "major",
            ((0, 3, 0, 4), (0, 5, 3, 4), (3, 0, 4, 0)),
            ("acoustic_guitar", "shaker"),
            "folk",
            "roots",
            reverb=0.25,
            brightness=0.5,
            hue=0.25,
            words=("acoustic guitar", "warm", "heartfelt", "fingerpicked"),
        ),
        Genre(
            "synthwave",
            ("synthwave", "retrowave", "outrun", "80s", "synthpop", "vaporwave"),
            (96, 118),
            "minor",
            ((0, 5, 2, 6), (0, 3, 5, 6), (5, 3, 0, 6)),
            ("supersaw", "arp", "synthbass"),
            "synthwave",
            "octaves",
            reverb=0.4,
            brightness=0.7,
            hue=0.85,
            words=("retro synths", "gated reverb drums", "neon", "arpeggiated"),
        ),
        Genre(
            "pop",
            ("pop", "catchy", "radio", "mainstream", "k-pop", "dance pop"),
            (100, 124),
            "major",
            ((0, 4, 5, 3), (5, 3, 0, 4), (0, 5, 3, 4)),
            ("piano", "pluck", "pad"),
            "pop",
            "eighths",
            reverb=0.25,
            brightness=0.6,
            hue=0.95,
            words=("catchy hooks", "polished", "upbeat", "bright synths"),
        ),
        Genre(
            "classical piano",
            ("classical", "piano solo", "classical piano", "sonata", "nocturne", "romantic"),
            (60, 90),
            "major",
            ((0, 3, 4, 0), (0, 5, 1, 4), (0, 4, 5, 2)),
            ("grand_piano",),
            "",
            "none",
            reverb=0.35,
            brightness=0.45,
            hue=0.15,
            words=("solo piano", "expressive", "rubato", "arpeggios"),
        ),
        Genre(
            "reggae",
            ("reggae", "dub", "ska", "dancehall", "roots reggae"),
            (70, 90),
            "major",
            ((0, 3, 0, 4), (0, 5, 3, 4), (0, 3, 4, 3)),
            ("skank", "organ"),
            "one_drop",
            "one_drop",
            swing=0.12,
            reverb=0.3,
            brightness=0.5,
            hue=0.3,
            words=("offbeat skank", "one drop", "deep bass", "laid-back"),
        ),
        Genre(
            "techno",
            ("techno", "minimal", "industrial", "acid", "trance"),
            (125, 135),
            "minor",
            ((0, 0, 0, 0), (0, 0, 6, 6), (0, 5, 0, 6)),
            ("acid", "texture"),
            "techno",
            "offbeat",
            reverb=0.3,
            brightness=0.7,
            hue=0.7,
            words=("pounding kick", "hypnotic", "acid line", "warehouse"),
        ),
    )
}

# The arrangement used when style_influence is 0: a plain, genre-free band.
NEUTRAL_INSTRUMENTS: tuple[str, ...] = ("piano",)
NEUTRAL_DRUMS = "pop"
NEUTRAL_PROGRESSIONS: tuple[tuple[int, ...], ...] = ((0, 4, 5, 3), (0, 3, 4, 0))

MOOD_MINOR = ("sad", "dark", "melancholic", "melancholy", "moody", "gloomy", "haunting", "minor")
MOOD_MAJOR = ("happy", "bright", "uplifting", "joyful", "sunny", "cheerful", "major")
MOOD_SLOW = ("chill", "mellow", "slow", "calm", "relaxed", "dreamy", "sleepy")
MOOD_FAST = ("energetic", "fast", "aggressive", "upbeat", "hype", "intense")

# What a negative tag removes: a word -> instrument names or layer names.
NEGATIVE_WORDS: dict[str, tuple[str, ...]] = {
    "drum": ("drums", "percussion"),
    "percussion": ("percussion",),
    "beat": ("drums",),
    "guitar": ("guitar",),
    "piano": ("piano", "grand_piano", "epiano", "rhodes", "stabs", "keys_loop"),
    "keys": ("keyboard",),
    "organ": ("organ",),
    "bass": ("bass",),
    "808": ("sub808",),
    "vocal": ("vocals", "backing_vocals"),
    "voice": ("vocals", "backing_vocals"),
    "singing": ("vocals", "backing_vocals"),
    "synth": ("synth",),
    "string": ("strings",),
    "brass": ("brass",),
    "horn": ("brass",),
    "woodwind": ("woodwinds",),
    "flute": ("woodwinds",),
    "choir": ("backing_vocals",),
    "vinyl": ("vinyl",),
    "noise": ("fx",),
    "fx": ("fx",),
}

_KEY_RE = re.compile(
    r"(?:\b(?:in|key of|key)\s+([A-Ga-g])([#b♯♭]?)(?:\s*(major|minor|maj|min|m)\b)?)"
    r"|(?:\b([A-G])([#b♯♭]?)\s*(major|minor|maj|min)\b)"
    r"|(?:\b([A-G])([#♯]))"
)
_BPM_RE = re.compile(r"(\d{2,3}(?:\.\d+)?)\s*bpm", re.IGNORECASE)
_PC = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}


@dataclass
class StyleChoice:
    """The musical decisions a style string leads to."""

    genre: Genre
    secondary: Genre | None
    tempo: float | None  # explicit bpm, if any
    key: int | None  # explicit tonic, if any
    mode: str | None  # explicit or mood-implied mode
    tempo_bias: float  # -1 slow … +1 fast, from mood words
    removed: set[str] = field(default_factory=set)  # instruments/layers named by negative tags
    words: list[str] = field(default_factory=list)


def parse_key(text: str) -> tuple[int | None, str | None]:
    """The key named in ``text`` (``"in D minor"``, ``"F#"``, ``"Bb major"``), if any."""
    match = _KEY_RE.search(text or "")
    if not match:
        return None, None
    groups = [g for g in match.groups()]
    letter, accidental, quality = next(
        (groups[i], groups[i + 1], groups[i + 2] if i < 6 else None) for i in (0, 3, 6) if groups[i]
    )
    pc = _PC[letter.lower()]
    if accidental in ("#", "♯"):
        pc += 1
    elif accidental in ("b", "♭"):
        pc -= 1
    mode = None
    if quality:
        mode = "minor" if quality.lower() in ("minor", "min", "m") else "major"
    return pc % 12, mode


def parse_bpm(text: str) -> float | None:
    match = _BPM_RE.search(text or "")
    if not match:
        return None
    bpm = float(match.group(1))
    return bpm if 30 <= bpm <= 300 else None


def find_genres(text: str) -> list[Genre]:
    """Genres named in ``text``, in order of appearance."""
    lowered = f" {(text or '').lower()} "
    found: list[tuple[int, Genre]] = []
    for genre in GENRES.values():
        positions = [
            m.start()
            for kw in genre.keywords
            for m in re.finditer(rf"(?<![a-z]){re.escape(kw)}(?![a-z])", lowered)
        ]
        if positions:
            found.append((min(positions), genre))
    found.sort(key=lambda item: item[0])
    return [g for _, g in found]


def read_style(style: str, negative_tags: str = "", *, default_genre: str = "pop") -> StyleChoice:
    """Read a style string (and negative tags) into musical decisions."""
    text = style or ""
    lowered = text.lower()
    genres = find_genres(text)
    genre = genres[0] if genres else GENRES[default_genre]
    secondary = genres[1] if len(genres) > 1 else None
    key, mode = parse_key(text)
    if mode is None:
        if any(re.search(rf"\b{w}\b", lowered) for w in MOOD_MINOR):
            mode = "minor"
        elif any(re.search(rf"\b{w}\b", lowered) for w in MOOD_MAJOR):
            mode = "major"
    bias = 0.0
    bias -= 0.6 * any(re.search(rf"\b{w}\b", lowered) for w in MOOD_SLOW)
    bias += 0.6 * any(re.search(rf"\b{w}\b", lowered) for w in MOOD_FAST)
    removed: set[str] = set()
    for word in re.split(r"[,;/]|\band\b", (negative_tags or "").lower()):
        for stem, targets in NEGATIVE_WORDS.items():
            if stem in word:
                removed.update(targets)
    words = [w.strip() for w in re.split(r"[,;]", text) if w.strip()]
    return StyleChoice(genre, secondary, parse_bpm(text), key, mode, bias, removed, words)


def nearest_genre(tempo: float, brightness: float, percussive: float) -> Genre:
    """The genre whose tempo and brightness best fit measured features (used by inspo)."""

    def distance(g: Genre) -> float:
        centre = sum(g.tempo) / 2
        has_drums = 1.0 if g.drums else 0.0
        return (
            abs(tempo - centre) / 30
            + 2 * abs(brightness - g.brightness)
            + 1.5 * abs(percussive - has_drums)
        )

    return min(GENRES.values(), key=distance)
