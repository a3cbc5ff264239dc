"""The API page renders cross-references: no raw Sphinx role is left, and each link
points at an object the page documents (so ``mkdocs build --strict`` can resolve it)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from conftest import need

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_roles_become_links_or_code() -> None:
    need(importlib.util.find_spec("griffe") is not None,
         "griffe (in the docs extra) is not installed")
    import griffe

    sys.path.insert(0, str(DOCS))
    try:
        import griffe_roles
    finally:
        sys.path.remove(str(DOCS))
    pkg = griffe.load("korea_graph", search_paths=[str(DOCS.parent)], resolve_aliases=True)
    before = {o.path: o.docstring.value for o in griffe_roles._walk(pkg) if o.docstring}
    assert sum(len(griffe_roles.ROLE.findall(v)) for v in before.values()) > 100
    griffe_roles.SphinxRoles().on_package(pkg=pkg)
    after = {o.path: o.docstring.value for o in griffe_roles._walk(pkg) if o.docstring}
    assert not [p for p, v in after.items() if griffe_roles.ROLE.search(v)]
    loader = after["korea_graph.curation.loader"]
    assert "[`KnowledgeGraph`][korea_graph.core.graph.KnowledgeGraph]" in loader
    pages = griffe_roles.documented_modules()
    for text in after.values():
        for target in re.findall(r"\]\[(korea_graph[\w.]*)\]", text):
            module = target
            while module not in pages and "." in module:
                module = module.rsplit(".", 1)[0]
            assert module in pages, target
