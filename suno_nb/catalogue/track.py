"""``Track`` (a clip backed by the catalogue: file, params, features, notes) and ``compare``.

Views delegate to :mod:`suno_nb.plots` and :mod:`suno_nb.players`, imported on first use.
"""

from __future__ import annotations

import base64
import html
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from suno_nb.catalogue.files import DownloadError, FileStore
from suno_nb.catalogue.store import CatalogueError, StoreBackend

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Comparison", "Track", "TrackHome", "TrackNotFound", "compare"]


class TrackNotFound(CatalogueError, KeyError):
    """No clip with that id is in the catalogue."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


def not_found(files: FileStore, clip_id: str) -> str:
    """The message of :class:`TrackNotFound` for ``clip_id``."""
    return (
        f"no clip {clip_id!r} in the catalogue with files at {files.url}; "
        "catalogue.df.clip_id lists the ids it has"
    )


class TrackHome(Protocol):
    """What a :class:`Track` reads and writes through: its catalogue's store and files, and
    the annotation verbs (a ``Catalogue`` is one; the track never imports it)."""

    @property
    def store(self) -> StoreBackend: ...
    @property
    def files(self) -> FileStore: ...
    def measure(self, tracks: Any = None, *, n_jobs: Any = None, progress: bool = True
                ) -> pd.DataFrame: ...  # fmt: skip
    def rate(self, clip_id: str, rating: int | None) -> None: ...
    def star(self, clip_id: str, starred: bool = True) -> None: ...
    def tag(self, clip_id: str, *tags: str) -> None: ...
    def untag(self, clip_id: str, *tags: str) -> None: ...
    def note(self, clip_id: str, text: str | None) -> None: ...
    def annotations(self, clip_id: str) -> dict[str, Any]: ...


# Request fields shown in a track's card, in this order, when present.
_CARD_FIELDS = ("action", "model", "style", "prompt", "weirdness", "style_influence",
                "audio_weight", "instrumental", "vocal_gender", "negative_tags")  # fmt: skip


class Track:
    """One clip in the catalogue: its file, request, features and annotations.

    Example:
        >>> track = catalogue.get("3f9b")          # doctest: +SKIP
        >>> y, sr = track.load(sr=22050, mono=True)  # doctest: +SKIP
        >>> track.spectrogram()                     # doctest: +SKIP
        >>> track.rate(4); track.tag("keeper")      # doctest: +SKIP
    """

    def __init__(self, catalogue: TrackHome, clip_id: str) -> None:
        self.catalogue = catalogue
        self.id = clip_id
        self._audio: dict[tuple[int | None, bool], tuple[np.ndarray, int]] = {}

    # --- facts (read fresh each time: another kernel may have changed them) -----------------
    def _row(self) -> dict[str, Any]:
        rows = self.catalogue.store.read(
            "SELECT c.title, c.state, c.duration, c.raw, t.request, t.action, t.task_id,"
            " fa.state, fa.path, fa.error, fa.duration, fa.sample_rate, fa.channels, fa.sha256"
            " FROM clips c LEFT JOIN tasks t ON t.key = c.task_key"
            " LEFT JOIN files fa ON fa.clip_id = c.clip_id AND fa.kind = 'audio'"
            " WHERE c.clip_id = ?",
            (self.id,),
        )
        if not rows:
            raise TrackNotFound(not_found(self.catalogue.files, self.id))
        keys = ("title", "state", "clip_duration", "raw", "request", "action", "task_id",
                "audio_state", "audio_path", "audio_error", "duration", "sample_rate",
                "channels", "audio_sha256")  # fmt: skip
        return dict(zip(keys, rows[0], strict=True))

    @property
    def title(self) -> str:
        return self._row()["title"] or ""

    @property
    def duration(self) -> float | None:
        """Seconds: from the decoded file, else as the service reported it."""
        row = self._row()
        return row["duration"] if row["duration"] is not None else row["clip_duration"]

    @property
    def params(self) -> dict[str, Any]:
        """The request that made this clip (action included, never the token)."""
        row = self._row()
        return {"action": row["action"], **json.loads(row["request"] or "{}")}

    @property
    def clip(self) -> dict[str, Any]:
        """Every field the service sent for this clip (raw JSON)."""
        return json.loads(self._row()["raw"])

    @property
    def task_id(self) -> str | None:
        return self._row()["task_id"]

    @property
    def path(self) -> Path:
        """The local audio file, its hash checked (a copy in the local cache when the files
        live in an object store). Raises a clear error when it is not downloaded (yet)."""
        row = self._row()
        if row["audio_state"] != "ok" or not row["audio_path"]:
            why = row["audio_error"] or f"clip state is {row['state']!r}"
            raise DownloadError(
                f"track {self.id} has no local audio ({why}); run catalogue.fetch_missing() "
                "or suno_nb.resume()"
            )
        try:
            return self.catalogue.files.path(row["audio_path"], row["audio_sha256"])
        except DownloadError as exc:
            raise DownloadError(f"the audio of track {self.id}: {exc}") from exc

    # --- audio -------------------------------------------------------------------------------
    def load(self, sr: int | None = None, mono: bool = False) -> tuple[np.ndarray, int]:
        """Decode the audio as float32, librosa layout: ``(n,)`` mono or ``(channels, n)``.

        ``sr`` resamples (None keeps the file's rate). Cached per ``(sr, mono)``.
        """
        key = (sr, mono)
        if key not in self._audio:
            import soundfile

            try:
                data, rate = soundfile.read(self.path, dtype="float32", always_2d=True)
            except (soundfile.LibsndfileError, RuntimeError) as exc:
                raise DownloadError(
                    f"the audio of track {self.id} does not decode ({exc}); delete "
                    f"{self.path} and run catalogue.fetch_missing()"
                ) from exc
            y = data.mean(axis=1) if mono else data.T
            if sr is not None and sr != rate:
                import librosa

                y = librosa.resample(y, orig_sr=rate, target_sr=sr)
                rate = sr
            self._audio[key] = (y, int(rate))
        return self._audio[key]

    def play(self, embed: bool | str | None = None, *, light: bool = False) -> Any:
        """A player for this track that works in the current front end (see suno_nb.players).

        In a notebook it shows the waveform: click a time, drag a region, then read
        ``.cursor`` / ``.selection`` (e.g. ``client.extend(track.id, continue_at=p.cursor)``).
        """
        from suno_nb.players import player

        return player(self.path, embed=embed, title=self.title or self.id, light=light)

    def waveform(self, ax: Axes | None = None) -> Axes | Figure:
        """Draw the waveform; returns ``ax`` (or a new figure). No ``plt.show()``."""
        from suno_nb import plots

        y, sr = self.load()
        return plots.waveform(y, sr, ax=ax, title=self.title or self.id)

    def spectrogram(self, ax: Axes | None = None, kind: str = "mel") -> Axes | Figure:
        """Draw a spectrogram (``mel`` by default, ``linear`` or ``cqt``)."""
        from suno_nb import plots

        y, sr = self.load(mono=True)
        return plots.spectrogram(y, sr, ax=ax, kind=kind, title=self.title or self.id)

    def features(self) -> dict[str, Any]:
        """Measured features (computed and cached on first call)."""
        table = self.catalogue.measure([self.id], progress=False)
        return {k: (None if _isnan(v) else v) for k, v in table.loc[self.id].items()}

    # --- annotations ---------------------------------------------------------------------------
    def rate(self, rating: int | None) -> Track:
        self.catalogue.rate(self.id, rating)
        return self

    def star(self, starred: bool = True) -> Track:
        self.catalogue.star(self.id, starred)
        return self

    def tag(self, *tags: str) -> Track:
        self.catalogue.tag(self.id, *tags)
        return self

    def untag(self, *tags: str) -> Track:
        self.catalogue.untag(self.id, *tags)
        return self

    def note(self, text: str | None) -> Track:
        self.catalogue.note(self.id, text)
        return self

    @property
    def annotations(self) -> dict[str, Any]:
        return self.catalogue.annotations(self.id)

    # --- display -------------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Track) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        row = self._row()
        duration = row["duration"] if row["duration"] is not None else row["clip_duration"]
        length = "?" if duration is None else f"{duration:.1f} s"
        return f"Track({self.id!r}, title={row['title']!r}, {length}, audio={row['audio_state']})"

    def _repr_html_(self) -> str:
        params = self.params
        shown = [(k, params[k]) for k in _CARD_FIELDS if params.get(k) not in (None, "")]
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
            f"<td>{html.escape(_short(v))}</td></tr>"
            for k, v in shown
        )
        duration = self.duration
        head = (
            f"<b>{html.escape(self.title or self.id)}</b> "
            f"<span>{'' if duration is None else f'{duration:.1f} s'}</span> "
            f"<code>{html.escape(self.id)}</code>"
        )
        try:
            audio = self.play().to_html()
        except (DownloadError, FileNotFoundError) as exc:
            audio = f"<div><i>{html.escape(str(exc))}</i></div>"
        return f'<div class="suno-nb-track">{head}{audio}<table>{rows}</table></div>'


@dataclass
class Comparison:
    """Tracks side by side: one player each and a grid of waveforms and spectrograms."""

    tracks: list[Track]
    figure: Figure

    @property
    def labels(self) -> list[str]:
        """Each track's title and the settings that differ between them (suno_nb.labels)."""
        from suno_nb.labels import track_labels

        return track_labels([t.title for t in self.tracks], [t.params for t in self.tracks],
                            [t.id for t in self.tracks])  # fmt: skip

    def widget(self) -> Any:
        """Players (labelled by what differs) above the figure, as one ipywidgets box."""
        import ipywidgets as w

        from suno_nb.players import player

        players = [player(t.path, title=label).widget
                   for t, label in zip(self.tracks, self.labels, strict=True)]  # fmt: skip
        png = io.BytesIO()
        self.figure.savefig(png, format="png", dpi=72)
        row = w.HBox(players, layout=w.Layout(flex_flow="row wrap", gap="8px"))
        return w.VBox([row, w.Image(value=png.getvalue(), format="png")])

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        # In a notebook (Voilà included) players that play; elsewhere the static HTML.
        from suno_nb.frontend import in_notebook

        if not in_notebook():
            return {"text/html": self._repr_html_(), "text/plain": repr(self)}
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle = dict(bundle[0] if isinstance(bundle, tuple) else bundle or {})
        bundle["text/plain"] = repr(self)
        return bundle

    def _repr_html_(self) -> str:
        players = "".join(
            f"<div style='flex:1'>{t.play(light=True).to_html()}</div>" for t in self.tracks
        )
        png = io.BytesIO()
        self.figure.savefig(png, format="png", dpi=72)
        image = base64.b64encode(png.getvalue()).decode()
        return (
            f"<div class='suno-nb-compare'><div style='display:flex;gap:1em'>{players}</div>"
            f"<img src='data:image/png;base64,{image}'/></div>"
        )

    def __repr__(self) -> str:
        return f"Comparison({[t.id for t in self.tracks]})"


def compare(tracks: Sequence[Track], *, kind: str = "mel") -> Comparison:
    """Lay several tracks out side by side: players, waveforms and spectrograms, shared axes.

    Example:
        >>> compare(catalogue.tracks(tag="keeper"))   # doctest: +SKIP
    """
    from suno_nb import plots

    tracks = list(tracks)
    if not tracks:
        raise ValueError("compare() needs at least one track")
    from suno_nb.labels import track_labels

    labels = track_labels([t.title for t in tracks], [t.params for t in tracks],
                          [t.id for t in tracks])  # fmt: skip
    items = []
    for track, label in zip(tracks, labels, strict=True):
        y, sr = track.load(mono=True)
        items.append((label, y, sr))
    return Comparison(tracks, plots.compare_grid(items, kind=kind))


def _short(value: Any, limit: int = 120) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _isnan(value: Any) -> bool:
    return isinstance(value, float) and value != value
