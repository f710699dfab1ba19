"""Karaoke lyrics from ``/suno/timing`` aligned words: LRC (line and enhanced word tags) and SRT.

Plain functions over the words (dicts or :class:`~suno_nb.models.AlignedWord`); section tags
such as ``[Verse]`` are dropped, lines follow the lyric's own lines when it is given.

Example:
    >>> words = [{"word": "[Verse]", "start_s": 0.0, "end_s": 0.1},
    ...          {"word": "Still", "start_s": 0.38, "end_s": 0.73},
    ...          {"word": "riding", "start_s": 0.77, "end_s": 1.5}]
    >>> print(lrc(words, title="Night Bus"))
    [ti:Night Bus]
    [00:00.38]Still riding
    >>> print(srt(words))
    1
    00:00:00,380 --> 00:00:01,500
    Still riding
    <BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Line", "Word", "lines_of", "lrc", "srt"]

_SECTION = re.compile(r"^\s*[\[(][^\])]*[\])]\s*$")  # [Verse], [Chorus 2], (Bridge)
_GAP_SECONDS = 1.2  # without a lyric, a pause this long starts a new line
_MAX_WORDS = 10


@dataclass(frozen=True)
class Word:
    """One sung word and when it is sung (seconds)."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Line:
    """One lyric line: its words, from the first word's start to the last word's end."""

    words: tuple[Word, ...]

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return self.words[-1].end

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _words(aligned: Iterable[Any]) -> list[Word]:
    out = []
    for item in aligned:
        get = item.get if isinstance(item, Mapping) else lambda k, i=item: getattr(i, k, None)
        text = str(get("word") or "").strip()
        if not text or _SECTION.match(text) or get("start_s") is None:
            continue
        if get("success") is False:  # the aligner could not place it: no honest time to show
            continue
        start, end = float(get("start_s")), float(get("end_s") or get("start_s"))
        out.append(Word(text.replace("\n", " "), start, max(start, end)))
    return sorted(out, key=lambda w: w.start)


def _lyric_tokens(lyric: str) -> list[tuple[int, str]]:
    """``(line number, word)`` of every sung word of ``lyric`` (section tags and blank lines
    dropped), words compared without case or punctuation."""
    tokens = []
    line = 0
    for raw in lyric.splitlines():
        if not raw.strip() or _SECTION.match(raw):
            continue
        words = [_norm(w) for w in re.sub(r"\[[^\]]*\]", " ", raw).split()]
        words = [w for w in words if w]
        if words:
            tokens.extend((line, w) for w in words)
            line += 1
    return tokens


def _norm(word: str) -> str:
    return re.sub(r"[^\w']+", "", word.lower())


def _lyric_positions(words: list[Word], tokens: list[tuple[int, str]]) -> list[int | None]:
    """Where in the lyric each sung word is: the expected next word, else a match a little
    ahead, else a repeat (a chorus sung again) found anywhere; ``None`` when it is not there."""
    positions: list[int | None] = []
    expected = 0
    texts = [t for _, t in tokens]
    for index, word in enumerate(words):
        text = _norm(word.text)
        found = None
        if expected < len(texts) and texts[expected] == text:
            found = expected
        else:
            ahead = [j for j in range(expected, min(expected + 8, len(texts))) if texts[j] == text]
            if ahead:
                found = ahead[0]
            else:
                following = _norm(words[index + 1].text) if index + 1 < len(words) else None
                again = [
                    j
                    for j, t in enumerate(texts)
                    if t == text and (following is None or texts[(j + 1) % len(texts)] == following)
                ]
                found = again[0] if again else None
        positions.append(found)
        if found is not None:
            expected = found + 1
    return positions


def lines_of(aligned: Iterable[Any], lyric: str | None = None) -> list[Line]:
    """Group aligned words into lines: by the lyric's own lines when it is given (a repeated
    chorus is found again), else at pauses longer than 1.2 s or every 10 words.

    Example:
        >>> words = [{"word": w, "start_s": i, "end_s": i + 0.5} for i, w in enumerate("abcab")]
        >>> [line.text for line in lines_of(words, lyric="[Verse]\\na b\\n[Chorus]\\nc")]
        ['a b', 'c', 'a b']
    """
    words = _words(aligned)
    if not words:
        return []
    tokens = _lyric_tokens(lyric or "")
    positions = _lyric_positions(words, tokens) if tokens else [None] * len(words)
    lines: list[Line] = []
    current: list[Word] = []
    previous: int | None = None
    for word, position in zip(words, positions, strict=True):
        if current:
            if position is not None and previous is not None:
                new_line = tokens[position][0] != tokens[previous][0] or position <= previous
            else:  # not in the lyric (or no lyric): a pause or a long line breaks it
                new_line = word.start - current[-1].end > _GAP_SECONDS or len(current) >= _MAX_WORDS
            if new_line:
                lines.append(Line(tuple(current)))
                current = []
        current.append(word)
        previous = position if position is not None else previous
    lines.append(Line(tuple(current)))
    return lines


def lrc(
    aligned: Iterable[Any],
    *,
    lyric: str | None = None,
    title: str | None = None,
    artist: str | None = None,
    enhanced: bool = False,
) -> str:
    """LRC text: ``[mm:ss.xx]line`` per line; ``enhanced=True`` adds ``<mm:ss.xx>`` before
    each word (the "A2" extension karaoke players read) and the line's end time."""
    head = [f"[{key}:{value}]" for key, value in (("ti", title), ("ar", artist)) if value]
    body = []
    for line in lines_of(aligned, lyric):
        if enhanced:
            words = " ".join(f"<{_lrc_time(w.start)}>{w.text}" for w in line.words)
            body.append(f"[{_lrc_time(line.start)}]{words} <{_lrc_time(line.end)}>")
        else:
            body.append(f"[{_lrc_time(line.start)}]{line.text}")
    return "\n".join(head + body)


def srt(aligned: Iterable[Any], *, lyric: str | None = None) -> str:
    """SubRip text: one numbered cue per line, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``."""
    cues = []
    for number, line in enumerate(lines_of(aligned, lyric), start=1):
        cues.append(f"{number}\n{_srt_time(line.start)} --> {_srt_time(line.end)}\n{line.text}\n")
    return "\n".join(cues)


def _lrc_time(seconds: float) -> str:
    centis = round(seconds * 100)
    minutes, centis = divmod(centis, 6000)
    return f"{minutes:02d}:{centis // 100:02d}.{centis % 100:02d}"


def _srt_time(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d},{millis % 1000:03d}"
