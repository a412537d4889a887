"""The house rules that code review alone would not keep: no import circles, SQL in one room.

Imports are read from the source (those inside functions too: a lazy import hides a circle,
it does not remove it).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("pipeline", "index", "app")
# bench/plain_baseline.py stands for code outside Praktika (the baseline a user would write).
SQL_OWNERS = {"index/store.py", "index/schema.py", "bench/plain_baseline.py"}
SQL_CALLS = {"execute", "executemany", "executescript", "read_sql_query", "read_sql"}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `path` imports, anywhere in it."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module in modules:
            subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
            out |= subs or {node.module}  # `from index import lemmas` imports the module, not the package
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_circle():
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_data_flows_one_way():
    """pipeline/ never imports index/ or app/; index/ never imports app/."""
    modules = _modules()
    later = {"pipeline": ("index", "app"), "index": ("app",), "app": ()}
    wrong = [
        f"{name} imports {target}"
        for name, path in modules.items()
        for target in _imports(path, modules)
        if target.split(".")[0] in later[name.split(".")[0]]
    ]
    assert wrong == []


def test_sql_only_in_the_store():
    wrong = []
    for folder in (*PACKAGES, "bench", "notebooks"):
        for path in (ROOT / folder).rglob("*.py"):
            where = path.relative_to(ROOT).as_posix()
            if where in SQL_OWNERS:
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
                    wrong.append(f"{where}:{node.lineno}")
    assert wrong == []
