"""Fuzzing every untrusted input (issue 19): data files, RDF, event files, questions.

Each test mutates a valid input with hypothesis (hostile fragments inserted, bytes
replaced, lines dropped or cut) and asserts that the reader either gives a result or
raises a :class:`~korea_graph.errors.KoreaGraphError`; a data error always says where
(file, line or field). No other exception, no traceback, ever. ``max_examples`` keeps the
whole module to a few tens of seconds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import HOSTILE

import korea_graph
from korea_graph.curation.loader import bundled_data_files
from korea_graph.errors import DataError, KoreaGraphError
from korea_graph.eventdata.gdelt import read_gdelt
from korea_graph.eventdata.icews import read_icews
from korea_graph.linked_data.rdf import from_rdf

# the inputs are large texts: their repr is long, which hypothesis warns of
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
FIXTURES = Path(__file__).parent / "fixtures"
FUZZ = settings(max_examples=int(os.environ.get("KOREA_GRAPH_FUZZ_EXAMPLES", "50")), deadline=None,
                derandomize="KOREA_GRAPH_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Fragments that break parsers: YAML syntax, aliases, deep nesting, bad Unicode, controls.
FRAGMENTS = [*HOSTILE, "&a", "*a", "<<: *a", "[" * 300, "{" * 300, "!!python/object:os.system",
             "!!binary AAAA", ": :", "- - -", "\t", "\x00", "\x85", "\u2028", "\x0c", "\ufeff",
             '"\\ud800"', "'", "---", "...", "%YAML 1.1", "? ", "|", ">", "#", "~", "null",
             "2000-02-30", "9999-12-31", "0001-01-01", "٢٠٠٠", "1e309", "-0", "0x10", "..",
             "../../etc/passwd", "/etc/passwd", "\x1b[31m", "=cmd|' /C calc'!A0"]


def _mutate(draw: st.DrawFn, text: str, lines: int = 3) -> str:
    """``text`` with a few lines changed: a fragment inserted, the line cut or dropped."""
    rows = text.split("\n")
    for _ in range(draw(st.integers(1, lines))):
        i = draw(st.integers(0, len(rows) - 1))
        action = draw(st.sampled_from(["insert", "cut", "drop", "replace", "duplicate"]))
        line = rows[i]
        at = draw(st.integers(0, len(line)))
        fragment = draw(st.sampled_from(FRAGMENTS) | st.text(max_size=12))
        if action == "insert":
            rows[i] = line[:at] + fragment + line[at:]
        elif action == "cut":
            rows[i] = line[:at]
        elif action == "drop":
            del rows[i]
            if not rows:
                rows = [""]
        elif action == "replace":
            rows[i] = fragment
        else:
            rows.insert(i, line)
    return "\n".join(rows)


def _located(exc: KoreaGraphError) -> None:
    """A data error says where; any other KoreaGraphError is a message for a person."""
    if isinstance(exc, DataError):
        assert exc.file is not None or exc.line is not None or exc.field, repr(exc)
    assert str(exc)


def _either(call: Callable[[], Any]) -> None:
    try:
        call()
    except KoreaGraphError as exc:
        _located(exc)


# -- the loader ------------------------------------------------------------
_DATA = bundled_data_files()[0]
_DATA_TEXT = _DATA.read_text(encoding="utf-8")
_BODY = _DATA.with_suffix(".txt")


@st.composite
def data_files(draw: st.DrawFn) -> bytes:
    text = _mutate(draw, _DATA_TEXT, lines=4)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at:]
    return data


@FUZZ
@given(data_files())
def test_fuzz_loader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / _DATA.name
        path.write_bytes(data)
        shutil.copy(_BODY, Path(tmp) / _BODY.name)
        _either(lambda: korea_graph.load(path))


# -- the RDF import ------------------------------------------------------------
_KG = korea_graph.load()
_SMALL = _KG
_EXPORTS = {fmt: korea_graph.to_rdf(_SMALL, fmt) for fmt in ("turtle", "ntriples", "trig",
                                                              "nquads", "jsonld")}


@st.composite
def rdf_texts(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(sorted(_EXPORTS)))
    return fmt, _mutate(draw, _EXPORTS[fmt], lines=3)


@FUZZ
@given(rdf_texts())
def test_fuzz_rdf_import(case: tuple[str, str]) -> None:
    fmt, text = case
    _either(lambda: from_rdf(text.encode("utf-8", "surrogatepass"), fmt))


# -- the event readers ------------------------------------------------------------
_ICEWS = "\n".join((FIXTURES / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv").read_text(
    encoding="utf-8").split("\n")[:25])
_GDELT = "\n".join((FIXTURES / "gdelt1_events_sample.tsv").read_text(
    encoding="utf-8").split("\n")[:25])


@st.composite
def event_files(draw: st.DrawFn) -> tuple[str, bytes, bool]:
    kind = draw(st.sampled_from(["icews", "gdelt"]))
    text = _mutate(draw, _ICEWS if kind == "icews" else _GDELT, lines=3)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=3)) + data[at:]
    return kind, data, draw(st.booleans())


@FUZZ
@given(event_files())
def test_fuzz_event_readers(case: tuple[str, bytes, bool]) -> None:
    kind, data, skip = case
    read = read_icews if kind == "icews" else read_gdelt
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.tsv"
        path.write_bytes(data)
        _either(lambda: read(path, skip_bad_rows=skip, base=_KG))


# -- questions ------------------------------------------------------------
_WORDS = ["who", "Who", "WHO", "met", "whom", "what", "when", "where", "did", "before", "Before",
          "after", "AFTER", "between", "and", "during", "in", "on", "June", "JUNE", "30", "2000",
          "Putin's", "trip", "Ivanov", "Kim", "Jong-il", "Moscow", "the", "of", "İ", "İvanov",
          "ß", "ﬁ", "٣٠", "２０００", "?", "'s", "-", "Paek", "Nam-sun", "visit", "visits",
          "propose", "proposed", "is", "was", "how", "connected", "to", "list", "meetings",
          "which", "outlets", "reported", "know", "known", "as", "of", "head", "minister"]


@FUZZ
@given(st.lists(st.sampled_from(_WORDS) | st.sampled_from(FRAGMENTS) | st.text(max_size=6),
                min_size=1, max_size=9).map(" ".join),
       st.sampled_from(["possibly", "certainly"]))
def test_fuzz_ask(question: str, strength: str) -> None:
    _either(lambda: korea_graph.ask(_KG, question, strength=strength))  # type: ignore[arg-type]


@pytest.mark.parametrize("question", [
    "Who met whom Before Putin's trip?", "İİ met whom before Putin's trip", "who met whom before",
    "before before before", "who met whom between June 30 and", "\x00", "?" * 500,
    "who met " + "Kim " * 200])
def test_known_hostile_questions(question: str) -> None:
    _either(lambda: korea_graph.ask(_KG, question))
