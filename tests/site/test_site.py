"""`appealkit site`: the folder's files, the page's links and images, languages, escaping, bytes."""

from __future__ import annotations

import re
import sys
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pytest
from PIL import Image
from site_helpers import EXAMPLE, ROOT, TODAY, build_site, read_page, run_cli

from appealkit.layout.factsheet import contrast

PACK = ["pack", "fact-sheet", "background", "letter-en", "letter-ur"]  # sheets of paper size
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}  # points, rounded
PAPERS = ("a4", "letter")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example kit's site, built once for this module's tests."""
    return build_site(EXAMPLE, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """What `appealkit build` writes for the example, paper → {part: PDF}, in its order."""
    result: dict[str, dict[str, Path]] = {}
    for paper in PAPERS:
        out = tmp_path_factory.mktemp(f"build-{paper}")
        status, stdout, stderr = run_cli("build", str(EXAMPLE), "--out", str(out),
                                         "--paper", paper, "--today", TODAY)
        assert status == 0, stderr
        result[paper] = {Path(line).stem: Path(line) for line in stdout.split()}
    return result


def _page_count(pdf: Path) -> int:
    return len(pdfium.PdfDocument(pdf))


def test_every_link_and_image_resolves(site: Path) -> None:
    page = read_page(site)
    targets = [e.attrs["href"] for e in page.elements if "href" in e.attrs]
    targets += [e.attrs["src"] for e in page.all("img")]
    local = [t for t in targets if not urlsplit(t).scheme]
    assert "style.css" in local and "qr.svg" in local
    for target in local:
        assert "/" not in target and (site / target).is_file(), target
        assert (site / target).stat().st_size > 0, target
    remote = {t for t in targets if urlsplit(t).scheme}
    assert remote == {"https://www.amnesty.org/en/documents/asa33/7416/2023/en/"}


def test_every_part_in_both_paper_sizes(site: Path, built: dict) -> None:
    links = [e.attrs["href"] for e in read_page(site).all("a") if e.attrs["href"].endswith(".pdf")]
    parts = list(built["a4"])
    assert parts[:len(PACK)] == PACK
    assert links == [f"{part}-{paper}.pdf" for part in parts for paper in PAPERS]
    for part in PACK:
        for paper in PAPERS:
            document = pdfium.PdfDocument(site / f"{part}-{paper}.pdf")
            assert [tuple(round(s) for s in p.get_size()) for p in document] \
                == [PAGE_SIZES[paper]] * len(document), (part, paper)


def test_pdfs_are_the_ones_build_makes(site: Path, built: dict) -> None:
    for paper, files in built.items():
        for part, pdf in files.items():
            assert (site / f"{part}-{paper}.pdf").read_bytes() == pdf.read_bytes(), (part, paper)


def test_every_image_has_alt_text(site: Path, built: dict) -> None:
    images = read_page(site).all("img")
    pages = sum(_page_count(pdf) for part, pdf in built["a4"].items() if part != "pack")
    assert len(images) == pages + 1  # every page and the QR code
    assert all(image.attrs.get("alt", "").strip() for image in images)
    alts = [image.attrs["alt"] for image in images]
    assert alts[0] == "Fact sheet, page 1 of 1"
    assert alts[-1] == ("QR code that opens "
                        "https://www.amnesty.org/en/documents/asa33/7416/2023/en/")


def test_a_preview_of_each_page(site: Path, built: dict) -> None:
    images = [e.attrs for e in read_page(site).all("img") if e.attrs["src"].startswith("preview-")]
    for part, pdf in built["a4"].items():
        pages = _page_count(pdf) if part != "pack" else 0  # the pack's pages are the parts'
        shown = [i for i in images if i["src"].startswith(f"preview-{part}-")]
        assert [i["src"] for i in shown] == [f"preview-{part}-{n}.png" for n in range(1, pages + 1)]
        for attrs in shown:
            with Image.open(site / attrs["src"]) as png:
                assert png.format == "PNG"
                assert png.size == (int(attrs["width"]), int(attrs["height"]))
                assert png.width == 480
                assert png.convert("L").getextrema() != (255, 255)  # not a blank page
    sheet = next(i for i in images if i["src"] == "preview-fact-sheet-1.png")
    assert (sheet["width"], sheet["height"]) == ("480", "679")  # A4's proportions


def test_urdu_letter_is_labelled_in_urdu_and_english(site: Path) -> None:
    page = read_page(site)
    urdu = [e for e in page.elements if e.attrs.get("lang") == "ur"]
    assert [(e.tag, e.attrs.get("dir"), e.text) for e in urdu] == [("span", "rtl", "اردو")]
    headings = [h.text for h in page.all("h3")]
    assert "اردو (Urdu)" in headings and "English" in headings
    assert page.all("html")[0].attrs == {"lang": "en", "dir": "ltr"}


def test_headings_in_order_and_landmarks(site: Path) -> None:
    page = read_page(site)
    levels = [int(e.tag[1]) for e in page.elements if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in pairwise(levels))  # never skips a level
    assert [e.tag for e in page.elements if e.tag in ("header", "main", "footer")] \
        == ["header", "main", "footer"]
    h2 = [h.text for h in page.all("h2")]
    assert h2[:2] == ["Download and print", "Model letters"] and h2[-1] == "Act online"


def test_case_facts_on_the_page(site: Path) -> None:
    page = read_page(site)
    assert page.all("h1")[0].text == "1.4 million refugees need registration renewal"
    assert page.all("title")[0].text == \
        "URGENT ACTION: 1.4 million refugees need registration renewal"
    facts = [e.text for e in page.all("dd")]
    assert facts == ["15 September 2025", "open"]
    assert "non-refoulement" in page.all("p")[3].text


def test_kit_text_is_shown_never_run(make_kit, tmp_path: Path) -> None:
    script = "<script>alert(1)</script>"
    image = '<img src=x onerror="alert(2)">'

    def hostile(data: dict) -> None:
        data["headline"] = script
        data["summary"] = f"{image} & **bold** [a \"link\"](https://example.org/?a=1&b=2)"
        data["organisation"]["name"] = 'A "quoted" & <b>bold</b> group'

    site = build_site(make_kit(hostile), tmp_path / "site")
    page = read_page(site)
    assert page.all("script") == []
    assert [i.attrs["src"] for i in page.all("img")][:1] == ["preview-fact-sheet-1.png"]
    assert page.all("h1")[0].text == script
    assert page.all("title")[0].text == f"URGENT ACTION: {script}"
    summary = next(p for p in page.all("p") if p.attrs.get("class") == "summary")
    assert summary.text == f'{image} & bold a "link"'
    assert [a.attrs["href"] for a in page.all("a") if a.text == 'a "link"'] \
        == ["https://example.org/?a=1&b=2"]
    assert 'A "quoted" & <b>bold</b> group' in [p.text for p in page.all("p")]
    assert page.all("b") == []


def test_a_page_in_french(make_kit, tmp_path: Path) -> None:
    def french(data: dict) -> None:
        data["language"] = "fr"
        del data["timeline"][2:]  # French words are longer: the fact sheet must still fit

    site = build_site(make_kit(french), tmp_path / "site")
    page = read_page(site)
    assert page.all("html")[0].attrs["lang"] == "fr"
    assert page.all("h2")[0].text == "Télécharger et imprimer"
    headings = [h.text for h in page.all("h3")]
    assert "اردو (Ourdou)" in headings and "English (Anglais)" in headings
    assert [e.text for e in page.all("dd")] == ["15 septembre 2025", "en cours"]


def test_closed_action(make_kit, tmp_path: Path) -> None:
    kit = make_kit(lambda data: data["action"].update(status="closed", update="Cards renewed."))
    site = tmp_path / "s"
    status, _, stderr = run_cli("site", str(kit), "--out", str(site), "--today", TODAY)
    assert status == 0 and "warning: action.status: the action is closed" in stderr
    page = read_page(site)
    assert page.all("p")[0].text == "URGENT ACTION · CLOSED"
    assert [e.text for e in page.all("dd")][1] == "closed"
    assert "Cards renewed." in [e.text for e in page.all("p")]
    assert not list(site.glob("letter-*.pdf"))  # a closed action's pack has no letters


def _css_colour(site: Path, name: str) -> tuple[float, float, float]:
    value = re.search(rf"--{name}: #([0-9a-f]{{6}});", (site / "style.css").read_text()).group(1)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def test_light_accent_is_darkened_for_text(site: Path) -> None:
    white = (1.0, 1.0, 1.0)
    assert _css_colour(site, "banner") == (1.0, 210 / 255, 0.0)  # the kit's #FFD200 as given
    assert contrast(_css_colour(site, "banner"), _css_colour(site, "banner-ink")) >= 4.5
    accent = _css_colour(site, "accent")
    assert 4.5 <= contrast(accent, white) < 5.2  # dark enough to read, no darker than needed
    assert accent[2] == 0 and abs(accent[1] / accent[0] - 210 / 255) < 0.02  # the same hue


def test_dark_accent_is_kept(make_kit, tmp_path: Path) -> None:
    site = build_site(make_kit(lambda d: d["organisation"].update(accent="#1F3A93")), tmp_path / "s")
    assert _css_colour(site, "accent") == _css_colour(site, "banner")
    assert _css_colour(site, "banner-ink") == (1.0, 1.0, 1.0)


def test_same_kit_same_bytes(site: Path, tmp_path: Path) -> None:
    again = build_site(EXAMPLE, tmp_path / "again")
    names = sorted(p.name for p in site.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def test_without_the_site_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # `import pypdfium2` now fails
    status, stdout, stderr = run_cli("site", str(EXAMPLE), "--out", str(tmp_path / "site"))
    assert (status, stdout) == (2, "")
    assert stderr == "appealkit site needs the site extra: pip install 'appealkit[site]'\n"
    assert not (tmp_path / "site").exists()


def test_a_kit_with_problems_writes_nothing(make_kit, tmp_path: Path) -> None:
    kit = make_kit(lambda data: data["action"].update(url="htp://example.org"))
    status, stdout, stderr = run_cli("site", str(kit), "--out", str(tmp_path / "site"))
    assert (status, stdout) == (2, "")
    assert "action.url: 'htp://example.org' is not an http(s) URL" in stderr
    assert stderr.endswith(f"appealkit: 1 problem in {kit}; nothing written\n")
    assert not (tmp_path / "site").exists()


def test_rebuild_replaces_old_parts_and_keeps_user_files(make_kit, site: Path,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "site"
    build_site(EXAMPLE, folder)
    (folder / "notes.txt").write_text("ours")
    def english_only(data: dict) -> None:
        data["languages"] = ["en"]
        del data["letters"]["ur"]
        for target in data["targets"]:
            target["salutation"].pop("ur", None)
            target.pop("local", None)

    build_site(make_kit(english_only), folder)
    assert not (folder / "letter-ur-a4.pdf").exists()
    assert not (folder / "preview-letter-ur-1.png").exists()
    assert (folder / "notes.txt").read_text() == "ours"
    assert "اردو" not in (folder / "index.html").read_text(encoding="utf-8")


def test_new_parts_appear_without_code_changes(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    """A part build starts making (the events' handouts) is listed, previewed and linked."""
    from appealkit.site import build as site_build

    real = site_build.render_pdfs

    def with_handout(*args):  # type: ignore[no-untyped-def]
        files = real(*args)
        return {**files, "sign-up-sheet.pdf": files["fact-sheet.pdf"]}

    monkeypatch.setattr(site_build, "render_pdfs", with_handout)
    page = read_page(build_site(EXAMPLE, tmp_path / "site"))
    assert [h.text for h in page.all("h2")][2] == "Event materials"
    assert [h.text for h in page.all("h3")][-1] == "Sign up sheet"
    hrefs = [a.attrs["href"] for a in page.all("a")]
    assert "sign-up-sheet-a4.pdf" in hrefs and "sign-up-sheet-letter.pdf" in hrefs
    assert "Sign up sheet, page 1 of 1" in [i.attrs["alt"] for i in page.all("img")]


def test_qr_code_is_the_action_address(site: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    svg = (site / "qr.svg").read_text()
    # Draw the SVG's unit squares (M x,y H.. V..) on a bitmap, then decode it.
    cells = [tuple(map(int, m)) for m in re.findall(r"M(\d+),(\d+)H", svg)]
    side = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    image = Image.new("L", (side, side), 255)
    for x, y in cells:
        image.putpixel((x, y), 0)
    image = image.resize((side * 8, side * 8), Image.NEAREST)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == \
        ["https://www.amnesty.org/en/documents/asa33/7416/2023/en/"]
    assert svg.startswith("<?xml")


def test_the_case_photo_with_its_alt_text_and_credit(tmp_path: Path) -> None:
    """A kit with a person's photo shows it under the headline, as the pack prints it: the
    checked image, its alt text, whose it is and its credit; the example has no photo."""
    kit = ROOT / "examples" / "one-person" / "kit.yaml"
    site = build_site(kit, tmp_path / "site")
    page = read_page(site)
    (image,) = [e for e in page.all("img") if e.attrs["src"].startswith("photo-")]
    assert image.attrs["alt"].startswith("Rosa Amalia Choc Pop")
    with Image.open(site / image.attrs["src"]) as photo:
        assert (str(photo.width), str(photo.height)) == (image.attrs["width"],
                                                         image.attrs["height"])
    assert "Rosa Amalia Choc Pop · © Private" in [e.text for e in page.all("figcaption")]
    assert not [e for e in read_page(build_site(EXAMPLE, tmp_path / "example")).all("img")
                if e.attrs["src"].startswith("photo-")]
