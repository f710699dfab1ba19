"""Imports follow the layers: no module imports one from a higher layer, not even inside a function.

The layer table lives in one place, docs/architecture.md; this test parses it, walks every
module's AST (imports at the top, inside functions and under ``TYPE_CHECKING`` alike) and names
each import that goes up or sideways.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "suno_nb"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


@dataclass(frozen=True)
class Layer:
    level: int
    name: str
    prefixes: tuple[str, ...]


def read_layers(text: str) -> list[Layer]:
    """The rows of the table between ``<!-- layers`` and ``<!-- /layers -->``."""
    match = re.search(r"<!-- layers.*?-->(.*?)<!-- /layers -->", text, re.S)
    assert match, f"{ARCHITECTURE}: no <!-- layers --> ... <!-- /layers --> table"
    layers = []
    for line in match.group(1).splitlines():
        row = re.match(r"^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|(.+)\|\s*$", line)
        if row:
            prefixes = tuple(re.findall(r"`([\w.]+)`", row.group(3)))
            layers.append(Layer(int(row.group(1)), row.group(2), prefixes))
    assert layers, f"{ARCHITECTURE}: the layer table has no rows"
    return layers


def layer_of(module: str, layers: list[Layer]) -> Layer | None:
    """The row whose prefix is the longest match for ``module`` (dotted name)."""
    matches = [
        (len(prefix), layer)
        for layer in layers
        for prefix in layer.prefixes
        # The root package names only its face (__init__.py), not everything under it.
        if module == prefix or ("." in prefix and module.startswith(prefix + "."))
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def module_files(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (``suno_nb.x.y``; a package is its __init__)."""
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_modules(module: str, path: Path, known: set[str]) -> list[tuple[str, int]]:
    """The suno_nb modules ``module`` imports, with line numbers, wherever the import sits."""
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # `from suno_nb import schema` imports the module suno_nb.schema, not the face.
                sub = f"{base}.{alias.name}"
                found.append((sub if sub in known else base, node.lineno))
    return [(name, line) for name, line in found if name == "suno_nb" or name in known]


def violations(layers: list[Layer], modules: dict[str, Path]) -> list[tuple[str, str, str]]:
    """(importer, imported, why) for every import from a higher or a sibling layer."""
    known = set(modules)
    bad = []
    for module, path in modules.items():
        own = layer_of(module, layers)
        if own is None:
            continue  # reported by test_every_module_has_a_layer
        for target, line in imported_modules(module, path, known):
            other = layer_of(target, layers)
            if other is None or other == own:
                continue
            depth = module.count(".") + (path.name == "__init__.py")
            where = f"{path.relative_to(path.parents[depth])}:{line}"
            if other.level > own.level:
                why = f"{where}: {own.name} imports {other.name}, a layer above it"
            elif other.level == own.level:
                why = f"{where}: {own.name} imports {other.name}, a layer beside it"
            else:
                continue
            bad.append((module, target, why))
    return bad


def circles(modules: dict[str, Path]) -> list[frozenset[str]]:
    """Groups of modules that import each other in a loop (strongly connected, > 1 module)."""
    known = set(modules)
    graph = {m: {t for t, _ in imported_modules(m, p, known) if t != m} for m, p in modules.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        order[node] = low[node] = len(order)
        stack.append(node)
        for other in graph[node]:
            if other not in order:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], order[other])
        if low[node] == order[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(frozenset(group))

    for node in graph:
        if node not in order:
            visit(node)
    return found


LAYERS = read_layers(ARCHITECTURE.read_text())
MODULES = module_files()


def test_every_module_has_a_layer() -> None:
    missing = sorted(m for m in MODULES if layer_of(m, LAYERS) is None)
    assert not missing, f"add these modules to the layer table in docs/architecture.md: {missing}"


def test_the_table_names_only_real_modules() -> None:
    stale = sorted({p for layer in LAYERS for p in layer.prefixes if p not in MODULES})
    assert not stale, f"docs/architecture.md's layer table names modules that do not exist: {stale}"


def test_no_import_goes_up_or_sideways() -> None:
    bad = [why for _, _, why in violations(LAYERS, MODULES)]
    assert not bad, "imports against the layers (docs/architecture.md):\n" + "\n".join(bad)


def test_no_circles() -> None:
    """Issue 12.1: no modules import each other in a loop, inside a layer either (helpers take
    data, such as the store and the files layer, not the hub objects that call them)."""
    found = [sorted(group) for group in circles(MODULES)]
    assert not found, f"modules that import each other in a loop: {found}"


def test_the_checker_catches_an_import_from_above_even_inside_a_function(tmp_path: Path) -> None:
    package = tmp_path / "suno_nb"
    (package / "low").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "low" / "__init__.py").write_text("")
    (package / "low" / "base.py").write_text("def f():\n    from ..high import thing\n")
    (package / "high.py").write_text("from suno_nb.low import base\nthing = 1\n")
    (package / "side.py").write_text("from suno_nb import high\n")
    layers = read_layers(
        "<!-- layers -->\n| 0 | low | `suno_nb.low` |\n| 1 | high | `suno_nb.high` |\n"
        "| 1 | side | `suno_nb.side` |\n| 2 | face | `suno_nb` |\n<!-- /layers -->"
    )
    modules = module_files(package)
    found = {(importer, target) for importer, target, _ in violations(layers, modules)}
    assert found == {("suno_nb.low.base", "suno_nb.high"), ("suno_nb.side", "suno_nb.high")}
    assert circles(modules) == [frozenset({"suno_nb.low.base", "suno_nb.high"})]
