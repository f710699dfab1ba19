"""List prices in credits, from the provider's guides: data, with a user override.

Example:
    >>> from suno_nb.schema.prices import list_price
    >>> list_price("add_stem", {"max_mode": True})
    1.344
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from suno_nb.schema.actions import ACTIONS
from suno_nb.schema.endpoints import ENDPOINTS

# ---------------------------------------------------------------------------------------------
# List prices (credits), from the provider's guides; data, with a user override
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Price:
    """An action's or endpoint's list price in credits, and the options that change it.

    ``options`` are ``(conditions, credits)`` pairs, first match wins: every ``field=value`` in
    ``conditions`` must hold in the request. ``documented`` is False for a price the guides do
    not state (the generate price is assumed); the service's answer carries the real ``cost``.
    """

    credits: float
    options: tuple[tuple[Mapping[str, Any], float], ...] = ()
    documented: bool = True
    source: str = ""

    def for_request(self, values: Mapping[str, Any]) -> float:
        for conditions, credits in self.options:
            if all(values.get(k) == v for k, v in conditions.items()):
                return credits
        return self.credits


_AUDIOS_GUIDE = "suno_audios.md"
_GENERATE_PRICE = Price(
    0.56, (({"max_mode": True, "custom": True}, 1.12),), source=f"{_AUDIOS_GUIDE}: max_mode"
)

#: List prices by action (``/suno/audios``) or endpoint name. Override them per call with
#: ``list_price(..., overrides={"generate": 0.5})`` or for a sweep with ``Sweep(costs=...)``.
LIST_PRICES: dict[str, Price] = {
    "generate": _GENERATE_PRICE,
    "add_stem": Price(0.672, (({"max_mode": True}, 1.344),), source=f"{_AUDIOS_GUIDE}: Add Stem"),
    "extract_stem": Price(1.12, source=f"{_AUDIOS_GUIDE}: Extract Stem"),
    "sounds": Price(0.112, source=f"{_AUDIOS_GUIDE}: Generate Sound Effects"),
    "adjust_speed": Price(0.28, source=f"{_AUDIOS_GUIDE}: Adjust Audio Speed"),
    "upload": Price(0.06, (({"mode": "enhanced"}, 1.87),), source="suno_upload.md"),
    "create_custom_model": Price(10.0, source="custom models guide: charged when ready"),
    "generate_with_custom_model": Price(0.90, source="custom models guide"),
    "custom_model": Price(0.0, source="custom models guide: querying is free"),
    "custom_models": Price(0.0, source="custom models guide: querying is free"),
    "delete_custom_model": Price(0.0, source="custom models guide: archiving is free"),
    "list_tasks": Price(0.0, source="tasks guide: zero-consumption"),
}


def list_price(
    name: str,
    values: Mapping[str, Any] | None = None,
    *,
    overrides: Mapping[str, float] | None = None,
) -> float:
    """Credits one request of ``name`` (an action or endpoint) costs at list price.

    Unlisted actions of ``/suno/audios`` are assumed to cost what ``generate`` does; an override
    (``{"generate": 0.5}`` or ``{"*": 1}`` for every name) wins over the table.

    Example:
        >>> list_price("generate"), list_price("generate", {"custom": True, "max_mode": True})
        (0.56, 1.12)
        >>> list_price("add_stem", {"max_mode": True}), list_price("sounds", overrides={"*": 1})
        (1.344, 1.0)
    """
    overrides = overrides or {}
    if name in overrides:
        return float(overrides[name])
    if "*" in overrides:
        return float(overrides["*"])
    price = LIST_PRICES.get(name)
    if price is None:
        price = _GENERATE_PRICE if name in ACTIONS or name not in ENDPOINTS else Price(0.0)
    return price.for_request(values or {})
