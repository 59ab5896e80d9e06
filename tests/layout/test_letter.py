"""Model letters: dates, pagination with a continuation line, never clipped or shrunk."""

from __future__ import annotations

import datetime as dt

from conftest import EXAMPLE, TODAY, run_cli
from pdfutil import normalise, page_count, page_texts


def pack_kit() -> dict:
    import yaml

    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _build(kit, tmp_path, *extra: str) -> dict:
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY, *extra)
    assert status == 0, stderr
    return {p.name: p for p in out.glob("*.pdf")}


def test_letter_dated_blank_has_a_line_to_fill_in(make_kit, tmp_path) -> None:
    kit = make_kit(lambda d: d["letter"].update(date="blank"))
    files = _build(kit, tmp_path)
    text = normalise(page_texts(files["letter-en.pdf"])[0])
    assert "Date: ____" in text
    assert "1 July 2025" not in text


def test_letter_with_a_fixed_date(make_kit, tmp_path) -> None:
    kit = make_kit(lambda d: d["letter"].update(date=dt.date(2025, 8, 3)))
    files = _build(kit, tmp_path)
    assert "3 August 2025" in page_texts(files["letter-en.pdf"])[0]
    assert "۳ اگست ۲۰۲۵" in normalise(page_texts(files["letter-ur.pdf"])[0])


def test_letter_dated_today_uses_the_build_date(pack: dict) -> None:
    assert "1 July 2025" in page_texts(pack["files"]["letter-en.pdf"])[0]


def test_long_letter_continues_on_a_second_page(make_kit, tmp_path) -> None:
    body = "\n\n".join(f"Paragraph {n}: " + "I urge you to renew the cards. " * 25
                       for n in range(1, 9))
    kit = make_kit(lambda d: d["letters"]["en"].update(body=body))
    files = _build(kit, tmp_path)
    pages = page_texts(files["letter-en.pdf"])
    assert len(pages) >= 2
    total = len(pages)
    assert normalise(pages[1]).startswith(f"Syed Mohsin Raza Naqvi · page 2 of {total}")
    whole = normalise(" ".join(page.split("\n", 1)[1] for page in pages))  # without those lines
    for n in range(1, 9):  # nothing clipped: every paragraph is somewhere in the letter
        assert f"Paragraph {n}:" in whole
    assert whole.count("I urge you to renew the cards.") == 8 * 25
    assert "Yours sincerely," in normalise(pages[-1])


def test_return_line_prints_above_the_address(make_kit, tmp_path) -> None:
    kit = make_kit(lambda d: d["letter"].update(return_line="Group 12 · 1 Example Street · Leeds"))
    files = _build(kit, tmp_path)
    assert "Group 12 · 1 Example Street · Leeds" in page_texts(files["letter-en.pdf"])[0]
    assert page_count(files["letter-en.pdf"]) == 1


def test_urdu_letter_continues_on_a_second_page_that_carries_real_content(pack: dict) -> None:
    """At 14 pt the example's Urdu letter takes two pages on either paper: the second opens
    with the continuation line and holds whole paragraphs, the closing and the signature lines,
    never a tail of two lines (issue 14)."""
    pages = [normalise(page) for page in page_texts(pack["files"]["letter-ur.pdf"])]
    assert len(pages) == 2
    assert "جناب سید محسن رضا نقوی صاحب · صفحہ ۲ از ۲" in pages[1]
    assert "والسلام،" in pages[1] and "والسلام،" not in pages[0]
    body = pack_kit()["letters"]["ur"]["body"].replace("**", "").split("\n\n")
    openings = [normalise(paragraph)[:20] for paragraph in body]
    assert openings[-1] in pages[1] and openings[-2] in pages[1]  # two whole paragraphs
    assert openings[0] in pages[0] and openings[1] in pages[0]


def test_copy_targets_are_listed_on_the_letters_and_the_fact_sheet(make_kit, tmp_path) -> None:
    def edit(data: dict) -> None:
        data["targets"].append({
            "role": "copy", "name": "Mohammad Faisal", "title": "High Commissioner for Pakistan",
            "address": ["34-36 Lowndes Square", "London SW1X 9JN"], "country": "United Kingdom",
            "salutation": {"en": "Dear High Commissioner,", "ur": "محترم ہائی کمشنر صاحب،"},
        })

    files = _build(make_kit(edit), tmp_path)
    letter = normalise(" ".join(page_texts(files["letter-en.pdf"])))
    assert "Copy to: High Commissioner for Pakistan, Mohammad Faisal" in letter
    assert "نقل برائے" in normalise(" ".join(page_texts(files["letter-ur.pdf"])))
    sheet = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert "Send a copy to High Commissioner for Pakistan, Mohammad Faisal" in sheet


def test_every_letter_line_stays_inside_the_text_margins(pack: dict) -> None:
    """No text of the letters runs past the right margin (20 mm) or the left edge of the window.

    Character boxes are ink boxes: a Nastaliq kaf or a Latin f may reach a few points past
    its advance, as type does in any margin, so the check allows 6 pt of overhang (the stroke
    of a gaf starting a 14 pt Urdu line reaches 5.2 pt past the margin)."""
    import pypdfium2 as pdfium

    from appealkit.layout.boxes import MM

    for name in ("letter-en.pdf", "letter-ur.pdf"):
        pdf = pdfium.PdfDocument(str(pack["files"][name]))
        try:
            for page in pdf:
                width, textpage = page.get_width(), page.get_textpage()
                boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
                assert max(right for _, _, right, _ in boxes) <= width - 20 * MM + 6, name
                assert min(left for left, _, _, _ in boxes) >= 20 * MM - 6, name
        finally:
            pdf.close()


def _body_size(kit_path, language: str, paper: str = "a4") -> tuple[float, int]:
    """(size of the letter's body text, pages) as laid out."""
    from appealkit import read_kit
    from appealkit.layout import PAPERS
    from appealkit.layout.boxes import TextBox
    from appealkit.layout.letter import layout_letter

    today = dt.date.fromisoformat(TODAY)
    kit, _ = read_kit(kit_path, today=today)
    part = layout_letter(kit, language, PAPERS[paper], today)
    opening = " ".join(kit.letters[language].body.split()[:3])  # the body's first words
    sizes = [run.size for page in part.pages for item in page.items if isinstance(item, TextBox)
             for line in item.paragraph.lines[:1] for run in line.runs
             if opening in "".join(r.text for r in line.runs)]
    return sizes[0], len(part.pages)


def test_letter_sizes_the_largest_that_fits_one_page(make_kit, tmp_path, monkeypatch) -> None:
    from appealkit.layout import letter

    tried: list[float] = []
    lay_out = letter._layout_pages
    monkeypatch.setattr(letter, "_layout_pages", lambda doc: tried.append(doc.size) or lay_out(doc))
    example = make_kit()
    assert _body_size(example, "en") == (10.5, 1)
    assert tried == [10.5]
    # Nastaliq: the example runs on at 13 pt, so it is set at 14 pt on two pages ...
    tried.clear()
    assert _body_size(example, "ur") == (14.0, 2)
    assert tried == [13.0, 14.0]

    def short(d: dict) -> None:  # ... and a short letter at 14 pt on one
        d["letters"]["ur"]["body"] = d["letters"]["ur"]["body"].split("\n\n")[0]

    assert _body_size(make_kit(short, name="short.yaml"), "ur") == (14.0, 1)

    def long(d: dict) -> None:  # and one twice as long runs on at the larger size
        d["letters"]["ur"]["body"] = "\n\n".join([d["letters"]["ur"]["body"]] * 2)

    size, pages = _body_size(make_kit(long, name="long.yaml"), "ur")
    assert (size, pages) == (14.0, 4)
