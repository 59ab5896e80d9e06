"""Issue 10 §6: `- ` and `1. ` lines print as lists, with the marker hung beside the text."""

from __future__ import annotations

import pypdfium2 as pdfium
from conftest import TODAY, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.markup import parse_blocks

DEMANDS_EN = ("I urge you to:\n\n1. renew the validity of Proof of Registration cards for at least "
              "one year, and tell their holders in good time;\n2. formally withdraw the plan;\n"
              "3. stop the crackdown on Afghans in Pakistan.")
DEMANDS_UR = ("میری آپ سے اپیل ہے کہ:\n۱. پی او آر کارڈز کی میعاد کی فوری تجدید کریں؛\n"
              "۲. افغان باشندوں کے خلاف کریک ڈاؤن فوری طور پر بند کروائیں۔")


def test_markup_lists_are_items_and_lines_that_only_look_like_one_are_text() -> None:
    blocks = parse_blocks("We ask:\n- release **Ali**\n  now;\n- drop the charges.\n\n"
                          "1. First\n7. Second\n\n3. Third\n\nOn the\n30. Juni 2025 stays text.")
    assert [(b.number, b.bullet, "".join(s.text for s in b.spans)) for b in blocks] == [
        (None, False, "We ask:"), (None, True, "release Ali now;"),
        (None, True, "drop the charges."), (1, False, "First"), (2, False, "Second"),
        (3, False, "Third"), (None, False, "On the 30. Juni 2025 stays text.")]
    assert [b.number for b in parse_blocks("۱. اول\n۲. دوم")] == [1, 2]  # Urdu digits count


def _boxes(path, needle: str, parts: list[tuple[int, int]]) -> list[tuple[float, ...]]:
    """Boxes (left, bottom, right, top) of slices of `needle`, found in the PDF's text with
    the direction marks extractors add left out."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            kept = [i for i, c in enumerate(text) if c not in "\u200e\u200f"]
            start = "".join(text[i] for i in kept).find(needle)
            if start >= 0:
                return [_union([textpage.get_charbox(kept[start + i]) for i in range(a, b)])
                        for a, b in parts]
        raise AssertionError(f"{needle!r} not in {path.name}")
    finally:
        pdf.close()


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, ...]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def _build(make_kit, tmp_path):
    def edit(data: dict) -> None:
        en = data["letters"]["en"]["body"].split("\n\n")
        data["letters"]["en"]["body"] = "\n\n".join([*en[:2], DEMANDS_EN, *en[2:]])
        ur = data["letters"]["ur"]["body"].split("\n\n")
        data["letters"]["ur"]["body"] = "\n\n".join([*ur[:1], DEMANDS_UR, *ur[1:]])

    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(edit)), "--out", str(out), "--today", TODAY,
                                "--parts", "pack")
    assert status == 0, stderr
    return out


def test_issue_10_a_numbered_list_in_a_letter_hangs_its_numbers(make_kit, tmp_path) -> None:
    letter = _build(make_kit, tmp_path) / "letter-en.pdf"
    urge, one, renew = _boxes(letter, "I urge you to:\r\n1. renew", [(0, 1), (16, 18), (19, 24)])
    tell, two, withdraw = _boxes(letter, "good time;\r\n2. formally", [(0, 4), (12, 14), (15, 20)])
    assert one[2] < renew[0] and abs(one[1] - renew[1]) < 2  # the number beside the first line
    assert abs(renew[0] - tell[0]) < 0.5  # the item's second line hangs under its text
    assert abs(one[0] - urge[0]) < 1  # numbers start at the paragraphs' left edge
    assert abs(renew[0] - withdraw[0]) < 0.5 and abs(one[0] - two[0]) < 0.5


def test_issue_10_an_urdu_list_has_urdu_numbers_on_the_right(make_kit, tmp_path) -> None:
    letter = _build(make_kit, tmp_path) / "letter-ur.pdf"
    lead = "میری آپ سے اپیل ہے کہ:\r\n"
    ask, one, first = _boxes(letter, lead + "۱۔ پی او", [(0, 4), (len(lead), len(lead) + 2),
                                                        (len(lead) + 3, len(lead) + 5)])
    two, second = _boxes(letter, "؛\r\n۲۔ افغان", [(3, 5), (6, 11)])
    assert one[0] > first[2]  # the number right of the item's text (it reads from the right)
    assert abs(one[2] - ask[2]) < 3  # at the paragraphs' right edge (ink: within 3 pt)
    assert abs(one[0] - two[0]) < 0.5 and abs(first[2] - second[2]) < 5  # flush to the text (ink)


def test_the_download_page_prints_the_summarys_lists_as_html_lists() -> None:
    from appealkit.site.page import _summary

    assert _summary("We ask:\n- release **Ali**;\n- drop the charges.\n\n1. first\n2. second") == [
        '<p class="summary">We ask:</p>', '<ul class="summary">',
        "<li>release <strong>Ali</strong>;</li>", "<li>drop the charges.</li>", "</ul>",
        '<ol class="summary">', "<li>first</li>", "<li>second</li>", "</ol>"]


_LINES = st.lists(st.one_of(
    st.sampled_from(["- ", "1. ", "2. ", "۱۔ ", "30. ", "  - ", ""]).flatmap(
        lambda marker: st.text(alphabet="ab ۲*", min_size=1, max_size=8).map(
            lambda words: marker + words)),
    st.just("")), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_list_parsing_keeps_every_word_in_order(lines: list[str]) -> None:
    """Whatever the lines, the blocks hold the text's words in order; what they leave out are
    the markers of their items, one each (a `-` or number that is no marker stays text)."""
    blocks = parse_blocks("\n".join(lines))
    kept = " ".join("".join(s.text for s in b.spans) for b in blocks).replace("*", "").split()
    given_words = " ".join(lines).replace("*", "").split()
    left_out = []
    rest = iter(kept)
    expected = next(rest, None)
    for word in given_words:
        if word == expected:
            expected = next(rest, None)
        else:
            left_out.append(word)
    assert expected is None  # every kept word was found, in order
    assert all(w in ("-", "1.", "2.", "۱۔", "30.") for w in left_out)
    assert len(left_out) == sum(b.is_item for b in blocks)
