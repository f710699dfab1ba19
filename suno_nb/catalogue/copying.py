"""Moving in: copy one catalogue (rows and files) into another, without duplicates, resumably.

The usual case is a personal sqlite catalogue joining a lab's shared PostgreSQL one
(``suno-nb catalogue copy ~/suno_catalogue postgresql://lab-db/suno``). Clips go over in
batches, each one a bundle (see :mod:`suno_nb.catalogue.transfer`) written to a temporary
folder and imported in one transaction; files are content-addressed and rows are inserted
only when new, so a copy stopped halfway is finished by running it again, and running it
twice copies nothing the second time.

Example:
    >>> import tempfile
    >>> from suno_nb.catalogue import Catalogue
    >>> report = copy_catalogue(Catalogue(tempfile.mkdtemp()), Catalogue(tempfile.mkdtemp()))
    >>> report.clips, report.batches
    (0, 0)
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from suno_nb.catalogue.frame import clip_ids as _clip_ids

if TYPE_CHECKING:
    from suno_nb.catalogue.catalogue import Catalogue

__all__ = ["CopyReport", "copy_catalogue"]


@dataclass
class CopyReport:
    """What a copy did: new rows in the target, and what it could not carry over."""

    tasks: int = 0
    clips: int = 0
    files: int = 0
    batches: int = 0
    already_there: int = 0
    unresolved: list[int] = field(default_factory=list)  # source task keys left behind

    def __str__(self) -> str:
        text = (
            f"copied {self.clips} new clips, {self.tasks} tasks and {self.files} files in "
            f"{self.batches} batches ({self.already_there} clips were already there)"
        )
        if self.unresolved:
            text += (
                f"; {len(self.unresolved)} tasks of the source are not finished (no clips yet) "
                "and were not copied: run resume() on the source catalogue, then copy again"
            )
        return text


def all_clip_ids(catalogue: Catalogue) -> list[str]:
    """Every clip id of ``catalogue``, oldest first."""
    return _clip_ids(catalogue.store, None, None, None, None, None)


def copy_catalogue(
    source: Catalogue,
    target: Catalogue,
    *,
    batch_size: int = 200,
    on_batch: Callable[[CopyReport], None] | None = None,
) -> CopyReport:
    """Copy every clip of ``source`` (with its task, files, annotations, tags and features)
    into ``target``; see the module docstring. ``on_batch`` sees the report after each batch.

    Tasks that have no clips yet (pending, submitting, uncertain) are not copied: resolving
    them belongs to the catalogue that sent them, and a copy must not make a second catalogue
    think it should resume (and perhaps pay for) them too. The report lists them.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size={batch_size!r}: use a whole number of clips, 1 or more")
    clip_ids = all_clip_ids(source)
    present = set(all_clip_ids(target))
    report = CopyReport(already_there=sum(1 for c in clip_ids if c in present))
    report.unresolved = [p.key for p in source.pending()]
    with tempfile.TemporaryDirectory(prefix="suno_nb_copy_") as scratch:
        for start in range(0, len(clip_ids), batch_size):
            batch = clip_ids[start : start + batch_size]
            bundle = source.export_bundle(Path(scratch) / f"batch-{start}", clip_ids=batch)
            counts = target.import_bundle(bundle)
            report.tasks += counts.get("tasks", 0)
            report.clips += counts.get("clips", 0)
            report.files += counts.get("files", 0)
            report.batches += 1
            if on_batch is not None:
                on_batch(report)
    return report
