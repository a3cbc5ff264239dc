"""The layers of docs/architecture.md hold in the code: no upward import, no circle, and
the module map names every module in its layer."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("korea_graph")


def _modules(graph: grimp.ImportGraph) -> set[str]:
    """Every module but the facade and the subpackages' own ``__init__``/``__main__``."""
    packages = {m.rsplit(".", 1)[0] for m in graph.modules if m.count(".") > 1}
    return {m for m in graph.modules
            if m != "korea_graph" and m not in packages and not m.endswith("__main__")}


def test_no_module_imports_the_facade(graph: grimp.ImportGraph) -> None:
    importers = graph.find_modules_that_directly_import("korea_graph")
    # cli.main reads only the version; nothing else may depend on the facade
    assert importers <= {"korea_graph.cli.main"}


def test_no_circle_between_modules(graph: grimp.ImportGraph) -> None:
    circles = []
    for importer in sorted(_modules(graph)):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported == "korea_graph" or imported not in _modules(graph):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                circles.append((importer, *back))
    assert circles == []


def _layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    return [[name.strip() for name in layer.split("|")] for layer in contract["layers"]]


def test_no_upward_import(graph: grimp.ImportGraph) -> None:
    layers = _layers()
    rank = {pkg: len(layers) - i for i, layer in enumerate(layers) for pkg in layer}

    def layer_of(module: str) -> str:
        parts = module.split(".")
        return ".".join(parts[:2])

    upward = []
    for importer in _modules(graph):
        for imported in graph.find_modules_directly_imported_by(importer):
            a, b = layer_of(importer), layer_of(imported)
            if a in rank and b in rank and a != b and rank[b] >= rank[a]:
                upward.append(f"{importer} -> {imported}")
    assert upward == []


def test_module_map_names_every_module_in_its_layer(graph: grimp.ImportGraph) -> None:
    text = DOC.read_text(encoding="utf-8")
    mapped: dict[str, str] = {}
    layer = None
    for line in text.splitlines():
        heading = re.match(r"### (\w+)$", line)
        if heading:
            layer = heading.group(1)
        item = re.match(r"- `([a-z_.]+)`: \S", line)
        if item and layer:
            mapped["korea_graph." + item.group(1)] = layer
    assert set(mapped) == _modules(graph)
    for module, heading in mapped.items():
        assert module.split(".")[1] == heading, module
    # the diagram and the headings list the layers of the lint contract, in its order
    headings = re.findall(r"^### (\w+)$", text, flags=re.M)
    contract = [pkg.split(".")[-1] for layer in reversed(_layers()) for pkg in layer]
    assert headings == contract


def test_import_linter_contracts_are_kept() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.fail("lint-imports is missing: pip install '.[test]' installs import-linter")
    result = subprocess.run([lint, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout
