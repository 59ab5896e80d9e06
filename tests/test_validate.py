"""Validation: every mistake in a kit is reported in one run, located, with the key and what to do."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
from pathlib import Path

import pytest
from conftest import line_col, variant

from appealkit import read_kit
from appealkit.errors import KitError
from appealkit.model import Kit, PartialDate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "kit.yaml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
TODAY = dt.date(2025, 7, 1)


def _image(kind: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), (255, 210, 0)).save(buffer, kind)
    return buffer.getvalue()


PNG = _image("PNG")
JPEG = _image("JPEG")


def errors(path: Path) -> list[str]:
    with pytest.raises(KitError) as info:
        read_kit(path, today=TODAY)
    return [str(p).replace(str(path), "kit.yaml") for p in info.value.problems]


def at(path: Path, needle: str, offset: int = 0) -> str:
    """`kit.yaml:LINE:COL` of the first `needle` in the file (plus `offset` columns)."""
    line, column = line_col(path, needle, offset)
    return f"kit.yaml:{line}:{column}"


# The example


def test_example_kit_is_valid() -> None:
    kit, warnings = read_kit(EXAMPLE, today=TODAY)
    assert isinstance(kit, Kit)
    assert kit.source == EXAMPLE
    assert list(kit.letters) == ["en", "ur"] == list(kit.languages)
    assert kit.letters["ur"].language == "ur"
    assert kit.main_target.email == ("secretary@interior.gov.pk",)  # one text: a list of one
    assert kit.action.deadline == dt.date(2025, 9, 15)
    assert kit.timeline[0].date == PartialDate(2023, 10)
    assert kit.timeline[2].date == PartialDate(2025, 4, 1)
    assert kit.letter.date == "today"
    assert kit.figures[1].value == "1,080,312" and kit.figures[1].source is None
    assert isinstance(kit.targets, tuple) and isinstance(kit.targets[0].address, tuple)
    assert all(w.severity == "warning" and w.mark is not None for w in warnings)


def test_marks_cover_key_paths() -> None:
    kit, _ = read_kit(EXAMPLE, today=TODAY)
    for path in [
        "letters.en.body",
        "letters.ur.body",
        "targets.0.email",
        "figures.2.value",
        "background",
        "action.url",
        "timeline.3.text",
        "targets.0.local.ur.address.1",
        "languages.1",
    ]:
        assert path in kit.marks, path
    assert (
        f"kit.yaml:{kit.marks['targets.0.email'].line}"
        == at(EXAMPLE, "email: secretary").rsplit(":", 1)[0]
    )
    assert (
        kit.marks["figures.2.value"].line
        == EXAMPLE_TEXT[: EXAMPLE_TEXT.index("value: 1,088,133")].count("\n") + 1
    )


def test_letters_follow_the_order_of_languages(tmp_path: Path) -> None:
    kit, _ = read_kit(
        variant(tmp_path, ("languages: [en, ur]", "languages: [ur, en]")), today=TODAY
    )
    assert list(kit.letters) == ["ur", "en"]


# Required keys, unknown keys, types


def test_missing_required_keys_say_what_they_are(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("    country: Pakistan\n", ""),
        ("  label: The previous", "  labels: The previous"),
    )
    found = errors(path)
    assert found == [
        f"{at(path, 'url: https://www.amnesty')}: action: unknown key 'labels'; did you mean 'label'?".replace(
            at(path, "url: https://www.amnesty"), at(path, "labels:")
        ),
        f"{at(path, 'role: main')}: targets.0: missing key 'country' (country of the postal address, printed last in capitals on the envelope)",
    ]


def test_unknown_key_without_close_match_lists_the_keys(tmp_path: Path) -> None:
    path = variant(tmp_path, ("  status: open", "  colour: red\n  status: open"))
    (found,) = errors(path)
    assert (
        found
        == f"{at(path, 'colour')}: action: unknown key 'colour'; the keys here are: url, label, deadline, status, after_deadline"
    )


def test_key_at_the_wrong_level_gets_an_indentation_hint(tmp_path: Path) -> None:
    path = variant(tmp_path, ("languages: [en, ur]", "languages: [en, ur]\nsalutation: x"))
    assert errors(path) == [
        f"{at(path, 'salutation: x')}: unknown key 'salutation' here; it belongs in a 'targets' entry: check its indentation"
    ]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "figures:\n  - value: 1.4 million",
            "figures: many\nfigure:\n  - value: 1.4 million",
            "many",
            "figures: expected a list (lines starting with '- '), found the text 'many'",
        ),
        ("language: en", "language: [en]", "[en]", "language: expected text, found a list"),
        (
            "organisation:\n  name: Amnesty International\n",
            "organisation: Amnesty International\nx:\n",
            "Amnesty",
            "organisation: expected keys ('name: …', 'logo: …', 'accent: …', …), found the text 'Amnesty International'",
        ),
        (
            "      ur: محترم",
            "      ur:\n        - محترم",
            "- محترم",
            "targets.0.salutation.ur: expected text, found a list",
        ),
        (
            "headline: 1.4 million refugees need registration renewal",
            "headline: ''",
            "''",
            "headline: empty text; fill it in (the fact sheet's headline)",
        ),
        (
            "      - Islamabad\n",
            "      -\n",
            "      -\n",
            "targets.0.address.2: empty list entry; fill it in or remove the '-'",
        ),
    ],
)
def test_wrong_types(tmp_path: Path, old: str, new: str, needle: str, message: str) -> None:
    path = variant(tmp_path, (old, new))
    found = [f for f in errors(path) if "unknown key" not in f]
    offset = (
        len(needle) - 1 if needle.endswith("\n") else 0
    )  # an empty value sits at the line's end
    assert found == [f"{at(path, needle, offset)}: {message}"]


def test_numbers_are_text_where_text_is_expected(tmp_path: Path) -> None:
    path = variant(
        tmp_path, ("value: 800,000", "value: 800000"), ("fax: +92 51 920 2624", "phone: 0300123")
    )
    kit, _ = read_kit(path, today=TODAY)
    assert kit.figures[3].value == "800000"
    assert kit.main_target.phone == ("0300123",)  # YAML 1.1 would read an octal number


# Dates


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "deadline: 2025-09-15",
            "deadline: 2025-06-31",
            "action.deadline: '2025-06-31' is not a date: June 2025 has 30 days",
        ),
        (
            "deadline: 2025-09-15",
            "deadline: 15/09/2025",
            "action.deadline: '15/09/2025' is not a date; write it as YYYY-MM-DD, e.g. 2025-09-15",
        ),
        (
            "deadline: 2025-09-15",
            "deadline: 2025-09",
            "action.deadline: '2025-09' is not a date; write it as YYYY-MM-DD, e.g. 2025-09-15",
        ),
        (
            "date: 2024-06",
            "date: 2024-02-30",
            "timeline.1.date: '2024-02-30' is not a date: February 2024 has 29 days",
        ),
        (
            "date: 2024-06",
            "date: 2023-02-29",
            "timeline.1.date: '2023-02-29' is not a date: February 2023 has 28 days",
        ),
        (
            "date: 2024-06",
            "date: 2024-13",
            "timeline.1.date: '2024-13' is not a date: there is no month 13",
        ),
        (
            "date: 2024-06",
            "date: June 2024",
            "timeline.1.date: 'June 2024' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-10",
        ),
        (
            "date: today",
            "date: tomorrow",
            "letter.date: 'tomorrow' is not 'today', 'blank' or a date YYYY-MM-DD",
        ),
        (
            "date: today",
            "date: 2025-04-31",
            "letter.date: '2025-04-31' is not a date: April 2025 has 30 days",
        ),
    ],
)
def test_impossible_dates_are_located(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = variant(tmp_path, (old, new))
    assert errors(path) == [f"{at(path, new, len(new.split(':')[0]) + 2)}: {message}"]


def test_partial_and_letter_dates(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("date: 2024-06", "date: 2024"),
        ("date: today", "date: 2025-09-01"),
        ("date: 2025-04-01", "date: '2025-04-01'"),
    )
    kit, _ = read_kit(path, today=TODAY)
    assert kit.timeline[1].date == PartialDate(2024)
    assert kit.timeline[2].date == PartialDate(2025, 4, 1)
    assert kit.letter.date == dt.date(2025, 9, 1)
    kit, _ = read_kit(variant(tmp_path, ("date: today", "date: blank")), today=TODAY)
    assert kit.letter.date == "blank"


# Addresses


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "htp://example.org",
            "'htp://example.org' is not an http(s) URL; write the full address, starting with https://",
        ),
        (
            "https://",
            "'https://' has no host name; write the full address, e.g. 'https://www.example.org/page'",
        ),
        (
            "https:///page",
            "'https:///page' has no host name; write the full address, e.g. 'https://www.example.org/page'",
        ),
        (
            "www.amnesty.org/en",
            "'www.amnesty.org/en' is not an http(s) URL; write it in full: 'https://www.amnesty.org/en'",
        ),
        (
            "file:///etc/passwd",
            "'file:///etc/passwd' is not an http(s) URL; write the full address, starting with https://",
        ),
        ("https://amnesty", "'https://amnesty' has no valid host name such as 'www.example.org'"),
        (
            "'https://www.amnesty.org/a b'",
            "'https://www.amnesty.org/a b' contains a space; a web address has none",
        ),
    ],
)
def test_action_url_must_be_http_with_a_host(tmp_path: Path, url: str, message: str) -> None:
    path = variant(
        tmp_path, ("url: https://www.amnesty.org/en/documents/asa33/7416/2023/en/", f"url: {url}")
    )
    assert errors(path) == [f"{at(path, 'url: ', 5)}: action.url: {message}"]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "https://", "ftp://example.org/x"]
)
def test_links_in_markup_must_be_web_addresses(tmp_path: Path, url: str) -> None:
    path = variant(
        tmp_path, ("interim government announced", f"interim government [announced]({url})")
    )
    (message,) = errors(path)
    assert message.startswith(
        f"{at(path, '[announced]', 12)}: background: link '[announced]({url})': "
    )


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("secretary@interior", "'secretary@interior' is not an email address (name@example.org)"),
        (
            "secretary.interior.gov.pk",
            "'secretary.interior.gov.pk' is not an email address (name@example.org)",
        ),
        (
            "mailto:secretary@interior.gov.pk",
            "'mailto:secretary@interior.gov.pk' is not an email address (name@example.org); leave out 'mailto:'",
        ),
        (
            "sec retary@interior.gov.pk",
            "'sec retary@interior.gov.pk' is not an email address (name@example.org)",
        ),
    ],
)
def test_malformed_email(tmp_path: Path, email: str, message: str) -> None:
    path = variant(tmp_path, ("email: secretary@interior.gov.pk", f"email: {email}"))
    assert errors(path) == [f"{at(path, 'email: ', 7)}: targets.0.email: {message}"]


def test_x_handle_and_phone(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ('x: "@MohsinnaqviC42"', "x: MohsinnaqviC42"),
        ("fax: +92 51 920 2624", "fax: call the office"),
    )
    assert errors(path) == [
        f"{at(path, 'fax: ', 5)}: targets.0.fax: 'call the office' is not a phone number; use digits, spaces and + ( ) - only",
        f'{at(path, "x: Mohs", 3)}: targets.0.x: \'MohsinnaqviC42\' is not an X handle like "@amnesty" (with the @, in quotes); write "@MohsinnaqviC42"',
    ]


# Languages, letters, salutations, targets


def test_language_without_letter_and_letter_not_listed(tmp_path: Path) -> None:
    path = variant(tmp_path, ("languages: [en, ur]", "languages: [en, fr]"))
    found = errors(path)
    assert (
        f"{at(path, 'fr]')}: languages: 'fr' has no letter; add letters.fr, or remove 'fr' here"
        in found
    )
    assert (
        f"{at(path, '  ur:' + chr(10) + '    subject', 2)}: letters.ur: 'ur' is not in languages; list it (languages: [en, fr, ur]) or remove this letter"
        in found
    )
    assert (
        f"{at(path, 'en: Dear')}: targets.0.salutation: no salutation for 'fr'; add 'fr: …', the greeting of the fr letter"
        in found
    )


def test_language_tags(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("languages: [en, ur]", "languages: [English, ur]"),
        ("language: en", "language: EN"),
    )
    found = errors(path)
    assert (
        f"{at(path, 'language: EN', 10)}: language: 'EN' is not a language tag such as 'en' or 'ur'"
        in found
    )
    assert (
        f"{at(path, 'English')}: languages.0: 'English' is not a language tag such as 'en' or 'ur'"
        in found
    )


def test_language_listed_twice(tmp_path: Path) -> None:
    path = variant(tmp_path, ("languages: [en, ur]", "languages: [en, ur, en]"))
    assert errors(path) == [f"{at(path, 'en]')}: languages: 'en' is listed twice; remove one"]


def test_target_without_salutation_for_a_letter_language(tmp_path: Path) -> None:
    path = variant(tmp_path, ("      ur: محترم وزیرِ داخلہ صاحب،\n", ""))
    assert errors(path) == [
        f"{at(path, 'en: Dear', 0)}: targets.0.salutation: no salutation for 'ur'; add 'ur: …', the greeting of the ur letter"
    ]


COPY_TARGET = """\
  - role: copy
    name: High Commission of Pakistan
    title: High Commissioner
    address: [34-36 Lowndes Square]
    country: United Kingdom
    salutation:
      en: Dear High Commissioner,
      ur: محترم ہائی کمشنر صاحب،
"""


def test_exactly_one_main_target(tmp_path: Path) -> None:
    kit, _ = read_kit(
        variant(tmp_path, ("# Languages the target", COPY_TARGET + "\n# Languages the target")),
        today=TODAY,
    )
    assert [t.role for t in kit.targets] == ["main", "copy"] and len(kit.copies) == 1

    path = variant(
        tmp_path,
        ("# Languages the target", COPY_TARGET.replace("role: copy", "role: main") + "\n#"),
    )
    second = EXAMPLE_TEXT.count(chr(10), 0, EXAMPLE_TEXT.index("# Languages the target")) + 1
    first = at(path, "role: main").split(":")[1]
    expected = (
        f"kit.yaml:{second}:11: targets.1.role: a second main target (the first is at line {first});"
        " only one target is main: give the others 'role: copy', or, to write a letter to each,"
        " give each an id and key the letters by it (letters: {id: {en: …}})"
    )
    assert errors(path) == [expected]

    path = variant(tmp_path, ("  - role: main", "  - role: copy"))
    assert errors(path) == [
        f"{at(path, '- role: copy')}: targets: no target has 'role: main'; give the person the letters are addressed to 'role: main'"
    ]


def test_role_with_did_you_mean(tmp_path: Path) -> None:
    path = variant(tmp_path, ("  - role: main", "  - role: mian"))
    assert errors(path) == [
        f"{at(path, 'mian')}: targets.0.role: 'mian' is not one of: main, copy; did you mean 'main'?"
    ]


def test_salutation_for_unlisted_language_is_a_warning(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        (
            "      en: Dear Honourable Minister,",
            "      en: Dear Honourable Minister,\n      fr: Monsieur le Ministre,",
        ),
    )
    _, warnings = read_kit(path, today=TODAY)
    assert any(
        w.path == "targets.0.salutation.fr" and "not in languages" in w.message for w in warnings
    )


# Organisation


@pytest.mark.parametrize(
    ("accent", "message"),
    [
        (
            '"FFD200"',
            '\'FFD200\' is not a colour like "#FFD200" (# and six hex digits, in quotes); write "#FFD200"',
        ),
        ('"#FFD20"', "'#FFD20' is not a colour like \"#FFD200\" (# and six hex digits, in quotes)"),
        ("yellow", "'yellow' is not a colour like \"#FFD200\" (# and six hex digits, in quotes)"),
    ],
)
def test_accent_colour(tmp_path: Path, accent: str, message: str) -> None:
    path = variant(tmp_path, ('accent: "#FFD200"', f"accent: {accent}"))
    assert errors(path) == [f"{at(path, 'accent: ', 8)}: organisation.accent: {message}"]


def test_unquoted_accent_colour_is_not_silently_dropped(tmp_path: Path) -> None:
    path = variant(tmp_path, ('accent: "#FFD200"', "accent: #FFD200"))
    assert errors(path) == [
        f'{at(path, "accent")}: organisation.accent: #FFD200 is read as a comment, leaving the colour empty; put it in quotes: accent: "#FFD200"'
    ]


def logo_kit(tmp_path: Path, logo: str) -> Path:
    return variant(tmp_path, ('  accent: "#FFD200"', f'  accent: "#FFD200"\n  logo: {logo}'))


@pytest.mark.parametrize("data", [PNG, JPEG])
def test_logo_png_or_jpeg_under_the_kit_folder(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(data)
    kit, _ = read_kit(logo_kit(tmp_path, "assets/logo.png"), today=TODAY)
    assert kit.organisation.logo == (tmp_path / "assets" / "logo.png").resolve()


def test_logo_that_is_a_pipe_is_not_opened(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    os.mkfifo(tmp_path / "assets" / "logo.png")
    path = logo_kit(tmp_path, "assets/logo.png")
    assert errors(path) == [
        f"{at(path, 'logo: ', 6)}: organisation.logo: 'assets/logo.png' is not an ordinary file; point to a PNG or JPEG image"
    ]


def test_control_characters_from_escapes_are_refused(tmp_path: Path) -> None:
    path = variant(tmp_path, ("    closing: Yours sincerely,", '    closing: "Yours\\asincerely,"'))
    assert errors(path) == [
        f"{at(path, chr(34) + 'Yours')}: letters.en.closing: control character U+0007 in the text; remove its escape"
    ]


@pytest.mark.parametrize(
    ("logo", "setup", "message"),
    [
        (
            "assets/logo.png",
            None,
            "'assets/logo.png' does not exist; check the name, or put the file under assets/",
        ),
        (
            "assets/logo.png",
            "assets/Logo.png",
            "'assets/logo.png' does not exist; did you mean 'Logo.png'?",
        ),
        ("assets/logo.png", "assets/logo.png/", "'assets/logo.png' is a folder, not an image file"),
        (
            "../logo.png",
            "../logo.png",
            "'../logo.png' is outside the kit's folder; copy the logo into assets/ next to the kit",
        ),
        (
            "/etc/passwd",
            None,
            "'/etc/passwd' is not relative to the kit's folder; put the logo under assets/ and write e.g. assets/logo.png",
        ),
        (
            "assets/logo.gif",
            "assets/logo.gif=GIF89a",
            "'assets/logo.gif' is a GIF file; save the logo as PNG (or JPEG) and point to that file",
        ),
        (
            "assets/logo.svg",
            "assets/logo.svg=<svg xmlns=",
            "'assets/logo.svg' is an SVG file; save the logo as PNG (or JPEG) and point to that file",
        ),
        (
            "assets/logo.png",
            "assets/logo.png=not an image",
            "'assets/logo.png' is not a PNG or JPEG image; save the logo as PNG (or JPEG) and point to that file",
        ),
        (
            "assets/logo.png",
            "assets/logo.png=\x89PNG\r\n\x1a\n broken",
            "'assets/logo.png' is a damaged PNG image (",
        ),
        (
            "assets/link.png",
            "assets/link.png->../outside.png",
            "'assets/link.png' is outside the kit's folder; copy the logo into assets/ next to the kit",
        ),
    ],
)
def test_bad_logo(tmp_path: Path, logo: str, setup: str | None, message: str) -> None:
    kit_dir = tmp_path / "kit"
    (kit_dir / "assets").mkdir(parents=True)
    if setup and "->" in setup:
        name, target = setup.split("->")
        (tmp_path / "outside.png").write_bytes(PNG)
        os.symlink(kit_dir / target, kit_dir / name)
    elif setup and setup.endswith("/"):
        (kit_dir / setup).mkdir()
    elif setup:
        name, _, content = setup.partition("=")
        (kit_dir / name).write_bytes(content.encode("latin-1") if content else PNG)
    path = logo_kit(kit_dir, logo)
    (found,) = errors(path)
    assert found.startswith(f"{at(path, 'logo: ', 6)}: organisation.logo: {message}")
    assert found.endswith("; export the logo again") == ("damaged" in message)


# Everything at once


def test_all_errors_of_a_file_in_one_run_sorted_by_position(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ('accent: "#FFD200"', 'accent: "#FFD2"'),
        ("deadline: 2025-09-15", "deadline: 2025-06-31"),
        ("email: secretary@interior.gov.pk", "email: secretary@interior"),
        ("    closing: والسلام،", "    closing: ''"),
    )
    found = errors(path)
    assert [f.split(": ")[1] for f in found] == [
        "organisation.accent",
        "action.deadline",
        "targets.0.email",
        "letters.ur.closing",
    ]
    lines = [int(f.split(":")[1]) for f in found]
    assert lines == sorted(lines)


def test_strict_turns_warnings_into_errors() -> None:
    _, warnings = read_kit(EXAMPLE, today=dt.date(2026, 1, 1))
    assert warnings
    with pytest.raises(KitError) as info:
        read_kit(EXAMPLE, today=dt.date(2026, 1, 1), strict=True)
    assert [str(p) for p in info.value.problems] == [str(w.as_error()) for w in warnings]
    assert all(p.severity == "error" for p in info.value.problems)


# User text is text


HOSTILE = '<img src="/etc/passwd"> <font face="x">&amp; <para>&lt;b&gt;</para> file:///etc/shadow'


def test_markup_like_text_is_kept_literally_and_reads_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = variant(
        tmp_path,
        ("headline: 1.4 million refugees need registration renewal", f"headline: '{HOSTILE}'"),
        ("    closing: Yours sincerely,", f"    closing: '{HOSTILE}'"),
    )
    opened: list[str] = []
    real_open = builtins.open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else repr(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    kit_again = read_kit(
        path, today=TODAY
    )  # fonts and caches first, so the spy sees only kit reading
    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    kit, _ = read_kit(path, today=TODAY)
    assert kit.headline == HOSTILE and kit.letters["en"].closing == HOSTILE
    assert kit_again[0].headline == HOSTILE
    assert all(not name.startswith("/etc") for name in opened)
    assert set(opened) <= {str(path)}


# Characters the fonts cannot draw


def test_characters_the_font_cannot_draw_are_named(tmp_path: Path) -> None:
    path = variant(
        tmp_path, ("    closing: Yours sincerely,", "    closing: Yours sincerely, \u2713 \u4e2d")
    )
    assert errors(path) == [
        f"{at(path, chr(0x2713))}: letters.en.closing: the font for 'en' text cannot draw '\u2713' (U+2713 CHECK MARK); replace or remove it",
        f"{at(path, chr(0x4E2D))}: letters.en.closing: the font for 'en' text cannot draw '\u4e2d' (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D); replace or remove it",
    ]


def test_a_kits_own_words_must_be_the_sheets_with_their_placeholders(tmp_path: Path) -> None:
    words = ("language: it\nwords:\n  take_actoin: AGISCI\n  write_how: a {titolo}\n"
             "  act_before: Agisci entro {deadline\n  post_how: \"{}\"\n"
             "  online: \"Azione online:\"")
    path = variant(tmp_path, ("language: en", words))
    quoted_braces = '"{}"'
    assert errors(path) == [
        (f"{at(path, 'take_actoin')}: words.take_actoin: the fact sheet has no word "
         "'take_actoin'; did you mean 'take_action'?"),
        (f"{at(path, 'a {titolo}')}: words.write_how: '{{titolo}}' cannot be filled in here; "
         "placeholders here: {title}, {languages}"),
        (f"{at(path, 'Agisci entro')}: words.act_before: a '{{' or '}}' without its partner; "
         "placeholders here: {deadline}"),
        (f"{at(path, quoted_braces)}: words.post_how: '{{}}' cannot be filled in here; "
         "placeholders here: {handle}"),
    ]
