"""Package-level promises: a light import, fresh generated files, a working CLI."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from client_support import make_client
from fakes import FakeSuno

from suno_nb import cli


def _load_codegen():
    path = Path(__file__).resolve().parents[2] / "scripts" / "codegen.py"
    spec = importlib.util.spec_from_file_location("codegen", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_codegen = _load_codegen()  # the generator lives outside the package (scripts/codegen.py)

HEAVY = (
    "pandas",
    "librosa",
    "matplotlib",
    "scipy",
    "ipywidgets",
    "numpy",
    "pydantic",
    "httpx2",
    "aiohttp",
)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}; import sys, json; print(json.dumps(list(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_import_suno_nb_loads_nothing_heavy() -> None:
    loaded = _modules_after("import suno_nb")
    assert not [m for m in HEAVY if m in loaded]


def test_the_client_does_not_load_analysis_or_widget_libraries() -> None:
    loaded = _modules_after("import suno_nb; suno_nb.Client; suno_nb.schema")
    assert not [
        m for m in ("pandas", "librosa", "matplotlib", "scipy", "ipywidgets") if m in loaded
    ]


LAZY_PACKAGES = ("suno_nb", "suno_nb.emulator", "suno_nb.sweeps", "suno_nb.widgets")


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_name_of_a_stub_resolves(package: str) -> None:
    # The .pyi stub is the one list of public names (lazy_loader reads it at run time, type
    # checkers read it as the interface): each must resolve, and dir() shows them all.
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import importlib, json; m = importlib.import_module({package!r}); "
            "missing = [n for n in m.__all__ if getattr(m, n, None) is None]; "
            "print(json.dumps([missing, sorted(set(m.__all__) - set(dir(m)))]))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    missing, hidden = json.loads(out.stdout.strip().splitlines()[-1])
    assert missing == [] and hidden == []


def test_a_function_named_like_its_module_stays_the_function() -> None:
    # sweeps.sweep (sweep.py) and widgets.panel (panel.py): importing the module must not
    # replace the package's function with it.
    code = (
        "import suno_nb.sweeps.sweep, suno_nb.widgets.panel, suno_nb.sweeps, suno_nb.widgets;"
        "print(callable(suno_nb.sweeps.sweep) and not hasattr(suno_nb.sweeps.sweep, '__path__'),"
        " type(suno_nb.sweeps.sweep).__name__, type(suno_nb.widgets.panel).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "function", "function"]


def test_generated_files_are_fresh() -> None:
    assert _codegen.main(["--check"]) == 0


def test_the_generator_is_not_shipped() -> None:
    import suno_nb

    assert not (Path(suno_nb.__file__).parent / "_codegen.py").exists()


def test_generated_module_shares_aliases_and_call_options() -> None:
    import inspect

    from suno_nb import _generated, schema
    from suno_nb.client import Client

    text = Path(_generated.__file__).read_text()
    assert text.count('"chirp-v4-5-plus"') == 1  # one ModelName alias, not one per method
    assert text.count("max_retries: int") == 1  # in CallOptions only, not in 42 signatures
    assert set(_generated.CallOptions.__annotations__) == {
        "callback_url", "wait", "until", "timeout", "on_progress", "extra", "max_retries"
    }  # fmt: skip
    for action in schema.ACTIONS:
        params = inspect.signature(getattr(Client, action)).parameters
        assert params["options"].kind is inspect.Parameter.VAR_KEYWORD


def test_reference_page_lists_every_action_and_field() -> None:
    from suno_nb import schema

    text = _codegen.render_reference()
    for name in schema.ACTIONS:
        assert f"### `{name}`" in text
    for name in schema.FIELDS:
        assert f"| `{name}`" in text


@pytest.fixture
def cli_fake(monkeypatch: pytest.MonkeyPatch) -> FakeSuno:
    fake = FakeSuno()
    monkeypatch.setattr("suno_nb.client.Client", lambda **kw: make_client(fake))
    return fake


def test_cli_generate_json(cli_fake: FakeSuno, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["--json", "generate", "--prompt", "lofi", "--weirdness", "0.4"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["state"] == "succeeded" and len(out["clips"]) == 2
    assert cli_fake.calls("/suno/audios")[0]["weirdness"] == 0.4


def test_cli_human_output_and_no_wait(cli_fake: FakeSuno, capsys) -> None:
    assert (
        cli.main(
            ["extend", "--audio-id", "c1", "--continue-at", "30", "--instrumental", "--no-wait"]
        )
        == 0
    )
    assert "extend task task-1: pending" in capsys.readouterr().out
    assert cli_fake.calls("/suno/audios")[0]["instrumental"] is True


def test_cli_bad_input_is_one_line_and_exit_2(cli_fake: FakeSuno, capsys) -> None:
    assert cli.main(["generate", "--prompt", "p", "--weirdness", "3"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "weirdness must be a number from 0 to 1" in err
    assert cli_fake.requests == []


def test_cli_service_error_exit_1(cli_fake: FakeSuno, capsys) -> None:
    cli_fake.fail_next.append((403, {"code": "used_up", "message": "no credit"}, {}))
    assert cli.main(["generate", "--prompt", "p"]) == 1
    assert "InsufficientBalanceError" in capsys.readouterr().err


def test_cli_task_and_endpoints(cli_fake: FakeSuno, capsys) -> None:
    cli.main(["generate", "--prompt", "p", "--no-wait"])
    assert cli.main(["task", "task-1", "--wait"]) == 0
    assert "succeeded" in capsys.readouterr().out
    assert cli.main(["--json", "lyrics", "--prompt", "rain"]) == 0
    assert json.loads(capsys.readouterr().out)["items"][0]["title"] == "Song"


def test_cli_has_a_subcommand_per_action_and_endpoint() -> None:
    from suno_nb import schema

    parser = cli.build_parser()
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in [*schema.ACTIONS, *(e.replace("_", "-") for e in schema.ENDPOINTS)]:
        assert name in choices
