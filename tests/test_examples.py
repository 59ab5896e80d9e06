"""The example kits under examples/: each one builds on A4 and Letter, says what it should on
paper, its QR code opens its action, and it keeps the shape of Urgent Action it shows."""

from __future__ import annotations

import datetime as dt
import functools
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import ROOT, run_cli
from pdfutil import normalise

import appealkit
from appealkit.model import Kit
from appealkit.uri import to_uri

# Before every open example's deadline and after the closed one's: builds warn only of that.
TODAY = dt.date(2026, 11, 20)
KITS = sorted(ROOT.glob("examples/*/kit.yaml"))
PAPERS = ("a4", "letter")

# The shape each example shows (issue 10): a predicate its kit must keep.
SHAPES: dict[str, Callable[[Kit], bool]] = {
    "one-person": lambda kit: (
        "(she/her)" in (kit.people or "") and "es" in kit.languages
        and any(t.role == "copy" and "Embassy" in t.address[0] for t in kit.targets)),
    "group": lambda kit: (kit.people or "").count("(") >= 10,
    "email-only": lambda kit: all(t.email and not t.address for t in kit.targets),
    "two-targets": lambda kit: (len(kit.letter_targets) >= 2
                                and any(t.embassy and not t.address for t in kit.copies)),
    "closed": lambda kit: kit.action.status == "closed" and kit.action.deadline < TODAY,
    "arabic": lambda kit: kit.language == "ar" and "ar" in kit.languages and bool(kit.words),
}
# Warnings a build of the example is expected to give, by key path; any other is a failure.
EXPECTED_WARNINGS = {"closed": ["action.deadline"]}


def _name(path: Path) -> str:
    return path.parent.name


@functools.cache
def _rendered(path: Path, paper: str) -> appealkit.Rendered:
    return appealkit.render_kit(path, paper=paper, today=TODAY)


@functools.cache
def _kit(path: Path) -> Kit:
    return appealkit.read_kit(path, today=TODAY)[0]


def _text(pdf_bytes: bytes) -> str:
    """All the pages' text, as one line (whitespace collapsed, direction marks dropped)."""
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        return normalise(" ".join(page.get_textpage().get_text_range() for page in pdf))
    finally:
        pdf.close()


def _first_words(markup: str, count: int = 6) -> str:
    return " ".join(markup.replace("**", "").split()[:count])


@pytest.fixture(params=[(kit, paper) for kit in KITS for paper in PAPERS],
                ids=[f"{_name(kit)}-{paper}" for kit in KITS for paper in PAPERS])
def example(request: pytest.FixtureRequest) -> tuple[Kit, appealkit.Rendered]:
    path, paper = request.param
    return _kit(path), _rendered(path, paper)


def test_there_is_an_example_of_every_shape() -> None:
    assert sorted(SHAPES) == sorted(_name(path) for path in KITS)


@pytest.mark.parametrize("path", KITS, ids=_name)
def test_each_example_keeps_its_shape(path: Path) -> None:
    assert SHAPES[_name(path)](_kit(path))


@pytest.mark.parametrize("path", KITS, ids=_name)
def test_each_example_checks_on_the_command_line(path: Path) -> None:
    status, stdout, stderr = run_cli("check", str(path), "--today", TODAY.isoformat())
    assert status == 0, stderr
    assert stdout.strip() == f"{path}: ok"


def test_each_example_builds_with_only_its_expected_warnings(example: tuple) -> None:
    kit, rendered = example
    name = kit.source.parent.name
    assert [w.path for w in rendered.warnings] == EXPECTED_WARNINGS.get(name, [])
    letters = [f"{letter.part}.pdf" for letter in kit.letter_list]
    assert {"pack.pdf", "fact-sheet.pdf", "background.pdf", *letters} <= set(rendered.files)


def test_the_fact_sheet_prints_the_headline_and_the_target(example: tuple) -> None:
    kit, rendered = example
    text = _text(rendered.files["fact-sheet.pdf"])
    assert normalise(kit.headline.upper()) in text
    assert kit.main_target.name in text


def test_each_letter_prints_its_target_subject_and_first_words(example: tuple) -> None:
    kit, rendered = example
    for letter in kit.letter_list:
        text = _text(rendered.files[f"{letter.part}.pdf"])
        assert kit.targets[letter.target].name in text, letter.part
        if letter.subject:
            assert normalise(letter.subject) in text, letter.part
        assert _first_words(letter.body) in text, letter.part


def test_the_pack_holds_every_part(example: tuple) -> None:
    kit, rendered = example
    pack = _text(rendered.files["pack.pdf"])
    for letter in kit.letter_list:
        assert _first_words(letter.body) in pack, letter.part


def test_the_qr_code_opens_the_action(example: tuple) -> None:
    kit, rendered = example
    pdf = pdfium.PdfDocument(rendered.files["fact-sheet.pdf"])
    try:
        image = pdf[0].render(scale=150 / 72).to_pil()
    finally:
        pdf.close()
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in codes] == [to_uri(kit.action.url)]


@pytest.mark.parametrize("path", KITS, ids=_name)
def test_each_example_says_it_is_invented(path: Path) -> None:
    """Nobody should post an example's letters: each says so, and its addresses reach no one."""
    text = path.read_text(encoding="utf-8")
    assert "The case is invented" in text
    kit = _kit(path)
    for target in kit.targets:
        assert all(email.endswith(".example") for email in target.email), target.email
    assert re.match(r"https://www\.example\.org/", kit.action.url)


def test_the_sdist_ships_the_examples(tmp_path: Path) -> None:
    """flit_core's sdist (what `pip download` gets) holds every example kit."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, flit_core.buildapi as api; "
         "print(api.build_sdist(sys.argv[1]))", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    with tarfile.open(tmp_path / done.stdout.split()[-1]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for path in KITS:
        assert path.relative_to(ROOT).as_posix() in names
