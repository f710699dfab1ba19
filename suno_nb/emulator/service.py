"""The framework-free emulator core: ``Emulator.handle(method, path, query, headers, body)``.

Both adapters (the in-process transport and the Starlette server) call it; it knows nothing
of HTTP libraries. Answers are :class:`EmulatorResponse` objects: a JSON body, NDJSON lines,
file bytes, or "drop the connection" (a fault).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from suno_nb import schema
from suno_nb.emulator import validation as check
from suno_nb.emulator.callbacks import CallbackSender
from suno_nb.emulator.custom_models import CustomModels
from suno_nb.emulator.engine import synth
from suno_nb.emulator.faults import Faults
from suno_nb.emulator.fetch import DecodedAudio, is_loopback, load_audio
from suno_nb.emulator.files import FileServer, ffmpeg_exe
from suno_nb.emulator.guards import ApiRefusal, CreditBalance, RateLimiter, check_token, moderate
from suno_nb.emulator.openapi import openapi_document
from suno_nb.emulator.projects import Projects
from suno_nb.emulator.render_cache import Renderer
from suno_nb.emulator.settings import EmulatorSettings, Profile
from suno_nb.emulator.store import Store
from suno_nb.emulator.tasks import (
    TASK_ERROR,
    Stage,
    clip_count,
    iso,
    new_id,
    request_seed,
    stage_of,
    upstream_model,
)

__all__ = ["NOT_FOUND_SONG", "Emulator", "EmulatorResponse"]

log = logging.getLogger("suno_nb.emulator")

NOT_FOUND_SONG = "The song id does not exist or has been taken offline."
NDJSON = "application/x-ndjson"
# The emulator serves one account: every task is this user's, made by this application.
ACCOUNT = {"user_id": "emulator-user", "application_id": "emulator-application"}
CREDENTIAL_ID = "emulator-credential"  # the token's id, as task records name it
LIST_PAGE_DEFAULT = 50  # tasks per listing page when the query names no limit
LIST_PAGE_MAX = 100  # a bigger limit is served as this many (like the id batch's cap)
TIMED_ANSWERS = {"lyrics"}  # endpoints whose answers carry started_at/finished_at/elapsed
ENHANCED_UPLOAD_SONGS = 3.0  # an enhanced upload takes as long as this many songs
# Added to a poll hint so that the poll it asks for lands just after the stage changes.
_POLL_MARGIN = 0.01


#: The fields of a finished clip of the newer actions (the v6 audios guide's short clips).
_SHORT_CLIP = frozenset(
    {"id", "title", "audio_url", "model", "state", "duration", "stem_set", "stem"}
)
BILLED_SHARE = 0.9  # the guides' answers bill 90 % of the list price (amount vs list_amount)


def _cost(action: str, request: Mapping[str, Any]) -> dict[str, Any]:
    """The ``cost`` of a finished task, as the v6 guide's answers carry it."""
    listed = schema.list_price(action, request)
    return {
        "amount": round(listed * BILLED_SHARE, 4),
        "currency": "credit",
        "list_amount": listed,
    }


def _stem_sets(data: list[dict[str, Any]], stem_type: Any) -> list[dict[str, Any]]:
    """extract_stem's pairing of each isolated stem with its remainder, per separation."""
    sets: dict[Any, dict[str, Any]] = {}
    for clip in data:
        number = clip.get("stem_set")
        entry = sets.setdefault(number, {"stem_type": stem_type})
        part = "remainder" if str(clip.get("stem", "")).startswith("without_") else "isolated"
        entry[part] = {"id": clip["id"], "state": clip.get("state"), "stem_set": number}
    return list(sets.values())


def _waveform_aggregates(audio: Any) -> list[dict[str, Any]]:
    """Min/max peaks of ``audio`` (16-bit scale) per channel at two zoom levels, as the vox
    answer's ``wave_response`` has them (``mip_map_level``: log2 of samples per peak pair)."""
    import numpy as np

    frames = np.asarray(audio, dtype=np.float32)
    if frames.ndim == 1:
        frames = frames[:, None]
    levels = []
    for level in (11, 16):
        step = 2**level
        peaks = []
        for channel in frames.T:
            pairs: list[int] = []
            for start in range(0, max(len(channel), 1), step):
                chunk = channel[start : start + step]
                low, high = (float(chunk.min()), float(chunk.max())) if len(chunk) else (0.0, 0.0)
                pairs += [round(low * 32767), round(high * 32767)]
            peaks.append(pairs)
        levels.append({"data": peaks, "mip_map_level": level})
    return levels


@dataclass
class EmulatorResponse:
    """One answer of the core, for an adapter to send."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    lines: Iterator[str] | None = None  # NDJSON, one snapshot per item, each ending in "\n"
    content: bytes | None = None
    media_type: str = "application/json"
    drop: bool = False  # fault: close the connection without an answer

    def body_bytes(self) -> bytes:
        if self.content is not None:
            return self.content
        return json.dumps(self.body, separators=(",", ":")).encode()


@dataclass
class _Call:
    """One API request as the handlers see it."""

    method: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes
    trace_id: str
    host: str

    @property
    def base_url(self) -> str:
        return f"http://{self.host}"

    @property
    def wants_stream(self) -> bool:
        return NDJSON in self.headers.get("accept", "")


class Emulator:
    """The offline Suno service: every endpoint of the contract, state in ``data_dir``.

    Example:
        >>> emu = Emulator(profile="instant")
        >>> r = emu.handle("POST", "/suno/audios", {}, {}, b'{"prompt": "rain", "async": true}')
        >>> r.status, sorted(r.body)
        (200, ['success', 'task_id', 'trace_id'])
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        profile: str | Profile | Mapping[str, float] = "quick",
        credits: float | None = None,
        rate_limit: float | None = None,
        moderation: Any = None,
        faults: Faults | str | Mapping[str, Any] | None = None,
        max_duration: float = 60.0,
        allow_remote: bool = False,
        max_body: int = 1_000_000,
        submit_latency: float = 0.0,
        render_workers: int | None = None,
        cache_limit_mb: float | None = 1024.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = EmulatorSettings.build(
            token=token,
            data_dir=data_dir,
            profile=profile,
            credits=credits,
            rate_limit=rate_limit,
            moderation=moderation,
            faults=faults,
            max_duration=max_duration,
            allow_remote=allow_remote,
            max_body=max_body,
            submit_latency=submit_latency,
            render_workers=render_workers,
            cache_limit_mb=cache_limit_mb,
            clock=clock,
            sleep=sleep,
        )
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._said_shortened = False
        if self.settings.data_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="suno-emulator-")
            root = Path(self._tmp.name)
        else:
            root = self.settings.data_dir
            root.mkdir(parents=True, exist_ok=True)
        self.data_dir = root
        self.store = Store(root)
        self.renderer = Renderer(
            self.store,
            max_duration=max_duration,
            workers=render_workers,
            cache_limit_mb=cache_limit_mb,
        )
        self.files = FileServer(self.store, self.renderer, clock)
        self.rate = RateLimiter(rate_limit, clock) if rate_limit else None
        self.credits = CreditBalance(credits)
        self.callbacks = CallbackSender(sleep)
        self._routes: dict[str, dict[str, Callable[[_Call], EmulatorResponse]]] = {
            "/suno/audios": {"POST": self._audios},
            "/suno/tasks": {"POST": self._tasks},
        }
        # Endpoints with several actions on one path (custom models, Studio projects) live in
        # modules of their own; one route per path picks the endpoint by the body's action.
        self.custom_models = CustomModels(
            self.settings.clock,
            self.settings.profile.pending,
            self.settings.profile.running,
            self._songs_for,
            store=self.store,
        )
        self.projects = Projects(
            self.settings.clock,
            self._songs_for,
            self._require_clip,
            self._upload_for,
            store=self.store,
        )
        owners = {"/suno/custom-models": self.custom_models, "/suno/projects": self.projects}
        by_action: dict[str, dict[str, Callable[[_Call], EmulatorResponse]]] = {}
        for name, ep in schema.ENDPOINTS.items():
            if ep.path in owners:
                owner = owners[ep.path]
                run = self._endpoint(name, lambda v, c, n=name, o=owner: o.handle(n, v, c))
                by_action.setdefault(ep.path, {})[ep.fixed["action"]] = run
                continue
            if ep.method in self._routes.get(ep.path, {}):
                continue  # list_tasks is /suno/tasks's retrieve_batch without ids: _tasks answers
            handler = getattr(self, f"_ep_{name}")
            self._routes.setdefault(ep.path, {})[ep.method] = self._endpoint(name, handler)
        for path, runs in by_action.items():
            self._routes[path] = {"POST": self._by_action(path, runs)}

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"Emulator(profile={s.profile.name!r}, token={'set' if s.token else 'none'}, "
            f"data_dir={str(self.data_dir)!r})"
        )

    def close(self) -> None:
        self.renderer.close()
        self.store.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    @property
    def routes(self) -> dict[str, list[str]]:
        """Every API path and its methods (the OpenAPI description is built from this)."""
        return {path: sorted(methods) for path, methods in self._routes.items()}

    # ------------------------------------------------------------------------ entry point
    def handle(
        self,
        method: str,
        path: str,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> EmulatorResponse:
        """Answer one HTTP request. Never raises: every failure is an error envelope."""
        method = method.upper()
        headers = {k.lower(): v for k, v in headers.items()}
        path = "/" + path.strip("/")
        trace_id = uuid.uuid4().hex
        try:
            if path.startswith("/files/"):
                return self._file(method, path[len("/files/") :], headers)
            if path in ("/", "/openapi.json"):
                return self._meta(method, path, headers)
            methods = self._routes.get(path)
            if methods is None:
                raise ApiRefusal(404, "no_api", f"The API does not exist: {method} {path}")
            handler = methods.get(method)
            if handler is None:
                raise ApiRefusal(
                    405,
                    "no_api",
                    f"{path} does not take {method}; use {', '.join(sorted(methods))}",
                    {"allow": ", ".join(sorted(methods))},
                )
            refusal = check_token(self.settings.token, headers.get("authorization"))
            if refusal is None and self.rate is not None:
                refusal = self.rate.admit()
            if refusal is not None:
                raise refusal
            fault = self.settings.faults.roll()
            if fault == "busy":
                raise ApiRefusal(500, "busy", "no available worker in system")
            if fault == "timeout":
                raise ApiRefusal(504, "timeout", "timeout while waiting for audio generation")
            if fault == "slow":
                self.settings.sleep(self.settings.faults.slow_seconds)
            call = _Call(method, query, headers, body, trace_id, headers.get("host") or "")
            if not call.host:
                call.host = "suno-emulator.invalid"
            answer = handler(call)
            if fault == "drop":
                return EmulatorResponse(drop=True)
            return answer
        except ApiRefusal as refusal:
            return self._refusal(refusal, trace_id)
        except Exception as exc:  # a bug, never bad input: say so and keep serving
            log.exception("emulator error on %s %s", method, path)
            return self._refusal(
                ApiRefusal(500, "api_error", f"internal emulator error: {type(exc).__name__}"),
                trace_id,
            )

    @classmethod
    def refusal_response(cls, refusal: ApiRefusal) -> EmulatorResponse:
        """The error envelope for a refusal made outside :meth:`handle` (an adapter's own)."""
        return cls._refusal(refusal, uuid.uuid4().hex)

    @staticmethod
    def _refusal(
        refusal: ApiRefusal, trace_id: str, task_id: str | None = None
    ) -> EmulatorResponse:
        body: dict[str, Any] = {
            "success": False,
            "error": {"code": refusal.code, "message": refusal.message},
            "trace_id": trace_id,
        }
        if task_id:
            body["task_id"] = task_id
        return EmulatorResponse(refusal.status, body, dict(refusal.headers or {}))

    def _meta(self, method: str, path: str, headers: Mapping[str, str]) -> EmulatorResponse:
        if method != "GET":
            raise ApiRefusal(405, "no_api", f"{path} takes GET", {"allow": "GET"})
        if path == "/openapi.json":
            return EmulatorResponse(body=openapi_document())
        s = self.settings
        return EmulatorResponse(
            body={
                "service": "suno_nb offline emulator",
                "profile": {
                    "name": s.profile.name,
                    "pending": s.profile.pending,
                    "running": s.profile.running,
                },
                "auth": "token" if s.token else "none",
                "openapi": "/openapi.json",
                "paths": self.routes,
            }
        )

    # ------------------------------------------------------------------------------- files
    def _file(self, method: str, name: str, headers: Mapping[str, str]) -> EmulatorResponse:
        if method not in ("GET", "HEAD"):
            raise ApiRefusal(405, "no_api", "files take GET", {"allow": "GET, HEAD"})
        try:
            found = self.files.get(name)
        except RuntimeError as exc:
            raise ApiRefusal(501, "api_not_implemented", str(exc)) from None
        except KeyError:  # the clip's task failed while rendering
            found = None
        if found is None:
            raise ApiRefusal(404, "not_found", f"No such file (yet): /files/{name}")
        data, media_type = found
        headers_out = {"accept-ranges": "bytes", "cache-control": "no-cache"}
        status, data = 200, data
        wanted = headers.get("range", "")
        if wanted.startswith("bytes="):
            # Browsers ask for ranges to seek in <audio>/<video>: answer the common forms.
            first, _, last = wanted[len("bytes=") :].split(",")[0].partition("-")
            try:
                size = len(data)
                if first:
                    start, end = int(first), int(last) if last else size - 1
                else:
                    start, end = max(0, size - int(last)), size - 1
                end = min(end, size - 1)
                if start > end:
                    raise ValueError
            except ValueError:
                unsatisfiable = {"content-range": f"bytes */{len(data)}"}
                return EmulatorResponse(416, content=b"", headers=unsatisfiable)
            headers_out["content-range"] = f"bytes {start}-{end}/{len(data)}"
            status, data = 206, data[start : end + 1]
        if method == "HEAD":
            headers_out["content-length"] = str(len(data))
            data = b""
        return EmulatorResponse(status, content=data, media_type=media_type, headers=headers_out)

    # ------------------------------------------------------------------------------ audios
    def _audios(self, call: _Call) -> EmulatorResponse:
        sent = check.parse_json(call.body, self.settings.max_body)
        values = check.audio_request(sent)
        if values["action"] not in synth().SUPPORTED_ACTIONS:
            raise ApiRefusal(
                400, "api_not_implemented", f"action {values['action']} is not implemented here."
            )
        refusal = moderate(values, self.settings.moderation)
        if refusal:
            raise refusal
        self._check_references(values)
        callback_url = values.get("callback_url")
        if callback_url is not None:
            self._check_callback_url(callback_url)
        inspo = self._fetch_inspo(values, call) if values["action"] == "inspo" else {}
        refusal = self.credits.spend(1)
        if refusal:
            raise refusal
        task = self._new_audio_task(values, call, inspo, sent)
        if self.settings.submit_latency > 0:
            self.settings.sleep(self.settings.submit_latency)  # the task exists, the answer lags
        if callback_url:
            self.callbacks.schedule(
                callback_url,
                task["pending"] + task["running"],
                lambda: self._final_body(task["id"]),
                task["id"],
            )
        headers = self._shortened(values)
        if call.wants_stream:
            return EmulatorResponse(
                lines=self._stream(task["id"]), media_type=NDJSON, headers=headers
            )
        if values.get("async") or callback_url:
            return EmulatorResponse(
                body={"success": True, "task_id": task["id"], "trace_id": task["trace_id"]},
                headers=headers,
            )
        # Blocking mode: hold the request until the task is done, like the service.
        self.settings.sleep(
            max(0.0, task["created_at"] + task["pending"] + task["running"] - self.settings.clock())
        )
        body = self._final_body(task["id"])
        status = 200 if body.get("success") else 500
        return EmulatorResponse(status, body, headers)

    def _shortened(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Say so when the emulator renders less than was asked for (its ``max_duration``):
        a header on the answer and, once per emulator, a log line."""
        asked, most = values.get("duration"), self.settings.max_duration
        if not isinstance(asked, int | float) or isinstance(asked, bool) or asked <= most:
            return {}
        note = (
            f"duration {asked:g} s is rendered as {most:g} s: the emulator's max_duration "
            "(Emulator(max_duration=...), suno-nb emulator --max-duration)"
        )
        if not self._said_shortened:
            self._said_shortened = True
            log.warning("suno_nb emulator: %s", note)
        return {"x-emulator-shortened": note}

    def _check_references(self, values: Mapping[str, Any]) -> None:
        for clip_id in [values.get("audio_id"), *(values.get("mashup_audio_ids") or [])]:
            if clip_id is not None:
                self._require_clip(clip_id)
        if values.get("audio_id") is not None:
            self._check_within_source(values)

    def _source_length(self, clip_id: str) -> float:
        clip = self.store.clip(clip_id) or {}
        if clip.get("duration"):
            return float(clip["duration"])
        return float(self._rendering(clip_id).duration)  # renders the source if need be

    def _check_within_source(self, values: Mapping[str, Any]) -> None:
        """Times in a request must fall inside its source clip, as the service checks:
        ``continue_at`` and every ``*_start``/``*_end`` window (replace_section, samples …)."""
        times = {
            name: float(value)
            for name, value in values.items()
            if (name == "continue_at" or name.endswith(("_start", "_end")))
            and isinstance(value, int | float)
            and not isinstance(value, bool)
            and schema.FIELDS.get(name) is not None
            and schema.FIELDS[name].kind in ("float", "int")
        }
        if not times:
            return
        length = self._source_length(values["audio_id"])
        clip = self.store.clip(values["audio_id"]) or {}
        if clip.get("kind") == "clip" and length >= self.settings.max_duration - 0.05:
            return  # cut to the emulator's max_duration: on the service it would be longer
        for name, at in times.items():
            # A start (or continue_at) must leave some of the clip; an end may touch its end.
            past = at > length + 0.05 if name.endswith("_end") else at >= length + 0.05
            if past:
                raise ApiRefusal(
                    400,
                    "bad_request",
                    f"{name} {at:g} is past the end of audio_id {values['audio_id']} "
                    f"({length:.1f} s long); use a time within the clip.",
                )
        persona_id = values.get("persona_id")
        if persona_id is not None and self.store.persona(persona_id) is None:
            raise ApiRefusal(400, "bad_request", NOT_FOUND_SONG)

    def _require_clip(self, clip_id: Any) -> dict[str, Any]:
        clip = self.store.clip(clip_id) if isinstance(clip_id, str) else None
        if clip is None:
            raise ApiRefusal(400, "bad_request", NOT_FOUND_SONG)
        if self._clip_stage(clip) == "error":
            raise ApiRefusal(400, "bad_request", NOT_FOUND_SONG)
        return clip

    def _clip_stage(self, clip: Mapping[str, Any]) -> str:
        """A generated clip's stage; uploads and vox tracks are done once they exist."""
        task = self.store.task(clip["task_id"]) if clip.get("task_id") else None
        if task is None or task.get("kind") != "audios":
            return "succeeded"
        return stage_of(task, self.settings.clock()).name

    def _require_finished(self, clip_id: Any) -> dict[str, Any]:
        clip = self._require_clip(clip_id)
        if self._clip_stage(clip) != "succeeded":
            raise ApiRefusal(
                400,
                "bad_request",
                f"audio_id {clip_id} is still being generated; wait until it succeeds.",
            )
        return clip

    def _rendering(self, clip_id: str) -> Any:
        try:
            return self.renderer.get(clip_id)
        except KeyError:
            raise ApiRefusal(400, "bad_request", NOT_FOUND_SONG) from None

    def _check_callback_url(self, url: Any) -> None:
        host = urlsplit(url).hostname if isinstance(url, str) else None
        if not (self.settings.allow_remote or is_loopback(host)):
            raise ApiRefusal(
                400,
                "bad_request",
                f"callback_url {url!r} is not on this machine: the offline emulator calls back "
                "only 127.0.0.1 or localhost (start it with allow_remote=True for other hosts).",
            )

    def _load(self, url: Any, call: _Call, field_name: str) -> DecodedAudio:
        return load_audio(
            url,
            field=field_name,
            own_host=call.host,
            own_file=lambda name: found[0] if (found := self.files.get(name)) else None,
            allow_remote=self.settings.allow_remote,
        )

    def _save_upload(self, decoded: DecodedAudio, kind: str, **meta: Any) -> dict[str, Any]:
        clip_id = new_id()
        rendering = synth().analyse_audio(decoded.audio, decoded.sr, title=decoded.title)
        self.renderer.save(clip_id, rendering)
        clip = {
            "id": clip_id,
            "task_id": None,
            "kind": kind,
            "created_at": iso(self.settings.clock()),
            "title": decoded.title,
            "style": str(getattr(rendering, "style", "") or ""),
            "lyric": str(getattr(rendering, "lyric", "") or ""),
            "duration": round(decoded.duration, 3),
            "seed": request_seed({"upload": clip_id}),
            **meta,
        }
        self.store.put_clip(clip)
        return clip

    def _fetch_inspo(self, values: Mapping[str, Any], call: _Call) -> dict[str, str]:
        out = {}
        for url in values.get("audio_urls") or []:
            decoded = self._load(url, call, "audio_urls")
            out[url] = self._save_upload(decoded, "upload", source_url=url)["id"]
        return out

    def _new_audio_task(
        self,
        values: dict[str, Any],
        call: _Call,
        inspo: dict[str, str],
        sent: Mapping[str, Any],
    ) -> dict[str, Any]:
        now = self.settings.clock()
        profile = self.settings.profile
        # The same request gives the same music the first time; sending it again gives another
        # take, as the real service does (so a sweep's repeats are real repeats).
        first = request_seed(values)
        take = self.store.next_take(first)
        seed = first if take == 0 else request_seed({**values, "take": take})
        task = {
            "id": new_id(),
            "kind": "audios",
            "action": values["action"],
            "created_at": now,
            "api_id": new_id(),
            "trace_id": call.trace_id,
            "request": values,
            "sent": dict(sent),  # echoed in records as sent, for matching after a lost answer
            "seed": seed,
            "take": take,
            "pending": profile.pending,
            "running": profile.running,
            "stream_every": profile.stream_every,
            "fails": self.settings.faults.task_fails(),
            "clip_ids": [new_id() for _ in range(clip_count(values["action"]))],
            "base_url": call.base_url,
            "inspo": inspo,
        }
        clips = [
            {
                "id": clip_id,
                "task_id": task["id"],
                "index": i,
                "kind": "clip",
                "created_at": iso(now),
                "title": str(values.get("title") or ""),
                "style": str(values.get("style") or ""),
                "prompt": str(values.get("prompt") or values.get("sound") or ""),
                "lyric": str(values.get("lyric") or ""),
                "model": upstream_model(values.get("model")),
                "seed": seed + i,
                "rendered": False,
            }
            for i, clip_id in enumerate(task["clip_ids"])
        ]
        self.store.put_clips(clips)
        self.store.put_task(task)
        self.renderer.render_soon(task)  # the music is made while the task is pending
        return task

    # ----------------------------------------------------------------- snapshots and records
    def _clip_view(
        self, clip: dict[str, Any], stage: Stage, base: str, minimal: bool = False
    ) -> dict[str, Any]:
        cid = clip["id"]
        view: dict[str, Any] = {
            "id": cid,
            "title": clip.get("title", ""),
            "image_url": "",
            "image_large_url": "",
            "lyric": clip.get("lyric", ""),
            "audio_url": "",
            "video_url": "",
            "created_at": clip.get("created_at"),
            "model": clip.get("model"),
            "state": stage.name,
            "prompt": clip.get("prompt", ""),
            "style": clip.get("style", ""),
        }
        if stage.name in ("running", "succeeded"):
            view["image_url"] = f"{base}/files/{cid}.jpg"
            view["image_large_url"] = f"{base}/files/{cid}.large.jpg"
            view["audio_url"] = f"{base}/files/{cid}.preview.mp3"
        if stage.name == "succeeded":
            view["audio_url"] = f"{base}/files/{cid}.mp3"
            view["duration"] = clip.get("duration")
            view.update(clip.get("extra") or {})
            if minimal:
                # The v6 guide's newer actions answer with short clips: no cover, lyric,
                # video or prompt (extract_stem adds stem_set; stem names the part).
                view = {k: v for k, v in view.items() if k in _SHORT_CLIP}
        return view

    def _snapshot(self, task: dict[str, Any], now: float) -> tuple[Stage, dict[str, Any]]:
        """The response of a task at ``now``: pending/running snapshot or the final body."""
        stage = stage_of(task, now)
        if stage.name == "error":
            return stage, {
                "success": False,
                "task_id": task["id"],
                "trace_id": task["trace_id"],
                "error": dict(TASK_ERROR),
            }
        if stage.name == "succeeded":
            self.renderer.render_task(task)
            task = self.store.task(task["id"]) or task
            stage = stage_of(task, now)
            if stage.name == "error":
                return self._snapshot(task, now)
        clips = [self.store.clip(cid) or {"id": cid} for cid in task["clip_ids"]]
        spec = schema.ACTIONS.get(str(task.get("action")))
        minimal = bool(spec and spec.newer)
        data = [self._clip_view(c, stage, task["base_url"], minimal) for c in clips]
        if stage.name == "succeeded":
            body: dict[str, Any] = {
                "success": True,
                "task_id": task["id"],
                "trace_id": task["trace_id"],
                "data": data,
            }
            if task.get("action") == "extract_stem":
                body["stem_sets"] = _stem_sets(data, task["request"].get("stem_type"))
            body["cost"] = _cost(task["action"], task["request"])
            return stage, body
        return stage, {"task_id": task["id"], "data": data}

    def _final_body(self, task_id: str) -> dict[str, Any]:
        task = self.store.task(task_id)
        if task is None:
            raise KeyError(task_id)
        if task.get("kind") != "audios":
            return task["response"]
        now = max(self.settings.clock(), task["created_at"] + task["pending"] + task["running"])
        return self._snapshot(task, now)[1]

    def _record(self, task: dict[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = {
            "_id": task["id"].replace("-", "")[:24],  # the service's storage id: 24 hex digits
            "id": task["id"],
            "api_id": task["api_id"],
            "trace_id": task["trace_id"],
            "created_at": task["created_at"],
            "type": self._task_type(task),
            "credential_id": CREDENTIAL_ID,
            **ACCOUNT,
        }
        if task.get("kind") != "audios":
            ready_at = float(task.get("ready_at") or task["created_at"])
            record.update(started_at=task["created_at"], request=task["request"])
            if self.settings.clock() >= ready_at:  # before: no answer yet, as on the service
                record.update(
                    finished_at=ready_at,
                    elapsed=round(ready_at - task["created_at"], 3),
                    response=task["response"],
                )
            return record
        stage, body = self._snapshot(task, self.settings.clock())
        if stage.name != "pending":
            record["started_at"] = task["created_at"] + task["pending"]
        if stage.finished:
            record["finished_at"] = task["created_at"] + task["pending"] + task["running"]
            record["elapsed"] = round(task["pending"] + task["running"], 3)
        # The request as sent, with the defaults the emulator filled in (what was sent wins).
        record["request"] = {**task["request"], **task.get("sent", {})}
        record["response"] = body
        return record

    def _stream(self, task_id: str) -> Iterator[str]:
        """NDJSON snapshots as the task advances; the last line carries ``trace_id``."""
        last = None
        task = self.store.task(task_id) or {}
        while True:
            try:
                stage, body = self._snapshot(task, self.settings.clock())
            except Exception as exc:
                log.exception("stream of task %s failed", task_id)
                body = {
                    "success": False,
                    "task_id": task_id,
                    "trace_id": task.get("trace_id"),
                    "error": {"code": "api_error", "message": f"job failed: {type(exc).__name__}"},
                }
                yield json.dumps(body, separators=(",", ":")) + "\n"
                return
            if not stage.finished:
                # The guide's NDJSON lines say success while clips still run (their states
                # tell pending and running apart; only the last line has a trace_id). Task
                # records keep the team's rule: no success until the task is done.
                body = {"success": True, **body}
            line = json.dumps(body, separators=(",", ":")) + "\n"
            if stage.finished:
                yield line
                return
            if line != last:
                last = line
                yield line
            self.settings.sleep(max(0.01, min(stage.next_change, task["stream_every"])))

    # ------------------------------------------------------------------------------- tasks
    def _tasks(self, call: _Call) -> EmulatorResponse:
        query = check.tasks_request(check.parse_json(call.body, self.settings.max_body))
        if query.is_listing:
            return EmulatorResponse(body=self._list_tasks(query.filters))
        records = []
        for task_id in query.ids:
            task = self.store.task(task_id)
            records.append(self._record(task) if task else {})
        if query.action == "retrieve":
            return EmulatorResponse(body=records[0], headers=self._poll_hint(query.ids[0]))
        found = [r for r in records if r]
        return EmulatorResponse(body={"items": found, "count": len(found)})

    def _poll_hint(self, task_id: str) -> dict[str, str]:
        """``Retry-After`` in seconds (to the millisecond) until an unfinished task changes
        stage: the emulator knows its own timing, so a client polls when there is news."""
        task = self.store.task(task_id)
        if not task or task.get("kind") != "audios":
            return {}
        stage = stage_of(task, self.settings.clock())
        if stage.finished:
            return {}
        return {"retry-after": f"{stage.next_change + _POLL_MARGIN:.3f}"}

    @staticmethod
    def _task_type(task: Mapping[str, Any]) -> str:
        """What the listing's ``type`` filter calls a task: its path's last part."""
        kind = str(task.get("kind") or "audios")
        endpoint = schema.ENDPOINTS.get(kind)
        return endpoint.path.rstrip("/").rsplit("/", 1)[-1] if endpoint else kind

    def _list_tasks(self, filters: Mapping[str, Any]) -> dict[str, Any]:
        """One page of the account's tasks, newest first; ``count`` is how many match."""
        if any(filters.get(k) not in (None, v) for k, v in ACCOUNT.items()):
            return {"items": [], "count": 0}  # another user's or application's: none here
        kinds: tuple[str, ...] | None = None
        wanted = filters.get("type")
        if wanted:
            names = [n for n in schema.ENDPOINTS if self._task_type({"kind": n}) == wanted]
            kinds = (*names, "audios") if wanted == "audios" else tuple(names)
        count, tasks = self.store.tasks(
            limit=min(int(filters.get("limit") or LIST_PAGE_DEFAULT), LIST_PAGE_MAX),
            offset=int(filters.get("offset") or 0),
            created_min=filters.get("created_at_min"),
            created_max=filters.get("created_at_max"),
            kinds=kinds,
        )
        return {"items": [self._record(task) for task in tasks], "count": count}

    # ------------------------------------------------------------- the sibling endpoints
    def _by_action(
        self, path: str, runs: Mapping[str, Callable[[_Call], EmulatorResponse]]
    ) -> Callable[[_Call], EmulatorResponse]:
        def run(call: _Call) -> EmulatorResponse:
            action = check.parse_json(call.body, self.settings.max_body).get("action")
            if action not in runs:
                raise ApiRefusal(
                    400,
                    "bad_request",
                    f"action is invalid: {action!r}; use one of {', '.join(runs)}.",
                )
            return runs[action](call)

        return run

    def _songs_for(self, body: dict[str, Any], call: _Call) -> list[dict[str, Any]]:
        """Clips of a finished /suno/audios request made on behalf of another endpoint."""
        inner = _Call(
            "POST",
            {},
            {"accept": "application/json"},
            json.dumps(body).encode(),
            call.trace_id,
            call.host,
        )
        answer = self._audios(inner).body or {}
        if not answer.get("success"):
            raise ApiRefusal(500, "api_error", "the song for this request failed; try again")
        return list(answer.get("data") or [])

    def _upload_for(self, body: dict[str, Any], call: _Call) -> Any:
        return self._ep_upload(check.endpoint_request("upload", body), call)

    def _endpoint(
        self, name: str, handler: Callable[[dict[str, Any], _Call], Any]
    ) -> Callable[[_Call], EmulatorResponse]:
        """Shared envelope for section 3: checks, a task record, async and callback modes."""
        ep = schema.ENDPOINTS[name]

        def run(call: _Call) -> EmulatorResponse:
            if ep.method == "POST":
                raw = check.parse_json(call.body, self.settings.max_body)
                key = call.headers.get("idempotency-key")
                if ep.idempotent and key and isinstance(raw, dict):
                    # The documented place; a key in the body (older clients) still counts.
                    raw.setdefault("idempotency_key", key)
                values = check.endpoint_request(name, raw)
            else:
                values = check.query_values(name, call.query)
            refusal = moderate(values, self.settings.moderation)
            if refusal:
                raise refusal
            callback_url = values.pop("callback_url", None)
            if callback_url is not None:
                if not isinstance(callback_url, str) or not callback_url.startswith("http"):
                    raise ApiRefusal(400, "bad_request", "callback_url must be an http(s) URL")
                self._check_callback_url(callback_url)
            run_async = values.pop("async", False)
            now = self.settings.clock()
            task_id = new_id()
            later = self._answer_delay(name, values)  # None: answered in this request
            try:
                data = handler(values, call)
            except ApiRefusal as refusal:
                if later is None:
                    raise
                # An asynchronous endpoint fails in its task, after the submission succeeded.
                body = self._refusal(refusal, call.trace_id, task_id).body
            else:
                body = {
                    "success": True,
                    "task_id": task_id,
                    "trace_id": call.trace_id,
                    "data": data,
                }
                if name in TIMED_ANSWERS:
                    done = self.settings.clock()
                    body.update(started_at=now, finished_at=done, elapsed=round(done - now, 3))
            if ep.method == "POST":
                request = dict(values)
                if callback_url:
                    request["callback_url"] = callback_url
                self.store.put_task(
                    {
                        "id": task_id,
                        "kind": name,
                        "created_at": now,
                        "api_id": new_id(),
                        "trace_id": call.trace_id,
                        "request": request,
                        "response": body,
                        "ready_at": now + (later or 0.0),
                    }
                )
            if callback_url:
                self.callbacks.schedule(callback_url, later or 0.0, lambda: body, task_id)
            if run_async or callback_url or later is not None:
                return EmulatorResponse(
                    body={"success": True, "task_id": task_id, "trace_id": call.trace_id}
                )
            return EmulatorResponse(body=body)

        return run

    def _answer_delay(self, name: str, values: Mapping[str, Any]) -> float | None:
        """Seconds until an always-asynchronous endpoint's task is done; ``None`` for the
        endpoints that answer in the request (unless sent with ``async``/``callback_url``).

        Enhanced uploads are asynchronous and "typically take two minutes or longer" (the
        upload guide): three songs' time of the profile (realistic 120 s, quick 4.5 s)."""
        if name == "upload" and values.get("mode") == "enhanced":
            return ENHANCED_UPLOAD_SONGS * self.settings.profile.total
        return None

    def _ep_lyrics(self, v: dict[str, Any], call: _Call) -> Any:
        return [synth().write_lyrics(v["prompt"], seed=request_seed(v))]

    def _ep_mashup_lyrics(self, v: dict[str, Any], call: _Call) -> Any:
        return synth().mashup_lyrics(v["lyrics_a"], v["lyrics_b"], seed=request_seed(v))

    def _ep_style(self, v: dict[str, Any], call: _Call) -> Any:
        return {"upsampled_tags": synth().upsample_style(v["prompt"], seed=request_seed(v))}

    def _ep_create_persona(self, v: dict[str, Any], call: _Call) -> Any:
        self._require_clip(v["audio_id"])
        source = v["audio_id"]
        if v.get("vox_audio_id"):
            vox = self._require_clip(v["vox_audio_id"])
            if vox.get("kind") != "vox":
                raise ApiRefusal(400, "bad_request", "vox_audio_id must be an id from /suno/vox")
            source = vox["id"]
        rendering = self._rendering(source)
        voice = synth().capture_voice(rendering, v.get("vocal_start"), v.get("vocal_end"))
        persona = {
            "persona_id": new_id(),
            "name": v["name"],
            "description": v.get("description", ""),
            "created_at": self.settings.clock(),
            "source_type": "vox" if v.get("vox_audio_id") else "clip",
            "audio_id": v["audio_id"],
            "is_public": False,
            "voice": voice,
        }
        self.store.put_persona(persona)
        return {"persona_id": persona["persona_id"]}

    def _ep_personas(self, v: dict[str, Any], call: _Call) -> Any:
        count, rows = self.store.personas(v.get("limit", 50), v.get("offset", 0))
        keys = ("persona_id", "name", "description", "source_type")
        items = [{**{k: p.get(k) for k in keys}, "created_at": iso(p["created_at"])} for p in rows]
        return {"count": count, "items": items}

    def _ep_delete_persona(self, v: dict[str, Any], call: _Call) -> Any:
        if not self.store.delete_persona(v["persona_id"]):
            raise ApiRefusal(400, "bad_request", NOT_FOUND_SONG)
        return {"success": True}

    def _ep_voices(self, v: dict[str, Any], call: _Call) -> Any:
        decoded = self._load(v["audio_url"], call, "audio_url")
        if not 10.0 <= decoded.duration <= 240.0:
            raise ApiRefusal(
                400,
                "bad_request",
                f"audio_url must hold 10 to 240 seconds of one clean voice; it holds "
                f"{decoded.duration:.1f} s.",
            )
        clip = self._save_upload(decoded, "upload", source_url=v["audio_url"])
        voice = synth().capture_voice(self._rendering(clip["id"]))
        persona = {
            "persona_id": new_id(),
            "name": v.get("name") or decoded.title,
            "description": v.get("description", ""),
            "created_at": self.settings.clock(),
            "source_type": "voice",
            "audio_id": clip["id"],
            "is_public": False,
            "voice": voice,
        }
        self.store.put_persona(persona)
        return {"persona_id": persona["persona_id"], "name": persona["name"], "is_public": False}

    def _ep_vox(self, v: dict[str, Any], call: _Call) -> Any:
        source = self._require_finished(v["audio_id"])
        rendering = self._rendering(source["id"])
        start = float(v.get("vocal_start") or 0.0)
        end = float(v.get("vocal_end") or rendering.duration)
        end = min(end, rendering.duration)
        if not start < end:
            why = (
                "vocal_start must be before vocal_end and the clip's end "
                f"({rendering.duration:.1f} s)"
            )
            raise ApiRefusal(400, "bad_request", why)
        layers = getattr(rendering, "layers", None) or {}
        vocals = layers.get("vocals", rendering.audio)
        part = vocals[int(start * rendering.sr) : int(end * rendering.sr)]
        decoded = DecodedAudio(part, rendering.sr, f"{source.get('title') or 'clip'} (vocals)")
        vox = self._save_upload(decoded, "vox", source_clip_id=source["id"])
        return {
            "id": vox["id"],
            "source_clip_id": source["id"],
            "status": "complete",
            "vocal_audio_url": f"{call.base_url}/files/{vox['id']}.mp3",
            "vocal_start_s": start,
            "vocal_end_s": end,
            "wave_response": {"waveform_aggregates": _waveform_aggregates(part)},
        }

    def _ep_upload(self, v: dict[str, Any], call: _Call) -> Any:
        decoded = self._load(v["audio_url"], call, "audio_url")
        if v.get("name"):
            decoded = DecodedAudio(decoded.audio, decoded.sr, v["name"])
        clip = self._save_upload(decoded, "upload", source_url=v["audio_url"])
        return {
            "audio_id": clip["id"],
            "lyric": clip["lyric"],
            "style": clip["style"],
            "image_url": f"{call.base_url}/files/{clip['id']}.jpg",
            "image_large_url": f"{call.base_url}/files/{clip['id']}.large.jpg",
            "audio_url": f"{call.base_url}/files/{clip['id']}.mp3",
            "title": clip["title"],
            "duration": clip["duration"],
        }

    def _ep_mp4(self, v: dict[str, Any], call: _Call) -> Any:
        clip = self._require_finished(v["audio_id"])
        if ffmpeg_exe() is None:
            raise ApiRefusal(
                501,
                "api_not_implemented",
                "mp4 needs the 'video' extra (a bundled ffmpeg): pip install 'suno-nb[video]'",
            )
        return {"video_url": f"{call.base_url}/files/{clip['id']}.mp4"}

    def _ep_wav(self, v: dict[str, Any], call: _Call) -> Any:
        clip = self._require_finished(v["audio_id"])
        return [{"file_url": f"{call.base_url}/files/{clip['id']}.wav"}]

    def _ep_mp3(self, v: dict[str, Any], call: _Call) -> Any:
        clip = self._require_finished(v["audio_id"])
        return [{"file_url": f"{call.base_url}/files/{clip['id']}.mp3"}]

    def _ep_midi(self, v: dict[str, Any], call: _Call) -> Any:
        clip = self._require_finished(v["audio_id"])
        return synth().score_to_midi(self._rendering(clip["id"]).score)

    def _ep_timing(self, v: dict[str, Any], call: _Call) -> Any:
        clip = self._require_finished(v["audio_id"])
        return synth().word_timings(self._rendering(clip["id"]))
