"""Writes the files derived from the schema: the client's typed methods and the actions reference.

Run `make reference` (`python scripts/codegen.py`) after changing `suno_nb/schema.py`;
`--check` (used by `make test`, `make docs` and CI) fails when a generated file is stale. It
lives outside the package: users never need it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from suno_nb import schema

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "suno_nb" / "_generated.py"
REFERENCE = ROOT / "docs" / "reference" / "actions.md"

CALL_OPTIONS = (
    ("callback_url", "str", "The service POSTs the final result there (see `parse_callback`)."),
    ("wait", "bool", "Wait for the result (default `True`); `False` returns the task at once."),
    (
        "until",
        'Literal["complete", "stream"]',
        '`"complete"` (final files, default) or `"stream"` (as soon as a preview plays).',
    ),
    ("timeout", "float | None", "Seconds to wait before `GenerationTimeout` (it keeps running)."),
    ("on_progress", "ProgressHook | None", "Called with a `Progress` at each state change."),
    ("extra", "Mapping[str, Any] | None", "Fields the schema does not know yet, sent as given."),
    ("max_retries", "int | None", "Retries of the submission on 429 (never on ambiguous ones)."),
)
OPTIONS_DOC = (
    "Call options (see `CallOptions`): `callback_url`, `wait`, `until`, `timeout`, "
    "`on_progress`, `extra`, `max_retries`."
)
ALIAS_NAMES = {"model": "ModelName"}  # the one alias whose plain name would mislead


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("-", "_").split("_"))


class Aliases:
    """One `Literal` alias per distinct set of choices, named after the first field using it."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, ...], str] = {}
        self.text: dict[str, str] = {}

    def name_for(self, spec: schema.FieldSpec, owner: str) -> str:
        passthrough = spec.name == "model"  # newer models pass through with a warning
        key = (*spec.choices, "|str" if passthrough else "")
        if key in self.by_key:
            return self.by_key[key]
        name = ALIAS_NAMES.get(spec.name) or _camel(spec.name)
        if name in self.text:
            name = _camel(owner) + _camel(spec.name)
        choices = ", ".join(repr(c) for c in spec.choices)
        self.text[name] = f"Literal[{choices}]" + (" | str" if passthrough else "")
        self.by_key[key] = name
        return name

    def render(self) -> list[str]:
        return [f"{name} = {value}" for name, value in self.text.items()]


def _annotation(spec: schema.FieldSpec, aliases: Aliases, owner: str, *, required: bool) -> str:
    base = aliases.name_for(spec, owner) if spec.kind == "enum" else spec.python_type
    return base if required else f"{base} | None"


def _param(spec: schema.FieldSpec, aliases: Aliases, owner: str, *, required: bool) -> str:
    ann = _annotation(spec, aliases, owner, required=required)
    return f"{spec.name}: {ann}" if required else f"{spec.name}: {ann} = None"


def _arg_doc(spec: schema.FieldSpec, *, required: bool) -> str:
    limit = spec.length_note()
    allowed = spec.allowed_text() if spec.kind not in ("text", "str") else (limit or "text")
    gate = f" Needs {schema.first_model_at(spec.min_model)}+." if spec.min_model else ""
    req = " Required." if required else ""
    return f"{spec.name}: {spec.doc} ({allowed}).{gate}{req}"


def _signature(positional: list[str], keyword: list[str], tail: list[str]) -> str:
    params = ["self", *positional]
    if keyword or (tail and not tail[0].startswith("**")):
        params.append("*")
    params += keyword + tail
    return ",\n        ".join(params)


def _docstring(
    summary: str,
    *,
    notes: list[str],
    args: list[str],
    returns: str,
    example: str | None,
) -> str:
    """A Google-style docstring at method depth: sections at 8 spaces, entries at 12."""
    lines = [summary]
    if notes:
        lines += ["", "Rules:", *(f"    - {n}" for n in notes)]
    if args:
        lines += ["", "Args:", *(f"    {a}" for a in args)]
    lines += ["", "Returns:", f"    {returns}"]
    if example:
        lines += ["", "Examples:", "    ```python", f"    {example}", "    ```"]
    body = "\n".join(f"        {line}" if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{body}\n        """'


def _action_method(action: schema.ActionSpec, aliases: Aliases, *, is_async: bool) -> str:
    pos_names = list(action.positional_fields)
    name = action.name
    positional = [
        _param(schema.FIELDS[n], aliases, name, required=n in action.required) for n in pos_names
    ]
    keyword = [
        _param(schema.FIELDS[n], aliases, name, required=n in action.required)
        for n in action.fields
        if n not in pos_names
    ]
    task_type = "AsyncTask" if is_async else "Task"
    args = [_arg_doc(schema.FIELDS[n], required=n in action.required) for n in action.fields]
    args.append(f"**options: {OPTIONS_DOC}")
    notes = [_rule_text(r) for r in action.rules]
    notes += [f"sends {k}={v!r} (the action needs it)" for k, v in action.fixed.items()]
    await_ex = "await " if is_async else ""
    doc = _docstring(
        f"{action.summary} Returns {action.clips} clip(s).",
        notes=notes,
        args=args,
        returns=f"The `{task_type}`, finished unless `wait=False` (then `.wait()` finishes it).",
        example=f"task = {await_ex}client.{_example_call(action, in_docstring=True)}",
    )
    call = "await self._action" if is_async else "self._action"
    prefix = "async def" if is_async else "def"
    tail = ["**options: Unpack[CallOptions]"]
    return f"""
    {prefix} {name}(
        {_signature(positional, keyword, tail)},
    ) -> {task_type}:
        {doc}
        return {call}({name!r}, locals())
"""


def _rule_text(rule: str) -> str:
    fn = schema._RULES[rule]
    return (fn.__doc__ or rule).strip().splitlines()[0]


def _example_call(action: schema.ActionSpec, *, in_docstring: bool = False) -> str:
    args = ", ".join(f"{k}={v!r}" for k, v in schema.example_request(action.name).items())
    call = f"{action.name}({args})"
    # Inside a (non-raw) docstring a repr's backslash would turn "\\n" into a real newline.
    return call.replace("\\", "\\\\") if in_docstring else call


def _endpoint_method(ep: schema.EndpointSpec, aliases: Aliases, *, is_async: bool) -> str:
    required = [f for f in ep.fields if f.name in ep.required]
    optional = [f for f in ep.fields if f.name not in ep.required]
    positional = [_param(f, aliases, ep.name, required=True) for f in required]
    keyword = [_param(f, aliases, ep.name, required=False) for f in optional]
    doc = _docstring(
        f"{ep.summary} (`{ep.method} {ep.path}`)",
        notes=[],
        args=[_arg_doc(f, required=f.name in ep.required) for f in ep.fields],
        returns=f"A `{ep.result}`.",
        example=None,
    )
    prefix = "async def" if is_async else "def"
    call = "await self._endpoint" if is_async else "self._endpoint"
    return f"""
    {prefix} {ep.name}(
        {_signature(positional, keyword, [])},
    ) -> {ep.result}:
        {doc}
        return {call}({ep.name!r}, locals())
"""


def render_generated() -> str:
    """The text of `suno_nb/_generated.py`."""
    results = sorted({ep.result for ep in schema.ENDPOINTS.values()})
    aliases = Aliases()
    methods: list[str] = []
    for is_async in (False, True):
        cls = "_AsyncEndpoints" if is_async else "_SyncEndpoints"
        kind = "async" if is_async else "sync"
        methods.append(f"class {cls}:")
        methods.append(f'    """Every action and endpoint as a typed {kind} method."""')
        for action in schema.ACTIONS.values():
            methods.append(_action_method(action, aliases, is_async=is_async))
        for ep in schema.ENDPOINTS.values():
            methods.append(_endpoint_method(ep, aliases, is_async=is_async))
        methods.append("\n")
    options = "\n".join(f"    {name}: {ann}\n    {doc!r}" for name, ann, doc in CALL_OPTIONS)
    parts = [
        '"""Client methods generated from suno_nb.schema by scripts/codegen.py. Do not edit."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack",
        "",
        "if TYPE_CHECKING:",
        "    from suno_nb.models import (",
        *[f"        {r}," for r in results],
        "    )",
        "    from suno_nb.tasks import AsyncTask, ProgressHook, Task",
        "",
        "__all__ = [" + ", ".join(repr(n) for n in sorted(["CallOptions", *aliases.text])) + "]",
        "",
        *aliases.render(),
        "",
        "",
        "class CallOptions(TypedDict, total=False):",
        '    """What every action method takes besides its fields: how to send and wait."""',
        "",
        options,
        "",
        "",
        *methods,
    ]
    return _format("\n".join(parts).rstrip() + "\n")


def _format(text: str) -> str:
    """Format with ruff when it is installed, so the file stays ruff-clean."""
    import shutil
    import subprocess

    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        return text
    done = subprocess.run(
        [ruff, "format", "--stdin-filename", str(GENERATED), "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return done.stdout if done.returncode == 0 else text


def render_reference() -> str:
    """The text of ``docs/reference/actions.md``."""
    out = [
        "# Actions reference",
        "",
        "<!-- generated from suno_nb/schema.py by `make reference` (scripts/codegen.py);"
        " do not edit -->",
        "",
        "Every `/suno/audios` action and every sibling endpoint, with the fields each takes. "
        "The client checks all of this before it sends anything and raises `ValidationError` "
        "naming the field and what is allowed. Fields you do not set are not sent: the "
        "service's own defaults apply.",
        "",
        "## Models",
        "",
        "| model | lyric | style | title | longest song |",
        "|---|---|---|---|---|",
    ]
    for m in schema.MODELS.values():
        default = " (service default)" if m.name == schema.DEFAULT_MODEL else ""
        out.append(
            f"| `{m.name}`{default} | {m.lyric_max} | {m.style_max} | {m.title_max} | "
            f"{m.max_duration} s |"
        )
    out += [
        "",
        "A model name not in this table is sent as given, with a warning.",
        "",
        "## Fields",
        "",
        "| field | allowed | widget | needs | meaning |",
        "|---|---|---|---|---|",
    ]
    for f in schema.FIELDS.values():
        allowed = f.allowed_text() if f.kind not in ("text", "str") else (f.length_note() or "text")
        gate = schema.first_model_at(f.min_model) + "+" if f.min_model else ""
        alias = f" (also `{'`, `'.join(f.aliases)}`)" if f.aliases else ""
        out.append(f"| `{f.name}`{alias} | {allowed} | {f.widget} | {gate} | {f.doc} |")
    out += ["", "## Actions", ""]
    for a in schema.ACTIONS.values():
        newer = " *(newer)*" if a.newer else ""
        out += [f"### `{a.name}`{newer}", "", a.summary, ""]
        req = ", ".join(f"`{n}`" for n in a.required) or "see rules"
        opt = ", ".join(f"`{n}`" for n in a.optional if n not in a.required) or "—"
        out += [
            f"- **required:** {req}",
            f"- **optional:** {opt}",
            f"- **returns:** {a.clips} clip(s)",
        ]
        for r in a.rules:
            out.append(f"- **rule:** {_rule_text(r)}")
        for k, v in a.fixed.items():
            out.append(f"- **sends** `{k}={v!r}` (the action needs it)")
        if a.min_model:
            out.append(f"- **model:** {schema.first_model_at(a.min_model)} or newer")
        out += ["", "```python", f"task = client.{_example_call(a)}", "```", ""]
    out += [
        "## Other endpoints",
        "",
        "| method | path | client method | required | returns |",
        "|---|---|---|---|---|",
    ]
    for ep in schema.ENDPOINTS.values():
        req = ", ".join(f"`{n}`" for n in ep.required) or "—"
        out.append(f"| {ep.method} | `{ep.path}` | `client.{ep.name}()` | {req} | `{ep.result}` |")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if a file is stale")
    args = parser.parse_args(argv)
    stale = []
    for path, text in ((GENERATED, render_generated()), (REFERENCE, render_reference())):
        current = path.read_text() if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(
            "stale generated files: "
            + ", ".join(map(str, stale))
            + "\nrun `make reference` (python scripts/codegen.py) and commit them",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
