"""The form controller and its view: controls from widget hints, modes, gates, messages."""

from __future__ import annotations

import html

import ipywidgets as w
import pytest

from suno_nb import schema
from suno_nb.widgets.form import FormController, FormView

# the widget a hint must produce (sliders are an HBox of a slider and a text box)
EXPECTED = {
    "textarea": w.Textarea,
    "urls": w.Textarea,
    "tags": w.TagsInput,
    "slider": w.HBox,
    "number": w.Text,
    "text": w.Text,
}


@pytest.mark.parametrize("action", list(schema.ACTIONS))
def test_every_field_gets_the_control_its_hint_asks_for(action: str) -> None:
    view = FormView(FormController.for_action(action))
    spec = schema.ACTIONS[action]
    assert set(view.fields) == {n for n in spec.fields if n not in spec.fixed}
    for name, field in view.fields.items():
        fspec = schema.FIELDS[name]
        if fspec.kind == "enum" or (fspec.kind == "bool" and fspec.default is None):
            assert isinstance(field.control, w.Dropdown), name
        elif fspec.kind == "bool":
            assert isinstance(field.control, w.Checkbox), name
        else:
            assert isinstance(field.control, EXPECTED[fspec.widget]), name
        assert html.escape(fspec.doc) in field.help.value  # help text comes from the schema


def test_a_slider_does_not_hide_an_out_of_range_value() -> None:
    view = FormView(FormController.for_action("generate", prompt="lofi"))
    field = view.fields["weirdness"]
    field.text.value = "2"
    assert field.slider.value <= 1  # the slider clamps ...
    assert field.text.value == "2"  # ... but the value typed stays visible
    assert "weirdness must be a number from 0 to 1; got 2.0" in field.error.value
    assert not view.form.valid
    field.slider.value = 0.25
    assert field.text.value == "0.25" and view.form.request()["weirdness"] == 0.25
    assert view.form.valid


def test_text_that_is_not_a_number_is_explained_at_the_field() -> None:
    form = FormController.for_action("extend", audio_id="c1", lyric="la")
    form.set_text("continue_at", "soon")
    assert form.errors()["continue_at"] == (
        "continue_at must be a number greater than 0; got 'soon'"
    )
    assert form.summary() == "To submit: fix continue_at."


def test_custom_mode_and_instrumental_show_and_hide_fields() -> None:
    form = FormController.for_action("generate")
    assert form.visible("prompt") and not form.visible("lyric")
    form.set("custom", True)
    assert not form.visible("prompt") and form.visible("lyric")
    form.set("lyric", "[Verse] la")
    form.set("instrumental", True)
    assert not form.visible("lyric")
    assert "lyric" not in form.request()  # hidden fields are not sent
    view = FormView(form)
    assert view.fields["lyric"].box.layout.display == "none"
    assert view.fields["style"].box.layout.display is None


def test_model_gates_disable_fields_and_keep_them_out_of_the_request() -> None:
    form = FormController.for_action("generate", prompt="lofi", vocal_gender="f")
    view = FormView(form)
    assert not form.enabled("vocal_gender")
    assert view.fields["vocal_gender"].control.disabled
    assert "needs model chirp-v4-5 or newer" in view.fields["vocal_gender"].error.value
    assert "vocal_gender" not in form.request()
    view.fields["model"].control.value = "chirp-v5"
    assert not view.fields["vocal_gender"].control.disabled
    assert form.request() == {"prompt": "lofi", "vocal_gender": "f", "model": "chirp-v5"}


def test_service_defaults_are_shown_but_never_sent() -> None:
    view = FormView(FormController.for_action("generate", prompt="lofi"))
    assert "(service default: chirp-v4)" in view.fields["model"].control.options[0][0]
    assert view.fields["custom"].control.value is False
    assert view.form.request() == {"prompt": "lofi"}


def test_empty_required_fields_are_named_only_after_a_submit_attempt() -> None:
    form = FormController.for_action("extend")
    assert form.errors() == {}
    assert form.summary() == "To submit: fill in audio_id, continue_at, lyric."
    form.submit_attempted = True
    assert form.errors()["audio_id"] == "audio_id is required when extend audio"


def test_an_action_newer_than_the_default_model_asks_for_one() -> None:
    form = FormController.for_action("remaster", audio_id="c1")
    assert not form.valid
    assert "remaster needs model chirp-v4-5 or newer" in form.problems()[0].message
    form.set("model", "chirp-v5")
    assert form.valid


def test_prefill_with_an_unknown_field_names_the_fields_taken() -> None:
    with pytest.raises(ValueError, match="weirdness is not a field of stems; it takes: audio_id"):
        FormController.for_action("stems", weirdness=0.3)


def test_endpoint_forms_use_check_endpoint() -> None:
    form = FormController.for_endpoint("create_persona", audio_id="c1", name="Ana")
    assert form.valid
    form.set("vocal_start", 20.0)
    form.set("vocal_end", 10.0)
    assert form.errors()["vocal_end"] == "vocal_end must be greater than vocal_start"


def test_fields_a_rule_requires_are_marked_and_errors_sit_under_their_control() -> None:
    view = FormView(FormController.for_action("extend", audio_id="c1"))
    lyric = view.fields["lyric"]
    assert 'title="required"' in lyric.label.value  # required by extend's rule, not the table
    assert 'title="required"' not in view.fields["style"].label.value
    body = lyric.box.children[1].children
    assert body[0] is lyric.control and body[1] is lyric.error and body[2] is lyric.help
    view.form.submit_attempted = True
    view.refresh()
    assert "lyric" in lyric.error.value


def test_lesson_knobs_leave_advanced_and_an_unset_slider_looks_unset() -> None:
    view = FormView(FormController.for_action("generate"), show=("weirdness",))
    weird = view.fields["weirdness"]
    assert weird.box in view.box.children  # on the form itself, not inside the accordion
    assert "suno-nb-unset" in weird.slider._dom_classes and weird.text.value == ""
    weird.text.value = "0.3"
    assert "suno-nb-unset" not in weird.slider._dom_classes and weird.slider.value == 0.3
    hidden = FormView(FormController.for_action("generate"))
    assert hidden.fields["weirdness"].box not in hidden.box.children


def test_a_model_gate_is_shown_only_once_the_field_holds_a_value() -> None:
    view = FormView(FormController.for_action("generate", model="chirp-v3-5"))
    gender = view.fields["vocal_gender"]
    assert gender.error.value == "" and gender.control.disabled
    view.form.set("vocal_gender", "f")
    assert "needs model" in gender.error.value
