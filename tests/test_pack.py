"""The example pack end to end: files, pages, facts on the right page, fonts, metadata, bytes."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import EXAMPLE, TODAY, run_cli
from pdfutil import fonts, normalise, page_count, page_texts

PARTS = ["pack.pdf", "fact-sheet.pdf", "background.pdf", "letter-en.pdf", "letter-ur.pdf"]
EVENT_PARTS = ["handouts.pdf", "poster.pdf", "envelopes.pdf", "labels.pdf", "tally.pdf"]

FACT_SHEET_FACTS = [
    "1.4 MILLION REFUGEES NEED REGISTRATION RENEWAL",
    "1.4 million", "1,080,312", "1,088,133", "800,000", "468,000", "51,309", "64,010",
    "October 2023", "1 April 2025", "30 June 2025", "June 2024",
    "15 SEPTEMBER 2025", "Syed Mohsin Raza Naqvi", "Minister of Interior",
    "4th Floor, R Block, Pak Secretariat", "Constitution Ave, G-5/1", "Islamabad", "PAKISTAN",
    "secretary@interior.gov.pk", "+92 51 920 2624", "@MohsinnaqviC42",
    "Dear Honourable Minister,", "English or Urdu", "UNHCR", "IOM",
    "https://www.amnesty.org/en/documents/asa33/7416/2023/en/",
    "The previous Urgent Action on this case",
    "Please check with the Amnesty office in your country",
]


def test_build_writes_every_part(pack: dict) -> None:
    assert sorted(pack["files"]) == sorted(PARTS + EVENT_PARTS)
    assert all(path.stat().st_size > 1000 for path in pack["files"].values())
    assert pack["stderr"] == ""


def test_page_counts(pack: dict) -> None:
    files = pack["files"]
    assert page_count(files["fact-sheet.pdf"]) == 1
    assert page_count(files["background.pdf"]) == 1
    assert page_count(files["letter-en.pdf"]) == 1
    # Nastaliq at 14 pt on its fixed pitch takes two pages on either paper, the second with a
    # continuation line (tests/layout/test_urdu_letter_pitch.py checks what each holds).
    assert page_count(files["letter-ur.pdf"]) == 2
    assert page_count(files["pack.pdf"]) == 3 + 2


@pytest.mark.parametrize("fact", FACT_SHEET_FACTS)
def test_fact_sheet_carries_the_facts(pack: dict, fact: str) -> None:
    text = normalise(page_texts(pack["files"]["fact-sheet.pdf"])[0])
    assert fact in text


def test_english_letter_text(pack: dict) -> None:
    text = normalise(page_texts(pack["files"]["letter-en.pdf"])[0])
    for fact in ["Dear Honourable Minister,", "Yours sincerely,", "Syed Mohsin Raza Naqvi",
                 "at least 1.4 million Afghans in Pakistan", "at least 1,080,312",
                 "principle of non-refoulement", "Renew PoR cards and stop forced returns",
                 "1 July 2025", "Signature", "Name", "Address"]:
        assert fact in text, fact


def test_background_page_carries_the_additional_information(pack: dict) -> None:
    text = normalise(page_texts(pack["files"]["background.pdf"])[0])
    for fact in ["More than 468,000 Afghans", "approximately 800,000 Afghan Citizen Card (ACC)",
                 "1,088,133 Afghans", "7 June 2025", "51,309 women and 64,010 girls",
                 "more than 70 draconian edicts", "Haibatullah Akhundzada", "Abdul Hakim Haqqani",
                 "Convention Against Torture", "between 2017 and 2019"]:
        assert fact in text, fact


def test_pack_pages_are_the_parts_in_order(pack: dict) -> None:
    whole = page_texts(pack["files"]["pack.pdf"])
    parts = [text for name in ("fact-sheet.pdf", "background.pdf", "letter-en.pdf", "letter-ur.pdf")
             for text in page_texts(pack["files"][name])]
    assert [normalise(t) for t in whole] == [normalise(t) for t in parts]


def test_every_font_is_embedded_as_a_subset(pack: dict) -> None:
    for name in PARTS:
        rows = fonts(pack["files"][name])
        assert rows, name
        for row in rows:
            assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row["line"]
        standard = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}
        assert not any(row["name"].split("+")[-1] in standard for row in rows)


def test_parts_embed_the_same_font_subsets_as_the_pack(pack: dict) -> None:
    # one subset per font and build: its tag (ABCDEF+) is the digest of the subset's bytes
    in_pack = {row["name"] for row in fonts(pack["files"]["pack.pdf"])}
    for name in PARTS:
        if name != "pack.pdf":
            part = {row["name"] for row in fonts(pack["files"][name])}
            assert part and part <= in_pack, name


def test_metadata_and_outline(pack: dict) -> None:
    pdf = pdfium.PdfDocument(str(pack["files"]["pack.pdf"]))
    try:
        meta = pdf.get_metadata_dict()
        toc = [item.get_title() for item in pdf.get_toc()]
    finally:
        pdf.close()
    assert meta["Title"] == "Urgent Action: 1.4 million refugees need registration renewal"
    assert meta["Author"] == "Amnesty International"
    assert "Minister of Interior" in meta["Subject"]
    assert "non-refoulement" in meta["Keywords"]
    assert toc == ["Fact sheet", "Background", "Model letter in English", "Model letter in Urdu"]
    assert b"/Lang (en)" in pack["files"]["pack.pdf"].read_bytes()


def test_each_part_alone_has_its_own_title_and_language(pack: dict) -> None:
    pdf = pdfium.PdfDocument(str(pack["files"]["letter-ur.pdf"]))
    try:
        title = pdf.get_metadata_dict()["Title"]
    finally:
        pdf.close()
    assert title == "Model letter in Urdu: 1.4 million refugees need registration renewal"
    assert b"/Lang (ur)" in pack["files"]["letter-ur.pdf"].read_bytes()
    assert b"/Lang (en)" in pack["files"]["letter-en.pdf"].read_bytes()


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        status, _, err = run_cli("build", str(EXAMPLE), "--out", str(tmp_path / name),
                                 "--today", TODAY)
        assert status == 0, err
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / name).glob("*.pdf")})
    assert outputs[0] == outputs[1]
