"""Plain-English questions and `korea-graph ask`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from korea_graph import KnowledgeGraph, QueryError
from korea_graph.cli import main
from korea_graph.questions.english import FORMS, ask


@pytest.mark.parametrize(("question", "expected"), [
    ("who met whom before Putin's trip?", {"Losyukov", "Pek", "Mamedov", "Jai-chun"}),
    ("Who met whom after June 27", {"Ivanov", "Lee Joung-binn", "Kim Yong-nam"}),
    ("who met whom between June 27 and June 28", {"Losyukov", "Mamedov"}),
    ("who met whom in June 2000", {"Kim Dae-jung"}),
    ("who met Kim Yong-nam", {"Losyukov", "Ivanov"}),
    ("whom did ivanov meet before July", {"Lee Joung-binn", "Kim Yong-nam"}),
    ("what did Ivanov propose", {"economic cooperation"}),
    ("who proposed what", {"Igor Ivanov"}),
    ("who signed what", {"friendship treaty"}),
    ("what did Igor Ivanov sign", {"friendship treaty"}),
    ("who opposes national missile defense", {"Russia"}),
    ("what does Russia oppose", {"missile defense"}),
    ("what does Russia support", {"unification"}),
    ("what happened before the inter-Korean summit", {"recognize South Korea"}),
    ("what happened between June 30 and July 1", {"Washington Times"}),
    ("how is Losyukov connected to Kim Jong-il", {"Kim Yong-nam"}),
    ("how are Putin and Kim Dae-jung connected", {"Kim Jong-il"}),
    ("who is Paek Nam-sun", {"Foreign Minister", "North Korean government"}),
    ("who was foreign minister in February 2000", {"Igor Ivanov"}),
])
def test_every_question_form(kg: KnowledgeGraph, question: str, expected: set[str]) -> None:
    answers = ask(kg, question)
    text = json.dumps(answers.to_records(), ensure_ascii=False)
    for words in expected:
        assert words in text, (question, words)
    assert answers.query and answers.question == question


def test_the_meeting_that_did_not_happen_is_never_an_answer(kg: KnowledgeGraph) -> None:
    for question in ("who met whom", "who met Putin", "who met whom in June 2000"):
        text = json.dumps(ask(kg, question).to_records())
        assert "Lee Joung-binn" not in text or "Vladimir Putin" not in text


def test_unsupported_questions_list_the_forms(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError) as info:
        ask(kg, "why did Russia do it")
    assert all(form in str(info.value) for form in FORMS)


def test_ambiguous_and_unknown_names_are_not_guessed(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"could mean several events.*putin-visits-beijing"):
        ask(kg, "who met whom before Putin visit")
    with pytest.raises(QueryError, match=r"no actor is called 'Kim Il-sung'"):
        ask(kg, "who met Kim Il-sung")


def test_cli_json_is_an_array_naming_actors_with_iso_dates(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who met whom before Putin's trip", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert {"subject", "object", "date", "status", "evidence", "query"} <= set(row)
    losyukov = [r for r in rows if r["subject"] == "Aleksandr Losyukov"]
    assert {r["date"] for r in losyukov} == {"2000-06-27"}
    assert all(r["status"] == "reported" for r in losyukov)


def test_cli_table_shows_query_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what did Ivanov propose"]) == 0
    out = capsys.readouterr().out
    assert "# query: relations(kg, 'proposed'" in out and "Evidence:" in out
    assert "restart North Korea’s idle thermal power plants" in out


def test_cli_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who signed what", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("subject,") and len(lines) == 3


def test_cli_exits_non_zero_on_unsupported_question() -> None:
    result = subprocess.run([sys.executable, "-m", "korea_graph.cli", "ask", "tell me a joke"],
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "who met whom" in result.stderr and result.stdout == ""
