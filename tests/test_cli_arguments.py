"""Every ``suno-nb`` subcommand answers bad or missing arguments with one line and exit 2.

The subcommands are read from the parser the schema generates, so a new action or endpoint
is covered here the day it is added. Nothing reaches a service: the base URL is a closed
loopback port, so a request that passes every check fails at once with "nothing was sent".
"""

from __future__ import annotations

import argparse
import contextlib
import io
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suno_nb import cli, schema
from suno_nb.emulator.__main__ import _balance, _port, _positive

NUMBERS = (int, float, _port, _positive, _balance)

CLOSED = "http://127.0.0.1:1"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


SUBCOMMANDS = _subcommands()
SERVES_FOREVER = {"emulator"}  # valid arguments start a server: only bad ones are tried


@pytest.fixture(autouse=True, scope="module")
def _in_a_scratch_folder(tmp_path_factory: pytest.TempPathFactory):
    """Relative catalogue folders the invocations name (``worker --catalogue abc``) are made
    here, not in the folder pytest was started from."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("cwd"))
        yield


def test_a_catalogue_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    # Found by the property test below: a folder name longer than the file system allows.
    from suno_nb.catalogue import Catalogue

    Catalogue(tmp_path)  # a real source for the copy
    for argv in (
        ["--base-url", CLOSED, "worker", "--catalogue", "x" * 300],
        ["--base-url", CLOSED, "catalogue", "copy", str(tmp_path), "x" * 300],
    ):
        code, err = _call(argv)
        _assert_one_clear_line(code, err, argv)
        assert "cannot be opened: File name too long" in err


def _flags(sub: argparse.ArgumentParser) -> list[str]:
    return [o for a in sub._actions for o in a.option_strings if o not in ("-h", "--help")]


def _call(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


def _assert_one_clear_line(code: int, err: str, argv: list[str]) -> None:
    assert "Traceback" not in err, (argv, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, (argv, err)
    assert lines[0].startswith("suno-nb"), (argv, err)
    assert code == 2, (argv, code, err)


def test_the_schema_generates_a_subcommand_for_every_action_and_endpoint() -> None:
    names = set(SUBCOMMANDS)
    assert set(schema.ACTIONS) <= names
    assert {ep.replace("_", "-") for ep in schema.ENDPOINTS} <= names


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_an_unknown_option_is_one_line_and_exit_2(name: str) -> None:
    argv = ["--base-url", CLOSED, name, "--no-such-option", "1"]
    _assert_one_clear_line(*_call(argv), argv)


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_number_option_refuses_words_and_non_finite_values(name: str) -> None:
    sub = SUBCOMMANDS[name]
    numeric = [a.option_strings[0] for a in sub._actions if a.option_strings and a.type in NUMBERS]
    for flag in numeric:
        for bad in ("abc", "1,5"):
            argv = ["--base-url", CLOSED, name, flag, bad]
            _assert_one_clear_line(*_call(argv), argv)


def _required_fields(name: str) -> list[str]:
    key = name.replace("-", "_")
    if key in schema.ENDPOINTS:
        return list(schema.ENDPOINTS[key].required)
    if key in schema.ACTIONS:
        return list(schema.ACTIONS[key].required)
    return []


@pytest.mark.parametrize(
    "name", sorted(n for n in SUBCOMMANDS if _required_fields(n) and n not in SERVES_FOREVER)
)
def test_a_missing_required_field_is_one_line_naming_it(name: str) -> None:
    argv = ["--base-url", CLOSED, name]
    code, err = _call(argv)
    _assert_one_clear_line(code, err, argv)
    assert any(field in err for field in _required_fields(name)), err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--port", "abc"),
        ("--port", "-1"),
        ("--port", "70000"),
        ("--host", "not a host"),
        ("--host", "999.1.1.1"),
        ("--faults", "busy"),
        ("--faults", "busy=2"),
        ("--faults", "nonsense=0.1"),
        ("--credits", "nan"),
        ("--rate-limit", "-3"),
        ("--max-duration", "inf"),
        ("--profile", "nosuch"),
    ],
)
def test_the_emulator_refuses_bad_options_before_serving(option: str, value: str) -> None:
    argv = ["emulator", option, value]
    _assert_one_clear_line(*_call(argv), argv)


def test_the_emulator_refuses_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    argv = ["emulator", "--data-dir", str(afile)]
    _assert_one_clear_line(*_call(argv), argv)


def test_the_emulator_on_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        argv = ["emulator", "--port", str(port), "--data-dir", str(tmp_path / "data")]
        _assert_one_clear_line(*_call(argv), argv)


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00bad bytes", b"[grid\nweirdness = ", b"", b"[sweep]\nnosuch = 1\n"],
    ids=["not-utf8", "not-toml", "empty", "unknown-key"],
)
def test_a_bad_plan_file_is_one_line_and_exit_2(tmp_path: Path, content: bytes) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(content)
    code, err = _call(["sweep", str(plan)])
    assert "Traceback" not in err
    assert code == 2, err
    assert err.strip(), "says why"


def test_a_missing_plan_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    argv = ["sweep", str(tmp_path / "nope.toml")]
    _assert_one_clear_line(*_call(argv), argv)


_VALUES = st.sampled_from(
    ["abc", "nan", "inf", "-1", "0", "1", "0.5", "1e999", "", "ü", "--", "x" * 300, "[Verse]"]
)


@st.composite
def _invocations(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(sorted(n for n in SUBCOMMANDS if n not in SERVES_FOREVER)))
    flags = [*_flags(SUBCOMMANDS[name]), "--nope"]
    tokens = draw(st.lists(st.one_of(st.sampled_from(flags), _VALUES), min_size=0, max_size=6))
    return ["--base-url", CLOSED, name, *tokens]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(argv=_invocations())
def test_no_invocation_prints_a_traceback(argv: list[str]) -> None:
    # Property: whatever a user types, the answer is a clear line and an exit code —
    # 2 for bad input, 1 when a checked request cannot reach the (closed) service.
    code, err = _call(argv)
    assert "Traceback" not in err, (argv, err)
    assert code in (0, 1, 2), (argv, code, err)
    if code:
        assert err.strip(), (argv, "an exit code without a reason")
