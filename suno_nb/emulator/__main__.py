"""``python -m suno_nb.emulator``: serve the offline Suno API in the foreground."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Sequence

from suno_nb.emulator.settings import PROFILES


def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The emulator's options, declared once for ``python -m suno_nb.emulator`` and
    ``suno-nb emulator``."""
    p.add_argument("--port", type=int, default=8787, help="port on 127.0.0.1 (0: any free port)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--token", default=None, help="require this bearer token")
    p.add_argument(
        "--faults",
        default=None,
        help='fault shares, e.g. "busy=0.1,drop=0.05,task_error=0.1,seed=7"',
    )
    p.add_argument("--data-dir", default=None, help="keep state here (default: a temp dir)")
    p.add_argument("--profile", default="quick", choices=sorted(PROFILES), help="stage timings")
    p.add_argument("--credits", type=float, default=None, help="credit balance (1 per task)")
    p.add_argument("--rate-limit", type=float, default=None, help="API requests per second")
    p.add_argument("--max-duration", type=float, default=60.0, help="longest clip, seconds")
    return p


def parser() -> argparse.ArgumentParser:
    return add_arguments(
        argparse.ArgumentParser(
            prog="suno-nb emulator", description="Serve the offline Suno API emulator."
        )
    )


def serve_from_args(args: argparse.Namespace) -> int:
    """Serve in the foreground with parsed options until interrupted; the exit code."""
    from suno_nb.emulator.server import serve

    with contextlib.suppress(KeyboardInterrupt):
        serve(
            port=args.port,
            host=args.host,
            token=args.token,
            faults=args.faults,
            data_dir=args.data_dir,
            profile=args.profile,
            credits=args.credits,
            rate_limit=args.rate_limit,
            max_duration=args.max_duration,
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return serve_from_args(parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
