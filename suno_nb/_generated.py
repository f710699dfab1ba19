"""Client methods generated from suno_nb.schema by suno_nb._codegen. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from suno_nb.models import (
        DeleteResult,
        LyricsResult,
        MidiResult,
        PersonaList,
        PersonaResult,
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


class _SyncEndpoints:
    """Every action and endpoint as a typed sync method."""

    def generate(
        self,
        prompt: str | None = None,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        lyric_prompt: str | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Literal["off", "normal", "high", "extra", "max"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.generate(prompt='a calm lofi song about a night bus')  # doctest: +SKIP
        """
        return self._action("generate", locals())

    def extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')  # doctest: +SKIP
        """
        return self._action("extend", locals())

    def upload_extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.upload_extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')  # doctest: +SKIP
        """
        return self._action("upload_extend", locals())

    def concat(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Stitch an extend chain into one full song (give the last segment). Returns 1, with concat_history clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.concat(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return self._action("concat", locals())

    def cover(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        persona_id: str | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.cover(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return self._action("cover", locals())

    def upload_cover(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.upload_cover(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return self._action("upload_cover", locals())

    def artist_consistency(
        self,
        persona_id: str,
        *,
        audio_id: str | None = None,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.artist_consistency(persona_id='...')  # doctest: +SKIP
        """
        return self._action("artist_consistency", locals())

    def artist_consistency_vox(
        self,
        persona_id: str,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.artist_consistency_vox(persona_id='...', audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return self._action("artist_consistency_vox", locals())

    def stems(
        self,
        audio_id: str,
        *,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Split a clip into vocals and instrumental. Returns 2: "<title> - Vocals", "<title> - Instrumental" clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.stems(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return self._action("stems", locals())

    def all_stems(
        self,
        audio_id: str,
        *,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Split a clip into 12 stems (two sets). Returns 24: 12 stems (Vocals, Backing Vocals, Drums, Bass, Guitar, Keyboard, Percussion, Strings, Synth, FX, Brass, Woodwinds) × 2 sets clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.all_stems(audio_id='3f9b0c1e')  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        replace_section_result_mode: Literal["full_song", "candidates"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.replace_section(audio_id='3f9b0c1e', replace_section_start=10.0, replace_section_end=20.0)  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.underpainting(audio_id='3f9b0c1e', underpainting_end=20.0)  # doctest: +SKIP
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
        vocal_gender: Literal["m", "f"] | None = None,
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.overpainting(audio_id='3f9b0c1e', overpainting_end=20.0, lyric='[Verse]\\nCity lights are fading\\n[Chorus]\\nRide the night bus home')  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = client.samples(audio_id='3f9b0c1e', samples_start=10.0, samples_end=20.0)  # doctest: +SKIP
        """
        return self._action("samples", locals())

    def remaster(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Improve loudness and clarity of a clip. Returns 2, title suffix " (Remastered)" clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.remaster(audio_id='3f9b0c1e', model='chirp-v4-5')  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.mashup(mashup_audio_ids=['3f9b0c1e', 'a06d22f1'])  # doctest: +SKIP
        """
        return self._action("mashup", locals())

    def inspo(
        self,
        audio_urls: list[str],
        *,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        model: Literal[
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
        | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """A new song inspired by 1–4 reference recordings. Returns 2 clip(s).

        Args:
        audio_urls: Reference audio for inspo: 1 to 4 public http(s) URLs. (a list of 1 to 4 http(s) URLs). Required.
        prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
        title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
        style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.inspo(audio_urls=['https://example.com/ref.mp3'])  # doctest: +SKIP
        """
        return self._action("inspo", locals())

    def add_stem(
        self,
        audio_id: str,
        stem_type: Literal[
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
        ],
        *,
        model: Literal[
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
        | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Literal["off", "normal", "high", "extra", "max"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.add_stem(audio_id='3f9b0c1e', stem_type='drums')  # doctest: +SKIP
        """
        return self._action("add_stem", locals())

    def extract_stem(
        self,
        audio_id: str,
        stem_type: Literal[
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
        ],
        *,
        audio_format: Literal["mp3"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Isolate one stem of a clip, and the clip without it. Returns 4: isolated and "without", two sets clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        stem_type: Which stem to add or extract. (one of 'vocals', 'backing_vocals', 'drums', 'bass', 'guitar', 'keyboard', 'percussion', 'strings', 'synth', 'fx', 'brass', 'woodwinds'). Required.
        audio_format: Format of extracted stems. (one of 'mp3').
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.extract_stem(audio_id='3f9b0c1e', stem_type='drums')  # doctest: +SKIP
        """
        return self._action("extract_stem", locals())

    def sounds(
        self,
        sound: str,
        sound_type: Literal["one-shot", "loop"],
        *,
        model: Literal[
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
        | None = None,
        bpm: int | None = None,
        key: str | None = None,
        audio_format: Literal["mp3"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Make a sound effect, one-shot or loop. Returns 2 clip(s).

        Args:
        sound: Describe the sound to make. (≤ 500). Required.
        sound_type: A single hit or a loop. (one of 'one-shot', 'loop'). Required.
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        bpm: Tempo in beats per minute. (an integer from 1 to 300).
        key: Musical key, e.g. 'C minor'. (≤ 20).
        audio_format: Format of extracted stems. (one of 'mp3').
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.sounds(sound='dusty vinyl kick', sound_type='loop')  # doctest: +SKIP
        """
        return self._action("sounds", locals())

    def adjust_speed(
        self,
        audio_id: str,
        speed_multiplier: float,
        title: str,
        *,
        keep_pitch: bool | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> Task:
        """Change a clip's speed, optionally keeping its pitch. Returns 1 clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        speed_multiplier: Playback speed factor. (a number from 0.25 to 4). Required.
        title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini). Required.
        keep_pitch: Keep the pitch while changing speed. (True or False).
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = client.adjust_speed(audio_id='3f9b0c1e', speed_multiplier=1.25, title='Night Bus')  # doctest: +SKIP
        """
        return self._action("adjust_speed", locals())

    def lyrics(
        self,
        prompt: str,
        *,
        model: Literal["default", "remi-v1"] | str | None = None,
    ) -> LyricsResult:
        """Write lyrics from a short brief. (``POST /suno/lyrics``)

        Args:
        prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.
        model: Lyrics model. (one of 'default', 'remi-v1').
        """
        return self._endpoint("lyrics", locals())

    def mashup_lyrics(
        self,
        lyrics_a: str,
        lyrics_b: str,
    ) -> LyricsResult:
        """Merge two lyrics into one for a mashup. (``POST /suno/mashup-lyrics``)

        Args:
        lyrics_a: First song's lyrics. (text). Required.
        lyrics_b: Second song's lyrics. (text). Required.
        """
        return self._endpoint("mashup_lyrics", locals())

    def style(
        self,
        prompt: str,
    ) -> StyleResult:
        """Turn a short style into a richer style string. (``POST /suno/style``)

        Args:
        prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.
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
        """Save a clip's singer as a persona. (``POST /suno/persona``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        name: Persona name. (≤ 100). Required.
        description: What the voice is like. (text).
        vox_audio_id: A vox id from vox() for a vox persona. (text).
        vocal_start: Start of the vocal part to use, seconds. (a number of at least 0).
        vocal_end: End of the vocal part to use, seconds. (a number of at least 0).
        """
        return self._endpoint("create_persona", locals())

    def personas(
        self,
        *,
        user_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PersonaList:
        """List saved personas. (``GET /suno/persona``)

        Args:
        user_id: Whose personas. (text).
        limit: Page size. (an integer from 1 to 100).
        offset: Page start. (an integer of at least 0).
        """
        return self._endpoint("personas", locals())

    def delete_persona(
        self,
        persona_id: str,
    ) -> DeleteResult:
        """Delete a persona. (``DELETE /suno/persona``)

        Args:
        persona_id: The persona to delete. (text). Required.
        """
        return self._endpoint("delete_persona", locals())

    def voices(
        self,
        audio_url: str,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> VoiceResult:
        """Make a persona from 10–240 s of one clean voice. (``POST /suno/voices``)

        Args:
        audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
        name: Voice name. (≤ 100).
        description: What the voice is like. (text).
        """
        return self._endpoint("voices", locals())

    def vox(
        self,
        audio_id: str,
        *,
        vocal_start: float | None = None,
        vocal_end: float | None = None,
    ) -> VoxResult:
        """Isolate the vocal of a clip for a vox persona. (``POST /suno/vox``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        vocal_start: Start of the vocal part to use, seconds. (a number of at least 0).
        vocal_end: End of the vocal part to use, seconds. (a number of at least 0).
        """
        return self._endpoint("vox", locals())

    def upload(
        self,
        audio_url: str,
    ) -> UploadResult:
        """Upload audio from a public URL; returns an audio_id. (``POST /suno/upload``)

        Args:
        audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
        """
        return self._endpoint("upload", locals())

    def mp4(
        self,
        audio_id: str,
    ) -> VideoResult:
        """Render a music video of a clip. (``POST /suno/mp4``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return self._endpoint("mp4", locals())

    def wav(
        self,
        audio_id: str,
    ) -> WavResult:
        """Get a lossless WAV of a clip. (``POST /suno/wav``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return self._endpoint("wav", locals())

    def midi(
        self,
        audio_id: str,
    ) -> MidiResult:
        """Get the notes of a clip as MIDI-like data. (``POST /suno/midi``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return self._endpoint("midi", locals())

    def timing(
        self,
        audio_id: str,
    ) -> TimingResult:
        """Get word timings of a clip's lyrics. (``POST /suno/timing``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return self._endpoint("timing", locals())

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
        """List the account's recent tasks, newest first, each with the request it was sent with (``retrieve_batch`` without ids, as the provider's SDK and web app send it). (``POST /suno/tasks``)

        Args:
        created_at_min: Only tasks created at or after this Unix time (seconds). (a number of at least 0).
        created_at_max: Only tasks created at or before this Unix time (seconds). (a number of at least 0).
        offset: Skip this many tasks. (an integer of at least 0).
        limit: Page size. (an integer of at least 1).
        type: Which endpoint's tasks: 'audios', 'lyrics', 'mp4' … (the path's last part). (text).
        user_id: Only this user's tasks. (text).
        application_id: Only this application's tasks. (text).
        """
        return self._endpoint("list_tasks", locals())


class _AsyncEndpoints:
    """Every action and endpoint as a typed async method."""

    async def generate(
        self,
        prompt: str | None = None,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        lyric_prompt: str | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Literal["off", "normal", "high", "extra", "max"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.generate(prompt='a calm lofi song about a night bus')  # doctest: +SKIP
        """
        return await self._action("generate", locals())

    async def extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        duration: int | None = None,
        persona_id: str | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')  # doctest: +SKIP
        """
        return await self._action("extend", locals())

    async def upload_extend(
        self,
        audio_id: str,
        continue_at: float,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.upload_extend(audio_id='3f9b0c1e', continue_at=30.0, lyric='[Verse]\\nand on we go')  # doctest: +SKIP
        """
        return await self._action("upload_extend", locals())

    async def concat(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Stitch an extend chain into one full song (give the last segment). Returns 1, with concat_history clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.concat(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return await self._action("concat", locals())

    async def cover(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        persona_id: str | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.cover(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return await self._action("cover", locals())

    async def upload_cover(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.upload_cover(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return await self._action("upload_cover", locals())

    async def artist_consistency(
        self,
        persona_id: str,
        *,
        audio_id: str | None = None,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.artist_consistency(persona_id='...')  # doctest: +SKIP
        """
        return await self._action("artist_consistency", locals())

    async def artist_consistency_vox(
        self,
        persona_id: str,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        lyric: str | None = None,
        instrumental: bool | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        vocal_gender: Literal["m", "f"] | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.artist_consistency_vox(persona_id='...', audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return await self._action("artist_consistency_vox", locals())

    async def stems(
        self,
        audio_id: str,
        *,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Split a clip into vocals and instrumental. Returns 2: "<title> - Vocals", "<title> - Instrumental" clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.stems(audio_id='3f9b0c1e')  # doctest: +SKIP
        """
        return await self._action("stems", locals())

    async def all_stems(
        self,
        audio_id: str,
        *,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Split a clip into 12 stems (two sets). Returns 24: 12 stems (Vocals, Backing Vocals, Drums, Bass, Guitar, Keyboard, Percussion, Strings, Synth, FX, Brass, Woodwinds) × 2 sets clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.all_stems(audio_id='3f9b0c1e')  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        custom: bool | None = None,
        instrumental: bool | None = None,
        replace_section_result_mode: Literal["full_song", "candidates"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.replace_section(audio_id='3f9b0c1e', replace_section_start=10.0, replace_section_end=20.0)  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.underpainting(audio_id='3f9b0c1e', underpainting_end=20.0)  # doctest: +SKIP
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
        vocal_gender: Literal["m", "f"] | None = None,
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.overpainting(audio_id='3f9b0c1e', overpainting_end=20.0, lyric='[Verse]\\nCity lights are fading\\n[Chorus]\\nRide the night bus home')  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
            callback_url: The service POSTs the final result there (see ``parse_callback``).
            wait: Wait for the result (default). ``False`` returns the task at once.
            until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
            timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
            on_progress: Called with a ``Progress`` at each state change.
            extra: Fields the schema does not know yet, sent as given.
            max_retries: Retries of the submission on 429 (never on ambiguous failures).

            Example:
                >>> task = await client.samples(audio_id='3f9b0c1e', samples_start=10.0, samples_end=20.0)  # doctest: +SKIP
        """
        return await self._action("samples", locals())

    async def remaster(
        self,
        audio_id: str,
        *,
        model: Literal[
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
        | None = None,
        variation_category: Literal["high", "normal", "subtle"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Improve loudness and clarity of a clip. Returns 2, title suffix " (Remastered)" clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        variation_category: How far the results may vary. (one of 'high', 'normal', 'subtle'). Needs chirp-v5+.
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.remaster(audio_id='3f9b0c1e', model='chirp-v4-5')  # doctest: +SKIP
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
        model: Literal[
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
        | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.mashup(mashup_audio_ids=['3f9b0c1e', 'a06d22f1'])  # doctest: +SKIP
        """
        return await self._action("mashup", locals())

    async def inspo(
        self,
        audio_urls: list[str],
        *,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        model: Literal[
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
        | None = None,
        audio_weight: float | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """A new song inspired by 1–4 reference recordings. Returns 2 clip(s).

        Args:
        audio_urls: Reference audio for inspo: 1 to 4 public http(s) URLs. (a list of 1 to 4 http(s) URLs). Required.
        prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500).
        title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
        style: Style tags: genres, moods, instruments, tempo. (≤ 200 on v3, v3.5, v4; ≤ 1000 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini).
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        audio_weight: How much the reference audio shapes the result. (a number from 0 to 1).
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.inspo(audio_urls=['https://example.com/ref.mp3'])  # doctest: +SKIP
        """
        return await self._action("inspo", locals())

    async def add_stem(
        self,
        audio_id: str,
        stem_type: Literal[
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
        ],
        *,
        model: Literal[
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
        | None = None,
        prompt: str | None = None,
        title: str | None = None,
        style: str | None = None,
        negative_tags: str | None = None,
        weirdness: float | None = None,
        style_influence: float | None = None,
        audio_weight: float | None = None,
        max_mode: bool | None = None,
        variety: Literal["off", "normal", "high", "extra", "max"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
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
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.add_stem(audio_id='3f9b0c1e', stem_type='drums')  # doctest: +SKIP
        """
        return await self._action("add_stem", locals())

    async def extract_stem(
        self,
        audio_id: str,
        stem_type: Literal[
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
        ],
        *,
        audio_format: Literal["mp3"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Isolate one stem of a clip, and the clip without it. Returns 4: isolated and "without", two sets clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        stem_type: Which stem to add or extract. (one of 'vocals', 'backing_vocals', 'drums', 'bass', 'guitar', 'keyboard', 'percussion', 'strings', 'synth', 'fx', 'brass', 'woodwinds'). Required.
        audio_format: Format of extracted stems. (one of 'mp3').
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.extract_stem(audio_id='3f9b0c1e', stem_type='drums')  # doctest: +SKIP
        """
        return await self._action("extract_stem", locals())

    async def sounds(
        self,
        sound: str,
        sound_type: Literal["one-shot", "loop"],
        *,
        model: Literal[
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
        | None = None,
        bpm: int | None = None,
        key: str | None = None,
        audio_format: Literal["mp3"] | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Make a sound effect, one-shot or loop. Returns 2 clip(s).

        Args:
        sound: Describe the sound to make. (≤ 500). Required.
        sound_type: A single hit or a loop. (one of 'one-shot', 'loop'). Required.
        model: Model version; the service uses chirp-v4 when none is given. (one of 'chirp-v3-0', 'chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-v4-5-plus', 'chirp-v5', 'chirp-v5-5', 'chirp-v6', 'chirp-v6-wild', 'chirp-v6-mini').
        bpm: Tempo in beats per minute. (an integer from 1 to 300).
        key: Musical key, e.g. 'C minor'. (≤ 20).
        audio_format: Format of extracted stems. (one of 'mp3').
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.sounds(sound='dusty vinyl kick', sound_type='loop')  # doctest: +SKIP
        """
        return await self._action("sounds", locals())

    async def adjust_speed(
        self,
        audio_id: str,
        speed_multiplier: float,
        title: str,
        *,
        keep_pitch: bool | None = None,
        callback_url: str | None = None,
        wait: bool = True,
        until: Literal["complete", "stream"] = "complete",
        timeout: float | None = None,
        on_progress: ProgressHook | None = None,
        extra: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
    ) -> AsyncTask:
        """Change a clip's speed, optionally keeping its pitch. Returns 1 clip(s).

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        speed_multiplier: Playback speed factor. (a number from 0.25 to 4). Required.
        title: Song title. (≤ 80 on v3, v3.5, v4; ≤ 100 on v4.5, v4.5+, v5, v5.5, v6, v6 wild, v6 mini). Required.
        keep_pitch: Keep the pitch while changing speed. (True or False).
        callback_url: The service POSTs the final result there (see ``parse_callback``).
        wait: Wait for the result (default). ``False`` returns the task at once.
        until: ``"complete"`` (final files) or ``"stream"`` (as soon as a preview plays).
        timeout: Seconds to wait before ``GenerationTimeout`` (the task keeps running).
        on_progress: Called with a ``Progress`` at each state change.
        extra: Fields the schema does not know yet, sent as given.
        max_retries: Retries of the submission on 429 (never on ambiguous failures).

        Example:
            >>> task = await client.adjust_speed(audio_id='3f9b0c1e', speed_multiplier=1.25, title='Night Bus')  # doctest: +SKIP
        """
        return await self._action("adjust_speed", locals())

    async def lyrics(
        self,
        prompt: str,
        *,
        model: Literal["default", "remi-v1"] | str | None = None,
    ) -> LyricsResult:
        """Write lyrics from a short brief. (``POST /suno/lyrics``)

        Args:
        prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.
        model: Lyrics model. (one of 'default', 'remi-v1').
        """
        return await self._endpoint("lyrics", locals())

    async def mashup_lyrics(
        self,
        lyrics_a: str,
        lyrics_b: str,
    ) -> LyricsResult:
        """Merge two lyrics into one for a mashup. (``POST /suno/mashup-lyrics``)

        Args:
        lyrics_a: First song's lyrics. (text). Required.
        lyrics_b: Second song's lyrics. (text). Required.
        """
        return await self._endpoint("mashup_lyrics", locals())

    async def style(
        self,
        prompt: str,
    ) -> StyleResult:
        """Turn a short style into a richer style string. (``POST /suno/style``)

        Args:
        prompt: Song description in prompt mode; replacement lines for replace_section; an optional brief for cover, inspo and artist_consistency. (≤ 500). Required.
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
        """Save a clip's singer as a persona. (``POST /suno/persona``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        name: Persona name. (≤ 100). Required.
        description: What the voice is like. (text).
        vox_audio_id: A vox id from vox() for a vox persona. (text).
        vocal_start: Start of the vocal part to use, seconds. (a number of at least 0).
        vocal_end: End of the vocal part to use, seconds. (a number of at least 0).
        """
        return await self._endpoint("create_persona", locals())

    async def personas(
        self,
        *,
        user_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PersonaList:
        """List saved personas. (``GET /suno/persona``)

        Args:
        user_id: Whose personas. (text).
        limit: Page size. (an integer from 1 to 100).
        offset: Page start. (an integer of at least 0).
        """
        return await self._endpoint("personas", locals())

    async def delete_persona(
        self,
        persona_id: str,
    ) -> DeleteResult:
        """Delete a persona. (``DELETE /suno/persona``)

        Args:
        persona_id: The persona to delete. (text). Required.
        """
        return await self._endpoint("delete_persona", locals())

    async def voices(
        self,
        audio_url: str,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> VoiceResult:
        """Make a persona from 10–240 s of one clean voice. (``POST /suno/voices``)

        Args:
        audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
        name: Voice name. (≤ 100).
        description: What the voice is like. (text).
        """
        return await self._endpoint("voices", locals())

    async def vox(
        self,
        audio_id: str,
        *,
        vocal_start: float | None = None,
        vocal_end: float | None = None,
    ) -> VoxResult:
        """Isolate the vocal of a clip for a vox persona. (``POST /suno/vox``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        vocal_start: Start of the vocal part to use, seconds. (a number of at least 0).
        vocal_end: End of the vocal part to use, seconds. (a number of at least 0).
        """
        return await self._endpoint("vox", locals())

    async def upload(
        self,
        audio_url: str,
    ) -> UploadResult:
        """Upload audio from a public URL; returns an audio_id. (``POST /suno/upload``)

        Args:
        audio_url: A public http(s) URL of an audio file. (an http(s) URL). Required.
        """
        return await self._endpoint("upload", locals())

    async def mp4(
        self,
        audio_id: str,
    ) -> VideoResult:
        """Render a music video of a clip. (``POST /suno/mp4``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return await self._endpoint("mp4", locals())

    async def wav(
        self,
        audio_id: str,
    ) -> WavResult:
        """Get a lossless WAV of a clip. (``POST /suno/wav``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return await self._endpoint("wav", locals())

    async def midi(
        self,
        audio_id: str,
    ) -> MidiResult:
        """Get the notes of a clip as MIDI-like data. (``POST /suno/midi``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return await self._endpoint("midi", locals())

    async def timing(
        self,
        audio_id: str,
    ) -> TimingResult:
        """Get word timings of a clip's lyrics. (``POST /suno/timing``)

        Args:
        audio_id: The source clip: a clip id, or an audio_id from upload. (text). Required.
        """
        return await self._endpoint("timing", locals())

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
        """List the account's recent tasks, newest first, each with the request it was sent with (``retrieve_batch`` without ids, as the provider's SDK and web app send it). (``POST /suno/tasks``)

        Args:
        created_at_min: Only tasks created at or after this Unix time (seconds). (a number of at least 0).
        created_at_max: Only tasks created at or before this Unix time (seconds). (a number of at least 0).
        offset: Skip this many tasks. (an integer of at least 0).
        limit: Page size. (an integer of at least 1).
        type: Which endpoint's tasks: 'audios', 'lyrics', 'mp4' … (the path's last part). (text).
        user_id: Only this user's tasks. (text).
        application_id: Only this application's tasks. (text).
        """
        return await self._endpoint("list_tasks", locals())
