"""A call that needs an optional package says which extra to install, instead of a bare
ModuleNotFoundError (the packages are hidden here as if they were not installed)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import korea_graph
from korea_graph import DependencyError, KnowledgeGraph
from korea_graph.questions.query import meetings


def _store(tmp: Path, kg: KnowledgeGraph) -> Any:
    return korea_graph.Store.open(tmp / "store")


CALLS: list[tuple[str, tuple[str, ...], Callable[[Path, KnowledgeGraph], Any], str]] = [
    ("answers.to_frame()", ("pandas",), lambda tmp, kg: meetings(kg).to_frame(), "frames"),
    ("sparql()", ("pyoxigraph",), lambda tmp, kg: korea_graph.sparql(kg, "ASK {}"), "fast"),
    ("from_rdf()", ("pyoxigraph",),
     lambda tmp, kg: korea_graph.from_rdf(korea_graph.to_rdf(kg, "turtle"), "turtle"), "fast"),
    ("validate()", ("pyshacl",), lambda tmp, kg: korea_graph.validate(kg), "validate"),
    ("Store.open()", ("pyoxigraph",), _store, "scale"),
    ("View.picture()", ("matplotlib",),
     lambda tmp, kg: korea_graph.view(kg).picture(tmp / "v.png"), "views"),
    ("Timeline.picture()", ("matplotlib",),
     lambda tmp, kg: korea_graph.timeline_view(kg).picture(tmp / "t.png"), "views"),
]


@pytest.mark.parametrize(("hidden", "call", "extra"), [c[1:] for c in CALLS],
                         ids=[c[0] for c in CALLS])
def test_a_missing_extra_is_named(hidden: tuple[str, ...], call: Callable[..., Any], extra: str,
                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                  kg: KnowledgeGraph) -> None:
    for name in hidden:
        monkeypatch.setitem(sys.modules, name, None)  # import now raises ModuleNotFoundError
    with pytest.raises(DependencyError) as info:
        call(tmp_path, kg)
    assert f"pip install 'korea_graph[{extra}]'" in str(info.value)
    assert isinstance(info.value.__cause__, ImportError)
