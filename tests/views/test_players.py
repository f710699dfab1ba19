"""Players: playable HTML, relative paths under cwd, small outputs, embedding only when asked."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
import traitlets
from views_support import Clips

from suno_nb import frontend, players
from suno_nb.players import audio_widget, detect_frontend, player, player_html
from suno_nb.waveform_player import WaveformPlayer, peaks_of

_FRONTEND_VARS = ("SUNO_NB_FRONTEND", "VSCODE_PID", "VSCODE_CWD", "COLAB_RELEASE_TAG")


@pytest.fixture(autouse=True)
def _plain_jupyter(monkeypatch: pytest.MonkeyPatch, clips: Clips) -> None:
    """Detection sees a Jupyter server kernel whose notebook sits in the clips folder."""
    for name in _FRONTEND_VARS:
        monkeypatch.delenv(name, raising=False)
    for name in [n for n in __import__("os").environ if n.startswith("VOILA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(frontend, "FRONTEND", None)
    monkeypatch.setattr(frontend, "kernel_shell", lambda: _Shell())
    monkeypatch.setattr(players, "_server_root", lambda base: None)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(clips.folder)


class _Shell:
    user_ns: dict[str, object] = {}  # noqa: RUF012 - a stand-in, never mutated


def _src(html: str) -> str:
    match = re.search(r'<audio controls preload="metadata" src="([^"]+)"></audio>', html)
    assert match, html
    return match.group(1)


def test_served_file_plays_from_the_files_route(clips: Clips) -> None:
    (clips.folder / "sub dir").mkdir(exist_ok=True)
    target = clips.folder / "sub dir" / "take 1.wav"
    target.write_bytes(clips.stereo_wav.read_bytes())
    shown = player(target, title="Take <1>")
    assert detect_frontend() == "jupyter"
    assert shown.mode == "widget" and shown.files_path == "sub dir/take 1.wav"
    widget = shown.widget
    assert isinstance(widget, WaveformPlayer)
    assert widget.files_path == "sub dir/take 1.wav" and widget.audio == b""  # no bytes sent
    assert widget.duration == pytest.approx(6.0) and len(widget.peaks) > 100
    html = shown._repr_html_()  # the static viewers' fallback: a relative <audio>, no bytes
    assert _src(html) == "sub%20dir/take%201.wav"
    assert "Take &lt;1&gt;" in html
    assert len(html) < 1024
    bundle = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_light_player_is_plain_audio_where_that_plays(clips: Clips) -> None:
    shown = player(clips.stereo_wav, title="A", light=True)
    assert shown.mode == "url" and _src(shown.to_html()) == "stereo.wav"
    assert set(shown._repr_mimebundle_()) == {"text/html", "text/plain"}
    # ...but inside a widget layout the relative URL would not resolve: .widget is the player
    assert isinstance(shown.widget, WaveformPlayer)


def test_browser_asking_for_bytes_gets_them(clips: Clips) -> None:
    widget = player(clips.stereo_wav).widget
    assert widget.audio == b""
    widget._on_message(widget, {"event": "need_bytes"}, [])  # the page's URL failed
    assert widget.audio == clips.stereo_wav.read_bytes() and widget.mime == "audio/wav"


def test_selection_and_cursor_are_traits(clips: Clips) -> None:
    shown = player(clips.stereo_wav)
    assert shown.selection is None and shown.cursor is None
    widget = shown.widget
    widget.set_state({"selection": [4.5, 1.25], "cursor": 2.0})  # as the browser sends them
    assert shown.selection == (1.25, 4.5) and shown.cursor == 2.0
    with pytest.raises(traitlets.TraitError, match="start, end"):
        widget.selection = [1.0]
    widget.clear_selection()
    assert shown.selection is None


def test_audio_widget_takes_bytes_urls_and_nothing(clips: Clips) -> None:
    from_bytes = audio_widget(clips.stereo_wav.read_bytes(), title="B")
    assert from_bytes.mime == "audio/wav" and from_bytes.duration == pytest.approx(6.0)
    from_url = audio_widget("https://cdn.example.org/x.mp3")
    assert from_url.src == "https://cdn.example.org/x.mp3" and from_url.audio == b""
    assert "no audio" in audio_widget(None).value


def test_peaks_follow_the_loudness(clips: Clips) -> None:
    duration, levels = peaks_of(clips.stereo_wav, bins=60)
    assert duration == pytest.approx(6.0) and len(levels) == 60 and max(levels) == 255
    silent_duration, silent = peaks_of(clips.silent_wav, bins=10)
    assert silent_duration == pytest.approx(3.0) and set(silent) == {0}
    assert peaks_of(clips.corrupt_wav) == (0.0, b"")


def test_file_outside_the_server_root_falls_back_to_a_quiet_widget(
    clips: Clips, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "a.wav"
    elsewhere.write_bytes(clips.stereo_wav.read_bytes())
    shown = player(elsewhere)
    assert shown.mode == "widget" and shown.src is None
    widget = shown.widget
    assert widget.files_path == ""  # the server cannot serve it: the bytes go over the comm
    assert widget.audio == elsewhere.read_bytes() and widget.mime == "audio/wav"
    bundle = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert len(bundle["text/html"]) < 512  # static viewers get a note, not the audio


def test_hidden_folder_is_not_served(clips: Clips) -> None:
    hidden = clips.folder / ".cache"
    hidden.mkdir(exist_ok=True)
    (hidden / "a.wav").write_bytes(clips.stereo_wav.read_bytes())
    assert player(hidden / "a.wav").mode == "widget"


def test_server_root_allows_parent_paths(
    clips: Clips, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    notebooks = clips.folder / "notebooks"
    notebooks.mkdir(exist_ok=True)
    monkeypatch.chdir(notebooks)
    monkeypatch.setattr(players, "_server_root", lambda base: clips.folder.resolve())
    assert _src(player(clips.stereo_wav).to_html()) == "../stereo.wav"


def test_notebook_dir_from_session_name_beats_cwd(
    clips: Clips, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JPY_SESSION_NAME", str(clips.folder / "analysis.ipynb"))
    monkeypatch.chdir("/")  # the user called os.chdir in the kernel
    monkeypatch.setattr(players, "_server_root", lambda base: Path("/"))
    assert _src(player(clips.stereo_wav).to_html()) == "stereo.wav"


@pytest.mark.parametrize("variable", ["VSCODE_PID", "VSCODE_CWD"])
def test_vscode_chosen_by_env_var(
    clips: Clips, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "1234")
    assert detect_frontend() == "vscode"
    shown = player(clips.stereo_wav)
    assert shown.mode == "widget" and shown.files_path is None  # VS Code has no files route
    assert shown.widget.audio == clips.stereo_wav.read_bytes()
    monkeypatch.setenv("JPY_SESSION_NAME", "/x/a.ipynb")  # a Jupyter server started the kernel
    assert detect_frontend() == "jupyter"


def test_vscode_namespace_marker_and_other_front_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    shell = _Shell()
    shell.user_ns = {"__vsc_ipynb_file__": "/x/a.ipynb"}
    monkeypatch.setattr(frontend, "kernel_shell", lambda: shell)
    assert detect_frontend() == "vscode"
    monkeypatch.setattr(frontend, "kernel_shell", lambda: None)
    assert detect_frontend() == "terminal"
    monkeypatch.setenv("VOILA_KERNEL_ID", "k")
    assert detect_frontend() == "voila"
    monkeypatch.setenv("SUNO_NB_FRONTEND", "colab")
    assert detect_frontend() == "colab"
    monkeypatch.setattr(frontend, "FRONTEND", "nbviewer")
    with pytest.raises(ValueError, match="jupyter"):
        detect_frontend()


def test_voila_sends_bytes(clips: Clips, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOILA_REQUEST_URL", "http://localhost:8866/")
    shown = player(clips.stereo_wav, light=True)  # Voilà serves no audio files: never light
    assert shown.mode == "widget" and shown.files_path is None


def test_a_script_in_a_vscode_terminal_gets_html(
    clips: Clips, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VSCODE_PID", "1")
    monkeypatch.setattr(frontend, "kernel_shell", lambda: None)
    assert detect_frontend() == "terminal" and player(clips.stereo_wav).mode == "url"


def test_embed_only_when_asked(clips: Clips) -> None:
    for embed in (None, False):
        assert "base64" not in player(clips.long_wav, embed=embed).to_html()
    preview = player(clips.long_wav, embed="preview").to_html()
    src = _src(preview)
    assert src.startswith("data:audio/mpeg;base64,")
    mp3 = base64.b64decode(src.split(",", 1)[1])
    # 64 kbps mono: 60 s is ~480 kB, a tenth of the 10 MB WAV.
    assert 400_000 < len(mp3) < 560_000
    original = player(clips.stereo_wav, embed=True).to_html()
    assert _src(original).startswith("data:audio/wav;base64,")
    assert base64.b64decode(_src(original).split(",", 1)[1]) == clips.stereo_wav.read_bytes()


def test_preview_decodes_to_the_right_length(clips: Clips) -> None:
    import io

    import soundfile

    data, rate = soundfile.read(io.BytesIO(players.preview_mp3(clips.stereo_wav)))
    assert data.ndim == 1 and len(data) / rate == pytest.approx(6.0, abs=0.1)


def test_urls_pass_through_and_missing_files_fail(clips: Clips) -> None:
    shown = player("https://cdn.example.org/x.mp3")
    assert shown.mode == "url" and _src(shown.to_html()) == "https://cdn.example.org/x.mp3"
    with pytest.raises(ValueError, match="download"):
        player("https://cdn.example.org/x.mp3", embed="preview")
    with pytest.raises(FileNotFoundError, match=r"nope\.mp3"):
        player(clips.folder / "nope.mp3")


def test_player_html_for_reports(clips: Clips, tmp_path: Path) -> None:
    report_dir = tmp_path / "report"
    report_dir.mkdir()
    html = player_html(clips.stereo_wav, relative_to=report_dir, title="A")
    src = _src(html)
    assert (report_dir / src).resolve() == clips.stereo_wav.resolve()
    assert len(html) < 1024
    assert _src(player_html(clips.stereo_wav, embed="preview")).startswith("data:audio/mpeg")


def test_server_root_from_runtime_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clips: Clips
) -> None:
    import json
    import os

    monkeypatch.undo()  # the real _server_root, not the autouse stand-in
    _server_root = players._server_root
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path))
    outer, inner = clips.folder.parent, clips.folder
    (tmp_path / "jpserver-1.json").write_text(
        json.dumps({"root_dir": str(outer), "pid": os.getpid()})
    )
    (tmp_path / "jpserver-2.json").write_text(json.dumps({"root_dir": "/", "pid": 2**22 + 7}))
    assert _server_root(inner / "notebooks") == outer.resolve()  # the dead server is ignored
    (tmp_path / "jpserver-3.json").write_text(
        json.dumps({"root_dir": str(inner), "pid": os.getpid()})
    )
    assert _server_root(inner) == inner.resolve()  # the deepest live root wins
    assert _server_root(Path("/usr")) is None


def test_comparison_labels_say_what_differs_and_play_in_a_notebook(
    clips: Clips, monkeypatch: pytest.MonkeyPatch
) -> None:
    from suno_nb.catalogue.track import Comparison

    class _Track:
        def __init__(self, weirdness: float) -> None:
            self.title, self.id, self.path = "School Trip", f"id{weirdness}", clips.stereo_wav
            self.params = {"prompt": "trip", "weirdness": weirdness}

    import matplotlib.figure

    shown = Comparison([_Track(0.2), _Track(0.8)], matplotlib.figure.Figure())
    assert shown.labels == ["School Trip — weirdness 0.2", "School Trip — weirdness 0.8"]
    monkeypatch.setenv("VOILA_KERNEL_ID", "k")  # Voilà: players that play, not a static note
    bundle = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    players = shown.widget().children[0].children
    assert [p.title for p in players] == shown.labels and all(p.audio for p in players)


def test_a_big_file_crosses_the_comm_as_a_smaller_mp3(
    clips: Clips, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOILA_KERNEL_ID", "k")
    widget = player(clips.long_wav).widget  # 10 MB of WAV
    assert widget.mime == "audio/mpeg" and 400_000 < len(widget.audio) < 1_200_000
