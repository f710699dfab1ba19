"""The CLI's endpoint commands, one ``suno-nb`` call after another over one emulator data
directory (as separate processes would be): a project and a custom model outlive each call, and
an endpoint's own ``--name`` field is the user's, not the command's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from suno_nb import cli
from suno_nb.emulator import configure_default

OWN = "https://suno-emulator.invalid"
URLS = [f"https://example.com/song-{i:02d}.mp3" for i in range(1, 7)]


def _cli(capsys, data_dir, *argv: str) -> dict[str, Any]:
    """One ``suno-nb --json ...`` call, on a default emulator made afresh over ``data_dir``
    (as a new process would make it)."""
    configure_default(profile="instant", data_dir=data_dir, max_duration=8.0)
    code = cli.main(["--json", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.slow
def test_cli_commands_keep_a_project_and_a_model_from_call_to_call(
    tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
    monkeypatch.delenv("ACEDATACLOUD_API_BASE_URL", raising=False)
    monkeypatch.setenv("SUNO_NB_HOME", str(tmp_path / "home"))
    data = tmp_path / "emu"
    try:
        song = _cli(capsys, data, "generate", "--prompt", "a short song")["clips"][0]["id"]
        project = _cli(capsys, data, "create-project", "--title", "CLI project")
        empty = '{"tracks": []}'
        saved = _cli(capsys, data, "save-project", "--id", project["id"], "--state", empty)
        _cli(
            capsys, data, "add-track", "--id", project["id"], "--audio-id", song,
            "--version-id", saved["version_id"],
        )  # fmt: skip
        shown = _cli(capsys, data, "project", "--id", project["id"])
        assert len(shown["state"]["tracks"]) == 1 and shown["version_id"] != saved["version_id"]
        made = _cli(capsys, data, "create-custom-model", "--name", "m", "--audio-urls", *URLS)
        assert _cli(capsys, data, "custom-model", "--id", made["id"])["status"] == "ready"
        mp3 = _cli(capsys, data, "mp3", "--audio-id", song)
        assert mp3["files"][0]["file_url"].endswith(".mp3")
        up = _cli(
            capsys, data, "upload", "--audio-url", f"{OWN}/files/{song}.mp3",
            "--mode", "enhanced", "--name", "CLI up",
        )  # fmt: skip
        assert up["audio_id"] and up["title"] == "CLI up"
    finally:
        configure_default(profile="quick")
