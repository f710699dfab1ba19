"""Custom models (Beta) in the emulator: ``/suno/custom-models`` and its five actions.

A model walks queued → uploading → training → ready (or failed) on the emulator's clock, at a
pace set by its profile; ``delete`` archives it. Writes are idempotent by ``idempotency_key``.
Given the emulator's store, models and first answers outlive a restart.

Example:
    >>> models = CustomModels(clock=lambda: 0.0, pending=0.0, running=0.0, songs=lambda b, c: [])
    >>> urls = [f"https://example.com/{i}.mp3" for i in range(6)]
    >>> made = models.handle("create_custom_model", {"name": "m", "audio_urls": urls})
    >>> models.handle("custom_model", {"id": made["id"]})["status"]
    'ready'
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb.emulator.guards import ApiRefusal
from suno_nb.emulator.idempotency import IdempotentWrites
from suno_nb.emulator.store import Store

__all__ = ["CustomModels"]

#: How a model's time after creation is split between the states, as multiples of the
#: profile's ``pending`` and ``running`` seconds (training is the long part, as on the service).
_UPLOADING = 0.5  # × running
_TRAINING = 2.5  # × running
_DISTINCT_FILES = 6  # the guide: 6–24 files; fewer distinct ones make training fail
SLOTS = 3  # the guide: "a Suno application has at most three custom-model slots"


@dataclass
class _Model:
    id: str
    name: str
    audio_urls: list[str]
    created_at: float
    archived: bool = False
    songs: list[str] = field(default_factory=list)


@dataclass
class CustomModels:
    """The emulator's custom models; ``handle(endpoint name, checked values) -> data``."""

    clock: Callable[[], float]
    pending: float
    running: float
    songs: Callable[[dict[str, Any], Any], list[dict[str, Any]]]  # audios body, call -> clips
    store: Store | None = None  # where models are kept; None: in memory only
    _models: dict[str, _Model] = field(default_factory=dict)
    _writes: IdempotentWrites = field(default_factory=IdempotentWrites)

    def __post_init__(self) -> None:
        if self.store is not None:
            self._writes = IdempotentWrites(self.store)

    def handle(self, name: str, values: Mapping[str, Any], call: Any = None) -> Any:
        """Run one action; ``call`` (the HTTP request) is passed on to ``songs``/``upload``."""
        step = getattr(self, f"_{name}")

        def do() -> Any:
            if self.store is not None:
                # Read the kept models each time: another emulator on the same data directory
                # (another process) may have made or archived some.
                self._models = {
                    kept["id"]: _Model(**kept) for kept in self.store.objects("custom_model")
                }
            answer = step(values, call)
            # Keep the model before the idempotent answer, so a kept answer always has it.
            made = answer.get("id") if isinstance(answer, Mapping) else None
            changed = self._models.get(values.get("id") or made)
            if self.store is not None and changed is not None:
                self.store.put_object(
                    "custom_model", changed.id, changed.created_at, dataclasses.asdict(changed)
                )
            return answer

        return self._writes.run(name, values, do)

    # ------------------------------------------------------------------------- states
    def status(self, model: _Model) -> str:
        if model.archived:
            return "archived"
        age = self.clock() - model.created_at
        queued_until = self.pending
        uploading_until = queued_until + _UPLOADING * self.running
        training_until = uploading_until + _TRAINING * self.running
        if age < queued_until:
            return "queued"
        if age < uploading_until:
            return "uploading"
        if age < training_until:
            return "training"
        return "ready" if len(set(model.audio_urls)) >= _DISTINCT_FILES else "failed"

    def _view(self, model: _Model) -> dict[str, Any]:
        status = self.status(model)
        out: dict[str, Any] = {
            "id": model.id,
            "name": model.name,
            "status": status,
            "created_at": model.created_at,
            "audio_count": len(model.audio_urls),
        }
        if status == "failed":
            out["error"] = {
                "code": "training_failed",
                "message": f"need at least {_DISTINCT_FILES} different audio files",
            }
        if model.archived:
            out["capacity_released"] = False
        return out

    def _get(self, model_id: str) -> _Model:
        model = self._models.get(model_id)
        if model is None:
            raise ApiRefusal(404, "not_found", f"custom model {model_id} does not exist")
        return model

    # ------------------------------------------------------------------------ actions
    def _create_custom_model(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        held = [m for m in self._models.values() if not m.archived]
        if len(held) >= SLOTS:
            raise ApiRefusal(
                400,
                "bad_request",
                f"this application already has {len(held)} custom models, the most it may "
                "have; archive one with delete_custom_model first",
            )
        model = _Model(uuid.uuid4().hex, v["name"], list(v["audio_urls"]), self.clock())
        self._models[model.id] = model
        return self._view(model)

    def _custom_model(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        return self._view(self._get(v["id"]))

    def _custom_models(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        views = [self._view(m) for m in sorted(self._models.values(), key=lambda m: -m.created_at)]
        if v.get("status"):
            views = [m for m in views if m["status"] == v["status"]]
        offset = v.get("offset") or 0
        limit = v.get("limit") or 20
        return {"count": len(views), "items": views[offset : offset + limit]}

    def _generate_with_custom_model(
        self, v: Mapping[str, Any], call: Any = None
    ) -> list[dict[str, Any]]:
        model = self._get(v["id"])
        status = self.status(model)
        if status != "ready":
            raise ApiRefusal(
                400,
                "bad_request",
                f"custom model {model.id} is {status}, not ready; retrieve it until its "
                "status is 'ready'",
            )
        body: dict[str, Any] = {"action": "generate", "custom": True}
        for key in ("title", "lyric", "style", "prompt", "instrumental"):
            if v.get(key) is not None:
                body[key] = v[key]
        if not body.get("lyric") and not body.get("instrumental"):
            body["instrumental"] = True
        clips = self.songs(body, call)
        model.songs.extend(c["id"] for c in clips if c.get("id"))
        return [{**c, "custom_model_id": model.id} for c in clips]

    def _delete_custom_model(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        model = self._get(v["id"])
        model.archived = True
        return self._view(model)
