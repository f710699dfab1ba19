"""parse_callback: the same `.clips` as a task, and only CallbackError for any bad body."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suno_nb.callbacks import parse_callback
from suno_nb.client import parse_callback as reexported
from suno_nb.errors import CallbackError

BODY = {"success": True, "task_id": "t1", "data": [{"id": "c1", "state": "succeeded"}]}


def test_callback_and_task_share_the_clips_name(client) -> None:
    parsed = parse_callback(BODY)
    task = client.generate("p")
    assert [c.id for c in parsed.clips] == ["c1"] and parsed.clips is parsed.data
    assert type(parsed.clips[0]) is type(task.clips[0])
    assert reexported is parse_callback


@pytest.mark.parametrize("depth", [50_000, 200_000])
def test_deeply_nested_json_is_a_callback_error(depth: int) -> None:
    text = '{"data": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(CallbackError, match=r"nested too deeply|documented shape"):
        parse_callback(text)
    nested: list = []
    for _ in range(depth // 100):
        nested = [nested]
    with pytest.raises(CallbackError):
        parse_callback({"success": True, "data": nested})


@pytest.mark.parametrize("body", [b"not json", "[1, 2]", b"\xff\xfe", "null", '{"data": 3}'])
def test_bad_bodies_are_callback_errors_and_value_errors(body) -> None:
    with pytest.raises(CallbackError) as info:
        parse_callback(body)
    assert isinstance(info.value, ValueError)


JSON = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        JSON,
        st.dictionaries(st.sampled_from(["success", "task_id", "data", "error", "cost"]), JSON),
        st.binary(max_size=40),
    )
)
def test_any_body_parses_or_raises_callback_error(body) -> None:
    payload = body if isinstance(body, bytes) else json.dumps(body)
    with contextlib.suppress(CallbackError):  # anything else fails the test
        parse_callback(payload)
