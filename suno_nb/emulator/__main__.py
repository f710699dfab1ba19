"""``python -m suno_nb.emulator``: serve the offline Suno API in the foreground."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from suno_nb.emulator.faults import Faults
from suno_nb.emulator.settings import PROFILES

_CANNOT_LISTEN = {errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES}


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0-65535; 0: any free)")
    return port


def _host(text: str) -> str:
    # An address, not a name: a name would need a DNS look-up, and the emulator is for this
    # machine (127.0.0.1) or, deliberately, every interface (0.0.0.0).
    if text == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.IPv4Address(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an IPv4 address (use 127.0.0.1, the default, or 0.0.0.0)"
        ) from None


def _faults(text: str) -> str:
    try:
        Faults.parse(text)
    except (ValueError, TypeError) as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None
    return text


def _data_dir(text: str) -> str:
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a file, not a folder")
    parent = next((p for p in (path, *path.parents) if p.exists()), None)
    if parent is None or not parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: no existing folder to create it in")
    return text


def _number(text: str, *, zero_ok: bool) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
        floor = "0 or more" if zero_ok else "above 0"
        raise argparse.ArgumentTypeError(f"{text!r} must be a finite number {floor}")
    return value


def _positive(text: str) -> float:
    return _number(text, zero_ok=False)


def _balance(text: str) -> float:
    return _number(text, zero_ok=True)


def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The emulator's options, declared once for ``python -m suno_nb.emulator`` and
    ``suno-nb emulator``."""
    p.add_argument("--port", type=_port, default=8787, help="port on 127.0.0.1 (0: any free port)")
    p.add_argument(
        "--host", type=_host, default="127.0.0.1", help="address to bind (default 127.0.0.1)"
    )
    p.add_argument("--token", default=None, help="require this bearer token")
    p.add_argument(
        "--faults",
        type=_faults,
        default=None,
        help='fault shares, e.g. "busy=0.1,drop=0.05,task_error=0.1,seed=7"',
    )
    p.add_argument(
        "--data-dir", type=_data_dir, default=None, help="keep state here (default: a temp dir)"
    )
    p.add_argument("--profile", default="quick", choices=sorted(PROFILES), help="stage timings")
    p.add_argument("--credits", type=_balance, default=None, help="credit balance (1 per task)")
    p.add_argument("--rate-limit", type=_positive, default=None, help="API requests per second")
    p.add_argument("--max-duration", type=_positive, default=60.0, help="longest clip, seconds")
    p.add_argument(
        "--cache-mb",
        type=_positive,
        default=1024.0,
        help="megabytes of renderings kept in the data dir; older ones are made again when needed",
    )
    p.add_argument(
        "--submit-latency",
        type=_balance,
        default=0.0,
        help="seconds each /suno/audios answer waits after its task is made (e.g. 0.6)",
    )
    return p


def parser() -> argparse.ArgumentParser:
    return add_arguments(
        argparse.ArgumentParser(
            prog="suno-nb emulator", description="Serve the offline Suno API emulator."
        )
    )


def serve_from_args(args: argparse.Namespace) -> int:
    """Serve in the foreground with parsed options until interrupted; the exit code.

    An address that cannot be listened on (in use, not this machine's, not allowed) is one
    line on stderr and exit code 2, like any other bad argument.
    """
    from suno_nb.emulator.server import serve

    try:
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
            submit_latency=args.submit_latency,
            cache_limit_mb=args.cache_mb,
        )
    except KeyboardInterrupt:
        return 0
    except OSError as exc:
        if exc.errno not in _CANNOT_LISTEN:
            raise
        reason = exc.strerror or str(exc)
        print(
            f"suno-nb emulator: cannot listen on {args.host}:{args.port}: {reason} "
            "(choose another --port, or --port 0 for any free one)",
            file=sys.stderr,
        )
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return serve_from_args(parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
