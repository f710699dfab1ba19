"""Client methods generated from suno_nb.schema by scripts/codegen.py. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack

if TYPE_CHECKING:
    from suno_nb.models import (
        CustomModelList,
        CustomModelResult,
        CustomModelSongs,
        DeleteResult,
        LyricsResult,
        MidiResult,
        Mp3Result,
        PersonaList,
        PersonaResult,
        ProjectResult,
        StyleResult,
        TaskList,
        TimingResult,
        UploadResult,
        VideoResult,
        VoiceResult,
        VoxResult,
        WavResult,
    )
    from suno_nb.tasks import AsyncTask, ProgressHook, Task

__all__ = [
    "AudioFormat",
    "CallOptions",
    "LyricsModel",
    "Mode",
    "ModelName",
    "ReplaceSectionResultMode",
    "SoundType",
    "Status",
    "StemType",
    "VariationCategory",
    "Variety",
    "VocalGender",
]

ModelName = (
    Literal[
        "chirp-v3-0",
        "chirp-v3-5",
        "chirp-v4",
        "chirp-v4-5",
        "chirp-v4-5-plus",
        "chirp-v5",
        "chirp-v5-5",
        "chirp-v6",
        "chirp-v6-wild",
        "chirp-v6-mini",
    ]
    | str
)
VocalGender = Literal["m", "f"]
VariationCategory = Literal["high", "normal", "subtle"]
Variety = Literal["off", "normal", "high", "extra", "max"]
ReplaceSectionResultMode = Literal["full_song", "candidates"]
StemType = Literal[
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
]
AudioFormat = Literal["mp3"]
SoundType = Literal["one-shot", "loop"]
LyricsModel = Literal["default", "remi-v1"] | str
Mode = Literal["standard", "enhanced"]
Status = Literal["queued", "uploading", "training", "ready", "failed", "archived"]


class CallOptions(TypedDict, total=False):
    """What every action method takes besides its fields: how to send and wait."""

    callback_url: str
    "The service POSTs the final result there (see `parse_callback`)."
    wait: bool
    "Wait for the result (default `True`); `False` returns the task at once."
    until: Literal["complete", "stream"]
    '`"complete"` (final files, default) or `"stream"` (as soon as a preview plays).'
    timeout: float | None
    "Seconds to wait before `GenerationTimeout` (it keeps running)."
    on_progress: ProgressHook | None
    "Called with a `Progress` at each state change."
    extra: Mapping[str, Any] | None
    "Fields the schema does not know yet, sent as given."
    max_retries: int | None
    "Retries of the submission on 429 (never on ambiguous ones)."


class _SyncEndpoints:
    """Every action and endpoint as a typed sync method."""

    def generate(
        self,
        prompt: str | None = None,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        lyric_prompt: str | None = None,
        variation_category: VariationCategory | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Variety | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Make two new songs from a prompt (prompt mode) or from lyrics and a style (custom mode). Returns 2 clip(s).

        Rules:
            - Prompt mode needs a prompt; custom mode needs lyrics unless instrumental or lyric_prompt.

        Args:
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            lyric_prompt: Let the service write the lyrics from this brief (custom mode with an empty lyric). (≤ 500).
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            duration: Target length in seconds (a hint; the clip's real length is in its duration). (an integer from 10 to 360).
            persona_id: A singer persona from persona() or voices(). (text).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            max_mode: Highest-quality mode on newer deployments. (True or False).
            variety: How varied the results are (newer deployments). (one of 'off', 'normal', 'high', 'extra', 'max').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.generate(prompt='a calm lofi song about a night bus')
            ```
        """
        return self._action("generate", locals())

    def extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        variation_category: VariationCategory | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Continue a clip from `continue_at` seconds with new lyrics. Returns 2 clip(s).

        Rules:
            - extend and upload_extend need the lyrics of the new part unless instrumental.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            continue_at: Where extend continues, in seconds from the start. (a number greater than 0). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            duration: Target length in seconds (a hint; the clip's real length is in its duration). (an integer from 10 to 360).
            persona_id: A singer persona from persona() or voices(). (text).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')
            ```
        """
        return self._action("extend", locals())

    def upload_extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Continue an uploaded track from `continue_at` seconds. Returns 2 clip(s).

        Rules:
            - extend and upload_extend need the lyrics of the new part unless instrumental.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            continue_at: Where extend continues, in seconds from the start. (a number greater than 0). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.upload_extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')
            ```
        """
        return self._action("upload_extend", locals())

    def concat(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Stitch an extend chain into one full song (give the last segment). Returns 1, with concat_history clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.concat(audio_id='3f9b0c1e')
            ```
        """
        return self._action("concat", locals())

    def cover(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        variation_category: VariationCategory | None = None,
        persona_id: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Re-perform a clip in a new style, keeping its melody and words. Returns 2 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            persona_id: A singer persona from persona() or voices(). (text).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.cover(audio_id='3f9b0c1e')
            ```
        """
        return self._action("cover", locals())

    def upload_cover(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Cover an uploaded track in a new style. Returns 2 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.upload_cover(audio_id='3f9b0c1e')
            ```
        """
        return self._action("upload_cover", locals())

    def artist_consistency(
        self,
        persona_id: str,
        *,
        audio_id: str | None = None,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """A new song sung by a saved persona's voice. Returns 2 clip(s).

        Args:
            persona_id: A singer persona from persona() or voices(). (text). Required.
            audio_id: The source clip: a clip id, or an audio_id from upload. (text).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.artist_consistency(persona_id='...')
            ```
        """
        return self._action("artist_consistency", locals())

    def artist_consistency_vox(
        self,
        persona_id: str,
        audio_id: str,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """A new song sung by a vox persona over a source clip. Returns 2 clip(s).

        Args:
            persona_id: A singer persona from persona() or voices(). (text). Required.
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.artist_consistency_vox(persona_id='...', audio_id='3f9b0c1e')
            ```
        """
        return self._action("artist_consistency_vox", locals())

    def stems(
        self,
        audio_id: str,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Split a clip into vocals and instrumental. Returns 2: "<title> - Vocals", "<title> - Instrumental" clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.stems(audio_id='3f9b0c1e')
            ```
        """
        return self._action("stems", locals())

    def all_stems(
        self,
        audio_id: str,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Split a clip into 12 stems (two sets). Returns 24: "<title> (Vocals)", "<title> (Backing Vocals)" … 12 stems (Vocals, Backing Vocals, Drums, Bass, Guitar, Keyboard, Percussion, Strings, Synth, FX, Brass, Woodwinds) × 2 sets clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.all_stems(audio_id='3f9b0c1e')
            ```
        """
        return self._action("all_stems", locals())

    def replace_section(
        self,
        audio_id: str,
        replace_section_start: float,
        replace_section_end: float,
        *,
        lyric: str | None = None,
        prompt: str | None = None,
        style: str | None = None,
        title: str | None = None,
        model: ModelName | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        replace_section_result_mode: ReplaceSectionResultMode | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Rewrite one time window of a clip; the rest stays. Returns 2 clip(s).

        Rules:
            - replace_section_start < replace_section_end.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            replace_section_start: Start of the replaced window, seconds. (a number of at least 0). Required.
            replace_section_end: End of the replaced window, seconds. (a number of at least 0). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            instrumental: No vocals; any lyric is ignored. (True or False).
            replace_section_result_mode: Two stitched songs or two raw segments. (one of 'full_song', 'candidates').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.replace_section(audio_id='3f9b0c1e', replace_section_start=10.0, replace_section_end=20.0)
            ```
        """
        return self._action("replace_section", locals())

    def underpainting(
        self,
        audio_id: str,
        underpainting_end: float,
        *,
        underpainting_start: float | None = None,
        style: str | None = None,
        title: str | None = None,
        negative_tags: str | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Add AI accompaniment under an uploaded vocal track. Returns 2 clip(s).

        Rules:
            - underpainting_start < underpainting_end.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            underpainting_end: Where AI accompaniment ends, seconds. (a number of at least 0). Required.
            underpainting_start: Where AI accompaniment starts, seconds. (a number of at least 0).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.underpainting(audio_id='3f9b0c1e', underpainting_end=20.0)
            ```
        """
        return self._action("underpainting", locals())

    def overpainting(
        self,
        audio_id: str,
        overpainting_end: float,
        lyric: str,
        *,
        overpainting_start: float | None = None,
        custom: bool | None = None,
        style: str | None = None,
        title: str | None = None,
        vocal_gender: VocalGender | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Add AI vocals singing your lyric over an uploaded accompaniment. Returns 2 clip(s).

        Rules:
            - overpainting_start < overpainting_end.
            - overpainting sings lyrics over the accompaniment: custom mode with a lyric.
            - sends custom=True (the action needs it)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            overpainting_end: Where AI vocals end, seconds. (a number of at least 0). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini). Required.
            overpainting_start: Where AI vocals start, seconds. (a number of at least 0).
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.overpainting(audio_id='3f9b0c1e', overpainting_end=20.0, lyric='[Verse]\\nCity lights are fading\\n[Chorus]\\nRide the night bus home')
            ```
        """
        return self._action("overpainting", locals())

    def samples(
        self,
        audio_id: str,
        samples_start: float,
        samples_end: float,
        *,
        lyric: str | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        style: str | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Add AI samples inside a window of a clip. Returns 2 clip(s).

        Rules:
            - samples_start < samples_end.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            samples_start: Where AI samples start, seconds. (a number of at least 0). Required.
            samples_end: Where AI samples end, seconds. (a number of at least 0). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            instrumental: No vocals; any lyric is ignored. (True or False).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.samples(audio_id='3f9b0c1e', samples_start=10.0, samples_end=20.0)
            ```
        """
        return self._action("samples", locals())

    def remaster(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        variation_category: VariationCategory | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Improve loudness and clarity of a clip. Returns 2, title suffix " (Remastered)" clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.remaster(audio_id='3f9b0c1e', model='chirp-v4-5')
            ```
        """
        return self._action("remaster", locals())

    def mashup(
        self,
        mashup_audio_ids: list[str],
        *,
        lyric: str | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        title: str | None = None,
        style: str | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Combine two songs, tempos aligned. Returns 2 clip(s).

        Args:
            mashup_audio_ids: The two clip ids to mash up. (a list of exactly 2 clip ids). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            instrumental: No vocals; any lyric is ignored. (True or False).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.mashup(mashup_audio_ids=['3f9b0c1e', 'a06d22f1'])
            ```
        """
        return self._action("mashup", locals())

    def inspo(
        self,
        audio_urls: list[str],
        *,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        model: ModelName | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """A new song inspired by 1–4 reference recordings. Returns 2 clip(s).

        Args:
            audio_urls: Reference audio for inspo: 1 to 4 public http(s) URLs. (a list of 1 to 4 http(s) URLs). Required.
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.inspo(audio_urls=['https://example.com/ref.mp3'])
            ```
        """
        return self._action("inspo", locals())

    def add_stem(
        self,
        audio_id: str,
        stem_type: StemType,
        *,
        model: ModelName | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Variety | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Add a new stem (e.g. drums) to a clip. Returns 2 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            stem_type: Which stem to add or extract. (one of 'vocals', 'backing_vocals', 'drums', 'bass', 'guitar', 'keyboard', 'percussion', 'strings', 'synth', 'fx', 'brass', 'woodwinds'). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            max_mode: Highest-quality mode on newer deployments. (True or False).
            variety: How varied the results are (newer deployments). (one of 'off', 'normal', 'high', 'extra', 'max').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.add_stem(audio_id='3f9b0c1e', stem_type='drums')
            ```
        """
        return self._action("add_stem", locals())

    def extract_stem(
        self,
        audio_id: str,
        stem_type: StemType,
        *,
        audio_format: AudioFormat | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Isolate one stem of a clip, and the clip without it. Returns 4: "<title> (Bass)" and "<title> (Without Bass)", two sets, paired in stem_sets clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            stem_type: Which stem to add or extract. (one of 'vocals', 'backing_vocals', 'drums', 'bass', 'guitar', 'keyboard', 'percussion', 'strings', 'synth', 'fx', 'brass', 'woodwinds'). Required.
            audio_format: Format of extracted stems. (one of 'mp3').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.extract_stem(audio_id='3f9b0c1e', stem_type='drums')
            ```
        """
        return self._action("extract_stem", locals())

    def sounds(
        self,
        sound: str,
        sound_type: SoundType,
        *,
        model: ModelName | None = None,
        bpm: int | None = None,
        key: str | None = None,
        audio_format: AudioFormat | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Make a sound effect, one-shot or loop. Returns 2 clip(s).

        Args:
            sound: Describe the sound to make. (≤ 500). Required.
            sound_type: A single hit or a loop. (one of 'one-shot', 'loop'). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            bpm: Tempo in beats per minute. (an integer from 1 to 300).
            key: Musical key, e.g. 'C minor'. (≤ 20).
            audio_format: Format of extracted stems. (one of 'mp3').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.sounds(sound='dusty vinyl kick', sound_type='loop')
            ```
        """
        return self._action("sounds", locals())

    def adjust_speed(
        self,
        audio_id: str,
        speed_multiplier: float,
        title: str,
        *,
        keep_pitch: bool | None = None,
        **options: Unpack[CallOptions],
    ) -> Task:
        """Change a clip's speed, optionally keeping its pitch. Returns 1 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            speed_multiplier: Playback speed factor. (a number from 0.25 to 4). Required.
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini). Required.
            keep_pitch: Keep the pitch while changing speed. (True or False).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `Task`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = client.adjust_speed(audio_id='3f9b0c1e', speed_multiplier=1.25, title='Night Bus')
            ```
        """
        return self._action("adjust_speed", locals())

    def lyrics(
        self,
        prompt: str,
        *,
        model: LyricsModel | None = None,
    ) -> LyricsResult:
        """Write lyrics from a short brief. (`POST /suno/lyrics`)

        Args:
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.
            model: Lyrics model. (one of 'default', 'remi-v1').

        Returns:
            A `LyricsResult`.
        """
        return self._endpoint("lyrics", locals())

    def mashup_lyrics(
        self,
        lyrics_a: str,
        lyrics_b: str,
    ) -> LyricsResult:
        """Merge two lyrics into one for a mashup. (`POST /suno/mashup-lyrics`)

        Args:
            lyrics_a: First song's lyrics. (text). Required.
            lyrics_b: Second song's lyrics. (text). Required.

        Returns:
            A `LyricsResult`.
        """
        return self._endpoint("mashup_lyrics", locals())

    def style(
        self,
        prompt: str,
    ) -> StyleResult:
        """Turn a short style into a richer style string. (`POST /suno/style`)

        Args:
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.

        Returns:
            A `StyleResult`.
        """
        return self._endpoint("style", locals())

    def create_persona(
        self,
        audio_id: str,
        name: str,
        *,
        description: str | None = None,
        vox_audio_id: str | None = None,
        vocal_start: float | None = None,
        vocal_end: float | None = None,
    ) -> PersonaResult:
        """Save a clip's singer as a persona. (`POST /suno/persona`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            name: Persona name. (≤ 100). Required.
            description: What the voice is like. (text).
            vox_audio_id: A vox id from vox() for a vox persona. (text).
            vocal_start: Start of the vocal part to use, seconds. (a number of at least 0).
            vocal_end: End of the vocal part to use, seconds. (a number of at least 0).

        Returns:
            A `PersonaResult`.
        """
        return self._endpoint("create_persona", locals())

    def personas(
        self,
        user_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PersonaList:
        """List saved personas. (`GET /suno/persona`)

        Args:
            user_id: Whose personas (the service needs it to list). (text). Required.
            limit: Page size. (an integer from 1 to 100).
            offset: Page start. (an integer of at least 0).

        Returns:
            A `PersonaList`.
        """
        return self._endpoint("personas", locals())

    def delete_persona(
        self,
        persona_id: str,
        *,
        user_id: str | None = None,
    ) -> DeleteResult:
        """Delete a persona. (`DELETE /suno/persona`)

        Args:
            persona_id: The persona to delete. (text). Required.
            user_id: The owner (the service scopes deletes to them). (text).

        Returns:
            A `DeleteResult`.
        """
        return self._endpoint("delete_persona", locals())

    def voices(
        self,
        audio_url: str,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> VoiceResult:
        """Make a persona from 10–240 s of one clean voice. (`POST /suno/voices`)

        Args:
            audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
            name: Voice name. (≤ 100).
            description: What the voice is like. (text).

        Returns:
            A `VoiceResult`.
        """
        return self._endpoint("voices", locals())

    def vox(
        self,
        audio_id: str,
        vocal_start: float,
        vocal_end: float,
    ) -> VoxResult:
        """Isolate the vocal of a clip for a vox persona. (`POST /suno/vox`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            vocal_start: Start of the vocal part to use, seconds. (a number of at least 0). Required.
            vocal_end: End of the vocal part to use, seconds. (a number of at least 0). Required.

        Returns:
            A `VoxResult`.
        """
        return self._endpoint("vox", locals())

    def upload(
        self,
        audio_url: str,
        *,
        mode: Mode | None = None,
        name: str | None = None,
    ) -> UploadResult:
        """Upload audio from a public URL; returns an audio_id. mode='enhanced' (with a name, an https URL) handles audio the standard mode cannot, asynchronously. (`POST /suno/upload`)

        Args:
            audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
            mode: standard (0.06 credits) or enhanced (1.87 credits, always asynchronous). (one of 'standard', 'enhanced').
            name: Name of the upload (needed in enhanced mode). (≤ 100).

        Returns:
            A `UploadResult`.
        """
        return self._endpoint("upload", locals())

    def mp4(
        self,
        audio_id: str,
    ) -> VideoResult:
        """Render a music video of a clip. (`POST /suno/mp4`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `VideoResult`.
        """
        return self._endpoint("mp4", locals())

    def wav(
        self,
        audio_id: str,
    ) -> WavResult:
        """Get a lossless WAV of a clip. (`POST /suno/wav`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `WavResult`.
        """
        return self._endpoint("wav", locals())

    def midi(
        self,
        audio_id: str,
    ) -> MidiResult:
        """Get the notes of a clip as MIDI-like data. (`POST /suno/midi`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `MidiResult`.
        """
        return self._endpoint("midi", locals())

    def timing(
        self,
        audio_id: str,
    ) -> TimingResult:
        """Get word timings of a clip's lyrics. (`POST /suno/timing`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `TimingResult`.
        """
        return self._endpoint("timing", locals())

    def mp3(
        self,
        audio_id: str,
    ) -> Mp3Result:
        """Get a fresh playable .mp3 URL of a clip (a new task; the clip is unchanged). (`POST /suno/mp3`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `Mp3Result`.
        """
        return self._endpoint("mp3", locals())

    def create_custom_model(
        self,
        name: str,
        audio_urls: list[str],
        *,
        idempotency_key: str | None = None,
    ) -> CustomModelResult:
        """Train a reusable music model on 6–24 audio files you own (10 credits when it is ready). (`POST /suno/custom-models`)

        Args:
            name: Model name. (≤ 100). Required.
            audio_urls: 6 to 24 public http(s) URLs of stylistically consistent songs. (a list of 6 to 24 http(s) URLs). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `CustomModelResult`.
        """
        return self._endpoint("create_custom_model", locals())

    def custom_model(
        self,
        id: str,
    ) -> CustomModelResult:
        """One custom model and its status. (`POST /suno/custom-models`)

        Args:
            id: The object's id. (text). Required.

        Returns:
            A `CustomModelResult`.
        """
        return self._endpoint("custom_model", locals())

    def custom_models(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        status: Status | None = None,
    ) -> CustomModelList:
        """The application's custom models, one page. (`POST /suno/custom-models`)

        Args:
            limit: Page size. (an integer from 1 to 100).
            offset: Page start. (an integer of at least 0).
            status: Only models in this state. (one of 'queued', 'uploading', 'training', 'ready', 'failed', 'archived').

        Returns:
            A `CustomModelList`.
        """
        return self._endpoint("custom_models", locals())

    def generate_with_custom_model(
        self,
        id: str,
        *,
        title: str | None = None,
        lyric: str | None = None,
        style: str | None = None,
        prompt: str | None = None,
        instrumental: bool | None = None,
        idempotency_key: str | None = None,
    ) -> CustomModelSongs:
        """A song from a ready custom model (0.90 credits). (`POST /suno/custom-models`)

        Args:
            id: The object's id. (text). Required.
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            instrumental: No vocals; any lyric is ignored. (True or False).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `CustomModelSongs`.
        """
        return self._endpoint("generate_with_custom_model", locals())

    def delete_custom_model(
        self,
        id: str,
        *,
        idempotency_key: str | None = None,
    ) -> CustomModelResult:
        """Archive a custom model (free; repeating it is harmless). (`POST /suno/custom-models`)

        Args:
            id: The object's id. (text). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `CustomModelResult`.
        """
        return self._endpoint("delete_custom_model", locals())

    def create_project(
        self,
        *,
        title: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Create an empty Studio project. (`POST /suno/projects`)

        Args:
            title: Project title. (≤ 200).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("create_project", locals())

    def project(
        self,
        id: str,
    ) -> ProjectResult:
        """A project with its full editable state. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("project", locals())

    def save_project(
        self,
        id: str,
        state: dict[str, Any],
        *,
        version_id: str | None = None,
        title: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Save a project's whole state (optimistic concurrency on version_id). (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            title: Project title. (≤ 200).
            state: The whole state: {'tracks': [...], 'timing': {'bps': 2}}. (a JSON object (a dict)). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("save_project", locals())

    def upload_to_project(
        self,
        id: str,
        audio_url: str,
        *,
        version_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Bring audio from an https URL into a project. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("upload_to_project", locals())

    def add_track(
        self,
        id: str,
        audio_id: str,
        *,
        version_id: str | None = None,
        name: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Add an existing clip to a project as a new track. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            name: Track name. (≤ 100).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("add_track", locals())

    def generate_track(
        self,
        id: str,
        source_audio_id: str,
        render_audio_id: str,
        stem_control_tags: str,
        *,
        version_id: str | None = None,
        start_seconds: float | None = None,
        end_seconds: float | None = None,
        batch_size: int | None = None,
        fixed: bool | None = None,
        model: ModelName | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Generate new track candidates for a range of the project. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            source_audio_id: The clip the operation starts from. (text). Required.
            render_audio_id: A finished render of the project. (text). Required.
            stem_control_tags: What the new track is, e.g. 'bass, warm'. (text). Required.
            start_seconds: Start, seconds of the source audio. (a number of at least 0).
            end_seconds: End, seconds of the source audio. (a number of at least 0).
            batch_size: How many candidates. (an integer from 1 to 4).
            fixed: Keep the range fixed (then shorter than 26 s). (True or False).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("generate_track", locals())

    def replace_project_section(
        self,
        id: str,
        source_audio_id: str,
        start_seconds: float,
        end_seconds: float,
        *,
        version_id: str | None = None,
        model: ModelName | None = None,
        replacement_lyrics: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Two candidates that replace a range of a project's clip. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            source_audio_id: The clip the operation starts from. (text). Required.
            start_seconds: Start, seconds of the source audio. (a number of at least 0). Required.
            end_seconds: End, seconds of the source audio. (a number of at least 0). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            replacement_lyrics: The new lyrics of the range. (text).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("replace_project_section", locals())

    def commit_candidate(
        self,
        id: str,
        operation_id: str,
        candidate_id: str,
        *,
        version_id: str | None = None,
        track_id: str | None = None,
        start_beats: float | None = None,
        end_beats: float | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Commit a chosen candidate into the project (needs the version it was made on). (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            operation_id: The generate_track or replace_section operation. (text). Required.
            candidate_id: The chosen candidate. (text). Required.
            track_id: A track of the project. (text).
            start_beats: Start on the project timeline, in beats. (a number of at least 0).
            end_beats: End on the project timeline, in beats. (a number of at least 0).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("commit_candidate", locals())

    def remove_track(
        self,
        id: str,
        track_id: str,
        *,
        version_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Delete a track from a project. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            track_id: A track of the project. (text). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("remove_track", locals())

    def render_project(
        self,
        id: str,
        *,
        version_id: str | None = None,
        title: str | None = None,
        lyrics: str | None = None,
        start_beats: float | None = None,
        end_beats: float | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Export a saved version of the project as one song. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            title: Song title. (≤ 200).
            lyrics: Lyrics of the export, e.g. '[Instrumental]'. (text).
            start_beats: Start on the project timeline, in beats. (a number of at least 0).
            end_beats: End on the project timeline, in beats. (a number of at least 0).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return self._endpoint("render_project", locals())

    def list_tasks(
        self,
        *,
        created_at_min: float | None = None,
        created_at_max: float | None = None,
        offset: int | None = None,
        limit: int | None = None,
        type: str | None = None,
        user_id: str | None = None,
        application_id: str | None = None,
    ) -> TaskList:
        """List the account's recent tasks, newest first, each with the request it was sent with (``retrieve_batch`` without ids, as the provider's SDK and web app send it). (`POST /suno/tasks`)

        Args:
            created_at_min: Only tasks created at or after this Unix time (seconds). (a number of at least 0).
            created_at_max: Only tasks created at or before this Unix time (seconds). (a number of at least 0).
            offset: Skip this many tasks. (an integer of at least 0).
            limit: Page size. (an integer of at least 1).
            type: Which endpoint's tasks: 'audios', 'lyrics', 'mp4' … (the path's last part). (text).
            user_id: Only this user's tasks. (text).
            application_id: Only this application's tasks. (text).

        Returns:
            A `TaskList`.
        """
        return self._endpoint("list_tasks", locals())


class _AsyncEndpoints:
    """Every action and endpoint as a typed async method."""

    async def generate(
        self,
        prompt: str | None = None,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        lyric_prompt: str | None = None,
        variation_category: VariationCategory | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Variety | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Make two new songs from a prompt (prompt mode) or from lyrics and a style (custom mode). Returns 2 clip(s).

        Rules:
            - Prompt mode needs a prompt; custom mode needs lyrics unless instrumental or lyric_prompt.

        Args:
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            lyric_prompt: Let the service write the lyrics from this brief (custom mode with an empty lyric). (≤ 500).
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            duration: Target length in seconds (a hint; the clip's real length is in its duration). (an integer from 10 to 360).
            persona_id: A singer persona from persona() or voices(). (text).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            max_mode: Highest-quality mode on newer deployments. (True or False).
            variety: How varied the results are (newer deployments). (one of 'off', 'normal', 'high', 'extra', 'max').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.generate(prompt='a calm lofi song about a night bus')
            ```
        """
        return await self._action("generate", locals())

    async def extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        variation_category: VariationCategory | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Continue a clip from `continue_at` seconds with new lyrics. Returns 2 clip(s).

        Rules:
            - extend and upload_extend need the lyrics of the new part unless instrumental.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            continue_at: Where extend continues, in seconds from the start. (a number greater than 0). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            duration: Target length in seconds (a hint; the clip's real length is in its duration). (an integer from 10 to 360).
            persona_id: A singer persona from persona() or voices(). (text).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')
            ```
        """
        return await self._action("extend", locals())

    async def upload_extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Continue an uploaded track from `continue_at` seconds. Returns 2 clip(s).

        Rules:
            - extend and upload_extend need the lyrics of the new part unless instrumental.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            continue_at: Where extend continues, in seconds from the start. (a number greater than 0). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.upload_extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')
            ```
        """
        return await self._action("upload_extend", locals())

    async def concat(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Stitch an extend chain into one full song (give the last segment). Returns 1, with concat_history clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.concat(audio_id='3f9b0c1e')
            ```
        """
        return await self._action("concat", locals())

    async def cover(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        variation_category: VariationCategory | None = None,
        persona_id: str | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Re-perform a clip in a new style, keeping its melody and words. Returns 2 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            persona_id: A singer persona from persona() or voices(). (text).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.cover(audio_id='3f9b0c1e')
            ```
        """
        return await self._action("cover", locals())

    async def upload_cover(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Cover an uploaded track in a new style. Returns 2 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.upload_cover(audio_id='3f9b0c1e')
            ```
        """
        return await self._action("upload_cover", locals())

    async def artist_consistency(
        self,
        persona_id: str,
        *,
        audio_id: str | None = None,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """A new song sung by a saved persona's voice. Returns 2 clip(s).

        Args:
            persona_id: A singer persona from persona() or voices(). (text). Required.
            audio_id: The source clip: a clip id, or an audio_id from upload. (text).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.artist_consistency(persona_id='...')
            ```
        """
        return await self._action("artist_consistency", locals())

    async def artist_consistency_vox(
        self,
        persona_id: str,
        audio_id: str,
        *,
        model: ModelName | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: VocalGender | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """A new song sung by a vox persona over a source clip. Returns 2 clip(s).

        Args:
            persona_id: A singer persona from persona() or voices(). (text). Required.
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            instrumental: No vocals; any lyric is ignored. (True or False).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.artist_consistency_vox(persona_id='...', audio_id='3f9b0c1e')
            ```
        """
        return await self._action("artist_consistency_vox", locals())

    async def stems(
        self,
        audio_id: str,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Split a clip into vocals and instrumental. Returns 2: "<title> - Vocals", "<title> - Instrumental" clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.stems(audio_id='3f9b0c1e')
            ```
        """
        return await self._action("stems", locals())

    async def all_stems(
        self,
        audio_id: str,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Split a clip into 12 stems (two sets). Returns 24: "<title> (Vocals)", "<title> (Backing Vocals)" … 12 stems (Vocals, Backing Vocals, Drums, Bass, Guitar, Keyboard, Percussion, Strings, Synth, FX, Brass, Woodwinds) × 2 sets clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.all_stems(audio_id='3f9b0c1e')
            ```
        """
        return await self._action("all_stems", locals())

    async def replace_section(
        self,
        audio_id: str,
        replace_section_start: float,
        replace_section_end: float,
        *,
        lyric: str | None = None,
        prompt: str | None = None,
        style: str | None = None,
        title: str | None = None,
        model: ModelName | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        replace_section_result_mode: ReplaceSectionResultMode | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Rewrite one time window of a clip; the rest stays. Returns 2 clip(s).

        Rules:
            - replace_section_start < replace_section_end.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            replace_section_start: Start of the replaced window, seconds. (a number of at least 0). Required.
            replace_section_end: End of the replaced window, seconds. (a number of at least 0). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            instrumental: No vocals; any lyric is ignored. (True or False).
            replace_section_result_mode: Two stitched songs or two raw segments. (one of 'full_song', 'candidates').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.replace_section(audio_id='3f9b0c1e', replace_section_start=10.0, replace_section_end=20.0)
            ```
        """
        return await self._action("replace_section", locals())

    async def underpainting(
        self,
        audio_id: str,
        underpainting_end: float,
        *,
        underpainting_start: float | None = None,
        style: str | None = None,
        title: str | None = None,
        negative_tags: str | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Add AI accompaniment under an uploaded vocal track. Returns 2 clip(s).

        Rules:
            - underpainting_start < underpainting_end.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            underpainting_end: Where AI accompaniment ends, seconds. (a number of at least 0). Required.
            underpainting_start: Where AI accompaniment starts, seconds. (a number of at least 0).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.underpainting(audio_id='3f9b0c1e', underpainting_end=20.0)
            ```
        """
        return await self._action("underpainting", locals())

    async def overpainting(
        self,
        audio_id: str,
        overpainting_end: float,
        lyric: str,
        *,
        overpainting_start: float | None = None,
        custom: bool | None = None,
        style: str | None = None,
        title: str | None = None,
        vocal_gender: VocalGender | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Add AI vocals singing your lyric over an uploaded accompaniment. Returns 2 clip(s).

        Rules:
            - overpainting_start < overpainting_end.
            - overpainting sings lyrics over the accompaniment: custom mode with a lyric.
            - sends custom=True (the action needs it)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            overpainting_end: Where AI vocals end, seconds. (a number of at least 0). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini). Required.
            overpainting_start: Where AI vocals start, seconds. (a number of at least 0).
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            vocal_gender: Voice preference: 'm' or 'f'. (one of 'm', 'f'). Needs chirp-v4-5+.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.overpainting(audio_id='3f9b0c1e', overpainting_end=20.0, lyric='[Verse]\\nCity lights are fading\\n[Chorus]\\nRide the night bus home')
            ```
        """
        return await self._action("overpainting", locals())

    async def samples(
        self,
        audio_id: str,
        samples_start: float,
        samples_end: float,
        *,
        lyric: str | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        style: str | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Add AI samples inside a window of a clip. Returns 2 clip(s).

        Rules:
            - samples_start < samples_end.

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            samples_start: Where AI samples start, seconds. (a number of at least 0). Required.
            samples_end: Where AI samples end, seconds. (a number of at least 0). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            instrumental: No vocals; any lyric is ignored. (True or False).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.samples(audio_id='3f9b0c1e', samples_start=10.0, samples_end=20.0)
            ```
        """
        return await self._action("samples", locals())

    async def remaster(
        self,
        audio_id: str,
        *,
        model: ModelName | None = None,
        variation_category: VariationCategory | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Improve loudness and clarity of a clip. Returns 2, title suffix " (Remastered)" clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.remaster(audio_id='3f9b0c1e', model='chirp-v4-5')
            ```
        """
        return await self._action("remaster", locals())

    async def mashup(
        self,
        mashup_audio_ids: list[str],
        *,
        lyric: str | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        title: str | None = None,
        style: str | None = None,
        model: ModelName | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Combine two songs, tempos aligned. Returns 2 clip(s).

        Args:
            mashup_audio_ids: The two clip ids to mash up. (a list of exactly 2 clip ids). Required.
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            custom: True: you give lyrics, style and title. False: a prompt describes the song. (True or False).
            instrumental: No vocals; any lyric is ignored. (True or False).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.mashup(mashup_audio_ids=['3f9b0c1e', 'a06d22f1'])
            ```
        """
        return await self._action("mashup", locals())

    async def inspo(
        self,
        audio_urls: list[str],
        *,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        model: ModelName | None = None,
        audio_weight: float | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """A new song inspired by 1–4 reference recordings. Returns 2 clip(s).

        Args:
            audio_urls: Reference audio for inspo: 1 to 4 public http(s) URLs. (a list of 1 to 4 http(s) URLs). Required.
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.inspo(audio_urls=['https://example.com/ref.mp3'])
            ```
        """
        return await self._action("inspo", locals())

    async def add_stem(
        self,
        audio_id: str,
        stem_type: StemType,
        *,
        model: ModelName | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Variety | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Add a new stem (e.g. drums) to a clip. Returns 2 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            stem_type: Which stem to add or extract. (one of 'vocals', 'backing_vocals', 'drums', 'bass', 'guitar', 'keyboard', 'percussion', 'strings', 'synth', 'fx', 'brass', 'woodwinds'). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            negative_tags: Styles or elements to avoid (e.g. 'drums, guitar'). (text).
            weirdness: 0 = conventional, 1 = experimental. (a number from 0 to 1).
            style_influence: 0 = loose, 1 = follow the style tags closely. (a number from 0 to 1).
            audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
            max_mode: Highest-quality mode on newer deployments. (True or False).
            variety: How varied the results are (newer deployments). (one of 'off', 'normal', 'high', 'extra', 'max').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.add_stem(audio_id='3f9b0c1e', stem_type='drums')
            ```
        """
        return await self._action("add_stem", locals())

    async def extract_stem(
        self,
        audio_id: str,
        stem_type: StemType,
        *,
        audio_format: AudioFormat | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Isolate one stem of a clip, and the clip without it. Returns 4: "<title> (Bass)" and "<title> (Without Bass)", two sets, paired in stem_sets clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            stem_type: Which stem to add or extract. (one of 'vocals', 'backing_vocals', 'drums', 'bass', 'guitar', 'keyboard', 'percussion', 'strings', 'synth', 'fx', 'brass', 'woodwinds'). Required.
            audio_format: Format of extracted stems. (one of 'mp3').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.extract_stem(audio_id='3f9b0c1e', stem_type='drums')
            ```
        """
        return await self._action("extract_stem", locals())

    async def sounds(
        self,
        sound: str,
        sound_type: SoundType,
        *,
        model: ModelName | None = None,
        bpm: int | None = None,
        key: str | None = None,
        audio_format: AudioFormat | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Make a sound effect, one-shot or loop. Returns 2 clip(s).

        Args:
            sound: Describe the sound to make. (≤ 500). Required.
            sound_type: A single hit or a loop. (one of 'one-shot', 'loop'). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            bpm: Tempo in beats per minute. (an integer from 1 to 300).
            key: Musical key, e.g. 'C minor'. (≤ 20).
            audio_format: Format of extracted stems. (one of 'mp3').
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.sounds(sound='dusty vinyl kick', sound_type='loop')
            ```
        """
        return await self._action("sounds", locals())

    async def adjust_speed(
        self,
        audio_id: str,
        speed_multiplier: float,
        title: str,
        *,
        keep_pitch: bool | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncTask:
        """Change a clip's speed, optionally keeping its pitch. Returns 1 clip(s).

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            speed_multiplier: Playback speed factor. (a number from 0.25 to 4). Required.
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini). Required.
            keep_pitch: Keep the pitch while changing speed. (True or False).
            **options: Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, `on_progress`, `extra`, `max_retries`.

        Returns:
            The `AsyncTask`, finished unless `wait=False` (then `.wait()` finishes it).

        Examples:
            ```python
            task = await client.adjust_speed(audio_id='3f9b0c1e', speed_multiplier=1.25, title='Night Bus')
            ```
        """
        return await self._action("adjust_speed", locals())

    async def lyrics(
        self,
        prompt: str,
        *,
        model: LyricsModel | None = None,
    ) -> LyricsResult:
        """Write lyrics from a short brief. (`POST /suno/lyrics`)

        Args:
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.
            model: Lyrics model. (one of 'default', 'remi-v1').

        Returns:
            A `LyricsResult`.
        """
        return await self._endpoint("lyrics", locals())

    async def mashup_lyrics(
        self,
        lyrics_a: str,
        lyrics_b: str,
    ) -> LyricsResult:
        """Merge two lyrics into one for a mashup. (`POST /suno/mashup-lyrics`)

        Args:
            lyrics_a: First song's lyrics. (text). Required.
            lyrics_b: Second song's lyrics. (text). Required.

        Returns:
            A `LyricsResult`.
        """
        return await self._endpoint("mashup_lyrics", locals())

    async def style(
        self,
        prompt: str,
    ) -> StyleResult:
        """Turn a short style into a richer style string. (`POST /suno/style`)

        Args:
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.

        Returns:
            A `StyleResult`.
        """
        return await self._endpoint("style", locals())

    async def create_persona(
        self,
        audio_id: str,
        name: str,
        *,
        description: str | None = None,
        vox_audio_id: str | None = None,
        vocal_start: float | None = None,
        vocal_end: float | None = None,
    ) -> PersonaResult:
        """Save a clip's singer as a persona. (`POST /suno/persona`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            name: Persona name. (≤ 100). Required.
            description: What the voice is like. (text).
            vox_audio_id: A vox id from vox() for a vox persona. (text).
            vocal_start: Start of the vocal part to use, seconds. (a number of at least 0).
            vocal_end: End of the vocal part to use, seconds. (a number of at least 0).

        Returns:
            A `PersonaResult`.
        """
        return await self._endpoint("create_persona", locals())

    async def personas(
        self,
        user_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PersonaList:
        """List saved personas. (`GET /suno/persona`)

        Args:
            user_id: Whose personas (the service needs it to list). (text). Required.
            limit: Page size. (an integer from 1 to 100).
            offset: Page start. (an integer of at least 0).

        Returns:
            A `PersonaList`.
        """
        return await self._endpoint("personas", locals())

    async def delete_persona(
        self,
        persona_id: str,
        *,
        user_id: str | None = None,
    ) -> DeleteResult:
        """Delete a persona. (`DELETE /suno/persona`)

        Args:
            persona_id: The persona to delete. (text). Required.
            user_id: The owner (the service scopes deletes to them). (text).

        Returns:
            A `DeleteResult`.
        """
        return await self._endpoint("delete_persona", locals())

    async def voices(
        self,
        audio_url: str,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> VoiceResult:
        """Make a persona from 10–240 s of one clean voice. (`POST /suno/voices`)

        Args:
            audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
            name: Voice name. (≤ 100).
            description: What the voice is like. (text).

        Returns:
            A `VoiceResult`.
        """
        return await self._endpoint("voices", locals())

    async def vox(
        self,
        audio_id: str,
        vocal_start: float,
        vocal_end: float,
    ) -> VoxResult:
        """Isolate the vocal of a clip for a vox persona. (`POST /suno/vox`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            vocal_start: Start of the vocal part to use, seconds. (a number of at least 0). Required.
            vocal_end: End of the vocal part to use, seconds. (a number of at least 0). Required.

        Returns:
            A `VoxResult`.
        """
        return await self._endpoint("vox", locals())

    async def upload(
        self,
        audio_url: str,
        *,
        mode: Mode | None = None,
        name: str | None = None,
    ) -> UploadResult:
        """Upload audio from a public URL; returns an audio_id. mode='enhanced' (with a name, an https URL) handles audio the standard mode cannot, asynchronously. (`POST /suno/upload`)

        Args:
            audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
            mode: standard (0.06 credits) or enhanced (1.87 credits, always asynchronous). (one of 'standard', 'enhanced').
            name: Name of the upload (needed in enhanced mode). (≤ 100).

        Returns:
            A `UploadResult`.
        """
        return await self._endpoint("upload", locals())

    async def mp4(
        self,
        audio_id: str,
    ) -> VideoResult:
        """Render a music video of a clip. (`POST /suno/mp4`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `VideoResult`.
        """
        return await self._endpoint("mp4", locals())

    async def wav(
        self,
        audio_id: str,
    ) -> WavResult:
        """Get a lossless WAV of a clip. (`POST /suno/wav`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `WavResult`.
        """
        return await self._endpoint("wav", locals())

    async def midi(
        self,
        audio_id: str,
    ) -> MidiResult:
        """Get the notes of a clip as MIDI-like data. (`POST /suno/midi`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `MidiResult`.
        """
        return await self._endpoint("midi", locals())

    async def timing(
        self,
        audio_id: str,
    ) -> TimingResult:
        """Get word timings of a clip's lyrics. (`POST /suno/timing`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `TimingResult`.
        """
        return await self._endpoint("timing", locals())

    async def mp3(
        self,
        audio_id: str,
    ) -> Mp3Result:
        """Get a fresh playable .mp3 URL of a clip (a new task; the clip is unchanged). (`POST /suno/mp3`)

        Args:
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.

        Returns:
            A `Mp3Result`.
        """
        return await self._endpoint("mp3", locals())

    async def create_custom_model(
        self,
        name: str,
        audio_urls: list[str],
        *,
        idempotency_key: str | None = None,
    ) -> CustomModelResult:
        """Train a reusable music model on 6–24 audio files you own (10 credits when it is ready). (`POST /suno/custom-models`)

        Args:
            name: Model name. (≤ 100). Required.
            audio_urls: 6 to 24 public http(s) URLs of stylistically consistent songs. (a list of 6 to 24 http(s) URLs). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `CustomModelResult`.
        """
        return await self._endpoint("create_custom_model", locals())

    async def custom_model(
        self,
        id: str,
    ) -> CustomModelResult:
        """One custom model and its status. (`POST /suno/custom-models`)

        Args:
            id: The object's id. (text). Required.

        Returns:
            A `CustomModelResult`.
        """
        return await self._endpoint("custom_model", locals())

    async def custom_models(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        status: Status | None = None,
    ) -> CustomModelList:
        """The application's custom models, one page. (`POST /suno/custom-models`)

        Args:
            limit: Page size. (an integer from 1 to 100).
            offset: Page start. (an integer of at least 0).
            status: Only models in this state. (one of 'queued', 'uploading', 'training', 'ready', 'failed', 'archived').

        Returns:
            A `CustomModelList`.
        """
        return await self._endpoint("custom_models", locals())

    async def generate_with_custom_model(
        self,
        id: str,
        *,
        title: str | None = None,
        lyric: str | None = None,
        style: str | None = None,
        prompt: str | None = None,
        instrumental: bool | None = None,
        idempotency_key: str | None = None,
    ) -> CustomModelSongs:
        """A song from a ready custom model (0.90 credits). (`POST /suno/custom-models`)

        Args:
            id: The object's id. (text). Required.
            title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            lyric: Lyrics for custom mode, one line per line, with section tags such as [Verse] and [Chorus]. (≤ 3000 on v3, v3.5, v4; ≤ 5000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
            prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
            instrumental: No vocals; any lyric is ignored. (True or False).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `CustomModelSongs`.
        """
        return await self._endpoint("generate_with_custom_model", locals())

    async def delete_custom_model(
        self,
        id: str,
        *,
        idempotency_key: str | None = None,
    ) -> CustomModelResult:
        """Archive a custom model (free; repeating it is harmless). (`POST /suno/custom-models`)

        Args:
            id: The object's id. (text). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `CustomModelResult`.
        """
        return await self._endpoint("delete_custom_model", locals())

    async def create_project(
        self,
        *,
        title: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Create an empty Studio project. (`POST /suno/projects`)

        Args:
            title: Project title. (≤ 200).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("create_project", locals())

    async def project(
        self,
        id: str,
    ) -> ProjectResult:
        """A project with its full editable state. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("project", locals())

    async def save_project(
        self,
        id: str,
        state: dict[str, Any],
        *,
        version_id: str | None = None,
        title: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Save a project's whole state (optimistic concurrency on version_id). (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            title: Project title. (≤ 200).
            state: The whole state: {'tracks': [...], 'timing': {'bps': 2}}. (a JSON object (a dict)). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("save_project", locals())

    async def upload_to_project(
        self,
        id: str,
        audio_url: str,
        *,
        version_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Bring audio from an https URL into a project. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("upload_to_project", locals())

    async def add_track(
        self,
        id: str,
        audio_id: str,
        *,
        version_id: str | None = None,
        name: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Add an existing clip to a project as a new track. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
            name: Track name. (≤ 100).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("add_track", locals())

    async def generate_track(
        self,
        id: str,
        source_audio_id: str,
        render_audio_id: str,
        stem_control_tags: str,
        *,
        version_id: str | None = None,
        start_seconds: float | None = None,
        end_seconds: float | None = None,
        batch_size: int | None = None,
        fixed: bool | None = None,
        model: ModelName | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Generate new track candidates for a range of the project. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            source_audio_id: The clip the operation starts from. (text). Required.
            render_audio_id: A finished render of the project. (text). Required.
            stem_control_tags: What the new track is, e.g. 'bass, warm'. (text). Required.
            start_seconds: Start, seconds of the source audio. (a number of at least 0).
            end_seconds: End, seconds of the source audio. (a number of at least 0).
            batch_size: How many candidates. (an integer from 1 to 4).
            fixed: Keep the range fixed (then shorter than 26 s). (True or False).
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("generate_track", locals())

    async def replace_project_section(
        self,
        id: str,
        source_audio_id: str,
        start_seconds: float,
        end_seconds: float,
        *,
        version_id: str | None = None,
        model: ModelName | None = None,
        replacement_lyrics: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Two candidates that replace a range of a project's clip. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            source_audio_id: The clip the operation starts from. (text). Required.
            start_seconds: Start, seconds of the source audio. (a number of at least 0). Required.
            end_seconds: End, seconds of the source audio. (a number of at least 0). Required.
            model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
            replacement_lyrics: The new lyrics of the range. (text).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("replace_project_section", locals())

    async def commit_candidate(
        self,
        id: str,
        operation_id: str,
        candidate_id: str,
        *,
        version_id: str | None = None,
        track_id: str | None = None,
        start_beats: float | None = None,
        end_beats: float | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Commit a chosen candidate into the project (needs the version it was made on). (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            operation_id: The generate_track or replace_section operation. (text). Required.
            candidate_id: The chosen candidate. (text). Required.
            track_id: A track of the project. (text).
            start_beats: Start on the project timeline, in beats. (a number of at least 0).
            end_beats: End on the project timeline, in beats. (a number of at least 0).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("commit_candidate", locals())

    async def remove_track(
        self,
        id: str,
        track_id: str,
        *,
        version_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Delete a track from a project. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            track_id: A track of the project. (text). Required.
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("remove_track", locals())

    async def render_project(
        self,
        id: str,
        *,
        version_id: str | None = None,
        title: str | None = None,
        lyrics: str | None = None,
        start_beats: float | None = None,
        end_beats: float | None = None,
        idempotency_key: str | None = None,
    ) -> ProjectResult:
        """Export a saved version of the project as one song. (`POST /suno/projects`)

        Args:
            id: The object's id. (text). Required.
            version_id: The project version you edit; a stale one is a 409 conflict (retrieve, merge, retry). (text).
            title: Song title. (≤ 200).
            lyrics: Lyrics of the export, e.g. '[Instrumental]'. (text).
            start_beats: Start on the project timeline, in beats. (a number of at least 0).
            end_beats: End on the project timeline, in beats. (a number of at least 0).
            idempotency_key: Makes a retry safe: the same key and request return the first answer. The client fills it in (a fresh UUID) when you give none. (≤ 200).

        Returns:
            A `ProjectResult`.
        """
        return await self._endpoint("render_project", locals())

    async def list_tasks(
        self,
        *,
        created_at_min: float | None = None,
        created_at_max: float | None = None,
        offset: int | None = None,
        limit: int | None = None,
        type: str | None = None,
        user_id: str | None = None,
        application_id: str | None = None,
    ) -> TaskList:
        """List the account's recent tasks, newest first, each with the request it was sent with (``retrieve_batch`` without ids, as the provider's SDK and web app send it). (`POST /suno/tasks`)

        Args:
            created_at_min: Only tasks created at or after this Unix time (seconds). (a number of at least 0).
            created_at_max: Only tasks created at or before this Unix time (seconds). (a number of at least 0).
            offset: Skip this many tasks. (an integer of at least 0).
            limit: Page size. (an integer of at least 1).
            type: Which endpoint's tasks: 'audios', 'lyrics', 'mp4' … (the path's last part). (text).
            user_id: Only this user's tasks. (text).
            application_id: Only this application's tasks. (text).

        Returns:
            A `TaskList`.
        """
        return await self._endpoint("list_tasks", locals())
