"""The request's knobs as typed columns of the ``tasks`` table, and the service's billed cost.

The JSON body stays the record of what was sent; these columns repeat its scalar knobs with a
type (REAL, INTEGER, 0/1, TEXT) so the catalogue's table is read as columns, without parsing
JSON per row. Prose fields (prompt, lyric, style …) and lists stay in the JSON only.

Example:
    >>> knob_values({"weirdness": 0.5, "custom": True, "duration": "long"})["request_weirdness"]
    0.5
    >>> knob_values({"custom": True, "duration": "x"})["request_custom"]
    1
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = [
    "COST_COLUMN",
    "KNOBS",
    "column",
    "cost_of",
    "is_knob",
    "knob_values",
    "migration",
    "store",
]

# (request field, stored type). Released with schema version 3: never edit this list; a new
# knob gets a new migration that adds its column. "BOOL" is stored as INTEGER 0/1.
KNOBS: tuple[tuple[str, str], ...] = (
    ("model", "TEXT"),
    ("custom", "BOOL"),
    ("instrumental", "BOOL"),
    ("title", "TEXT"),
    ("negative_tags", "TEXT"),
    ("vocal_gender", "TEXT"),
    ("variation_category", "TEXT"),
    ("weirdness", "REAL"),
    ("style_influence", "REAL"),
    ("audio_weight", "REAL"),
    ("duration", "INTEGER"),
    ("audio_id", "TEXT"),
    ("persona_id", "TEXT"),
    ("continue_at", "REAL"),
    ("replace_section_start", "REAL"),
    ("replace_section_end", "REAL"),
    ("replace_section_result_mode", "TEXT"),
    ("overpainting_start", "REAL"),
    ("overpainting_end", "REAL"),
    ("underpainting_start", "REAL"),
    ("underpainting_end", "REAL"),
    ("samples_start", "REAL"),
    ("samples_end", "REAL"),
    ("max_mode", "BOOL"),
    ("variety", "TEXT"),
    ("stem_type", "TEXT"),
    ("audio_format", "TEXT"),
    ("sound_type", "TEXT"),
    ("bpm", "INTEGER"),
    ("key", "TEXT"),
    ("speed_multiplier", "REAL"),
    ("keep_pitch", "BOOL"),
)
COST_COLUMN = "cost"
"""The billed ``cost.amount`` of the service's answer (credits), NULL until it is known."""

_TYPES = dict(KNOBS)
_SQL_TYPES = {"REAL": "REAL", "INTEGER": "INTEGER", "BOOL": "INTEGER", "TEXT": "TEXT"}
# What json_type() says for a value that fits the stored type (the migration's filter).
_JSON_TYPES = {
    "REAL": "('integer', 'real')",
    "INTEGER": "('integer')",
    "BOOL": "('true', 'false')",
    "TEXT": "('text')",
}


def column(name: str) -> str:
    """The tasks column holding request field ``name`` (``request_weirdness``)."""
    return f"request_{name}"


def is_knob(name: str) -> bool:
    """Whether request field ``name`` has a typed column."""
    return name in _TYPES


def knob_values(request: Mapping[str, Any]) -> dict[str, Any]:
    """Every knob column's value for a request body; a value of the wrong type is stored as NULL
    (the JSON body still has it as sent)."""
    return {column(name): _typed(request.get(name), kind) for name, kind in KNOBS}


def _typed(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "BOOL":
        return int(value) if isinstance(value, bool) else None
    if isinstance(value, bool):
        return None  # True is an int in Python, never a number here
    if kind == "REAL":
        return float(value) if isinstance(value, int | float) else None
    if kind == "INTEGER":
        return value if isinstance(value, int) else None
    return value if isinstance(value, str) else None


def cost_of(response_meta: str | Mapping[str, Any] | None) -> float | None:
    """The billed amount in a task's response meta (JSON text or a dict), or None.

    Example:
        >>> cost_of('{"cost": {"amount": 0.5, "currency": "credits"}}')
        0.5
    """
    if response_meta is None:
        return None
    meta = json.loads(response_meta) if isinstance(response_meta, str) else response_meta
    amount = (meta.get("cost") or {}).get("amount") if isinstance(meta, Mapping) else None
    if isinstance(amount, int | float) and not isinstance(amount, bool):
        return float(amount)
    return None


def store(conn: Any, key: int, request: Mapping[str, Any] | None, response_meta: Any) -> None:
    """Write the knob columns (when ``request`` is given) and the cost (when known) of one task.

    The recorder calls this inside its write transaction, after the task row exists.
    """
    values: dict[str, Any] = {}
    if request is not None:
        values.update(knob_values(request))
    cost = cost_of(response_meta)
    if cost is not None:
        values[COST_COLUMN] = cost
    if not values:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    conn.execute(f"UPDATE tasks SET {assignments} WHERE key = :key", {**values, "key": key})


def migration() -> list[str]:
    """sqlite statements adding the knob and cost columns and filling them from stored JSON
    (a value of the wrong type stays NULL, as :func:`knob_values` does)."""
    statements = [
        f"ALTER TABLE tasks ADD COLUMN {column(name)} {_SQL_TYPES[kind]}" for name, kind in KNOBS
    ]
    statements.append(f"ALTER TABLE tasks ADD COLUMN {COST_COLUMN} REAL")
    fills = [
        f"{column(name)} = CASE WHEN json_type(request, '$.{name}') IN {_JSON_TYPES[kind]}"
        f" THEN json_extract(request, '$.{name}') END"
        for name, kind in KNOBS
    ]
    fills.append(
        f"{COST_COLUMN} = CASE WHEN json_type(response_meta, '$.cost.amount') IN"
        " ('integer', 'real') THEN json_extract(response_meta, '$.cost.amount') END"
    )
    cost = fills.pop()
    statements.append("UPDATE tasks SET " + ", ".join(fills) + " WHERE json_valid(request)")
    statements.append(f"UPDATE tasks SET {cost} WHERE json_valid(response_meta)")
    return statements
