"""The one declarative table of the Suno API: fields, models, actions, endpoints, rules, prices.

Everything else is derived from it: the client's methods, the CLI, the widgets, the emulator's
request checks, the sweep plan's credit estimate and ``docs/reference/actions.md``. The table
follows the provider's own guides; ``docs/reference/contract.md`` says where the sources
disagree and which one is followed. :func:`check_request` and :func:`check_endpoint` are the
one validator: each problem carries a :class:`~suno_nb.errors.ProblemKind` as data.

Where things live: :mod:`~suno_nb.schema.fields` (models, fields), :mod:`~.actions` (the
``/suno/audios`` actions and their cross-field rules), :mod:`~.endpoints` (every other
endpoint), :mod:`~.prices`, :mod:`~.examples` and :mod:`~.checks` (the validator).

Example:
    >>> from suno_nb.schema import ACTIONS, FIELDS, check_request
    >>> ACTIONS["extend"].required
    ('audio_id', 'continue_at')
    >>> FIELDS["weirdness"].allowed_text()
    'a number from 0 to 1'
    >>> [p.field for p in check_request({"action": "generate", "weirdness": 2.0})]
    ['weirdness', 'prompt']
"""

from __future__ import annotations

from suno_nb.schema.actions import _RULES, ACTIONS, MODE_RULES, ActionSpec, ModeRule, RuleCheck
from suno_nb.schema.checks import (
    EndpointRule,
    check_endpoint,
    check_request,
    check_value,
    normalise_request,
    type_ok,
    with_idempotency_key,
)
from suno_nb.schema.endpoints import CUSTOM_MODEL_STATES, ENDPOINTS, EndpointSpec
from suno_nb.schema.examples import example_request, example_value
from suno_nb.schema.fields import (
    _ALIASES,
    ADJUSTMENTS,
    DEFAULT_MODEL,
    FIELDS,
    MODELS,
    STEM_TITLES,
    FieldSpec,
    Kind,
    ModelSpec,
    NoEffectWarning,
    UnknownNameWarning,
    Widget,
    first_model_at,
    model_spec,
)
from suno_nb.schema.prices import LIST_PRICES, Price, list_price

__all__ = [
    "ACTIONS",
    "ADJUSTMENTS",
    "CUSTOM_MODEL_STATES",
    "DEFAULT_MODEL",
    "ENDPOINTS",
    "FIELDS",
    "LIST_PRICES",
    "MODELS",
    "MODE_RULES",
    "STEM_TITLES",
    "ActionSpec",
    "EndpointRule",
    "EndpointSpec",
    "FieldSpec",
    "Kind",
    "ModeRule",
    "ModelSpec",
    "NoEffectWarning",
    "Price",
    "RuleCheck",
    "UnknownNameWarning",
    "Widget",
    "check_endpoint",
    "check_request",
    "check_value",
    "example_request",
    "example_value",
    "first_model_at",
    "list_price",
    "model_spec",
    "normalise_request",
    "type_ok",
    "with_idempotency_key",
]
# Private names other modules of the package family read (the code generator, the rule docs).
_ = (_RULES, _ALIASES)
