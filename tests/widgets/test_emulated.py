"""Panels, cards, studio and the magic against the offline emulator (real audio, no kernel)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from widget_support import wait_done

from suno_nb import magics, schema
from suno_nb.waveform_player import WaveformPlayer
from suno_nb.widgets.cards import CardController
from suno_nb.widgets.panel import panel
from suno_nb.widgets.studio import Studio


def test_generate_then_extend_from_a_chosen_time(emulated: Any, catalogue: Any) -> None:
    p = panel("generate", client=emulated, prompt="a calm lofi song about a night bus")
    p.runner.poll_interval = (0.05, 0.2)
    p.submit()
    assert wait_done(p, 60).phase == "succeeded"
    assert len(p.cards) == 2
    card = p.cards[0]
    assert isinstance(card.player, WaveformPlayer)
    assert card.player.duration > 5 and len(card.player.peaks) > 50  # the waveform is drawn
    card.player.set_state({"cursor": 4.0})  # a click on the waveform, as the browser sends it
    assert card.at.value == 4.0
    card.player.set_state({"selection": [2.0, 5.5]})  # a drag
    assert (card.start.value, card.end.value) == (2.0, 5.5)
    card.at.value = 6.0
    assert card.player.cursor == 6.0  # a typed time is marked on the waveform
    card.rating.value = 5
    card.star.value = True
    card.buttons["extend"].click()
    follow = p.follow_ups.children[0]
    follow.runner.poll_interval = (0.05, 0.2)
    follow.fill(lyric="[Verse]\nthe bus rolls on")
    follow.submit()
    assert wait_done(follow, 60).phase == "succeeded"
    frame = catalogue.to_pandas()
    assert sorted(frame["action"].astype(str)) == ["extend"] * 2 + ["generate"] * 2
    extend_request = catalogue.get(follow.cards[0].controller.id).params
    assert extend_request["continue_at"] == 6.0
    assert extend_request["audio_id"] == card.controller.id
    assert catalogue.get(card.controller.id).annotations["rating"] == 5


def test_the_preview_plays_while_the_task_runs(tmp_path: Any, catalogue: Any) -> None:
    from suno_nb.client import Client
    from suno_nb.emulator import Emulator, inprocess_transport

    emulator = Emulator(
        profile={"pending": 0.0, "running": 2.0}, data_dir=tmp_path / "e", max_duration=8.0
    )
    client = Client(transport=inprocess_transport(emulator), base_url="http://suno-emulator.invalid",
                    catalogue=catalogue)  # fmt: skip
    seen: list[Any] = []
    p = panel("generate", client=client, prompt="rain")
    p.runner.poll_interval = (0.05, 0.1)
    show = p.runner.on_update

    def spy(state: Any) -> None:
        show(state)
        if state.phase == "running" and state.previews:
            seen.append(p.previews.children)

    p.runner.on_update = spy
    p.submit()
    wait_done(p, 60)
    emulator.close()
    assert seen, "no preview was shown while running"
    player = seen[0][0].children[1]
    assert isinstance(player, WaveformPlayer) and len(player.audio) > 1000


def test_card_prefills_follow_the_schema() -> None:
    card = CardController({"id": "c1", "title": "t", "duration": 30.0})
    assert card.prefill("extend") == {"audio_id": "c1", "continue_at": 30.0}
    assert card.prefill("stems") == {"audio_id": "c1"}
    assert card.prefill("samples", start=2, end=4) == {
        "audio_id": "c1",
        "samples_start": 2.0,
        "samples_end": 4.0,
    }
    assert card.prefill("mashup") == {"mashup_audio_ids": ["c1"]}


def test_studio_tabs_follow_ups_browser_and_settings(
    emulated: Any, catalogue: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Studio(client=emulated, catalogue=catalogue)
    titles = list(app.tabs.titles)
    assert titles[:5] == ["create", "edit a song", "separate", "voice and persona",
                          "tools and media"]  # fmt: skip
    assert titles[-2:] == ["catalogue", "settings"]
    assert set(schema.ACTIONS) <= set(app.names)  # every action has a tab, grouped
    assert list(app.panels) == ["generate"]  # the other tabs are built when opened
    assert "Offline emulator" in app.notice.value  # information, not an error box
    gen = app.panel("generate")
    gen.runner.poll_interval = (0.05, 0.2)
    gen.fill(prompt="night bus")
    gen.submit()
    wait_done(gen, 60)
    gen.cards[1].start.value = 3.0
    gen.cards[1].end.value = 7.0
    gen.cards[1].buttons["replace_section"].click()
    assert app.selected == "replace_section"
    assert app.panels["replace_section"].form.request() == {
        "audio_id": gen.cards[1].controller.id,
        "replace_section_start": 3.0,
        "replace_section_end": 7.0,
    }
    browser = app.show_catalogue()
    assert len(browser.list.children) == 2
    browser.text.value = "zzz-no-match"
    assert browser.list.children == ()
    browser.text.value = ""
    rows = browser.list.children
    rows[0].children[0].value = True
    rows[1].children[0].value = True
    assert not browser.compare_button.disabled
    rows[0].children[2].click()  # play
    assert isinstance(browser.player.children[1], WaveformPlayer)
    rows[0].children[5].value = "keeper, night"
    assert catalogue.tracks(tag="keeper")[0].id == browser.controller.rows()[0]["clip_id"]
    # settings: the token is used, then gone from the widget (and so from saved widget state)
    monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
    app.settings.service.value = "real service"
    app.settings.token.value = "sk-secret-123"
    app.settings.apply()
    assert app.settings.token.value == ""
    assert "sk-secret-123" not in str(app.settings.token.get_state())
    assert "sk-secret-123" not in repr(app.client)
    assert app.client.service == "api.acedata.cloud"
    app.settings.service.value = "emulator"
    app.settings.apply()
    assert app.client.service == "emulator"


def test_the_cell_magic_parses_and_submits(
    fake: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, values = magics.parse_magic(
        'generate --style "lofi, rain" --title "Night Bus" --weirdness 0.3 --instrumental',
        "[Verse]\nCity lights",
    )
    assert name == "generate"
    assert values == {
        "style": "lofi, rain",
        "title": "Night Bus",
        "weirdness": 0.3,
        "instrumental": True,
        "lyric": "[Verse]\nCity lights",
        "custom": True,
    }
    with pytest.raises(ValueError, match="no field 'colour'"):
        magics.parse_magic("generate --colour red")
    registered: dict[str, Any] = {}

    class Shell:
        def register_magic_function(self, fn: Any, magic_kind: str, magic_name: str) -> None:
            registered[(magic_kind, magic_name)] = fn

    magics.register(Shell())
    monkeypatch.setattr(sys.modules["suno_nb.widgets.panel"], "_make_client", lambda c: client)
    shown = registered[("cell", "suno")](
        'generate --style "lofi" --title "Night Bus"', "[Verse]\nla"
    )
    shown.runner.join(30)
    assert fake.calls("/suno/audios")[0]["lyric"] == "[Verse]\nla"
    assert len(shown.cards) == 2
    bad = registered[("cell", "suno")]("generate --weirdness 3", "")
    assert "weirdness must be a number from 0 to 1" in bad.form_view.fields["weirdness"].error.value
    assert len(fake.calls("/suno/audios")) == 1  # the invalid cell sent nothing


def test_import_suno_nb_does_not_import_ipywidgets() -> None:
    code = "import sys, suno_nb; suno_nb.Client; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    code = "import sys, suno_nb; suno_nb.panel; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
