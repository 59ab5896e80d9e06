"""Issue 10 §5: a closed action, a pack built after the deadline and an update say so on paper."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY, line_col, run_cli, variant
from pdfutil import char_boxes, normalise, page_count, page_texts
from people_kits import one_person_kit

from appealkit.words import SHEET_LANGUAGES, word

CALLS_TO_ACT = ("handouts.pdf", "poster.pdf", "envelopes.pdf", "labels.pdf", "tally.pdf")
PAST = "2026-12-07"  # more than a year after the example's deadline, 15 September 2025


def _build(kit: Path, out: Path, *extra: str, today: str = TODAY) -> tuple[dict[str, Path], str]:
    status, stdout, stderr = run_cli("build", str(kit), "--out", str(out), "--today", today, *extra)
    assert status == 0, stderr
    return {Path(line).name: Path(line) for line in stdout.split()}, stderr


def _closed(tmp_path: Path, update: str = "") -> Path:
    edits = [("  status: open ", "  status: closed ")]
    if update:
        edits.append(("  deadline: 2025-09-15", f"  update: {update}\n  deadline: 2025-09-15"))
    return variant(tmp_path, *edits)


def test_a_closed_action_is_for_information(tmp_path: Path) -> None:
    kit = _closed(tmp_path, "The government renewed the PoR cards until 30 June 2026.")
    files, stderr = _build(kit, tmp_path / "out")
    text = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert "URGENT ACTION · CLOSED" in text
    assert "This action is closed. The government renewed the PoR cards until 30 June 2026." in text
    assert "No more appeals are needed: please do not send letters." in text
    assert "FOR INFORMATION" in text
    for call in ("TAKE ACTION", "Act before", "Write a letter", "Sign it and post it",
                 "Deadline:", "Email secretary@interior.gov.pk"):
        assert call not in text
    # The pack is the fact sheet and its background, without letters or event materials
    assert page_count(files["pack.pdf"]) == 2
    assert not any(name.startswith("letter-") for name in files)
    assert not set(CALLS_TO_ACT) & set(files)
    line, col = line_col(kit, "status: closed", len("status: "))
    assert (f"kit.yaml:{line}:{col}: warning: action.status: the action is closed: the fact sheet "
            "is printed for information, without a call to act; the letters, handouts, poster, "
            "envelopes, labels and tally sheet are left out") in stderr
    assert "deadline" not in stderr  # a closed action's passed deadline is no news


def test_a_closed_action_keeps_its_solidarity_cards(tmp_path: Path) -> None:
    kit = one_person_kit(tmp_path / "kit", status="closed", update="Pavel was released on 1 July 2025.")
    files, _ = _build(kit, tmp_path / "out")
    assert "solidarity.pdf" in files
    assert not set(CALLS_TO_ACT) & set(files)
    text = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert "This action is closed. Pavel was released on 1 July 2025." in text


def test_a_closed_action_has_no_letters_to_sign(tmp_path: Path) -> None:
    signers = tmp_path / "signers.csv"
    signers.write_text("name,address\nJane Smith,1 High Street / Leeds\n", encoding="utf-8")
    kit = _closed(tmp_path)
    status, _, stderr = run_cli("build", str(kit), "--out", str(tmp_path / "out"), "--today", TODAY,
                                "--signers", str(signers))
    line, col = line_col(kit, "status: closed", len("status: "))
    assert status == 2
    assert (f"kit.yaml:{line}:{col}: action.status: the action is closed, so the pack has no "
            "letters to sign; build without --signers") in stderr
    assert not (tmp_path / "out").exists()


def test_after_the_deadline_the_sheet_leads_with_the_advice(tmp_path: Path) -> None:
    files, stderr = _build(EXAMPLE, tmp_path / "out", today=PAST)
    sheet = files["fact-sheet.pdf"]
    text = normalise(page_texts(sheet)[0])
    note = ("The deadline, 15 September 2025, has passed. Please check with the Amnesty office in "
            "your country if you wish to send appeals after the deadline.")
    assert note in text
    assert "Act before" not in text
    assert "Deadline passed: 15 SEPTEMBER 2025" in text
    # It leads: above the headline (PDF y grows upwards)
    assert char_boxes(sheet, "The deadline, 15")[0][1] > char_boxes(sheet, "1.4 MILLION")[0][3]
    assert "warning: action.deadline: the deadline 2025-09-15 has passed" in stderr


def test_after_the_deadline_on_a_full_letter_page_the_band_says_so(tmp_path: Path) -> None:
    # The example fills a Letter page: the note goes in the band, where "Act before" was
    files, _ = _build(EXAMPLE, tmp_path / "out", "--paper", "letter", today=PAST)
    text = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert "Act before" not in text
    assert "Deadline passed: 15 SEPTEMBER 2025" in text
    assert ("The deadline was 15 September 2025. Please check with the Amnesty office in your "
            "country") in text


def test_after_the_deadline_the_event_materials_say_so(tmp_path: Path) -> None:
    files, _ = _build(EXAMPLE, tmp_path / "out", "--parts", "handouts,poster,tally", today=PAST)
    handouts = page_texts(files["handouts.pdf"])
    assert normalise(handouts[0]).count("Deadline passed: 15 September 2025") == 4
    assert "Post it before" not in normalise(handouts[1])
    assert normalise(handouts[1]).count("Deadline passed: 15 September 2025") == 4
    poster = normalise(page_texts(files["poster.pdf"])[0])
    assert "Deadline passed: 15 September 2025 Please check with the Amnesty office" in poster
    assert "Post it before" not in normalise(page_texts(files["tally.pdf"])[0])


def test_before_the_deadline_nothing_changes(pack: dict) -> None:  # type: ignore[type-arg]
    text = normalise(page_texts(pack["files"]["fact-sheet.pdf"])[0])
    assert "Act before 15 September 2025." in text
    assert "has passed" not in text and "Deadline passed" not in text
    assert "Deadline: 15 September 2025" in normalise(page_texts(pack["files"]["poster.pdf"])[0])


def test_an_update_says_what_changed(tmp_path: Path) -> None:
    kit = one_person_kit(tmp_path / "kit", status="update",
                         update="Pavel's appeal was **rejected** on 20 June 2025.")
    files, stderr = _build(kit, tmp_path / "out")
    sheet = files["fact-sheet.pdf"]
    text = normalise(page_texts(sheet)[0])
    assert "URGENT ACTION UPDATE" in text
    assert "Update: Pavel's appeal was rejected on 20 June 2025." in text
    assert char_boxes(sheet, "Update:")[0][1] > char_boxes(sheet, "STUDENT")[0][3]
    assert "Act before 1 December 2025." in text  # an update still calls to act
    assert "warning" not in stderr


def test_an_update_without_its_text_is_warned_of(tmp_path: Path) -> None:
    kit = one_person_kit(tmp_path / "kit", status="update")
    status, _, stderr = run_cli("check", str(kit), "--today", TODAY)
    line, col = line_col(kit, "status: update", len("status: "))
    assert status == 0
    assert (f"kit.yaml:{line}:{col}: warning: action.status: an update says what changed: add "
            "'update:' under action") in stderr


@pytest.mark.parametrize("language", SHEET_LANGUAGES)
def test_status_words_in_every_sheet_language(tmp_path: Path, language: str) -> None:
    kit = _closed(tmp_path)
    kit.write_text(kit.read_text().replace("language: en", f"language: {language}", 1))
    files, _ = _build(kit, tmp_path / "out")
    text = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert word(language, "for_information") in text
    assert word(language, "closed_title") in text
    if language != "en":
        assert word(language, "closed_title") != word("en", "closed_title")


def test_a_closed_action_on_a_full_page_says_so_in_its_band(tmp_path: Path) -> None:
    # The example fills a Letter page: the closed note goes beside the QR code, below the banner
    files, _ = _build(_closed(tmp_path), tmp_path / "out", "--paper", "letter")
    sheet = files["fact-sheet.pdf"]
    text = normalise(page_texts(sheet)[0])
    assert "This action is closed. No more appeals are needed" in text
    assert "TAKE ACTION" not in text and "Act before" not in text
    assert char_boxes(sheet, "This action is closed.")[0][3] < char_boxes(sheet, "FOR INFORMATION")[0][1]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_past_deadline_and_photo_packs_keep_the_layout_invariants(tmp_path: Path, paper: str) -> None:
    from invariants import check_pdf

    from appealkit import api

    past = api.render_kit(EXAMPLE, paper=paper, today=dt.date.fromisoformat(PAST))
    photo = api.render_kit(one_person_kit(tmp_path / "kit", status="update", update="Appeal lost."),
                           paper=paper, today=dt.date.fromisoformat(TODAY))
    found = [f"{name}: {problem}" for rendered in (past, photo)
             for name, pdf in sorted(rendered.files.items()) for problem in check_pdf(bytes(pdf))]
    assert found == []
