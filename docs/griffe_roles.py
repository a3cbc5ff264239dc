"""A griffe extension for the API reference: Sphinx roles as mkdocstrings cross-references.

The docstrings name other objects the way ``help()`` and Sphinx read them, with roles
(``:func:`load```, ``:class:`~korea_graph.core.graph.KnowledgeGraph```). Markdown has no
such roles, so the built page showed them raw. Once the package is loaded, this rewrites
each role into an autorefs link, ``[`KnowledgeGraph`][korea_graph.core.graph.KnowledgeGraph]``,
when its target is an object the page documents, and into plain code otherwise, so a link
never points nowhere (``mkdocs build --strict`` would refuse it). Names are resolved as
Python would from the docstring's place: the object itself, its class or module, what
the module imports, then the ``korea_graph`` facade. The docstrings themselves, and so
their doctests, are untouched in the source.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(func|class|meth|mod|data|attr|exc|obj|const):`([^`]+)`")
API_PAGE = Path(__file__).with_name("api.md")


def documented_modules() -> set[str]:
    """The modules that ``api.md`` renders (its ``::: module`` lines)."""
    text = API_PAGE.read_text(encoding="utf-8")
    return set(re.findall(r"^:::\s*([\w.]+)", text, flags=re.M))


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring of the package once it is fully loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        pages = documented_modules()
        for obj in _walk(pkg):
            if obj.docstring is not None:
                obj.docstring.value = ROLE.sub(
                    lambda m, obj=obj: _link(m, obj, pkg, pages), obj.docstring.value)


def _walk(obj: griffe.Object) -> list[griffe.Object]:
    out = [obj]
    for member in obj.members.values():
        if not member.is_alias:
            assert isinstance(member, griffe.Object)
            out.extend(_walk(member))
    return out


def _link(match: re.Match[str], obj: griffe.Object, pkg: griffe.Module, pages: set[str]
          ) -> str:
    written = match.group(2).strip()
    short = written.startswith("~")
    name = written.lstrip("~.")
    label = name.rsplit(".", 1)[-1] if short else name
    target = _resolve(name, obj, pkg)
    if target is None or not _rendered(target, pages):
        return f"`{label}`"
    return f"[`{label}`][{target.path}]"


def _resolve(name: str, obj: griffe.Object, pkg: griffe.Module) -> griffe.Object | None:
    scopes: list[griffe.Object] = [obj]
    parent = obj.parent
    while parent is not None:
        scopes.append(parent)
        parent = parent.parent
    root = name.split(".", 1)[0]
    if root == pkg.name:
        candidates = [name.split(".", 1)[1] if "." in name else ""]
        scopes = [pkg]
    else:
        candidates = [name]
        scopes.append(pkg)
    for scope in scopes:
        for path in candidates:
            found = _member(scope, path)
            if found is not None:
                return found
    return None


def _member(scope: griffe.Object, path: str) -> griffe.Object | None:
    current: Any = scope
    for part in [p for p in path.split(".") if p]:
        try:
            current = current.members[part]
        except (KeyError, AttributeError):
            return None
        if current.is_alias:
            try:
                current = current.final_target
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                return None
    return current if isinstance(current, griffe.Object) else None


def _rendered(target: griffe.Object, pages: set[str]) -> bool:
    """Whether the API page has an anchor for ``target``: a documented module, or a
    public member with a docstring of one (and of its public, documented class)."""
    if target.is_module:
        return target.path in pages
    chain = []
    current: griffe.Object | None = target
    while current is not None and not current.is_module:
        chain.append(current)
        current = current.parent
    if current is None or current.path not in pages:
        return False
    return all(not o.name.startswith("_") and o.docstring is not None and o.is_public
               for o in chain)
