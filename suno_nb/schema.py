"""The one declarative table of the Suno API: fields, models, actions, endpoints, rules, prices.

Everything else is derived from it: the client's methods, the CLI, the widgets, the emulator's
request checks, the sweep plan's credit estimate and ``docs/reference/actions.md``. The table
follows the provider's own guides; ``docs/reference/contract.md`` says where the sources
disagree and which one is followed. :func:`check_request` and :func:`check_endpoint` are the
one validator: each problem carries a :class:`~suno_nb.errors.ProblemKind` as data.

Example:
    >>> from suno_nb.schema import ACTIONS, FIELDS, check_request
    >>> ACTIONS["extend"].required
    ('audio_id', 'continue_at')
    >>> FIELDS["weirdness"].allowed_text()
    'a number from 0 to 1'
    >>> [p.field for p in check_request({"action": "generate", "weirdness": 2.0})]
    ['weirdness', 'prompt']
"""

from __future__ import annotations

import math
import re
import uuid
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from suno_nb.errors import FieldProblem, ProblemKind

__all__ = [
    "ACTIONS",
    "ADJUSTMENTS",
    "DEFAULT_MODEL",
    "ENDPOINTS",
    "FIELDS",
    "LIST_PRICES",
    "MODELS",
    "MODE_RULES",
    "ActionSpec",
    "EndpointSpec",
    "FieldSpec",
    "ModeRule",
    "ModelSpec",
    "NoEffectWarning",
    "Price",
    "UnknownNameWarning",
    "check_request",
    "example_request",
    "example_value",
    "first_model_at",
    "list_price",
    "model_spec",
    "with_idempotency_key",
]

Kind = Literal["str", "text", "bool", "float", "int", "enum", "url", "url_list", "id_list", "json"]
Widget = Literal["text", "textarea", "checkbox", "slider", "dropdown", "tags", "number", "urls"]


class UnknownNameWarning(UserWarning):
    """A model or action name the schema does not know; it is sent as given."""


class NoEffectWarning(UserWarning):
    """A field the service accepts on this action but ignores there; it is sent as given."""


#: Optional adjustments the service checks for type and range but never refuses because of the
#: action ("will not reject these optional adjustment parameters solely because of different
#: actions", the audios guide): every action takes them; where they do nothing, a warning says so.
ADJUSTMENTS: tuple[str, ...] = (
    "weirdness",
    "style_influence",
    "audio_weight",
    "vocal_gender",
    "duration",
)


# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelSpec:
    """One model version and the limits that depend on it."""

    name: str
    generation: float  # sortable: gates compare against it
    label: str
    lyric_max: int
    style_max: int
    title_max: int
    max_duration: int  # seconds
    prompt_max: int = 500


def _models(rows: Iterable[tuple]) -> dict[str, ModelSpec]:
    return {row[0]: ModelSpec(*row) for row in rows}


#: name, generation, label, lyric/style/title limits (chars), longest song (s)
MODELS: dict[str, ModelSpec] = _models(
    [
        ("chirp-v3-0", 3.0, "v3", 3000, 200, 80, 120),
        ("chirp-v3-5", 3.5, "v3.5", 3000, 200, 80, 120),
        ("chirp-v4", 4.0, "v4", 3000, 200, 80, 150),
        ("chirp-v4-5", 4.5, "v4.5", 5000, 1000, 100, 240),
        ("chirp-v4-5-plus", 4.6, "v4.5+", 5000, 1000, 100, 480),
        ("chirp-v5", 5.0, "v5", 5000, 1000, 100, 480),
        ("chirp-v5-5", 5.5, "v5.5", 5000, 1000, 100, 480),
        ("chirp-v6", 6.0, "v6", 5000, 1000, 100, 480),
        ("chirp-v6-wild", 6.0, "v6 wild", 5000, 1000, 100, 480),
        ("chirp-v6-mini", 6.0, "v6 mini", 5000, 1000, 100, 480),
    ]
)

#: what the service uses when a request names no model
DEFAULT_MODEL = "chirp-v4"

# A model we do not know is newer than our table: give it the most generous limits so we never
# refuse a request the service would accept.
_NEWEST = max(MODELS.values(), key=lambda m: (m.generation, m.lyric_max))


def model_spec(name: str | None) -> tuple[ModelSpec, bool]:
    """Return ``(spec, known)`` for a model name; unknown names get the newest limits."""
    if name is None:
        return MODELS[DEFAULT_MODEL], True
    spec = MODELS.get(name)
    return (spec, True) if spec else (_NEWEST, False)


def first_model_at(generation: float) -> str:
    """The oldest known model at or above a generation (the name gates are told in)."""
    first = min(
        (m for m in MODELS.values() if m.generation >= generation), key=lambda m: m.generation
    )
    return first.name


# ---------------------------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One request field: its type, limits, documentation and how a form shows it."""

    name: str
    kind: Kind
    doc: str
    widget: Widget = "text"
    ge: float | None = None
    le: float | None = None
    gt: float | None = None
    max_length: int | str | None = None  # an int, or the ModelSpec attribute that holds it
    min_items: int | None = None
    max_items: int | None = None
    choices: tuple[str, ...] = ()
    default: Any = None  # the service's default: documented, never sent on the user's behalf
    min_model: float | None = None  # model gate (a ModelSpec.generation)
    aliases: tuple[str, ...] = ()
    example: Any = None
    group: str = "main"
    step: float | None = None

    @property
    def python_type(self) -> str:
        """The type as written in generated signatures."""
        return {
            "str": "str",
            "text": "str",
            "url": "str",
            "bool": "bool",
            "float": "float",
            "int": "int",
            "enum": "str",
            "url_list": "list[str]",
            "id_list": "list[str]",
            "json": "dict[str, Any]",
        }[self.kind]

    def allowed_text(self, model: ModelSpec | None = None) -> str:
        """What this field accepts, in words (used by every error message and the docs)."""
        k = self.kind
        if k == "enum":
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if k == "bool":
            return "True or False"
        if k in ("float", "int"):
            noun = "an integer" if k == "int" else "a number"
            if self.ge is not None and self.le is not None:
                return f"{noun} from {self.ge:g} to {self.le:g}"
            if self.gt is not None:
                return f"{noun} greater than {self.gt:g}"
            if self.ge is not None:
                return f"{noun} of at least {self.ge:g}"
            return noun
        if k in ("url_list", "id_list"):
            item = "http(s) URL" if k == "url_list" else "clip id"
            lo, hi = self.min_items, self.max_items
            if lo is not None and lo == hi:
                return f"a list of exactly {lo} {item}s"
            return f"a list of {lo or 0} to {hi} {item}s"
        if k == "url":
            return "an http(s) URL"
        if k == "json":
            return "a JSON object (a dict)"
        limit = self.length_limit(model)
        if limit:
            where = f" on {model.name}" if model and isinstance(self.max_length, str) else ""
            return f"text of at most {limit} characters{where}"
        return "text"

    def length_limit(self, model: ModelSpec | None) -> int | None:
        """The maximum length for ``model`` (model-dependent limits read the model table)."""
        if isinstance(self.max_length, str):
            return getattr(model or MODELS[DEFAULT_MODEL], self.max_length)
        return self.max_length

    def length_note(self) -> str:
        """Length limit in words for the docs, including model-dependent ones."""
        if isinstance(self.max_length, str):
            by: dict[int, list[str]] = {}
            for m in MODELS.values():
                by.setdefault(getattr(m, self.max_length), []).append(m.label)
            return "; ".join(f"≤ {n} on {', '.join(labels)}" for n, labels in by.items())
        if self.max_length:
            return f"≤ {self.max_length}"
        return ""


def _f(name: str, kind: Kind, doc: str, **kw: Any) -> FieldSpec:
    return FieldSpec(name=name, kind=kind, doc=doc, **kw)


_STEM_TYPES = (
    "vocals",
    "backing_vocals",
    "drums",
    "bass",
    "guitar",
    "keyboard",
    "percussion",
    "strings",
    "synth",
    "fx",
    "brass",
    "woodwinds",
)

_FIELD_LIST: list[FieldSpec] = [
    _f(
        "model",
        "enum",
        "Model version; the service uses chirp-v4 when none is given.",
        widget="dropdown",
        choices=tuple(MODELS),
        default=DEFAULT_MODEL,
        group="model",
        example="chirp-v4-5",
    ),
    _f(
        "prompt",
        "text",
        "Song description in prompt mode; replacement lines for replace_section; "
        "an optional brief for cover, inspo and artist_consistency.",
        widget="textarea",
        max_length=500,
        example="a calm lofi song about a night bus",
    ),
    _f(
        "custom",
        "bool",
        "True: you give lyrics, style and title. False: a prompt describes the song.",
        widget="checkbox",
        default=False,
    ),
    _f(
        "lyric",
        "text",
        "Lyrics for custom mode, one line per line, with section tags such as "
        "[Verse] and [Chorus].",
        widget="textarea",
        max_length="lyric_max",
        example="[Verse]\nCity lights are fading\n[Chorus]\nRide the night bus home",
    ),
    _f(
        "lyric_prompt",
        "text",
        "Let the service write the lyrics from this brief (custom mode with an empty lyric).",
        widget="textarea",
        max_length=500,
    ),
    _f(
        "instrumental", "bool", "No vocals; any lyric is ignored.", widget="checkbox", default=False
    ),
    _f("title", "str", "Song title.", max_length="title_max", example="Night Bus"),
    _f(
        "style",
        "text",
        "Style tags: genres, moods, instruments, tempo.",
        widget="textarea",
        max_length="style_max",
        example="lofi, mellow piano, rain, 72 bpm",
    ),
    _f(
        "negative_tags",
        "str",
        "Styles or elements to avoid (e.g. 'drums, guitar').",
        aliases=("style_negative",),
        example="heavy drums",
    ),
    _f(
        "vocal_gender",
        "enum",
        "Voice preference: 'm' or 'f'.",
        widget="dropdown",
        choices=("m", "f"),
        min_model=4.5,
        group="advanced",
    ),
    _f(
        "variation_category",
        "enum",
        "How far the results may vary.",
        widget="dropdown",
        choices=("high", "normal", "subtle"),
        min_model=5.0,
        group="advanced",
    ),
    _f(
        "weirdness",
        "float",
        "0 = conventional, 1 = experimental.",
        widget="slider",
        ge=0.0,
        le=1.0,
        step=0.05,
        group="advanced",
        example=0.5,
    ),
    _f(
        "style_influence",
        "float",
        "0 = loose, 1 = follow the style tags closely.",
        widget="slider",
        ge=0.0,
        le=1.0,
        step=0.05,
        group="advanced",
        example=0.5,
    ),
    _f(
        "audio_weight",
        "float",
        "How much the reference audio shapes the result.",
        widget="slider",
        ge=0.0,
        le=1.0,
        step=0.05,
        group="advanced",
    ),
    _f(
        "duration",
        "int",
        "Target length in seconds (a hint; the clip's real length is in its duration).",
        widget="number",
        ge=10,
        le=360,
        group="advanced",
    ),
    _f(
        "audio_id",
        "str",
        "The source clip: a clip id, or an audio_id from upload.",
        example="3f9b0c1e",
    ),
    _f(
        "audio_urls",
        "url_list",
        "Reference audio for inspo: 1 to 4 public http(s) URLs.",
        widget="urls",
        min_items=1,
        max_items=4,
    ),
    _f("persona_id", "str", "A singer persona from persona() or voices()."),
    _f(
        "mashup_audio_ids",
        "id_list",
        "The two clip ids to mash up.",
        widget="tags",
        min_items=2,
        max_items=2,
    ),
    _f(
        "continue_at",
        "float",
        "Where extend continues, in seconds from the start.",
        widget="number",
        gt=0.0,
        group="timing",
        example=30.0,
    ),
    _f(
        "replace_section_start",
        "float",
        "Start of the replaced window, seconds.",
        widget="number",
        ge=0.0,
        group="timing",
    ),
    _f(
        "replace_section_end",
        "float",
        "End of the replaced window, seconds.",
        widget="number",
        ge=0.0,
        group="timing",
    ),
    _f(
        "replace_section_result_mode",
        "enum",
        "Two stitched songs or two raw segments.",
        widget="dropdown",
        choices=("full_song", "candidates"),
        default="full_song",
    ),
    _f(
        "overpainting_start",
        "float",
        "Where AI vocals start, seconds.",
        widget="number",
        ge=0.0,
        default=0,
        group="timing",
    ),
    _f(
        "overpainting_end",
        "float",
        "Where AI vocals end, seconds.",
        widget="number",
        ge=0.0,
        group="timing",
    ),
    _f(
        "underpainting_start",
        "float",
        "Where AI accompaniment starts, seconds.",
        widget="number",
        ge=0.0,
        default=0,
        group="timing",
    ),
    _f(
        "underpainting_end",
        "float",
        "Where AI accompaniment ends, seconds.",
        widget="number",
        ge=0.0,
        group="timing",
    ),
    _f(
        "samples_start",
        "float",
        "Where AI samples start, seconds.",
        widget="number",
        ge=0.0,
        default=0,
        group="timing",
    ),
    _f(
        "samples_end",
        "float",
        "Where AI samples end, seconds.",
        widget="number",
        ge=0.0,
        group="timing",
    ),
    _f(
        "max_mode",
        "bool",
        "Highest-quality mode on newer deployments.",
        widget="checkbox",
        group="advanced",
    ),
    _f(
        "variety",
        "enum",
        "How varied the results are (newer deployments).",
        widget="dropdown",
        choices=("off", "normal", "high", "extra", "max"),
        group="advanced",
    ),
    _f(
        "stem_type",
        "enum",
        "Which stem to add or extract.",
        widget="dropdown",
        choices=_STEM_TYPES,
        example="drums",
    ),
    _f(
        "audio_format",
        "enum",
        "Format of extracted stems.",
        widget="dropdown",
        choices=("mp3",),
        default="mp3",
    ),
    _f(
        "sound",
        "text",
        "Describe the sound to make.",
        widget="textarea",
        max_length=500,
        example="dusty vinyl kick",
    ),
    _f(
        "sound_type",
        "enum",
        "A single hit or a loop.",
        widget="dropdown",
        choices=("one-shot", "loop"),
        example="loop",
    ),
    _f("bpm", "int", "Tempo in beats per minute.", widget="number", ge=1, le=300),
    _f("key", "str", "Musical key, e.g. 'C minor'.", max_length=20),
    _f(
        "speed_multiplier",
        "float",
        "Playback speed factor.",
        widget="number",
        ge=0.25,
        le=4.0,
        step=0.05,
        example=1.25,
    ),
    _f("keep_pitch", "bool", "Keep the pitch while changing speed.", widget="checkbox"),
]

FIELDS: dict[str, FieldSpec] = {f.name: f for f in _FIELD_LIST}
_ALIASES: dict[str, str] = {a: f.name for f in _FIELD_LIST for a in f.aliases}

# ---------------------------------------------------------------------------------------------
# Cross-field rules: named checks, referenced from the action table by name
# ---------------------------------------------------------------------------------------------

RuleCheck = Callable[[Mapping[str, Any], "ActionSpec", ModelSpec], list[FieldProblem]]
_RULES: dict[str, RuleCheck] = {}


def _rule(name: str) -> Callable[[RuleCheck], RuleCheck]:
    def register(fn: RuleCheck) -> RuleCheck:
        _RULES[name] = fn
        return fn

    return register


def _present(values: Mapping[str, Any], name: str) -> bool:
    v = values.get(name)
    return v is not None and v != "" and v != []


def _missing(name: str, why: str) -> FieldProblem:
    return FieldProblem(
        name, None, FIELDS[name].allowed_text(), f"{name} is required {why}", ProblemKind.REQUIRED
    )


@_rule("prompt_or_lyrics")
def _prompt_or_lyrics(v: Mapping[str, Any], a: ActionSpec, m: ModelSpec) -> list[FieldProblem]:
    """Prompt mode needs a prompt; custom mode needs lyrics unless instrumental or lyric_prompt."""
    if not v.get("custom"):
        problems = []
        if not _present(v, "prompt"):
            problems.append(_missing("prompt", "when generate audio (prompt mode, custom=False)"))
        if _present(v, "lyric_prompt"):
            problems.append(
                FieldProblem(
                    "lyric_prompt",
                    v["lyric_prompt"],
                    "custom=True with an empty lyric",
                    "lyric_prompt is used only with custom=True and an empty lyric",
                )
            )
        return problems
    if _present(v, "lyric_prompt") and _present(v, "lyric"):
        return [
            FieldProblem(
                "lyric_prompt",
                v["lyric_prompt"],
                "an empty lyric",
                "lyric_prompt writes the lyrics, so lyric must be empty; give one",
            )
        ]
    if v.get("instrumental") or _present(v, "lyric") or _present(v, "lyric_prompt"):
        return []
    return [
        _missing(
            "lyric",
            "when generate custom audio (custom=True); or set "
            "instrumental=True, or give lyric_prompt",
        )
    ]


@_rule("lyric_unless_instrumental")
def _lyric_unless_instrumental(
    v: Mapping[str, Any], a: ActionSpec, m: ModelSpec
) -> list[FieldProblem]:
    """extend and upload_extend need the lyrics of the new part unless instrumental."""
    if v.get("instrumental") or _present(v, "lyric"):
        return []
    return [_missing("lyric", f"when {a.name} audio, unless instrumental=True")]


@_rule("custom_lyric")
def _custom_lyric(v: Mapping[str, Any], a: ActionSpec, m: ModelSpec) -> list[FieldProblem]:
    """overpainting sings lyrics over the accompaniment: custom mode with a lyric."""
    problems = []
    if v.get("custom") is False:
        problems.append(
            FieldProblem(
                "custom", False, "True", f"custom must be True for {a.name} (it sings your lyric)"
            )
        )
    if not _present(v, "lyric"):
        problems.append(_missing("lyric", f"for {a.name} (the words to sing)"))
    return problems


def _window_rule(prefix: str) -> RuleCheck:
    start, end = f"{prefix}_start", f"{prefix}_end"

    def check(v: Mapping[str, Any], a: ActionSpec, m: ModelSpec) -> list[FieldProblem]:
        s, e = v.get(start), v.get(end)
        s = FIELDS[start].default if s is None else s
        if s is None or e is None:
            return []
        if not s < e:
            return [
                FieldProblem(
                    end,
                    e,
                    f"a time greater than {start} ({s:g} s)",
                    f"{end} must be greater than {start}: got {start}={s:g}, {end}={e:g}",
                )
            ]
        return []

    check.__doc__ = f"{start} < {end}."
    return check


for _prefix in ("replace_section", "overpainting", "underpainting", "samples"):
    _RULES[f"window:{_prefix}"] = _window_rule(_prefix)


# ---------------------------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------------------------

# Field groups reused across actions (a group is just a tuple of names, not a copy of facts).
_SONG = (
    "model",
    "custom",
    "lyric",
    "instrumental",
    "prompt",
    "title",
    "style",
    "negative_tags",
    "vocal_gender",
    "weirdness",
    "style_influence",
)


@dataclass(frozen=True)
class ActionSpec:
    """One ``/suno/audios`` action: what it needs, what it may take, what it returns."""

    name: str
    summary: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    clips: str
    rules: tuple[str, ...] = ()
    fixed: Mapping[str, Any] = field(default_factory=dict)  # values the action implies
    positional: tuple[str, ...] | None = None
    min_model: float | None = None
    newer: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field this action takes, required first, in declaration order."""
        seen: dict[str, None] = dict.fromkeys(self.required)
        seen.update(dict.fromkeys(self.optional))
        return tuple(seen)

    @property
    def positional_fields(self) -> tuple[str, ...]:
        return self.required if self.positional is None else self.positional


def _a(
    name: str,
    summary: str,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    clips: str,
    **kw: Any,
) -> ActionSpec:
    return ActionSpec(name, summary, required, optional, clips, **kw)


_ACTION_LIST: list[ActionSpec] = [
    _a(
        "generate",
        "Make two new songs from a prompt (prompt mode) or from lyrics and a style (custom mode).",
        (),
        (
            *_SONG,
            "lyric_prompt",
            "variation_category",
            "duration",
            "persona_id",
            "audio_weight",
            "max_mode",
            "variety",
        ),
        "2",
        rules=("prompt_or_lyrics",),
        positional=("prompt",),
    ),
    _a(
        "extend",
        "Continue a clip from `continue_at` seconds with new lyrics.",
        ("audio_id", "continue_at"),
        (*_SONG, "variation_category", "duration", "persona_id", "audio_weight"),
        "2",
        rules=("lyric_unless_instrumental",),
    ),
    _a(
        "upload_extend",
        "Continue an uploaded track from `continue_at` seconds.",
        ("audio_id", "continue_at"),
        _SONG,
        "2",
        rules=("lyric_unless_instrumental",),
    ),
    _a(
        "concat",
        "Stitch an extend chain into one full song (give the last segment).",
        ("audio_id",),
        ("model",),
        "1, with concat_history",
    ),
    _a(
        "cover",
        "Re-perform a clip in a new style, keeping its melody and words.",
        ("audio_id",),
        (*_SONG, "audio_weight", "variation_category", "persona_id"),
        "2",
    ),
    _a(
        "upload_cover",
        "Cover an uploaded track in a new style.",
        ("audio_id",),
        (*_SONG, "audio_weight"),
        "2",
    ),
    _a(
        "artist_consistency",
        "A new song sung by a saved persona's voice.",
        ("persona_id",),
        ("audio_id", *_SONG, "audio_weight"),
        "2",
    ),
    _a(
        "artist_consistency_vox",
        "A new song sung by a vox persona over a source clip.",
        ("persona_id", "audio_id"),
        _SONG,
        "2",
    ),
    _a(
        "stems",
        "Split a clip into vocals and instrumental.",
        ("audio_id",),
        (),
        '2: "<title> - Vocals", "<title> - Instrumental"',
    ),
    _a(
        "all_stems",
        "Split a clip into 12 stems (two sets).",
        ("audio_id",),
        (),
        "24: 12 stems (Vocals, Backing Vocals, Drums, Bass, Guitar, Keyboard, Percussion, "
        "Strings, Synth, FX, Brass, Woodwinds) × 2 sets",
    ),
    _a(
        "replace_section",
        "Rewrite one time window of a clip; the rest stays.",
        ("audio_id", "replace_section_start", "replace_section_end"),
        (
            "lyric",
            "prompt",
            "style",
            "title",
            "model",
            "custom",
            "instrumental",
            "replace_section_result_mode",
        ),
        "2",
        rules=("window:replace_section",),
    ),
    _a(
        "underpainting",
        "Add AI accompaniment under an uploaded vocal track.",
        ("audio_id", "underpainting_end"),
        ("underpainting_start", "style", "title", "negative_tags", "model"),
        "2",
        rules=("window:underpainting",),
    ),
    _a(
        "overpainting",
        "Add AI vocals singing your lyric over an uploaded accompaniment.",
        ("audio_id", "overpainting_end", "lyric"),
        ("overpainting_start", "custom", "style", "title", "vocal_gender", "model"),
        "2",
        rules=("window:overpainting", "custom_lyric"),
        fixed={"custom": True},
    ),
    _a(
        "samples",
        "Add AI samples inside a window of a clip.",
        ("audio_id", "samples_start", "samples_end"),
        ("lyric", "custom", "instrumental", "style", "model"),
        "2",
        rules=("window:samples",),
    ),
    _a(
        "remaster",
        "Improve loudness and clarity of a clip.",
        ("audio_id",),
        ("model", "variation_category"),
        '2, title suffix " (Remastered)"',
        min_model=4.5,
    ),
    _a(
        "mashup",
        "Combine two songs, tempos aligned.",
        ("mashup_audio_ids",),
        ("lyric", "custom", "instrumental", "title", "style", "model"),
        "2",
    ),
    _a(
        "inspo",
        "A new song inspired by 1–4 reference recordings.",
        ("audio_urls",),
        ("prompt", "title", "style", "model", "audio_weight"),
        "2",
    ),
    _a(
        "add_stem",
        "Add a new stem (e.g. drums) to a clip.",
        ("audio_id", "stem_type"),
        (
            "model",
            "prompt",
            "title",
            "style",
            "negative_tags",
            "weirdness",
            "style_influence",
            "audio_weight",
            "max_mode",
            "variety",
        ),
        "2",
        newer=True,
    ),
    _a(
        "extract_stem",
        "Isolate one stem of a clip, and the clip without it.",
        ("audio_id", "stem_type"),
        ("audio_format",),
        '4: isolated and "without", two sets',
        newer=True,
    ),
    _a(
        "sounds",
        "Make a sound effect, one-shot or loop.",
        ("sound", "sound_type"),
        ("model", "bpm", "key", "audio_format"),
        "2",
        newer=True,
    ),
    _a(
        "adjust_speed",
        "Change a clip's speed, optionally keeping its pitch.",
        ("audio_id", "speed_multiplier", "title"),
        ("keep_pitch",),
        "1",
        newer=True,
    ),
]

ACTIONS: dict[str, ActionSpec] = {a.name: a for a in _ACTION_LIST}


@dataclass(frozen=True)
class ModeRule:
    """Fields ``hides`` do not apply while ``field`` has ``value`` (forms hide them).

    ``rule`` limits it to actions that use that cross-field rule, so an action that gains the
    ``prompt_or_lyrics`` rule gets the prompt/custom switch with no form code.
    """

    field: str
    value: Any
    hides: tuple[str, ...]
    rule: str | None = None  # None: every action that takes ``field``


MODE_RULES: tuple[ModeRule, ...] = (
    ModeRule("custom", False, ("lyric", "lyric_prompt"), rule="prompt_or_lyrics"),
    ModeRule("custom", True, ("prompt",), rule="prompt_or_lyrics"),
    ModeRule("instrumental", True, ("lyric", "lyric_prompt")),
)

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

# ---------------------------------------------------------------------------------------------
# List prices (credits), from the provider's guides; data, with a user override
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Price:
    """An action's or endpoint's list price in credits, and the options that change it.

    ``options`` are ``(conditions, credits)`` pairs, first match wins: every ``field=value`` in
    ``conditions`` must hold in the request. ``documented`` is False for a price the guides do
    not state (the generate price is assumed); the service's answer carries the real ``cost``.
    """

    credits: float
    options: tuple[tuple[Mapping[str, Any], float], ...] = ()
    documented: bool = True
    source: str = ""

    def for_request(self, values: Mapping[str, Any]) -> float:
        for conditions, credits in self.options:
            if all(values.get(k) == v for k, v in conditions.items()):
                return credits
        return self.credits


_AUDIOS_GUIDE = "suno_audios.md"
_GENERATE_PRICE = Price(
    0.56, (({"max_mode": True, "custom": True}, 1.12),), source=f"{_AUDIOS_GUIDE}: max_mode"
)

#: List prices by action (``/suno/audios``) or endpoint name. Override them per call with
#: ``list_price(..., overrides={"generate": 0.5})`` or for a sweep with ``Sweep(costs=...)``.
LIST_PRICES: dict[str, Price] = {
    "generate": _GENERATE_PRICE,
    "add_stem": Price(0.672, (({"max_mode": True}, 1.344),), source=f"{_AUDIOS_GUIDE}: Add Stem"),
    "extract_stem": Price(1.12, source=f"{_AUDIOS_GUIDE}: Extract Stem"),
    "sounds": Price(0.112, source=f"{_AUDIOS_GUIDE}: Generate Sound Effects"),
    "adjust_speed": Price(0.28, source=f"{_AUDIOS_GUIDE}: Adjust Audio Speed"),
    "upload": Price(0.06, (({"mode": "enhanced"}, 1.87),), source="suno_upload.md"),
    "create_custom_model": Price(10.0, source="custom models guide: charged when ready"),
    "generate_with_custom_model": Price(0.90, source="custom models guide"),
    "custom_model": Price(0.0, source="custom models guide: querying is free"),
    "custom_models": Price(0.0, source="custom models guide: querying is free"),
    "delete_custom_model": Price(0.0, source="custom models guide: archiving is free"),
    "list_tasks": Price(0.0, source="tasks guide: zero-consumption"),
}


def list_price(
    name: str,
    values: Mapping[str, Any] | None = None,
    *,
    overrides: Mapping[str, float] | None = None,
) -> float:
    """Credits one request of ``name`` (an action or endpoint) costs at list price.

    Unlisted actions of ``/suno/audios`` are assumed to cost what ``generate`` does; an override
    (``{"generate": 0.5}`` or ``{"*": 1}`` for every name) wins over the table.

    Example:
        >>> list_price("generate"), list_price("generate", {"custom": True, "max_mode": True})
        (0.56, 1.12)
        >>> list_price("add_stem", {"max_mode": True}), list_price("sounds", overrides={"*": 1})
        (1.344, 1.0)
    """
    overrides = overrides or {}
    if name in overrides:
        return float(overrides[name])
    if "*" in overrides:
        return float(overrides["*"])
    price = LIST_PRICES.get(name)
    if price is None:
        price = _GENERATE_PRICE if name in ACTIONS or name not in ENDPOINTS else Price(0.0)
    return price.for_request(values or {})


# ---------------------------------------------------------------------------------------------
# Examples: valid values from the table alone (docs, CLI help, forms and tests use them)
# ---------------------------------------------------------------------------------------------


def example_value(name: str) -> Any:
    """A valid value for a field: its declared example, else one made from its limits.

    Example:
        >>> example_value("weirdness"), example_value("stem_type")
        (0.5, 'drums')
    """
    spec = FIELDS[name]
    if spec.example is not None:
        return spec.example
    if spec.kind == "enum":
        return spec.choices[0]
    if spec.kind == "url_list":
        return ["https://example.com/ref.mp3"]
    if spec.kind == "id_list":
        return ["3f9b0c1e", "a06d22f1"]
    if spec.kind == "bool":
        return True
    if spec.kind in ("float", "int"):
        if name.endswith("_start"):
            value = 10.0
        elif name.endswith("_end"):
            value = 20.0
        else:
            value = max(30.0, spec.ge or 0.0, (spec.gt or 0.0) + 1)
            value = min(value, spec.le) if spec.le is not None else value
        return int(value) if spec.kind == "int" else float(value)
    return "..."


def example_request(action: str) -> dict[str, Any]:
    """The fewest fields that make a valid request for an action (without ``action``).

    Example:
        >>> example_request("extend")
        {'audio_id': '3f9b0c1e', 'continue_at': 30.0, 'lyric': '[Verse]\\nand on we go'}
    """
    spec = ACTIONS[action]
    values = {name: example_value(name) for name in spec.required}
    if "prompt_or_lyrics" in spec.rules:
        values["prompt"] = example_value("prompt")
    if "lyric_unless_instrumental" in spec.rules:
        values["lyric"] = "[Verse]\nand on we go"
    if spec.min_model is not None:
        values["model"] = first_model_at(spec.min_model)
    return values


# ---------------------------------------------------------------------------------------------
# Checking a request against the table (used by the client, the widgets and the emulator)
# ---------------------------------------------------------------------------------------------

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_PASSED_THROUGH = ("action", "callback_url", "async")  # taken by every action, checked apart


def type_ok(spec: FieldSpec, value: Any) -> bool:
    """Whether ``value`` has the JSON type ``spec`` needs (numbers must also be finite).

    Example:
        >>> type_ok(FIELDS["weirdness"], 0.5), type_ok(FIELDS["weirdness"], float("nan"))
        (True, False)
    """
    k = spec.kind
    if k == "bool":
        return isinstance(value, bool)
    if k in ("float", "int"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if not math.isfinite(value):
            return False
        return k == "float" or float(value).is_integer()
    if k in ("url_list", "id_list"):
        return isinstance(value, list | tuple) and all(isinstance(x, str) for x in value)
    if k == "json":
        return isinstance(value, Mapping)
    return isinstance(value, str)


def _shown(value: Any) -> str:
    return repr(value) if not isinstance(value, str) or len(value) < 60 else f"{value[:57]!r}…"


def _length_hint(spec: FieldSpec, model: ModelSpec | None, limit: int) -> str:
    """Which newer model allows more, for model-dependent limits ("chirp-v4-5 or newer …")."""
    if not isinstance(spec.max_length, str) or model is None:
        return ""
    best = max(getattr(m, spec.max_length) for m in MODELS.values())
    if best <= limit:
        return ""
    newer = min(
        (m for m in MODELS.values() if getattr(m, spec.max_length) == best),
        key=lambda m: m.generation,
    )
    return f"; {newer.name} or newer allows {best}"


def check_value(spec: FieldSpec, value: Any, model: ModelSpec | None = None) -> FieldProblem | None:
    """Check one value against its field's type and limits; ``None`` when it is fine.

    Example:
        >>> check_value(FIELDS["weirdness"], 1.5).kind
        <ProblemKind.RANGE: 'range'>
    """
    allowed = spec.allowed_text(model)

    def bad(kind: ProblemKind, msg: str) -> FieldProblem:
        return FieldProblem(spec.name, value, allowed, msg, kind)

    if not type_ok(spec, value):
        finite = spec.kind in ("float", "int") and isinstance(value, float)
        why = " (a finite number)" if finite and not math.isfinite(value) else ""
        return bad(
            ProblemKind.TYPE,
            f"{spec.name} must be {allowed}{why}; got {_shown(value)} ({type(value).__name__})",
        )
    k = spec.kind
    if k in ("float", "int"):
        x = float(value)
        if (
            (spec.ge is not None and x < spec.ge)
            or (spec.le is not None and x > spec.le)
            or (spec.gt is not None and x <= spec.gt)
        ):
            return bad(ProblemKind.RANGE, f"{spec.name} must be {allowed}; got {value!r}")
    elif k == "enum":
        if value not in spec.choices:
            return bad(ProblemKind.CHOICE, f"{spec.name} must be {allowed}; got {_shown(value)}")
    elif k in ("url_list", "id_list"):
        n = len(value)
        if (spec.min_items is not None and n < spec.min_items) or (
            spec.max_items is not None and n > spec.max_items
        ):
            return bad(ProblemKind.LENGTH, f"{spec.name} must be {allowed}; got {n}")
        if k == "url_list":
            for url in value:
                if not _URL.match(url):
                    return bad(
                        ProblemKind.FORMAT,
                        f"{spec.name} must be {allowed}; {url!r} is not an http(s) URL",
                    )
        elif any(not x.strip() for x in value):
            return bad(ProblemKind.FORMAT, f"{spec.name} must be {allowed}; got an empty id")
    elif k == "url":
        if not _URL.match(value):
            return bad(ProblemKind.FORMAT, f"{spec.name} must be {allowed}; got {_shown(value)}")
    elif k == "json":
        return None
    else:
        limit = spec.length_limit(model)
        if limit and len(value) > limit:
            return bad(
                ProblemKind.LENGTH,
                f"{spec.name} is {len(value)} characters; {allowed}"
                f"{_length_hint(spec, model, limit)}",
            )
    return None


def normalise_request(values: Mapping[str, Any]) -> dict[str, Any]:
    """Map old names to current ones (``style_negative`` → ``negative_tags``), drop ``None``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        name = _ALIASES.get(key, key)
        if name in out and out[name] != value:
            raise ValueError(f"{key} and {name} are the same field with different values")
        out[name] = list(value) if isinstance(value, tuple) else value
    lp = out.get("lyric_prompt")
    if isinstance(lp, Mapping) and isinstance(lp.get("prompt"), str):
        out["lyric_prompt"] = lp["prompt"]
    return out


@dataclass
class _Check:
    """One request on its way through the named steps of :func:`check_request`."""

    values: dict[str, Any]
    action_name: str
    action: ActionSpec | None
    model_name: str | None
    model: ModelSpec
    known_model: bool
    extra_ok: frozenset[str]
    problems: list[FieldProblem] = field(default_factory=list)
    no_effect: list[str] = field(default_factory=list)  # taken, checked, ignored by the action

    @property
    def bad_fields(self) -> set[str]:
        return {p.field for p in self.problems}

    def add(self, problem: FieldProblem) -> None:
        if problem.field not in self.bad_fields:
            self.problems.append(problem)


def _start(values: Mapping[str, Any], extra_ok: Iterable[str]) -> _Check | list[FieldProblem]:
    """Normalise names and read the action and model, or the problems that stop the check."""
    try:
        v = normalise_request(values)
    except ValueError as exc:
        return [
            FieldProblem(
                "negative_tags",
                values.get("style_negative"),
                "one of negative_tags or style_negative",
                str(exc),
                ProblemKind.RULE,
            )
        ]
    action_name = v.get("action", "generate")
    if not isinstance(action_name, str) or not action_name:
        return [
            FieldProblem(
                "action",
                action_name,
                "one of " + ", ".join(ACTIONS),
                f"action must be one of {', '.join(ACTIONS)}; got {action_name!r}",
                ProblemKind.TYPE,
            )
        ]
    problems = []
    model_name = v.get("model")
    if model_name is not None and not isinstance(model_name, str):
        problems.append(
            FieldProblem(
                "model",
                model_name,
                FIELDS["model"].allowed_text(),
                f"model must be a model name; got {model_name!r}",
                ProblemKind.TYPE,
            )
        )
        model_name = None
    model, known = model_spec(model_name)
    return _Check(
        v,
        action_name,
        ACTIONS.get(action_name),
        model_name,
        model,
        known,
        frozenset(extra_ok),
        problems,
    )


def _warn_unknown_names(c: _Check) -> None:
    if not c.known_model:
        warnings.warn(
            f"model {c.model_name!r} is not in suno_nb's table (known: "
            f"{', '.join(MODELS)}); sending it as given",
            UnknownNameWarning,
            stacklevel=4,
        )
    if c.action is None:
        warnings.warn(
            f"action {c.action_name!r} is not in suno_nb's table (known: "
            f"{', '.join(ACTIONS)}); sending it as given",
            UnknownNameWarning,
            stacklevel=4,
        )


def _check_fields(c: _Check) -> None:
    """Each field on its own: does the action take it, its type and limits, its model gate."""
    action = c.action
    allowed = set(FIELDS) if action is None else set(action.fields) | set(action.fixed)
    allowed.add("model")  # the provider's SDK sends a model with every action
    for key, value in c.values.items():
        if key in _PASSED_THROUGH or key in c.extra_ok:
            continue
        spec = FIELDS.get(key)
        if key in ADJUSTMENTS and key not in allowed:
            c.no_effect.append(key)
        elif key not in allowed:
            c.add(_unknown_field(key, value, c.action_name, c.action, spec is None))
            continue
        if spec is None or (key == "model" and not c.known_model):
            continue
        problem = check_value(spec, value, c.model)
        if problem:
            c.add(problem)
            continue
        gated = spec.min_model is not None and c.known_model and c.model_name is not None
        if gated and c.model.generation < spec.min_model:
            c.add(_gate_problem(key, value, spec.min_model, c.model_name))
    url = c.values.get("callback_url")
    if "callback_url" in c.values and not (isinstance(url, str) and _URL.match(url)):
        c.add(
            FieldProblem(
                "callback_url",
                url,
                "an http(s) URL",
                f"callback_url must be an http(s) URL; got {url!r}",
                ProblemKind.FORMAT,
            )
        )


def _unknown_field(
    key: str, value: Any, action_name: str, action: ActionSpec | None, unknown_name: bool
) -> FieldProblem:
    takes = ", ".join(action.fields) if action else ""
    return FieldProblem(
        key,
        value,
        f"fields of {action_name}: {takes}",
        f"{key} is not a field of {action_name}"
        + (f" (it takes: {takes})" if takes else "")
        + ("; pass it in extra={...} to send it anyway" if unknown_name else ""),
        ProblemKind.UNKNOWN_FIELD,
    )


def _check_required(c: _Check, action: ActionSpec) -> None:
    """Required fields present, and values the action implies (``custom=True``) not contradicted."""
    for name in action.required:
        if name not in c.bad_fields and not _present(c.values, name):
            c.add(_missing(name, f"when {action.name} audio"))
    for name, value in action.fixed.items():
        if name in c.values and c.values[name] != value:
            c.add(
                FieldProblem(
                    name,
                    c.values[name],
                    repr(value),
                    f"{name} must be {value!r} for {action.name}",
                    ProblemKind.CHOICE,
                )
            )


def _check_model_limits(c: _Check, action: ActionSpec) -> None:
    """The action's own model gate."""
    if not c.known_model:
        return
    gate = action.min_model
    if gate is not None and c.model_name is not None and c.model.generation < gate:
        need = first_model_at(gate)
        c.add(
            FieldProblem(
                "model",
                c.model_name,
                f"{need} or newer",
                f"{action.name} needs model {need} or newer; got {c.model_name!r}",
                ProblemKind.MODEL_GATE,
            )
        )


def _check_rules(c: _Check, action: ActionSpec) -> None:
    """Cross-field rules, over values that passed their own checks.

    So a rule never compares a list to a number: each problem is reported once, at the field
    that broke its own rule.
    """
    bad = c.bad_fields
    clean = {k: val for k, val in c.values.items() if k not in bad}
    for rule in action.rules:
        for problem in _RULES[rule](clean, action, c.model):
            c.add(problem)


def _warn_soft_problems(c: _Check) -> None:
    """What the service accepts but the user may not mean: ignored fields, an unsure gate."""
    v = c.values
    for key in c.no_effect:
        warnings.warn(
            f"{key} has no effect on {c.action_name}; the service accepts and ignores it there",
            NoEffectWarning,
            stacklevel=4,
        )
    if c.action_name == "generate" and v.get("max_mode") and not v.get("custom"):
        warnings.warn(
            "max_mode works on generate only with custom=True; the service ignores it here",
            NoEffectWarning,
            stacklevel=4,
        )
    duration = v.get("duration")
    if (
        c.known_model
        and isinstance(duration, int | float)
        and _present(v, "model")
        and duration > c.model.max_duration
        and "duration" not in c.bad_fields
    ):
        warnings.warn(
            f"duration {duration} s is longer than {c.model.name}'s longest song "
            f"({c.model.max_duration} s); it is a hint, so the song will be shorter",
            NoEffectWarning,
            stacklevel=4,
        )
    if v.get("instrumental") and _present(v, "lyric") and c.action_name != "overpainting":
        warnings.warn("instrumental=True: the service ignores lyric", UserWarning, stacklevel=4)
    if c.model_name is None and c.known_model:
        for key in v:
            spec = FIELDS.get(key)
            if spec and spec.min_model and c.model.generation < spec.min_model:
                warnings.warn(
                    f"{key} needs {first_model_at(spec.min_model)} or newer, and no model was "
                    f"given (the service default is {DEFAULT_MODEL}); pass model=... to be sure",
                    UserWarning,
                    stacklevel=4,
                )


def check_request(
    values: Mapping[str, Any], *, warn: bool = True, extra_ok: Iterable[str] = ()
) -> list[FieldProblem]:
    """Every problem of an ``/suno/audios`` request body, in field order; ``[]`` when valid.

    Unknown model and action names are allowed (with an :class:`UnknownNameWarning` when
    ``warn``); fields the action does not take are problems (kind ``unknown_field``) unless
    listed in ``extra_ok``. Each problem's ``kind`` says which rule it broke.

    Example:
        >>> [(p.field, p.kind.value) for p in check_request({"action": "extend", "continue_at": 0})]
        [('continue_at', 'range'), ('audio_id', 'required'), ('lyric', 'required')]
    """
    c = _start(values, extra_ok)
    if isinstance(c, list):
        return c
    if warn:
        _warn_unknown_names(c)
    _check_fields(c)
    if c.action is None:
        return c.problems
    _check_required(c, c.action)
    _check_model_limits(c, c.action)
    _check_rules(c, c.action)
    if warn:
        _warn_soft_problems(c)
    return c.problems


def _gate_problem(key: str, value: Any, min_gen: float, model_name: str | None) -> FieldProblem:
    need = first_model_at(min_gen)
    return FieldProblem(
        key,
        value,
        f"model {need} or newer",
        f"{key} needs model {need} or newer; got model={model_name!r}",
        ProblemKind.MODEL_GATE,
    )


EndpointRule = Callable[[Mapping[str, Any]], list[FieldProblem]]


def _enhanced_upload(v: Mapping[str, Any]) -> list[FieldProblem]:
    """mode='enhanced' needs a name (1–100 characters) and an https audio_url."""
    if v.get("mode") != "enhanced":
        return []
    problems = []
    if not _present(v, "name"):
        problems.append(
            FieldProblem(
                "name",
                v.get("name"),
                "text of 1 to 100 characters",
                "name is required for upload with mode='enhanced'",
                ProblemKind.REQUIRED,
            )
        )
    url = v.get("audio_url")
    if isinstance(url, str) and not url.lower().startswith("https://"):
        problems.append(
            FieldProblem(
                "audio_url",
                url,
                "an https URL",
                "audio_url must be an https URL with mode='enhanced'",
                ProblemKind.FORMAT,
            )
        )
    return problems


def _fixed_range_under_26s(v: Mapping[str, Any]) -> list[FieldProblem]:
    """generate_track with fixed=True: the range must be shorter than 26 seconds."""
    s, e = v.get("start_seconds"), v.get("end_seconds")
    numbers = isinstance(s, int | float) and isinstance(e, int | float)
    if v.get("fixed") and numbers and e - s >= 26:
        return [
            FieldProblem(
                "end_seconds",
                e,
                f"less than {s + 26:g} (a fixed range is shorter than 26 s)",
                f"a fixed range must be shorter than 26 s; got {e - s:g} s",
                ProblemKind.RANGE,
            )
        ]
    return []


_ENDPOINT_RULES: dict[str, EndpointRule] = {
    "enhanced_upload": _enhanced_upload,
    "fixed_range_under_26s": _fixed_range_under_26s,
}


def with_idempotency_key(name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The body with a fresh ``idempotency_key`` when the endpoint de-duplicates and none is set.

    Call it once per logical request, and keep the result: a retry sends the same key.

    Example:
        >>> body = with_idempotency_key("create_project", {"title": "demo"})
        >>> len(body["idempotency_key"]), with_idempotency_key("wav", {"audio_id": "a"})
        (32, {'audio_id': 'a'})
    """
    out = dict(values)
    if ENDPOINTS[name].idempotent and not out.get("idempotency_key"):
        out["idempotency_key"] = uuid.uuid4().hex
    return out


def check_endpoint(name: str, values: Mapping[str, Any]) -> list[FieldProblem]:
    """Every problem of a sibling endpoint's request; ``[]`` when valid.

    Example:
        >>> [p.kind.value for p in check_endpoint("upload", {})]
        ['required']
    """
    ep = ENDPOINTS[name]
    problems: list[FieldProblem] = []
    known = {f.name: f for f in ep.fields}
    for key, value in values.items():
        if value is None or key in ("async", "callback_url") or key in ep.fixed:
            continue
        spec = known.get(key)
        if spec is None:
            problems.append(
                FieldProblem(
                    key,
                    value,
                    ", ".join(known),
                    f"{key} is not a field of {name} (it takes: {', '.join(known)})",
                    ProblemKind.UNKNOWN_FIELD,
                )
            )
            continue
        problem = check_value(spec, value)
        if problem:
            problems.append(problem)
    bad = {p.field for p in problems}
    for req in ep.required:
        if not _present(values, req) and req not in bad:
            problems.append(
                FieldProblem(
                    req,
                    None,
                    known[req].allowed_text(),
                    f"{req} is required for {name}",
                    ProblemKind.REQUIRED,
                )
            )
    bad = {p.field for p in problems}
    clean = {k: v for k, v in values.items() if k not in bad}
    for start, end in ep.windows:
        s, e = clean.get(start), clean.get(end)
        if s is not None and e is not None and not s < e:
            problems.append(
                FieldProblem(
                    end,
                    e,
                    f"greater than {start} ({s:g})",
                    f"{end} must be greater than {start}",
                    ProblemKind.RULE,
                )
            )
    for rule in ep.rules:
        for problem in _ENDPOINT_RULES[rule](clean):
            if problem.field not in {p.field for p in problems}:
                problems.append(problem)
    return problems
