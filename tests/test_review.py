"""Reviewing a draft: in the terminal (through a pseudo-terminal) and from a DataFrame."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import korea_graph
from korea_graph.curation.loader import bundled_data_files
from korea_graph.curation.review import DraftFile

TEXT = ("Title: a test text\n--------------------\nGeorgy Mamedov met Jai-chun Lee in Seoul "
        "on July 1. Vladimir Putin reportedly visited Beijing on July 2.\n")
DRAFT = f"""format: korea_graph/1
document: {{id: review-test, title: a test, text: t.txt, publisher: wire,
           published: {{date: '2000-07-03'}}}}
actors:
  - {{id: wire, label: Test Wire, kind: news_outlet}}
  - {{id: georgy-mamedov, label: Georgy Mamedov, kind: person,
     review: {{status: unreviewed, confidence: 0.85,
              evidence: {{start: 40, quote: "{TEXT[40:94]}"}}}}}}
  - {{id: jai-chun-lee, label: Jai-chun Lee, kind: person,
     review: {{status: unreviewed, confidence: 0.8}}}}
  - {{id: seoul, label: Seoul, kind: city, review: {{status: unreviewed, confidence: 0.6}}}}
  - {{id: vladimir-putin, label: Vladimir Putin, kind: person,
     review: {{status: unreviewed, confidence: 0.9}}}}
  - {{id: beijing, label: Beijing, kind: city, review: {{status: unreviewed, confidence: 0.6}}}}
events:
  - id: mamedov-meets-lee
    type: meeting
    label: Mamedov meets Lee
    participants:
      - {{actor: georgy-mamedov, role: host}}
      - {{actor: jai-chun-lee, role: guest}}
    place: seoul
    when: {{date: '2000-07-01', phrase: on July 1}}
    status: occurred
    evidence: [{{start: 40, quote: "{TEXT[40:94]}"}}]
    review: {{status: unreviewed, confidence: 0.7}}
  - id: putin-in-beijing-july-2
    type: visit
    label: Putin visits Beijing
    participants: [{{actor: vladimir-putin, role: guest}}]
    place: beijing
    when: {{date: '2000-07-02'}}
    status: reported
    evidence: [{{quote: "{TEXT[95:-1]}"}}]
    review: {{status: unreviewed, confidence: 0.6}}
"""


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "t.draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    korea_graph.load(path)  # the draft itself loads
    return path


def test_the_frame_has_an_accept_column_that_writes_back(draft_path: Path) -> None:
    pytest.importorskip("pandas")
    frame = korea_graph.review_frame(draft_path)
    assert list(frame["id"])[:2] == ["georgy-mamedov", "jai-chun-lee"]
    assert frame["accept"].isna().all()
    assert "Georgy Mamedov met Jai-chun Lee" in frame.loc[0, "evidence"]
    frame.loc[frame["what"] == "actor", "accept"] = True
    frame.loc[frame["id"] == "mamedov-meets-lee", "accept"] = True
    frame.loc[frame["id"] == "beijing", "accept"] = False  # takes the visit's place along
    d = DraftFile.open(draft_path)
    d.apply(frame)
    again = DraftFile.open(draft_path)
    assert [c.id for c in again.pending()] == ["putin-in-beijing-july-2"]
    kg = korea_graph.load(*bundled_data_files(), draft_path)
    assert kg.events["putin-in-beijing-july-2"].place is None
    doc = kg.documents["review-test"]
    assert [r.record for r in doc.reviews] == ["putin-in-beijing-july-2"]


def test_review_in_a_terminal(draft_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    out = draft_path.with_name("t.yaml")
    child = pexpect.spawn(sys.executable, ["-m", "korea_graph.cli", "review", str(draft_path),
                                           "-o", str(out)], encoding="utf-8", timeout=60)
    answers = ["a", "a", "r", "a", "a"]  # mamedov, lee, seoul (rejected), putin, beijing
    for answer in answers:
        child.expect(r"\[a\]ccept \[r\]eject \[e\]dit \[n\]ext \[q\]uit > ")
        child.sendline(answer)
    # the meeting: edit its status, see it again, accept it
    child.expect("mamedov-meets-lee")
    child.expect(r"> $")
    child.sendline("e")
    child.expect("blank line ends")
    child.sendline("status: reported")
    child.sendline("")
    child.expect("status: reported")
    child.expect(r"\[q\]uit > ")
    child.sendline("a")
    child.expect(r"\[q\]uit > ")
    child.sendline("n")  # the visit stays unreviewed
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "5 accepted, 1 rejected, 1 edited, 1 left unreviewed" in child.before
    kg = korea_graph.load(*bundled_data_files(), out)
    meeting = kg.events["mamedov-meets-lee"]
    assert meeting.status.value == "reported" and meeting.place is None
    assert "seoul" not in {a for a in kg.actors if kg.actors[a].label == "Seoul"} - {"seoul"}
    doc = kg.documents["review-test"]
    assert [r.record for r in doc.reviews] == ["putin-in-beijing-july-2"]


def test_a_review_that_breaks_the_file_keeps_the_decisions(draft_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(sys.executable, ["-m", "korea_graph.cli", "review", str(draft_path)],
                          encoding="utf-8", timeout=60)
    child.expect(r"\[q\]uit > ")
    child.sendline("e")
    child.expect("blank line ends")
    child.sendline("kind: planet")
    child.sendline("")
    child.expect(r"\[q\]uit > ")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "does not load" in child.before and "planet" in child.before
    assert not draft_path.with_name("t.yaml").exists()
    assert "kind: planet" in draft_path.read_text(encoding="utf-8")
