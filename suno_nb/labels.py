"""Labels that tell tracks apart: the request settings that differ between the tracks shown.

Wherever two or more tracks appear together (compare, the listening grid, the catalogue
browser) a title alone is not enough ("School Trip", "School Trip"): the label says what
changed, e.g. ``weirdness 0.2 · style_influence 0.8``.

Example:
    >>> differing_labels([{"prompt": "trip", "weirdness": 0.2, "style_influence": 0.8},
    ...                   {"prompt": "trip", "weirdness": 0.7, "style_influence": 0.8}])
    ['weirdness 0.2', 'weirdness 0.7']
    >>> differing_labels([{"prompt": "a"}, {"prompt": "a"}])
    ['take 1', 'take 2']
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["KNOBS", "differing_labels", "differing_settings", "track_labels"]

#: the settings people vary first, shown first when they differ
KNOBS: tuple[str, ...] = (
    "weirdness",
    "style_influence",
    "audio_weight",
    "model",
    "style",
    "prompt",
    "lyric",
    "instrumental",
    "vocal_gender",
    "continue_at",
    "title",
)
# Request keys that say nothing a listener hears (or are unique per request anyway).
_IGNORED = frozenset({"callback_url", "idempotency_key", "trace_id", "request_id", "task_id"})


def differing_settings(requests: Sequence[Mapping[str, Any]]) -> list[str]:
    """The request fields whose values are not all equal across ``requests``, knobs first.

    Example:
        >>> differing_settings([{"model": "chirp-v4", "weirdness": 0}, {"model": "chirp-v5"}])
        ['weirdness', 'model']
    """
    keys: dict[str, None] = {}
    for request in requests:
        keys.update(dict.fromkeys(k for k in request if k not in _IGNORED))
    differing = [key for key in keys if len({_canonical(r.get(key)) for r in requests}) > 1]
    rank = {name: i for i, name in enumerate(KNOBS)}
    return sorted(differing, key=lambda k: (rank.get(k, len(KNOBS)), k))


def differing_labels(
    requests: Sequence[Mapping[str, Any]], *, limit: int = 3, width: int = 24
) -> list[str]:
    """One short label per request naming the (at most ``limit``) settings that differ.

    Identical requests (repeats of one setting) are told apart as ``take 1``, ``take 2`` ….
    """
    keys = differing_settings(requests)[:limit]
    if not keys:
        return [f"take {i}" for i in range(1, len(requests) + 1)]
    return [
        " · ".join(f"{key} {_short(request.get(key), width)}" for key in keys)
        for request in requests
    ]


def track_labels(
    titles: Sequence[str | None], requests: Sequence[Mapping[str, Any]], ids: Sequence[str] = ()
) -> list[str]:
    """``title — what differs`` for each of several tracks shown together (a lone track: its title).

    Example:
        >>> track_labels(["Trip", "Trip"], [{"weirdness": 0.2}, {"weirdness": 0.8}])
        ['Trip — weirdness 0.2', 'Trip — weirdness 0.8']
    """
    names = [t or (ids[i][:8] if i < len(ids) else f"track {i + 1}") for i, t in enumerate(titles)]
    if len(names) < 2:
        return list(names)
    return [
        f"{name} — {label}" for name, label in zip(names, differing_labels(requests), strict=True)
    ]


def _canonical(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return repr(value)


def _short(value: Any, width: int) -> str:
    if value is None:
        return "not set"
    if isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, str):
        text = " ".join(value.split())
    else:
        text = json.dumps(value, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"
