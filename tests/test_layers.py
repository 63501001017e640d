"""The layers of the package, enforced: every import counts, lazy and type-checking ones too.

Each package of ``argmap`` may import only the packages listed for it below (and itself); as
each list names only packages listed before it, no two packages can import each other. Inside
the package no module imports itself back through others.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"

CORE = ("base", "scenario", "schema", "reading", "debate", "engine", "classroom", "validation")

# Lowest first. A package's list names the packages below it that it may use.
LAYERS: dict[str, tuple[str, ...]] = {
    "base": (),
    "scenario": ("base",),
    "schema": ("base", "scenario"),
    "reading": ("base", "scenario"),
    "debate": ("base", "scenario"),
    "engine": ("base", "scenario", "debate"),
    "classroom": ("base", "scenario", "reading", "debate", "engine"),
    "validation": ("base", "scenario", "schema", "reading", "debate", "engine", "classroom"),
    "views": ("base", "scenario", "debate", "engine", "classroom"),
    "formats": ("base", "scenario", "reading", "debate", "engine", "classroom", "validation", "views"),
    "authoring": ("base", "scenario", "schema", "reading", "validation"),
    "tui": (
        "base",
        "scenario",
        "reading",
        "debate",
        "engine",
        "classroom",
        "validation",
        "views",
        "formats",
        "authoring",
    ),
    "lsp": ("base", "scenario", "schema", "reading", "validation", "authoring"),
    "serve": ("base", "scenario", "classroom", "validation", "tui"),
    "cli": (
        "base",
        "scenario",
        "schema",
        "reading",
        "debate",
        "engine",
        "classroom",
        "validation",
        "views",
        "formats",
        "authoring",
        "tui",
        "serve",
        "lsp",
    ),
}
ROOT_MODULES = {"__init__", "__main__"}
"""The only modules at the top of the package: its version and ``python -m argmap``."""


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, package: Path = PACKAGE) -> set[str]:
    """Every module ``path`` imports anywhere in its body, as dotted names; ``from a import b``
    counts as ``a.b`` too, since ``b`` may be a module."""
    name = module_name(path, package)
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "argmap" else None


def known_modules(names: set[str], all_modules: dict[str, Path]) -> set[str]:
    """The argmap modules among imported names (``from argmap.x import Thing`` is module ``argmap.x``)."""
    return {n for n in names if n in all_modules}


ALL = modules()
IMPORTS = {m: imports_of(p) for m, p in ALL.items()}


def test_every_package_has_a_layer_and_nothing_else_lies_at_the_top():
    packages = {package_of(m) for m in ALL if m != "argmap"}
    assert packages - set(LAYERS) <= ROOT_MODULES
    assert packages - ROOT_MODULES == set(LAYERS)


def test_each_layer_names_only_layers_below_it():
    order = list(LAYERS)
    for i, (layer, below) in enumerate(LAYERS.items()):
        assert set(below) <= set(order[:i]), layer


@pytest.mark.parametrize("layer", list(LAYERS))
def test_a_layer_imports_only_the_layers_below_it(layer):
    wrong = []
    for module, names in IMPORTS.items():
        if package_of(module) != layer:
            continue
        for target in known_modules(names, ALL):
            other = package_of(target)
            if other not in (None, layer, *LAYERS[layer]):
                wrong.append(f"{module} imports {target}")
    assert not wrong


@pytest.mark.parametrize("layer", CORE)
def test_the_core_never_imports_a_front_end_or_terminal_library(layer):
    wrong = [
        f"{module} imports {name}"
        for module, names in IMPORTS.items()
        if package_of(module) == layer
        for name in names
        if name.split(".")[0] in ("textual", "rich") or package_of(name) in ("cli", "tui")
    ]
    assert not wrong


def test_views_compute_without_textual():
    wrong = [
        f"{module} imports {name}"
        for module, names in IMPORTS.items()
        if package_of(module) == "views"
        for name in names
        if name.split(".")[0] == "textual"
    ]
    assert not wrong


def test_no_module_imports_itself_back_through_others():
    graph = {m: known_modules(names, ALL) - {m} for m, names in IMPORTS.items()}
    cycles = strongly_connected(graph)
    assert not cycles, cycles


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of more than one module that reach each other (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            advanced = False
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    group.append(top)
                    if top == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_cycle_finder_finds_a_cycle():
    # The check above would pass on any graph if this found nothing.
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert strongly_connected({"a": {"b"}, "b": set()}) == []


def test_the_import_reader_counts_lazy_and_type_checking_imports(tmp_path):
    file = tmp_path / "argmap" / "x" / "m.py"
    file.parent.mkdir(parents=True)
    file.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from argmap.tui.app import App\n"
        "def f():\n    import rich.text\n    from . import sibling\n"
    )
    found = imports_of(file, tmp_path / "argmap")
    assert {"argmap.tui.app", "rich.text", "argmap.x.sibling"} <= found
