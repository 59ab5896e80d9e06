"""Issue 10 §6: paper cannot open a link, so the pack prints each link's address as well."""

from __future__ import annotations

from conftest import TODAY, run_cli
from pdfutil import normalise, page_texts

from appealkit.layout.links import readable

UNHCR = "https://www.unhcr.org/countries/pakistan"
IOM = "https://www.iom.int/afghanistan"


def _build(make_kit, tmp_path):
    def edit(data: dict) -> None:
        data["background"] += (f"\nSee [the UNHCR page]({UNHCR}), [**IOM** figures]({IOM}) and, "
                               f"again, [UNHCR]({UNHCR}); or {UNHCR} as plain text.\n")
        data["letters"]["en"]["body"] += f"\nAs [UNHCR reports]({UNHCR}), the cards expire.\n"
        data["summary"] += f" Read [the report]({IOM})."

    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(edit)), "--out", str(out), "--today", TODAY,
                                "--parts", "pack")
    assert status == 0, stderr
    return out


def test_issue_10_background_links_are_numbered_references(make_kit, tmp_path) -> None:
    out = _build(make_kit, tmp_path)
    text = normalise(" ".join(page_texts(out / "background.pdf")).replace("\u00a0", " "))
    assert "See the UNHCR page [1], IOM figures [2] and, again, UNHCR [1];" in text
    assert f"Links [1] {UNHCR} [2] {IOM}" in text
    pdf = (out / "background.pdf").read_bytes()
    assert pdf.count(f"/URI ({UNHCR})".encode()) >= 3  # the words and the reference still open it


def test_issue_10_letters_and_summary_print_the_address_after_the_words(make_kit, tmp_path) -> None:
    out = _build(make_kit, tmp_path)
    assert f"As UNHCR reports ({UNHCR}), the cards expire." in normalise(
        " ".join(page_texts(out / "letter-en.pdf")))
    assert f"Read the report ({IOM})." in normalise(page_texts(out / "fact-sheet.pdf")[0])
    assert f"/URI ({IOM})".encode() in (out / "fact-sheet.pdf").read_bytes()


def test_addresses_print_as_written() -> None:
    assert readable("https://xn--bcher-kva.example/stra%C3%9Fe") == "https://bücher.example/straße"
    assert readable("https://example.org/a%20b") == "https://example.org/a%20b"  # a space stays coded
    assert readable(UNHCR) == UNHCR
