"""Drum patterns per genre: one bar of sixteenth steps per drum (x = accent, o = normal, g = ghost).

The composer turns these into drum notes (General MIDI numbers) with fills, crashes and weirdness.
"""

from __future__ import annotations

# GM numbers: 36 kick, 38 snare, 39 clap, 37 rim, 42 hat, 46 open hat, 51 ride, 49 crash,
# 45 tom, 70 shaker, 63 conga, 56 cowbell.
PATTERNS: dict[str, dict[int, str]] = {
    "pop": {36: "x.......x.o.....", 38: "....x.......x...", 42: "o.o.o.o.o.o.o.o."},
    "boom_bap": {36: "x......o..x.....", 38: "....x.......x...", 42: "o.o.o.o.o.o.o.og"},
    "four_on_floor": {
        36: "x...x...x...x...",
        39: "....x.......x...",
        46: "..o...o...o...o.",
        42: "g.g.g.g.g.g.g.g.",
    },
    "techno": {
        36: "x...x...x...x...",
        42: "gogogogogogogogo",
        39: "....o.......o...",
        46: "..o...o...o...o.",
    },
    "dnb": {36: "x.........x.....", 38: "....x.......x..g", 42: "o.o.o.o.o.o.o.o."},
    "rock": {36: "x.....o.x.o.....", 38: "....x.......x...", 42: "o.o.o.o.o.o.o.o."},
    "metal": {36: "xoxoxoxoxoxoxoxo", 38: "....x.......x...", 51: "o.o.o.o.o.o.o.o."},
    "jazz": {
        51: "x..o.ox..o.ox..o",
        42: "....o.......o...",
        36: "g.......g.......",
        38: "......g.......g.",
    },
    "trap": {36: "x......o..x.....", 38: "........x.......", 42: "oooooooooooooooo"},
    "synthwave": {36: "x...x...x...x...", 38: "....x.......x...", 42: "gogogogogogogogo"},
    "folk": {36: "x.......x.......", 37: "....o.......o...", 70: "o.o.o.o.o.o.o.o."},
    "one_drop": {
        36: "........x.......",
        37: "........x.......",
        42: "o.o.o.o.o.o.o.o.",
        56: "..o...o...o...o.",
    },
    "orchestral": {45: "x.......o.......", 47: "x...............", 63: "....o.......o..."},
}

LEVELS = {"x": 1.0, "o": 0.7, "g": 0.35}
# Which sounds of a pattern are "beat-keeping" (kept at low style influence) vs signature colour.
CORE_DRUMS = (36, 38, 39, 42)
