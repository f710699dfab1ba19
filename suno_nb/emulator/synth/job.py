"""One `POST /suno/audios` call as the actions see it: the request read with defaults,
its sources, and the shared way to compose and render a clip.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .compose import DEFAULT_STYLE_INFLUENCE, DEFAULT_WEIRDNESS, Brief, compose
from .effects import F32, resample
from .model_limits import DEFAULT_MODEL, model_profile
from .rendered_clip import Rendering
from .score_to_audio import render_score
from .text import upsample_style, write_lyrics
from .voice import voice_for

DEFAULT_DURATION = 30.0  # seconds, when the request asks for none (then capped by the model)
# How far a remaster strays from its source, per variation_category.
VARIATION = {"subtle": 0.3, "normal": 0.6, "high": 1.0}
XFADE = 0.03  # seconds of cross-fade where edited audio meets the source


class Job:
    """One call: the request, its sources and the shared defaults."""

    def __init__(
        self,
        action: str,
        request: Mapping[str, Any],
        seed: int,
        sources: Mapping[str, Rendering],
        persona: Mapping[str, Any] | None,
        sr: int,
        max_duration: float,
    ) -> None:
        self.action = action
        self.request = request
        self.seed = int(seed)
        self.sources = sources
        self.persona = dict(persona) if persona else None
        self.sr = sr
        self.max_duration = float(max_duration)
        self.model = str(request.get("model") or DEFAULT_MODEL)
        self.profile = model_profile(self.model)

    # ---- reading the request ----------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        value = self.request.get(key)
        return default if value is None or value == "" else value

    def number(self, key: str, default: float) -> float:
        try:
            return float(self.get(key, default))
        except (TypeError, ValueError):
            return default

    def length(self, default: float = DEFAULT_DURATION) -> float:
        asked = self.number("duration", default)
        return float(max(2.0, min(asked, self.profile.max_length, self.max_duration)))

    @property
    def instrumental(self) -> bool:
        return bool(self.get("instrumental", False))

    def lyric(self, fallback: str = "") -> str:
        if self.instrumental:
            return ""
        lyric = str(self.get("lyric", ""))
        if lyric.strip():
            return lyric
        brief = self.get("lyric_prompt")
        if isinstance(brief, dict):
            brief = brief.get("prompt")
        if brief:
            return str(write_lyrics(str(brief), seed=self.seed)["text"])
        if fallback:
            return fallback
        if not self.get("custom", False) and self.get("prompt"):
            return str(write_lyrics(str(self.get("prompt")), seed=self.seed)["text"])
        return ""

    def style(self, fallback: str = "") -> str:
        style = str(self.get("style", ""))
        if style.strip():
            return style
        if fallback:
            return fallback
        prompt = str(self.get("prompt", ""))
        return upsample_style(prompt, seed=self.seed) if prompt else "pop"

    def title(self, fallback: str = "") -> str:
        title = str(self.get("title", ""))
        if title:
            return title
        if fallback:
            return fallback
        prompt = str(self.get("prompt", ""))
        return str(write_lyrics(prompt, seed=self.seed)["title"]) if prompt else "Untitled"

    def source(self, key: str = "audio_id") -> tuple[str, Rendering]:
        ident = self.get(key)
        if ident is None or str(ident) not in self.sources:
            raise KeyError(str(ident))
        return str(ident), self._at_rate(self.sources[str(ident)])

    def _at_rate(self, clip: Rendering) -> Rendering:
        if clip.sr == self.sr:
            return clip
        ratio = self.sr / clip.sr
        layers = {k: resample(v.astype(F32), ratio) for k, v in clip.layers.items()}
        return Rendering.from_layers(
            layers,
            self.sr,
            clip.score,
            title=clip.title,
            lyric=clip.lyric,
            style=clip.style,
            extra=dict(clip.extra),
        )

    def voice(self, fallback: dict[str, Any] | None = None) -> dict[str, Any] | None:
        if self.persona:
            return {k: v for k, v in self.persona.items() if k != "source"}
        gender = self.get("vocal_gender")
        if gender in ("m", "f"):
            return voice_for(gender)
        return fallback

    def brief(self, clip: int, **overrides: Any) -> Brief:
        base = Brief(
            style=self.style(),
            negative_tags=str(self.get("negative_tags", self.get("style_negative", ""))),
            lyric=self.lyric(),
            instrumental=self.instrumental,
            vocal_gender=self.get("vocal_gender"),
            weirdness=self.number("weirdness", DEFAULT_WEIRDNESS),
            style_influence=self.number("style_influence", DEFAULT_STYLE_INFLUENCE),
            variation=str(self.get("variation_category", "normal")),
            model=self.model,
            duration=self.length(),
            seed=self.seed,
            clip=clip,
            voice=self.voice(),
        )
        for key, value in overrides.items():
            setattr(base, key, value)
        return base

    def render(self, brief: Brief, **meta: Any) -> Rendering:
        score = compose(brief)
        audio, layers = render_score(score, self.sr)
        return Rendering(audio=audio, sr=self.sr, score=score, layers=layers, **meta)
