"""The one validator: a request body against the table, each problem with its kind as data.

Example:
    >>> from suno_nb.schema.checks import check_request
    >>> [(p.field, p.kind.value) for p in check_request({"action": "generate", "weirdness": 2})]
    [('weirdness', 'range'), ('prompt', 'required')]
"""

from __future__ import annotations

import math
import re
import uuid
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb.errors import FieldProblem, ProblemKind
from suno_nb.schema.actions import _RULES, ACTIONS, ActionSpec, _missing, _present
from suno_nb.schema.endpoints import ENDPOINTS
from suno_nb.schema.fields import (
    _ALIASES,
    ADJUSTMENTS,
    DEFAULT_MODEL,
    FIELDS,
    MODELS,
    FieldSpec,
    ModelSpec,
    NoEffectWarning,
    UnknownNameWarning,
    first_model_at,
    model_spec,
)

# ---------------------------------------------------------------------------------------------
# Checking a request against the table (used by the client, the widgets and the emulator)
# ---------------------------------------------------------------------------------------------

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_PASSED_THROUGH = ("action", "callback_url", "async")  # taken by every action, checked apart


def type_ok(spec: FieldSpec, value: Any) -> bool:
    """Whether ``value`` has the JSON type ``spec`` needs (numbers must also be finite).

    Example:
        >>> type_ok(FIELDS["weirdness"], 0.5), type_ok(FIELDS["weirdness"], float("nan"))
        (True, False)
    """
    k = spec.kind
    if k == "bool":
        return isinstance(value, bool)
    if k in ("float", "int"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if not math.isfinite(value):
            return False
        return k == "float" or float(value).is_integer()
    if k in ("url_list", "id_list"):
        return isinstance(value, list | tuple) and all(isinstance(x, str) for x in value)
    if k == "json":
        return isinstance(value, Mapping)
    return isinstance(value, str)


def _shown(value: Any) -> str:
    return repr(value) if not isinstance(value, str) or len(value) < 60 else f"{value[:57]!r}…"


def _length_hint(spec: FieldSpec, model: ModelSpec | None, limit: int) -> str:
    """Which newer model allows more, for model-dependent limits ("chirp-v4-5 or newer …")."""
    if not isinstance(spec.max_length, str) or model is None:
        return ""
    best = max(getattr(m, spec.max_length) for m in MODELS.values())
    if best <= limit:
        return ""
    newer = min(
        (m for m in MODELS.values() if getattr(m, spec.max_length) == best),
        key=lambda m: m.generation,
    )
    return f"; {newer.name} or newer allows {best}"


def check_value(spec: FieldSpec, value: Any, model: ModelSpec | None = None) -> FieldProblem | None:
    """Check one value against its field's type and limits; ``None`` when it is fine.

    Example:
        >>> check_value(FIELDS["weirdness"], 1.5).kind
        <ProblemKind.RANGE: 'range'>
    """
    allowed = spec.allowed_text(model)

    def bad(kind: ProblemKind, msg: str) -> FieldProblem:
        return FieldProblem(spec.name, value, allowed, msg, kind)

    if not type_ok(spec, value):
        finite = spec.kind in ("float", "int") and isinstance(value, float)
        why = " (a finite number)" if finite and not math.isfinite(value) else ""
        return bad(
            ProblemKind.TYPE,
            f"{spec.name} must be {allowed}{why}; got {_shown(value)} ({type(value).__name__})",
        )
    k = spec.kind
    if k in ("float", "int"):
        x = float(value)
        if (
            (spec.ge is not None and x < spec.ge)
            or (spec.le is not None and x > spec.le)
            or (spec.gt is not None and x <= spec.gt)
        ):
            return bad(ProblemKind.RANGE, f"{spec.name} must be {allowed}; got {value!r}")
    elif k == "enum":
        if value not in spec.choices:
            return bad(ProblemKind.CHOICE, f"{spec.name} must be {allowed}; got {_shown(value)}")
    elif k in ("url_list", "id_list"):
        n = len(value)
        if (spec.min_items is not None and n < spec.min_items) or (
            spec.max_items is not None and n > spec.max_items
        ):
            return bad(ProblemKind.LENGTH, f"{spec.name} must be {allowed}; got {n}")
        if k == "url_list":
            for url in value:
                if not _URL.match(url):
                    return bad(
                        ProblemKind.FORMAT,
                        f"{spec.name} must be {allowed}; {url!r} is not an http(s) URL",
                    )
        elif any(not x.strip() for x in value):
            return bad(ProblemKind.FORMAT, f"{spec.name} must be {allowed}; got an empty id")
    elif k == "url":
        if not _URL.match(value):
            return bad(ProblemKind.FORMAT, f"{spec.name} must be {allowed}; got {_shown(value)}")
    elif k == "json":
        return None
    else:
        limit = spec.length_limit(model)
        if limit and len(value) > limit:
            return bad(
                ProblemKind.LENGTH,
                f"{spec.name} is {len(value)} characters; {allowed}"
                f"{_length_hint(spec, model, limit)}",
            )
    return None


def normalise_request(values: Mapping[str, Any]) -> dict[str, Any]:
    """Map old names to current ones (``style_negative`` → ``negative_tags``), drop ``None``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        name = _ALIASES.get(key, key)
        if name in out and out[name] != value:
            raise ValueError(f"{key} and {name} are the same field with different values")
        out[name] = list(value) if isinstance(value, tuple) else value
    lp = out.get("lyric_prompt")
    if isinstance(lp, Mapping) and isinstance(lp.get("prompt"), str):
        out["lyric_prompt"] = lp["prompt"]
    return out


@dataclass
class _Check:
    """One request on its way through the named steps of :func:`check_request`."""

    values: dict[str, Any]
    action_name: str
    action: ActionSpec | None
    model_name: str | None
    model: ModelSpec
    known_model: bool
    extra_ok: frozenset[str]
    problems: list[FieldProblem] = field(default_factory=list)
    no_effect: list[str] = field(default_factory=list)  # taken, checked, ignored by the action

    @property
    def bad_fields(self) -> set[str]:
        return {p.field for p in self.problems}

    def add(self, problem: FieldProblem) -> None:
        if problem.field not in self.bad_fields:
            self.problems.append(problem)


def _start(values: Mapping[str, Any], extra_ok: Iterable[str]) -> _Check | list[FieldProblem]:
    """Normalise names and read the action and model, or the problems that stop the check."""
    try:
        v = normalise_request(values)
    except ValueError as exc:
        return [
            FieldProblem(
                "negative_tags",
                values.get("style_negative"),
                "one of negative_tags or style_negative",
                str(exc),
                ProblemKind.RULE,
            )
        ]
    action_name = v.get("action", "generate")
    if not isinstance(action_name, str) or not action_name:
        return [
            FieldProblem(
                "action",
                action_name,
                "one of " + ", ".join(ACTIONS),
                f"action must be one of {', '.join(ACTIONS)}; got {action_name!r}",
                ProblemKind.TYPE,
            )
        ]
    problems = []
    model_name = v.get("model")
    if model_name is not None and not isinstance(model_name, str):
        problems.append(
            FieldProblem(
                "model",
                model_name,
                FIELDS["model"].allowed_text(),
                f"model must be a model name; got {model_name!r}",
                ProblemKind.TYPE,
            )
        )
        model_name = None
    model, known = model_spec(model_name)
    return _Check(
        v,
        action_name,
        ACTIONS.get(action_name),
        model_name,
        model,
        known,
        frozenset(extra_ok),
        problems,
    )


def _warn_unknown_names(c: _Check) -> None:
    if not c.known_model:
        warnings.warn(
            f"model {c.model_name!r} is not in suno_nb's table (known: "
            f"{', '.join(MODELS)}); sending it as given",
            UnknownNameWarning,
            stacklevel=4,
        )
    if c.action is None:
        warnings.warn(
            f"action {c.action_name!r} is not in suno_nb's table (known: "
            f"{', '.join(ACTIONS)}); sending it as given",
            UnknownNameWarning,
            stacklevel=4,
        )


def _check_fields(c: _Check) -> None:
    """Each field on its own: does the action take it, its type and limits, its model gate."""
    action = c.action
    allowed = set(FIELDS) if action is None else set(action.fields) | set(action.fixed)
    allowed.add("model")  # the provider's SDK sends a model with every action
    for key, value in c.values.items():
        if key in _PASSED_THROUGH or key in c.extra_ok:
            continue
        spec = FIELDS.get(key)
        if key in ADJUSTMENTS and key not in allowed:
            c.no_effect.append(key)
        elif key not in allowed:
            c.add(_unknown_field(key, value, c.action_name, c.action, spec is None))
            continue
        if spec is None or (key == "model" and not c.known_model):
            continue
        problem = check_value(spec, value, c.model)
        if problem:
            c.add(problem)
            continue
        gated = spec.min_model is not None and c.known_model and c.model_name is not None
        if gated and c.model.generation < spec.min_model:
            c.add(_gate_problem(key, value, spec.min_model, c.model_name))
    url = c.values.get("callback_url")
    if "callback_url" in c.values and not (isinstance(url, str) and _URL.match(url)):
        c.add(
            FieldProblem(
                "callback_url",
                url,
                "an http(s) URL",
                f"callback_url must be an http(s) URL; got {url!r}",
                ProblemKind.FORMAT,
            )
        )


def _unknown_field(
    key: str, value: Any, action_name: str, action: ActionSpec | None, unknown_name: bool
) -> FieldProblem:
    takes = ", ".join(action.fields) if action else ""
    return FieldProblem(
        key,
        value,
        f"fields of {action_name}: {takes}",
        f"{key} is not a field of {action_name}"
        + (f" (it takes: {takes})" if takes else "")
        + ("; pass it in extra={...} to send it anyway" if unknown_name else ""),
        ProblemKind.UNKNOWN_FIELD,
    )


def _check_required(c: _Check, action: ActionSpec) -> None:
    """Required fields present, and values the action implies (``custom=True``) not contradicted."""
    for name in action.required:
        if name not in c.bad_fields and not _present(c.values, name):
            c.add(_missing(name, f"when {action.name} audio"))
    for name, value in action.fixed.items():
        if name in c.values and c.values[name] != value:
            c.add(
                FieldProblem(
                    name,
                    c.values[name],
                    repr(value),
                    f"{name} must be {value!r} for {action.name}",
                    ProblemKind.CHOICE,
                )
            )


def _check_model_limits(c: _Check, action: ActionSpec) -> None:
    """The action's own model gate."""
    if not c.known_model:
        return
    gate = action.min_model
    if gate is not None and c.model_name is not None and c.model.generation < gate:
        need = first_model_at(gate)
        c.add(
            FieldProblem(
                "model",
                c.model_name,
                f"{need} or newer",
                f"{action.name} needs model {need} or newer; got {c.model_name!r}",
                ProblemKind.MODEL_GATE,
            )
        )


def _check_rules(c: _Check, action: ActionSpec) -> None:
    """Cross-field rules, over values that passed their own checks.

    So a rule never compares a list to a number: each problem is reported once, at the field
    that broke its own rule.
    """
    bad = c.bad_fields
    clean = {k: val for k, val in c.values.items() if k not in bad}
    for rule in action.rules:
        for problem in _RULES[rule](clean, action, c.model):
            c.add(problem)


def _warn_soft_problems(c: _Check) -> None:
    """What the service accepts but the user may not mean: ignored fields, an unsure gate."""
    v = c.values
    for key in c.no_effect:
        warnings.warn(
            f"{key} has no effect on {c.action_name}; the service accepts and ignores it there",
            NoEffectWarning,
            stacklevel=4,
        )
    if c.action_name == "generate" and v.get("max_mode") and not v.get("custom"):
        warnings.warn(
            "max_mode works on generate only with custom=True; the service ignores it here",
            NoEffectWarning,
            stacklevel=4,
        )
    duration = v.get("duration")
    if (
        c.known_model
        and isinstance(duration, int | float)
        and _present(v, "model")
        and duration > c.model.max_duration
        and "duration" not in c.bad_fields
    ):
        warnings.warn(
            f"duration {duration} s is longer than {c.model.name}'s longest song "
            f"({c.model.max_duration} s); it is a hint, so the song will be shorter",
            NoEffectWarning,
            stacklevel=4,
        )
    if v.get("instrumental") and _present(v, "lyric") and c.action_name != "overpainting":
        warnings.warn("instrumental=True: the service ignores lyric", UserWarning, stacklevel=4)
    if c.model_name is None and c.known_model:
        for key in v:
            spec = FIELDS.get(key)
            if spec and spec.min_model and c.model.generation < spec.min_model:
                warnings.warn(
                    f"{key} needs {first_model_at(spec.min_model)} or newer, and no model was "
                    f"given (the service default is {DEFAULT_MODEL}); pass model=... to be sure",
                    UserWarning,
                    stacklevel=4,
                )


def check_request(
    values: Mapping[str, Any], *, warn: bool = True, extra_ok: Iterable[str] = ()
) -> list[FieldProblem]:
    """Every problem of an ``/suno/audios`` request body, in field order; ``[]`` when valid.

    Unknown model and action names are allowed (with an :class:`UnknownNameWarning` when
    ``warn``); fields the action does not take are problems (kind ``unknown_field``) unless
    listed in ``extra_ok``. Each problem's ``kind`` says which rule it broke.

    Example:
        >>> [(p.field, p.kind.value) for p in check_request({"action": "extend", "continue_at": 0})]
        [('continue_at', 'range'), ('audio_id', 'required'), ('lyric', 'required')]
    """
    c = _start(values, extra_ok)
    if isinstance(c, list):
        return c
    if warn:
        _warn_unknown_names(c)
    _check_fields(c)
    if c.action is None:
        return c.problems
    _check_required(c, c.action)
    _check_model_limits(c, c.action)
    _check_rules(c, c.action)
    if warn:
        _warn_soft_problems(c)
    return c.problems


def _gate_problem(key: str, value: Any, min_gen: float, model_name: str | None) -> FieldProblem:
    need = first_model_at(min_gen)
    return FieldProblem(
        key,
        value,
        f"model {need} or newer",
        f"{key} needs model {need} or newer; got model={model_name!r}",
        ProblemKind.MODEL_GATE,
    )


EndpointRule = Callable[[Mapping[str, Any]], list[FieldProblem]]


def _enhanced_upload(v: Mapping[str, Any]) -> list[FieldProblem]:
    """mode='enhanced' needs a name (1–100 characters) and an https audio_url."""
    if v.get("mode") != "enhanced":
        return []
    problems = []
    if not _present(v, "name"):
        problems.append(
            FieldProblem(
                "name",
                v.get("name"),
                "text of 1 to 100 characters",
                "name is required for upload with mode='enhanced'",
                ProblemKind.REQUIRED,
            )
        )
    url = v.get("audio_url")
    if isinstance(url, str) and not url.lower().startswith("https://"):
        problems.append(
            FieldProblem(
                "audio_url",
                url,
                "an https URL",
                "audio_url must be an https URL with mode='enhanced'",
                ProblemKind.FORMAT,
            )
        )
    return problems


def _fixed_range_under_26s(v: Mapping[str, Any]) -> list[FieldProblem]:
    """generate_track with fixed=True: the range must be shorter than 26 seconds."""
    s, e = v.get("start_seconds"), v.get("end_seconds")
    numbers = isinstance(s, int | float) and isinstance(e, int | float)
    if v.get("fixed") and numbers and e - s >= 26:
        return [
            FieldProblem(
                "end_seconds",
                e,
                f"less than {s + 26:g} (a fixed range is shorter than 26 s)",
                f"a fixed range must be shorter than 26 s; got {e - s:g} s",
                ProblemKind.RANGE,
            )
        ]
    return []


_ENDPOINT_RULES: dict[str, EndpointRule] = {
    "enhanced_upload": _enhanced_upload,
    "fixed_range_under_26s": _fixed_range_under_26s,
}


def with_idempotency_key(name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The body with a fresh ``idempotency_key`` when the endpoint de-duplicates and none is set.

    Call it once per logical request, and keep the result: a retry sends the same key.

    Example:
        >>> body = with_idempotency_key("create_project", {"title": "demo"})
        >>> len(body["idempotency_key"]), with_idempotency_key("wav", {"audio_id": "a"})
        (32, {'audio_id': 'a'})
    """
    out = dict(values)
    if ENDPOINTS[name].idempotent and not out.get("idempotency_key"):
        out["idempotency_key"] = uuid.uuid4().hex
    return out


def check_endpoint(name: str, values: Mapping[str, Any]) -> list[FieldProblem]:
    """Every problem of a sibling endpoint's request; ``[]`` when valid.

    Example:
        >>> [p.kind.value for p in check_endpoint("upload", {})]
        ['required']
    """
    ep = ENDPOINTS[name]
    problems: list[FieldProblem] = []
    known = {f.name: f for f in ep.fields}
    for key, value in values.items():
        if value is None or key in ("async", "callback_url") or key in ep.fixed:
            continue
        spec = known.get(key)
        if spec is None:
            problems.append(
                FieldProblem(
                    key,
                    value,
                    ", ".join(known),
                    f"{key} is not a field of {name} (it takes: {', '.join(known)})",
                    ProblemKind.UNKNOWN_FIELD,
                )
            )
            continue
        problem = check_value(spec, value)
        if problem:
            problems.append(problem)
    bad = {p.field for p in problems}
    for req in ep.required:
        if not _present(values, req) and req not in bad:
            problems.append(
                FieldProblem(
                    req,
                    None,
                    known[req].allowed_text(),
                    f"{req} is required for {name}",
                    ProblemKind.REQUIRED,
                )
            )
    bad = {p.field for p in problems}
    clean = {k: v for k, v in values.items() if k not in bad}
    for start, end in ep.windows:
        s, e = clean.get(start), clean.get(end)
        if s is not None and e is not None and not s < e:
            problems.append(
                FieldProblem(
                    end,
                    e,
                    f"greater than {start} ({s:g})",
                    f"{end} must be greater than {start}",
                    ProblemKind.RULE,
                )
            )
    for rule in ep.rules:
        for problem in _ENDPOINT_RULES[rule](clean):
            if problem.field not in {p.field for p in problems}:
                problems.append(problem)
    return problems
