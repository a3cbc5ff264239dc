"""Loading data files: the bundled graph, and every kind of bad input with its message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import korea_graph
from korea_graph.errors import (
    DataError,
    DateError,
    DuplicateIdError,
    EvidenceError,
    KoreaGraphError,
    ParseError,
    ReferenceError_,
    SchemaError,
    VocabularyError,
)

Mutate = Callable[[str, str], tuple[Path, int]]


def test_bundled_graph_loads_in_one_call() -> None:
    kg = korea_graph.load()
    assert "monitor-6-129" in kg.documents
    assert len(kg.actors) > 50 and len(kg.events) > 20


def test_the_same_loader_reads_any_file(data_copy: Path, kg: korea_graph.KnowledgeGraph) -> None:
    assert korea_graph.load(data_copy) == kg


def _error(path: Path, cls: type[DataError]) -> DataError:
    with pytest.raises(cls) as info:
        korea_graph.load(path)
    assert isinstance(info.value, KoreaGraphError)
    return info.value


def test_unknown_actor_reference(mutate: Mutate) -> None:
    path, line = mutate("- {actor: aleksandr-losyukov, role: host}",
                        "- {actor: aleksandr-losukov, role: host}")
    err = _error(path, ReferenceError_)
    assert err.file == str(path) and err.line == line
    assert "unknown actor 'aleksandr-losukov'" in str(err)
    assert "did you mean 'aleksandr-losyukov'" in str(err)
    assert str(err).startswith(f"{path}:{line}: events[")


def test_duplicate_id(mutate: Mutate) -> None:
    path, line = mutate("  - id: putin-visits-beijing", "  - id: putin-visits-pyongyang")
    err = _error(path, DuplicateIdError)
    assert err.line == line
    assert "duplicate id 'putin-visits-pyongyang' (first defined at line" in str(err)


def test_impossible_date(mutate: Mutate) -> None:
    path, line = mutate("when: {date: 2000-06-25, phrase: On June 25}",
                        "when: {date: 2000-06-31, phrase: On June 25}")
    err = _error(path, DateError)
    assert err.line == line and err.field and err.field.endswith(".when")
    assert "'2000-06-31' is not a real date" in str(err)


def test_reversed_interval(mutate: Mutate) -> None:
    path, line = mutate("date: 2000-06-13/2000-06-15", "date: 2000-06-15/2000-06-13")
    err = _error(path, DateError)
    assert err.line == line
    assert "reversed interval" in str(err)


def test_evidence_that_does_not_match_the_text(mutate: Mutate) -> None:
    path, line = mutate("Losyukov had met briefly", "Losyukov had met at length")
    err = _error(path, EvidenceError)
    assert err.line == line - 1  # reported at the 'start' offset of that quote
    assert "Losyukov had met briefly" in str(err)
    assert "Losyukov had met at length" in str(err)
    assert "the quote differs from the text at offset" in str(err)


def test_evidence_offset_that_points_elsewhere(mutate: Mutate) -> None:
    path, line = mutate("- start: 2355\n", "- start: 2356\n")
    err = _error(path, EvidenceError)
    assert err.line == line and err.field and err.field.endswith(".start")


def test_unknown_event_type(mutate: Mutate) -> None:
    path, line = mutate("    type: letter\n", "    type: telegram\n")
    err = _error(path, VocabularyError)
    assert err.line == line
    assert "unknown type 'telegram'" in str(err) and "meeting, visit" in str(err)


def test_unknown_status(mutate: Mutate) -> None:
    path, line = mutate("    status: disputed\n", "    status: rumoured\n")
    err = _error(path, VocabularyError)
    assert err.line == line
    assert "unknown status 'rumoured'" in str(err) and "did_not_happen" in str(err)


def test_unknown_actor_kind(mutate: Mutate) -> None:
    path, line = mutate("kind: airport", "kind: spaceport")
    err = _error(path, VocabularyError)
    assert err.line == line and "unknown kind 'spaceport'" in str(err)


def test_malformed_yaml(mutate: Mutate) -> None:
    path, line = mutate("  - id: okinawa-summit\n", "  - id: [okinawa-summit\n")
    err = _error(path, ParseError)
    assert err.line is not None and err.line >= line
    assert "malformed YAML" in str(err)


def test_duplicate_yaml_key(mutate: Mutate) -> None:
    path, line = mutate("    type: letter\n", "    type: letter\n    type: statement\n")
    err = _error(path, ParseError)
    assert err.line == line + 1 and "duplicate key 'type'" in str(err)


def test_missing_field(mutate: Mutate) -> None:
    path, _ = mutate("    status: disputed\n", "")
    err = _error(path, SchemaError)
    assert "missing field 'status'" in str(err)


def test_unknown_field(mutate: Mutate) -> None:
    path, line = mutate("    status: disputed\n", "    status: disputed\n    mood: tense\n")
    err = _error(path, SchemaError)
    assert err.line == line + 1 and "unknown field 'mood'" in str(err)


def test_unknown_relative_phrase(mutate: Mutate) -> None:
    path, line = mutate("when: {relative: last week}", "when: {relative: a while ago}")
    err = _error(path, DateError)
    assert err.line == line and "unknown relative phrase 'a while ago'" in str(err)
    assert "last week" in str(err)


def test_missing_file(tmp_path: Path) -> None:
    err = _error(tmp_path / "nope.yaml", DataError)
    assert "nope.yaml" in str(err) and "no such file" in str(err)


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    err = _error(path, SchemaError)
    assert err.line == 1


def test_a_bad_file_leaves_nothing_half_loaded(mutate: Mutate, data_copy: Path) -> None:
    good = korea_graph.load(data_copy)
    before = len(good.events)
    path, _ = mutate("- {actor: kim-yong-nam, role: guest}", "- {actor: nobody, role: guest}")
    with pytest.raises(ReferenceError_):
        korea_graph.load(path)
    assert len(good.events) == before  # what was loaded before is untouched


def test_shared_actors_merge_across_files(data_copy: Path, tmp_path: Path) -> None:
    second = tmp_path / "second.yaml"
    second.write_text(
        "format: korea_graph/1\n"
        "document: {id: other, title: Other, text: other.txt, publisher: reuters,\n"
        "           published: 2000-07-05}\n"
        "actors:\n"
        "  - {id: reuters, label: Reuters, kind: news_outlet}\n"
        "  - {id: vladimir-putin, label: Vladimir Putin, kind: person, aliases: [V. Putin]}\n"
        "events:\n"
        "  - id: putin-speaks\n"
        "    type: statement\n"
        "    label: Putin speaks\n"
        "    participants: [{actor: vladimir-putin, role: speaker}]\n"
        "    when: {relative: yesterday}\n"
        "    status: occurred\n"
        "    evidence: [{quote: Putin spoke}]\n",
        encoding="utf-8",
    )
    (tmp_path / "other.txt").write_text("Yesterday Putin spoke.\n", encoding="utf-8")
    kg = korea_graph.load(data_copy, second)
    assert kg.actor("V. Putin").id == "vladimir-putin"
    assert str(kg.events["putin-speaks"].when) == "2000-07-04"
    assert kg.events["putin-speaks"].evidence[0].start == len("Yesterday ")


def _small_file(tmp_path: Path, records: str, text: str = "Foreign Minister Ivanov said it "
                "apparently happened in Moscow.\n") -> Path:
    """A one-document data file with ``records`` (YAML lines under the top level)."""
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "doc.yaml"
    path.write_text(
        "format: korea_graph/1\n"
        "document: {id: doc, title: Doc, text: doc.txt, publisher: reuters,\n"
        "           published: {between: [2000-07-03, 2000-07-04]}}\n"
        "actors:\n"
        "  - {id: reuters, label: Reuters, kind: news_outlet}\n"
        "  - {id: russia, label: Russia, kind: state, mentions: [Moscow, Russian]}\n"
        "  - {id: igor-ivanov, label: Igor Ivanov, kind: person, aliases: [Ivanov]}\n"
        "  - {id: moscow, label: Moscow, kind: city}\n" + records, encoding="utf-8")
    return path


_POST = ("affiliations:\n"
         "  - id: ivanov-fm\n"
         "    holder: igor-ivanov\n"
         "    organization: russia\n"
         "    kind: post\n"
         "    title: Foreign Minister\n"
         "    when: {when}\n"
         "    status: occurred\n"
         "    evidence: [{quote: Foreign Minister Ivanov}]\n")


def test_held_at_observations_open_on_both_sides(tmp_path: Path) -> None:
    kg = korea_graph.load(_small_file(tmp_path, _POST.replace(
        "{when}", "{held_at: [2000-06-27, publication], phrase: Foreign Minister}")))
    when = kg.affiliations["ivanov-fm"].when
    assert when.precision.value == "held" and str(when) == "held 2000-06-27/2000-07-03"
    assert (when.earliest, when.latest) == (None, None)  # start and end unknown
    assert when.resolution == ("observed at 2000-06-27, 2000-07-03..2000-07-04; "
                               "start and end unknown")
    from datetime import date
    assert when.certainly_holds_on(date(2000, 7, 1))
    assert not when.certainly_holds_on(date(2000, 7, 4))  # publication may be July 3
    assert when.possibly_holds_on(date(1999, 1, 1)) and when.possibly_holds_on(date(2001, 1, 1))


def test_start_end_form_for_ties_that_ended_before_publication(tmp_path: Path) -> None:
    kg = korea_graph.load(_small_file(tmp_path, _POST.replace(
        "{when}", "{start: {after: 1990}, end: {before: publication}}")))
    when = kg.affiliations["ivanov-fm"].when
    from datetime import date
    assert when.start_min == date(1990, 1, 2)  # strictly after the 1990 day it follows
    assert when.end_max == date(2000, 7, 3)  # before publication, whichever day it was
    assert not when.possibly_holds_on(date(2000, 7, 4))


@pytest.mark.parametrize(("when", "message"), [
    ("{held_at: []}", "held_at needs a list"),
    ("{held_at: [2000-06-31]}", "not a real date"),
    ("{start: .., end: ..}", "start and end both unknown"),
    ("{start: {around: 1990}, end: ..}", "unknown field 'around'"),
    ("{held_at: [2000], date: 2000}", "2 time forms given"),
])
def test_bad_held_and_bounded_times(tmp_path: Path, when: str, message: str) -> None:
    path = _small_file(tmp_path, _POST.replace("{when}", when))
    with pytest.raises(DataError) as info:
        korea_graph.load(path)
    assert message in str(info.value) and info.value.line == 15  # the when line


def test_hedges_inferences_and_mentions_are_kept(tmp_path: Path) -> None:
    kg = korea_graph.load(_small_file(tmp_path, _POST.replace("{when}", "publication").replace(
        "    status: occurred\n",
        "    status: reported\n"
        "    hedges: [apparently, {phrase: said, confidence: likely}, {confidence: unlikely}]\n"
        "    inferred:\n"
        "      - {field: organization, value: russia, reason: Russian Foreign Minister}\n")))
    post = kg.affiliations["ivanov-fm"]
    assert [str(h) for h in post.hedges] == ["apparently", "said (likely)", "unlikely"]
    assert str(post.inferred[0]) == "organization russia inferred: Russian Foreign Minister"
    assert kg.actors["russia"].mentions == ("Moscow", "Russian")
    assert kg.actor("Moscow").id == "moscow"  # mentions are not look-up names


@pytest.mark.parametrize(("extra", "cls", "message"), [
    ("    hedges: [{confidence: sure}]\n", VocabularyError, "unknown confidence 'sure'"),
    ("    hedges: [{}]\n", SchemaError, "empty hedge"),
    ("    inferred: [{field: mood, value: x, reason: y}]\n", VocabularyError,
     "unknown inferred field 'mood'"),
    ("    inferred: [{field: place, value: x}]\n", SchemaError, "missing field 'reason'"),
])
def test_bad_hedges_and_inferences(tmp_path: Path, extra: str, cls: type[DataError],
                                   message: str) -> None:
    path = _small_file(tmp_path, _POST.replace("{when}", "publication") + extra)
    with pytest.raises(cls) as info:
        korea_graph.load(path)
    assert message in str(info.value) and info.value.line is not None


def test_hedges_inferences_and_held_times_survive_rdf(tmp_path: Path) -> None:
    kg = korea_graph.load(_small_file(tmp_path, _POST.replace(
        "{when}", "{held_at: [publication]}").replace(
        "    status: occurred\n",
        "    status: reported\n    hedges: [{phrase: said, confidence: likely}]\n"
        "    inferred: [{field: title, value: Foreign Minister, reason: r}]\n")))
    for fmt in ("turtle", "jsonld"):
        assert korea_graph.from_rdf(korea_graph.to_rdf(kg, fmt), fmt) == kg


# -- hostile and broken files (issue 19) ------------------------------------------------------
def test_an_alias_bomb_is_refused_with_its_line(data_copy: Path) -> None:
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    text = data_copy.read_text(encoding="utf-8")
    data_copy.write_text(text + "\n".join(bomb) + "\n", encoding="utf-8")
    first = text.count("\n") + 1
    err = _error(data_copy, ParseError)
    assert err.line == first and "anchor &a0 is not allowed" in str(err)


def test_an_alias_used_as_a_key_or_a_phrase_is_refused(mutate: Mutate) -> None:
    path, line = mutate("format: korea_graph/1", "format: &f korea_graph/1\n*f : 1")
    err = _error(path, ParseError)
    assert err.file == str(path) and err.line == line and "not allowed" in str(err)


def test_deep_nesting_is_a_parse_error_not_a_recursion_error(data_copy: Path) -> None:
    text = data_copy.read_text(encoding="utf-8")
    data_copy.write_text(text + "deep: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    err = _error(data_copy, ParseError)
    assert err.line == text.count("\n") + 1 and "nest more than" in str(err)


def test_bytes_that_are_not_utf8_are_located(data_copy: Path) -> None:
    raw = data_copy.read_bytes().replace(b"title:", b"title: \xff", 1)
    data_copy.write_bytes(raw)
    err = _error(data_copy, ParseError)
    assert err.line == raw[:raw.index(b"\xff")].count(b"\n") + 1
    assert "not UTF-8" in str(err) and "byte 0xff" in str(err)


def test_utf16_is_refused_at_line_1(data_copy: Path) -> None:
    data_copy.write_bytes(data_copy.read_text(encoding="utf-8").encode("utf-16"))
    err = _error(data_copy, ParseError)
    assert err.line == 1 and "UTF-16" in str(err)


def test_a_utf8_byte_order_mark_is_read_past(data_copy: Path, kg: korea_graph.KnowledgeGraph
                                            ) -> None:
    data_copy.write_bytes(b"\xef\xbb\xbf" + data_copy.read_bytes())
    assert korea_graph.load(data_copy) == kg


def test_a_document_text_that_is_not_utf8_is_located(data_copy: Path) -> None:
    text = data_copy.with_suffix(".txt")
    text.write_bytes(text.read_bytes() + b"\n\xc3(\n")
    err = _error(data_copy, ParseError)
    assert err.field == "document.text" and err.line is not None and "not UTF-8" in str(err)


def test_a_lone_surrogate_is_refused_at_load(mutate: Mutate) -> None:
    path, line = mutate("label: Russia,", 'label: "Rus\\ud800sia",')
    err = _error(path, ParseError)
    # libyaml refuses the escape itself; the pure-Python parser decodes it, and the loader
    # refuses the string it makes (naming U+D800)
    assert err.line == line and "lone surrogate" in str(err)


@pytest.mark.parametrize("name", ["/etc/passwd", "../secret.txt", "sub/../../secret.txt"])
def test_the_document_text_comes_only_from_beside_the_data_file(mutate: Mutate,
                                                                name: str) -> None:
    path, line = mutate("text: monitor-6-129.txt", f"text: {name}")
    (path.parent.parent / "secret.txt").write_text("secret", encoding="utf-8")
    err = _error(path, SchemaError)
    assert err.line == line and err.field == "document.text" and "not beside" in str(err)


def test_a_linked_document_text_may_not_lead_out_of_the_folder(mutate: Mutate) -> None:
    path, line = mutate("text: monitor-6-129.txt", "text: link.txt")
    (path.parent / "link.txt").symlink_to("/etc/hostname")
    err = _error(path, SchemaError)
    assert err.line == line and "leads out of" in str(err)


def test_a_person_as_a_country_is_refused(mutate: Mutate) -> None:
    path, line = mutate("kind: person, country: russia,", "kind: person, country: vladimir-putin,")
    err = _error(path, ReferenceError_)
    assert err.line == line and "'vladimir-putin' is a person, not a state" in str(err)


def test_a_place_holding_a_post_is_refused(data_copy: Path) -> None:
    text = data_copy.read_text(encoding="utf-8")
    start = text.index("affiliations:")
    index = text.index("holder: ", start)
    end = text.index("\n", index)
    bad = text[:index] + "holder: pyongyang" + text[end:]
    data_copy.write_text(bad, encoding="utf-8")
    err = _error(data_copy, ReferenceError_)
    assert err.line == text.count("\n", 0, index) + 1 and "cannot hold a post" in str(err)


def test_a_cycle_in_part_of_is_refused(mutate: Mutate) -> None:
    path, _ = mutate("    aliases: [Putin's trip, Putin's trip to Pyongyang",
                     "    part_of: putin-kim-jong-il-talks\n"
                     "    aliases: [Putin's trip, Putin's trip to Pyongyang")
    err = _error(path, ReferenceError_)
    assert "in a circle" in str(err) and "putin-kim-jong-il-talks -> putin-visits-pyongyang" \
        in str(err)
    assert err.line is not None and err.field is not None and err.field.endswith("part_of")


@pytest.mark.parametrize("bad", ["russia-", "rus--sia", "123", "0x1f"])
def test_malformed_ids_are_refused(mutate: Mutate, bad: str) -> None:
    path, line = mutate("{id: russia, label: Russia,", f"{{id: {bad}, label: Russia,")
    err = _error(path, SchemaError)
    assert err.line == line and "bad id" in str(err)


def test_a_conflict_between_two_files_names_both_places(data_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    second = other / "second.yaml"
    (other / "second.txt").write_text("Russia said so.", encoding="utf-8")
    second.write_text(
        "format: korea_graph/1\n"
        "document: {id: second, title: T, text: second.txt, publisher: outlet,"
        " published: 2000-07-10}\n"
        "actors:\n"
        "  - {id: outlet, label: Outlet, kind: news_outlet}\n"
        "  - {id: russia, label: Russia, kind: city}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        korea_graph.load(data_copy, second)
    err = info.value
    assert err.line is not None and err.file is not None
    assert "kind" in str(err) and ".yaml:" in str(err)


@pytest.mark.parametrize("text", ["\x00", "a\x00", "\x00abc", "\x00\x00 Kim"])
def test_a_utf8_text_that_begins_with_nul_characters_is_read(text: str) -> None:
    # found by test_writer's round trip: one NUL byte is valid UTF-8, not a sign of UTF-16
    from korea_graph.curation.loader import decode_utf8

    assert decode_utf8(text.encode("utf-8"), "text.txt") == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_wide_text_without_byte_order_mark_is_refused_at_line_1(encoding: str) -> None:
    from korea_graph.curation.loader import decode_utf8

    with pytest.raises(ParseError, match="UTF-16") as err:
        decode_utf8("Kim Jong-il".encode(encoding), "text.txt")
    assert err.value.line == 1


def test_files_read_once_load_again_beside_others(data_copy: Path) -> None:
    from korea_graph.curation.loader import bundled_data_files, read_files

    corpus = read_files(*bundled_data_files()[1:])
    assert corpus.paths == bundled_data_files()[1:]
    both = corpus.load(data_copy)
    assert both == korea_graph.load(data_copy, *bundled_data_files()[1:])
    assert corpus.load(data_copy) == both  # the files read are not used up
    text = data_copy.read_text(encoding="utf-8")
    data_copy.write_text(text.replace("kind: state", "kind: stat", 1), encoding="utf-8")
    with pytest.raises(korea_graph.VocabularyError, match=r"monitor-6-129.yaml:\d+: "):
        corpus.load(data_copy)  # the errors of load, with the file and line


def test_yaml_of_a_record_is_read_as_the_loader_reads_it() -> None:
    from korea_graph.curation.loader import parse_yaml

    assert parse_yaml("when: {date: 2000-06-27}\nparticipants: [{actor: x}]", "edit") == {
        "when": {"date": "2000-06-27"}, "participants": [{"actor": "x"}]}
    with pytest.raises(korea_graph.ParseError, match="edit:1: YAML anchor"):
        parse_yaml("a: &x [1]\nb: *x", "edit")
