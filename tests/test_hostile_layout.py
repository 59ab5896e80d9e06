"""Hostile text for the layout: every case ends, within seconds and 2 GB, in a located
`kit.yaml:L:C: key: message` and exit 2 from both `check` and `build`, and a failed build
leaves the earlier output as it was."""

from __future__ import annotations

import copy
import io
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from appealkit.cli import main
from appealkit.layout import PAPERS, limits
from appealkit.layout.flow import Column, Unfit, pour, set_text
from appealkit.layout.styles import style

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2025-07-01"
MARK = "\u0301"  # combining acute accent
BEH = "\u0628"  # an Urdu letter that joins on both sides
LIMIT = 20  # seconds: a generous bound that only a hang exceeds

Edit = Callable[[dict[str, Any]], None]


def _set(*path: str | int, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return edit


def _copies(count: int) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        for i in range(count):
            data["targets"].append({
                "role": "copy", "name": f"Ambassador Number {i} with a long name",
                "title": "Ambassador of Pakistan", "address": ["1 Street", "City"],
                "country": "Somewhere",
                "salutation": {"en": "Dear Ambassador,", "ur": "محترم سفیر صاحب،"}})
    return edit


# (case, edit, the key path the message must name, words the message must hold)
CASES = [
    ("body 300 marks", _set("letters", "en", "body", value="a" + MARK * 300),
     "letters.en.body", "more than 20 combining marks"),
    ("urdu body one 10000-letter word", _set("letters", "ur", "body", value=BEH * 10000),
     "letters.ur.body", "without a space"),
    ("subject 150 marks", _set("letters", "en", "subject", value="a" + MARK * 150),
     "letters.en.subject", "combining marks"),
    ("closing 150 marks", _set("letters", "en", "closing", value="a" + MARK * 150),
     "letters.en.closing", "combining marks"),
    ("organisation 150 marks", _set("organisation", "name", value="a" + MARK * 150),
     "organisation.name", "combining marks"),
    ("return line 150 marks", _set("letter", "return_line", value="a" + MARK * 150),
     "letter.return_line", "combining marks"),
    ("background 150 marks", _set("background", value="a" + MARK * 150),
     "background", "combining marks"),
    ("body 150 marks", _set("letters", "en", "body", value="a" + MARK * 150),
     "letters.en.body", "combining marks"),
    ("urdu subject 500 letters", _set("letters", "ur", "subject", value=BEH * 500),
     "letters.ur.subject", "without a space"),
    ("urdu closing 500 letters", _set("letters", "ur", "closing", value=BEH * 500),
     "letters.ur.closing", "without a space"),
    ("headline 500 marks", _set("headline", value="a" + MARK * 500),
     "headline", "combining marks"),
    ("headline 10000 letters", _set("headline", value="a" * 10000),
     "headline", "does not fit on the one-page fact sheet"),
    ("background 200000-letter word", _set("background", value="a" * 200_000),
     "background", "runs on past 20 pages"),
    ("four copy targets", _copies(4), "targets.1", "take-action band"),
    ("long name", _set("targets", 0, "name", value="Name " * 60),
     "targets.0.name", "take-action band"),
    ("long title", _set("targets", 0, "title", value="Title " * 60),
     "targets.0.title", "take-action band"),
    ("long address", _set("targets", 0, "address", value=["Street " * 40] * 5),
     "targets.0", "does not fit the envelope window"),  # and the take-action band
    ("long action label", _set("action", "label", value="Label " * 80),
     "action.label", "take-action band"),
    ("long url", _set("action", "url", value="https://example.org/" + "a/" * 600),
     "action.url", "take-action band"),
    ("long email", _set("targets", 0, "email", value="a" * 400 + "@example.org"),
     "targets.0.email", "take-action band"),
]


def _write_kit(folder: Path, edit: Edit) -> Path:
    data = yaml.safe_load((ROOT / "kit.yaml").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    edit(data)
    path = folder / "kit.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _limited_run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in a child limited to 2 GB of address space and LIMIT seconds."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "appealkit", *argv], capture_output=True,
                          text=True, timeout=LIMIT, preexec_fn=limit, cwd=cwd)



@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder holding a good build, which no failed build may touch."""
    out = tmp_path_factory.mktemp("earlier")
    status = main(["build", str(ROOT / "kit.yaml"), "--out", str(out), "--today", TODAY],
                  stdout=io.StringIO(), stderr=io.StringIO())
    assert status == 0
    return out


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(("case", "edit", "key", "words"), CASES, ids=[c[0] for c in CASES])
def test_hostile_text_is_a_located_error(tmp_path: Path, earlier: Path, case: str, edit: Edit,
                                         key: str, words: str) -> None:
    kit = _write_kit(tmp_path, edit)
    before = _snapshot(earlier)
    err = io.StringIO()  # check in-process; build in a child, bounded in time and memory
    checked = main(["check", str(kit), "--today", TODAY], stdout=io.StringIO(), stderr=err)
    built = _limited_run("build", str(kit), "--out", str(earlier), "--today", TODAY, cwd=tmp_path)
    for status, stderr in ((checked, err.getvalue()), (built.returncode, built.stderr)):
        lines = stderr.splitlines()
        assert status == 2, stderr[-2000:]
        assert len(lines) >= 2, stderr
        first = lines[0]
        prefix = f"{kit}:"
        assert first.startswith(prefix), first
        line, column, path = first[len(prefix):].split(":", 3)[:3]
        assert line.isdigit() and column.isdigit(), first
        assert path.strip() == key, first
        assert words in first, first
        assert lines[-1].startswith(f"appealkit: {len(lines) - 1} problem"), lines[-1]
        if case == "long address":  # too long for the window and for the fact sheet
            assert len(lines) == 3 and "targets.0.address.0: the take-action band" in lines[1]
        else:
            assert len(lines) == 2, stderr
        assert "internal error" not in stderr
    assert _snapshot(earlier) == before


def test_located_lines_point_at_the_field(tmp_path: Path) -> None:
    """The line and column are those of the value that grew: the copy targets, from the first."""
    kit = _write_kit(tmp_path, _copies(4))
    err = io.StringIO()
    assert main(["check", str(kit), "--today", TODAY], stdout=io.StringIO(), stderr=err) == 2
    text = kit.read_text(encoding="utf-8").splitlines()
    line, column = map(int, err.getvalue()[len(str(kit)) + 1:].split(":")[:2])
    copies = [n for n, row in enumerate(text, 1) if row.startswith("- role: copy")]
    assert (line, column) == (copies[0], 3), text[line - 1]  # the first copy target


@pytest.mark.parametrize("case", ["a" + MARK * 300, BEH * 10000], ids=["marks", "urdu-word"])
def test_layout_itself_refuses_without_the_text_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       case: str) -> None:
    """With the input rules switched off, the layout still ends: a located line too tall."""
    monkeypatch.setattr(limits, "MAX_MARKS", 10**9)
    monkeypatch.setattr(limits, "MAX_JOINED", 10**9)
    language = "ur" if case.startswith(BEH) else "en"
    kit = _write_kit(tmp_path, _set("letters", language, "body", value=case))
    err = io.StringIO()
    status = main(["build", str(kit), "--out", str(tmp_path / "out"), "--today", TODAY],
                  stdout=io.StringIO(), stderr=err)
    assert status == 2, err.getvalue()
    assert f": letters.{language}.body: a line here is " in err.getvalue()
    assert not (tmp_path / "out").exists()


def test_pour_refuses_a_line_taller_than_a_continuation_column() -> None:
    """The guard fires on a following page too, whose column starts below its top (it used to
    add pages forever)."""
    paragraph = set_text("tall", style(10.0, leading=1.0), 200)
    opened: list[Column] = []

    def next_column() -> Column:
        column = Column(0, 0, 200, 5)  # shorter than one line
        column.advance(2)  # room for a continuation line, as a letter's next page has
        opened.append(column)
        return column

    with pytest.raises(Unfit, match="a line here is"):
        pour([(paragraph, 0)], [next_column()], next_column, "letters.en.body")
    assert len(opened) == 2


def test_pour_stops_at_its_page_bound() -> None:
    paragraph = set_text("\n".join(["line"] * 200), style(10.0), 200)
    columns = [Column(0, 0, 200, 30)]
    with pytest.raises(Unfit, match="runs on past 3 pages"):
        pour([(paragraph, 0)], columns, lambda: Column(0, 0, 200, 30), "background",
             max_columns=6, page_columns=2)
    assert len(columns) == 6


def test_a_long_background_that_fits_its_pages_builds(tmp_path: Path) -> None:
    """A 20,000-letter word is broken at cluster boundaries and builds, quickly."""
    kit = _write_kit(tmp_path, _set("background", value="a" * 20_000))
    result = _limited_run("build", str(kit), "--out", str(tmp_path / "out"), "--today", TODAY,
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(tmp_path / "out" / "background.pdf")
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert text.count("a") >= 20_000
    assert 1 < len(pdf) <= 20


def test_twenty_marks_still_build(tmp_path: Path) -> None:
    kit = _write_kit(tmp_path, _set("letters", "en", "subject", value="Renew a" + MARK * 20))
    err = io.StringIO()
    assert main(["check", str(kit), "--today", TODAY], stdout=io.StringIO(), stderr=err) == 0, \
        err.getvalue()


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_check_passes_the_example_on_both_papers(paper: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", str(ROOT / "kit.yaml"), "--paper", paper, "--today", TODAY],
                  stdout=out, stderr=err)
    assert status == 0, err.getvalue()
    assert out.getvalue().strip().endswith(": ok")
