"""Client behaviour against the scripted fake: actions, endpoints, waiting, errors, retries."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging

import pytest
from client_support import BASE, make_async_client, make_client, minimal_request
from fakes import FakeSuno

from suno_nb import _http, errors, schema
from suno_nb.client import AsyncClient, Client, parse_callback


@pytest.mark.parametrize("action", list(schema.ACTIONS))
def test_every_action_submits_once_async_and_waits_for_success(action: str) -> None:
    fake = FakeSuno()
    client = make_client(fake)
    task = getattr(client, action)(**minimal_request(action))
    sent = fake.calls("/suno/audios")
    assert len(sent) == 1
    assert sent[0]["action"] == action
    assert sent[0]["async"] is True
    for name, value in minimal_request(action).items():
        assert sent[0][name] == value
    assert task.done and task.state == "succeeded"
    assert [c.state for c in task.clips] == ["succeeded", "succeeded"]
    assert task.task_id == "task-1"


def test_only_fields_the_user_gave_are_sent(client: Client, fake: FakeSuno) -> None:
    client.generate("a song")
    assert fake.calls("/suno/audios")[0] == {
        "prompt": "a song",
        "action": "generate",
        "async": True,
    }


def test_style_negative_is_sent_as_negative_tags(client: Client, fake: FakeSuno) -> None:
    client.audios("generate", prompt="p", style_negative="drums")
    body = fake.calls("/suno/audios")[0]
    assert body["negative_tags"] == "drums" and "style_negative" not in body


def test_overpainting_sends_the_custom_flag_it_needs(client: Client, fake: FakeSuno) -> None:
    client.overpainting("up-1", 20.0, "[Verse]\nla")
    assert fake.calls("/suno/audios")[0]["custom"] is True


def test_polling_walks_pending_running_succeeded_and_reports_progress(
    client: Client, fake: FakeSuno
) -> None:
    seen = []
    task = client.generate("p", on_progress=lambda p: seen.append(p.state))
    assert seen[:3] == ["pending", "running", "succeeded"]
    assert len(fake.calls("/suno/tasks")) == 3
    assert task.record is not None and task.record.elapsed == 38.38


def test_wait_false_returns_a_pending_handle_then_wait_finishes(
    client: Client, fake: FakeSuno
) -> None:
    task = client.generate("p", wait=False)
    assert task.state == "pending" and task.clips == []
    assert fake.calls("/suno/tasks") == []
    assert task.wait().done


def test_until_stream_returns_when_a_preview_exists(client: Client) -> None:
    task = client.generate("p", until="stream")
    assert task.state == "running"
    assert all(c.has_preview for c in task.clips)
    assert not task.done
    assert task.wait().done


def test_streaming_mode_reads_ndjson_snapshots(fake: FakeSuno) -> None:
    client = make_client(fake, wait_mode="stream")
    states = []
    task = client.generate("p", on_progress=lambda p: states.append(p.state))
    assert states == ["pending", "running", "succeeded"]
    assert task.done and task.trace_id == "tr-stream"
    assert fake.calls("/suno/tasks") == []  # no polling needed
    assert "async" not in fake.calls("/suno/audios")[0]


def test_stream_that_drops_after_the_task_exists_falls_back_to_polling() -> None:
    fake = FakeSuno()

    def handler(request: _http.Request) -> _http.Response:
        if request.url.path == "/suno/audios":
            fake.bodies.append(json.loads(request.content))
            fake.requests.append(request)
            fake._new_task({})

            def lines():
                yield (json.dumps(fake.snapshot("task-1", "pending")) + "\n").encode()
                raise _http.ReadError("connection dropped")

            return _http.Response(200, stream=_IterStream(lines()))
        return fake.handle(request)

    client = Client(
        transport=_http.MockTransport(handler), base_url=BASE, catalogue=False, wait_mode="stream"
    )
    client._sleep = lambda s: None
    task = client.generate("p")
    assert task.done and len(fake.calls("/suno/audios")) == 1


class _IterStream(_http.SyncByteStream):
    def __init__(self, it):
        self._it = it

    def __iter__(self):
        yield from self._it


def test_timeout_raises_and_never_returns_unfinished_clips(fake: FakeSuno) -> None:
    fake.stages = ("pending", "running")  # never finishes
    client = make_client(fake)
    clock = [0.0]
    client._sleep = lambda s: clock.__setitem__(0, clock[0] + s)
    import suno_nb.client_steps as client_module

    real = client_module.time.monotonic
    client_module.time.monotonic = lambda: clock[0]
    try:
        with pytest.raises(errors.GenerationTimeout) as info:
            client.generate("p", timeout=30)
    finally:
        client_module.time.monotonic = real
    assert info.value.task_id == "task-1"
    assert info.value.last_state == "running"
    assert "client.task('task-1').wait()" in str(info.value)
    assert len(fake.calls("/suno/audios")) == 1


def test_interrupt_keeps_the_task_id(client: Client, fake: FakeSuno) -> None:
    def interrupt(_: float) -> None:
        raise KeyboardInterrupt

    client._sleep = interrupt
    with pytest.raises(errors.WaitInterrupted) as info:
        client.generate("p")
    assert isinstance(info.value, KeyboardInterrupt)
    assert info.value.task_id == "task-1"
    assert "client.task('task-1').wait()" in str(info.value)


def test_failed_task_raises_the_typed_error_with_a_hint(fake: FakeSuno) -> None:
    fake.task_error = {
        "code": "forbidden",
        "message": "Song Description contained artist name: Drake",
    }
    with pytest.raises(errors.ModerationError) as info:
        make_client(fake).generate("like drake")
    assert info.value.task_id == "task-1"
    assert "artist names" in info.value.hint()


def test_bare_string_task_error_is_understood(fake: FakeSuno) -> None:
    fake.task_error = "job failed with unknown error"
    with pytest.raises(errors.APIError, match="job failed with unknown error"):
        make_client(fake).generate("p")


def test_unknown_task_id_raises_task_not_found(client: Client) -> None:
    with pytest.raises(errors.TaskNotFound):
        client.task("nope")


def test_empty_record_while_waiting_gets_a_grace_period_then_raises(fake: FakeSuno) -> None:
    client = make_client(fake)
    task = client.generate("p", wait=False)
    fake.tasks.clear()  # the service forgets it
    clock = [0.0]
    client._sleep = lambda s: clock.__setitem__(0, clock[0] + s)
    import suno_nb.client_steps as client_module

    real = client_module.time.monotonic
    client_module.time.monotonic = lambda: clock[0]
    try:
        with pytest.raises(errors.TaskNotFound):
            task.wait()
    finally:
        client_module.time.monotonic = real
    assert clock[0] >= 10  # it waited the grace period, not one poll
    assert len(fake.calls("/suno/tasks")) > 2


def test_task_and_batch_lookup(client: Client, fake: FakeSuno) -> None:
    client.generate("a")
    client.extend("c", 10, lyric="x")
    one = client.task("task-1")
    assert one.action == "generate" and one.request["prompt"] == "a"
    both = client.tasks(["task-1", "task-2"])
    assert [t.task_id for t in both] == ["task-1", "task-2"]
    assert fake.calls("/suno/tasks")[-1] == {
        "action": "retrieve_batch",
        "ids": ["task-1", "task-2"],
    }


@pytest.mark.parametrize(
    ("name", "kwargs", "check"),
    [
        ("lyrics", {"prompt": "rain"}, lambda r: r.text.startswith("[Verse]")),
        ("mashup_lyrics", {"lyrics_a": "a", "lyrics_b": "b"}, lambda r: r.title == "Mix"),
        ("style", {"prompt": "lofi"}, lambda r: "72 bpm" in r.upsampled_tags),
        ("create_persona", {"audio_id": "c", "name": "Ana"}, lambda r: r.persona_id == "p-1"),
        ("personas", {"user_id": "u"}, lambda r: r.count == 1 and r.items[0].name == "Ana"),
        ("delete_persona", {"persona_id": "p-1"}, lambda r: r.success is True),
        ("voices", {"audio_url": "https://x.test/v.mp3"}, lambda r: r.persona_id == "p-2"),
        ("vox", {"audio_id": "c", "vocal_start": 0, "vocal_end": 9}, lambda r: r.id == "vox-1"),
        ("upload", {"audio_url": "https://x.test/a.mp3"}, lambda r: r.audio_id == "up-1"),
        ("mp4", {"audio_id": "c"}, lambda r: r.video_url.endswith(".mp4")),
        ("wav", {"audio_id": "c"}, lambda r: r.files[0].file_url.endswith(".wav")),
        ("midi", {"audio_id": "c"}, lambda r: r.instruments[0].notes[0].pitch == 60),
        ("timing", {"audio_id": "c"}, lambda r: r.aligned_words[0].word == "la"),
    ],
)
def test_every_endpoint_returns_its_typed_result(client, name, kwargs, check) -> None:
    result = getattr(client, name)(**kwargs)
    assert check(result)
    assert result.trace_id in ("tr-ep", "tr")


def test_endpoint_paths_and_methods(client: Client, fake: FakeSuno) -> None:
    client.personas("u", limit=10)
    client.delete_persona("p-1")
    assert fake.requests[0].method == "GET" and fake.requests[0].url.params["limit"] == "10"
    assert fake.requests[1].method == "DELETE"
    assert fake.requests[1].url.params["persona_id"] == "p-1"


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (400, "bad_request", errors.BadRequestError),
        (400, "no_token", errors.AuthenticationError),
        (400, "token_mismatched", errors.AuthenticationError),
        (401, "invalid_token", errors.AuthenticationError),
        (401, "token_expired", errors.AuthenticationError),
        (403, "used_up", errors.InsufficientBalanceError),
        (403, "forbidden", errors.ModerationError),
        (404, "no_api", errors.NotFoundError),
        (429, "too_many_requests", errors.RateLimitError),
        (500, "api_error", errors.ServerError),
        (500, "busy", errors.ServerError),
        (504, "timeout", errors.ServerError),
    ],
)
def test_error_table(fake: FakeSuno, status: int, code: str, cls: type) -> None:
    client = make_client(fake, max_retries=0)
    fake.fail_next.append((status, {"code": code, "message": f"msg {code}"}, {}))
    with pytest.raises(cls) as info:
        client.generate("p")
    err = info.value
    assert err.status == status and err.code == code and err.trace_id == "tr-err"
    assert f"msg {code}" in str(err)


def test_bare_string_error_body(fake: FakeSuno) -> None:
    fake.fail_next.append((400, "Prompt too long.", {}))
    with pytest.raises(errors.BadRequestError, match="Prompt too long"):
        make_client(fake).generate("p")


def test_reads_retry_on_5xx_429_and_connection_errors(fake: FakeSuno) -> None:
    client = make_client(fake)
    task = client.generate("p", wait=False)
    fake.fail_next += [
        (500, {"code": "busy", "message": "no worker"}, {}),
        (429, {"code": "too_many_requests", "message": "slow"}, {"retry-after": "2"}),
    ]
    fake.raise_next.append(_http.ConnectError("refused"))
    sleeps: list[float] = []
    client._sleep = sleeps.append
    assert task.wait().done
    assert 2.0 in sleeps  # Retry-After honoured


def test_submission_timeout_is_never_resent(fake: FakeSuno) -> None:
    fake.raise_next.append(_http.ReadError("timed out after sending"))
    client = make_client(fake)
    with pytest.raises(errors.SubmissionUncertain) as info:
        client.generate("p")
    assert len(fake.calls("/suno/audios")) == 1
    assert "did not send it again" in str(info.value)


def test_submission_5xx_is_never_resent(fake: FakeSuno) -> None:
    fake.fail_next.append((500, {"code": "api_error", "message": "boom"}, {}))
    with pytest.raises(errors.ServerError):
        make_client(fake).generate("p")
    assert len(fake.calls("/suno/audios")) == 1


def test_submission_refused_with_429_is_retried(fake: FakeSuno) -> None:
    fake.fail_next.append((429, {"code": "too_many_requests", "message": "slow"}, {}))
    task = make_client(fake).generate("p")
    assert task.done and len(fake.calls("/suno/audios")) == 2


def test_per_call_max_retries(fake: FakeSuno) -> None:
    fake.fail_next.append((429, {"code": "too_many_requests", "message": "slow"}, {}))
    with pytest.raises(errors.RateLimitError):
        make_client(fake).generate("p", max_retries=0)


def test_callback_url_passthrough_and_parse_callback(client: Client, fake: FakeSuno) -> None:
    task = client.generate("p", callback_url="https://hook.test/suno", wait=False)
    assert fake.calls("/suno/audios")[0]["callback_url"] == "https://hook.test/suno"
    ok = parse_callback(json.dumps(fake.snapshot(task.task_id, "succeeded")))
    assert ok.done and len(ok.data) == 2
    bad = parse_callback(
        {
            "success": False,
            "task_id": "t",
            "error": {"code": "forbidden", "message": "Tags contained artist"},
        }
    )
    assert bad.failed and bad.error_parts() == ("forbidden", "Tags contained artist")


def test_token_never_leaks(fake: FakeSuno, caplog: pytest.LogCaptureFixture, tmp_path) -> None:
    secret = "sk-live-0123456789abcdefghijklmnop"
    caplog.set_level(logging.DEBUG)
    client = make_client(fake, token=secret)
    assert fake.requests == [] and secret not in repr(client)
    client.generate("p")
    assert fake.requests[0].headers["authorization"] == f"Bearer {secret}"
    fake.fail_next.append((401, {"code": "invalid_token", "message": "bad token"}, {}))
    with pytest.raises(errors.AuthenticationError) as info:
        client.generate("p")
    texts = [
        repr(client),
        str(info.value),
        repr(info.value),
        caplog.text,
        repr(client.task("task-1")),
        str(vars(info.value)),
    ]
    assert all(secret not in t for t in texts)


def test_download_does_not_send_the_token(fake: FakeSuno) -> None:
    secret = "sk-live-0123456789abcdefghijklmnop"
    seen = []

    def handler(request: _http.Request) -> _http.Response:
        seen.append(request)
        return _http.Response(200, content=b"ID3 mp3 bytes")

    client = Client(
        transport=_http.MockTransport(handler), base_url=BASE, token=secret, catalogue=False
    )
    assert client.download(f"{BASE}/files/a.mp3") == b"ID3 mp3 bytes"
    assert "authorization" not in seen[0].headers


def test_download_retries_a_404_shortly_after_completion() -> None:
    answers = [404, 404, 200]

    def handler(request: _http.Request) -> _http.Response:
        return _http.Response(answers.pop(0), content=b"data")

    client = Client(transport=_http.MockTransport(handler), base_url=BASE, catalogue=False)
    client._download_sleep = lambda s: None
    assert client.download(f"{BASE}/x.mp3") == b"data"


def test_observer_hears_submission_before_waiting(fake: FakeSuno) -> None:
    events: list[tuple] = []

    class Recorder:
        def task_submitting(self, action, request, service):
            events.append(("submitting", action, service, len(fake.requests)))
            return "key-1"

        def task_submitted(self, key, task):
            events.append(("submitted", key, task.task_id))

        def task_updated(self, task):
            events.append(("updated", task.state))

        def task_submit_failed(self, key, error):
            events.append(("failed", key, type(error).__name__))

    client = make_client(fake, observer=Recorder())
    client.generate("p")
    assert events[0] == ("submitting", "generate", "api.test", 0)
    assert events[1] == ("submitted", "key-1", "task-1")
    assert ("updated", "succeeded") in events
    fake.fail_next.append((403, {"code": "used_up", "message": "no credit"}, {}))
    with pytest.raises(errors.InsufficientBalanceError):
        client.generate("p")
    assert events[-1] == ("failed", "key-1", "InsufficientBalanceError")


def test_with_options_overrides_per_call_settings(client: Client) -> None:
    patient = client.with_options(timeout=3600, max_retries=0)
    assert patient._core.timeout == 3600 and client._core.timeout == 900
    with pytest.raises(TypeError):
        client.with_options(bogus=1)


def test_env_variables_choose_the_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACEDATACLOUD_API_TOKEN", "sk-env-token-abcdefghijklmnopqrstu")
    monkeypatch.setenv("ACEDATACLOUD_API_BASE_URL", "https://proxy.example")
    client = Client(catalogue=False)
    assert client.service == "proxy.example"
    assert "sk-env" not in repr(client)


def test_generated_signatures_show_the_schema_fields() -> None:
    for action in schema.ACTIONS.values():
        params = inspect.signature(getattr(Client, action.name)).parameters
        for name in action.fields:
            assert name in params, (action.name, name)
        for name in action.required:
            if name in action.positional_fields:
                assert params[name].default is inspect.Parameter.empty
        assert action.summary in inspect.getdoc(getattr(Client, action.name))
        assert inspect.iscoroutinefunction(getattr(AsyncClient, action.name))


# ------------------------------------------------------------------------- async parity


def test_async_client_parity_for_every_action() -> None:
    async def run() -> None:
        for action in schema.ACTIONS:
            fake = FakeSuno()
            client = make_async_client(fake)
            task = await getattr(client, action)(**minimal_request(action))
            assert task.done and len(fake.calls("/suno/audios")) == 1
            await client.aclose()

    asyncio.run(run())


def test_async_concurrency_streaming_errors_and_no_resend() -> None:
    async def run() -> None:
        fake = FakeSuno()
        client = make_async_client(fake)
        tasks = await asyncio.gather(*(client.generate(f"p{i}") for i in range(20)))
        assert all(t.done for t in tasks)
        assert len({t.task_id for t in tasks}) == 20
        assert (await client.lyrics("x")).text

        streaming = make_async_client(FakeSuno(), wait_mode="stream")
        assert (await streaming.generate("p")).done

        fake2 = FakeSuno()
        fake2.raise_next.append(_http.ReadError("lost"))
        with pytest.raises(errors.SubmissionUncertain):
            await make_async_client(fake2).generate("p")
        assert len(fake2.calls("/suno/audios")) == 1

        fake3 = FakeSuno(task_error={"code": "busy", "message": "no available worker"})
        with pytest.raises(errors.ServerError):
            await make_async_client(fake3).generate("p")

        pending = await client.generate("p", wait=False)
        assert (await pending.wait()).done
        batch = await client.tasks([tasks[0].task_id, tasks[1].task_id])
        assert [t.state for t in batch] == ["succeeded", "succeeded"]
        await client.aclose()

    asyncio.run(run())


def test_async_observers_run_off_the_event_loop_and_catalogue_observer_records_once(
    tmp_path,
) -> None:
    import threading

    from suno_nb.catalogue import Catalogue
    from suno_nb.tasks import QuietObserver

    threads: list[int] = []

    class SlowRecorder(QuietObserver):
        def task_updated(self, task):
            threads.append(threading.get_ident())

    catalogue = Catalogue(tmp_path / "cat")
    as_observer = make_async_client(FakeSuno(), catalogue=None, observer=catalogue)
    assert as_observer._core.observers == [catalogue]  # passed as observer: recorded once
    assert as_observer.catalogue is catalogue

    async def run() -> int:
        recorder = SlowRecorder()
        client = make_async_client(FakeSuno(), catalogue=False, observer=recorder)
        assert client._core.observers == [recorder] and client.catalogue is None
        await client.generate("p")
        await client.aclose()
        return threading.get_ident()

    loop_thread = asyncio.run(run())
    assert threads and loop_thread not in threads
