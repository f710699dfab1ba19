"""The endpoints besides ``/suno/audios``: paths, methods, fields, actions and result types.

Example:
    >>> from suno_nb.schema.endpoints import ENDPOINTS
    >>> ENDPOINTS["create_project"].path, dict(ENDPOINTS["create_project"].fixed)
    ('/suno/projects', {'action': 'create'})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from suno_nb.schema.fields import FIELDS, FieldSpec, _f

# ---------------------------------------------------------------------------------------------
# Sibling endpoints (section 3 of the contract)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EndpointSpec:
    """One endpoint besides ``/suno/audios``: path, method, fields and result type name."""

    name: str
    path: str
    method: Literal["POST", "GET", "DELETE"]
    summary: str
    fields: tuple[FieldSpec, ...]
    required: tuple[str, ...]
    result: str  # name of the result model in suno_nb.models
    pollable: bool = False  # takes async/callback_url and is polled through /suno/tasks
    fixed: Mapping[str, Any] = field(default_factory=dict)  # body values the endpoint implies
    windows: tuple[tuple[str, str], ...] = ()  # (start, end) field pairs: start < end
    rules: tuple[str, ...] = ()  # names in _ENDPOINT_RULES: checks across fields
    # A write the service de-duplicates by key: the client puts a fresh ``idempotency_key`` in
    # the body (see :func:`with_idempotency_key`), so the catalogue records it before sending
    # and a retry after an ambiguous failure returns the first answer instead of a second object.
    idempotent: bool = False

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


def _ep(
    name: str,
    path: str,
    summary: str,
    fields: list[FieldSpec],
    required: tuple[str, ...],
    result: str,
    method: Literal["POST", "GET", "DELETE"] = "POST",
    pollable: bool = False,
    **kw: Any,
) -> EndpointSpec:
    return EndpointSpec(
        name, path, method, summary, tuple(fields), required, result, pollable, **kw
    )


_AUDIO_ID = FIELDS["audio_id"]
_VOCAL_START = _f(
    "vocal_start", "float", "Start of the vocal part to use, seconds.", widget="number", ge=0.0
)
_VOCAL_END = _f(
    "vocal_end", "float", "End of the vocal part to use, seconds.", widget="number", ge=0.0
)
_AUDIO_URL = _f("audio_url", "url", "A public http(s) URL of an audio file.")

_IDEMPOTENCY_KEY = _f(
    "idempotency_key",
    "str",
    "Makes a retry safe: the same key and request return the first answer. The client fills "
    "it in (a fresh UUID) when you give none.",
    max_length=200,
    group="advanced",
)
_ID = _f("id", "str", "The object's id.")


def _custom_model(
    name: str,
    action: str,
    summary: str,
    fields: list[FieldSpec],
    *req: str,
    result: str = "CustomModelResult",
    write: bool = False,
    pollable: bool = False,
) -> EndpointSpec:
    extra = [_IDEMPOTENCY_KEY] if write else []
    return _ep(
        name,
        "/suno/custom-models",
        summary,
        [*fields, *extra],
        req,
        result,
        pollable=pollable,
        fixed={"action": action},
        idempotent=write,
    )


#: Custom models (Beta), one endpoint with actions (suno_custom_models_api_integration_guide.md)
CUSTOM_MODEL_STATES = ("queued", "uploading", "training", "ready", "failed", "archived")
_CUSTOM_MODEL_ENDPOINTS = [
    _custom_model(
        "create_custom_model",
        "create",
        "Train a reusable music model on 6–24 audio files you own (10 credits when it is ready).",
        [
            _f("name", "str", "Model name.", max_length=100, example="My Indie Model"),
            _f(
                "audio_urls",
                "url_list",
                "6 to 24 public http(s) URLs of stylistically consistent songs.",
                widget="urls",
                min_items=6,
                max_items=24,
            ),
        ],
        "name",
        "audio_urls",
        write=True,
        pollable=True,
    ),
    _custom_model("custom_model", "retrieve", "One custom model and its status.", [_ID], "id"),
    _custom_model(
        "custom_models",
        "retrieve_batch",
        "The application's custom models, one page.",
        [
            _f("limit", "int", "Page size.", widget="number", ge=1, le=100),
            _f("offset", "int", "Page start.", widget="number", ge=0),
            _f(
                "status",
                "enum",
                "Only models in this state.",
                widget="dropdown",
                choices=CUSTOM_MODEL_STATES,
            ),
        ],
        result="CustomModelList",
    ),
    _custom_model(
        "generate_with_custom_model",
        "generate",
        "A song from a ready custom model (0.90 credits).",
        [
            _ID,
            FIELDS["title"],
            FIELDS["lyric"],
            FIELDS["style"],
            FIELDS["prompt"],
            FIELDS["instrumental"],
        ],
        "id",
        result="CustomModelSongs",
        write=True,
        pollable=True,
    ),
    _custom_model(
        "delete_custom_model",
        "delete",
        "Archive a custom model (free; repeating it is harmless).",
        [_ID],
        "id",
        write=True,
    ),
]

_VERSION_ID = _f(
    "version_id",
    "str",
    "The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry).",
)
_SECONDS_START = _f(
    "start_seconds",
    "float",
    "Start, seconds of the source audio.",
    widget="number",
    ge=0.0,
    group="timing",
)
_SECONDS_END = _f(
    "end_seconds",
    "float",
    "End, seconds of the source audio.",
    widget="number",
    ge=0.0,
    group="timing",
)
_BEATS_START = _f(
    "start_beats",
    "float",
    "Start on the project timeline, in beats.",
    widget="number",
    ge=0.0,
    group="timing",
)
_BEATS_END = _f(
    "end_beats",
    "float",
    "End on the project timeline, in beats.",
    widget="number",
    ge=0.0,
    group="timing",
)
_SOURCE_AUDIO_ID = _f("source_audio_id", "str", "The clip the operation starts from.")
_TRACK_ID = _f("track_id", "str", "A track of the project.")
_PROJECT_MODEL = FIELDS["model"]


def _project(
    name: str,
    action: str,
    summary: str,
    fields: list[FieldSpec],
    *req: str,
    write: bool = True,
    pollable: bool = False,
    **kw: Any,
) -> EndpointSpec:
    extra = [_IDEMPOTENCY_KEY] if write else []
    return _ep(
        name,
        "/suno/projects",
        summary,
        [*fields, *extra],
        req,
        "ProjectResult",
        pollable=pollable,
        fixed={"action": action},
        idempotent=write,
        **kw,
    )


#: Suno Studio projects: versioned multi-track state (the Studio Project integration guide)
_PROJECT_ENDPOINTS = [
    _project(
        "create_project",
        "create",
        "Create an empty Studio project.",
        [_f("title", "str", "Project title.", max_length=200, example="My Studio Project")],
    ),
    _project(
        "project", "retrieve", "A project with its full editable state.", [_ID], "id", write=False
    ),
    _project(
        "save_project",
        "save",
        "Save a project's whole state (optimistic concurrency on version_id).",
        [
            _ID,
            _VERSION_ID,
            _f("title", "str", "Project title.", max_length=200),
            _f(
                "state",
                "json",
                "The whole state: {'tracks': [...], 'timing': {'bps': 2}}.",
                widget="textarea",
            ),
        ],
        "id",
        "state",
    ),
    _project(
        "upload_to_project",
        "upload",
        "Bring audio from an https URL into a project.",
        [_ID, _VERSION_ID, _AUDIO_URL],
        "id",
        "audio_url",
        pollable=True,
    ),
    _project(
        "add_track",
        "add_track",
        "Add an existing clip to a project as a new track.",
        [_ID, _VERSION_ID, FIELDS["audio_id"], _f("name", "str", "Track name.", max_length=100)],
        "id",
        "audio_id",
        pollable=True,
    ),
    _project(
        "generate_track",
        "generate_track",
        "Generate new track candidates for a range of the project.",
        [
            _ID,
            _VERSION_ID,
            _SOURCE_AUDIO_ID,
            _f("render_audio_id", "str", "A finished render of the project."),
            _f("stem_control_tags", "str", "What the new track is, e.g. 'bass, warm'."),
            _SECONDS_START,
            _SECONDS_END,
            _f("batch_size", "int", "How many candidates.", widget="number", ge=1, le=4, default=2),
            _f(
                "fixed", "bool", "Keep the range fixed (then shorter than 26 s).", widget="checkbox"
            ),
            _PROJECT_MODEL,
        ],
        "id",
        "source_audio_id",
        "render_audio_id",
        "stem_control_tags",
        pollable=True,
        windows=(("start_seconds", "end_seconds"),),
        rules=("fixed_range_under_26s",),
    ),
    _project(
        "replace_project_section",
        "replace_section",
        "Two candidates that replace a range of a project's clip.",
        [
            _ID,
            _VERSION_ID,
            _SOURCE_AUDIO_ID,
            _SECONDS_START,
            _SECONDS_END,
            _PROJECT_MODEL,
            _f("replacement_lyrics", "text", "The new lyrics of the range.", widget="textarea"),
        ],
        "id",
        "source_audio_id",
        "start_seconds",
        "end_seconds",
        pollable=True,
        windows=(("start_seconds", "end_seconds"),),
    ),
    _project(
        "commit_candidate",
        "commit_candidate",
        "Commit a chosen candidate into the project (needs the version it was made on).",
        [
            _ID,
            _VERSION_ID,
            _f("operation_id", "str", "The generate_track or replace_section operation."),
            _f("candidate_id", "str", "The chosen candidate."),
            _TRACK_ID,
            _BEATS_START,
            _BEATS_END,
        ],
        "id",
        "operation_id",
        "candidate_id",
        pollable=True,
        windows=(("start_beats", "end_beats"),),
    ),
    _project(
        "remove_track",
        "remove_track",
        "Delete a track from a project.",
        [_ID, _VERSION_ID, _TRACK_ID],
        "id",
        "track_id",
    ),
    _project(
        "render_project",
        "render",
        "Export a saved version of the project as one song.",
        [
            _ID,
            _VERSION_ID,
            _f("title", "str", "Song title.", max_length=200),
            _f("lyrics", "text", "Lyrics of the export, e.g. '[Instrumental]'.", widget="textarea"),
            _BEATS_START,
            _BEATS_END,
        ],
        "id",
        pollable=True,
        windows=(("start_beats", "end_beats"),),
    ),
]

ENDPOINTS: dict[str, EndpointSpec] = {
    e.name: e
    for e in [
        _ep(
            "lyrics",
            "/suno/lyrics",
            "Write lyrics from a short brief.",
            [
                FIELDS["prompt"],
                _f(
                    "model",
                    "enum",
                    "Lyrics model.",
                    widget="dropdown",
                    choices=("default", "remi-v1"),
                    default="default",
                ),
            ],
            ("prompt",),
            "LyricsResult",
        ),
        _ep(
            "mashup_lyrics",
            "/suno/mashup-lyrics",
            "Merge two lyrics into one for a mashup.",
            [
                _f("lyrics_a", "text", "First song's lyrics.", widget="textarea"),
                _f("lyrics_b", "text", "Second song's lyrics.", widget="textarea"),
            ],
            ("lyrics_a", "lyrics_b"),
            "LyricsResult",
        ),
        _ep(
            "style",
            "/suno/style",
            "Turn a short style into a richer style string.",
            [FIELDS["prompt"]],
            ("prompt",),
            "StyleResult",
        ),
        _ep(
            "create_persona",
            "/suno/persona",
            "Save a clip's singer as a persona.",
            [
                _AUDIO_ID,
                _f("name", "str", "Persona name.", max_length=100),
                _f("description", "text", "What the voice is like.", widget="textarea"),
                _f("vox_audio_id", "str", "A vox id from vox() for a vox persona."),
                _VOCAL_START,
                _VOCAL_END,
            ],
            ("audio_id", "name"),
            "PersonaResult",
            windows=(("vocal_start", "vocal_end"),),
        ),
        _ep(
            "personas",
            "/suno/persona",
            "List saved personas.",
            [
                _f("user_id", "str", "Whose personas (the service needs it to list)."),
                _f("limit", "int", "Page size.", widget="number", ge=1, le=100, default=50),
                _f("offset", "int", "Page start.", widget="number", ge=0, default=0),
            ],
            ("user_id",),
            "PersonaList",
            method="GET",
        ),
        _ep(
            "delete_persona",
            "/suno/persona",
            "Delete a persona.",
            [
                _f("persona_id", "str", "The persona to delete."),
                _f("user_id", "str", "The owner (the service scopes deletes to them)."),
            ],
            ("persona_id",),
            "DeleteResult",
            method="DELETE",
        ),
        _ep(
            "voices",
            "/suno/voices",
            "Make a persona from 10–240 s of one clean voice.",
            [
                _AUDIO_URL,
                _f("name", "str", "Voice name.", max_length=100),
                _f("description", "text", "What the voice is like.", widget="textarea"),
            ],
            ("audio_url",),
            "VoiceResult",
        ),
        _ep(
            "vox",
            "/suno/vox",
            "Isolate the vocal of a clip for a vox persona.",
            [_AUDIO_ID, _VOCAL_START, _VOCAL_END],
            ("audio_id", "vocal_start", "vocal_end"),
            "VoxResult",
            pollable=True,
            windows=(("vocal_start", "vocal_end"),),
        ),
        _ep(
            "upload",
            "/suno/upload",
            "Upload audio from a public URL; returns an audio_id. mode='enhanced' (with a "
            "name, an https URL) handles audio the standard mode cannot, asynchronously.",
            [
                _AUDIO_URL,
                _f(
                    "mode",
                    "enum",
                    "standard (0.06 credits) or enhanced (1.87 credits, always asynchronous).",
                    widget="dropdown",
                    choices=("standard", "enhanced"),
                    default="standard",
                ),
                _f("name", "str", "Name of the upload (needed in enhanced mode).", max_length=100),
            ],
            ("audio_url",),
            "UploadResult",
            pollable=True,
            rules=("enhanced_upload",),
        ),
        _ep(
            "mp4",
            "/suno/mp4",
            "Render a music video of a clip.",
            [_AUDIO_ID],
            ("audio_id",),
            "VideoResult",
        ),
        _ep(
            "wav",
            "/suno/wav",
            "Get a lossless WAV of a clip.",
            [_AUDIO_ID],
            ("audio_id",),
            "WavResult",
            pollable=True,
        ),
        _ep(
            "midi",
            "/suno/midi",
            "Get the notes of a clip as MIDI-like data.",
            [_AUDIO_ID],
            ("audio_id",),
            "MidiResult",
            pollable=True,
        ),
        _ep(
            "timing",
            "/suno/timing",
            "Get word timings of a clip's lyrics.",
            [_AUDIO_ID],
            ("audio_id",),
            "TimingResult",
        ),
        _ep(
            "mp3",
            "/suno/mp3",
            "Get a fresh playable .mp3 URL of a clip (a new task; the clip is unchanged).",
            [_AUDIO_ID],
            ("audio_id",),
            "Mp3Result",
            pollable=True,
        ),
        *_CUSTOM_MODEL_ENDPOINTS,
        *_PROJECT_ENDPOINTS,
        _ep(
            "list_tasks",
            "/suno/tasks",
            "List the account's recent tasks, newest first, each with the request it was sent "
            "with (``retrieve_batch`` without ids, as the provider's SDK and web app send it).",
            [
                _f(
                    "created_at_min",
                    "float",
                    "Only tasks created at or after this Unix time (seconds).",
                    widget="number",
                    ge=0.0,
                ),
                _f(
                    "created_at_max",
                    "float",
                    "Only tasks created at or before this Unix time (seconds).",
                    widget="number",
                    ge=0.0,
                ),
                _f("offset", "int", "Skip this many tasks.", widget="number", ge=0, default=0),
                _f("limit", "int", "Page size.", widget="number", ge=1),
                _f(
                    "type",
                    "str",
                    "Which endpoint's tasks: 'audios', 'lyrics', 'mp4' … (the path's last part).",
                    example="audios",
                ),
                _f("user_id", "str", "Only this user's tasks."),
                _f("application_id", "str", "Only this application's tasks."),
            ],
            (),
            "TaskList",
            fixed={"action": "retrieve_batch"},
        ),
    ]
}
