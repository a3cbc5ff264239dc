"""The public names are imported on first use: ``import korea_graph`` loads none of the
library's modules, and every name in each package's ``__all__`` is there when read."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

PACKAGES = ["korea_graph", "korea_graph.core", "korea_graph.curation", "korea_graph.eventdata",
            "korea_graph.linked_data", "korea_graph.questions", "korea_graph.scale",
            "korea_graph.views"]


def _fresh(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                          "print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True).stdout
    return list(json.loads(out))


def test_import_loads_no_module_of_the_library_and_no_dependency() -> None:
    modules = _fresh("import korea_graph")
    ours = [m for m in modules if m.startswith("korea_graph.")]
    assert ours == ["korea_graph._lazy", "korea_graph.errors"]
    heavy = {"yaml", "networkx", "rdflib", "pyoxigraph", "pandas", "pyvis", "spacy",
             "urllib.request"}
    assert not heavy & set(modules)


def test_a_name_imports_only_what_it_needs() -> None:
    modules = set(_fresh("import korea_graph\nkorea_graph.TimeSpan"))
    assert "korea_graph.core.timespan" in modules
    assert not {"korea_graph.scale.store", "korea_graph.curation.draft", "yaml"} & modules


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_resolves_to_the_object_its_module_defines(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert name in dir(module)
        home = sys.modules[getattr(value, "__module__", package)]
        if name != "__version__" and hasattr(home, name):
            assert getattr(home, name) is value, f"{package}.{name}"


def test_an_unknown_name_is_an_attribute_error() -> None:
    import korea_graph

    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        korea_graph.Nothing  # noqa: B018
    assert not hasattr(korea_graph.scale, "nothing")
