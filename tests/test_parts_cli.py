"""`appealkit build --parts`, `--labels-start`, `--copies` and the kit's `event:` section."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY, group_kit, line_col, run_cli

PACK_FILES = {"pack.pdf", "fact-sheet.pdf", "background.pdf", "letter-en.pdf", "letter-ur.pdf"}
EVENT_FILES = {"handouts.pdf", "poster.pdf", "envelopes.pdf", "labels.pdf", "tally.pdf"}


def _pdfs(out: Path) -> set[str]:
    return {path.name for path in out.glob("*.pdf")}


def _build(out: Path, *argv: str, kit: Path = EXAMPLE) -> tuple[int, str, str]:
    return run_cli("build", str(kit), "--out", str(out), "--today", TODAY, *argv)


def test_default_build_writes_the_pack_and_every_event_part(tmp_path: Path) -> None:
    status, stdout, stderr = _build(tmp_path / "out")
    assert status == 0, stderr
    assert _pdfs(tmp_path / "out") == PACK_FILES | EVENT_FILES  # no solidarity: in the example
    assert {Path(line).name for line in stdout.split()} == PACK_FILES | EVENT_FILES


@pytest.mark.parametrize("parts, expected", [
    ("poster", {"poster.pdf"}),
    ("labels,envelopes", {"labels.pdf", "envelopes.pdf"}),
    ("pack", PACK_FILES),
    (" tally , handouts ", {"tally.pdf", "handouts.pdf"}),
    ("solidarity,poster", {"poster.pdf"}),  # the example has no solidarity message
])
def test_parts_builds_exactly_those_files(tmp_path: Path, parts: str, expected: set[str]) -> None:
    status, _, stderr = _build(tmp_path / "out", "--parts", parts, "--paper", "letter")
    assert status == 0, stderr
    assert _pdfs(tmp_path / "out") == expected


@pytest.mark.parametrize("argv, message", [
    (("--parts", "pack,posters"), "appealkit: --parts: unknown part 'posters'; the parts are: "
     "pack, handouts, poster, envelopes, labels, tally, solidarity; nothing written"),
    (("--parts", ","), "appealkit: --parts: no part named; the parts are: "
     "pack, handouts, poster, envelopes, labels, tally, solidarity; nothing written"),
    (("--labels-start", "15"), "appealkit: --labels-start 15: the Avery L7163 sheet has labels "
     "1 to 14; nothing written"),
    (("--labels-start", "11", "--paper", "letter"), "appealkit: --labels-start 11: the Avery "
     "5163 sheet has labels 1 to 10; nothing written"),
    (("--copies", "0"), "appealkit: --copies 0: give 1 or more labels per target; nothing written"),
])
def test_bad_options_exit_2_with_one_line(tmp_path: Path, argv: tuple[str, ...],
                                          message: str) -> None:
    status, stdout, stderr = _build(tmp_path / "out", *argv)
    assert (status, stdout, stderr) == (2, "", message + "\n")
    assert not (tmp_path / "out").exists()


def test_bad_event_values_are_located(tmp_path: Path) -> None:
    kit = group_kit(tmp_path,
                  ("report: https://www.example.org/report-your-letters", "report: www.example"),
                  ("report_by: 2025-09-30", "report_by: 30/09/2025"),
                  ("  #   tonight: Write a letter tonight!", "    tonite: Write!"),
                  ("  # words:   ", "  words:   "))
    status, _, stderr = _build(tmp_path / "out", kit=kit)
    lines = stderr.splitlines()
    assert status == 2
    line, col = line_col(kit, "www.example")
    assert lines[0] == (f"{kit}:{line}:{col}: event.report: 'www.example' is not an http(s) "
                        "URL; write it in full: 'https://www.example'")
    line, col = line_col(kit, "30/09/2025")
    assert lines[1] == (f"{kit}:{line}:{col}: event.report_by: '30/09/2025' is not a date; "
                        "write it as YYYY-MM-DD, e.g. 2025-09-15")
    line, col = line_col(kit, "tonite")
    assert lines[2] == (f"{kit}:{line}:{col}: event.words.tonite: the event materials have no "
                        "word 'tonite'; did you mean 'tonight'?")
    assert lines[3] == f"appealkit: 3 problems in {kit}; nothing written"
    assert not (tmp_path / "out").exists()


def test_event_key_at_the_top_level_points_to_event(tmp_path: Path) -> None:
    kit = group_kit(tmp_path, ("\nkeywords:", "\npostage: two stamps\nkeywords:"))
    status, _, stderr = run_cli("check", str(kit), "--today", TODAY)
    line, col = line_col(kit, "postage: two")
    assert status == 2
    assert stderr.splitlines()[0] == (f"{kit}:{line}:{col}: unknown key 'postage' here; it "
                                      "belongs under 'event': check its indentation")


def test_event_word_placeholders_and_return_address_are_checked(tmp_path: Path) -> None:
    kit = group_kit(tmp_path,
                  ("  #   tonight: Write a letter tonight!", "    deadline: 'By {date}'"),
                  ("  # words:   ", "  words:   "),
                  ("    - Sheffield S1 2AB\n", "    - Sheffield S1 2AB\n    - a\n    - b\n    - c\n"))
    status, _, stderr = run_cli("check", str(kit), "--today", TODAY)
    assert status == 2
    line, col = line_col(kit, "    - Amnesty Group Sheffield", 4)
    assert (f"{kit}:{line}:{col}: event.return_address: 6 lines; an envelope's return address "
            "has room for 5: join or drop some") in stderr.splitlines()
    line, col = line_col(kit, "'By {date}'")
    assert (f"{kit}:{line}:{col}: event.words.deadline: '{{date}}' cannot be filled in here; "
            "placeholders here: {deadline}") in stderr.splitlines()


def test_event_parts_are_the_same_bytes_every_build(tmp_path: Path) -> None:
    parts = "handouts,poster,envelopes,labels,tally"
    for name in ("one", "two"):
        status, _, stderr = _build(tmp_path / name, "--parts", parts)
        assert status == 0, stderr
    for pdf in EVENT_FILES:
        assert (tmp_path / "one" / pdf).read_bytes() == (tmp_path / "two" / pdf).read_bytes()


def test_characters_no_font_has_in_event_texts_are_located(tmp_path: Path) -> None:
    kit = group_kit(tmp_path, ("  postage: one international stamp", "  postage: one 우표 stamp"))
    status, _, stderr = run_cli("check", str(kit), "--today", TODAY)
    line, col = line_col(kit, "우표")
    assert status == 2
    assert stderr.startswith(f"{kit}:{line}:{col}: event.postage: "), stderr
    assert "우" in stderr.splitlines()[0]
