"""The boundaries of the code, checked by tools: the layers and the engine's freedom from Qt
(import-linter's contracts in pyproject.toml), no import circle between modules (grimp's graph),
importing every engine module loads no Qt at run time, and the input's side is written once."""

from __future__ import annotations

import ast
import io
import pkgutil
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import grimp

import lenet_desktop

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    done = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout
    # one of them is the layers, top to bottom, from the entry points to the leaves
    layers = re.search(r"^Layers: .*? (KEPT|BROKEN)", done.stdout, re.M | re.S)
    assert layers is not None and layers.group(1) == "KEPT", done.stdout[-3000:]


def _circles(graph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_two_modules_import_each_other_even_for_type_checking():
    """No circle of imports between modules of the package, those under ``TYPE_CHECKING`` and
    those inside functions included (grimp finds them all)."""
    graph = grimp.build_graph("lenet_desktop", exclude_type_checking_imports=False)
    assert len(graph.modules) > 100
    assert _circles(graph) == []


def test_the_circle_finder_finds_a_circle():
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert _circles(graph) == [["a.b", "a.c"]]


def _input_sides(text: str) -> list[int]:
    """The lines of ``text`` (Python) where the number 28 is code or a string that is not a
    docstring (comments and docstrings may name it)."""
    docstrings = {
        statement.value.lineno
        for node in ast.walk(ast.parse(text))
        if isinstance(body := getattr(node, "body", None), list)
        for statement in body
        if isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    }
    strings = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    return [
        token.start[0]
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if (token.type == tokenize.NUMBER and token.string == "28")
        or (
            token.type in strings
            and re.search(r"\b28\b", token.string)
            and token.start[0] not in docstrings
        )
    ]


def test_the_input_side_is_written_only_in_the_geometry():
    """28 (the input's side) as code or text only in specs/geometry.py; elsewhere only in
    comments and docstrings."""
    package = Path(lenet_desktop.__file__).parent
    home = package / "specs" / "geometry.py"
    found = {
        str(path.relative_to(package)): lines
        for path in sorted(package.rglob("*.py"))
        if path != home and (lines := _input_sides(path.read_text(encoding="utf-8")))
    }
    assert found == {}
    assert _input_sides(home.read_text(encoding="utf-8"))
    sample = 'SIZE = 28  # 28 here is a comment\n"""28 in a docstring"""\nx = "a 28×28 input"\n'
    assert _input_sides(sample) == [1, 3]


def test_importing_every_engine_module_loads_no_qt():
    """Every module of the package except the UI and the command line (which starts it) —
    found, not listed — imported in a fresh interpreter."""
    engine = [
        m.name
        for m in pkgutil.walk_packages(lenet_desktop.__path__, "lenet_desktop.")
        if not m.name.startswith(
            ("lenet_desktop.ui", "lenet_desktop.cli", "lenet_desktop.__main__")
        )
    ]
    expected = {"session", "nn.inference", "data.preprocessing", "training.loop", "nn.fast_ops"}
    assert {f"lenet_desktop.{name}" for name in expected} <= set(engine)
    imports = "; ".join(f"import {name}" for name in engine)
    code = (
        f"import sys; {imports}; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
        "'pyqtgraph'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_no_module_is_over_450_lines_and_the_main_window_over_300():
    """Split along the seams before a file grows past what one reads at once."""
    package = Path(lenet_desktop.__file__).parent
    sizes = {
        str(path.relative_to(package)): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 450} == {}
    assert sizes[str(Path("ui") / "main_window.py")] <= 300
