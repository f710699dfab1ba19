"""Moving in: ``copy_catalogue`` / ``suno-nb catalogue copy`` into sqlite and PostgreSQL."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from suno_nb import cli
from suno_nb.catalogue import Catalogue
from suno_nb.catalogue.copying import all_clip_ids, copy_catalogue


def _counts(cat: Catalogue) -> dict[str, int]:
    read = cat.store.read  # the test looks at the rows themselves
    return {
        table: read(f"SELECT count(*) FROM {table}")[0][0]
        for table in ("tasks", "clips", "files", "annotations", "tags")
    }


@pytest.fixture
def source(generated: Any, catalogue: Catalogue) -> Catalogue:
    for n in range(3):
        generated(prompt=f"song number {n}")
    first = all_clip_ids(catalogue)[0]
    catalogue.rate(first, 4)
    catalogue.tag(first, "keep")
    return catalogue


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_copy_twice_gives_no_duplicates_and_keeps_files_and_annotations(
    source: Catalogue, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        target = Catalogue(tmp_path / "shared")
    else:
        target = Catalogue(request.getfixturevalue("postgres_url"), files=tmp_path / "files")
    first = copy_catalogue(source, target, batch_size=2)
    assert first.clips == len(all_clip_ids(source)) == 6 and first.batches == 3
    once = _counts(target)
    assert once["clips"] == 6 and once["tasks"] == 3 and once["annotations"] == 1
    second = copy_catalogue(source, target, batch_size=2)
    assert second.clips == 0 and second.tasks == 0 and second.already_there == 6
    assert _counts(target) == once
    clip = all_clip_ids(source)[0]
    assert target.annotations(clip)["rating"] == 4
    original = source.get(clip).path.read_bytes()
    copied = target.get(clip).path.read_bytes()
    assert hashlib.sha256(copied).digest() == hashlib.sha256(original).digest()


def test_a_copy_stopped_halfway_is_finished_by_running_it_again(
    source: Catalogue, tmp_path: Path
) -> None:
    target = Catalogue(tmp_path / "shared")

    class Stop(Exception):
        pass

    def stop_after_first(report: Any) -> None:
        raise Stop

    with pytest.raises(Stop):
        copy_catalogue(source, target, batch_size=2, on_batch=stop_after_first)
    assert _counts(target)["clips"] == 2
    report = copy_catalogue(source, target, batch_size=2)
    assert report.clips == 4 and report.already_there == 2
    assert _counts(target)["clips"] == 6


def test_the_command_copies_and_reports(source: Catalogue, tmp_path: Path, capsys: Any) -> None:
    where = str(source.root) if source.db_path is not None else source.store.url
    source.close()
    argv = ["catalogue", "copy", where, str(tmp_path / "shared")]
    argv += ["--source-files", str(source.root)]
    assert cli.main(argv) == 0
    assert "copied 6 new clips" in capsys.readouterr().out
    assert cli.main(argv) == 0
    assert "copied 0 new clips" in capsys.readouterr().out


def test_the_command_refuses_a_source_that_is_not_a_catalogue(tmp_path: Path, capsys: Any) -> None:
    code = cli.main(["catalogue", "copy", str(tmp_path / "nothing"), str(tmp_path / "t")])
    assert code == 2
    assert "no catalogue folder" in capsys.readouterr().err
