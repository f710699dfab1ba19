"""The ``/suno/audios`` actions: what each needs and takes, and the rules across fields.

Example:
    >>> from suno_nb.schema.actions import ACTIONS
    >>> ACTIONS["extend"].required
    ('audio_id', 'continue_at')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb.errors import FieldProblem, ProblemKind
from suno_nb.schema.fields import FIELDS, ModelSpec

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
        '24: "<title> (Vocals)", "<title> (Backing Vocals)" … 12 stems (Vocals, Backing '
        "Vocals, Drums, Bass, Guitar, Keyboard, Percussion, Strings, Synth, FX, Brass, "
        "Woodwinds) × 2 sets",
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
        '4: "<title> (Bass)" and "<title> (Without Bass)", two sets, paired in stem_sets',
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
