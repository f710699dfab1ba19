"""The catalogue: every task, clip, file, measurement and note kept in a local sqlite folder.

Importing it loads only :mod:`sqlite3` and the standard library; pandas, numpy, librosa and
matplotlib load when a table, a sound or a picture is first asked for.

Example:
    >>> import tempfile
    >>> from suno_nb.catalogue import Catalogue
    >>> catalogue = Catalogue(tempfile.mkdtemp())
    >>> catalogue.pending()
    []
    >>> client = Client(observer=catalogue)            # doctest: +SKIP
    >>> client.generate("lofi rain")                   # doctest: +SKIP
    >>> catalogue.df[["title", "model", "duration"]]   # doctest: +SKIP
"""

from __future__ import annotations

from suno_nb.catalogue.catalogue import (
    Catalogue,
    DownloadWarning,
    PendingTask,
    ResumeReport,
    TrackNotFound,
    default_catalogue,
)
from suno_nb.catalogue.files import DownloadError
from suno_nb.catalogue.store import (
    SCHEMA_VERSION,
    CatalogueError,
    CatalogueFullError,
    CatalogueReadOnlyError,
    CatalogueVersionError,
)
from suno_nb.catalogue.track import Comparison, Track, compare
from suno_nb.catalogue.writes import PendingWrite

__all__ = [
    "SCHEMA_VERSION",
    "Catalogue",
    "CatalogueError",
    "CatalogueFullError",
    "CatalogueReadOnlyError",
    "CatalogueVersionError",
    "Comparison",
    "DownloadError",
    "DownloadWarning",
    "PendingTask",
    "PendingWrite",
    "ResumeReport",
    "Track",
    "TrackNotFound",
    "compare",
    "default_catalogue",
]
