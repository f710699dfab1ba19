"""A second "kernel" for catalogue tests, run as a subprocess.

``python catalogue_worker.py generate <catalogue> <state_file>``
    submits one generate through the held service and waits forever (the test kills it).
``python catalogue_worker.py write <catalogue> <prefix> <n_tasks> [lyric_bytes]``
    records ``n_tasks`` finished tasks of two clips each, one transaction per task.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


@dataclass
class Handle:
    """Just enough of a task handle for the catalogue's observer methods."""

    action: str
    request: dict[str, Any]
    task_id: str | None = None
    trace_id: str | None = None
    state: str = "succeeded"
    clips: list[dict[str, Any]] = field(default_factory=list)
    record: Any = None
    response: Any = None
    _client: Any = None


def generate(catalogue_path: str, state_file: str) -> None:
    from catalogue_service import AudioService, make_client

    from suno_nb.catalogue import Catalogue

    service = AudioService(state_file=Path(state_file), hold=True)
    client = make_client(service, Catalogue(catalogue_path))
    client._sleep = __import__("time").sleep
    client._core.poll_interval = (0.05, 0.05)
    client.generate("a song that never finishes in this process", title="Orphan")


def write(catalogue_path: str, prefix: str, n_tasks: int, lyric_bytes: int = 0) -> None:
    from suno_nb.catalogue import Catalogue

    catalogue = Catalogue(catalogue_path)
    lyric = "la " * (lyric_bytes // 3)
    for i in range(n_tasks):
        request = {"prompt": f"{prefix} song {i}", "model": "chirp-v4-5", "weirdness": 0.5}
        key = catalogue.task_submitting("generate", request, "test")
        tid = f"{prefix}-{i}"
        clips = [
            {"id": f"{tid}-c{j}", "title": f"{prefix} {i}/{j}", "state": "succeeded",
             "duration": 120.0, "lyric": lyric}
            for j in range(2)
        ]  # fmt: skip
        catalogue.task_submitted(key, Handle("generate", request, task_id=tid, clips=clips))
    print("done", flush=True)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "generate":
        generate(*args)
    else:
        write(args[0], args[1], int(args[2]), int(args[3]) if len(args) > 3 else 0)
