"""Shared fixtures: the bundled graph, a writable copy of the data, and the rule that a
test needing Chromium or a server fails instead of skipping when CI sets
KOREA_GRAPH_REQUIRE_ALL=1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import korea_graph
from korea_graph.curation.loader import bundled_data_files

REQUIRE_ALL = os.environ.get("KOREA_GRAPH_REQUIRE_ALL") == "1"


def need(condition: bool, reason: str) -> None:
    """Skip with ``reason`` when ``condition`` is false, or fail when CI requires all."""
    if condition:
        return
    if REQUIRE_ALL:
        pytest.fail(f"KOREA_GRAPH_REQUIRE_ALL=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of the working tree, as ``pip install .`` would build it."""
    out = tmp_path_factory.mktemp("wheel")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(root)], check=True)
    return next(out.glob("korea_graph-*.whl"))


@pytest.fixture(scope="session")
def kg() -> korea_graph.KnowledgeGraph:
    """The curated article alone (Monitor 6:129): most tests check its readings."""
    return korea_graph.load_file(bundled_data_files()[0])


@pytest.fixture(scope="session")
def corpus() -> korea_graph.KnowledgeGraph:
    """The whole shipped corpus, as ``korea_graph.load()`` gives it."""
    return korea_graph.load()


@pytest.fixture(scope="session")
def article(kg: korea_graph.KnowledgeGraph) -> str:
    return kg.documents["monitor-6-129"].text


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the bundled data file and its text in a temporary folder."""
    source = bundled_data_files()[0]
    shutil.copy(source, tmp_path / source.name)
    shutil.copy(source.with_suffix(".txt"), tmp_path / source.with_suffix(".txt").name)
    return tmp_path / source.name


@pytest.fixture
def mutate(data_copy: Path) -> Callable[[str, str], tuple[Path, int]]:
    """Replace text once in the copied data file; return the file and the 1-based line of
    the change."""

    def apply(old: str, new: str) -> tuple[Path, int]:
        text = data_copy.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"fixture text {old!r} not in the data file"
        index = text.index(old)
        data_copy.write_text(text.replace(old, new, 1), encoding="utf-8")
        return data_copy, text.count("\n", 0, index) + 1

    return apply
