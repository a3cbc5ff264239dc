"""The review page: a draft reviewed in the browser, served on 127.0.0.1 by the standard
library's HTTP server.

:func:`serve` (``korea-graph review DRAFT --web``) and :func:`review` (Jupyter) start a
:class:`ReviewServer` over a :class:`~korea_graph.curation.review_session.ReviewSession`
on a free port of 127.0.0.1. Its address carries a secret token: the page and every API
request must present it (compared in constant time), so other users of the machine, and
other sites open in the browser, can neither read the review nor decide in it; requests
whose ``Host`` is not the server's own are refused too (DNS rebinding). The page is one
offline :class:`~korea_graph.views.page.Page`: its scripts are inline and allowed by
their hashes alone, it talks to nothing but its own server, and every piece of text goes
in with ``textContent``.

The API, all JSON: ``GET /api/state[?since=VERSION]``, ``POST /api/decide`` (one decision,
see :meth:`~korea_graph.curation.review_session.ReviewSession.decide`), ``POST /api/try``
(the same, tried and not kept: the record as it would be written, or the loader's
refusal), ``POST /api/save``.
Errors are ``{"error": message}`` with 400 (a malformed request), 403 (no token), 404,
409 (the record changed in another tab; ``entry`` holds it as it is now), 413, 415 and
422 (the loader or the evidence check refuses).

>>> import korea_graph, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.txt").write_text("Title: t\\n---\\nPutin met Kim Jong-il.\\n",
...                                    encoding="utf-8")
>>> path = korea_graph.draft_file(folder / "t.txt", published="2000-07-03", source="Wire",
...                               base=korea_graph.load()).write(folder / "t.draft.yaml")
>>> with serve(path, open_browser=False) as server:
...     server.url.startswith("http://127.0.0.1:") and "?token=" in server.url
True
"""

from __future__ import annotations

import hmac
import html as html_lib
import json
import os
import secrets
import sys
import threading
import traceback
import webbrowser
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..curation.review_session import ReviewSession
from ..errors import ConflictError, DataError, NotFoundError, ParseError, SchemaError
from .page import Page, script_hash, template

__all__ = ["MAX_BODY", "ReviewPage", "ReviewServer", "open_in_browser", "policy", "review",
           "serve"]

#: The largest request body read (bytes): a decision is a few kilobytes.
MAX_BODY = 1024 * 1024
_RUNNING: dict[Path, ReviewServer] = {}
_RUNNING_LOCK = threading.Lock()


class ReviewPage(Page):
    """The review page; it reads everything else from the API."""

    def __init__(self, title: str, token: str) -> None:
        self.title = f"Review: {title}"
        self.data = {"token": token}

    def _body(self) -> str:
        return template("review.html")

    def _styles(self) -> str:
        return template("review.css")

    def _library(self) -> str:
        return ""

    def _script(self) -> str:
        return template("review.js")

    def _policy(self, library: str, app: str) -> str:
        return policy(library, app)


def policy(library: str, app: str) -> str:
    """The review page's Content-Security-Policy: its own two scripts (by hash), inline
    styles, requests to its own server, nothing else."""
    return (f"default-src 'none'; script-src {script_hash(library)} {script_hash(app)}; "
            "style-src 'unsafe-inline'; connect-src 'self'; img-src data:; font-src data:; "
            "base-uri 'none'; form-action 'none'")


class ReviewServer:
    """A review served on ``host`` (127.0.0.1) at a free port; :attr:`url` has the token.
    Use as a context manager, or :meth:`start` it in a thread and :meth:`stop` it."""

    def __init__(self, session: ReviewSession, *, host: str = "127.0.0.1", port: int = 0,
                 token: str | None = None) -> None:
        self.session = session
        self.token = token or secrets.token_urlsafe(32)
        self.httpd = _HTTPServer((host, port), _Handler)
        self.httpd.review = self
        self.host = host
        self.port: int = self.httpd.server_address[1]
        self._thread: threading.Thread | None = None
        page = ReviewPage(str(session.document.get("title") or session.doc_id), self.token)
        self.page = page.html.encode("utf-8")
        self.policy = policy(page._library(), template("common.js") + "\n" + page._script())

    @property
    def url(self) -> str:
        """The page's address, with the token."""
        return f"http://{self.host}:{self.port}/?token={self.token}"

    def start(self) -> ReviewServer:
        """Serve in a background thread (what :func:`review` does in Jupyter)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self.httpd.serve_forever,
                                            name=f"korea-graph review :{self.port}", daemon=True)
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve until interrupted (Ctrl-C), then close."""
        try:
            self.httpd.serve_forever()
        finally:
            self.httpd.server_close()

    def stop(self) -> None:
        """Stop serving and close the port (every decision is already on disk)."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(10)
            self._thread = None
        self.httpd.server_close()
        with _RUNNING_LOCK:
            if _RUNNING.get(self.session.path.resolve()) is self:
                del _RUNNING[self.session.path.resolve()]

    def __enter__(self) -> ReviewServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _repr_html_(self, height: int = 760) -> str:
        """The page in an iframe, for Jupyter (the browser must run on this machine)."""
        return (f'<iframe src="{html_lib.escape(self.url, quote=True)}" title="korea_graph '
                f'review" style="width: 100%; height: {int(height)}px; border: 1px solid '
                '#ddd;"></iframe>')

    def __repr__(self) -> str:
        return f"<ReviewServer {self.session.path.name} at {self.url}>"


def serve(draft: str | os.PathLike[str], output: str | os.PathLike[str] | None = None, *,
          base: Iterable[str | os.PathLike[str]] | None = None, port: int = 0,
          open_browser: bool = True) -> ReviewServer:
    """A :class:`ReviewServer` for ``draft`` (not yet serving: use ``with``, or
    :meth:`ReviewServer.serve_forever`); opens the page in a browser when asked and one
    is there. ``base`` are the data files the draft links to (the shipped corpus by
    default); ``output`` is the curated file."""
    server = ReviewServer(ReviewSession(draft, output=output, base=base), port=port)
    if open_browser:
        open_in_browser(server.url)
    return server


def review(draft: str | os.PathLike[str], output: str | os.PathLike[str] | None = None, *,
           base: Iterable[str | os.PathLike[str]] | None = None, port: int = 0
           ) -> ReviewServer:
    """Review ``draft`` in the page, served from this Python process in the background: in
    Jupyter the result shows the page inline (an iframe of the local server). Calling it
    again for the same draft stops the earlier server (its decisions are kept)."""
    key = Path(draft).resolve()
    with _RUNNING_LOCK:
        old = _RUNNING.pop(key, None)
    if old is not None:
        old.stop()
    server = serve(draft, output, base=base, port=port, open_browser=False).start()
    with _RUNNING_LOCK:
        _RUNNING[key] = server
    return server


def open_in_browser(url: str) -> bool:
    """Open ``url`` in a graphical browser if there is one; never fails (``False`` when
    none was opened: a terminal without a display, or no browser)."""
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("BROWSER")):
        return False  # a console browser would take over the terminal
    try:
        return bool(webbrowser.open(url, new=2))
    except Exception:
        return False


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    review: ReviewServer


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": message, **extra}


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "korea-graph-review"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the terminal shows the address and the saves

    # -- routing ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _answer(self, route: Any) -> None:
        try:
            self._check_host()
            route(urlsplit(self.path))
        except _Refused as exc:
            self._json(exc.status, exc.body)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"internal error: {exc}"})

    def _get(self, url: Any) -> None:
        review = self.server.review
        if url.path == "/":
            token = parse_qs(url.query).get("token", [""])[0]
            self._check_token(token)
            self._send(HTTPStatus.OK, review.page, "text/html; charset=utf-8",
                       {"Content-Security-Policy": review.policy})
        elif url.path == "/api/state":
            self._check_token(self.headers.get("X-Review-Token", ""))
            since = parse_qs(url.query).get("since", [""])[0]
            self._json(HTTPStatus.OK, review.session.state(
                int(since) if since.isdigit() else None))
        else:
            raise _Refused(HTTPStatus.NOT_FOUND, f"no page {url.path!r} here")

    def _post(self, url: Any) -> None:
        self._check_token(self.headers.get("X-Review-Token", ""))
        origin = self.headers.get("Origin")
        if origin is not None and origin not in self._origins():
            raise _Refused(HTTPStatus.FORBIDDEN, f"requests from {origin!r} are refused")
        session = self.server.review.session
        if url.path in ("/api/decide", "/api/try"):
            body = self._body()
            try:
                entry = session.decide(body, dry_run=url.path == "/api/try")
            except ConflictError as exc:
                record = body.get("id") if isinstance(body, dict) else None
                extra = {"entry": session.entry(record)} if isinstance(record, str) else {}
                raise _Refused(HTTPStatus.CONFLICT, str(exc), **extra) from None
            except NotFoundError as exc:
                raise _Refused(HTTPStatus.NOT_FOUND, str(exc)) from None
            except (SchemaError, ParseError) as exc:
                raise _Refused(HTTPStatus.BAD_REQUEST, str(exc)) from None
            except DataError as exc:
                raise _Refused(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc)) from None
            self._json(HTTPStatus.OK, {"version": session.version, "entry": entry})
        elif url.path == "/api/save":
            self._body()
            try:
                path = session.save()
            except DataError as exc:
                raise _Refused(HTTPStatus.UNPROCESSABLE_ENTITY,
                               f"not saved: {exc}") from None
            print(f"saved {path}", file=sys.stderr)
            self._json(HTTPStatus.OK, {"saved": session.saved})
        else:
            raise _Refused(HTTPStatus.NOT_FOUND, f"no API {url.path!r} here")

    # -- checks ----------------------------------------------------------------------------
    def _origins(self) -> set[str]:
        port = self.server.review.port
        return {f"http://127.0.0.1:{port}", f"http://localhost:{port}"}

    def _check_host(self) -> None:
        host = self.headers.get("Host", "")
        if f"http://{host}" not in self._origins():
            raise _Refused(HTTPStatus.FORBIDDEN, f"the host {host!r} is not this server's",
                           expected=f"127.0.0.1:{self.server.review.port}")

    def _check_token(self, given: str) -> None:
        if not hmac.compare_digest(given.encode("utf-8"), self.server.review.token.encode(
                "utf-8")):
            raise _Refused(HTTPStatus.FORBIDDEN, "a missing or wrong token: open the address "
                           "that korea-graph review --web printed")

    def _body(self) -> Any:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "a request body needs a Content-Length")
        if int(length) > MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                           f"the body is larger than {MAX_BODY} bytes")
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           f"the body must be application/json, not {kind or 'untyped'!r}")
        raw = self.rfile.read(int(length))
        if not raw.strip():
            return {}
        try:
            return json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise _Refused(HTTPStatus.BAD_REQUEST, f"the body is not UTF-8: {exc}") from None
        except json.JSONDecodeError as exc:
            raise _Refused(HTTPStatus.BAD_REQUEST,
                           f"the body is not JSON: {exc.msg} at line {exc.lineno} column "
                           f"{exc.colno}", expected="a JSON object such as {\"op\": \"accept\", "
                           "\"id\": ..., \"version\": ...}") from None
        except RecursionError:
            raise _Refused(HTTPStatus.BAD_REQUEST, "the JSON nests too deep") from None

    # -- answers ---------------------------------------------------------------------------
    def _json(self, status: HTTPStatus, body: Any) -> None:
        data = json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
        self._send(status, data, "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, data: bytes, kind: str,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
