"""What every offline page shares: one HTML skeleton with a Content-Security-Policy, data
as escaped JSON, inlined scripts checked to be inlinable, saving, and Jupyter display.

A page is ``templates/page.html`` filled with the title (HTML-escaped), the styles, the
page's static body markup, the data (JSON in a ``<script type="application/json">``
block) and two scripts: the drawing library and our code (``common.js`` then the page's
own script). Nothing from the data is ever put into markup.

>>> print(json_for_html({"x": "</script><b>&"}))
{"x": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import os
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DependencyError
from ..files import write_text

__all__ = ["POLICY", "Page", "inlinable", "json_for_html", "script_hash", "template", "vendored"]

_PARTS = re.compile(r"@@(TITLE|CSS|BODY|DATA|LIB|APP|CSP)@@")
#: what an offline page may load: nothing but its own inline scripts, styles and data: images
POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
          "img-src data:; font-src data:")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


class Page:
    """A self-contained page: subclasses set ``title`` and ``data`` and say which
    templates and library make it (:meth:`_body`, :meth:`_styles`, :meth:`_library`,
    :meth:`_script`)."""

    title: str
    data: dict[str, Any]

    def _body(self) -> str:
        raise NotImplementedError

    def _styles(self) -> str:
        raise NotImplementedError

    def _library(self) -> str:
        raise NotImplementedError

    def _script(self) -> str:
        raise NotImplementedError

    def _policy(self, library: str, app: str) -> str:
        """The Content-Security-Policy of the page, given its two scripts."""
        return POLICY

    @cached_property
    def html(self) -> str:
        """The whole page: one HTML file with the scripts, styles and data inline."""
        library, app = self._library(), template("common.js") + "\n" + self._script()
        parts = {
            "TITLE": html_lib.escape(self.title),
            "CSS": template("common.css") + "\n" + self._styles(),
            "BODY": self._body(),
            "DATA": json_for_html(self.data),
            "LIB": library,
            "APP": app,
            "CSP": html_lib.escape(self._policy(library, app), quote=False).replace('"', "&quot;"),
        }
        return _PARTS.sub(lambda m: parts[m[1]], template("page.html"))

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (folders are made as needed) and return the path."""
        return write_text(path, self.html)

    def _repr_html_(self, height: int = 640) -> str:
        """An iframe holding the page in ``srcdoc``, for JupyterLab, classic notebooks and
        VS Code (no file beside the notebook is needed)."""
        return (
            f'<iframe srcdoc="{html_lib.escape(self.html, quote=True)}" '
            f'title="{html_lib.escape(self.title, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;"></iframe>'
        )


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script (``'sha256-...'``).

    >>> script_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def template(name: str) -> str:
    """A file of ``korea_graph/views/templates``."""
    return (resources.files("korea_graph.views") / "templates" / name).read_text(
        encoding="utf-8")


def vendored(path: str) -> str:
    """A file of a library vendored in ``korea_graph/views/vendor`` (see docs/views.md)."""
    return inlinable((resources.files("korea_graph.views") / "vendor" / path).read_text(
        encoding="utf-8"), path)


def inlinable(text: str, name: str) -> str:
    """``text`` if it can go inside ``<script>`` or ``<style>`` as it is: it must not
    contain ``</script``, ``</style`` or ``<!--``, which would end or change the element."""
    if re.search(r"</script|</style|<!--", text, re.IGNORECASE):
        raise DependencyError(f"{name} cannot be inlined: it contains </script, </style or <!--")
    return text


def json_for_html(data: object) -> str:
    r"""JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``,
    ``&`` or line separators appear literally."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m[0]], text)
