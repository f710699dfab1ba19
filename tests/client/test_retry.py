"""One retry policy for requests, downloads and the catalogue's file fetches."""

from __future__ import annotations

import pytest
from client_support import BASE, make_client
from fakes import FakeSuno

from suno_nb import _http, errors, retry
from suno_nb.catalogue import files
from suno_nb.client import Client


def test_backoff_doubles_to_eight_seconds_with_jitter() -> None:
    for n, base in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (9, 8.0)]:
        waits = [retry.delay(None, n) for _ in range(200)]
        assert base * 0.75 <= min(waits) and max(waits) <= base * 1.25
        assert max(waits) - min(waits) > base * 0.1  # jittered, not constant


def test_retry_after_is_honoured_up_to_the_cap() -> None:
    assert retry.delay(errors.RateLimitError("x", retry_after=3), 1) == 3
    assert retry.delay(errors.RateLimitError("x", retry_after=3600), 1) == retry.MAX_RETRY_AFTER
    assert retry.parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


@pytest.mark.parametrize(("status", "again"), [(408, True), (409, True), (429, True),
                                               (500, True), (503, True), (400, False),
                                               (401, False), (404, False)])  # fmt: skip
def test_which_statuses_are_transient(status: int, again: bool) -> None:
    exc = errors.error_from_response(status, {"error": {"code": "x", "message": "m"}})
    assert retry.transient(exc) is again


@pytest.mark.parametrize("status", [408, 409, 503])
def test_reads_retry_transient_statuses_and_wait_retry_after(status: int) -> None:
    fake = FakeSuno()
    client = make_client(fake)
    slept: list[float] = []
    client._sleep = slept.append
    task = client.generate("p", wait=False)
    fake.fail_next.append((status, {"code": "busy", "message": "later"}, {"retry-after": "7"}))
    task.wait()
    assert task.done and 7.0 in slept


def test_submissions_retry_on_429_only() -> None:
    fake = FakeSuno()
    client = make_client(fake)
    fake.fail_next.append((429, {"code": "too_many_requests", "message": "slow"}, {}))
    assert client.generate("p").done
    assert len(fake.calls("/suno/audios")) == 2
    fake.fail_next.append((503, {"code": "busy", "message": "no"}, {}))
    with pytest.raises(errors.ServerError):
        client.generate("p")
    assert len(fake.calls("/suno/audios")) == 3  # a 503 on a paid submission is not re-sent


def test_max_retries_counts_retries_after_the_first_try() -> None:
    fake = FakeSuno()
    client = make_client(fake, max_retries=2)
    task = client.generate("p", wait=False)
    before = len(fake.requests)
    fake.fail_next.extend([(503, {"code": "busy", "message": "no"}, {})] * 5)
    with pytest.raises(errors.ServerError):
        task.refresh()
    assert len(fake.requests) - before == 3


def test_download_and_fetch_bytes_share_the_policy() -> None:
    answers = [404, 409, 503, 200]
    slept: list[float] = []

    def handler(request: _http.Request) -> _http.Response:
        return _http.Response(answers.pop(0), content=b"data")

    client = Client(transport=_http.MockTransport(handler), base_url=BASE, catalogue=False)
    client._download_sleep = slept.append
    assert client.download(f"{BASE}/x.mp3") == b"data" and len(slept) == 3

    class HttpOnly:  # a client without download(): fetch_bytes uses its HTTP client
        _http = _http.make_sync_client(BASE, transport=_http.MockTransport(handler))

    answers[:] = [500, 429, 200]
    slept.clear()
    assert files.fetch_bytes(HttpOnly(), f"{BASE}/y.mp3", sleep=slept.append) == b"data"
    assert len(slept) == 2 and slept[1] >= 0.75  # the policy's backoff, not a fixed table
    answers[:] = [403]
    with pytest.raises(files.DownloadError, match="403"):
        files.fetch_bytes(HttpOnly(), f"{BASE}/z.mp3", sleep=slept.append)
