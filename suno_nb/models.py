"""Typed result models: they follow sections 1.3, 2 and 3 of the API contract and keep every
unknown field. Requests are checked by :func:`suno_nb.schema.check_request` alone.

Example:
    >>> from suno_nb.models import Clip
    >>> Clip.model_validate({"id": "c1", "state": "succeeded", "duration": 12.5, "bpm": 90}).bpm
    90
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from suno_nb.errors import parse_error_body

__all__ = [
    "AudioResponse",
    "Clip",
    "Cost",
    "CustomModelList",
    "CustomModelResult",
    "CustomModelSongs",
    "DeleteResult",
    "LyricsResult",
    "MidiResult",
    "Mp3Result",
    "PersonaList",
    "PersonaResult",
    "ProjectResult",
    "StyleResult",
    "TaskList",
    "TaskRecord",
    "TaskState",
    "TimingResult",
    "UploadResult",
    "VideoResult",
    "VoiceResult",
    "VoxResult",
    "WavResult",
]

TaskState = Literal["pending", "running", "succeeded", "failed", "not_found"]


class _Open(BaseModel):
    """A model that keeps fields it does not know (the service adds them often)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Clip(_Open):
    """One clip of an ``/suno/audios`` answer (section 1.3)."""

    id: str
    title: str = ""
    image_url: str | None = None
    image_large_url: str | None = None
    lyric: str | None = None
    audio_url: str | None = None
    video_url: str | None = None
    created_at: str | None = None
    model: str | None = None  # the upstream name, often not the requested one: never validated
    state: str | None = None
    prompt: str | None = None
    style: str | None = None
    duration: float | None = None
    concat_history: list[Any] | None = None
    stem_set: Any = None

    @property
    def done(self) -> bool:
        """True once the final file exists (state ``succeeded``)."""
        return self.state == "succeeded" or (self.state is None and self.duration is not None)

    @property
    def has_preview(self) -> bool:
        """True while running with a streaming preview URL."""
        return bool(self.audio_url) and not self.done and self.state != "error"


class Cost(_Open):
    amount: float | None = None
    currency: str | None = None
    list_amount: float | None = None


class AudioResponse(_Open):
    """The body of ``/suno/audios`` (blocking, streamed snapshot, callback) and of a task."""

    success: bool | None = None
    task_id: str | None = None
    trace_id: str | None = None
    data: list[Clip] = Field(default_factory=list)
    error: Any = None
    cost: Cost | None = None

    @property
    def clips(self) -> list[Clip]:
        """The clips (the same list as ``data``), named as on a task."""
        return self.data

    @property
    def failed(self) -> bool:
        return (
            self.success is False or bool(self.error) or any(c.state == "error" for c in self.data)
        )

    @property
    def done(self) -> bool:
        """Finished: ``success`` is true (and, to be safe, no clip is still in progress)."""
        return (
            self.success is True
            and not self.error
            and all(c.state in (None, "succeeded") for c in self.data)
        )

    def error_parts(self) -> tuple[str | None, str]:
        """``(code, message)`` of a failed response, whatever shape the error has."""
        if self.error:
            return parse_error_body({"error": self.error})
        broken = [c for c in self.data if c.state == "error"]
        if broken:
            extra = broken[0].model_extra or {}
            return extra.get("error_code"), str(extra.get("error_message") or "clip failed")
        return None, "task failed"


_ENDPOINT_DATA = "endpoint_data"


def _clip_shaped(data: Any) -> bool:
    """``None``, or a list of objects with an ``id`` (clips), as ``AudioResponse.data`` holds."""
    if data is None:
        return True
    return isinstance(data, list) and all(isinstance(c, Mapping) and "id" in c for c in data)


class TaskRecord(_Open):
    """A ``/suno/tasks`` record (section 2). There is no state field: it is derived."""

    id: str | None = None
    api_id: str | None = None
    trace_id: str | None = None
    created_at: float | None = None
    started_at: float | None = None
    finished_at: float | None = None
    elapsed: float | None = None
    request: dict[str, Any] | None = None
    response: AudioResponse | None = None

    @model_validator(mode="before")
    @classmethod
    def _wrap_bare_response(cls, data: Any) -> Any:
        # Some deployments put a bare string error or a list of clips in `response`.
        if isinstance(data, Mapping):
            resp = data.get("response")
            if isinstance(resp, str):
                data = {**data, "response": {"success": False, "error": resp}}
            elif isinstance(resp, list):
                data = {**data, "response": {"data": resp}}
            resp = data.get("response")
            if isinstance(resp, Mapping) and not _clip_shaped(resp.get("data")):
                # A sibling endpoint's task (upload, lyrics, wav …): its data is no clips.
                raw = resp.get("data")
                data = {**data, "response": {**resp, "data": [], _ENDPOINT_DATA: raw}}
        return data

    @property
    def endpoint_data(self) -> Any:
        """The ``data`` of a sibling endpoint's answer (``/suno/upload``: ``{"audio_id": …}``);
        for an ``/suno/audios`` task, its clips as plain dicts."""
        if self.response is None:
            return None
        extra = self.response.model_extra or {}
        if _ENDPOINT_DATA in extra:
            return extra[_ENDPOINT_DATA]
        return [c.model_dump(exclude_none=True) for c in self.response.data]

    @property
    def state(self) -> TaskState:
        """``not_found`` for ``{}``, then ``failed``, ``succeeded``, ``running``, ``pending``."""
        if self.id is None and self.response is None and not self.model_extra:
            return "not_found"
        r = self.response
        if r is None:
            return "pending"
        if r.failed:
            return "failed"
        if r.done:
            return "succeeded"
        if any(c.state == "running" or c.audio_url for c in r.data):
            return "running"
        return "pending"

    @property
    def clips(self) -> list[Clip]:
        return self.response.data if self.response else []


# ------------------------------------------------------------------ sibling endpoint results


class _Result(_Open):
    """Base of endpoint results: every one carries the ids support asks for."""

    task_id: str | None = None
    trace_id: str | None = None


class _ListResult(_Result):
    """A result whose ``data`` is a list, or (older deployments) a single object."""

    _items_field: ClassVar[str] = "items"

    @classmethod
    def from_data(cls, data: Any, **ids: Any) -> Any:
        items = data if isinstance(data, list) else [data] if data else []
        return cls(**{cls._items_field: items}, **ids)


class Lyrics(_Open):
    text: str = ""
    title: str = ""
    status: str | None = None
    tags: Any = None


class LyricsResult(_ListResult):
    """``/suno/lyrics`` and ``/suno/mashup-lyrics``: one or several lyric sheets."""

    items: list[Lyrics] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return self.items[0].text if self.items else ""

    @property
    def title(self) -> str:
        return self.items[0].title if self.items else ""


class StyleResult(_Result):
    upsampled_tags: str = ""


class PersonaResult(_Result):
    persona_id: str


class PersonaItem(_Open):
    persona_id: str
    name: str | None = None
    description: str | None = None
    created_at: Any = None
    source_type: str | None = None


class PersonaList(_Result):
    count: int = 0
    items: list[PersonaItem] = Field(default_factory=list)


class DeleteResult(_Result):
    success: bool = True


class VoiceResult(_Result):
    persona_id: str
    name: str | None = None
    is_public: bool | None = None


class VoxResult(_Result):
    id: str
    source_clip_id: str | None = None
    status: str | None = None
    vocal_audio_url: str | None = None
    vocal_start_s: float | None = None
    vocal_end_s: float | None = None


class UploadResult(_Result):
    audio_id: str
    title: str | None = None
    duration: float | None = None
    audio_url: str | None = None


class VideoResult(_Result):
    video_url: str


class WavFile(_Open):
    file_url: str


class WavResult(_ListResult):
    _items_field: ClassVar[str] = "files"
    files: list[WavFile] = Field(default_factory=list)


class Mp3Result(WavResult):
    """``/suno/mp3``: ``files[0].file_url`` is a fresh playable ``.mp3`` address."""

    @property
    def file_url(self) -> str:
        return self.files[0].file_url if self.files else ""


class CustomModelResult(_Result):
    """A custom model (``/suno/custom-models``): ``status`` is one of
    queued, uploading, training, ready, failed, archived."""

    id: str | None = None
    name: str | None = None
    status: str | None = None
    capacity_released: bool | None = None


class CustomModelList(_Result):
    count: int = 0
    items: list[CustomModelResult] = Field(default_factory=list)


class CustomModelSongs(_ListResult):
    """Songs made with a custom model (``action=generate``); the same ``.clips`` as a task."""

    _items_field: ClassVar[str] = "clips"
    clips: list[Clip] = Field(default_factory=list)


class ProjectResult(_Result):
    """A Studio project or one operation on it (``/suno/projects``).

    ``version_id`` is the version to send with the next write; ``state`` (on retrieve) is the
    whole editable state, ``{"tracks": [...], "timing": {"bps": 2}}``.
    """

    id: str | None = None
    version_id: str | None = None
    title: str | None = None
    state: dict[str, Any] | None = None


class Note(_Open):
    pitch: float
    start: float
    end: float
    velocity: float | None = None


class Instrument(_Open):
    name: str = ""
    notes: list[Note] = Field(default_factory=list)


class MidiTrackSet(_Open):
    state: str | None = None
    instruments: list[Instrument] = Field(default_factory=list)


class MidiResult(_ListResult):
    items: list[MidiTrackSet] = Field(default_factory=list)

    @property
    def instruments(self) -> list[Instrument]:
        return [i for item in self.items for i in item.instruments]


class AlignedWord(_Open):
    word: str
    start_s: float
    end_s: float
    success: bool | None = None
    p_align: float | None = None


class TimingResult(_Result):
    aligned_words: list[AlignedWord] = Field(default_factory=list)
    waveform_data: list[float] = Field(default_factory=list)


class TaskList(_Result):
    """``/suno/tasks`` listing (``retrieve_batch`` without ids): newest first, one page."""

    count: int = 0
    items: list[TaskRecord] = Field(default_factory=list)


RESULT_TYPES: dict[str, type[_Result]] = {
    cls.__name__: cls
    for cls in (
        LyricsResult,
        StyleResult,
        PersonaResult,
        PersonaList,
        DeleteResult,
        VoiceResult,
        VoxResult,
        UploadResult,
        VideoResult,
        WavResult,
        MidiResult,
        TimingResult,
        TaskList,
        Mp3Result,
        CustomModelResult,
        CustomModelList,
        CustomModelSongs,
        ProjectResult,
    )
}


def parse_result(type_name: str, data: Any, *, task_id: str | None, trace_id: str | None) -> Any:
    """Turn an endpoint's ``data`` into its result model (list- and object-shaped both)."""
    cls = RESULT_TYPES[type_name]
    ids = {"task_id": task_id, "trace_id": trace_id}
    from_data = getattr(cls, "from_data", None)
    if from_data is not None:
        return from_data(data, **ids)
    if isinstance(data, list):  # an object answer sent as a one-item list
        data = data[0] if data else {}
    return cls.model_validate({**(data or {}), **ids})
