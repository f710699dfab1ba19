"""Optional dependencies: import a module that belongs to an extra, or say how to get it.

Every import of a package that ``pip install suno-nb`` does not bring goes through :func:`require`,
so a missing extra always reads the same way: one line naming the ``pip install`` to run.

Example:
    >>> require("json", extra="server").__name__
    'json'
    >>> try:
    ...     require("not_a_real_module_xyz", extra="server", feature="The emulator's HTTP server")
    ... except MissingExtraError as error:
    ...     print(error)
    The emulator's HTTP server needs the 'server' extra (module 'not_a_real_module_xyz' is not
    installed): pip install 'suno-nb[server]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["EXTRAS", "MissingExtraError", "optional", "require"]

#: The extras of pyproject.toml, with what each one adds (a test keeps the two in step).
EXTRAS: dict[str, str] = {
    "server": "the emulator's HTTP server (starlette, uvicorn)",
    "video": "the emulator's real mp4 videos (a bundled ffmpeg)",
    "fast": "accelerators with a plain fallback: columnar sqlite reads (ADBC) and aiohttp for "
    "many concurrent async requests",
    "lab": "PostgreSQL catalogues, Dask clusters and files anywhere (psycopg, ADBC, dask, fsspec, "
    "s3fs)",
    "research": "audio tags, MIDI files and experiment tracking (mutagen, mido, mlflow)",
    "all": "every extra above",
}


class MissingExtraError(ImportError):
    """An optional dependency is missing; the message names the ``pip install`` to run."""


def require(module: str, *, extra: str, feature: str | None = None) -> ModuleType:
    """Import ``module`` (dotted names work) or raise one clear line naming the extra.

    ``feature`` says what needed it ("The emulator's HTTP server"); it defaults to the module.

    Example:
        >>> uvicorn = require("uvicorn", extra="server")   # doctest: +SKIP
    """
    if extra not in EXTRAS:
        raise ValueError(f"extra={extra!r} is not an extra of suno-nb; allowed: {sorted(EXTRAS)}")
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        top = module.partition(".")[0]
        # Only a missing optional package is "a missing extra"; a bug inside it must surface as is.
        if error.name is not None and error.name.partition(".")[0] != top:
            raise
        what = feature or f"suno_nb's use of {module!r}"
        raise MissingExtraError(
            f"{what} needs the {extra!r} extra (module {module!r} is not installed): "
            f"pip install 'suno-nb[{extra}]'"
        ) from None


def optional(module: str, *, extra: str) -> ModuleType | None:
    """Import an accelerator from ``extra`` if it is installed, else return ``None``.

    For packages the code can do without (the caller keeps a plain path): a missing one is
    not an error, a broken one still is.

    Example:
        >>> optional("json", extra="fast").__name__
        'json'
        >>> optional("not_a_real_module_xyz", extra="fast") is None
        True
    """
    try:
        return require(module, extra=extra)
    except MissingExtraError:
        return None
