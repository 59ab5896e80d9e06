"""Every PDF a build writes, on A4 and Letter, for the repository's kit, every example kit and
kits of our own with long addresses, long names and copy targets: no text over text, nothing
outside the printable margins (see invariants.py for what counts, and why), and the letters'
whole window block (return line, name to country) inside the envelope window."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE, ROOT
from invariants import PRINTABLE_MARGIN, check_pdf, outside_area, outside_margins, text_over_text

from appealkit import api, draw
from appealkit.layout.boxes import MM, Page, Part, TextBox
from appealkit.layout.flow import set_text
from appealkit.layout.paper import PAPERS
from appealkit.layout.recipient import window_lines
from appealkit.layout.styles import style

TODAY = dt.date(2025, 7, 1)

Edit = Callable[[dict[str, Any]], None]


def _long_lines(data: dict[str, Any]) -> None:
    """Two address lines wider than the envelope window: they break after a comma."""
    data["targets"][0]["address"] = [
        "4th Floor, R Block, Pakistan Secretariat Building, Room 412",
        "Constitution Avenue, Sector G-5/1, Islamabad Capital Territory",
        "Islamabad 44000"]


def _event(data: dict[str, Any]) -> None:
    data["event"].update({
        "sender_country": "United Kingdom",
        "return_address": ["Amnesty International Group Sheffield Central",
                           "c/o St Mary's Community Centre, 12 High Street", "Sheffield S1 2AB"],
        "report": "https://www.example.org/report-your-letters", "report_by": "2025-09-30"})
    data["solidarity"] = {
        "message": "We stand with you and with every family waiting for news. You are not alone.",
        "dos": ["Write in simple words", "Sign with your first name only"],
        "donts": ["Do not mention politics or religion", "Do not send photos of yourself"]}


def _copies_and_return_line(data: dict[str, Any]) -> None:
    """A return line above the window, a copy target with a long address (on its envelope and
    label), and the event's materials, the solidarity cards included. (The take-action band of
    the fact sheet on Letter has room for a copy target only beside fewer contacts: no fax, no X.)"""
    for contact in ("fax", "x"):
        del data["targets"][0][contact]
    data["letter"]["return_line"] = "Amnesty Group 123 · 1 Example Street · Sheffield S1 2AB"
    salutation = {"en": "Dear High Commissioner,", "ur": "محترم ہائی کمشنر صاحب،"}
    data["targets"] += [
        {"role": "copy", "name": "Mohammad Faisal", "title": "High Commissioner for Pakistan",
         "address": ["High Commission for Pakistan, Consular and Community Affairs Section",
                     "34-36 Lowndes Square", "Knightsbridge", "London SW1X 9JN"],
         "country": "United Kingdom", "salutation": salutation},
    ]
    _event(data)


def _long_name(data: dict[str, Any]) -> None:
    """A name wider than the window, and a return line that takes two lines above it."""
    target = data["targets"][0]
    target["name"] = "Syed Mohsin Raza Naqvi Bokhari, Sitara-e-Imtiaz, Hilal-e-Imtiaz"
    target["title"] = "Federal Minister for Interior"
    data["letter"]["return_line"] = ("Amnesty International Group 123 (Sheffield Central) · "
                                     "c/o St Mary's Community Centre · 1 Example Street · "
                                     "Sheffield S1 2AB · United Kingdom")


OWN_KITS: dict[str, Edit] = {
    "long-lines": _long_lines,
    "copies-return-line": _copies_and_return_line,
    "long-name": _long_name,
}


def _kits() -> list[Any]:
    examples = sorted((ROOT / "examples").glob("*/kit.yaml"))
    return [pytest.param(EXAMPLE, id="kit.yaml"),
            *(pytest.param(path, id=str(path.relative_to(ROOT))) for path in examples),
            *(pytest.param(name, id=name) for name in OWN_KITS)]


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _kit_path(kit: Path | str, example_data: dict[str, Any], tmp: Path) -> Path:
    if isinstance(kit, Path):
        return kit
    data = copy.deepcopy(example_data)
    OWN_KITS[kit](data)
    path = tmp / "kit.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("kit", _kits())
def test_no_text_over_text_and_all_inside_the_margins(kit: Path | str, paper: str,
                                                      example_data: dict[str, Any],
                                                      tmp_path: Path) -> None:
    path = _kit_path(kit, example_data, tmp_path)
    rendered = api.render_kit(path, paper=paper, today=TODAY)
    assert "pack.pdf" in rendered.files and "tally.pdf" in rendered.files
    found = [f"{name}: {problem}" for name, pdf in sorted(rendered.files.items())
             for problem in check_pdf(bytes(pdf))]
    assert found == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("kit", _kits())
def test_the_whole_address_lies_inside_the_envelope_window(kit: Path | str, paper: str,
                                                           example_data: dict[str, Any],
                                                           tmp_path: Path) -> None:
    path = _kit_path(kit, example_data, tmp_path)
    data, _ = api.read_kit(path, today=TODAY)
    window = PAPERS[paper].window
    field = (window.x, window.y, window.x + window.width, window.y + window.height)
    rendered = api.render_kit(path, paper=paper, today=TODAY, parts=["pack"])
    for letter in data.letter_list:  # every letter to a postal address: each has its window
        lines = window_lines(data.targets[letter.target], letter.language)
        if lines is None:
            continue  # an email letter: no window
        pdf = bytes(rendered.files[f"{letter.part}.pdf"])
        # From the return line (or name) on: their first words, as they may wrap
        first = " ".join((data.letter.return_line or lines[0]).split()[:2])
        assert outside_area(pdf, first, lines[-1], field) == [], letter.part


# -- the checks themselves can fail ---------------------------------------------------------


def _pdf(*boxes: TextBox, width: float = 595.0, height: float = 842.0) -> bytes:
    page = Page(width, height, boxes)
    info = draw.DocumentInfo(title="t", subject="", author="", keywords=(), language="en")
    return draw.render_pdf([Part("test", "test", "en", (page,))], info)


def _box(text: str, x: float, y: float, language: str = "en", size: float = 10) -> TextBox:
    return TextBox(x, y, set_text(text, style(size, language=language), 300))


def test_two_latin_lines_a_line_apart_pass_and_half_a_line_apart_fail() -> None:
    apart = _pdf(_box("Minister of Interior", 100, 100), _box("Renew PoR cards", 100, 113))
    assert text_over_text(apart) == []
    over = _pdf(_box("Minister of Interior", 100, 100), _box("Renew PoR cards", 100, 106))
    assert text_over_text(over)


def test_two_latin_boxes_side_by_side_on_one_baseline_fail_when_they_collide() -> None:
    assert text_over_text(_pdf(_box("Signature", 100, 100), _box("Name", 160, 100))) == []
    assert text_over_text(_pdf(_box("Signature", 100, 100), _box("Name", 130, 100)))


def test_urdu_lines_set_by_the_engine_pass_and_an_urdu_line_over_another_fails() -> None:
    text = "پاکستان میں مقیم کم از کم ۱۴ لاکھ افغان باشندوں کے پروف آف رجسٹریشن کارڈز کی میعاد"
    paragraph = _box(text, 100, 100, "ur", 11)  # several lines, set as one paragraph
    assert len(paragraph.paragraph.lines) > 1
    assert text_over_text(_pdf(paragraph)) == []
    assert text_over_text(_pdf(_box(text, 100, 100, "ur", 11), _box(text, 100, 108, "ur", 11)))


def test_characters_within_5_mm_of_the_edge_are_outside_the_margins() -> None:
    assert PRINTABLE_MARGIN == pytest.approx(5 * MM)
    assert outside_margins(_pdf(_box("Inside", 6 * MM, 6 * MM))) == []
    found = outside_margins(_pdf(_box("Edge", 3 * MM, 100)))
    assert found and found[0].startswith("page 1: 'E' at (")
