"""Where is this code running: which front end shows this kernel's output, if any.

The one place that answers it; progress bars, players, plots and widgets all ask here.

==========  ==========================================================================
front end   recognised by
==========  ==========================================================================
colab       ``google.colab`` imported or ``COLAB_RELEASE_TAG`` set
voila       a ``VOILA_*`` variable, or ``SERVER_SOFTWARE`` starting with "voila"
vscode      ``__vsc_ipynb_file__`` in the user namespace, or VS Code's variables
            (``VSCODE_PID``/``VSCODE_CWD``) without a Jupyter server's ``JPY_SESSION_NAME``
jupyter     any other IPython kernel (JupyterLab, Notebook 7, Binder, JupyterHub)
terminal    no kernel: a script, a plain ``python`` or IPython shell, a test run
==========  ==========================================================================

Override detection with ``suno_nb.frontend.FRONTEND = "vscode"`` or the ``SUNO_NB_FRONTEND``
environment variable (e.g. VS Code talking to a remote Jupyter server).

Example:
    >>> detect_frontend() in FRONTENDS
    True
    >>> in_notebook() == (detect_frontend() != "terminal")
    True
"""

from __future__ import annotations

import os
import sys
from typing import Any, Literal

__all__ = ["FRONTEND", "FRONTENDS", "Frontend", "detect_frontend", "in_notebook", "kernel_shell"]

Frontend = Literal["jupyter", "vscode", "voila", "colab", "terminal"]
FRONTENDS: tuple[str, ...] = ("jupyter", "vscode", "voila", "colab", "terminal")
FRONTEND: str | None = None
"""One of :data:`FRONTENDS` to skip detection."""


def detect_frontend() -> str:
    """Which front end is showing this kernel's output: one of :data:`FRONTENDS`.

    Example:
        >>> detect_frontend() in FRONTENDS
        True
    """
    chosen = FRONTEND or os.environ.get("SUNO_NB_FRONTEND")
    if chosen:
        if chosen not in FRONTENDS:
            raise ValueError(
                f"front end {chosen!r} (suno_nb.frontend.FRONTEND or SUNO_NB_FRONTEND) is not "
                f"one of {', '.join(FRONTENDS)}; pick one of those or unset it to detect"
            )
        return chosen
    env = os.environ
    if "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in env:
        return "colab"
    if any(name.startswith("VOILA_") for name in env) or env.get("SERVER_SOFTWARE", "").startswith(
        "voila"
    ):
        return "voila"
    shell = kernel_shell()
    if shell is not None and "__vsc_ipynb_file__" in shell.user_ns:
        return "vscode"
    # A kernel started by a Jupyter server has JPY_SESSION_NAME; a VS Code kernel has VS Code's
    # variables and no server. (JupyterLab launched from a VS Code terminal has both.)
    if ("VSCODE_PID" in env or "VSCODE_CWD" in env) and "JPY_SESSION_NAME" not in env:
        return "vscode" if shell is not None else "terminal"
    return "terminal" if shell is None else "jupyter"


def in_notebook() -> bool:
    """True when a notebook front end shows the output (widgets can be drawn).

    Example:
        >>> isinstance(in_notebook(), bool)
        True
    """
    return detect_frontend() != "terminal"


def kernel_shell() -> Any:
    """The running IPython kernel's shell, or None (no IPython, or a terminal IPython)."""
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    shell = get_ipython()
    return shell if shell is not None and hasattr(shell, "kernel") else None
