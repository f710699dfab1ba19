"""Suno Studio projects in the emulator: ``/suno/projects`` and its ten actions.

A project is versioned state (tracks of clips placed in beats, ``timing.bps``): every change
makes a new ``version_id``, and a write that names an old version is a 409 conflict.
Candidates (from ``generate_track`` / ``replace_section``) belong to the version they were made
on. Writes are idempotent by ``idempotency_key``. Given the emulator's store, projects (with
their versions, candidates and renders) and first answers outlive a restart.

Example:
    >>> nothing = lambda *args: {}
    >>> studio = Projects(clock=lambda: 0.0, songs=nothing, clip=nothing, upload=nothing)
    >>> project = studio.handle("create_project", {"title": "demo"})
    >>> saved = studio.handle("save_project", {"id": project["id"], "state": {"tracks": []}})
    >>> studio.handle("save_project", {"id": project["id"], "version_id": "old", "state": {}})
    Traceback (most recent call last):
    ...
    suno_nb.emulator.guards.ApiRefusal: 409 studio_version_conflict: ...
"""

from __future__ import annotations

import copy
import dataclasses
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb.emulator.guards import ApiRefusal
from suno_nb.emulator.idempotency import IdempotentWrites
from suno_nb.emulator.store import Store

__all__ = ["Projects"]

_EMPTY_STATE: dict[str, Any] = {"tracks": [], "timing": {"bps": 2}}


def _new_id() -> str:
    return uuid.uuid4().hex


def _invalid(message: str) -> ApiRefusal:
    return ApiRefusal(400, "studio_state_invalid", message)


@dataclass
class _Project:
    id: str
    title: str
    created_at: float
    state: dict[str, Any] = field(default_factory=lambda: copy.deepcopy(_EMPTY_STATE))
    version_id: str | None = None  # None until the first save, as on the service
    candidates: dict[str, dict[str, Any]] = field(default_factory=dict)  # operation id ->
    renders: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Projects:
    """The emulator's Studio projects; ``handle(endpoint name, checked values) -> data``."""

    clock: Callable[[], float]
    songs: Callable[[dict[str, Any], Any], list[dict[str, Any]]]  # audios body, call -> clips
    clip: Callable[[str], Mapping[str, Any]]  # a clip record by id (400 when unknown)
    upload: Callable[[dict[str, Any], Any], Mapping[str, Any]]  # upload body, call -> data
    store: Store | None = None  # where projects are kept; None: in memory only
    _projects: dict[str, _Project] = field(default_factory=dict)
    _writes: IdempotentWrites = field(default_factory=IdempotentWrites)

    def __post_init__(self) -> None:
        if self.store is not None:
            self._writes = IdempotentWrites(self.store)

    def handle(self, name: str, values: Mapping[str, Any], call: Any = None) -> Any:
        """Run one action; ``call`` (the HTTP request) is passed on to ``songs``/``upload``."""
        step = getattr(self, f"_{name}")

        def do() -> Any:
            if self.store is not None and values.get("id"):
                # Read the kept project each time: another emulator on the same data
                # directory (another process) may have written a newer version.
                kept = self.store.object("project", values["id"])
                if kept is not None:
                    self._projects[values["id"]] = _Project(**kept)
            answer = step(values, call)
            # Keep the project before the idempotent answer, so a kept answer always has it.
            changed = self._projects.get(values.get("id") or answer.get("id"))
            if self.store is not None and changed is not None:
                self.store.put_object(
                    "project", changed.id, changed.created_at, dataclasses.asdict(changed)
                )
            return answer

        return self._writes.run(name, values, do)

    # ------------------------------------------------------------------------ helpers
    def _get(self, v: Mapping[str, Any], *, write: bool) -> _Project:
        project = self._projects.get(v["id"])
        if project is None:
            raise ApiRefusal(404, "not_found", f"project {v['id']} does not exist")
        if write:
            given = v.get("version_id")
            first_save = project.version_id is None and given is None
            if not first_save and given != project.version_id:
                raise ApiRefusal(
                    409,
                    "studio_version_conflict",
                    f"version_id {given!r} is not the project's current version "
                    f"({project.version_id!r}); retrieve the project, merge, and send the "
                    "current version with a new idempotency key",
                )
        return project

    def _view(self, project: _Project, **extra: Any) -> dict[str, Any]:
        return {
            "id": project.id,
            "version_id": project.version_id,
            "title": project.title,
            **extra,
        }

    def _bump(self, project: _Project) -> None:
        project.version_id = _new_id()

    def _bps(self, project: _Project) -> float:
        bps = (project.state.get("timing") or {}).get("bps", 2)
        if not isinstance(bps, int | float) or bps <= 0:
            raise _invalid(f"timing.bps must be a positive number; got {bps!r}")
        return float(bps)

    def _track(self, project: _Project, track_id: str | None) -> dict[str, Any]:
        for track in project.state.setdefault("tracks", []):
            if track.get("id") == track_id:
                return track
        raise _invalid(f"track {track_id!r} is not in project {project.id}")

    def _candidates(
        self, project: _Project, v: Mapping[str, Any], kind: str, call: Any
    ) -> dict[str, Any]:
        self.clip(v["source_audio_id"])
        body: dict[str, Any] = {"action": "generate", "custom": True, "instrumental": True}
        if v.get("model"):
            body["model"] = v["model"]
        if v.get("replacement_lyrics"):
            body.update(instrumental=False, lyric=v["replacement_lyrics"])
        if v.get("stem_control_tags"):
            body["style"] = v["stem_control_tags"]
        count = v.get("batch_size") or 2
        clips = self.songs(body, call)[:count]
        operation = {
            "operation_id": _new_id(),
            "kind": kind,
            "version_id": project.version_id,
            "start_seconds": v.get("start_seconds"),
            "end_seconds": v.get("end_seconds"),
            "candidates": [
                {
                    "candidate_id": c["id"],
                    "audio_id": c["id"],
                    "audio_url": c.get("audio_url"),
                    "duration": c.get("duration"),
                }
                for c in clips
            ],
        }
        project.candidates[operation["operation_id"]] = operation
        return self._view(project, operation=operation)

    # ------------------------------------------------------------------------ actions
    def _create_project(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = _Project(_new_id(), v.get("title") or "Untitled", self.clock())
        self._projects[project.id] = project
        return self._view(project)

    def _project(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=False)
        return self._view(project, state=copy.deepcopy(project.state))

    def _save_project(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        state = copy.deepcopy(dict(v["state"]))
        state.setdefault("tracks", [])
        state.setdefault("timing", {"bps": 2})
        project.state = state
        self._bps(project)
        if v.get("title"):
            project.title = v["title"]
        self._bump(project)
        return self._view(project)

    def _upload_to_project(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        uploaded = self.upload({"audio_url": v["audio_url"]}, call)
        return self._view(project, candidate={"audio_id": uploaded.get("audio_id")})

    def _add_track(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        clip = self.clip(v["audio_id"])
        beats = float(clip.get("duration") or 0.0) * self._bps(project)
        track = {
            "id": _new_id(),
            "name": v.get("name") or clip.get("title") or "Track",
            "clips": [
                {
                    "id": _new_id(),
                    "audio_id": v["audio_id"],
                    "startBeats": 0.0,
                    "endBeats": beats,
                    "readStartBeats": 0.0,
                }
            ],
        }
        project.state.setdefault("tracks", []).append(track)
        self._bump(project)
        return self._view(project, track_id=track["id"])

    def _generate_track(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        self.clip(v["render_audio_id"])
        return self._candidates(project, v, "new_track", call)

    def _replace_project_section(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        return self._candidates(project, v, "replace_section", call)

    def _commit_candidate(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        operation = project.candidates.get(v["operation_id"])
        if operation is None:
            raise _invalid(f"operation {v['operation_id']} is not in project {project.id}")
        if operation["version_id"] != project.version_id:
            raise ApiRefusal(
                409,
                "studio_version_conflict",
                "the candidate was made on an older version of the project; generate again",
            )
        chosen = next(
            (c for c in operation["candidates"] if c["candidate_id"] == v["candidate_id"]), None
        )
        if chosen is None:
            raise _invalid(f"candidate {v['candidate_id']} is not in that operation")
        bps = self._bps(project)
        start = v.get("start_beats", 0.0)
        end = v.get("end_beats", start + float(chosen.get("duration") or 0.0) * bps)
        track = self._track(project, v.get("track_id")) if v.get("track_id") else None
        if track is None:
            track = {"id": _new_id(), "name": "Candidate", "clips": []}
            project.state.setdefault("tracks", []).append(track)
        for other in track.get("clips", []):
            if start < other.get("endBeats", 0) and other.get("startBeats", 0) < end:
                raise _invalid("the candidate overlaps a clip on that track; pick another range")
        track.setdefault("clips", []).append(
            {
                "id": _new_id(),
                "audio_id": chosen["audio_id"],
                "startBeats": start,
                "endBeats": end,
                "readStartBeats": 0.0,
            }
        )
        self._bump(project)
        return self._view(project, track_id=track["id"])

    def _remove_track(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        track = self._track(project, v["track_id"])
        project.state["tracks"].remove(track)
        self._bump(project)
        return self._view(project)

    def _render_project(self, v: Mapping[str, Any], call: Any = None) -> dict[str, Any]:
        project = self._get(v, write=True)
        audible = [
            c
            for t in project.state.get("tracks", [])
            if not t.get("muted")
            for c in t.get("clips", [])
            if not c.get("muted")
        ]
        if not audible:
            raise _invalid("the project has no audible clips to render")
        start = v.get("start_beats", min(c.get("startBeats", 0.0) for c in audible))
        end = v.get("end_beats", max(c.get("endBeats", 0.0) for c in audible))
        seconds = max(10, min(360, round((end - start) / self._bps(project))))
        body: dict[str, Any] = {
            "action": "generate",
            "custom": True,
            "title": v.get("title") or project.title,
            "duration": seconds,
        }
        lyrics = v.get("lyrics")
        if lyrics and lyrics.strip() != "[Instrumental]":
            body["lyric"] = lyrics
        else:
            body["instrumental"] = True
        clip = self.songs(body, call)[0]
        render = {
            "render_id": _new_id(),
            "audio_id": clip["id"],
            "audio_url": clip.get("audio_url"),
            "duration": clip.get("duration"),
        }
        project.renders.append(render)
        return self._view(project, **render)
