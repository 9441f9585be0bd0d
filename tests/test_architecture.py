"""The shape of the house: no module imports another that (directly or through others) imports
it back, and no module reaches up to the package root (`unspin/__init__`), which imports the
whole pipeline. Imports inside functions, `TYPE_CHECKING` blocks and `import_module("unspin.x")`
strings count too: a lazy import is still an arrow."""

from __future__ import annotations

import ast
from pathlib import Path

import unspin

ROOT = Path(unspin.__file__).parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in ROOT.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("unspin.")
              and node.value.split(":")[0] in MODULES):
            found.add(node.value.split(":")[0])  # import_module("unspin.x") and "unspin.x:Class" factories
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in GRAPH:
        if v not in index:
            visit(v)
    return groups


def test_the_graph_is_read():
    assert "unspin.layers" in GRAPH["unspin.analysis"]
    assert "unspin.analyzers.techniques.findings" in GRAPH["unspin.layers"]  # through an import_module string


def test_no_module_imports_itself_back():
    assert cycles() == []


def test_no_module_reaches_up_to_the_package_root():
    assert [name for name, targets in GRAPH.items() if "unspin" in targets and name != "unspin"] == []


def test_run_time_modules_never_import_training():
    runtime = [name for name in GRAPH if not name.startswith(("unspin.training", "unspin.cli"))]
    assert [(name, t) for name in runtime for t in GRAPH[name] if t.startswith("unspin.training")] == []
