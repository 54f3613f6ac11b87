"""The layers hold: shared helpers <- articles <- entities <- the project's surfaces, and no module
imports itself back, however indirectly. Read from the source, so every import counts: those at the
top, inside functions and under TYPE_CHECKING alike."""

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR

PACKAGES = ("archive", "articles", "entities")
# What each layer may import from the project, besides itself. `archive` outside `archive.common`
# is the project and its cross-app surfaces, which may import everything.
ALLOWED = {
    "archive.common": ("archive.common",),
    "articles": ("archive.common", "articles"),
    "entities": ("archive.common", "articles", "entities"),
    "archive": ("archive.common", "archive", "articles", "entities"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_DIR).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((PROJECT_DIR / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports (`from x import y` counts y when y is a module)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def layer(name: str) -> str:
    return next(prefix for prefix in ALLOWED if name == prefix or name.startswith(f"{prefix}."))


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imported_modules(name, path, set(modules)) for name, path in modules.items()}


def test_the_walk_sees_every_package_and_the_imports_inside_functions(graph):
    assert {"archive.common.dates", "articles.importing", "entities.curation", "archive.pipeline"} <= set(graph)
    assert "entities.mentions" in graph["entities.curation"] or "entities.refresh" in graph["entities.curation"]
    assert "articles.inputs" in graph["entities.evaluation"]  # imported inside a function


def test_each_layer_imports_only_the_layers_below_it(graph):
    crossings = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        if layer(target) not in ALLOWED[layer(name)]
    )
    assert crossings == []


def test_articles_import_nothing_from_entities(graph):
    assert (
        sorted(
            f"{n} -> {t}"
            for n, ts in graph.items()
            for t in ts
            if n.startswith("articles") and t.startswith("entities")
        )
        == []
    )


def test_no_module_imports_itself_back(graph):
    cycles = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(name: str) -> None:  # Tarjan's strongly connected components
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target in graph.get(name, ()):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == name:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert cycles == []
