"""The example Urgent Action imports to a kit that checks and builds, holding every fact of the example kit.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest
import yaml
from ua_helpers import (
    BEFORE,
    DOCUMENTS,
    EXAMPLE,
    import_to,
    imported_kit,
    paragraphs_of,
    run_cli,
    shown,
    uncomment_suggestions,
    words,
)

from appealkit import read_kit
from appealkit.build import build_pack

DOCUMENT = DOCUMENTS / "pakistan-refugees.txt"


@pytest.fixture(scope="module")
def example() -> object:
    kit, _ = read_kit(EXAMPLE, today=BEFORE)
    return kit


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, str, str, Path]:
    tmp = tmp_path_factory.mktemp("example")
    kit, draft, report = imported_kit(tmp, DOCUMENT)
    return kit, draft, report, tmp / "kit.yaml"


def test_target_and_channels(example, imported) -> None:  # type: ignore[no-untyped-def]
    want, got = example.main_target, imported[0].main_target
    for key in ("name", "title", "address", "country", "email", "fax", "phone", "x", "role"):
        assert getattr(got, key) == getattr(want, key), key
    assert got.salutation["en"] == want.salutation["en"]
    assert len(imported[0].targets) == 1


def test_letter_paragraphs(example, imported) -> None:  # type: ignore[no-untyped-def]
    got, want = imported[0].letters["en"], example.letters["en"]
    assert paragraphs_of(got.body) == paragraphs_of(want.body)
    assert got.closing == want.closing


def test_background_summary_and_short_sections(example, imported) -> None:  # type: ignore[no-untyped-def]
    kit = imported[0]
    assert [shown(p) for p in paragraphs_of(kit.background)] == paragraphs_of(example.background)
    assert "[" not in kit.background  # every link of the document is a placeholder
    assert words(kit.summary) == words(example.summary)
    assert kit.headline.lower() == example.headline.lower()
    assert kit.people == example.people
    assert kit.languages == example.languages == ("en", "ur")
    assert kit.action.url == example.action.url
    assert kit.action.deadline == example.action.deadline
    assert words(kit.action.after_deadline) == words(example.action.after_deadline)
    assert kit.action.status == "open"


def test_every_figure_and_date_is_suggested(example, imported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kept = tmp_path / "kit.yaml"
    kept.write_text(uncomment_suggestions(imported[1]), encoding="utf-8")
    kit, _ = read_kit(kept, today=BEFORE)  # keeping every suggestion still checks
    values = {figure.value.rstrip("+") for figure in kit.figures}
    for figure in example.figures:
        for number in re.findall(r"[\d.,]+(?: million)?", figure.value):
            assert number in values, figure.value
    assert "468,000+" in {figure.value for figure in kit.figures}
    dates = {(e.date.year, e.date.month, e.date.day) for e in kit.timeline}
    for event in example.timeline:
        assert (event.date.year, event.date.month, event.date.day) in dates, event


def test_suggestions_are_comments_with_their_sentence(imported) -> None:  # type: ignore[no-untyped-def]
    kit, draft = imported[0], imported[1]
    assert kit.figures == () and kit.timeline == ()
    assert "#   - value: 1,080,312    # line 7" in draft
    figures = yaml.safe_load(uncomment_suggestions(draft))["figures"]
    por = next(f for f in figures if f["value"] == "1.4 million")
    assert por["source"] == "UNHCR"  # named by a later sentence
    assert "set to expire on 30 June 2025" in por["label"]


def test_report_names_the_line_of_each_fact(imported) -> None:  # type: ignore[no-untyped-def]
    report = imported[2]
    assert "pakistan-refugees.txt:49: action.deadline: 2025-09-15 (from '15 September 2025')" in report
    assert "pakistan-refugees.txt:18: targets.0.email: secretary@interior.gov.pk (from 'Email')" in report
    assert "pakistan-refugees.txt:47: letters.ur: translate the English letter" in report
    todo = report.split("to do before you build:")[1]
    assert "action.url: this is the previous Urgent Action: put your office's own action page" in todo


def test_the_urdu_letter_is_marked_untranslated_and_check_warns(imported) -> None:  # type: ignore[no-untyped-def]
    kit, _, _, path = imported
    assert kit.letters["ur"].body.startswith("UNTRANSLATED:")
    assert "Honourable" not in kit.main_target.salutation["ur"]  # never a silent copy
    _, warnings = read_kit(path, today=BEFORE)
    assert sorted(w.path for w in warnings) == [
        "letters.ur.body", "letters.ur.closing", "targets.0.salutation.ur"]
    assert all("not translated yet" in w.message for w in warnings)


def test_strict_check_refuses_the_untranslated_letter(imported) -> None:  # type: ignore[no-untyped-def]
    status, _, err = run_cli("check", str(imported[3]), "--today", "2025-07-01", "--strict")
    assert status == 2
    assert re.search(r"kit\.yaml:\d+:\d+: letters\.ur\.body: not translated yet", err)


def test_the_draft_builds(imported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files, _ = build_pack(imported[3], tmp_path / "output", today=BEFORE)
    assert {f.name for f in files} >= {"pack.pdf", "letter-en.pdf", "letter-ur.pdf"}
    english = _pdf_text(tmp_path / "output" / "letter-en.pdf")
    assert "Syed Mohsin Raza Naqvi" in english and "imminent expiry" in english
    assert "UNTRANSLATED" in _pdf_text(tmp_path / "output" / "letter-ur.pdf")


def test_same_document_same_bytes(tmp_path: Path) -> None:
    first = import_to(tmp_path / "a", DOCUMENT)[3]
    second = import_to(tmp_path / "b", DOCUMENT)[3]
    assert first.read_bytes() == second.read_bytes()


def _pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return " ".join(words(page.get_textpage().get_text_range()) for page in pdf)
    finally:
        pdf.close()
