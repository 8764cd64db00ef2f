"""The pipeline's layers import one way only: a package may import the layers listed for it and
nothing above them (so the folder layout is the architecture, and no cycle can hide behind an
import inside a function)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"

# layer -> the layers it may import (besides itself); the front door and __main__ may import any
ALLOWED = {
    "core": set(),
    "resources": {"core"},
    "document": {"core"},
    "checks": {"core", "document", "resources"},
    "settings": {"core", "checks"},
    "run": {"core", "document", "checks", "settings", "resources"},
    "formats": {"core", "document"},
    "archive": {"core", "document", "settings", "run"},
    "app": {"core", "document", "checks", "settings", "run", "formats", "resources", "archive"},
}


def imported_layers(path: Path) -> set[str]:
    """The top-level newslint packages a module imports, at module level or inside functions."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    package = ["newslint", *parts[:-1]] if parts[-1] != "__init__" else ["newslint", *parts[:-1]]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            names = [f"{target}.{a.name}" for a in node.names] if target == "newslint" else [target]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        found |= {n.split(".")[1] for n in names if n.startswith("newslint.")}
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(layer):
    wrong = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        bad = imported_layers(path) - ALLOWED[layer] - {layer}
        if bad:
            wrong[str(path.relative_to(PACKAGE))] = sorted(bad)
    assert wrong == {}


def test_every_package_is_a_known_layer():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(ALLOWED)
