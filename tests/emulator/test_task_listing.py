"""``/suno/tasks`` listings: retrieve_batch without ids, with the filters the provider's SDK and
web app send (created_at_min/max, offset, limit, type, user_id, application_id)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from suno_nb import _http
from suno_nb.emulator import Emulator, inprocess_transport
from tests.emulator.conftest import BASE

SLOW = {"pending": 1000.0, "running": 1000.0}  # tasks stay pending: listing renders nothing


@pytest.fixture
def clocked(tmp_path) -> Iterator[tuple[_http.Client, list[float]]]:
    now = [1_000.0]
    emulator = Emulator(profile=SLOW, data_dir=tmp_path / "emu", clock=lambda: now[0])
    with _http.Client(transport=inprocess_transport(emulator), base_url=BASE) as client:
        yield client, now
    emulator.close()


def _submit(http: _http.Client, now: list[float], at: float, prompt: str) -> str:
    now[0] = at
    body = {"prompt": prompt, "async": True, "weirdness": 0.3}
    return http.post("/suno/audios", json=body).json()["task_id"]


def _list(http: _http.Client, **filters: object) -> dict:
    answer = http.post("/suno/tasks", json={"action": "retrieve_batch", **filters})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_listing_is_newest_first_paged_with_the_request_as_sent(clocked) -> None:
    http, now = clocked
    ids = [_submit(http, now, 1_000.0 + i, f"song {i}") for i in range(5)]
    page = _list(http, limit=2)
    assert page["count"] == 5
    assert [t["id"] for t in page["items"]] == [ids[4], ids[3]]
    rest = _list(http, limit=2, offset=2)["items"] + _list(http, limit=2, offset=4)["items"]
    assert [t["id"] for t in rest] == [ids[2], ids[1], ids[0]]
    newest = page["items"][0]
    assert newest["request"]["prompt"] == "song 4" and newest["request"]["async"] is True
    assert newest["request"]["weirdness"] == 0.3 and newest["created_at"] == 1_004.0
    assert newest["type"] == "audios" and newest["user_id"] == "emulator-user"
    # An empty ids list is a listing too (the provider's web app sends ids: [] unchanged).
    assert _list(http, ids=[])["count"] == 5


def test_listing_filters_by_time_window_type_and_owner(clocked) -> None:
    http, now = clocked
    ids = [_submit(http, now, 1_000.0 + 10 * i, f"song {i}") for i in range(4)]
    window = _list(http, created_at_min=1_010.0, created_at_max=1_020.0)
    assert [t["id"] for t in window["items"]] == [ids[2], ids[1]] and window["count"] == 2
    now[0] = 2_000.0
    lyrics = http.post("/suno/lyrics", json={"prompt": "rain on a bus"}).json()
    only_lyrics = _list(http, type="lyrics")["items"]
    assert [t["id"] for t in only_lyrics] == [lyrics["task_id"]]
    assert only_lyrics[0]["request"]["prompt"] == "rain on a bus"
    assert {t["id"] for t in _list(http, type="audios")["items"]} == set(ids)
    assert _list(http, user_id="someone-else") == {"items": [], "count": 0}
    assert _list(http, application_id="emulator-application")["count"] == 5


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"created_at_min": "yesterday"}, "created_at_min"),
        ({"ids": "abc"}, "ids"),
    ],
)
def test_bad_listing_filters_are_400_naming_the_field(clocked, filters, field) -> None:
    http, _ = clocked
    answer = http.post("/suno/tasks", json={"action": "retrieve_batch", **filters})
    assert answer.status_code == 400 and field in answer.json()["error"]["message"]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_are_not_json(clocked, literal) -> None:
    http, _ = clocked
    body = f'{{"prompt": "x", "async": true, "weirdness": {literal}}}'.encode()
    answer = http.post("/suno/audios", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400 and "finite" in answer.json()["error"]["message"]
    assert _list(http)["count"] == 0  # and no task was made


def test_huge_numbers_that_overflow_to_infinity_are_refused(clocked) -> None:
    http, _ = clocked
    body = b'{"prompt": "x", "async": true, "weirdness": 1e999}'  # Python reads this as inf
    answer = http.post("/suno/audios", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400 and "weirdness" in answer.json()["error"]["message"]
    assert _list(http)["count"] == 0


def test_a_listing_with_sibling_endpoint_tasks_parses(tmp_path) -> None:
    """Records of lyrics, style or upload tasks carry no clips; the listing still parses and
    their answers are readable as ``endpoint_data`` (it used to be a ValidationError)."""
    from suno_nb.client import Client

    emulator = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=8.0)
    client = Client(transport=inprocess_transport(emulator), base_url=BASE, catalogue=False)
    try:
        client.lyrics("a song about rain")
        client.style("rainy lofi")
        listed = client.list_tasks()
        assert listed.count == 2
        assert {r.state for r in listed.items} == {"succeeded"}
        by_type = {r.model_extra["type"]: r for r in listed.items}
        assert by_type["style"].endpoint_data["upsampled_tags"]
        assert by_type["lyrics"].endpoint_data[0]["text"] and not by_type["lyrics"].clips
    finally:
        client.close()
        emulator.close()
