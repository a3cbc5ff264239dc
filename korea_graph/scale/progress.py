"""Progress bars for long operations (bulk loads, pushes): tqdm when it is installed and
the output is a terminal, silent otherwise.

>>> list(progress(range(3), total=3, desc="counting", enabled=False))
[0, 1, 2]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress"]

_T = TypeVar("_T")


def progress(items: Iterable[_T], *, total: int | None = None, desc: str = "",
             unit: str = "it", enabled: bool | None = None) -> Iterator[_T]:
    """Iterate over ``items`` with a progress bar on standard error.

    ``enabled=None`` (the default) shows the bar only when standard error is a terminal
    and tqdm is installed (``pip install 'korea_graph[scale]'``); ``False`` never shows it.
    """
    show = sys.stderr.isatty() if enabled is None else enabled
    if show:
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - tqdm is in the scale and test extras
            show = False
        else:
            yield from tqdm(items, total=total, desc=desc, unit=unit, file=sys.stderr,
                            leave=False, dynamic_ncols=True)
            return
    yield from items
