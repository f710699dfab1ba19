"""The ``suno-nb`` command line: one subcommand per action and endpoint, built from the schema.

Example:
    $ suno-nb generate --prompt "a calm lofi song" --json
    $ suno-nb extend --audio-id 3f9b --continue-at 30 --lyric "[Verse] more" --no-wait
    $ suno-nb task 7c1e… --wait
    $ suno-nb emulator --port 8787
    $ suno-nb worker --catalogue postgresql://suno@db/lab --sweep night-bus
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from suno_nb import schema

__all__ = ["build_parser", "main"]


def _json_object(text: str) -> dict[str, Any]:
    """A ``json`` field given on the command line, e.g. ``--state '{"tracks": []}'``."""
    import json

    try:
        value = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("must be a JSON object, {...}")
    return value


def _add_field(parser: argparse.ArgumentParser, spec: schema.FieldSpec, required: bool) -> None:
    flag = "--" + spec.name.replace("_", "-")
    help_text = f"{spec.doc} ({spec.allowed_text()})"
    if required:
        help_text += " [required]"
    if spec.kind == "bool":
        parser.add_argument(
            flag,
            dest=spec.name,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=help_text,
        )
        return
    kwargs: dict[str, Any] = {"dest": spec.name, "default": None, "help": help_text}
    if spec.kind == "float":
        kwargs["type"] = float
    elif spec.kind == "int":
        kwargs["type"] = int
    elif spec.kind in ("url_list", "id_list"):
        kwargs["nargs"] = "+"
    elif spec.kind == "enum" and spec.name != "model":
        kwargs["choices"] = spec.choices
    elif spec.kind == "json":
        kwargs["type"] = _json_object
    for alias in spec.aliases:
        parser.add_argument(
            "--" + alias.replace("_", "-"), dest=spec.name, default=None, help=argparse.SUPPRESS
        )
    parser.add_argument(flag, **kwargs)


def _add_wait_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="wait for the result (default) or print the task id at once",
    )
    parser.add_argument(
        "--until",
        choices=("complete", "stream"),
        default="complete",
        help="stop waiting at final files (complete) or at a playable preview",
    )
    parser.add_argument("--timeout", type=float, default=None, help="seconds to wait at most")
    parser.add_argument("--callback-url", default=None, help="the service POSTs the result here")


class _Parser(argparse.ArgumentParser):
    """Bad arguments are one line on stderr and exit code 2, with where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, generated from :mod:`suno_nb.schema`."""
    parser = _Parser(
        prog="suno-nb",
        description="The Suno API from the shell. Without ACEDATACLOUD_API_TOKEN it uses the "
        "offline emulator.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")
    parser.add_argument("--base-url", default=None, help="service URL (default: env or emulator)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for action in schema.ACTIONS.values():
        p = sub.add_parser(action.name, help=action.summary, description=action.summary)
        for name in action.fields:
            _add_field(p, schema.FIELDS[name], required=name in action.required)
        _add_wait_options(p)
        p.set_defaults(kind="action", name=action.name)
    for ep in schema.ENDPOINTS.values():
        p = sub.add_parser(ep.name.replace("_", "-"), help=ep.summary, description=ep.summary)
        for spec in ep.fields:
            _add_field(p, spec, required=spec.name in ep.required)
        # Not ``name``: upload, voices, custom models … have a --name field of their own.
        p.set_defaults(kind="endpoint", endpoint=ep.name)
    p = sub.add_parser("task", help="look up a task (and wait for it with --wait)")
    p.add_argument("task_ids", nargs="+", metavar="TASK_ID")
    p.add_argument("--wait", action="store_true", help="wait until it finishes")
    p.add_argument("--timeout", type=float, default=None)
    p.set_defaults(kind="task", name="task")
    from suno_nb.emulator.__main__ import add_arguments as add_emulator_arguments

    p = sub.add_parser("emulator", help="run the offline emulator server in the foreground")
    add_emulator_arguments(p).set_defaults(kind="emulator", name="emulator")
    p = sub.add_parser("catalogue", help="work with catalogues (copy one into another)")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB")
    copy = verbs.add_parser(
        "copy",
        help="copy every clip of SOURCE (rows and files) into TARGET, without duplicates",
        description="Copy a catalogue (a folder or a URL such as postgresql://host/db) into "
        "another. Run it again to finish a copy that stopped: nothing is copied twice.",
    )
    copy.add_argument("source", help="catalogue folder or URL to copy from")
    copy.add_argument("target", help="catalogue folder or URL to copy into")
    copy.add_argument("--files", default=None, help="the target's files folder (for a URL)")
    copy.add_argument("--source-files", default=None, help="the source's files folder (for a URL)")
    copy.add_argument("--batch-size", type=_whole, default=200, help="clips per transaction")
    copy.set_defaults(kind="catalogue", name="catalogue")
    p = sub.add_parser("sweep", help="run a parameter sweep described in a TOML file")
    p.add_argument("plan", help="path to the sweep's TOML file")
    p.add_argument("--resume", action="store_true", help="finish an interrupted sweep")
    p.set_defaults(kind="sweep", name="sweep")
    p = sub.add_parser(
        "worker",
        help="work sweeps kept in a shared catalogue: claim cells, send, wait, record",
        description="Claim cells of the sweeps saved in a catalogue (sweep.save() or "
        "sweep.run()), send them, wait for them and record them, until no sweep has work left. "
        "Run several, on several machines, on one PostgreSQL catalogue: each cell is sent once.",
    )
    p.add_argument("--catalogue", required=True, help="catalogue URL (postgresql://…) or folder")
    p.add_argument("--files", default=None, help="the files folder (for a URL catalogue)")
    p.add_argument("--sweep", default=None, help="work only this sweep (its id)")
    p.add_argument("--max-cells", type=_whole, default=None, help="send at most N cells")
    p.add_argument(
        "--lease", type=_seconds, default=None, help="seconds a claim lasts without a heartbeat"
    )
    p.add_argument("--concurrency", type=_whole, default=4, help="cells in hand at once")
    p.add_argument(
        "--poll", type=_seconds, default=None, help="seconds between a task's first polls"
    )
    p.add_argument(
        "--status",
        action="store_true",
        help="print the live status of the sweep (or of every sweep) and exit: cells by "
        "state, workers, spend against the budget",
    )
    p.set_defaults(kind="worker", name="worker")
    return parser


def _fields(args: argparse.Namespace, names: Sequence[str]) -> dict[str, Any]:
    return {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}


def _print_task(task: Any, as_json: bool) -> None:
    if as_json:
        payload = {
            "task_id": task.task_id,
            "trace_id": task.trace_id,
            "action": task.action,
            "state": task.state,
            "clips": [c.model_dump(mode="json") for c in task.clips],
        }
        print(json.dumps(payload, indent=2))
        return
    print(f"{task.action} task {task.task_id}: {task.state}")
    for c in task.clips:
        dur = f"{c.duration:.1f} s" if c.duration is not None else "-"
        print(f"  {c.id}  {c.title or '(untitled)'}  [{c.state}, {dur}]  {c.audio_url or ''}")


def _print_result(result: Any, as_json: bool) -> None:
    data = result.model_dump(mode="json", exclude_none=True)
    if as_json:
        print(json.dumps(data, indent=2))
        return
    for key, value in data.items():
        if key in ("task_id", "trace_id"):
            continue
        if isinstance(value, list | dict):
            value = json.dumps(value)[:400]
        print(f"{key}: {value}")


class _BadArgument(Exception):
    """A command-line argument the command cannot use (exit code 2)."""


def _whole(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{value:g} must be more than 0 seconds")
    return value


def _open_catalogue(where: str, files: str | None, name: str) -> Any:
    """A catalogue named on the command line; one that cannot be opened is a bad argument."""
    from suno_nb.catalogue import Catalogue
    from suno_nb.catalogue.store import is_url

    try:
        return Catalogue(where, files=files) if is_url(where) else Catalogue(where)
    except OSError as exc:
        shown = where if len(where) <= 80 else where[:77] + "..."
        raise _BadArgument(
            f"the {name} {shown!r} cannot be opened: {exc.strerror or exc}"
        ) from None


def _worker(args: argparse.Namespace) -> int:
    from suno_nb.client import AsyncClient
    from suno_nb.sweeps.worker import work

    if not args.catalogue.strip():
        raise _BadArgument("--catalogue is empty: give a catalogue URL or folder")
    catalogue = _open_catalogue(args.catalogue, args.files, "--catalogue")
    if args.lease is not None:
        catalogue.lease_seconds = args.lease
    if args.status:
        from suno_nb.sweeps import Sweep

        ids = [args.sweep] if args.sweep else catalogue.queue.sweep_ids()
        for sweep_id in ids:
            print(Sweep.resume(sweep_id, catalogue=catalogue, run=False).status())
        if not ids:
            print("no sweeps in this catalogue yet (sweep.save() or sweep.run() adds one)")
        return 0
    options: dict[str, Any] = {}
    if args.poll is not None:
        options["poll_interval"] = (args.poll, max(args.poll * 4, args.poll))
    client = AsyncClient(base_url=args.base_url, catalogue=catalogue, progress=False, **options)
    print(f"worker {catalogue.owner}: looking for work", flush=True)
    report = work(
        catalogue, sweep_id=args.sweep, client=client, max_cells=args.max_cells,
        max_concurrency=args.concurrency,
    )  # fmt: skip
    print(report, flush=True)
    return 1 if report.count("failed") or report.count("uncertain") else 0


def _copy_catalogue(args: argparse.Namespace) -> int:
    from suno_nb.catalogue.catalogue import DB_NAME
    from suno_nb.catalogue.copying import copy_catalogue
    from suno_nb.catalogue.store import is_url

    for name, where in (("source", args.source), ("target", args.target)):
        if not where.strip():
            raise _BadArgument(f"the {name} is empty: give a catalogue folder or URL")
    if not is_url(args.source) and not (Path(args.source).expanduser() / DB_NAME).is_file():
        raise _BadArgument(f"no catalogue folder at {args.source!r} (it has no {DB_NAME})")

    source = _open_catalogue(args.source, args.source_files, "source")
    target = _open_catalogue(args.target, args.files, "target")
    report = copy_catalogue(
        source,
        target,
        batch_size=args.batch_size,
        on_batch=lambda r: print(f"  batch {r.batches}: {r.clips} new clips so far", flush=True),
    )
    print(report)
    return 0


def _readable_text(path: str) -> None:
    try:
        Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _BadArgument(f"no plan file at {path!r}") from None
    except IsADirectoryError:
        raise _BadArgument(f"{path!r} is a folder; give the plan's .toml file") from None
    except UnicodeDecodeError as exc:
        raise _BadArgument(
            f"{path!r} is not UTF-8 text (byte {exc.start}); save the plan file as UTF-8"
        ) from None
    except OSError as exc:
        raise _BadArgument(f"cannot read {path!r}: {exc.strerror or exc}") from None


def _run(args: argparse.Namespace) -> int:
    from suno_nb.errors import ValidationError

    if args.kind == "emulator":
        from suno_nb.emulator.__main__ import serve_from_args

        return serve_from_args(args)
    if args.kind == "catalogue":
        return _copy_catalogue(args)
    if args.kind == "worker":
        return _worker(args)
    if args.kind == "sweep":
        from suno_nb.sweeps import run_plan_file

        _readable_text(args.plan)
        return run_plan_file(args.plan, resume=args.resume)

    from suno_nb.client import Client

    client = Client(base_url=args.base_url, progress=False)
    if args.kind == "task":
        tasks = (
            client.tasks(args.task_ids)
            if len(args.task_ids) > 1
            else [client.task(args.task_ids[0])]
        )
        for task in tasks:
            if args.wait:
                task.wait(timeout=args.timeout)
            _print_task(task, args.json)
        return 0
    if args.kind == "endpoint":
        ep = schema.ENDPOINTS[args.endpoint]
        values = _fields(args, [f.name for f in ep.fields])
        problems = schema.check_endpoint(ep.name, values)
        if problems:
            raise ValidationError(problems, action=ep.name.replace("_", "-"))
        result = getattr(client, ep.name)(**values)
        _print_result(result, args.json)
        return 0
    action = schema.ACTIONS[args.name]
    fields = _fields(args, action.fields)
    task = client.audios(
        action.name,
        **fields,
        wait=args.wait,
        until=args.until,
        timeout=args.timeout,
        callback_url=args.callback_url,
    )
    _print_task(task, args.json)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``suno-nb``: returns the exit code (0 ok, 1 service error or a missing
    extra, 2 bad input)."""
    from suno_nb._extras import MissingExtraError
    from suno_nb.errors import SunoError, ValidationError

    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except _BadArgument as exc:
        print(f"suno-nb {args.command}: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"suno-nb: bad input: {exc}".replace("\n", "; "), file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        print(f"suno-nb: {exc}".replace("\n", " "), file=sys.stderr)
        return 130
    except SunoError as exc:
        print(f"suno-nb: {type(exc).__name__}: {exc}".replace("\n", " "), file=sys.stderr)
        return 1
    except MissingExtraError as exc:
        print(f"suno-nb: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
