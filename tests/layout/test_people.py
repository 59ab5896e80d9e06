"""Issue 10 §3: people with pronouns and photos, printed as a reader understands them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import TODAY, line_col, run_cli, variant
from pdfutil import char_boxes, normalise, page_texts, render
from people_kits import BLUE, PHOTO_SIZE, RED, SKIN, one_person_kit, write_photo

from appealkit import read_kit
from appealkit.layout import PAPERS
from appealkit.layout.boxes import ImageBox
from appealkit.layout.factsheet import layout_fact_sheet
from appealkit.layout.handouts import layout_handouts
from appealkit.model import Person
from appealkit.people import printed_people

DAY = dt.date.fromisoformat(TODAY)


def _build(kit: Path, out: Path, *extra: str) -> tuple[dict[str, Path], str]:
    status, stdout, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY, *extra)
    assert status == 0, stderr
    return {Path(line).name: Path(line) for line in stdout.split()}, stderr


def _images(path: Path, page: int = 0) -> list[tuple[tuple[float, ...], tuple[int, int]]]:
    """(left, bottom, right, top) as drawn, and the size in pixels, of each image on a page."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        found = []
        for obj in pdf[page].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            found.append((tuple(obj.get_bounds()), tuple(obj.get_px_size())))
        return found
    finally:
        pdf.close()


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_one_person_with_a_photo_cropped_not_stretched(tmp_path: Path, paper: str) -> None:
    files, stderr = _build(one_person_kit(tmp_path / "kit"), tmp_path / "out", "--paper", paper)
    sheet = files["fact-sheet.pdf"]
    text = normalise(page_texts(sheet)[0])
    assert "Pavel Sidorov (he/him)" in text
    assert "© Private" in text
    ((left, bottom, right, top), pixels), = _images(sheet)
    assert pixels == PHOTO_SIZE
    # Drawn at the photo's own proportions: 900 × 400 pixels, 2.25 times as wide as tall
    assert (right - left) / (top - bottom) == pytest.approx(PHOTO_SIZE[0] / PHOTO_SIZE[1], rel=1e-3)
    # ...and clipped to a frame narrower than that: the red and blue edges are cut off,
    # the middle of the photo is in view
    image = render(sheet, dpi=72).convert("RGB")
    seen = {image.getpixel((x, y)) for x in range(image.width) for y in range(image.height // 3)}
    assert not any(_close(colour, RED) for colour in seen)
    assert not any(_close(colour, BLUE) for colour in seen)
    assert any(_close(colour, SKIN) for colour in seen)
    assert "warning" not in stderr


def test_the_photo_box_keeps_its_frame_focus_and_alt_text(tmp_path: Path) -> None:
    kit, _ = read_kit(one_person_kit(tmp_path / "kit", focus="left"), today=DAY)
    page = layout_fact_sheet(kit, PAPERS["a4"], DAY).pages[0]
    (photo,) = [item for item in page.items if isinstance(item, ImageBox)]
    assert photo.alt == "Pavel Sidorov smiling, in a grey jacket"  # for the tagged PDF
    assert photo.clip is not None
    x, y, width, height = photo.clip
    assert photo.x == pytest.approx(x)  # focus: left keeps the photo's left edge in the frame
    assert photo.height == pytest.approx(height)  # a wide photo fills the frame's height
    assert photo.width / photo.height == pytest.approx(PHOTO_SIZE[0] / PHOTO_SIZE[1])
    assert photo.width > width


def test_handouts_show_the_photo_on_each_card_and_embed_it_once(tmp_path: Path) -> None:
    files, _ = _build(one_person_kit(tmp_path / "kit"), tmp_path / "out", "--parts", "handouts")
    handouts = files["handouts.pdf"]
    shown = _images(handouts)
    assert len(shown) == 4  # four cards
    for (left, bottom, right, top), _ in shown:
        assert (right - left) / (top - bottom) == pytest.approx(PHOTO_SIZE[0] / PHOTO_SIZE[1], rel=1e-3)
    assert len(re.findall(rb"/Subtype\s*/Image", handouts.read_bytes())) == 1
    assert normalise(page_texts(handouts)[0]).count("Pavel Sidorov (he/him)") == 4


def test_handout_card_box_holds_the_alt_text(tmp_path: Path) -> None:
    kit, _ = read_kit(one_person_kit(tmp_path / "kit"), today=DAY)
    front = layout_handouts(kit, PAPERS["letter"], DAY).pages[0]
    alts = [item.alt for item in front.items if isinstance(item, ImageBox)]
    # the first card's; the other three cards are its copies, artifacts in tagged PDF
    assert alts == ["Pavel Sidorov smiling, in a grey jacket", None, None, None]


def test_a_group_pronoun_is_not_printed(pack: dict) -> None:  # type: ignore[type-arg]
    files = pack["files"]
    for name in ("fact-sheet.pdf", "handouts.pdf"):
        text = normalise(page_texts(files[name])[0])
        assert "At least 1.4 million Afghan refugees" in text
        assert "(All)" not in text


def test_people_printed_as_a_reader_reads_them() -> None:
    assert printed_people("At least 1.4 million Afghan refugees (All)") == (
        "At least 1.4 million Afghan refugees")
    assert printed_people("Families of the disappeared ( all ) in Oaxaca") == (
        "Families of the disappeared in Oaxaca")
    people = (Person("Ana López", "she/her"), Person("Luis Pérez", "he/him"),
              Person("Members of the union", "All"))
    assert printed_people(people) == (
        "Ana López (she/her), Luis Pérez (he/him) and Members of the union")
    assert printed_people(people[:1], "et") == "Ana López (she/her)"
    assert printed_people((Person("Sam", "they/them"), Person("Kim")), "y") == (
        "Sam (they/them) y Kim")
    assert printed_people(None) == ""
    assert printed_people((Person("Members of the union (All)"),)) == "Members of the union"


def test_people_as_text_or_list_and_located_errors(tmp_path: Path) -> None:
    kit, _ = read_kit(variant(tmp_path, ("people: At least 1.4 million Afghan refugees (All)",
                                         "people:\n  - name: Sara Karimi\n    pronoun: she/her")),
                      today=DAY)
    assert kit.people == (Person("Sara Karimi", "she/her"),)
    path = variant(tmp_path, ("people: At least 1.4 million Afghan refugees (All)",
                              "people:\n  - name: Sara Karimi\n    pronown: she/her"))
    status, _, stderr = run_cli("check", str(path), "--today", TODAY)
    line, col = line_col(path, "pronown")
    assert status == 2
    assert f"kit.yaml:{line}:{col}: people.0: unknown key 'pronown'; did you mean 'pronoun'?" in stderr
    mapping = variant(tmp_path, ("people: At least 1.4 million Afghan refugees (All)",
                                 "people:\n  name: Sara Karimi\n  pronoun: she/her"))
    status, _, stderr = run_cli("check", str(mapping), "--today", TODAY)
    line, col = line_col(mapping, "name: Sara")
    assert status == 2
    assert (f"kit.yaml:{line}:{col}: people: expected a text or a list (lines starting with "
            "'- '), found keys (a mapping); start each entry with '- '") in stderr
    empty = variant(tmp_path, ("people: At least 1.4 million Afghan refugees (All)", "people: []"))
    status, _, stderr = run_cli("check", str(empty), "--today", TODAY)
    line, col = line_col(empty, "[]")
    assert status == 2
    assert f"kit.yaml:{line}:{col}: people: the list is empty" in stderr


def test_photo_problems_are_located(tmp_path: Path) -> None:
    path = one_person_kit(tmp_path / "kit", photo=False)
    status, _, stderr = run_cli("check", str(path), "--today", TODAY)
    line, col = line_col(path, "assets/pavel.jpg")
    assert status == 2
    assert (f"kit.yaml:{line}:{col}: people.0.photo.file: 'assets/pavel.jpg' does not exist; "
            "check the name, or put the file under assets/") in stderr
    outside = one_person_kit(tmp_path / "kit2")
    outside.write_text(outside.read_text().replace("assets/pavel.jpg", "../pavel.jpg"))
    status, _, stderr = run_cli("check", str(outside), "--today", TODAY)
    assert "people.0.photo.file: '../pavel.jpg' is outside the kit's folder; copy the photo into" in stderr
    no_credit = one_person_kit(tmp_path / "kit3")
    no_credit.write_text(no_credit.read_text().replace("      credit: © Private\n", ""))
    status, _, stderr = run_cli("check", str(no_credit), "--today", TODAY)
    assert status == 0
    assert "warning: people.0.photo: no credit line" in stderr
    focus = one_person_kit(tmp_path / "kit4", focus="middle")
    status, _, stderr = run_cli("check", str(focus), "--today", TODAY)
    assert "people.0.photo.focus: 'middle' is not one of: center, top, bottom, left, right" in stderr


def test_a_turned_photo_is_printed_upright(tmp_path: Path) -> None:
    from PIL import Image

    path = one_person_kit(tmp_path / "kit")
    photo = tmp_path / "kit" / "assets" / "pavel.jpg"
    with Image.open(photo) as image:
        exif = image.getexif()
        exif[0x0112] = 6  # stored turned: to be rotated 90° clockwise when shown
        image.save(photo, exif=exif)
    kit, _ = read_kit(path, today=DAY)
    assert isinstance(kit.people, tuple) and kit.people[0].photo is not None
    data = kit.people[0].photo.data
    assert data is not None
    import io

    with Image.open(io.BytesIO(data)) as upright:
        assert upright.size == (PHOTO_SIZE[1], PHOTO_SIZE[0])


def test_solidarity_cards_are_addressed_to_the_people(tmp_path: Path) -> None:
    files, _ = _build(one_person_kit(tmp_path / "kit"), tmp_path / "out", "--parts", "solidarity")
    text = normalise(page_texts(files["solidarity.pdf"])[0])
    assert text.count("To Pavel Sidorov") == 4
    kit = one_person_kit(tmp_path / "kit2")
    kit.write_text(kit.read_text().replace(
        "  message: We think of you.",
        "  to: Pavel and his family\n  send: Give your card to the group.\n  message: We think of you."))
    files, _ = _build(kit, tmp_path / "out2", "--parts", "solidarity")
    text = normalise(page_texts(files["solidarity.pdf"])[0])
    assert text.count("To Pavel and his family") == 4
    assert text.count("How to send it: Give your card to the group.") == 4


def test_a_pale_photo_keeps_its_edge_in_a_greyscale_copy(tmp_path: Path) -> None:
    from PIL import Image

    kit_path = one_person_kit(tmp_path / "kit")
    pale = Image.new("RGB", (500, 600), (250, 250, 245))  # a photo nearly as white as paper
    pale.save(write_photo(tmp_path / "kit"), quality=92)
    kit, _ = read_kit(kit_path, today=DAY)
    page = layout_fact_sheet(kit, PAPERS["a4"], DAY).pages[0]
    (photo,) = [item for item in page.items if isinstance(item, ImageBox)]
    assert photo.clip is not None
    x, y, width, height = photo.clip
    files, _ = _build(kit_path, tmp_path / "out", "--parts", "pack")
    grey = render(files["fact-sheet.pdf"], dpi=144).convert("L")  # a black-and-white copy
    scale = 2  # 144 dpi: two pixels a point
    edge = [grey.getpixel((round(x * scale), round((y + height * f) * scale)))
            for f in (0.2, 0.5, 0.8)]
    inside = [grey.getpixel((round((x + width / 2) * scale), round((y + height * f) * scale)))
              for f in (0.2, 0.5, 0.8)]
    assert max(edge) < 128 < min(inside)  # the frame's line is dark where the photo is pale


def test_each_persons_photo_is_named_under_it(tmp_path: Path) -> None:
    from PIL import Image

    kit = one_person_kit(tmp_path / "kit")
    Image.new("RGB", (400, 600), (90, 140, 90)).save(tmp_path / "kit" / "assets" / "olga.png")
    kit.write_text(kit.read_text().replace("      focus: center\n", (
        "      focus: center\n  - name: Olga Sidorova\n    pronoun: she/her\n    photo: "
        "{file: assets/olga.png, credit: © Amnesty International, alt: Olga Sidorova}\n")))
    files, _ = _build(kit, tmp_path / "out", "--parts", "pack")
    sheet = files["fact-sheet.pdf"]
    shown = sorted(_images(sheet))
    assert [pixels for _, pixels in shown] == [PHOTO_SIZE, (400, 600)]  # left to right
    (pavel, _), (olga, _) = shown
    assert pavel[2] < olga[0] or pavel[0] < olga[0]  # side by side (Pavel's is wider than its frame)
    text = normalise(page_texts(sheet)[0])
    assert "Pavel Sidorov (he/him) and Olga Sidorova (she/her)" in text
    name = char_boxes(sheet, "Olga Sidorova\r\n© Amnesty")  # her name, then her photo's credit
    assert name[0][3] < pavel[1]  # under the frames (Pavel's wide photo is as tall as its frame)
    assert olga[0] - 1 < name[0][0] < olga[2]


def test_a_pack_with_a_photo_is_the_same_bytes_each_build(tmp_path: Path) -> None:
    kit = one_person_kit(tmp_path / "kit")
    first, _ = _build(kit, tmp_path / "one", "--parts", "pack,handouts")
    second, _ = _build(kit, tmp_path / "two", "--parts", "pack,handouts")
    for name in ("pack.pdf", "fact-sheet.pdf", "handouts.pdf"):
        assert first[name].read_bytes() == second[name].read_bytes(), name


def test_a_cropped_photo_on_a_right_to_left_sheet_keeps_its_crop() -> None:
    from appealkit.layout.mirror import mirror_item

    # A wide photo kept at its left edge (focus: left) in a frame at x 100..180
    photo = ImageBox(100, 50, 225, 100, b"", clip=(100, 50, 80, 100), alt="x")
    mirrored = mirror_item(photo, 600)
    assert isinstance(mirrored, ImageBox) and mirrored.clip == (420, 50, 80, 100)
    assert mirrored.x == 420  # still its left edge at the frame's left: the same part in view
    assert (mirrored.width, mirrored.height, mirrored.alt) == (225, 100, "x")
