"""Push to and query a real SPARQL server: a Virtuoso started by the tests on 127.0.0.1
(tests/virtuoso.py). Skipped without Virtuoso, failed when KOREA_GRAPH_REQUIRE_ALL=1."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import virtuoso
from conftest import need

from korea_graph import KnowledgeGraph
from korea_graph.cli import main
from korea_graph.curation.loader import bundled_data_files
from korea_graph.errors import DataError, QueryError, RemoteError
from korea_graph.linked_data.rdf import to_rdf
from korea_graph.questions.english import ask
from korea_graph.questions.query import meetings
from korea_graph.scale.remote import Endpoint
from korea_graph.scale.store import document_graph, split
from korea_graph.scale.synthetic import generate

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[virtuoso.Virtuoso]:
    need(virtuoso.available(), "Virtuoso is not installed (apt-get install virtuoso-opensource)")
    running = virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    yield running
    running.stop()


@pytest.fixture
def endpoint(server: virtuoso.Virtuoso) -> Endpoint:
    return Endpoint(server.endpoint, server.graph_store, server.user, server.password)


def triple_set(ntriples: str) -> set[str]:
    """Canonical triples: the graphs have no blank nodes, so equal sets are isomorphic."""
    return {str(t) for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)}


def test_push_curated_graph_both_ways(endpoint: Endpoint, kg: KnowledgeGraph) -> None:
    local = triple_set(to_rdf(kg, "ntriples"))
    graph = document_graph("monitor-6-129")
    for method in ("graph-store", "update"):
        endpoint.update(f"DROP SILENT GRAPH <{graph}>")
        assert endpoint.push(kg, method=method) == [graph]  # type: ignore[arg-type]
        assert endpoint.count(graph) == len(local)
        assert triple_set(endpoint.triples(graph)) == local
    assert endpoint.documents().count("monitor-6-129") == 1  # pushing again replaces
    assert endpoint.graph(documents=["monitor-6-129"]) == kg


def test_same_answers_remotely_as_locally(endpoint: Endpoint, kg: KnowledgeGraph) -> None:
    endpoint.push(kg)
    remote_kg = endpoint.graph(documents=["monitor-6-129"])
    question = "who met whom before Putin's trip"
    assert ask(remote_kg, question).to_records() == ask(kg, question).to_records()
    # the analyst's wordings read the same way from the endpoint's records
    for question in ("How many times did Ivanov meet Lee Joung-binn?",
                     "Did Ivanov really meet Kim Yong-nam?", "Who did Russian officials meet?",
                     "who met whom before Putin arrived in Pyongyang",
                     "What was planned but did not happen?"):
        mine, theirs = ask(remote_kg, question), ask(kg, question)
        assert mine.to_records() == theirs.to_records(), question
        assert (mine.understood, mine.count, mine.yes) == (
            theirs.understood, theirs.count, theirs.yes), question
    trip = kg.event("Putin's trip").id
    local = {(f.subject_id, f.object_id, f.record_id, f.certainty)
             for f in meetings(kg, before="Putin's trip")}
    remote = {(m.source, m.target, m.record, m.certainty)
              for m in endpoint.meetings(before=trip)}
    assert remote == local and local


def test_push_a_10k_event_corpus(endpoint: Endpoint) -> None:
    corpus = generate(events=10_000, seed=11, prefix="ten-")
    graphs = endpoint.push(corpus)
    assert len(graphs) == len(corpus.documents) == 100
    parts = dict(split(corpus))
    expected_total = 0
    for doc, part in parts.items():
        assert doc is not None
        local = triple_set(to_rdf(part, "ntriples"))
        expected_total += len(local)
        graph = document_graph(doc)
        assert endpoint.count(graph) == len(local)
        assert triple_set(endpoint.triples(graph)) == local
    back = endpoint.graph(documents=corpus.documents)
    for table in ("documents", "actors", "events", "affiliations", "stances"):
        assert dict(getattr(back, table)) == dict(getattr(corpus, table))
    anchor = "ten-event-0006000"
    local_rows = {(f.subject_id, f.object_id, f.record_id, f.certainty)
                  for f in meetings(corpus, before=anchor)}
    remote_rows = {(m.source, m.target, m.record, m.certainty)
                   for m in endpoint.meetings(before=anchor) if m.record.startswith("ten-")}
    assert remote_rows == local_rows and len(local_rows) > 1000


def test_update_method_on_a_corpus_and_drop(endpoint: Endpoint) -> None:
    corpus = generate(events=500, seed=3, prefix="upd-")
    endpoint.push(corpus, method="update")
    graph = document_graph("upd-doc-000002")
    assert triple_set(endpoint.triples(graph)) == triple_set(
        to_rdf(dict(split(corpus))["upd-doc-000002"], "ntriples"))
    endpoint.drop("upd-doc-000002")
    assert "upd-doc-000002" not in endpoint.documents()
    assert endpoint.count(graph) == 0


def test_sparql_forms(endpoint: Endpoint, kg: KnowledgeGraph) -> None:
    endpoint.push(kg)
    assert endpoint.sparql("ASK { ?s ?p ?o }") is True
    rows = endpoint.sparql("PREFIX kg: <https://w3id.org/korea-graph/ontology#> "
                           "SELECT ?l WHERE { GRAPH ?g { ?a a kg:Person ; "
                           "<http://www.w3.org/2000/01/rdf-schema#label> ?l } } LIMIT 3")
    assert len(rows) == 3 and all("l" in r for r in rows)
    with pytest.raises(QueryError):
        endpoint.sparql("INSERT DATA { <a> <b> <c> }")
    with pytest.raises(RemoteError, match=r"400|syntax|SP030"):
        endpoint.sparql("SELECT ?x WHERE { ?x }")


def test_wrong_password_is_a_clear_error(server: virtuoso.Virtuoso) -> None:
    wrong = Endpoint(server.endpoint, server.graph_store, server.user, "not-the-password")
    with pytest.raises(RemoteError, match=r"refused .*KOREA_GRAPH_PASSWORD") as info:
        wrong.sparql("ASK { ?s ?p ?o }")
    assert info.value.status == 401


def test_unreachable_server_is_retried_then_reported() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead = Endpoint(f"http://127.0.0.1:{port}/sparql", retries=2, backoff=0.01)
    with pytest.raises(RemoteError, match="after 3 attempts: cannot reach the server"):
        dead.sparql("ASK { ?s ?p ?o }")
    with pytest.raises(RemoteError, match="not retried"):
        dead.request("POST", dead.url, data=b"x", idempotent=False)


def test_credentials_from_environment_and_config(tmp_path: Path) -> None:
    env = {"KOREA_GRAPH_ENDPOINT": "http://h/sparql", "KOREA_GRAPH_USER": "u",
           "KOREA_GRAPH_PASSWORD": "s3cret", "KOREA_GRAPH_CONFIG": str(tmp_path / "none.toml")}
    e = Endpoint.from_env(environ=env)
    assert (e.url, e.user, e.password, e.graph_store) == ("http://h/sparql", "u", "s3cret", None)
    assert "s3cret" not in repr(e) and "s3cret" not in e.describe()
    config = tmp_path / "endpoint.toml"
    config.write_text('endpoint = "http://c/sparql"\ngraph_store = "http://c/gsp"\n'
                      'user = "cu"\npassword = "cp"\n')
    e = Endpoint.from_env(environ={"KOREA_GRAPH_CONFIG": str(config)})
    assert (e.url, e.graph_store, e.user, e.password) == ("http://c/sparql", "http://c/gsp",
                                                          "cu", "cp")
    e = Endpoint.from_env(environ={"KOREA_GRAPH_CONFIG": str(config),
                                   "KOREA_GRAPH_PASSWORD": "env-wins"})
    assert e.password == "env-wins"
    config.write_text('endpoint = "http://c/sparql"\npasword = "typo"\n')
    with pytest.raises(DataError, match=r"unknown setting.*pasword"):
        Endpoint.from_env(environ={"KOREA_GRAPH_CONFIG": str(config)})
    with pytest.raises(DataError, match="no SPARQL endpoint"):
        Endpoint.from_env(environ={"KOREA_GRAPH_CONFIG": str(tmp_path / "none.toml")})


def test_cli_push_and_remote_ask(server: virtuoso.Virtuoso, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KOREA_GRAPH_ENDPOINT", server.endpoint)
    monkeypatch.setenv("KOREA_GRAPH_GRAPH_STORE", server.graph_store)
    monkeypatch.setenv("KOREA_GRAPH_USER", server.user)
    monkeypatch.setenv("KOREA_GRAPH_PASSWORD", server.password)
    assert main(["push"]) == 0
    assert "monitor-6-129" in capsys.readouterr().out
    assert main(["remote", "ask", "--document", "monitor-6-129",
                 "who met whom before Putin's trip", "--format", "csv"]) == 0
    remote_csv = capsys.readouterr().out
    assert main(["ask", "who met whom before Putin's trip", "--format", "csv", "--only",
                 "--data", str(bundled_data_files()[0])]) == 0   # the article alone
    assert remote_csv == capsys.readouterr().out
    monkeypatch.setenv("KOREA_GRAPH_PASSWORD", "wrong")
    assert main(["push"]) == 1
    assert "KOREA_GRAPH_PASSWORD" in capsys.readouterr().err


# -- credentials stay with their origin; malformed answers are errors (issue 19) --------------
class _Fake:
    """A local HTTP server that answers each request with ``reply(handler)`` and records
    the headers it received."""

    def __init__(self, reply: Any) -> None:
        import http.server
        import threading

        seen: list[dict[str, str]] = []
        self.seen = seen

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(dict(self.headers))
                reply(self)

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _answer(handler: Any, code: int, body: bytes = b"", **headers: str) -> None:
    handler.send_response(code)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def fake() -> Iterator[Callable[[Any], _Fake]]:
    made: list[_Fake] = []

    def make(reply: Any) -> _Fake:
        made.append(_Fake(reply))
        return made[-1]

    yield make
    for f in made:
        f.close()


_ASK_TRUE = b'{"head": {}, "boolean": true}'


@pytest.mark.parametrize("code", [302, 307])
def test_credentials_never_follow_a_redirect_to_another_origin(
        fake: Callable[[Any], _Fake], code: int) -> None:
    other = fake(lambda h: _answer(h, 200, _ASK_TRUE, Content_Type="application/json"))

    def first(h: Any) -> None:
        if "Authorization" not in h.headers:
            _answer(h, 401, WWW_Authenticate='Digest realm="r", nonce="n", qop="auth"')
        else:
            _answer(h, code, Location=other.url + "/sparql?query=ASK%7B%7D")

    origin = fake(first)
    endpoint = Endpoint(origin.url + "/sparql", user="dba", password="s3cret", retries=0)
    assert endpoint.request("GET", origin.url + "/sparql?query=ASK%7B%7D") == _ASK_TRUE
    assert any("Authorization" in h for h in origin.seen)
    assert other.seen and not any("Authorization" in h for h in other.seen)


def test_basic_auth_over_plain_http_is_refused_unless_allowed(
        fake: Callable[[Any], _Fake]) -> None:
    def basic(h: Any) -> None:
        if "Authorization" not in h.headers:
            _answer(h, 401, WWW_Authenticate='Basic realm="r"')
        else:
            _answer(h, 200, _ASK_TRUE, Content_Type="application/json")

    server = fake(basic)
    endpoint = Endpoint(server.url + "/sparql", user="dba", password="s3cret", retries=0)
    with pytest.raises(RemoteError, match="over plain http://; refused"):
        endpoint.sparql("ASK {}")
    assert not any("Authorization" in h for h in server.seen)
    allowed = Endpoint.from_env(server.url + "/sparql", environ={
        "KOREA_GRAPH_USER": "dba", "KOREA_GRAPH_PASSWORD": "s3cret",
        "KOREA_GRAPH_ALLOW_HTTP_BASIC": "1"}, config=None)
    assert allowed.with_retries(0).sparql("ASK {}") is True


def test_a_password_in_the_url_is_never_shown(fake: Callable[[Any], _Fake]) -> None:
    server = fake(lambda h: _answer(h, 500, b"boom"))
    host = server.url.removeprefix("http://")
    endpoint = Endpoint(f"http://dba:s3cret@{host}/sparql", retries=0)
    assert endpoint.user == "dba" and endpoint.password == "s3cret"
    assert "s3cret" not in endpoint.describe() and "s3cret" not in repr(endpoint)
    with pytest.raises(RemoteError) as info:
        endpoint.sparql("ASK {}")
    assert "s3cret" not in str(info.value)
    unreachable = Endpoint("http://dba:s3cret@127.0.0.1:1/sparql", retries=0)
    with pytest.raises(RemoteError) as info:
        unreachable.sparql("ASK {}")
    assert "s3cret" not in str(info.value)


@pytest.mark.parametrize("body", [
    b"not json", b"[]", b'{"results": 1}', b'{"results": {"bindings": [{"n": 3}]}}',
    b'{"boolean": "yes"}', b'{"results": {"bindings": [{"n": {"value": 7}}]}}',
    b"[" * 100_000,
], ids=["text", "list", "results-1", "cell-not-a-mapping", "boolean-text", "value-number",
        "deep"])
def test_malformed_answers_are_remote_errors(fake: Callable[[Any], _Fake], body: bytes) -> None:
    server = fake(lambda h: _answer(h, 200, body, Content_Type="application/json"))
    endpoint = Endpoint(server.url + "/sparql", retries=0)
    with pytest.raises(RemoteError, match="not SPARQL JSON results"):
        endpoint.sparql("SELECT * WHERE { ?s ?p ?o }")


def test_malformed_counts_and_bytes_are_remote_errors(fake: Callable[[Any], _Fake]) -> None:
    rows = b'{"results": {"bindings": [{"n": {"value": "\\u0663"}}]}}'
    server = fake(lambda h: _answer(h, 200, rows, Content_Type="application/json"))
    with pytest.raises(RemoteError, match="count came back"):
        Endpoint(server.url + "/sparql", retries=0).count("urn:g")
    binary = fake(lambda h: _answer(h, 200, b"\xff\xfe<a>", Content_Type="text/plain"))
    with pytest.raises(RemoteError, match="not UTF-8"):
        Endpoint(binary.url + "/sparql", retries=0).sparql("CONSTRUCT WHERE { ?s ?p ?o }")


def test_a_broken_connection_is_a_remote_error(fake: Callable[[Any], _Fake]) -> None:
    def garbage(h: Any) -> None:
        h.wfile.write(b"NOT HTTP AT ALL\r\n\r\n")

    server = fake(garbage)
    with pytest.raises(RemoteError, match="cannot reach"):
        Endpoint(server.url + "/sparql", retries=0).sparql("ASK {}")
