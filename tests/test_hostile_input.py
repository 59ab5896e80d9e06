"""Hostile kits: each ends, within seconds, in located one-line messages and exit 2, or in a
correct build; a refused build leaves the earlier output as it was.

The corrupt images are made here with Pillow and zlib, so no binary file is kept.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import EXAMPLE, ROOT, TODAY, line_col, run_cli
from PIL import Image

BOUND = 60.0  # seconds: generous, only to catch hangs and quadratic blow-ups, not a speed test
LOCATED = re.compile(r"^\S+kit\.yaml:\d+:\d+: (warning: )?([\w.]+: )?\S.+$")


# -- helpers ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def earlier_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example pack, built once; each test starts from a copy of it."""
    out = tmp_path_factory.mktemp("earlier") / "output"
    status, _, err = run_cli("build", str(EXAMPLE), "--out", str(out), "--today", TODAY)
    assert status == 0, err
    return out


@pytest.fixture
def output(tmp_path: Path, earlier_build: Path) -> Path:
    """An output folder holding an earlier build."""
    out = tmp_path / "output"
    shutil.copytree(earlier_build, out)
    return out


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def kit_with(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "kit.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def build(kit: Path, out: Path, *options: str) -> tuple[int, list[str], float]:
    """Build in-process; (status, stderr lines, seconds)."""
    start = time.monotonic()
    status, _, err = run_cli("build", str(kit), "--out", str(out), "--today", TODAY, *options)
    return status, err.splitlines(), time.monotonic() - start


def refused(kit: Path, out: Path, where: str, *phrases: str) -> list[str]:
    """Assert a build of `kit` exits 2 fast with located one-line messages, one of them at
    `where` (a regular expression for `LINE:COL: key.path`) saying each phrase, and leaves
    `out` as it was."""
    before = _contents(out)
    status, lines, seconds = build(kit, out)
    assert status == 2, lines
    assert seconds < BOUND
    assert _contents(out) == before
    *problems, summary = lines
    assert summary.endswith("nothing written"), lines
    assert problems and all(LOCATED.match(line) for line in problems), lines
    hits = [line for line in problems if re.search(rf"kit\.yaml:{where}: ", line)]
    assert hits, (where, lines)
    for phrase in phrases:
        assert phrase in hits[0], (phrase, hits[0])
    return problems


def built(kit: Path, out: Path) -> list[str]:
    """Assert a build of `kit` succeeds fast; return its warnings."""
    status, lines, seconds = build(kit, out)
    assert status == 0, lines
    assert seconds < BOUND
    warnings = [line for line in lines if "warning:" in line]
    assert all(LOCATED.match(line) for line in warnings), warnings
    return warnings


def where(kit: Path, needle: str, path: str, offset: int = 0) -> str:
    line, col = line_col(kit, needle, offset)
    return f"{line}:{col}: {re.escape(path)}"


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def pdf_links(path: Path) -> list[bytes]:
    """The raw /URI strings of a PDF's link annotations."""
    return re.findall(rb"/URI\s*\((.*?)\)", path.read_bytes())


# -- QR capacity ---------------------------------------------------------------------------------


def test_url_too_long_for_a_qr_code(tmp_path: Path, output: Path) -> None:
    url = "https://www.example.org/" + "a" * 2876  # 2,900 characters
    kit = kit_with(tmp_path, ("https://www.amnesty.org/en/documents/asa33/7416/2023/en/", url))
    refused(kit, output, where(kit, url, "action.url"), "2,900", "2,331", "error correction M")


def test_longest_url_fits_in_a_qr_code_and_one_more_is_refused(tmp_path: Path) -> None:
    from appealkit.layout.qr import qr_modules

    url = "https://www.example.org/" + "a" * (2331 - 24)  # lower case: all in byte mode
    assert len(qr_modules(url)) == 177  # version 40, full
    kit = kit_with(tmp_path, ("https://www.amnesty.org/en/documents/asa33/7416/2023/en/",
                              url + "a"))
    status, _, err = run_cli("check", str(kit), "--today", TODAY)
    assert status == 2 and "2,332 characters long" in err, err


# -- quadratic check -----------------------------------------------------------------------------


def _summary(tmp_path: Path, summary: str) -> Path:
    kit = tmp_path / "kit.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("summary: |")
    end = text.index("\n\n", start)
    kit.write_text(text[:start] + "summary: " + summary + text[end:], encoding="utf-8")
    return kit


def test_summary_starting_with_a_bracket_is_a_yaml_error(tmp_path: Path, output: Path) -> None:
    kit = _summary(tmp_path, "](" * 20_000)
    refused(kit, output, r"25:10", "invalid YAML")


def test_many_unclosed_links_are_fast_and_capped(tmp_path: Path) -> None:
    kit = _summary(tmp_path, "a" + "](" * 20_000)
    started = time.monotonic()
    status, _, err = run_cli("check", str(kit), "--today", TODAY, "--strict")
    assert time.monotonic() - started < BOUND
    lines = err.splitlines()
    assert status == 2 and 2 <= len(lines) <= 13, len(lines)
    assert all(LOCATED.match(line) for line in lines[:-1]), lines[:3]
    assert "and 19,990 more" in lines[-2], lines[-2]
    # Without --strict the warnings do not stop it; check lays the kit out, and 40 kB of
    # summary cannot fit the one-page fact sheet: one located error, still quickly.
    started = time.monotonic()
    status, _, err = run_cli("check", str(kit), "--today", TODAY)
    assert time.monotonic() - started < BOUND
    assert status == 2 and ": summary: text does not fit on the one-page fact sheet" in err


# -- corrupt and huge images ---------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _png(width: int, height: int, idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat)
            + _chunk(b"IEND", b""))


def _rows(width: int, height: int, filter_byte: int = 0) -> bytes:
    """Pixel rows of noise (so that they compress badly), each after its filter byte."""
    noise = random.Random(1).randbytes(3 * width * height)
    row = 3 * width
    return b"".join(bytes([filter_byte]) + noise[y * row:(y + 1) * row] for y in range(height))


def _scrambled_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.radial_gradient("L").convert("RGB").resize((200, 120)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    for i in range(300, len(data) - 2):
        data[i] = (data[i] * 7 + 13) % 256
    return bytes(data)


CORRUPT = {
    "not zlib": _png(40, 20, b"this is not zlib data at all" * 4),
    "bad filter byte": _png(40, 20, zlib.compress(_rows(40, 20, filter_byte=9))),
    "short IDAT": _png(40, 20, zlib.compress(_rows(40, 20))[:1000]),  # of about 2,440
    "10000x10000 header": _png(10_000, 10_000, b"\0" * 100),
    "scrambled JPEG": _scrambled_jpeg(),
}


def _with_logo(tmp_path: Path, data: bytes, name: str = "logo.png") -> Path:
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / name).write_bytes(data)
    return kit_with(tmp_path, ("  name: Amnesty International\n",
                               f"  name: Amnesty International\n  logo: assets/{name}\n"))


@pytest.mark.parametrize("case", list(CORRUPT))
def test_corrupt_image_is_refused_by_check_and_build(tmp_path: Path, output: Path,
                                                     case: str) -> None:
    name = "logo.jpg" if "JPEG" in case else "logo.png"
    kit = _with_logo(tmp_path, CORRUPT[case], name)
    status, _, err = run_cli("check", str(kit), "--today", TODAY)
    assert status == 2, err
    refused(kit, output, where(kit, f"assets/{name}", "organisation.logo"), f"'assets/{name}'")


def test_huge_logo_is_refused_with_the_limit(tmp_path: Path, output: Path) -> None:
    packer, row = zlib.compressobj(1), b"\0" * (1 + 3 * 12_000)  # a whole, valid black PNG
    idat = b"".join(packer.compress(row) for _ in range(12_000)) + packer.flush()
    kit = _with_logo(tmp_path, _png(12_000, 12_000, idat))
    refused(kit, output, where(kit, "assets/logo.png", "organisation.logo"),
            "12000×12000", "16 million")


def _logo_box(pdf: Path) -> tuple[float, float, float, float]:
    """(left, top, width, height) in points of the first image on the fact sheet's page."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        image = next(page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
        left, bottom, right, top = image.get_bounds()
        return left, page.get_height() - top, right - left, top - bottom
    finally:
        document.close()


def test_large_logo_is_downscaled_and_rotated_upright(tmp_path: Path, output: Path) -> None:
    image = Image.new("RGB", (3000, 1000), "navy")  # stored sideways, EXIF says turn it
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    kit = _with_logo(tmp_path, buffer.getvalue(), "logo.jpg")
    built(kit, output)
    _, _, width, height = _logo_box(output / "fact-sheet.pdf")
    assert width < height  # upright: 1000 wide, 3000 tall once turned
    document = pdfium.PdfDocument(str(output / "fact-sheet.pdf"))
    try:
        page = document[0]
        image_obj = next(page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
        pixels = image_obj.get_px_size()
    finally:
        document.close()
    assert max(pixels) <= 1200, pixels


def test_wide_logo_leaves_room_for_the_organisation_name(tmp_path: Path, output: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 50), "black").save(buffer, "PNG")
    kit = _with_logo(tmp_path, buffer.getvalue())
    built(kit, output)
    _, _, width, _ = _logo_box(output / "fact-sheet.pdf")
    document = pdfium.PdfDocument(str(output / "fact-sheet.pdf"))
    try:
        page = document[0]
        assert width <= page.get_width() / 4
    finally:
        document.close()
    assert "Amnesty International" in pdf_text(output / "fact-sheet.pdf")


def test_logo_swapped_for_a_link_after_checking_is_not_embedded(
        tmp_path: Path, output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), "red").save(buffer, "PNG")
    kit = _with_logo(tmp_path, buffer.getvalue())
    secret = tmp_path.parent / f"{tmp_path.name}-outside.png"
    Image.new("RGB", (60, 30), "green").save(secret, "PNG")
    from appealkit import layout

    real = layout.layout_pack

    def swap_then_layout(*args: object, **kwargs: object) -> object:
        logo = tmp_path / "assets" / "logo.png"
        logo.unlink()
        logo.symlink_to(secret)  # the race: replaced between the check and the drawing
        return real(*args, **kwargs)

    monkeypatch.setattr(layout, "layout_pack", swap_then_layout)
    built(kit, output)
    document = pdfium.PdfDocument(str(output / "fact-sheet.pdf"))
    try:
        image = next(document[0].get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
        red, green, _ = image.get_bitmap().to_pil().convert("RGB").getpixel((5, 5))
    finally:
        document.close()
    assert red > 200 and green < 50  # the checked red logo, not the green file outside


def test_logo_that_is_a_link_out_of_the_folder_is_refused(tmp_path: Path, output: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-outside.png"
    Image.new("RGB", (60, 30), "green").save(secret, "PNG")
    kit = _with_logo(tmp_path, b"")
    (tmp_path / "assets" / "logo.png").unlink()
    (tmp_path / "assets" / "logo.png").symlink_to(secret)
    refused(kit, output, where(kit, "assets/logo.png", "organisation.logo"), "outside")


# -- the command line ----------------------------------------------------------------------------


def test_ctrl_c_prints_one_line_and_exits_130(tmp_path: Path) -> None:
    script = (
        "import sys, time, appealkit.build as b\n"
        "def wait(*a, **k):\n"
        "    print('ready', flush=True); time.sleep(60)\n"
        "b.build_pack = wait\n"
        "from appealkit.cli import main\n"
        f"sys.exit(main(['build', {str(EXAMPLE)!r}, '--out', {str(tmp_path / 'out')!r}]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=BOUND)
    assert process.returncode == 130
    assert err.splitlines() == ["appealkit: interrupted (Ctrl-C); nothing more was done"]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("date", ["20250701", "2025-W27-2", "0001-01-01", "2025-02-30"])
def test_today_accepts_only_yyyy_mm_dd_in_range(date: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run_cli("check", str(EXAMPLE), "--today", date)
    err = capsys.readouterr().err  # argparse prints its usage and the error itself
    assert status == 2
    assert f"--today: '{date}' is not a date: " in err.splitlines()[-1], err


def test_today_in_range_is_the_build_date() -> None:
    status, _, err = run_cli("check", str(EXAMPLE), "--today", "2025-09-16")
    assert status == 0 and "the deadline 2025-09-15 has passed (today is 2025-09-16)" in err


def test_kit_from_standard_input_is_explained(output: Path) -> None:
    before = _contents(output)
    status, _, err = run_cli("build", "-", "--out", str(output))
    assert status == 2
    assert err.splitlines() == [("appealkit: reading the kit from standard input ('-') is "
                                 "not supported; save it as a file, e.g. kit.yaml, and name that")]
    assert _contents(output) == before


# -- spoofing: bidi controls ---------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "path"), [
    ("name: Syed Mohsin Raza Naqvi", "name: \"Syed \\u202eNaqvi\\u202c Raza\"", "targets.0.name"),
    ("- Islamabad", "- \"Islamabad \\u202egpj.exe\"", "targets.0.address.2"),
    ("title: Minister of Interior", "title: \"Minister \\u202eof Interior\"", "targets.0.title"),
    ("headline: 1.4 million", "headline: \u2067 1.4 million", "headline"),
    ("url: https://www.amnesty.org/en/", "url: https://www.amnesty.org/\u202een/", "action.url"),
])
def test_direction_controls_in_one_line_fields_are_refused(
        tmp_path: Path, output: Path, old: str, new: str, path: str) -> None:
    kit = kit_with(tmp_path, (old, new))
    line, _ = line_col(kit, new)
    refused(kit, output, rf"{line}:\d+: {re.escape(path)}", "direction", "U+20")


def test_direction_controls_in_prose_are_closed_and_warned(tmp_path: Path, output: Path) -> None:
    kit = kit_with(tmp_path, ("  seekers have been forced", "  seekers \u202ehave been forced"))
    warnings = built(kit, output)
    assert any(": summary: " in w and "U+202E" in w for w in warnings), warnings
    text = pdf_text(output / "fact-sheet.pdf")
    # Our own words after the summary still read left to right.
    assert "TAKE ACTION" in text.upper().replace("\n", " ") or "Take action" in text


# -- links ---------------------------------------------------------------------------------------


def test_international_address_is_a_uri_in_link_and_qr(tmp_path: Path, output: Path) -> None:
    url = "https://bücher.example/straße"
    kit = kit_with(tmp_path, ("https://www.amnesty.org/en/documents/asa33/7416/2023/en/", url))
    built(kit, output)
    assert b"https://xn--bcher-kva.example/stra%C3%9Fe" in pdf_links(output / "fact-sheet.pdf")
    assert url in pdf_text(output / "fact-sheet.pdf")  # printed as people write it


def test_look_alike_host_and_user_name_are_warned(tmp_path: Path, output: Path) -> None:
    url = "https://www.amnesty.org@evil.example/"
    link = "https://www.\u0430mazon.com/"  # a Cyrillic а among Latin letters
    kit = kit_with(tmp_path,
                   ("https://www.amnesty.org/en/documents/asa33/7416/2023/en/", url),
                   ("  on 30 June 2025.", f"  on [30 June 2025]({link})."))
    warnings = built(kit, output)
    assert any(": action.url: " in w and "evil.example" in w for w in warnings), warnings
    assert any(": summary: " in w and "Cyrillic" in w and "Latin" in w for w in warnings), warnings
    assert all(link.encode() not in raw for raw in pdf_links(output / "fact-sheet.pdf"))


@pytest.mark.parametrize("prose", ["abc \u202edef", "abc \u2067def \u202bghi", "a\u202e\u2066b\u202c"])
def test_direction_controls_left_open_in_prose_end_with_it(prose: str) -> None:
    from appealkit.markup import parse_inline
    from appealkit.text.bidi import resolve_levels

    ours = " step 2: write to the minister"
    text = "".join(span.text for span in parse_inline(prose)) + ours
    _, levels = resolve_levels(text, 0)
    assert levels[-len(ours):] == [0] * len(ours)  # our words read left to right
