"""Package attributes imported on first use (PEP 562), so ``import korea_graph`` stays fast.

A package lists which of its modules defines each public name; ``import korea_graph``
then imports none of them, and ``korea_graph.Store`` imports ``korea_graph.scale.store``
the first time it is read. Type checkers and editors read the same names from the
package's ``if TYPE_CHECKING:`` imports.

>>> import korea_graph
>>> korea_graph.TimeSpan.__module__
'korea_graph.core.timespan'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def attach(package: str, names: Mapping[str, str]) -> tuple[Callable[[str], Any],
                                                           Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of *package*, whose *names* map each public
    name to the module, relative to the package, that defines it.

    >>> getattr_, dir_ = attach("korea_graph.core", {"TimeSpan": ".timespan"})
    >>> getattr_("TimeSpan").__name__
    'TimeSpan'
    >>> getattr_("Nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'korea_graph.core' has no attribute 'Nothing'
    """

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        sys.modules[package].__dict__[name] = value  # later reads skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(names) | set(sys.modules[package].__dict__))

    return __getattr__, __dir__
