"""Name matching that forgives case, hyphens, spacing and apostrophes.

>>> normalize("Kim Jong-il") == normalize("kim  jong il") == normalize("KIM JONG IL")
True
>>> normalize("Putin’s trip")
"putin's trip"
>>> compact("Paek Nam-sun") == compact("paeknamsun")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["compact", "normalize"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SEPARATORS = re.compile(r"[^\w']+", re.UNICODE)


def normalize(name: str) -> str:
    """Case-folded words separated by single spaces; hyphens, dots and dashes are spaces."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    text = _SEPARATORS.sub(" ", text).replace("_", " ")
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)  # quotes, but not possessives
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def compact(name: str) -> str:
    """:func:`normalize` without spaces or apostrophes: ``"Kim Jong-il"`` -> ``"kimjongil"``."""
    return normalize(name).replace(" ", "").replace("'", "")
