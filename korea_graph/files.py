"""Writing files so that a failed write never destroys the file that was there, and
cells that a spreadsheet opens as text.

Every output file korea_graph writes (data files, RDF, pages, pictures, CAMEO rows, store
exports) goes through :func:`atomic_path`: the content is written to a temporary file in
the same folder, then moved over the target with :func:`os.replace`, which is atomic on
one file system. If anything fails first (an encoding error, a full disk, an interrupt),
the temporary file is removed and the old file is left as it was.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> target = write_text(folder / "a.txt", "first")
>>> write_text(target, "bad \\ud800")
Traceback (most recent call last):
...
UnicodeEncodeError: ...
>>> target.read_text(), sorted(p.name for p in folder.iterdir())
('first', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_open", "atomic_path", "spreadsheet_safe", "write_bytes", "write_text"]


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; on leaving the block without error
    it replaces ``path`` (folders are made as needed), otherwise it is removed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with contextlib.suppress(OSError):
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", *,
                encoding: str | None = "utf-8", newline: str | None = None) -> Iterator[IO[Any]]:
    """``open(path, mode)`` on a temporary file that replaces ``path`` when the block ends
    without error."""
    with atomic_path(path) as tmp:
        kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": encoding,
                                                          "newline": newline}
        with open(tmp, mode, **kwargs) as handle:
            yield handle


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (encoded first, so an encoding error leaves
    the old file untouched); the path."""
    return write_bytes(path, text.encode(encoding))


def spreadsheet_safe(value: Any) -> Any:
    """A cell value that a spreadsheet shows as written: text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (numbers are left alone).

    >>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("-12"), spreadsheet_safe(3)
    ("'=SUM(A1)", '-12', 3)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value
