"""The README's commands as a new user runs them: the demo's main job and the emulator server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACEDATACLOUD_")}
    env["MPLBACKEND"] = "Agg"
    return env


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_demo_main_job_runs_offline_and_writes_its_report(tmp_path: Path) -> None:
    # What `make demo` runs once .venv exists: a 3 x 3 x 2 sweep on the offline emulator.
    done = subprocess.run(
        [sys.executable, "-m", "suno_nb.demo"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=380,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "18 requests" in out and "36 clips" in out
    assert "18 done, 0 failed" in out
    report = tmp_path / "demo_output" / "report.html"
    assert report.is_file() and report.stat().st_size > 10_000
    assert list((tmp_path / "demo_output").glob("heatmap_*.png"))
    assert "notebooks/03_weirdness_style_sweep.ipynb" in out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(120)
def test_cli_emulator_serves_the_api_in_the_foreground(tmp_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "suno_nb.cli",
            "emulator",
            "--port",
            str(port),
            "--token",
            "T1",
            "--data-dir",
            str(tmp_path / "state"),
        ],
        env=_clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert server.poll() is None, server.stdout.read().decode()[-2000:]
            time.sleep(0.1)
        body = json.dumps({"action": "retrieve", "id": "nope"}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/suno/tasks",
            data=body,
            method="POST",
            headers={"content-type": "application/json", "authorization": "Bearer T1"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert json.loads(answer.read()) == {}  # unknown id, as the contract says
        bad = urllib.request.Request(
            f"http://127.0.0.1:{port}/suno/tasks",
            data=body,
            method="POST",
            headers={"content-type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(bad, timeout=10)
        assert json.loads(info.value.read())["error"]["code"] == "no_token"
    finally:
        server.terminate()
        server.wait(timeout=20)
