"""Deterministic, template-based text: lyrics writer, style upsampler, mashup lyrics, syllables.

These back the emulator's /suno/lyrics, /suno/style and /suno/mashup-lyrics endpoints.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from .style_vocab import GENRES, find_genres

_STOP = set(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "about",
        "from",
        "into",
        "over",
        "under",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "song",
        "songs",
        "music",
        "track",
        "tune",
        "make",
        "write",
        "create",
        "something",
        "some",
        "that",
        "this",
        "it",
        "its",
        "my",
        "your",
        "our",
        "their",
        "very",
        "really",
        "please",
        "style",
        "like",
        "feel",
        "feeling",
        "vibe",
        "vibes",
        "sad",
        "dark",
        "happy",
        "bright",
        "chill",
        "mellow",
        "energetic",
        "dreamy",
        "melancholic",
        "uplifting",
        "slow",
        "fast",
        "calm",
        "soft",
        "loud",
        "bpm",
        "major",
        "minor",
    ]
)
_SECTION_RE = re.compile(r"^\s*\[([^\]]+)\]\s*$")

_VERSE = (
    "Walking through the {a} at night",
    "Every {a} is calling out my name",
    "I remember {a} and the {b} we knew",
    "Counting every {b} until the morning light",
    "The {a} keeps turning, slow and steady",
    "We were young beneath the {b} sky",
    "Whispers of the {a} in the rain",
    "Holding on to {b} while the city sleeps",
)
_CHORUS = (
    "Oh, {a}, take me higher",
    "We are the {a}, we are the fire",
    "Sing it loud, {b} forever",
    "Hold me close, {a} and {b} together",
    "Light it up, let the {a} run free",
    "This is the {b} that we dream",
)
_BRIDGE = (
    "And if the {a} fades away",
    "I will find the {b} again",
    "Nothing left but {a} and sound",
    "Turn around, the {b} is home",
)
_FALLBACK_THEMES = ("city", "ocean", "summer", "heart", "stars", "river", "night", "dream")


def _rng(text: str, seed: int) -> np.random.Generator:
    return np.random.default_rng([zlib.crc32(text.encode()), seed & 0xFFFFFFFF])


def themes(prompt: str) -> list[str]:
    """Content words of a prompt, in order (genre words excluded)."""
    genre_words = {w for g in GENRES.values() for kw in g.keywords for w in kw.split()}
    words = re.findall(r"[a-zA-Z][a-zA-Z'-]+", prompt or "")
    found = [w.lower() for w in words if w.lower() not in _STOP and w.lower() not in genre_words]
    return [w for w in found if len(w) > 2] or []


def parse_lyrics(lyric: str) -> list[tuple[str, list[str]]]:
    """Sections of a lyric as (name, lines); text before any tag is a verse."""
    sections: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    for raw in (lyric or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        tag = _SECTION_RE.match(line)
        if tag:
            name = re.sub(r"\s*\d+$", "", tag.group(1).strip().lower())
            current = (name, [])
            sections.append(current)
            continue
        if current is None:
            current = ("verse", [])
            sections.append(current)
        current[1].append(line)
    return [(n, ls) for n, ls in sections if ls] or []


def words_of(line: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9']+", line)


def syllables(word: str) -> list[str]:
    """Split a word into sung syllables (vowel groups with their leading consonants), keeping
    the word's own spelling and case.

    >>> syllables("Walking")
    ['Wa', 'lking']
    """
    w = word.lower()
    if not re.search(r"[aeiouy]", w):
        return [word]
    chunks = re.findall(r"[^aeiouy]*[aeiouy]+", w)
    tail = w[sum(len(c) for c in chunks) :]
    # A final silent "e" ("time", "love") does not make a syllable.
    if len(chunks) > 1 and re.fullmatch(r"[^aeiouy]+e", chunks[-1]) and not tail:
        last = chunks.pop()
        chunks[-1] += last
    if tail:
        chunks[-1] += tail
    out, at = [], 0
    for chunk in chunks:
        out.append(word[at : at + len(chunk)])
        at += len(chunk)
    return out or [word]


def write_lyrics(prompt: str, *, seed: int) -> dict[str, object]:
    """Lyrics with [Verse]/[Chorus]/[Bridge] sections written from the prompt's words.

    >>> write_lyrics("night drive", seed=1)["text"].splitlines()[0]
    '[Verse]'
    """
    rng = _rng(prompt, seed)
    found = themes(prompt)
    pool = found + [t for t in _FALLBACK_THEMES if t not in found]
    a = pool[0]
    b = pool[1] if len(pool) > 1 else pool[0]

    def lines(templates: tuple[str, ...], count: int) -> list[str]:
        chosen = rng.choice(len(templates), size=count, replace=False)
        picks = [pool[int(rng.integers(0, min(len(pool), 4)))] for _ in range(count)]
        return [
            templates[i].format(a=picks[j], b=b if picks[j] != b else a)
            for j, i in enumerate(chosen)
        ]

    verse1, verse2 = lines(_VERSE, 4), lines(_VERSE, 4)
    chorus = lines(_CHORUS, 4)
    bridge = lines(_BRIDGE, 2)
    text = "\n".join(
        [
            "[Verse]",
            *verse1,
            "",
            "[Chorus]",
            *chorus,
            "",
            "[Verse]",
            *verse2,
            "",
            "[Chorus]",
            *chorus,
            "",
            "[Bridge]",
            *bridge,
            "",
            "[Chorus]",
            *chorus,
        ]
    )
    title = " ".join(w.capitalize() for w in (found[:2] if found else [a, b]))
    return {
        "text": text,
        "title": title,
        "tags": [upsample_style(prompt, seed=seed)],  # a list of tag strings, as documented
        "status": "complete",
    }


def upsample_style(prompt: str, *, seed: int) -> str:
    """A richer style string: the genres the prompt names (or one picked by seed), their words.

    >>> upsample_style("dark techno", seed=1).split(", ")[0]
    'techno'
    """
    rng = _rng(prompt, seed)
    genres = find_genres(prompt)
    if not genres:
        names = sorted(GENRES)
        genres = [GENRES[names[int(rng.integers(0, len(names)))]]]
    tags: list[str] = []
    for genre in genres[:2]:
        tags.append(genre.name)
        picks = rng.choice(len(genre.words), size=min(2, len(genre.words)), replace=False)
        tags.extend(genre.words[int(i)] for i in picks)
    moods = re.findall(
        r"\b(sad|dark|happy|bright|chill|mellow|energetic|dreamy|melancholic|uplifting)\b",
        (prompt or "").lower(),
    )
    tags.extend(dict.fromkeys(moods))
    return ", ".join(dict.fromkeys(tags))


def mashup_lyrics(lyrics_a: str, lyrics_b: str, *, seed: int) -> dict[str, object]:
    """Interleave two lyrics: verses alternate between the songs, the chorus joins both hooks.

    >>> mashup_lyrics("[Verse]\\nla la", "[Chorus]\\noh oh", seed=1)["status"]
    'complete'
    """
    rng = _rng(lyrics_a + "\x00" + lyrics_b, seed)
    a, b = parse_lyrics(lyrics_a), parse_lyrics(lyrics_b)
    verses = [s for s in a if s[0] != "chorus"][:2] + [s for s in b if s[0] != "chorus"][:2]
    order = [verses[i] for i in (0, 2, 1, 3) if i < len(verses)] or verses
    chorus_a = next((ls for n, ls in a if n == "chorus"), a[0][1] if a else [])
    chorus_b = next((ls for n, ls in b if n == "chorus"), b[0][1] if b else [])
    chorus = [*chorus_a[:2], *chorus_b[:2]]
    if rng.random() < 0.5:
        chorus = [*chorus_b[:2], *chorus_a[:2]]
    blocks: list[str] = []
    for i, (_, lines) in enumerate(order):
        blocks += ["[Verse]", *lines, ""]
        if i % 2 == 1 and chorus:
            blocks += ["[Chorus]", *chorus, ""]
    if chorus and (not blocks or blocks[-3:-1] != chorus[-2:]):
        blocks += ["[Chorus]", *chorus]
    text = "\n".join(blocks).strip()
    first = [w for w in themes(lyrics_a)[:1] + themes(lyrics_b)[:1]]
    title = " / ".join(w.capitalize() for w in first) or "Mashup"
    return {"text": text, "title": title, "tags": [], "status": "complete"}
