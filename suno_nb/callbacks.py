"""Reading the body the service POSTs to a ``callback_url``.

Examples:
    >>> from suno_nb.callbacks import parse_callback
    >>> r = parse_callback({"success": True, "task_id": "t1", "data": [{"id": "c1"}]})
    >>> r.task_id, [c.id for c in r.clips]
    ('t1', ['c1'])
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from suno_nb.errors import CallbackError
from suno_nb.models import AudioResponse

__all__ = ["CallbackError", "parse_callback"]


def parse_callback(payload: Mapping[str, Any] | str | bytes) -> AudioResponse:
    """Turn a ``callback_url`` POST body (success or error envelope) into an AudioResponse.

    Its clips are ``.clips``, as on a task (``.data`` is the same list).

    Args:
        payload: The body as parsed JSON, or its text or bytes.

    Raises:
        CallbackError: The body is not JSON, not an object, nested too deeply, or its fields
            have the wrong types. It is a ``ValueError``, so a web handler can answer 400.

    Examples:
        >>> parse_callback(b'{"success": false, "error": {"code": "busy"}}').failed
        True
    """
    if isinstance(payload, bytes | str):
        try:
            payload = json.loads(payload)
        except RecursionError:
            raise CallbackError("the callback body is nested too deeply to read") from None
        except ValueError as exc:
            raise CallbackError(f"the callback body is not JSON: {exc}") from None
    if not isinstance(payload, Mapping):
        raise CallbackError(
            f"a callback body must be a JSON object, got {type(payload).__name__}; "
            "pass the request body the service POSTed to your callback_url"
        )
    try:
        return AudioResponse.model_validate(payload)
    except RecursionError:
        raise CallbackError("the callback body is nested too deeply to read") from None
    except ValueError as exc:  # pydantic's ValidationError
        raise CallbackError(
            f"the callback body does not have the documented shape: {exc}"
        ) from None
