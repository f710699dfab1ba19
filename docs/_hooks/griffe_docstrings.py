"""A griffe extension: docstrings written for doctest and Sphinx read well in mkdocstrings.

- an ``Example:`` heading becomes ``Examples:``, the Google section whose ``>>>`` lines
  mkdocstrings renders as code (an unknown heading would be an admonition, and ``>>>`` in it a
  Markdown quote);
- ``# doctest: +SKIP`` and the other doctest directives are dropped from the page;
- Sphinx roles (:class:`Task`, :func:`~suno_nb.x.y`) become inline code.

The source keeps its runnable doctests; only the rendering changes.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_HEADING = re.compile(r"^(\s*)Example:\s*$", re.M)
_DIRECTIVE = re.compile(r"\s*#\s*doctest:\s*[+-][A-Z_]+(?:\s*,\s*[+-][A-Z_]+)*")
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj|const):`~?([^`]+)`")


def clean(text: str) -> str:
    """The docstring text as mkdocstrings should see it.

    Examples:
        >>> clean("See :class:`~suno_nb.tasks.Task`.\\n\\nExample:\\n    >>> x  # doctest: +SKIP")
        'See `suno_nb.tasks.Task`.\\n\\nExamples:\\n    >>> x'
    """
    text = _HEADING.sub(r"\1Examples:", text)
    text = _DIRECTIVE.sub("", text)
    return _ROLE.sub(r"`\1`", text)


class CleanDocstrings(griffe.Extension):
    """Rewrite each docstring once, before mkdocstrings parses it."""

    def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
        docstring = getattr(obj, "docstring", None)
        if docstring is not None and docstring.value:
            docstring.value = clean(docstring.value)
