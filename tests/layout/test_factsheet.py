"""The fact sheet is one page; text that cannot fit is a located error, never shrunk or cut."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from conftest import TODAY, run_cli, variant
from invariants import check_pdf


def test_overflowing_summary_is_named_with_its_overflow(make_kit, tmp_path) -> None:
    kit = make_kit(lambda d: d.update(summary="Pakistan must renew the cards. " * 200))
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY)
    assert status == 2
    first = stderr.splitlines()[0]
    assert first.startswith(f"{kit}:")
    assert ": summary: text does not fit on the one-page fact sheet by " in first
    assert "Traceback" not in stderr
    assert not out.exists() or not list(out.iterdir())


def test_overflow_keeps_earlier_output(make_kit, tmp_path) -> None:
    out = tmp_path / "out"
    good = make_kit(name="good.yaml")
    assert run_cli("build", str(good), "--out", str(out), "--today", TODAY)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = make_kit(lambda d: d.update(summary="Too long. " * 600), name="bad.yaml")
    assert run_cli("build", str(bad), "--out", str(out), "--today", TODAY)[0] == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_many_figures_wrap_into_rows_and_still_fit(make_kit, tmp_path) -> None:
    def edit(data: dict) -> None:
        data["figures"] = data["figures"][:3]

    kit = make_kit(edit)
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY)
    assert status == 0, stderr


def test_accent_colour_sets_readable_banner_ink() -> None:
    from appealkit.layout.factsheet import _ink_on

    assert _ink_on((1.0, 0.82, 0.0)) == (0.0, 0.0, 0.0)  # yellow: black text
    assert _ink_on((0.1, 0.1, 0.4)) == (1.0, 1.0, 1.0)  # navy: white text


def test_logo_is_printed_in_the_banner(make_kit, tmp_path) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from PIL import Image

    (tmp_path / "assets").mkdir()
    Image.new("RGB", (120, 40), (20, 60, 120)).save(tmp_path / "assets" / "logo.png")
    kit = make_kit(lambda d: d["organisation"].update(logo="assets/logo.png", accent="#1B3A6B"))
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY)
    assert status == 0, stderr
    pdf = pdfium.PdfDocument(str(out / "fact-sheet.pdf"))
    try:
        images = [o for o in pdf[0].get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
        left, bottom, right, top = images[0].get_bounds()
        height = pdf[0].get_height()
    finally:
        pdf.close()
    assert len(images) == 1
    assert abs((right - left) / (top - bottom) - 3.0) < 0.01  # aspect ratio kept
    assert top > height - 100  # in the banner at the top of the page


def test_banner_ink_contrasts_with_any_accent() -> None:
    """Whatever accent a kit picks, the banner text keeps a WCAG contrast of at least 4.5:1,
    which also survives a greyscale photocopy (contrast is a matter of luminance alone)."""
    from itertools import product

    from appealkit.layout.factsheet import _ink_on, contrast

    steps = [i / 8 for i in range(9)]
    for accent in product(steps, steps, steps):
        assert contrast(accent, _ink_on(accent)) >= 4.5, accent


def test_text_colours_read_on_their_backgrounds() -> None:
    from appealkit.layout import styles
    from appealkit.layout.boxes import BLACK, WHITE
    from appealkit.layout.factsheet import contrast

    assert contrast(styles.GREY, WHITE) >= 7  # captions, sources, the action address
    assert contrast(BLACK, styles.PANEL) >= 15  # figures on their tinted panels
    assert contrast((1.0, 0xD2 / 255, 0.0), BLACK) >= 12  # the example's yellow banner


def test_overflow_message_names_the_tallest_sections(make_kit, tmp_path) -> None:
    kit = make_kit(lambda d: d.update(figures=d["figures"] * 2))
    status, _, stderr = run_cli("build", str(kit), "--out", str(tmp_path / "out"), "--today", TODAY)
    assert status == 2
    assert "(tallest first: figures " in stderr.splitlines()[0]


def test_phone_number_is_a_step_on_the_fact_sheet(make_kit, tmp_path) -> None:
    from pdfutil import normalise, page_texts

    kit = make_kit(lambda d: d["targets"][0].update(phone="+92 51 921 0000"))
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY)
    assert status == 0, stderr
    assert "Call +92 51 921 0000" in normalise(page_texts(out / "fact-sheet.pdf")[0])


def _sheet_texts(make_kit, tmp_path, edit) -> tuple[str, str]:
    from pdfutil import normalise, page_texts

    kit = make_kit(edit)
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(kit), "--out", str(out), "--today", TODAY)
    assert status == 0, stderr
    return (normalise(page_texts(out / "fact-sheet.pdf")[0]),
            normalise(page_texts(out / "background.pdf")[0]))


def test_the_sheet_prints_its_own_words_in_the_kits_language(make_kit, tmp_path) -> None:
    expected = {
        "fr": ["ACTION URGENTE", "CE QUI S'EST PASSÉ", "CHIFFRES CLÉS", "CHRONOLOGIE", "AGISSEZ",
               "Date limite : 15 SEPTEMBRE 2025", "octobre 2023", "1er avril 2025",
               "en anglais ou en ourdou", "Agissez avant le 15 septembre 2025.",
               "FORMULE D'APPEL", "Dear Honourable Minister,", "Action en ligne :"],
        "es": ["ACCIÓN URGENTE", "QUÉ HA PASADO", "DATOS CLAVE", "ACTÚA",
               "Fecha límite: 15 DE SEPTIEMBRE DE 2025", "octubre de 2023", "en inglés o urdu",
               "Actúa antes del 15 de septiembre de 2025."],
        "de": ["EILAKTION", "WAS GESCHEHEN IST", "ZAHLEN UND FAKTEN", "WERDEN SIE AKTIV",
               "Frist: 15. SEPTEMBER 2025", "1. April 2025", "auf Englisch oder Urdu",
               "Handeln Sie vor dem 15. September 2025."],
    }
    backgrounds = {"fr": "ACTION URGENTE · CONTEXTE", "es": "ACCIÓN URGENTE · CONTEXTO",
                   "de": "EILAKTION · HINTERGRUND"}
    for language, words in expected.items():
        sheet, background = _sheet_texts(make_kit, tmp_path / language,
                                         lambda d, lang=language: d.update(language=lang))
        for text in words:
            assert text in sheet, (language, text)
        assert "What happened".upper() not in sheet and "TAKE ACTION" not in sheet
        assert background.startswith(backgrounds[language])


def test_a_language_appealkit_lacks_words_for_gets_english_ones(make_kit, tmp_path) -> None:
    sheet, background = _sheet_texts(make_kit, tmp_path, lambda d: d.update(language="it"))
    assert "WHAT HAPPENED" in sheet and "Deadline: 15 SEPTEMBER 2025" in sheet
    assert background.startswith("URGENT ACTION · BACKGROUND")


def test_a_kits_own_words_replace_the_sheets(make_kit, tmp_path) -> None:
    def italian(data: dict) -> None:
        data.update(language="it", words={
            "banner": "AZIONE URGENTE", "what_happened": "Cosa è successo",
            "take_action": "AGISCI", "deadline": "Scadenza:", "email": "Email:",
            "write": "Scrivi una lettera",
            "write_how": "a: {title}, in inglese o urdu. Firmala e spediscila.",
            "act_before": "Agisci entro il {deadline}.", "background": "AZIONE URGENTE · CONTESTO",
        })

    sheet, background = _sheet_texts(make_kit, tmp_path, italian)
    for text in ["AZIONE URGENTE", "COSA È SUCCESSO", "AGISCI", "Scadenza: 15 SEPTEMBER 2025",
                 "Email: secretary@interior.gov.pk", "Scrivi una lettera a: Minister of Interior,",
                 "Agisci entro il 15 September 2025.", "KEY FIGURES"]:  # the rest stays English
        assert text in sheet, text
    assert background.startswith("AZIONE URGENTE · CONTESTO")


def test_a_page_a_few_points_too_full_prints_with_less_white_between_sections(
        tmp_path) -> None:
    """A longer e-mail address takes a second line in the take-action band; on US Letter the
    example then needs a few points more than the usual gaps leave: the sheet closes its gaps
    between sections rather than refusing the kit, and nothing overlaps."""
    email = "principal.secretary.office@ministry-of-interior.gov.pk"
    kit = variant(tmp_path, ("email: secretary@interior.gov.pk", f"email: {email}"))
    out = tmp_path / "out"
    status, _, err = run_cli("build", str(kit), "--out", str(out), "--paper", "letter",
                             "--parts", "pack", "--today", TODAY)
    assert status == 0, err
    pdf = Path(out / "fact-sheet.pdf").read_bytes()
    assert check_pdf(pdf) == []
    document = pdfium.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    assert "principal.secretary.office@\r\nministry-of-interior.gov.pk" in text
