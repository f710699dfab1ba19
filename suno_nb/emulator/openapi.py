"""The emulator's OpenAPI description, generated from :mod:`suno_nb.schema` (never by hand),
so property-based tools (schemathesis) can fuzz it and docs can show it.
"""

from __future__ import annotations

from typing import Any

from suno_nb import schema

__all__ = ["field_schema", "openapi_document"]

_ENVELOPE = {
    "type": "object",
    "properties": {
        "success": {"type": "boolean"},
        "task_id": {"type": "string"},
        "trace_id": {"type": "string"},
        "data": {},
        "error": {},
    },
}


def field_schema(spec: schema.FieldSpec) -> dict[str, Any]:
    """The JSON-schema of one field, from its kind and limits."""
    kind = spec.kind
    out: dict[str, Any]
    if kind == "bool":
        out = {"type": "boolean"}
    elif kind in ("float", "int"):
        out = {"type": "number" if kind == "float" else "integer"}
        if spec.ge is not None:
            out["minimum"] = spec.ge
        if spec.le is not None:
            out["maximum"] = spec.le
        if spec.gt is not None:
            out.update(minimum=spec.gt, exclusiveMinimum=True)  # OpenAPI 3.0 spelling
    elif kind == "enum":
        out = {"type": "string", "enum": list(spec.choices)}
    elif kind in ("url_list", "id_list"):
        item = {"type": "string", "format": "uri"} if kind == "url_list" else {"type": "string"}
        out = {"type": "array", "items": item}
        if spec.min_items is not None:
            out["minItems"] = spec.min_items
        if spec.max_items is not None:
            out["maxItems"] = spec.max_items
    else:
        out = {"type": "string"}
        if kind == "url":
            out["format"] = "uri"
        limit = spec.length_limit(schema.MODELS[schema.DEFAULT_MODEL])
        if limit:
            out["maxLength"] = limit
    out["description"] = spec.doc
    return out


def _delivery() -> dict[str, Any]:
    return {
        "async": {"type": "boolean", "description": "Answer at once with the task_id."},
        "callback_url": {"type": "string", "format": "uri", "description": "POST the result."},
    }


def _responses() -> dict[str, Any]:
    json_body = {"application/json": {"schema": _ENVELOPE}}
    return {
        "200": {
            "description": "Success envelope (or {} for an unknown task).",
            "content": json_body,
        },
        "default": {"description": "Error envelope (section 4).", "content": json_body},
    }


def _body(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        body["required"] = required
    return {"required": True, "content": {"application/json": {"schema": body}}}


def openapi_document() -> dict[str, Any]:
    """OpenAPI 3.0 for every path the emulator serves (files excepted)."""
    audio_props = {name: field_schema(spec) for name, spec in schema.FIELDS.items()}
    audio_props["action"] = {"type": "string", "enum": list(schema.ACTIONS), "default": "generate"}
    audio_props.update(_delivery())
    paths: dict[str, Any] = {
        "/suno/audios": {
            "post": {
                "operationId": "audios",
                "summary": "Generate or transform songs (every action of section 1).",
                "requestBody": _body(audio_props, []),
                "responses": _responses(),
            }
        },
        "/suno/tasks": {
            "post": {
                "operationId": "tasks",
                "summary": "Retrieve one task or a batch (section 2).",
                "requestBody": _body(
                    {
                        "action": {"type": "string", "enum": ["retrieve", "retrieve_batch"]},
                        "id": {"type": "string"},
                        "ids": {"type": "array", "items": {"type": "string"}, "maxItems": 100},
                    },
                    ["action"],
                ),
                "responses": _responses(),
            }
        },
    }
    for name, ep in schema.ENDPOINTS.items():
        operation: dict[str, Any] = {
            "operationId": name,
            "summary": ep.summary,
            "responses": _responses(),
        }
        props = {f.name: field_schema(f) for f in ep.fields}
        if ep.method == "POST":
            if ep.pollable:
                props.update(_delivery())
            operation["requestBody"] = _body(props, list(ep.required))
        else:
            operation["parameters"] = [
                {"name": n, "in": "query", "required": n in ep.required, "schema": s}
                for n, s in props.items()
            ]
        paths.setdefault(ep.path, {})[ep.method.lower()] = operation
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "suno_nb offline emulator of the Suno API (Ace Data Cloud flavour)",
            "version": "1",
            "description": "Generated from suno_nb.schema. Files are served under /files/.",
        },
        "paths": paths,
    }
