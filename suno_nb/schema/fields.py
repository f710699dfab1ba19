"""The models and the request fields of the Suno API: types, limits, docs, form hints.

Example:
    >>> from suno_nb.schema.fields import FIELDS, MODELS
    >>> FIELDS["weirdness"].allowed_text(), MODELS["chirp-v4-5"].lyric_max
    ('a number from 0 to 1', 5000)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

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
#: The service's title for each stem, in its order: "<title> (Backing Vocals)" and so on.
STEM_TITLES: dict[str, str] = {
    name: {"fx": "FX"}.get(name, name.replace("_", " ").title()) for name in _STEM_TYPES
}

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
