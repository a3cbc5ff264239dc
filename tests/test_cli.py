"""The command line: help, version, demo and error reporting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from korea_graph.cli import main


def test_help_lists_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "demo" in out and "ask" in out


def test_console_script_help() -> None:
    result = subprocess.run([sys.executable, "-m", "korea_graph.cli", "--help"],
                            capture_output=True, text=True, check=True)
    assert "usage: korea-graph" in result.stdout


def test_demo_prints_who_met_whom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--out-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Who met whom before Putin's trip?" in out
    assert "Aleksandr Losyukov" in out and "Lee Joung-binn" in out
    assert "did_not_happen" not in out
    turtle = tmp_path / "korea_graph.ttl"
    assert f"Turtle for triple stores: {turtle}" in out
    import rdflib

    assert len(rdflib.Graph().parse(turtle, format="turtle")) > 1000
    page = (tmp_path / "korea_graph.html").read_text(encoding="utf-8")
    assert "Losyukov" in page and "https://cdn" not in page


def test_bad_data_file_exits_2_with_the_line(data_copy: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    text = data_copy.read_text(encoding="utf-8").replace("status: disputed", "status: maybe")
    data_copy.write_text(text, encoding="utf-8")
    assert main(["--data", str(data_copy), "ask", "who met whom"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"korea-graph: error: {data_copy}:") and "unknown status 'maybe'" in err


# -- output a terminal or a spreadsheet would run (issue 19) ------------------------------------
def test_escape_codes_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who is \x1b]0;pwned\x07\x1b[2J\u202e"]) != 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "pwned" in err


def test_formula_cells_are_text_in_csv(data_copy: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    text = data_copy.read_text(encoding="utf-8")
    data_copy.write_text(text.replace("label: Kim Jong-il,", "label: \"=HYPERLINK(1)\",", 1),
                         encoding="utf-8")
    assert main(["--data", str(data_copy), "--only", "ask", "who met whom before Putin's trip",
                 "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'=HYPERLINK(1)" in out
    assert not any(cell.startswith("=") for line in out.splitlines() for cell in line.split(","))
