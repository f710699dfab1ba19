"""Valid example values and requests made from the table alone (docs, CLI help, forms, tests).

Example:
    >>> from suno_nb.schema.examples import example_request
    >>> example_request("stems")
    {'audio_id': '3f9b0c1e'}
"""

from __future__ import annotations

from typing import Any

from suno_nb.schema.actions import ACTIONS
from suno_nb.schema.fields import FIELDS, first_model_at

# ---------------------------------------------------------------------------------------------
# Examples: valid values from the table alone (docs, CLI help, forms and tests use them)
# ---------------------------------------------------------------------------------------------


def example_value(name: str) -> Any:
    """A valid value for a field: its declared example, else one made from its limits.

    Example:
        >>> example_value("weirdness"), example_value("stem_type")
        (0.5, 'drums')
    """
    spec = FIELDS[name]
    if spec.example is not None:
        return spec.example
    if spec.kind == "enum":
        return spec.choices[0]
    if spec.kind == "url_list":
        return ["https://example.com/ref.mp3"]
    if spec.kind == "id_list":
        return ["3f9b0c1e", "a06d22f1"]
    if spec.kind == "bool":
        return True
    if spec.kind in ("float", "int"):
        if name.endswith("_start"):
            value = 10.0
        elif name.endswith("_end"):
            value = 20.0
        else:
            value = max(30.0, spec.ge or 0.0, (spec.gt or 0.0) + 1)
            value = min(value, spec.le) if spec.le is not None else value
        return int(value) if spec.kind == "int" else float(value)
    return "..."


def example_request(action: str) -> dict[str, Any]:
    """The fewest fields that make a valid request for an action (without ``action``).

    Example:
        >>> example_request("extend")
        {'audio_id': '3f9b0c1e', 'continue_at': 30.0, 'lyric': '[Verse]\\nand on we go'}
    """
    spec = ACTIONS[action]
    values = {name: example_value(name) for name in spec.required}
    if "prompt_or_lyrics" in spec.rules:
        values["prompt"] = example_value("prompt")
    if "lyric_unless_instrumental" in spec.rules:
        values["lyric"] = "[Verse]\nand on we go"
    if spec.min_model is not None:
        values["model"] = first_model_at(spec.min_model)
    return values
