"""Issue 15's studio and player requirements, each checked in JupyterLab 4 in Chromium: grouped
tabs with whole labels, a lesson with its knobs in view, errors under their own field, required
marks, the offline notice as information, results kept per tab, lyrics as text, catalogue paging
and knob columns, compare labels that tell tracks apart, a form's own waveform for its times,
and a player that shows where it is playing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import ALL_PLAYABLE, NO_WIDGET_ERRORS, wait_or_show, write_notebook
from test_players_everywhere import _run_all

pytestmark = pytest.mark.browser

SETUP = (
    "import suno_nb\n"
    "client = suno_nb.Client()\n"
    "cat = suno_nb.Catalogue()\n"
    "a = client.generate('a calm lofi song', weirdness=0.1, duration=10).clips[0].id\n"
    "b = client.generate('a calm lofi song', weirdness=0.9, duration=10).clips[0].id\n"
    "for n in range(11):  # 2 + 2 + 22 tracks: more than one page of the catalogue browser\n"
    "    client.generate(f'take {n}', duration=10)"
)
LESSON = "lesson = suno_nb.studio(client, preset='lesson')\nlesson"
FULL = "full = suno_nb.studio(client)\nfull"
COMPARE = "suno_nb.compare([cat[a], cat[b]])"
SOURCE = "form = suno_nb.panel('replace_section', client, audio_id=a)\nform"
PLAY = "cat[a].play()"

# Every tab label shows whole (no ellipsis, nothing cut): its text fits its box.
TABS_WHOLE = """(root) => [...document.querySelector(root).querySelectorAll('.lm-TabBar-tab')]
  .filter(t => t.offsetParent !== null)
  .filter(t => { const l = t.querySelector('.lm-TabBar-tabLabel') || t;
                 return l.scrollWidth > l.clientWidth + 1; })
  .map(t => t.innerText)"""


# Buttons and tabs in a studio whose label does not fit (cut or ellipsised), and a lesson's tabs
# that wrap onto a second row.
CUT_LABELS = """(root) => {
  const studio = document.querySelector(root);
  const cut = [...studio.querySelectorAll('button, .lm-TabBar-tabLabel')]
    .filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
    .map(b => b.innerText);
  const bar = studio.querySelector('.lm-TabBar-content');
  const tops = new Set([...bar.children].map(t => Math.round(t.getBoundingClientRect().top)));
  if (tops.size > 1) cut.push(`the tabs wrap onto ${tops.size} rows`);
  return cut;
}"""


def _cell_output(page: Any, index: int) -> Any:
    return page.locator(".jp-Notebook .jp-CodeCell").nth(index).locator(".jp-OutputArea")


def test_studio_and_players_meet_issue_15(jupyterlab: Any, page: Any, artifacts: Path) -> None:
    write_notebook(jupyterlab.root / "studio.ipynb", SETUP, LESSON, FULL, COMPARE, SOURCE, PLAY)
    _run_all(page, f"{jupyterlab.url}/lab/tree/studio.ipynb?reset", "studio.ipynb")
    wait_or_show(
        page,
        "() => document.querySelectorAll('.suno-nb-studio').length >= 2",
        timeout=180_000,
        name="studio",
    )
    wait_or_show(
        page,
        "() => document.querySelectorAll('.suno-nb-wave').length >= 4",
        timeout=120_000,
        name="studio-waves",
    )
    lesson, full = _cell_output(page, 1), _cell_output(page, 2)
    assert page.evaluate(NO_WIDGET_ERRORS)

    # 2. the full studio is grouped by what people do, and no tab label is cut
    groups = full.locator(".suno-nb-studio > .widget-tab > .lm-TabBar .lm-TabBar-tab")
    titles = [t.strip() for t in groups.all_inner_texts()]
    for group in ("create", "edit a song", "separate", "voice and persona", "tools and media"):
        assert any(t.startswith(group) for t in titles), (group, titles)
    full.locator(".suno-nb-studio").first.evaluate("el => el.classList.add('suno-nb-full')")
    assert page.evaluate(TABS_WHOLE, ".suno-nb-full") == []

    # a lesson: only its tabs, the knobs it is about in view (not under "Advanced")
    lesson.locator(".suno-nb-studio").first.evaluate("el => el.classList.add('suno-nb-lesson')")
    assert page.evaluate(TABS_WHOLE, ".suno-nb-lesson") == []
    tabs = [t.strip() for t in lesson.locator(".lm-TabBar-tab").all_inner_texts()]
    assert tabs[:3] == ["generate", "extend", "replace section"] and "mp4" not in tabs
    generate = lesson.locator(".suno-nb-panel").first
    for knob in ("weirdness", "style_influence"):
        assert generate.locator(f".suno-nb-field-{knob}").first.is_visible()
    # required fields are marked; the offline notice is information, not an error box
    assert generate.locator(".suno-nb-field-prompt .suno-nb-label").inner_text().endswith("*")
    notice = lesson.locator(".suno-nb-notice")
    assert "Offline emulator" in notice.inner_text()
    colour = notice.locator("div[style*='border-left']").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert colour == "rgb(238, 244, 251)"  # the blue information box, not the pink stderr one

    # each error sits inside its own field's box, under its control
    prompt = generate.locator(".suno-nb-field-prompt textarea")
    prompt.fill("x" * 600)  # the prompt allows 500 characters
    prompt.blur()
    error = generate.locator(".suno-nb-field-prompt .suno-nb-error")
    page.wait_for_function(
        "(el) => el.innerText.trim().length > 0", arg=error.element_handle(), timeout=20_000
    )
    field = generate.locator(".suno-nb-field-prompt").bounding_box()
    control = prompt.bounding_box()
    shown = error.bounding_box()
    assert field["y"] <= shown["y"] and shown["y"] + shown["height"] <= field["y"] + field["height"]
    assert shown["y"] >= control["y"] + control["height"] - 1  # under the control, not above
    prompt.fill("a calm lofi song")
    prompt.blur()

    # results are kept per tab: two submits, two entries, the newest first
    submit = generate.locator(".suno-nb-submit")
    for _ in range(2):
        page.wait_for_function("(el) => !el.disabled", arg=submit.element_handle())
        submit.click()
        page.wait_for_function("(el) => !el.disabled", arg=submit.element_handle(), timeout=120_000)
    page.wait_for_function(
        "(el) => el.querySelectorAll('.suno-nb-card').length >= 4",
        arg=generate.element_handle(),
        timeout=120_000,
    )

    # lyrics render as text: lines, no Python dict, no literal \\n
    lesson.get_by_role("tab", name="lyrics").click()
    # the shown tab's panel: hidden tabs' panels (also with a prompt) stay in the page
    lyrics = lesson.locator(
        ".suno-nb-panel:visible", has=page.locator(".suno-nb-field-prompt")
    ).last
    lyrics.locator(".suno-nb-field-prompt textarea").fill("a school trip")
    lyrics.locator(".suno-nb-submit").click()
    result = lyrics.locator(".suno-nb-results")
    page.wait_for_function(
        "(el) => el.innerText.includes('[') && el.innerText.split('\\n').length > 3",
        arg=result.element_handle(),
        timeout=60_000,
    )
    text = result.inner_text()
    assert "\\n" not in text and "{'" not in text, text[:300]

    # the catalogue browser pages (20 a page, 26 tracks + the ones above) and shows knobs
    lesson.get_by_role("tab", name="catalogue").click()
    rows = lesson.locator(".suno-nb-browser-row")
    page.wait_for_function(
        "(el) => el.querySelectorAll('.suno-nb-browser-row').length === 20",
        arg=lesson.element_handle(),
        timeout=30_000,
    )
    first_page = rows.first.inner_text()
    lesson.get_by_role("button", name="older ▶").click()
    page.wait_for_function(
        "([el, before]) => el.querySelector('.suno-nb-browser-row').innerText !== before",
        arg=[lesson.element_handle(), first_page],
        timeout=30_000,
    )
    assert 0 < rows.count() <= 20
    knobs = lesson.locator(".suno-nb-knobs").all_inner_texts()
    assert any("weirdness 0.1" in k for k in knobs) and any("weirdness 0.9" in k for k in knobs)
    assert page.evaluate(CUT_LABELS, ".suno-nb-lesson") == []

    # 3. compare: the two labels say what differs
    compare = _cell_output(page, 3).inner_text()
    assert "weirdness 0.1" in compare and "weirdness 0.9" in compare, compare[:300]

    # 1. a form for a catalogued clip shows its waveform: a drag sets the section window
    source = _cell_output(page, 4).locator(".suno-nb-source canvas.suno-nb-waveform-canvas")
    source.scroll_into_view_if_needed()
    box = source.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 0.25 * box["width"], y)
    page.mouse.down()
    page.mouse.move(box["x"] + 0.5 * box["width"], y, steps=5)
    page.mouse.up()
    start = _cell_output(page, 4).locator(".suno-nb-field-replace_section_start input").first
    page.wait_for_function(
        "(el) => parseFloat(el.value) > 1", arg=start.element_handle(), timeout=20_000
    )
    end = _cell_output(page, 4).locator(".suno-nb-field-replace_section_end input").first
    assert float(start.input_value()) < float(end.input_value())

    # Track.play(): the waveform player, which shows the play position while it plays
    played = _cell_output(page, 5)
    played.locator(".suno-nb-wave button").click()
    page.wait_for_function(
        "(el) => !el.querySelector('.suno-nb-wave-time').innerText.startsWith('0:00.0')",
        arg=played.element_handle(),
        timeout=20_000,
    )
    played.locator(".suno-nb-wave button").click()  # pause
    page.wait_for_function(ALL_PLAYABLE, timeout=60_000)
    page.screenshot(path=str(artifacts / "lab-studio-requirements.png"), full_page=True)
    lesson.locator(".suno-nb-studio").first.screenshot(path=str(artifacts / "lab-catalogue.png"))
