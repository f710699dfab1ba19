"""Request checks with the client's own schema, answered in the real service's words.

The schema (:mod:`suno_nb.schema`) finds the problems; this module picks the first one and
phrases it as the service does where the contract quotes it ("prompt is required when
generate audio", "model is invalid.", "Title too long." …), else keeps the schema's message.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb import schema
from suno_nb.emulator.guards import ApiRefusal
from suno_nb.errors import FieldProblem, ProblemKind

__all__ = ["TaskQuery", "audio_request", "endpoint_request", "parse_json", "tasks_request"]

# The service's own short messages for length limits (section 4 of the contract).
_TOO_LONG = {"prompt": "Prompt too long.", "style": "Tags too long.", "title": "Title too long."}


def bad(message: str) -> ApiRefusal:
    return ApiRefusal(400, "bad_request", message)


def parse_json(body: bytes, max_body: int) -> dict[str, Any]:
    """The request body as a JSON object, or the 4xx that says what is wrong with it."""
    if len(body) > max_body:
        raise ApiRefusal(
            413,
            "bad_request",
            f"Request body too large: {len(body)} bytes; the limit is {max_body} bytes.",
        )
    if not body.strip():
        return {}
    try:
        # NaN, Infinity and -Infinity are not JSON (RFC 8259); Python's parser accepts them.
        value = json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise bad(f"Request body is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise bad(f"Request body must be a JSON object, got {type(value).__name__}.")
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number (numbers must be finite)")


def _service_message(p: FieldProblem, action: str, values: Mapping[str, Any]) -> str:
    if p.kind is ProblemKind.REQUIRED:
        if p.field == "lyric" and action == "generate":
            return "lyric is required when generate custom audio"
        return f"{p.field} is required when {action} audio"
    if p.field == "continue_at" and p.value is not None:
        return "continue_at must be a number greater than 0"
    if p.field in _TOO_LONG and isinstance(p.value, str) and p.kind is ProblemKind.LENGTH:
        return _TOO_LONG[p.field]
    return p.message


def _flag_types(values: Mapping[str, Any]) -> None:
    for key in ("async", "custom", "instrumental"):
        if key in values and values[key] is not None and not isinstance(values[key], bool):
            raise bad(f"{key} must be true or false; got {values[key]!r}")


def _type_problems(values: Mapping[str, Any]) -> list[FieldProblem]:
    # Types first: the schema's cross-field rules compare values and assume the types are right.
    problems = []
    for key, value in values.items():
        spec = schema.FIELDS.get(key)
        if spec is None or key == "model":
            continue
        problem = schema.check_value(spec, value)
        if problem is not None and problem.kind is ProblemKind.TYPE:
            problems.append(problem)
    return problems


def audio_request(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A checked and normalised ``/suno/audios`` body; raises :class:`ApiRefusal` if bad."""
    try:
        values = schema.normalise_request(raw)
    except ValueError as exc:
        raise bad(str(exc)) from None
    except TypeError:
        raise bad('lyric_prompt must be text or {"prompt": text}') from None
    action = values.get("action", "generate")
    if not isinstance(action, str) or action not in schema.ACTIONS:
        raise bad(f"action is invalid: {action!r}; use one of {', '.join(schema.ACTIONS)}.")
    values["action"] = action
    model = values.get("model")
    if model is not None and (not isinstance(model, str) or model not in schema.MODELS):
        raise bad("model is invalid.")
    _flag_types(values)
    problems = _type_problems(values)
    if not problems:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the client warns users; the service does not
            problems = schema.check_request(values, warn=False)
    # Like the service, ignore fields an action does not take instead of refusing the call.
    ignored = {p.field for p in problems if p.kind is ProblemKind.UNKNOWN_FIELD}
    problems = [p for p in problems if p.field not in ignored]
    if problems:
        raise bad(_service_message(problems[0], action, values))
    for name in ignored:
        values.pop(name, None)
    spec = schema.ACTIONS[action]
    for name, value in spec.fixed.items():
        values.setdefault(name, value)
    return values


def endpoint_request(name: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """A checked sibling-endpoint body (or query); raises :class:`ApiRefusal` if bad."""
    values = {k: v for k, v in raw.items() if v is not None}
    _flag_types(values)
    problems = [
        p for p in schema.check_endpoint(name, values) if p.kind is not ProblemKind.UNKNOWN_FIELD
    ]
    if problems:
        p = problems[0]
        if p.kind is ProblemKind.REQUIRED:
            raise bad(f"{p.field} is required")
        if p.field == "prompt" and p.kind is ProblemKind.LENGTH:
            raise bad(_TOO_LONG["prompt"])
        raise bad(p.message)
    known = {f.name for f in schema.ENDPOINTS[name].fields} | {"async", "callback_url"}
    return {k: v for k, v in values.items() if k in known}


def query_values(name: str, query: Mapping[str, str]) -> dict[str, Any]:
    """Query-string values typed by the schema (``limit=5`` → 5), for GET and DELETE."""
    fields = {f.name: f for f in schema.ENDPOINTS[name].fields}
    out: dict[str, Any] = {}
    for key, text in query.items():
        spec = fields.get(key)
        if spec is None:
            continue
        if spec.kind == "int":
            if not re.fullmatch(r"[+-]?\d{1,12}", text.strip()):
                raise bad(f"{key} must be {spec.allowed_text()}; got {text!r}")
            out[key] = int(text)
        else:
            out[key] = text
    return endpoint_request(name, out)


@dataclass(frozen=True)
class TaskQuery:
    """A ``/suno/tasks`` body: one id, a batch of ids, or (a batch without ids) a listing."""

    action: str
    ids: tuple[str, ...] = ()
    filters: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_listing(self) -> bool:
        return self.action == "retrieve_batch" and not self.ids


def tasks_request(values: Mapping[str, Any]) -> TaskQuery:
    """What a ``/suno/tasks`` body asks for, checked; raises :class:`ApiRefusal` if bad.

    Example:
        >>> tasks_request({"action": "retrieve_batch", "limit": 5}).is_listing
        True
    """
    action = values.get("action", "retrieve")
    if action == "retrieve":
        task_id = values.get("id")
        if not isinstance(task_id, str) or not task_id:
            raise bad("id is required when retrieve task")
        return TaskQuery(action, (task_id,))
    if action != "retrieve_batch":
        raise bad(f"action is invalid: {action!r}; use 'retrieve' or 'retrieve_batch'.")
    ids = values.get("ids")
    if ids is None or ids == []:
        # Without ids, retrieve_batch lists the account's tasks (the provider's SDK and web app).
        filters = {k: v for k, v in values.items() if k not in ("action", "ids")}
        return TaskQuery(action, (), endpoint_request("list_tasks", filters))
    if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
        raise bad("ids must be a list of task ids (or left out, to list recent tasks)")
    if len(ids) > 100:
        raise bad("ids may list at most 100 task ids")
    return TaskQuery(action, tuple(ids))
