"""Emulator settings: stage-timing profiles and the one settings object the core reads.

A task's state is a pure function of the time since it was created and its profile's stage
timings, so nothing runs in the background and a restarted emulator resumes every task.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suno_nb.emulator.faults import Faults

__all__ = ["PROFILES", "EmulatorSettings", "Profile", "profile_of"]


@dataclass(frozen=True)
class Profile:
    """How long a task stays ``pending`` (queued) and ``running`` (preview playable), seconds."""

    name: str
    pending: float
    running: float
    # Seconds between NDJSON snapshots while running, so a stream shows the preview growing.
    stream_every: float = 0.5

    @property
    def total(self) -> float:
        return self.pending + self.running


PROFILES: dict[str, Profile] = {
    # For unit tests: done as soon as it is asked about.
    "instant": Profile("instant", 0.0, 0.0, 0.05),
    # The default: a task takes about a second and a half, enough to see every state.
    "quick": Profile("quick", 0.4, 1.1, 0.4),
    # Close to the real service's pace: tens of seconds.
    "realistic": Profile("realistic", 6.0, 34.0, 3.0),
}


def profile_of(value: str | Profile | Mapping[str, float]) -> Profile:
    """A profile by name, as given, or built from ``{"pending": s, "running": s}``."""
    if isinstance(value, Profile):
        return value
    if isinstance(value, str):
        try:
            return PROFILES[value]
        except KeyError:
            raise ValueError(
                f"unknown emulator profile {value!r}; use one of {', '.join(PROFILES)} or "
                "a dict with 'pending' and 'running' seconds"
            ) from None
    return Profile(
        "custom",
        float(value.get("pending", 0.4)),
        float(value.get("running", 1.1)),
        float(value.get("stream_every", 0.4)),
    )


#: Artist names moderation refuses (a small, built-in list: enough to show the 403).
DEFAULT_ARTISTS: tuple[str, ...] = (
    "Taylor Swift",
    "Drake",
    "Beyonce",
    "The Beatles",
    "Eminem",
    "Adele",
    "Ed Sheeran",
    "Billie Eilish",
    "Kanye West",
    "Rihanna",
    "Ariana Grande",
    "Coldplay",
)


@dataclass
class EmulatorSettings:
    """Everything that changes how the emulator behaves; all optional."""

    token: str | None = None
    data_dir: Path | None = None
    profile: Profile = field(default_factory=lambda: PROFILES["quick"])
    credits: float | None = None  # None: unlimited; each /suno/audios task costs 1
    rate_limit: float | None = None  # API requests per second; None: unlimited
    moderation: tuple[str, ...] = DEFAULT_ARTISTS
    faults: Faults = field(default_factory=Faults)
    max_duration: float = 60.0  # longest clip the emulator renders, seconds
    max_body: int = 1_000_000  # bytes; larger bodies get 413
    # Seconds a /suno/audios submission's answer waits AFTER its task is made (and paid): the
    # window in which a crash or a dropped connection leaves a paid task the client never saw.
    submit_latency: float = 0.0
    # Processes that render audio: None, one per core when there are several; 0, none (render
    # in the requesting thread).
    render_workers: int | None = None
    # Megabytes of renderings kept in data_dir; past it the least recently used are deleted and
    # made again when needed (uploads are kept). None: no limit.
    cache_limit_mb: float | None = 1024.0
    # Downloads (upload, inspo, voices) and callbacks go only to loopback hosts unless this is
    # True: the emulator is the offline twin of the service and must not reach the internet.
    allow_remote: bool = False
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def build(
        cls,
        *,
        profile: str | Profile | Mapping[str, float] = "quick",
        faults: Faults | str | Mapping[str, Any] | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        moderation: Iterable[str] | None = None,
        **kw: Any,
    ) -> EmulatorSettings:
        return cls(
            profile=profile_of(profile),
            faults=Faults.parse(faults),
            data_dir=Path(data_dir) if data_dir is not None else None,
            moderation=DEFAULT_ARTISTS if moderation is None else tuple(moderation),
            **kw,
        )
