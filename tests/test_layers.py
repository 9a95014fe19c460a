"""The package's layers: imports point one way and never form a cycle.

Every module's imports are read from its source (``ast``), including
imports made inside functions and under ``TYPE_CHECKING``: a cycle that
only the type checker sees is still a cycle a reader must untangle.  The
layers and the reasons for them are in ``docs/design.md``.
"""

from __future__ import annotations

import ast
import fnmatch
from importlib import resources
from pathlib import Path

import pytest

PACKAGE = "unified_account"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # The vocabulary every other module speaks: errors, rule keys, message
    # markers, and decisions with the two values their parameters name.
    (
        "base",
        (
            "_excerpt",  # short quotes of bad values, for every message
            "_arguments",  # the facade's argument type checks
            "_files",  # reading within a limit, writing whole or not at all
            "_package_data",  # the text of a file the package ships
            "_gc",  # the collector paused while values are built in bulk
            "errors",
            "locales",  # locale names and the supported locale serving each
            "_typography",  # spacing, elision and labels, per locale
            "limits",  # the one definition of a value a snapshot holds
            "messages",
            "message_ids",
            "rules",
            "decision",
            "model",  # the package itself holds only its docstring
            "model._validate",
            "model.marketplace",
            "model._currencies",  # each currency's decimal places
            "model.money",
        ),
    ),
    # Frozen values, the rule editions that select among them, and the
    # data the library ships (read with the model's own JSON converter).
    ("model", ("model.*", "edition", "data", "data.*")),
    ("policy", ("policy", "policy.*")),
    # The edges: rendering, reading and writing documents, reports, and
    # the testing aids built on all of them.
    (
        "edges",
        (
            "i18n",
            "_number_shapes",  # money and numbers as Babel writes them
            "rule_catalogue",
            "catalogue",  # the old name of rule_catalogue, deprecated
            "snapshot",
            "snapshot.*",
            "spapi",
            "spapi.*",
            "report",
            "report.*",
        ),
    ),
    # Changes over time: diffs of reports, what-if plans, live reports.
    # They compare and update reports; the report never knows them.
    ("changes", ("changes", "changes.*")),
    # The testing aids: Hypothesis strategies for every public type (the
    # changes' diffs, plans and live reports too, so above them) and the
    # conformance kit built on the strategies.
    (
        "aids",
        ("strategies", "strategies.*", "testing", "testing.*"),
    ),
    # The command, and running it for many sellers at once.
    (
        "command",
        (
            "",
            "cli",
            "cli_changes",
            "__main__",
            "_hypothesis",
            "batch",
            "_pool",
            "_cluster",
            "_stopping",
        ),
    ),
)


def _root() -> Path:
    return Path(str(resources.files(PACKAGE)))


def _modules() -> dict[str, Path]:
    root = _root()
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if module else []
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``module`` imports, by short name."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _resolve(module, is_package, node)
            elif (node.module or "").split(".")[0] == PACKAGE:
                base = (node.module or "").removeprefix(PACKAGE)
                base = base.removeprefix(".")
            else:
                continue
            # ``from . import x`` may import the submodule ``x``.
            targets = [
                f"{base}.{alias.name}".lstrip(".")
                if f"{base}.{alias.name}".lstrip(".") in known
                else base
                for alias in node.names
            ]
            targets = [f"{PACKAGE}.{t}" if t else PACKAGE for t in targets]
        for target in targets:
            if target.split(".")[0] != PACKAGE:
                continue
            name = target.removeprefix(PACKAGE).removeprefix(".")
            while name and name not in known:
                name = name.rpartition(".")[0]
            # Importing ``a.b.c`` runs ``a`` and ``a.b`` first (all but
            # the facade, which every import runs, and the importer's own
            # packages, which are running already).
            # A module named outright counts even when it is one of the
            # importer's own packages: ``from . import X`` in a submodule
            # runs the package's ``__init__``, which imports the submodule.
            named = name
            while name and name != module:
                if name == named or not module.startswith(f"{name}."):
                    found.add(name)
                name = name.rpartition(".")[0]
    return found


def layer_of(module: str) -> int:
    """The index of the layer ``module`` belongs to."""
    for index, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(module, p) for p in patterns):
            return index
    raise AssertionError(f"module `{module}` is in no layer")


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {
        name: imports_of(name, path, known) for name, path in modules.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph``, or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_every_module_sits_in_a_layer(graph):
    """A new module must be placed in a layer before it can be imported."""
    for module in graph:
        layer_of(module)


def test_no_module_imports_a_higher_layer(graph):
    """Imports point down (or across) the layers, never up."""
    upward = sorted(
        f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} "
        f"({LAYERS[layer_of(target)][0]})"
        for module, targets in graph.items()
        for target in targets
        if layer_of(target) > layer_of(module)
    )
    assert upward == []


def test_the_package_has_no_import_cycle(graph):
    """No chain of imports leads back to where it started."""
    assert _cycle(graph) is None


def test_the_errors_import_nothing_of_the_package(graph):
    """The errors are the foundation: every module may raise them."""
    assert graph["errors"] == set()


def test_the_cycle_finder_finds_a_cycle():
    """The check above can fail: a planted cycle is reported."""
    planted = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert _cycle(planted) == ["a", "b", "c", "a"]


def test_the_import_reader_sees_hidden_imports(tmp_path):
    """Imports under ``TYPE_CHECKING`` and inside functions count."""
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from ..policy.unified import evaluate_merge\n"
        "def f():\n"
        "    from ..snapshot import load_snapshot\n"
        "    import unified_account.cli\n"
        "    from . import money\n",
        encoding="utf-8",
    )
    known = {"model", "model.mod", "model.money", "policy"}
    known |= {"policy.unified", "snapshot", "cli"}
    assert imports_of("model.mod", source, known) == {
        "policy",
        "policy.unified",
        "snapshot",
        "cli",
        "model.money",
    }


def test_the_import_reader_sees_a_submodule_import_its_package(tmp_path):
    """``from . import X`` in ``pkg.sub`` runs ``pkg``, so it is named.

    If ``pkg`` imports ``pkg.sub`` in turn, that is an import cycle.
    """
    source = tmp_path / "sub.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from . import Snapshot\n"
        "from .sibling import x\n",
        encoding="utf-8",
    )
    known = {"snapshot", "snapshot.sub", "snapshot.sibling"}
    found = imports_of("snapshot.sub", source, known)
    assert found == {"snapshot", "snapshot.sibling"}
    graph = {"snapshot": {"snapshot.sub"}, "snapshot.sub": found}
    assert _cycle(graph) == ["snapshot", "snapshot.sub", "snapshot"]
