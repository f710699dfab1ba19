"""The ``%%suno`` cell magic: an action from one line of options, the cell body as lyrics.

``%load_ext suno_nb`` registers it. The line names the action and its fields as ``--name value``
(switches such as ``--instrumental`` need no value; lists are comma separated); the body becomes
``lyric`` (and ``custom`` mode for actions that have it). The magic shows the action's panel,
prefilled and already submitted, so the result cards appear below when the clips are ready;
invalid options are shown at their field and nothing is sent.

Example:
    >>> parse_magic('generate --style "lofi, rain" --title "Night Bus"', "[Verse]\\nla la")
    ('generate', {'style': 'lofi, rain', 'title': 'Night Bus', 'lyric': '[Verse]\\nla la', \
'custom': True})
"""

from __future__ import annotations

import shlex
from typing import Any

from suno_nb import schema

__all__ = ["parse_magic", "register", "suno"]


def _convert(spec: schema.FieldSpec, text: str) -> Any:
    """Text from the magic line as the field's type; bad numbers stay text so the form says why."""
    if spec.kind == "bool":
        return text.strip().lower() not in ("false", "0", "no", "off")
    if spec.kind in ("float", "int"):
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if spec.kind == "int" and number.is_integer() else number
    if spec.kind in ("url_list", "id_list"):
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def parse_magic(line: str, cell: str = "") -> tuple[str, dict[str, Any]]:
    """Split a ``%%suno`` line into the action name and typed field values.

    Raises ValueError naming the bad option and what the action takes.
    """
    words = shlex.split(line)
    name = "generate"
    if words and not words[0].startswith("--"):
        name = words.pop(0)
    if name in schema.ACTIONS:
        taken = schema.ACTIONS[name].fields
        specs = {n: schema.FIELDS[n] for n in taken}
    elif name in schema.ENDPOINTS:
        specs = {f.name: f for f in schema.ENDPOINTS[name].fields}
    else:
        known = ", ".join([*schema.ACTIONS, *schema.ENDPOINTS])
        raise ValueError(f"%%suno: no action named {name!r}; choose one of: {known}")
    values: dict[str, Any] = {}
    i = 0
    while i < len(words):
        word = words[i]
        if not word.startswith("--"):
            raise ValueError(f"%%suno {name}: expected --field, got {word!r}")
        key, _, inline = word[2:].partition("=")
        key = key.replace("-", "_")
        if key not in specs:
            raise ValueError(f"%%suno {name}: no field {key!r}; it takes: {', '.join(specs)}")
        spec = specs[key]
        if inline:
            text = inline
        elif spec.kind == "bool" and (i + 1 == len(words) or words[i + 1].startswith("--")):
            text = "true"  # a bare switch
        elif i + 1 < len(words):
            i += 1
            text = words[i]
        else:
            raise ValueError(f"%%suno {name}: --{key} needs a value ({spec.allowed_text()})")
        values[key] = _convert(spec, text)
        i += 1
    body = cell.strip("\n")
    if body.strip():
        if "lyric" not in specs:
            raise ValueError(
                f"%%suno {name}: this action takes no lyrics, so the cell must be empty"
            )
        values["lyric"] = body
        action = schema.ACTIONS.get(name)
        if "custom" in specs and "custom" not in values and not (action and action.fixed):
            values["custom"] = True  # lyrics given: custom mode, as a user would mean it
    return name, values


def suno(line: str, cell: str = "") -> Any:
    """Build the panel for a ``%%suno`` cell and submit it; returns the panel to display."""
    from suno_nb.widgets.panel import Panel

    name, values = parse_magic(line, cell)
    panel = Panel(name, **values)
    panel.submit()  # invalid values: nothing is sent and the form shows why
    return panel


def register(ipython: Any) -> None:
    """Register ``%%suno`` on an IPython shell (``%load_ext suno_nb`` calls this)."""

    def magic(line: str, cell: str = "") -> Any:
        try:
            return suno(line, cell)
        except ValueError as exc:  # a typo in the magic line: one sentence, no traceback
            print(exc)
            return None

    ipython.register_magic_function(magic, magic_kind="cell", magic_name="suno")
