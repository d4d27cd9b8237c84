"""No import cycles inside the package: no two modules of src/wegwijzer import each other,
directly or through others, and no module imports itself.

Every import counts, also one inside a function (such an import hides a cycle from Python
but not from a reader). Relative imports are resolved, and `from pkg import module` is an
import of that module, not of the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

from builders import REPO

PACKAGE = REPO / "src" / "wegwijzer"


def module_names(root: Path) -> dict:
    """{dotted name: path} for every module and package under ``root`` (a package folder)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = (root.name, *path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _imported(name: str, path: Path, modules: dict) -> list:
    """(module, line) for every import of one of ``modules`` in the module ``name``."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []

    def ours(dotted: str):
        """``dotted`` if it is one of our modules, or the nearest of ours it is a name in."""
        parts = dotted.split(".")
        while parts and ".".join(parts) not in modules:
            parts.pop()
        return ".".join(parts) if parts else None

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(ours(alias.name), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                source = ".".join(base + (node.module.split(".") if node.module else []))
            else:
                source = node.module
            for alias in node.names:
                # `from . import render` imports the module render; `from .render import esc` imports render
                found.append((ours(f"{source}.{alias.name}") or ours(source), node.lineno))
    return [(module, line) for module, line in found if module]


def import_graph(root: Path) -> dict:
    """{module: {imported module: {lines}}} for the modules under ``root``."""
    modules = module_names(root)
    graph = {}
    for name, path in modules.items():
        edges = graph.setdefault(name, {})
        for target, line in _imported(name, path, modules):
            edges.setdefault(target, set()).add(line)
    return graph


def cycles(graph: dict) -> list:
    """The strongly connected components of more than one module, and every module that imports
    itself, each as a sorted list (Tarjan's algorithm)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, {}):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def describe(graph: dict, component: list) -> str:
    """One cycle for a reader: which module imports which, on what lines."""
    lines = [" <-> ".join(component)]
    for module in component:
        for target, at in sorted(graph[module].items()):
            if target in component:
                lines.append(f"    {module} imports {target} (line {', '.join(map(str, sorted(at)))})")
    return "\n".join(lines)


def test_no_module_of_the_package_is_part_of_an_import_cycle():
    graph = import_graph(PACKAGE)
    assert len(graph) > 50, "the package's modules are no longer found: update this test"
    assert graph["wegwijzer.site.sitebuild"].get("wegwijzer.site.swap"), "imports are no longer read"
    found = cycles(graph)
    assert not found, "import cycles inside src/wegwijzer:\n" + "\n".join(
        describe(graph, component) for component in found)


# --- the check itself finds every kind of back-import ------------------------------------------

def _package(tmp_path: Path, files: dict) -> Path:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", "sub/__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_check_finds_a_back_import_inside_a_function(tmp_path):
    root = _package(tmp_path, {
        "sub/a.py": "from .b import thing\n",
        "sub/b.py": "thing = 1\n\ndef later():\n    from . import a\n    return a\n",
        "c.py": "from .sub import a\n",
    })
    graph = import_graph(root)
    assert cycles(graph) == [["pkg.sub.a", "pkg.sub.b"]]
    assert "pkg.sub.b imports pkg.sub.a (line 4)" in describe(graph, ["pkg.sub.a", "pkg.sub.b"])


def test_the_check_finds_a_longer_cycle_through_absolute_and_parent_imports(tmp_path):
    root = _package(tmp_path, {
        "a.py": "import pkg.sub.b\n",
        "sub/b.py": "from ..c import name\n",
        "c.py": "from pkg import a\nname = 1\n",
        "d.py": "from .sub.b import x\nfrom .c import name\n",  # imports into the cycle, not part of it
    })
    assert cycles(import_graph(root)) == [["pkg.a", "pkg.c", "pkg.sub.b"]]


def test_the_check_finds_a_self_import_and_passes_a_tree(tmp_path):
    root = _package(tmp_path, {
        "a.py": "from . import b, c\n",
        "b.py": "from .c import name\n",
        "c.py": "import os\nname = os.sep\n",
    })
    assert cycles(import_graph(root)) == []
    (root / "c.py").write_text("def f():\n    from . import c\n", encoding="utf-8")
    assert cycles(import_graph(root)) == [["pkg.c"]]
