"""Reading kit.yaml: files that are not one safe YAML mapping end in a located KitError, quickly."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
import tracemalloc
from pathlib import Path

import pytest
import yaml
from conftest import no_hang

from appealkit import read_kit
from appealkit.errors import KitError, Mark, Problem, mark_for
from appealkit.load import FORBIDDEN, MAX_BYTES, read_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "kit.yaml"
KITS = Path(__file__).parent / "kits"
TODAY = dt.date(2025, 7, 1)


def write(tmp_path: Path, content: str | bytes, name: str = "kit.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(KitError) as info:
        read_kit(path, today=TODAY)
    return info.value.problems


def messages(path: Path) -> list[str]:
    """Problems as printed, with the file shown as `kit.yaml` whatever the test folder."""
    return [str(p).replace(str(path), "kit.yaml") for p in problems_of(path)]


# The problem type


def test_problem_str_with_and_without_mark() -> None:
    located = Problem(
        Mark("kit.yaml", 42, 7), "target.email", "'secretary@interior' is not an email address"
    )
    assert (
        str(located) == "kit.yaml:42:7: target.email: 'secretary@interior' is not an email address"
    )
    assert str(Problem(None, "", "file is empty")) == "kit.yaml: file is empty"
    assert str(Problem(None, "headline", "no value", file="a.yaml")) == "a.yaml: headline: no value"
    warning = Problem(Mark("kit.yaml", 3, 1), "background", "placeholder", "warning")
    assert str(warning) == "kit.yaml:3:1: warning: background: placeholder"
    assert str(warning.as_error()) == "kit.yaml:3:1: background: placeholder"


def test_kit_error_sorts_problems_and_prints_one_per_line() -> None:
    late = Problem(Mark("kit.yaml", 9, 1), "b", "late")
    early = Problem(Mark("kit.yaml", 2, 5), "a", "early")
    file_level = Problem(None, "", "whole file")
    error = KitError([late, early, file_level])
    assert error.problems == [file_level, early, late]
    assert str(error) == "kit.yaml: whole file\nkit.yaml:2:5: a: early\nkit.yaml:9:1: b: late"
    assert KitError(early).problems == [early]
    assert pickle.loads(pickle.dumps(error)).problems == error.problems


def test_mark_for_falls_back_to_the_nearest_written_key() -> None:
    kit, _ = read_kit(EXAMPLE, today=TODAY)
    assert mark_for(kit.marks, "letters.en.body") == kit.marks["letters.en.body"]
    assert mark_for(kit.marks, "letters.en.subject") == kit.marks["letters.en.subject"]
    assert mark_for(kit.marks, "letters.ur.subject.x") == kit.marks["letters.ur.subject"]
    assert mark_for(kit.marks, "people") == kit.marks["people"]
    assert mark_for(kit.marks, "letter.return_line") == kit.marks["letter"]
    assert mark_for(kit.marks, "nowhere") == kit.marks[""] == Mark(str(EXAMPLE), 13, 1)
    assert mark_for({}, "background") is None


def test_marks_order_by_position() -> None:
    assert Mark("kit.yaml", 2, 9) < Mark("kit.yaml", 10, 1)


# The example


def test_example_loads_the_same_kit_every_time() -> None:
    kit, _ = read_kit(EXAMPLE, today=TODAY)
    assert read_kit(EXAMPLE, today=TODAY)[0] == kit


def test_block_text_is_marked_at_its_first_line() -> None:
    kit, _ = read_kit(EXAMPLE, today=TODAY)
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    mark = kit.marks["background"]
    assert lines[mark.line - 2] == "background: |"
    assert lines[mark.line - 1][mark.column - 1 :].startswith("In October 2023")
    assert mark.column == 3


# Files that are not YAML text


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "kit.yaml"
    (problem,) = problems_of(path)
    assert problem.mark is None and problem.file == str(path)
    assert "no such file" in str(problem)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path)
    assert "is a folder" in problem.message


@pytest.mark.parametrize("content", ["", "   \n\n", "# only a comment\n# and another\n", "---\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content)
    (problem,) = problems_of(path)
    assert problem.mark is None and problem.file == str(path)
    assert "empty" in problem.message or "no keys" in problem.message
    assert "example kit.yaml" in problem.message


def test_oversized_file(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: x\n" + "#" * MAX_BYTES)
    with no_hang():
        (problem,) = problems_of(path)
    assert problem.mark is None
    assert "larger than 1 MB" in str(problem)


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: ok\nsummary: caf\xe9 \xe9t\xe9\n".encode("latin-1"))
    assert messages(path) == [
        "kit.yaml:2:13: byte 0xE9 is not UTF-8 text; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        "kit.yaml:2:15: byte 0xE9 is not UTF-8 text; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        "kit.yaml:2:17: byte 0xE9 is not UTF-8 text; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
    ]


def test_bad_byte_column_counts_characters(tmp_path: Path) -> None:
    path = write(tmp_path, "a: وزیر\xff\n".encode() if False else "a: وزیر".encode() + b"\xff\n")
    (problem,) = problems_of(path)
    assert problem.mark == Mark(str(path), 1, 8)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, EXAMPLE.read_text(encoding="utf-8").encode(encoding))
    (problem,) = problems_of(path)
    assert problem.message == "file is UTF-16 text; save it as UTF-8"


@pytest.mark.parametrize(
    ("start", "kind"),
    [
        (b"%PDF-1.7\n", "a PDF"),
        (b"PK\x03\x04\x14\x00", "a zip archive"),
        (b"{\\rtf1\\ansi ", "an RTF document"),
    ],
)
def test_files_picked_by_mistake(tmp_path: Path, start: bytes, kind: str) -> None:
    (problem,) = problems_of(write(tmp_path, start + b"\x00\xff" * 50))
    assert problem.mark is None and problem.message.startswith(f"file is {kind}")
    assert problem.message.endswith("not a kit; save kit.yaml as plain text (UTF-8)")


def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kit.yaml")
    (problem,) = problems_of(tmp_path / "kit.yaml")
    assert problem.message.endswith("is not an ordinary file")


def test_windows_line_endings(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    kit, _ = read_kit(write(tmp_path, text.replace("\n", "\r\n")), today=TODAY)
    plain, _ = read_kit(EXAMPLE, today=TODAY)
    assert kit.letters["en"].body == plain.letters["en"].body
    assert {k: (m.line, m.column) for k, m in kit.marks.items()} == {
        k: (m.line, m.column) for k, m in plain.marks.items()
    }


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    kit, _ = read_kit(path, today=TODAY)
    assert kit.language == "en"


def test_control_characters_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: a\x00b\nsummary: c\x07\n")
    assert messages(path) == [
        "kit.yaml:1:12: control character U+0000 is not allowed in YAML; delete it",
        "kit.yaml:2:11: control character U+0007 is not allowed in YAML; delete it",
    ]


# YAML that is not one mapping


@pytest.mark.parametrize(
    ("content", "found"),
    [
        ("- headline: x\n- summary: y\n", "a list"),
        ("just some words\n", "the text 'just some words'"),
        ("42\n", "the text '42'"),
    ],
)
def test_top_level_must_be_a_mapping(tmp_path: Path, content: str, found: str) -> None:
    path = write(tmp_path, content)
    assert messages(path) == [
        f"kit.yaml:1:1: the top level must be keys such as 'headline: …', found {found}; start from the example kit.yaml"
    ]


def test_tab_indentation(tmp_path: Path) -> None:
    path = write(tmp_path, "action:\n\turl: https://example.org\n")
    assert messages(path) == [
        "kit.yaml:2:1: invalid YAML: a tab character; indent with spaces, not tabs"
    ]


def test_unterminated_quote_names_where_it_starts(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: ok\nsummary: 'it never ends\npeople: x\n")
    (message,) = messages(path)
    assert message.startswith("kit.yaml:4:1: invalid YAML: ")
    assert "the quoted text that starts at line 2, column 10 is never closed" in message


def test_value_starting_with_at_sign(tmp_path: Path) -> None:
    path = write(tmp_path, "targets:\n  - x: @amnesty\n")
    assert messages(path) == [
        "kit.yaml:2:8: invalid YAML: a value cannot start with '@'; put it in quotes, e.g. \"@name\""
    ]


def test_colon_inside_a_value(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: Pakistan: stop deportations\n")
    (message,) = messages(path)
    assert message.startswith(
        "kit.yaml:1:19: invalid YAML: a ': ' inside a value; put the whole value in quotes"
    )


def test_duplicate_keys_are_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: a\nsummary: b\nheadline: c\naction:\n  url: x\n  url: y\n")
    found = messages(path)
    assert "kit.yaml:3:1: duplicate key 'headline' (first at line 1); keep one of them" in found
    assert "kit.yaml:6:3: duplicate key 'url' (first at line 5); keep one of them" in found


def test_second_document(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: a\n---\nheadline: b\n")
    assert messages(path) == [
        "kit.yaml:2:1: a second YAML document starts here ('---'); a kit is one document: remove it"
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object/apply:os.system ['echo hacked']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!custom x", "!custom"),
        ("!!set {a, b}", "!!set"),
    ],
)
def test_unsafe_and_unknown_tags_are_errors(tmp_path: Path, value: str, shown: str) -> None:
    path = write(tmp_path, f"headline: {value}\n")
    found = messages(path)
    assert (
        f"kit.yaml:1:11: tag '{shown}' is not allowed: a kit holds only text, lists and keys; remove the tag"
        in found
    )


def test_standard_tags_are_allowed(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("headline: 1.4", "headline: !!str 1.4")
    kit, _ = read_kit(write(tmp_path, text), today=TODAY)
    assert kit.headline.startswith("1.4 million")


def test_aliases_work_within_limits(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("  name: Amnesty International", "  name: &org Amnesty International")
    text = text.replace("keywords: [Urgent Action,", "keywords: [*org, Urgent Action,")
    kit, _ = read_kit(write(tmp_path, text), today=TODAY)
    assert kit.keywords[0] == "Amnesty International"


def test_unknown_alias(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: *nowhere\n")
    assert (
        "kit.yaml:1:11: alias '*nowhere' names no anchor; define '&nowhere' on a value above it"
        in messages(path)
    )


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_is_rejected_quickly_in_bounded_memory(tmp_path: Path) -> None:
    path = write(tmp_path, BILLION_LAUGHS)
    tracemalloc.start()
    with no_hang():
        (problem,) = problems_of(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5_000_000
    assert problem.mark is not None and problem.mark.line == 5
    assert (
        "alias '*d' expands to" in problem.message and "more than 10000 values" in problem.message
    )


@pytest.mark.parametrize(
    "content",
    [
        "x: " + "[" * 100_000,
        "x: " + "{a: " * 50_000,
        "".join(" " * i + "- \n" for i in range(0, 400, 2)) + "x\n",
    ],
)
def test_deep_nesting_is_rejected_quickly(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content)
    with no_hang():
        (problem,) = problems_of(path)
    assert problem.mark is not None
    assert "more than 32 levels deep" in problem.message


def test_many_values_are_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "keywords: [" + "a, " * 20_000 + "b]\n")
    with no_hang():
        (problem,) = problems_of(path)
    assert problem.mark is not None and "more than 10000 values" in problem.message


def test_recursive_alias_is_impossible(tmp_path: Path) -> None:
    path = write(tmp_path, "a: &a [*a]\n")
    assert any("names no anchor" in m for m in messages(path))


def test_read_document_keeps_positions(tmp_path: Path) -> None:
    path = write(tmp_path, "headline: x\nsummary: |\n  one\n  two\n")
    document = read_document(path)
    (key, value), (_, value2) = document.root.pairs
    assert (key.mark.line, key.mark.column, value.mark.line, value.mark.column) == (1, 1, 1, 11)
    assert (value2.mark.line, value2.mark.column, value2.text) == (3, 3, "one\ntwo\n")


@pytest.mark.parametrize("name", sorted(p.stem for p in KITS.glob("*.yaml")))
def test_bad_kits_print_exactly_the_expected_problems(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(KITS)  # messages name the file as given: NAME.yaml
    with pytest.raises(KitError) as info:
        read_kit(Path(f"{name}.yaml"), today=TODAY)
    assert all(p.mark is not None for p in info.value.problems)
    assert str(info.value) + "\n" == (KITS / f"{name}.expected").read_text(encoding="utf-8")


def test_the_forbidden_characters_are_exactly_those_yaml_does_not_allow() -> None:
    # Every code point: PyYAML's own regex of what YAML 1.1 does not allow, against our short list
    everything = "".join(map(chr, range(0x110000)))
    theirs = [m.start() for m in yaml.reader.Reader.NON_PRINTABLE.finditer(everything)]
    ours = [m.start() for m in re.finditer(FORBIDDEN, everything)]
    assert ours == theirs and len(ours) == 2111
