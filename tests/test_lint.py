"""Warnings: valid but probably wrong (passed deadline, placeholder links, Urdu typed as Arabic), each located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLE, line_col, variant

from appealkit import read_kit
from appealkit.errors import Problem
from appealkit.lint import lint_urdu

BEFORE = dt.date(2025, 7, 1)


def at(path: Path, needle: str, offset: int = 0) -> tuple[int, int]:
    return line_col(path, needle, offset)


def position(problem: Problem) -> tuple[int, int]:
    assert problem.mark is not None
    return problem.mark.line, problem.mark.column


# The deadline


def test_passed_deadline_quotes_the_kits_advice() -> None:
    _, found = read_kit(EXAMPLE, today=dt.date(2025, 9, 16))
    (deadline,) = [w for w in found if w.path == "action.deadline"]
    assert str(deadline) == (
        f"{EXAMPLE}:{at(EXAMPLE, 'deadline: 2025', 10)[0]}:13: warning: action.deadline: the deadline 2025-09-15"
        " has passed (today is 2025-09-16); the pack tells readers: 'Please check with the Amnesty office in"
        " your country if you wish to send appeals after the deadline.'"
    )


def test_deadline_day_itself_is_not_passed() -> None:
    _, found = read_kit(EXAMPLE, today=dt.date(2025, 9, 15))
    assert not [w for w in found if w.path == "action.deadline"]


def test_passed_deadline_without_advice(tmp_path: Path) -> None:
    path = variant(tmp_path, ("  after_deadline: >-\n", "  after_deadlines_removed: >-\n"))
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  after_deadlines_removed: >-\n    Please check with the Amnesty office in your country if you wish to send\n    appeals after the deadline.\n",
            "",
        ),
        encoding="utf-8",
    )
    _, found = read_kit(path, today=dt.date(2026, 1, 1))
    (deadline,) = [w for w in found if w.path == "action.deadline"]
    assert deadline.message.endswith(
        "set a new deadline, or add action.after_deadline with advice for late appeals"
    )


def test_default_today_is_the_real_date() -> None:
    _, found = read_kit(EXAMPLE)
    assert any(w.path == "action.deadline" for w in found) == (
        dt.date.today() > dt.date(2025, 9, 15)
    )


# Links and markup


def test_placeholder_links_are_located_at_their_address(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("the interim government announced the", "the interim government [announced](#) the"),
        (
            "government also announced that it will expel",
            "government also announced that it will [expel]()",
        ),
    )
    _, found = read_kit(path, today=BEFORE)
    links = [w for w in found if "has no address yet" in w.message]
    assert [(w.path, position(w)) for w in links] == [
        ("background", at(path, "[announced](#)", len("[announced]("))),
        ("background", at(path, "[expel]()", len("[expel]("))),
    ]
    assert str(links[0]).endswith(
        "warning: background: link '[announced](#)' has no address yet, so 'announced' is printed"
        " without a link; put the full https:// address between the brackets"
    )


def test_relative_link_suggests_the_full_address(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("interim government announced", "interim government [announced](www.example.org/plan)"),
    )
    _, found = read_kit(path, today=BEFORE)
    (link,) = [w for w in found if "www.example.org" in w.message]
    assert link.message.endswith("write it in full: 'https://www.example.org/plan'")
    assert position(link) == at(path, "www.example.org")


def test_unclosed_bold_in_a_letter(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        (
            "**at least 1.4 million Afghans in Pakistan**",
            "**at least 1.4 million Afghans in Pakistan",
        ),
    )
    _, found = read_kit(path, today=BEFORE)
    (bold,) = [w for w in found if "**" in w.message]
    assert bold.path == "letters.en.body" and position(bold) == at(path, "**at least")


def test_links_in_plain_fields_are_not_markup(tmp_path: Path) -> None:
    path = variant(
        tmp_path, ("label: The previous Urgent Action", "label: The [previous](#) Urgent Action")
    )
    _, found = read_kit(path, today=BEFORE)
    assert not [w for w in found if w.path == "action.label"]


# Urdu orthography


def test_example_urdu_is_clean() -> None:
    _, found = read_kit(EXAMPLE, today=BEFORE)
    assert not [w for w in found if "Urdu" in w.message]


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        (
            "\u0633\u064a\u062f",
            1,
            "Arabic letter '\u064a' (U+064A) in Urdu text; use '\u06cc' (U+06CC, choti ye)",
        ),
        (
            "\u0639\u0644\u0649",
            2,
            "Arabic letter '\u0649' (U+0649) in Urdu text; use '\u06cc' (U+06CC, choti ye)",
        ),
        (
            "\u0643\u0627\u0631\u0688",
            0,
            "Arabic letter '\u0643' (U+0643) in Urdu text; use '\u06a9' (U+06A9, kaf)",
        ),
        (
            "\u062f\u0627\u062e\u0644\u0647",
            4,
            "Arabic letter '\u0647' (U+0647) in Urdu text; use '\u06c1' (U+06C1, gol he) or, where it is meant, '\u06be' (U+06BE)",
        ),
        (
            "\u0628\u0647\u06cc",
            1,
            "Arabic letter '\u0647' (U+0647) in Urdu text; use '\u06be' (U+06BE, do-chashmi he, for aspirates) or, where it is meant, '\u06c1' (U+06C1)",
        ),
        ("\u06c1\u06d2.", 2, "Latin full stop '.' in Urdu text; use '\u06d4' (U+06D4)"),
        (
            "\u0627\u0648\u0631, \u06a9\u06c1",
            3,
            "Latin comma ',' in Urdu text; use '\u060c' (U+060C)",
        ),
        ("\u06a9\u06cc\u0627 ?", 4, "Latin question mark '?' in Urdu text; use '\u061f' (U+061F)"),
        (
            "\u2018\u0645\u0646\u0635\u0648\u0628\u06c1\u2019.",
            8,
            "Latin full stop '.' in Urdu text; use '\u06d4' (U+06D4)",
        ),
        (
            "\u0663\u0660 \u062c\u0648\u0646",
            0,
            "Arabic-Indic digit '\u0663' (U+0663) in Urdu text; use Urdu digits \u06f0\u2013\u06f9 (U+06F0\u2013U+06F9), whose 4, 5, 6 and 7 differ",
        ),
        (
            "\u06f3\u06f0 \u062c\u0648\u0646 2025",
            7,
            "digit '2' mixes Western digits (0\u20139) and Urdu digits (\u06f0\u2013\u06f9) in one text; use one system throughout",
        ),
    ],
)
def test_urdu_orthography(text: str, offset: int, message: str) -> None:
    assert lint_urdu(text) == [(offset, message)]


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u062d\u062a\u0631\u0645 \u0648\u0632\u06cc\u0631\u0650 \u062f\u0627\u062e\u0644\u06c1 \u0635\u0627\u062d\u0628\u060c",
        "\u06a9\u0645 \u0627\u0632 \u06a9\u0645 1,080,312 \u0627\u0648\u0631 1.4",  # Western numbers keep their separators
        "\u062c\u06cc-5/1\u060c \u0627\u0633\u0644\u0627\u0645 \u0622\u0628\u0627\u062f",
        "\u06f1\u06f0 \u0644\u0627\u06a9\u06be \u06f8\u06f0 \u06c1\u0632\u0627\u0631 \u06f3\u06f1\u06f2",
        "[\u0627\u0639\u0644\u0627\u0646](https://example.org/a.b,c?d=1)",  # addresses are not Urdu
        "Latin text. With, punctuation?",
    ],
)
def test_good_urdu_has_no_warnings(text: str) -> None:
    assert lint_urdu(text) == []


def test_repeated_mistakes_are_counted_once() -> None:
    ((offset, message),) = lint_urdu("\u0633\u064a\u062f \u0645\u064a\u06ba \u0628\u064a")
    assert offset == 1 and message.endswith("(3 times; the first is here)")


def test_urdu_warnings_are_located_in_every_urdu_field(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("      ur: محترم وزیرِ داخلہ صاحب،", "      ur: محترم وزير داخلہ صاحب،"),
        ("        name: جناب سید محسن", "        name: جناب سيد محسن"),
        ("          - اسلام آباد، پاکستان", "          - اسلام آباد, پاکستان"),
        ("مقیم کم از کم ۱۴ لاکھ افغان باشندوں**", "مقیم کم از کم 14 لاکھ افغان باشندوں**"),
        ("    closing: والسلام،", "    closing: آپ كا مخلص."),
    )
    _, found = read_kit(path, today=BEFORE)
    urdu = [(w.path, position(w), w.message.split(";")[0]) for w in found if "Urdu" in w.message]
    assert urdu == [
        ("targets.0.salutation.ur", at(path, "وزير", 2), "Arabic letter 'ي' (U+064A) in Urdu text"),
        ("targets.0.local.ur.name", at(path, "سيد", 1), "Arabic letter 'ي' (U+064A) in Urdu text"),
        ("targets.0.local.ur.address.2", at(path, "آباد, ", 4), "Latin comma ',' in Urdu text"),
        (
            "letters.ur.body",
            at(path, "۲۰۲۳ سے"),
            "digit '۲' mixes Western digits (0–9) and Urdu digits (۰–۹) in one text",
        ),
        ("letters.ur.closing", at(path, "كا"), "Arabic letter 'ك' (U+0643) in Urdu text"),
        ("letters.ur.closing", at(path, "مخلص.", 4), "Latin full stop '.' in Urdu text"),
    ]


def test_non_urdu_texts_are_not_checked_for_urdu(tmp_path: Path) -> None:
    path = variant(tmp_path, ("    closing: Yours sincerely,", "    closing: Yours sincerely, يك."))
    _, found = read_kit(path, today=BEFORE)
    assert not [w for w in found if "Urdu" in w.message]
