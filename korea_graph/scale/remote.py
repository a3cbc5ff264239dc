"""A SPARQL 1.1 endpoint as the path past one machine: push a graph (one named graph per
document, by the Graph Store Protocol or SPARQL Update), read it back, query it.

Credentials come from the environment or a config file, never from code:

* ``KOREA_GRAPH_ENDPOINT`` the SPARQL query/update URL (e.g. Virtuoso's ``/sparql-auth``),
  ``KOREA_GRAPH_GRAPH_STORE`` the Graph Store Protocol URL (optional),
  ``KOREA_GRAPH_USER`` and ``KOREA_GRAPH_PASSWORD`` (HTTP digest or basic auth);
* or a TOML file (``KOREA_GRAPH_CONFIG``, else ``~/.config/korea_graph/endpoint.toml``)
  with the keys ``endpoint``, ``graph_store``, ``user`` and ``password``.

Credentials stay with their origin: a redirect to another scheme, host or port is
followed without the ``Authorization`` header, HTTP Basic is answered over plain
``http://`` only with ``allow_insecure_basic=True`` (or ``KOREA_GRAPH_ALLOW_HTTP_BASIC=1``),
and a password written into the URL is taken out of it, never shown.

Every request that is safe to repeat (queries, a PUT of a whole graph, a drop followed by
inserts of a graph's triples) is retried on network errors and 5xx/429 answers, with
backoff; a refused request (4xx) never is.

>>> Endpoint("http://127.0.0.1:1/sparql", retries=0).describe()
'http://127.0.0.1:1/sparql (no credentials)'
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import json
import os
import secrets
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..core.graph import KnowledgeGraph
from ..core.timespan import TimeSpan
from ..errors import DataError, NotFoundError, QueryError, RemoteError
from .progress import progress
from .store import CATALOGUE, StoreMeeting, combine, document_graph, find_meetings, split

__all__ = ["Endpoint", "PushMethod"]

PushMethod = Literal["graph-store", "update"]
_STORE_NS = "https://w3id.org/korea-graph/store#"
_RETRY_STATUS = {429, 500, 502, 503, 504}
#: Triples per SPARQL Update request when pushing with ``method="update"`` (Virtuoso's
#: SPARQL parser runs out of memory at about 5,000 lines).
UPDATE_CHUNK = 1_000


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL endpoint (``url``) and, optionally, its Graph Store Protocol URL."""

    url: str
    graph_store: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 120.0
    retries: int = 3
    backoff: float = 0.5
    allow_insecure_basic: bool = False
    _auth: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # user:password@ in a URL: taken out, so that no message or description shows it
        for name in ("url", "graph_store"):
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise DataError(f"the {name} must be a string, not {type(value).__name__}",
                                field=name, expected="an http:// or https:// URL")
            user, password, clean = _userinfo(value)
            object.__setattr__(self, name, clean)
            if user is not None and self.user is None:
                object.__setattr__(self, "user", user)
            if password is not None and self.password is None:
                object.__setattr__(self, "password", password)
        scheme = urllib.parse.urlsplit(self.url).scheme.lower()
        if scheme not in ("http", "https"):
            raise DataError(f"the endpoint {self.url!r} is not an http(s) URL", field="endpoint",
                            expected="an http:// or https:// URL")

    @classmethod
    def from_env(cls, url: str | None = None, *, config: str | os.PathLike[str] | None = None,
                 environ: Mapping[str, str] | None = None) -> Endpoint:
        """The endpoint named by ``url``, the environment or the config file (in that
        order for each setting); raises :class:`~korea_graph.errors.DataError` if none."""
        env = os.environ if environ is None else environ
        settings: dict[str, Any] = {}
        path = Path(config or env.get("KOREA_GRAPH_CONFIG")
                    or Path.home() / ".config" / "korea_graph" / "endpoint.toml")
        if config is not None or path.exists():
            try:
                settings = tomllib.loads(path.read_text(encoding="utf-8"))
            except OSError as exc:
                raise DataError(f"cannot read: {exc.strerror or exc}", file=str(path),
                                expected="a TOML config file") from None
            except tomllib.TOMLDecodeError as exc:
                raise DataError(f"not valid TOML: {exc}", file=str(path),
                                expected="endpoint = \"https://...\" and so on") from None
            unknown = set(settings) - {"endpoint", "graph_store", "user", "password"}
            if unknown:
                raise DataError(f"unknown setting(s) {', '.join(sorted(unknown))}",
                                file=str(path),
                                expected="endpoint, graph_store, user, password")

        def pick(key: str, var: str) -> str | None:
            value = env.get(var) or settings.get(key)
            if value is not None and not isinstance(value, str):
                raise DataError(f"{key} must be a string", file=str(path), field=key,
                                expected="a string")
            return value

        endpoint = url or pick("endpoint", "KOREA_GRAPH_ENDPOINT")
        if not endpoint:
            raise DataError("no SPARQL endpoint given", field="endpoint",
                            expected="--endpoint URL, KOREA_GRAPH_ENDPOINT or a config file "
                                     "with endpoint = \"...\"")
        return cls(endpoint, pick("graph_store", "KOREA_GRAPH_GRAPH_STORE"),
                   pick("user", "KOREA_GRAPH_USER"), pick("password", "KOREA_GRAPH_PASSWORD"),
                   allow_insecure_basic=env.get("KOREA_GRAPH_ALLOW_HTTP_BASIC", "") in
                   ("1", "true", "yes"))

    def describe(self) -> str:
        """The URL and who connects, without the password."""
        who = f"as {self.user}" if self.user else "no credentials"
        return f"{self.url} ({who})"

    def with_retries(self, retries: int, backoff: float | None = None) -> Endpoint:
        """The same endpoint with another retry policy."""
        return replace(self, retries=retries,
                       backoff=self.backoff if backoff is None else backoff, _auth={})

    # -- HTTP -----------------------------------------------------------------------------
    def _authorization(self, method: str, url: str) -> str | None:
        """The Authorization header for a request, once the server has sent a challenge."""
        chal = self._auth.get("challenge")
        if not self.user or chal is None:
            return None
        scheme, params = chal
        password = self.password or ""
        if scheme == "basic":
            token = base64.b64encode(f"{self.user}:{password}".encode()).decode("ascii")
            return f"Basic {token}"
        algorithm = params.get("algorithm", "MD5").upper()
        hash_name = {"MD5": "md5", "SHA-256": "sha256"}.get(algorithm)
        if hash_name is None:
            raise RemoteError(f"{self.url}: unsupported digest algorithm {algorithm}")

        def h(text: str) -> str:
            return hashlib.new(hash_name, text.encode("utf-8")).hexdigest()

        split_url = urllib.parse.urlsplit(url)
        uri = split_url.path + (f"?{split_url.query}" if split_url.query else "")
        realm, nonce = params.get("realm", ""), params.get("nonce", "")
        ha1 = h(f"{self.user}:{realm}:{password}")
        ha2 = h(f"{method}:{uri}")
        header = (f'Digest username="{self.user}", realm="{realm}", nonce="{nonce}", '
                  f'uri="{uri}", algorithm={algorithm}')
        if "auth" in [q.strip() for q in params.get("qop", "").split(",")]:
            self._auth["nc"] = count = self._auth.get("nc", 0) + 1
            cnonce = secrets.token_hex(8)
            response = h(f"{ha1}:{nonce}:{count:08x}:{cnonce}:auth:{ha2}")
            header += f', qop=auth, nc={count:08x}, cnonce="{cnonce}"'
        else:
            response = h(f"{ha1}:{nonce}:{ha2}")
        header += f', response="{response}"'
        if "opaque" in params:
            header += f', opaque="{params["opaque"]}"'
        return header

    def _challenge(self, header: str | None) -> bool:
        """Remember a WWW-Authenticate challenge; whether it is one we can answer."""
        if not header or not self.user:
            return False
        scheme, _, rest = header.strip().partition(" ")
        params = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
        if scheme.lower() not in ("digest", "basic"):
            return False
        if scheme.lower() == "basic" and urllib.parse.urlsplit(self.url).scheme.lower() == "http" \
                and not self.allow_insecure_basic:
            raise RemoteError(
                f"{self.describe()}: the server asks for the password in clear (HTTP Basic) "
                "over plain http://; refused. Use https://, or set "
                "KOREA_GRAPH_ALLOW_HTTP_BASIC=1 (allow_insecure_basic=True) if the network "
                "is trusted", 401)
        self._auth["challenge"] = (scheme.lower(), params)
        self._auth["nc"] = 0
        return True

    def _send(self, method: str, url: str, data: bytes | None, headers: Mapping[str, str]
              ) -> bytes:
        """One HTTP exchange, answering an authentication challenge once. A request with
        a body first fetches the challenge with a GET, since some servers (Virtuoso)
        close the connection on an unauthenticated upload."""
        if self.user and data is not None and "challenge" not in self._auth:
            with contextlib.suppress(urllib.error.HTTPError):
                self._send("GET", url, None, {})
        for attempt in range(2):
            req = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
            auth = self._authorization(method, url)
            if auth:
                req.add_header("Authorization", auth)
            try:
                with _OPENER.open(req, timeout=self.timeout) as answer:
                    body: bytes = answer.read()
                    return body
            except urllib.error.HTTPError as exc:
                if exc.code == 401 and attempt == 0 and self._challenge(
                        exc.headers.get("WWW-Authenticate")):
                    exc.close()
                    continue
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def request(self, method: str, url: str, *, data: bytes | None = None,
                headers: Mapping[str, str] | None = None, idempotent: bool = True) -> bytes:
        """Send one HTTP request; the body of the answer. Retried only if ``idempotent``."""
        attempts = 1 + (self.retries if idempotent else 0)
        last: str = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                return self._send(method, url, data, headers or {})
            except urllib.error.HTTPError as exc:
                try:
                    text = exc.read().decode("utf-8", "replace").strip()[:500]
                except (OSError, http.client.HTTPException):
                    text = ""
                exc.close()
                url = _redacted(url)
                if exc.code in (401, 403):
                    raise RemoteError(
                        f"{self.describe()}: {method} refused ({exc.code} {exc.reason}); check "
                        f"KOREA_GRAPH_USER and KOREA_GRAPH_PASSWORD", exc.code) from None
                if exc.code not in _RETRY_STATUS:
                    raise RemoteError(f"{url}: {method} failed with {exc.code} {exc.reason}: "
                                      f"{text}", exc.code) from None
                last = f"{exc.code} {exc.reason}: {text}"
            except (urllib.error.URLError, OSError, http.client.HTTPException,
                    ValueError) as exc:
                reason = getattr(exc, "reason", exc)
                last = f"cannot reach the server ({type(exc).__name__}: {reason})"
                self._auth.pop("challenge", None)
        tries = (f"after {attempts} attempts" if attempts > 1
                 else "(not retried: not safe to repeat)")
        raise RemoteError(f"{_redacted(url)}: {method} failed {tries}: {last}")

    def _post_form(self, fields: Mapping[str, str], accept: str, *, idempotent: bool = True
                   ) -> bytes:
        data = urllib.parse.urlencode(fields).encode("utf-8")
        return self.request("POST", self.url, data=data, idempotent=idempotent, headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "Accept": accept})

    # -- SPARQL ---------------------------------------------------------------------------
    def sparql(self, query: str) -> Any:
        """Run a query: SELECT gives a list of ``{variable: value}`` dicts (plain strings),
        ASK a bool, CONSTRUCT/DESCRIBE N-Triples text."""
        kind = _query_form(query)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            return self._text(self._post_form({"query": query}, "application/n-triples"))
        body = self._post_form({"query": query}, "application/sparql-results+json")
        try:
            result = json.loads(body)
            if isinstance(result, dict) and "boolean" in result:
                if not isinstance(result["boolean"], bool):
                    raise TypeError("boolean")
                return result["boolean"]
            rows = []
            for row in result["results"]["bindings"]:
                out = {}
                for name, cell in row.items():
                    if not isinstance(name, str) or not isinstance(cell["value"], str):
                        raise TypeError("value")
                    out[name] = cell["value"]
                rows.append(out)
            return rows
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            raise RemoteError(f"{self.describe()}: the answer is not SPARQL JSON results: "
                              f"{body[:200]!r}") from None

    def _text(self, body: bytes) -> str:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RemoteError(f"{self.describe()}: the answer is not UTF-8 text (byte "
                              f"{exc.start})") from None

    def update(self, update: str) -> None:
        """Run a SPARQL Update (retried: only send updates that are safe to repeat)."""
        self._post_form({"update": update}, "application/sparql-results+json, */*")

    # -- graphs ---------------------------------------------------------------------------
    def triples(self, graph: str) -> str:
        """The triples of one named graph as N-Triples (Graph Store Protocol GET if there
        is a graph store URL, else a CONSTRUCT query)."""
        if self.graph_store:
            url = self.graph_store + "?" + urllib.parse.urlencode({"graph-uri": graph})
            return self._text(self.request("GET", url,
                                            headers={"Accept": "application/n-triples"}))
        text: str = self.sparql(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{_iri(graph)}> "
                                f"{{ ?s ?p ?o }} }}")
        return text

    def count(self, graph: str | None = None) -> int:
        """The number of triples in a named graph, or in all the pushed documents."""
        if graph is not None:
            where = f"GRAPH <{_iri(graph)}> {{ ?s ?p ?o }}"
        else:
            where = (f"GRAPH <{CATALOGUE}> {{ ?g <{_STORE_NS}document> ?d }} "
                     f"GRAPH ?g {{ ?s ?p ?o }}")
        rows = self.sparql(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        try:
            return _ascii_int(rows[0]["n"])
        except (IndexError, KeyError, ValueError):
            raise RemoteError(f"{self.describe()}: the count came back as {rows[:1]!r}"
                              ) from None

    def catalogue(self) -> list[tuple[str, str]]:
        """``(document id, named graph)`` of every pushed document, in push order."""
        rows = self.sparql(
            f"SELECT ?g ?d ?n WHERE {{ GRAPH <{CATALOGUE}> {{ ?g <{_STORE_NS}document> ?d ; "
            f"<{_STORE_NS}sequence> ?n }} }}")
        try:
            rows.sort(key=lambda r: (_ascii_int(r["n"]), r["d"]))
            return [(r["d"], r["g"]) for r in rows]
        except (KeyError, ValueError):
            raise RemoteError(f"{self.describe()}: the catalogue came back malformed: "
                              f"{rows[:3]!r}") from None

    def documents(self) -> list[str]:
        """Ids of the pushed documents, in push order."""
        return [d for d, _ in self.catalogue()]

    def push(self, kg: KnowledgeGraph, *, method: PushMethod = "graph-store",
             show_progress: bool | None = None) -> list[str]:
        """Send every document of ``kg`` to its named graph, replacing what was there,
        and enter it in the endpoint's catalogue; returns the graphs written.

        ``graph-store`` PUTs each graph (needs ``graph_store``); ``update`` drops it and
        inserts its triples in chunks. Both are safe to retry.
        """
        from ..linked_data.rdf import to_rdf

        if method not in ("graph-store", "update"):
            raise DataError(f"unknown push method {method!r}", field="method",
                            expected="graph-store or update")
        if method == "graph-store" and not self.graph_store:
            raise DataError("pushing by the Graph Store Protocol needs its URL",
                            field="graph_store",
                            expected="--graph-store URL, KOREA_GRAPH_GRAPH_STORE or "
                                     "graph_store = \"...\" in the config file")
        parts = split(kg)
        if any(doc is None for doc, _ in parts):
            raise DataError("some records quote no document of the graph; a push sends one "
                            "named graph per document", expected="evidence in a document")
        start = len(self.catalogue())
        written = []
        for n, (doc_id, part) in enumerate(progress(parts, total=len(parts), desc="pushing",
                                                    unit="doc", enabled=show_progress)):
            assert doc_id is not None
            graph = document_graph(doc_id)
            data = to_rdf(part, "ntriples")
            if method == "graph-store":
                url = f"{self.graph_store}?{urllib.parse.urlencode({'graph-uri': graph})}"
                self.request("PUT", url, data=data.encode("utf-8"),
                             headers={"Content-Type": "application/n-triples; charset=utf-8"})
            else:
                self._update_graph(graph, data)
            self.update(
                f"DELETE WHERE {{ GRAPH <{CATALOGUE}> {{ <{graph}> ?p ?o }} }} ; "
                f"INSERT DATA {{ GRAPH <{CATALOGUE}> {{ <{graph}> <{_STORE_NS}document> "
                f"{json.dumps(doc_id, ensure_ascii=False)} ; <{_STORE_NS}sequence> "
                f"{start + n + 1} }} }}")
            written.append(graph)
        return written

    def _update_graph(self, graph: str, ntriples: str) -> None:
        lines = ntriples.splitlines(keepends=True)
        for begin in range(0, max(len(lines), 1), UPDATE_CHUNK):
            chunk = "".join(lines[begin:begin + UPDATE_CHUNK])
            prefix = f"DROP SILENT GRAPH <{graph}> ; " if begin == 0 else ""
            self.update(f"{prefix}INSERT DATA {{ GRAPH <{graph}> {{\n{chunk}}} }}")

    def drop(self, document_id: str) -> None:
        """Remove a pushed document and its catalogue entry."""
        graphs = dict(self.catalogue())
        if document_id not in graphs:
            raise NotFoundError(f"the endpoint holds no document {document_id!r}")
        graph = graphs[document_id]
        self.update(f"DROP SILENT GRAPH <{graph}> ; DELETE WHERE {{ GRAPH <{CATALOGUE}> "
                    f"{{ <{graph}> ?p ?o }} }}")

    def graph(self, documents: Iterable[str] | None = None, *,
              show_progress: bool | None = None) -> KnowledgeGraph:
        """The pushed documents (or some) as a KnowledgeGraph, for the query and ask API:
        each document's records read as given (they may refer to other documents' actors
        and events, by ``same_as`` or by id), then checked together as one graph, as
        :meth:`korea_graph.scale.store.Store.graph` reads a store."""
        from ..linked_data.rdf import read_records
        from .store import _Records

        catalogue = self.catalogue()
        if documents is not None:
            wanted = set(documents)
            missing = wanted - {d for d, _ in catalogue}
            if missing:
                raise NotFoundError(f"the endpoint holds no document "
                                    f"{', '.join(sorted(missing))}")
            catalogue = [(d, g) for d, g in catalogue if d in wanted]
        parts = []
        for _, g in progress(catalogue, total=len(catalogue), desc="reading", unit="doc",
                             enabled=show_progress):
            docs, actors, events, posts, stances = read_records(
                self.triples(g).encode("utf-8"), "ntriples")
            parts.append(_Records({d.id: d for d in docs},
                                  (tuple(actors), tuple(events), tuple(posts), tuple(stances))))
        # a subset of the documents may refer to the others: a part of the pushed graph
        return combine(parts, partial=documents is not None)

    def meetings(self, *, before: str | date | TimeSpan | None = None,
                 involving: str | None = None) -> list[StoreMeeting]:
        """Who met whom, by one SPARQL query on the endpoint (see
        :meth:`korea_graph.scale.store.Store.meetings`)."""
        select: Callable[[str], Any] = self.sparql
        return find_meetings(select, before=before, involving=involving)


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects within http(s) only; credentials and cookies are dropped when a
    redirect leads to another origin (scheme, host or port)."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(_redacted(newurl), code,
                                         "redirect to a URL that is not http(s)", headers, fp)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != _origin(req.full_url):
            for name in ("Authorization", "Cookie", "Proxy-Authorization"):
                new.remove_header(name)
                new.remove_header(name.capitalize())
        return new


_OPENER = urllib.request.build_opener(_SameOriginRedirects)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme)
    except ValueError:
        port = -1
    return scheme, (parts.hostname or "").lower(), port


def _userinfo(url: str) -> tuple[str | None, str | None, str]:
    """``(user, password, url without them)`` of a URL that may hold ``user:pw@``."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return None, None, url
    info, _, host = parts.netloc.rpartition("@")
    user, colon, password = info.partition(":")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=host))
    return (urllib.parse.unquote(user) or None,
            urllib.parse.unquote(password) if colon else None, clean)


def _redacted(url: str) -> str:
    """A URL as shown in messages: any ``user:password@`` taken out."""
    return _userinfo(url)[2]


def _ascii_int(value: Any) -> int:
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        raise ValueError(value)
    return int(value)


def _query_form(query: str) -> str:
    import re

    text = re.sub(r"<[^<>\s]*>", " ", query)  # IRIs first: they may hold a '#'
    text = re.sub(r"#[^\n]*", " ", text)
    match = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text)
    if match is None:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return match.group(1).upper()


def _iri(value: str) -> str:
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not a usable IRI: {value!r}")
    return value
