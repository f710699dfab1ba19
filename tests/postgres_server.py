"""A real PostgreSQL server for the tests and benchmarks: Debian's package, a temp data dir.

``initdb`` refuses to run as root (CI runs as root), so as root the server runs as the
``postgres`` user through ``runuser``. It listens on 127.0.0.1 only, on a free port, with
``fsync=off`` (throw-away data), and is stopped and removed on exit.

Example:
    >>> with temporary_postgres() as url:          # doctest: +SKIP
    ...     print(url)
    postgresql://postgres@127.0.0.1:54321/postgres
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["PostgresUnavailable", "postgres_bin", "temporary_postgres"]


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine (scripts/setup_system.sh installs them)."""


def postgres_bin() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl`` (newest Debian version first)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries not found: run `bash scripts/setup_system.sh` "
        "(installs Debian's postgresql package)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str]:
    """Start a throw-away server; yields its URL; stops it and removes its data at the end."""
    bindir = postgres_bin()
    root = Path(tempfile.mkdtemp(prefix="suno_nb_pg_"))
    data, log = root / "data", root / "server.log"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 60}
    try:
        subprocess.run(
            _as_server_user(
                [
                    *(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"),
                    *("--no-sync", "-E", "UTF8", "--locale=C.UTF-8"),
                ]
            ),
            **run,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-w",
                    "-l",
                    str(log),
                    "-o",
                    options,
                    "start",
                ]
            ),
            **run,
        )
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        detail = (exc.stderr or "") + (log.read_text() if log.exists() else "")
        raise PostgresUnavailable(f"could not start PostgreSQL: {detail.strip()[-800:]}") from exc
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def create_database(url: str, name: str) -> str:
    """A fresh empty database on the server at ``url``; its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name
