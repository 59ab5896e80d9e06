"""Targets as real Urgent Actions give them (issue 10 §2) and letters to several targets (§4):
contact lists, a letter's own language in the window, embassy copies, email-only targets,
letters keyed by target and language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import EXAMPLE, TODAY, run_cli, variant
from pdfutil import char_boxes, normalise, page_texts
from test_window import _window

from appealkit.build import read_kit
from appealkit.errors import KitError
from appealkit.layout.boxes import Rule, TextBox
from appealkit.layout.letter import layout_letter
from appealkit.layout.paper import PAPERS
from appealkit.layout.tally import tally_headings
from appealkit.signers import read_signers

KITS = Path(__file__).parent / "kits"
TWO = KITS / "two_targets.yaml"
EMAIL = KITS / "email_only.yaml"
DAY = "2025-05-01"


def _build(kit: Path, out: Path, paper: str = "a4", *extra: str) -> dict[str, Path]:
    status, stdout, stderr = run_cli("build", str(kit), "--out", str(out), "--paper", paper,
                                     "--today", DAY, *extra)
    assert status == 0, stderr
    return {Path(line).name: Path(line) for line in stdout.split()}


@pytest.fixture(scope="module", params=["a4", "letter"])
def two(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp(f"two-{request.param}")
    return {"paper": request.param, "files": _build(TWO, out, request.param)}


@pytest.fixture(scope="module")
def email_only(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _build(EMAIL, tmp_path_factory.mktemp("email"))


def _text(path: Path) -> str:
    return normalise(" ".join(page_texts(path)))


def _inside_window(path: Path, line: str, paper: str) -> None:
    left, top, right, bottom = _window(paper)
    height = PAPERS[paper].height
    for x0, y0, x1, y1 in char_boxes(path, line):
        assert left <= x0 and x1 <= right, (line, x0, x1)
        assert top <= height - y1 and height - y0 <= bottom, (line, y0, y1)


# -- several letters ------------------------------------------------------------------------


def test_each_letter_is_a_file_named_after_its_target_and_language(two: dict) -> None:
    letters = sorted(name for name in two["files"] if name.startswith("letter-"))
    assert letters == ["letter-minister-en.pdf", "letter-minister-es.pdf",
                       "letter-prosecutor-es.pdf"]


def test_each_letter_has_its_own_window_address(two: dict) -> None:
    files, paper = two["files"], two["paper"]
    minister = ["Gerardo Alvarado Núñez", "Ministro de Seguridad",
                "Tegucigalpa, Municipio del Distrito Central", "HONDURAS"]
    for line in minister:
        _inside_window(files["letter-minister-es.pdf"], line, paper)
    for line in ["Gerardo Alvarado Núñez", "Minister of Security", "Tegucigalpa, M.D.C."]:
        _inside_window(files["letter-minister-en.pdf"], line, paper)
    for line in ["Lucía Mendoza Paz", "Fiscal General de la República", ("Avenida República "
                 "Dominicana")]:
        _inside_window(files["letter-prosecutor-es.pdf"], line, paper)
    assert "Lucía" not in _text(files["letter-minister-es.pdf"])
    assert "Gerardo" not in _text(files["letter-prosecutor-es.pdf"])


def test_a_spanish_letter_names_the_target_in_spanish_only(two: dict) -> None:
    text = _text(two["files"]["letter-minister-es.pdf"])
    assert "Ministro de Seguridad" in text and "Minister of Security" not in text
    assert "Señor Ministro:" in text


def test_each_letter_lists_its_own_copies(two: dict) -> None:
    minister = _text(two["files"]["letter-minister-es.pdf"])
    prosecutor = _text(two["files"]["letter-prosecutor-es.pdf"])
    assert "Copia a: la representación diplomática de Honduras ____" in minister
    assert "National Commissioner" not in minister  # copies: [embassy]
    assert "Copia a: National Commissioner for Human Rights, Ana Pineda" in prosecutor
    assert "Copia a: la representación diplomática de Honduras" in prosecutor
    english = _text(two["files"]["letter-minister-en.pdf"])
    assert "Copy to: the diplomatic representative of Honduras ____" in english


def test_the_pack_has_a_bookmark_per_letter_naming_its_target(two: dict) -> None:
    pdf = pdfium.PdfDocument(str(two["files"]["pack.pdf"]))
    try:
        toc = [item.get_title() for item in pdf.get_toc()]
        subject = pdf.get_metadata_dict()["Subject"]
    finally:
        pdf.close()
    assert toc == ["Fact sheet", "Model letter to the Minister of Security in Spanish",
                   "Model letter to the Minister of Security in English",
                   "Model letter to the Attorney General in Spanish"]
    assert "Minister of Security" in subject and "Attorney General" in subject


def test_the_fact_sheet_has_a_write_step_per_target_with_every_contact(two: dict) -> None:
    text = _text(two["files"]["fact-sheet.pdf"])
    assert ("Write a letter to the Minister of Security in Spanish or English: use the model "
            "letters in this pack or your own words. Sign it and post it.") in text
    assert "Write a letter to the Attorney General in Spanish:" in text
    assert "Email despacho@seguridad.example.hn, ministro@seguridad.example.hn" in text
    assert "Call +504 2220 1000, +504 2220 1001" in text
    assert "Fax +504 2221 5600" in text
    assert ("Send a copy to National Commissioner for Human Rights, Ana Pineda (Email "
            "quejas@conadeh.example.hn)") in text
    assert ("Send a copy to the diplomatic representative of Honduras accredited to your "
            "country: look up the embassy's address.") in text
    # WRITE TO: both targets; their salutations are on their letters, to leave room
    assert "Gerardo Alvarado Núñez Minister of Security" in text
    assert "Lucía Mendoza Paz Attorney General" in text
    assert "SALUTATION" not in text and "Señora Fiscal General:" not in text


def test_envelopes_labels_and_posting_guide_follow_the_targets(two: dict) -> None:
    files = two["files"]
    envelopes = [normalise(page) for page in page_texts(files["envelopes.pdf"])]
    assert len(envelopes) == 2  # the embassy and the email-only copy have no envelope
    assert "Minister of Security" in envelopes[0] and "Attorney General" in envelopes[1]
    labels = _text(files["labels.pdf"])
    assert "Attorney General" in labels and "Commissioner" not in labels
    guide = normalise(page_texts(files["handouts.pdf"])[1])
    assert "Avenida República Dominicana" in guide and "Colonia Casamata" in guide
    assert "accredited to your country: look up the embassy's address." in guide
    assert "Ana Pineda (quejas@conadeh.example.hn)." in guide


def test_the_tally_counts_each_letter_by_target_and_language() -> None:
    kit, _ = read_kit(TWO, today=dt.date(2025, 5, 1))
    assert tally_headings(kit)[3:6] == ["Minister of Security (Spanish)",
                                        "Minister of Security (English)",
                                        "Attorney General (Spanish)"]


def test_signers_choose_letters_by_language_target_or_both(tmp_path: Path) -> None:
    from appealkit.signed_letters import letter_choices

    kit, _ = read_kit(TWO, today=dt.date(2025, 5, 1))
    choices = letter_choices(kit)
    csv = tmp_path / "signers.csv"
    csv.write_text("name,address,languages\nA,1 Road,es\nB,2 Road,prosecutor\n"
                   "C,3 Road,minister-en\nD,4 Road,\nE,5 Road,fr\n", encoding="utf-8")
    with pytest.raises(KitError) as info:
        read_signers(csv, choices)
    assert [str(p) for p in info.value.problems] == [
        (f"{csv}:6: languages: 'fr' is not a letter of this kit; its letters are minister-es, "
        "minister-en, prosecutor-es")]
    csv.write_text("\n".join(csv.read_text().splitlines()[:-1]) + "\n", encoding="utf-8")
    signers = read_signers(csv, choices)
    assert [s.languages for s in signers] == [
        ("minister-es", "prosecutor-es"), ("prosecutor-es",), ("minister-en",),
        ("minister-es", "minister-en", "prosecutor-es")]
    out = tmp_path / "out"
    files = _build(TWO, out, "a4", "--parts", "pack", "--signers", str(csv))
    texts = [normalise(page) for page in page_texts(files["signed-letters.pdf"])]
    assert len(texts) == 7
    assert "Fiscal General de la República" in texts[1] and "B" in texts[2]


def test_the_site_lists_each_letter_with_its_target(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    status, _, stderr = run_cli("site", str(TWO), "--out", str(tmp_path), "--today", DAY)
    assert status == 0, stderr
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    for part in ("letter-minister-es", "letter-minister-en", "letter-prosecutor-es"):
        assert f'href="{part}-a4.pdf"' in page
    assert "(Spanish) · Attorney General</h3>" in page
    assert "<h3>English · Minister of Security</h3>" in page


def test_one_target_keyed_by_id_builds_the_same_letters_as_keyed_by_language(
        make_kit, tmp_path: Path) -> None:
    def by_target(data: dict) -> None:
        data["targets"][0]["id"] = "minister"
        data["letters"] = {"minister": data["letters"]}

    old = _build(make_kit(name="old.yaml"), tmp_path / "old", "a4", "--parts", "pack",
                 "--today", TODAY)
    new = _build(make_kit(by_target, name="new.yaml"), tmp_path / "new", "a4", "--parts",
                 "pack", "--today", TODAY)
    assert sorted(old) == sorted(new)  # letter-en.pdf, letter-ur.pdf: one target
    for name in old:
        assert old[name].read_bytes() == new[name].read_bytes(), name


# -- email only -----------------------------------------------------------------------------


def test_an_email_only_target_is_not_asked_to_be_posted(email_only: dict[str, Path]) -> None:
    sheet = _text(email_only["fact-sheet.pdf"])
    assert "post it" not in sheet.lower()
    assert "your own words, and send it by email." in sheet
    assert "Email prosecutor@justice.example.org, info@justice.example.org" in sheet
    assert "envelopes.pdf" not in email_only and "labels.pdf" not in email_only
    guide = _text(email_only["tally.pdf"])
    assert "envelope" not in guide and "Post it" not in guide
    assert "Send it before 30 June 2025." in guide
    assert ("Email the letter to the Public Prosecutor: prosecutor@justice.example.org, "
            "info@justice.example.org.") in guide


def test_an_email_letter_has_no_window_and_no_fold_marks(email_only: dict[str, Path]) -> None:
    text = _text(email_only["letter-en.pdf"])
    assert ("Omar Haddad Public Prosecutor Email: prosecutor@justice.example.org Email: "
            "info@justice.example.org") in text
    for expected in ("Dear Public Prosecutor,", "release the blogger immediately",
                     "Yours sincerely,", "Signature", "Name", "Address"):
        assert expected in text
    kit, _ = read_kit(EMAIL, today=dt.date(2025, 5, 1))
    page = layout_letter(kit, kit.letter_list[0], PAPERS["a4"], dt.date(2025, 5, 1)).pages[0]
    marks = [item for item in page.items if isinstance(item, Rule) and item.x2 < 10 * 72 / 25.4]
    assert marks == []  # the same letter to a postal target has its fold marks
    window = PAPERS["a4"].window
    block = next(item for item in page.items if isinstance(item, TextBox)
                 and "Omar" in item.paragraph.lines[0].runs[0].text)
    assert block.x == 25 * 72 / 25.4 and block.x != window.x  # at the margin, not inset


# -- the window in a letter's own script -----------------------------------------------------


def _window_box(kit_path: Path, language: str) -> str:
    kit, _ = read_kit(kit_path, today=dt.date(2025, 7, 1))
    letter = next(each for each in kit.letter_list if each.language == language)
    page = layout_letter(kit, letter, PAPERS["a4"], dt.date(2025, 7, 1)).pages[0]
    window = PAPERS["a4"].window
    boxes = [item for item in page.items if isinstance(item, TextBox)
             and window.x <= item.x < window.x + window.width and item.y < window.y + window.height
             and item.y >= window.y]
    return " ".join(run.text for box in boxes for line in box.paragraph.lines
                    for run in line.runs)


def test_the_urdu_letter_keeps_the_latin_window_unless_told(tmp_path: Path) -> None:
    assert "Minister of Interior" in _window_box(EXAMPLE, "ur")
    text = EXAMPLE.read_text(encoding="utf-8").replace(  # a short address, as a window holds
        "          - چوتھی منزل، آر بلاک، پاک سیکرٹریٹ،\n          - شاہراہِ دستور، جی-۵/۱،\n"
        "          - اسلام آباد، پاکستان\n",
        "          - پاک سیکرٹریٹ، اسلام آباد\n        window: true\n", 1)
    (tmp_path / "kit.yaml").write_text(text, encoding="utf-8")
    shown = _window_box(tmp_path / "kit.yaml", "ur")
    assert "وفاقی وزیرِ داخلہ" in shown and "Minister of Interior" not in shown
    assert "PAKISTAN" in shown  # the country as the sender's post reads it


# -- problems, located ----------------------------------------------------------------------


def _problems(tmp_path: Path, *edits: tuple[str, str]) -> list[str]:
    path = variant(tmp_path, *edits, source=TWO)
    with pytest.raises(KitError) as info:
        read_kit(path, today=dt.date(2025, 5, 1))
    return [str(problem).replace(f"{tmp_path}/", "") for problem in info.value.problems]


def _line(needle: str) -> int:
    text = TWO.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_unknown_target_id_in_letters(tmp_path: Path) -> None:
    assert _problems(tmp_path, ("  prosecutor:\n    es:", "  prosecuter:\n    es:")) == [
        (f"kit.yaml:{_line('  - id: prosecutor')}:5: targets.1: 'prosecutor' gets no letters; "
        "add its letters under letters.prosecutor, or give it 'role: copy'"),
        (f"kit.yaml:{_line('  prosecutor:')}:3: letters.prosecuter: no target has the id "
        "'prosecuter' (ids: minister, prosecutor, commission, embassy); did you mean "
        "'prosecutor'?")]


def test_missing_letter_for_a_targets_language(tmp_path: Path) -> None:
    problems = _problems(tmp_path, ("    copies: [embassy, commission]",
                                    "    copies: [embassy, commission]\n    languages: [es, en]"))
    line = _line("    copies: [embassy, commission]") + 1
    assert f"kit.yaml:{line}:21: targets.1.languages: 'en' has no letter; add " \
           "letters.prosecutor.en, or remove 'en' here" in problems
    assert any("targets.1.salutation: no salutation for 'en'" in p for p in problems)


def test_letters_by_language_and_by_target_are_not_mixed(tmp_path: Path) -> None:
    problems = _problems(tmp_path, ("letters:\n  minister:",
                                    "letters:\n  en:\n    body: x\n    closing: y\n  minister:"))
    assert problems == [
        (f"kit.yaml:{_line('letters:') + 1}:3: letters.en: the other letters are keyed by target "
        "('minister'): put this one under its target too (letters: {minister: {en: …}})")]


def test_copies_name_copy_targets(tmp_path: Path) -> None:
    problems = _problems(tmp_path, ("copies: [embassy, commission]",
                                    "copies: [embasy, commission, minister]"))
    line = _line("copies: [embassy, commission]")
    assert problems == [
        (f"kit.yaml:{line}:14: targets.1.copies.0: no target has the id 'embasy' (ids: minister, "
        "prosecutor, commission, embassy); did you mean 'embassy'?"),
        (f"kit.yaml:{line}:34: targets.1.copies.2: 'minister' is not a copy target; list here the "
        "ids of targets with 'role: copy'")]


def test_what_is_printed_is_required_and_nothing_else(tmp_path: Path) -> None:
    at = _line("  - id: prosecutor")
    assert _problems(tmp_path, ("    country: Honduras\n    fax:", "    fax:")) == [
        (f"kit.yaml:{at}:5: targets.1: missing key 'country' (country of the postal address, "
        "printed last in capitals on the envelope)")]
    at = _line("  - id: commission")
    assert _problems(tmp_path, ("    email: quejas@conadeh.example.hn\n", "")) == [
        (f"kit.yaml:{at}:5: targets.2: nowhere to send the copy: give its address (address, "
        "country), an email, or 'embassy: <country>' for the embassy in each sender's own "
        "country")]
    assert _problems(tmp_path, ("    title: National Commissioner for Human Rights\n", "")) == [
        (f"kit.yaml:{at}:5: targets.2: missing key 'title' (title or office, e.g. 'Minister of "
        "Interior')")]
    # The embassy copy has no name, title, address or country: the kit above is valid


def test_an_email_only_main_target_needs_an_email(tmp_path: Path) -> None:
    text = EMAIL.read_text(encoding="utf-8").replace(
        "    email: [prosecutor@justice.example.org, info@justice.example.org]\n", "")
    (tmp_path / "kit.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as info:
        read_kit(tmp_path / "kit.yaml", today=dt.date(2025, 5, 1))
    assert [p.message for p in info.value.problems] == [
        ("no address and no email: give the postal address (address, country) or the email "
        "address the letters go to")]


def test_a_single_email_or_a_list(tmp_path: Path) -> None:
    problems = _problems(tmp_path, ("ministro@seguridad.example.hn]", "ministro@seguridad]"))
    line = _line("    email: [despacho")
    assert problems == [(f"kit.yaml:{line}:44: targets.0.email.1: 'ministro@seguridad' is not an "
                        "email address (name@example.org)")]


def test_signed_email_letters_have_no_return_line_to_replace(tmp_path: Path) -> None:
    kit = tmp_path / "kit.yaml"
    kit.write_text(EMAIL.read_text(encoding="utf-8").replace(
        "letter:\n", "letter:\n  return_line: Amnesty Group 123 · 1 Example Street\n", 1),
        encoding="utf-8")
    csv = tmp_path / "signers.csv"
    csv.write_text("name,address\nJane Smith,1 High Street / Leeds\n", encoding="utf-8")
    files = _build(kit, tmp_path / "out", "a4", "--parts", "pack", "--signers", str(csv))
    text = _text(files["signed-letters.pdf"])
    assert "Jane Smith" in text and "Amnesty Group 123" not in text
    assert "Email: prosecutor@justice.example.org" in text


def test_the_site_of_an_email_only_kit_says_to_send_by_email(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    status, _, stderr = run_cli("site", str(EMAIL), "--out", str(tmp_path), "--today", DAY)
    assert status == 0, stderr
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<p>Send one by email, or write in your own words.</p>" in page
    assert "post it" not in page


def test_a_spanish_fact_sheet_names_the_targets_in_spanish(tmp_path: Path) -> None:
    kit = tmp_path / "kit.yaml"
    kit.write_text(TWO.read_text(encoding="utf-8").replace("language: en\n", "language: es\n", 1),
                   encoding="utf-8")
    _, warnings = read_kit(kit, today=dt.date(2025, 5, 1))
    assert warnings == []
    sheet = _text(_build(kit, tmp_path / "out", "a4", "--parts", "pack")["fact-sheet.pdf"])
    assert "Escribe una carta a: Ministro de Seguridad, en español o inglés." in sheet
    assert "Escribe una carta a: Fiscal General de la República, en español." in sheet
    assert ("Envía una copia a la representación diplomática de Honduras acreditada en tu "
            "país: busca la dirección de la embajada.") in sheet
    assert "Tegucigalpa, Municipio del Distrito Central" in sheet  # as the Spanish window has it


def test_an_urdu_email_letter_keeps_its_latin_block_whole(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    address = ("    address:\n      - 4th Floor, R Block, Pak Secretariat\n"
               "      - Constitution Ave, G-5/1\n      - Islamabad\n    country: Pakistan\n")
    assert address in text
    (tmp_path / "kit.yaml").write_text(text.replace(address, "", 1), encoding="utf-8")
    files = _build(tmp_path / "kit.yaml", tmp_path / "out", "a4", "--parts", "pack",
                   "--today", TODAY)
    urdu = normalise(page_texts(files["letter-ur.pdf"])[0])
    assert "Minister of Interior Email: secretary@interior.gov.pk Fax: +92 51 920 2624" in urdu
    assert "وفاقی وزیرِ داخلہ" in urdu  # the Urdu heading stays
    sheet = _text(files["fact-sheet.pdf"])
    assert "send it by email" in sheet and "post it" not in sheet


def test_portuguese_letters_have_their_own_date_and_captions() -> None:
    from appealkit.layout.locale import format_date, label

    assert format_date(dt.date(2026, 11, 1), "pt") == "1 de novembro de 2026"
    assert [label("pt", key) for key in ("signature", "name", "address", "copy_to")] == [
        "Assinatura", "Nome", "Endereço", "Cópia para"]
