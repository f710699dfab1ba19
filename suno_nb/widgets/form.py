"""Forms built from the schema: a plain :class:`FormController` and its ipywidgets view.

The controller knows nothing of widgets (it is tested without a kernel); :class:`FormView`
draws one control per field from the schema's widget hint and mirrors the controller's state.

Example:
    >>> form = FormController.for_action("generate")
    >>> form.valid
    False
    >>> form.set("prompt", "a calm lofi song about a night bus")
    >>> form.valid, form.request()
    (True, {'prompt': 'a calm lofi song about a night bus'})
    >>> form.set_text("weirdness", "2")
    >>> form.errors()["weirdness"]
    'weirdness must be a number from 0 to 1; got 2.0'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from suno_nb import schema
from suno_nb.errors import FieldProblem, ProblemKind
from suno_nb.schema import MODE_RULES, FieldSpec, ModeRule, first_model_at

__all__ = ["FieldView", "FormController", "FormView", "ModeRule"]


class FormController:
    """The state of one form: what the user set, what is shown, what is wrong, what to send.

    Values the user did not set stay ``None`` and are never sent, so the service applies its
    own defaults (the schema's ``default`` is shown as a hint only).
    """

    def __init__(
        self,
        name: str,
        specs: Mapping[str, FieldSpec],
        *,
        required: tuple[str, ...],
        action: schema.ActionSpec | None = None,
        prefill: Mapping[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.action = action
        self.specs = dict(specs)
        self.required = required
        self.values: dict[str, Any] = dict.fromkeys(self.specs)
        self._unparsed: dict[str, str] = {}  # text that is not a number yet, and its message
        self.touched: set[str] = set()
        self.submit_attempted = False
        self._listeners: list[Callable[[], None]] = []
        for key, value in (prefill or {}).items():
            if key not in self.specs:
                raise ValueError(
                    f"{key} is not a field of {name}; it takes: {', '.join(self.specs)}"
                )
            self.set(key, value)

    # --- construction from the table ------------------------------------------------------
    @classmethod
    def for_action(cls, action: str, **prefill: Any) -> FormController:
        """A form for an ``/suno/audios`` action (fixed fields such as overpainting's custom
        are set by the client, so they are not shown)."""
        spec = schema.ACTIONS[action]
        names = [n for n in spec.fields if n not in spec.fixed]
        specs = {n: schema.FIELDS[n] for n in names}
        return cls(action, specs, required=spec.required, action=spec, prefill=prefill)

    @classmethod
    def for_endpoint(cls, endpoint: str, **prefill: Any) -> FormController:
        """A form for a sibling endpoint (lyrics, style, upload, personas, …)."""
        ep = schema.ENDPOINTS[endpoint]
        specs = {f.name: f for f in ep.fields}
        return cls(endpoint, specs, required=ep.required, prefill=prefill)

    # --- editing -----------------------------------------------------------------------------
    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change (the view re-draws from the controller)."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()

    def set(self, name: str, value: Any) -> None:
        """Set a field to a typed value; ``None``, ``""`` and ``[]`` mean "not set"."""
        if value == "" or value == [] or value == ():
            value = None
        if isinstance(value, tuple):
            value = list(value)
        self.values[name] = value
        self._unparsed.pop(name, None)
        self.touched.add(name)
        self._changed()

    def set_text(self, name: str, text: str) -> None:
        """Set a field from what was typed in a text box (numbers and lists are parsed)."""
        spec = self.specs[name]
        text = text.strip() if spec.kind not in ("str", "text") else text
        if spec.kind in ("float", "int") and text.strip():
            try:
                number = float(text)
            except ValueError:
                self.set(name, None)
                self._unparsed[name] = f"{name} must be {spec.allowed_text()}; got {text!r}"
                self._changed()
                return
            self.set(name, int(number) if spec.kind == "int" and number.is_integer() else number)
            return
        if spec.kind in ("url_list", "id_list"):
            parts = [p.strip() for p in text.replace(",", "\n").splitlines()]
            self.set(name, [p for p in parts if p])
            return
        if spec.kind == "json" and text:
            try:
                value = json.loads(text)
            except ValueError:
                value = None
            if not isinstance(value, dict):
                self.set(name, None)
                self._unparsed[name] = f"{name} must be {spec.allowed_text()}; got {text!r}"
                self._changed()
                return
            self.set(name, value)
            return
        self.set(name, text)

    def reset(self) -> None:
        """Forget every value (the form shows the service defaults again)."""
        self.values = dict.fromkeys(self.specs)
        self._unparsed.clear()
        self.touched.clear()
        self.submit_attempted = False
        self._changed()

    # --- what is shown ------------------------------------------------------------------------
    def effective(self, name: str) -> Any:
        """The value the service will use: the user's, else the schema's documented default."""
        value = self.values.get(name)
        if value is None and name in self.specs:
            return self.specs[name].default
        return value

    def model(self) -> schema.ModelSpec:
        return schema.model_spec(self.values.get("model") if "model" in self.specs else None)[0]

    def visible(self, name: str) -> bool:
        """False when the current mode makes the field meaningless (it is then not sent)."""
        rules = self.action.rules if self.action else ()
        for rule in MODE_RULES:
            if rule.field not in self.specs or name not in rule.hides:
                continue
            if rule.rule is not None and rule.rule not in rules:
                continue
            if bool(self.effective(rule.field)) == rule.value:
                return False
        return True

    def enabled(self, name: str) -> bool:
        """False for fields the chosen model is too old for (model gates of the schema)."""
        gate = self.specs[name].min_model
        if gate is None or "model" not in self.specs:
            return True
        model, known = schema.model_spec(self.values.get("model"))
        return not known or model.generation >= gate

    def note(self, name: str) -> str:
        """Why a field is disabled, in words, or ``""``."""
        if self.enabled(name):
            return ""
        gate = self.specs[name].min_model or 0.0
        chosen = self.values.get("model") or f"the service default ({schema.DEFAULT_MODEL})"
        return f"needs model {first_model_at(gate)} or newer; model is {chosen}"

    # --- what is sent and what is wrong -------------------------------------------------------
    def request(self) -> dict[str, Any]:
        """The fields to send: set by the user, visible and enabled. Defaults are not sent."""
        return {
            name: value
            for name, value in self.values.items()
            if value is not None and self.visible(name) and self.enabled(name)
        }

    def problems(self) -> list[FieldProblem]:
        """Every problem, with the schema's own messages (plus unparsable text boxes)."""
        values = self.request()
        if self.action is not None:
            found = schema.check_request({"action": self.name, **values}, warn=False)
            if self.action.min_model is not None and "model" not in values:
                # The service default is too old for this action: say so before paying for it.
                probe = {"action": self.name, **values, "model": schema.DEFAULT_MODEL}
                found += [
                    FieldProblem(p.field, None, p.allowed, f"{p.message}, the service default")
                    for p in schema.check_request(probe, warn=False)
                    if p.field == "model"
                ]
        else:
            found = schema.check_endpoint(self.name, values)
        unparsed = [
            FieldProblem(name, None, self.specs[name].allowed_text(), message)
            for name, message in self._unparsed.items()
        ]
        seen = {p.field for p in unparsed}
        return unparsed + [p for p in found if p.field not in seen]

    def required_fields(self) -> set[str]:
        """Fields that must be filled now: the action's own, plus those a rule of the current
        mode asks for (extend's ``lyric`` in custom mode, say), so the form can mark them."""
        needed = set(self.required)
        needed.update(
            p.field
            for p in self.problems()
            if p.kind == ProblemKind.REQUIRED and p.field in self.specs
        )
        return needed

    def missing(self) -> list[str]:
        """Required fields still empty."""
        return [p.field for p in self.problems() if p.value is None and p.field in self.required]

    def errors(self) -> dict[str, str]:
        """Field → message to show next to it. An untouched empty field is not nagged about
        until a submit is attempted; wrong values are shown as soon as they are typed."""
        shown: dict[str, str] = {}
        for problem in self.problems():
            empty = problem.value is None and problem.field not in self._unparsed
            if empty and problem.field not in self.touched and not self.submit_attempted:
                continue
            shown.setdefault(problem.field, problem.message)
        return shown

    @property
    def valid(self) -> bool:
        return not self.problems()

    def summary(self) -> str:
        """One line for the status bar: what still blocks the submit button."""
        problems = self.problems()
        if not problems:
            return ""
        missing = [p.field for p in problems if p.value is None and p.field not in self._unparsed]
        wrong = [p.field for p in problems if p.field not in missing]
        parts = []
        if missing:
            parts.append("fill in " + ", ".join(dict.fromkeys(missing)))
        if wrong:
            parts.append("fix " + ", ".join(dict.fromkeys(wrong)))
        return "To submit: " + "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# The view
# ---------------------------------------------------------------------------------------------


# A dropdown whose value is None shows an empty box instead of its label, so "not set" is "".
_UNSET = ""


def _unset(value: Any) -> Any:
    return None if value == _UNSET else value


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return "\n".join(value)
    return str(value)


class FieldView:
    """One field's control, label, help and error line, drawn from its :class:`FieldSpec`."""

    def __init__(self, form: FormController, spec: FieldSpec) -> None:
        import ipywidgets as w

        self.form = form
        self.spec = spec
        self._syncing = False
        self.label = w.HTML(self._label(spec.name in form.required),
                            layout=w.Layout(width="170px"))  # fmt: skip
        self.label.add_class("suno-nb-label")
        self.control, self._inputs = self._build(w)
        hint = spec.doc
        if spec.default is not None:
            hint += f" Service default: {_show(spec.default)} (not sent unless you set it)."
        self.help = w.HTML(f'<span style="color:#666;font-size:0.85em">{_escape(hint)}</span>')
        self.error = w.HTML("")
        self.error.add_class("suno-nb-error")
        # The error sits right under its control, before the help: read as this field's.
        body = w.VBox([self.control, self.error, self.help], layout=w.Layout(flex="1"))
        self.box = w.HBox([self.label, body], layout=w.Layout(width="100%",
                                                               margin="0 0 6px 0"))  # fmt: skip
        self.box.add_class(f"suno-nb-field-{spec.name}")

    def _label(self, required: bool) -> str:
        mark = ' <span style="color:#b00020" title="required">*</span>' if required else ""
        return f"<b>{self.spec.name}</b>{mark}"

    # --- building --------------------------------------------------------------------------
    def _build(self, w: Any) -> tuple[Any, list[Any]]:
        spec, name = self.spec, self.spec.name
        value = self.form.values.get(name)
        wide = w.Layout(width="100%")
        hint = spec.widget
        if spec.kind == "bool":
            if spec.default is None:
                # No documented default: "not set" must stay distinguishable from False.
                options = [("(service default)", _UNSET), ("yes", True), ("no", False)]
                ctl = w.Dropdown(options=options, value=_UNSET if value is None else value)
                ctl.observe(lambda ch: self.form.set(name, _unset(ch["new"])), "value")
            else:
                ctl = w.Checkbox(value=bool(self.form.effective(name)), indent=False)
                ctl.observe(lambda ch: self.form.set(name, ch["new"]), "value")
            return ctl, [ctl]
        if spec.kind == "enum" or hint == "dropdown":
            blank = f"(service default: {spec.default})" if spec.default else "(choose)"
            if name not in self.form.required and not spec.default:
                blank = "(not set)"
            options = [(blank, _UNSET), *[(c, c) for c in spec.choices]]
            if value is not None and value not in spec.choices:
                options.append((f"{value} (not in the table)", value))
            ctl = w.Dropdown(options=options, value=_UNSET if value is None else value)
            ctl.observe(lambda ch: self.form.set(name, _unset(ch["new"])), "value")
            return ctl, [ctl]
        if hint == "slider" and spec.ge is not None and spec.le is not None:
            # A slider clamps what it is given, so the truth lives in a text box beside it:
            # an out-of-range value stays visible, with its error.
            cls = w.IntSlider if spec.kind == "int" else w.FloatSlider
            start = spec.default if spec.default is not None else (spec.ge + spec.le) / 2
            slider = cls(
                min=spec.ge,
                max=spec.le,
                step=spec.step or (1 if spec.kind == "int" else 0.01),
                value=value if isinstance(value, int | float) else start,
                readout=False,
                continuous_update=False,
            )
            text = w.Text(value=_show(value), placeholder="not set", layout=w.Layout(width="90px"))
            slider.observe(lambda ch: self._from_slider(ch["new"]), "value")
            text.observe(lambda ch: self._from_text(ch["new"]), "value")
            self.slider, self.text = slider, text
            return w.HBox([slider, text]), [slider, text]
        if hint in ("textarea", "urls"):
            rows = 6 if name == "lyric" else 3
            placeholder = "one URL per line" if hint == "urls" else _placeholder(spec)
            ctl = w.Textarea(value=_show(value), placeholder=placeholder, rows=rows, layout=wide)
        elif hint == "tags":
            ctl = w.TagsInput(value=list(value or []), allow_duplicates=False)
            ctl.observe(lambda ch: self.form.set(name, list(ch["new"])), "value")
            return ctl, [ctl]
        else:
            width = w.Layout(width="160px") if spec.kind in ("float", "int") else wide
            ctl = w.Text(value=_show(value), placeholder=_placeholder(spec), layout=width)
        ctl.continuous_update = True
        self.text = ctl
        ctl.observe(lambda ch: self._from_text(ch["new"]), "value")
        return ctl, [ctl]

    def _from_slider(self, value: float) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.text.value = _show(value)
        finally:
            self._syncing = False
        self.form.set(self.spec.name, value)

    def _from_text(self, text: str) -> None:
        if self._syncing:
            return
        self.form.set_text(self.spec.name, text)
        slider = getattr(self, "slider", None)
        value = self.form.values.get(self.spec.name)
        in_range = isinstance(value, int | float) and slider is not None
        if in_range and slider.min <= value <= slider.max:
            self._syncing = True
            try:
                slider.value = value
            finally:
                self._syncing = False

    # --- mirroring the controller ----------------------------------------------------------
    def refresh(self, errors: Mapping[str, str], required: set[str] | None = None) -> None:
        name = self.spec.name
        self.box.layout.display = None if self.form.visible(name) else "none"
        enabled = self.form.enabled(name)
        for control in self._inputs:
            control.disabled = not enabled
        if required is not None:
            label = self._label(name in required)
            if self.label.value != label:
                self.label.value = label
        slider = getattr(self, "slider", None)
        if slider is not None:  # a slider always shows a position: grey it while "not set"
            unset = self.form.values.get(name) is None
            (slider.add_class if unset else slider.remove_class)("suno-nb-unset")
        # A model gate is news only once the field holds a value (else it is just disabled).
        set_here = self.form.values.get(name) is not None
        message = errors.get(name) or (self.form.note(name) if set_here else "")
        colour = "#b00020" if name in errors else "#8a6d00"
        self.error.value = (
            f'<span style="color:{colour}">{_escape(message)}</span>' if message else ""
        )

    def show(self, value: Any) -> None:
        """Put a value into the control (prefill from a card); the controller follows."""
        ctl = self._inputs[-1] if hasattr(self, "slider") else self._inputs[0]
        if hasattr(ctl, "options"):
            if value is not None and value not in [v for _, v in ctl.options]:
                ctl.options = [*ctl.options, (f"{value} (not in the table)", value)]
            ctl.value = _UNSET if value is None else value
        elif isinstance(ctl.value, bool):
            ctl.value = bool(value)
        elif isinstance(ctl.value, list | tuple):
            ctl.value = list(value or [])
        else:
            ctl.value = _show(value)
        self.form.set(self.spec.name, value)


class FormView:
    """Every field of a :class:`FormController` as ipywidgets: main fields first, then an
    "Advanced" accordion. ``box`` is the widget to show."""

    def __init__(self, form: FormController, *, show: tuple[str, ...] | list[str] = ()) -> None:
        import ipywidgets as w

        self.form = form
        self.fields = {name: FieldView(form, spec) for name, spec in form.specs.items()}
        # Required fields and the ones a lesson is about (``show``) are never in "Advanced".
        up = set(form.required) | set(show)
        main = [v.box for n, v in self.fields.items() if v.spec.group != "advanced" or n in up]
        advanced = [
            v.box for n, v in self.fields.items() if v.spec.group == "advanced" and n not in up
        ]
        children: list[Any] = [w.HTML(_FORM_STYLE), *main]
        if advanced:
            accordion = w.Accordion(children=[w.VBox(advanced)], selected_index=None)
            accordion.set_title(0, f"Advanced ({len(advanced)})")
            accordion.add_class("suno-nb-advanced")
            children.append(accordion)
        self.box = w.VBox(children, layout=w.Layout(width="100%"))
        form.on_change(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        errors = self.form.errors()
        required = self.form.required_fields()
        for view in self.fields.values():
            view.refresh(errors, required)

    def fill(self, values: Mapping[str, Any]) -> None:
        """Put values into the controls as if typed (used by prefill buttons and tests)."""
        for name, value in values.items():
            if name not in self.fields:
                raise ValueError(f"{name} is not a field of {self.form.name}")
            self.fields[name].show(value)


_FORM_STYLE = "<style>.suno-nb-unset{opacity:0.35;filter:grayscale(1)}</style>"


def _placeholder(spec: FieldSpec) -> str:
    if spec.default is not None:
        return f"service default: {_show(spec.default)}"
    if spec.kind in ("float", "int"):
        return spec.allowed_text()
    if spec.example is not None and not isinstance(spec.example, list):
        return f"e.g. {_show(spec.example).splitlines()[0]}"
    return ""


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
