"""Urgent Actions in the same layout about other cases: other targets and countries, several emails,
copies, no fax, other date forms, an update, sections in another order, Word and PDF versions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ua_helpers import (
    BEFORE,
    DOCUMENTS,
    imported_kit,
    make_docx,
    make_pdf,
    paragraphs_of,
    run_cli,
    shown,
)

from appealkit import read_kit
from appealkit.model import Kit

MEXICO = DOCUMENTS / "mexico-update.md"
EGYPT = DOCUMENTS / "egypt-journalist.txt"
BELARUS = DOCUMENTS / "belarus-student.txt"


def test_update_in_markdown_with_several_emails_and_an_embassy(tmp_path: Path) -> None:
    kit, draft, report = imported_kit(tmp_path, MEXICO)
    assert kit.action.status == "update"
    assert kit.headline == "Defenders still detained, trial date set"
    target = kit.main_target
    assert (target.title, target.name) == ("Attorney General of the State of Oaxaca",
                                           "Bernardino Ruiz Cortés")
    assert target.address == ("Av. Gerardo Pandal Graff 1, Reyes Mantecón",
                              "San Bartolo Coyotepec, C.P. 71295", "Oaxaca")
    assert target.country == "Mexico"
    assert target.email == ("fiscal.general@fge.oaxaca.gob.mx",  # every email, as a list
                            "atencion.ciudadana@fge.oaxaca.gob.mx",
                            "derechos.humanos@fge.oaxaca.gob.mx")
    assert target.fax == () and target.phone == ("+52 951 501 6900",)
    assert target.x == "@FiscaliaOaxaca"  # from 'Twitter:'
    assert "  email: [fiscal.general@fge.oaxaca.gob.mx, atencion.ciudadana@fge.oaxaca.gob.mx, " \
           "derechos.humanos@fge.oaxaca.gob.mx]\n" in draft
    # The embassy has no fixed address: a copy to each sender's own embassy, built as it is
    embassy = kit.targets[1]
    assert (embassy.role, embassy.title, embassy.embassy, embassy.address) == (
        "copy", "Ambassador of Mexico", "Mexico", ())
    assert "mexico-update.md:31: targets.1.embassy: Mexico: a copy to its embassy in each " \
           "sender's country" in report


def test_a_target_language_other_than_english_keeps_the_english_letter(tmp_path: Path) -> None:
    kit, _, report = imported_kit(tmp_path, MEXICO)
    assert kit.languages == ("es", "en")
    assert kit.letters["es"].body.startswith("UNTRANSLATED: write the Spanish letter here")
    assert "the English letter is kept, last" in report
    assert paragraphs_of(kit.letters["en"].body)[-1] == (
        "I urge you to release Ana López and Luis Pérez immediately and unconditionally, and "
        "to drop all charges against them.")
    assert kit.letters["en"].closing == "Yours faithfully,"


def test_people_with_pronouns_dates_and_links(tmp_path: Path) -> None:
    kit, draft, _ = imported_kit(tmp_path, MEXICO)
    assert kit.people == "Ana López (she/her) and Luis Pérez (he/him)"
    assert "# One by one: Ana López: she/her; Luis Pérez: he/him - kit.yaml cannot hold" in draft
    assert kit.action.deadline.isoformat() == "2025-10-03"  # 'October 3, 2025'
    assert kit.action.url == "https://www.amnesty.org/en/documents/amr41/0000/2025/en/"
    assert "[mining concession](https://www.example.org/concession)" in kit.background
    assert "have been threatened or attacked" in kit.background  # '[threatened](#)'
    assert "**more than 200 days**" in kit.summary


def test_sections_in_another_order_and_a_copy_with_an_address(tmp_path: Path) -> None:
    kit, _, report = imported_kit(tmp_path, EGYPT)
    assert kit.languages == ("ar", "en")
    assert kit.action.deadline.isoformat() == "2025-11-15"  # '15/11/2025'
    assert kit.action.url == "https://www.amnesty.org/en/documents/mde12/0000/2025/en/"
    assert kit.people == "Mona Hassan (she/her)"
    assert paragraphs_of(kit.background)[0].startswith("Mona Hassan, 34, has worked")
    main, copy = kit.targets
    assert (main.title, main.name, main.country) == ("Public Prosecutor",
                                                     "Counsellor Mohamed Shawky", "Egypt")
    assert (main.fax, main.email, main.phone) == (
        ("+20 2 2577 4716",), ("ppo@ppo.gov.eg", "complaints@ppo.gov.eg"),
        ("+20 2 2577 4717", "+20 2 2577 4718"))
    assert copy.role == "copy"
    assert (copy.title, copy.name, copy.email) == ("Minister of Foreign Affairs", "Badr Abdelatty",
                                                   ("minister@mfa.gov.eg",))
    assert copy.address == ("Ministry of Foreign Affairs", "Corniche el-Nil, Maspero", "Cairo")
    assert copy.salutation["ar"].startswith("UNTRANSLATED:")
    assert kit.main_target.salutation["en"] == "Dear Counsellor,"
    assert paragraphs_of(kit.letters["en"].body)[0].startswith("I am deeply concerned")
    assert kit.letters["en"].closing == "Respectfully,"
    assert "egypt-journalist.txt:27: targets.1.salutation.en: 'Dear Sir or Madam,'" in report


def test_a_postcode_line_and_the_country_alone(tmp_path: Path) -> None:
    kit, _, _ = imported_kit(tmp_path, BELARUS)
    target = kit.main_target
    assert target.address == ("ul. Internatsionalnaya 22", "220030 Minsk")
    assert target.country == "Belarus"
    assert kit.languages == ("ru", "be", "en")
    assert kit.action.deadline.isoformat() == "2025-12-01"


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_word_and_pdf_versions_import_as_the_text_does(tmp_path: Path, kind: str) -> None:
    make = make_docx if kind == "docx" else make_pdf
    document = make(BELARUS, tmp_path / f"belarus-student.{kind}")
    from_text = imported_kit(tmp_path / "txt", BELARUS)[0]
    kit, _, report = imported_kit(tmp_path / kind, document)
    _assert_same_facts(kit, from_text)
    where = "paragraph 15" if kind == "docx" else "page 1, line 30"
    assert f"belarus-student.{kind} ({where}): action.deadline: 2025-12-01" in report


def test_pdf_paragraphs_over_a_page_break(tmp_path: Path) -> None:
    # The example document runs to three pages in this layout; its paragraphs must survive.
    document = make_pdf(DOCUMENTS / "pakistan-refugees.txt", tmp_path / "ua.pdf")
    from_text = imported_kit(tmp_path / "txt", DOCUMENTS / "pakistan-refugees.txt")[0]
    kit = imported_kit(tmp_path / "pdf", document)[0]
    assert paragraphs_of(kit.background) == [shown(p) for p in paragraphs_of(from_text.background)]
    assert [shown(p) for p in paragraphs_of(kit.letters["en"].body)] == [
        shown(p) for p in paragraphs_of(from_text.letters["en"].body)]


def _assert_same_facts(kit: Kit, want: Kit) -> None:
    assert kit.headline == want.headline
    assert kit.summary == want.summary
    assert kit.targets == want.targets
    assert kit.letters == want.letters
    assert kit.background == want.background
    assert kit.languages == want.languages
    assert kit.action == want.action
    assert kit.people == want.people


def test_a_draft_missing_deadline_and_link_says_why_it_does_not_check(tmp_path: Path) -> None:
    text = BELARUS.read_text(encoding="utf-8")
    cut = "\n".join(line for line in text.splitlines()
                    if not line.startswith(("PLEASE TAKE ACTION", "LINK TO PREVIOUS")))
    document = tmp_path / "ua.txt"
    document.write_text(cut, encoding="utf-8")
    status, out, _ = run_cli("import", str(document), "--out", str(tmp_path / "kit.yaml"))
    assert status == 0
    assert "ua.txt: action.deadline: no 'PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL'" in out
    status, _, err = run_cli("check", str(tmp_path / "kit.yaml"))
    assert status == 2
    assert "action.url: empty text" in err
    assert "action.deadline: '' is not a date" in err


def test_the_command_imports_in_a_new_process(tmp_path: Path) -> None:
    # The command as users run it; 20 s only detects a hang (it takes well under a second).
    result = subprocess.run(
        [sys.executable, "-m", "appealkit", "import", str(DOCUMENTS / "pakistan-refugees.txt")],
        cwd=tmp_path, capture_output=True, text=True, timeout=20, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("appealkit: wrote kit.yaml from ")
    read_kit(tmp_path / "kit.yaml", today=BEFORE)
