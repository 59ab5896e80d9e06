"""Issue 10 §5: a letter dated long after a date it calls future is warned of, at the date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY, run_cli, variant

from appealkit.lint_dates import GRACE, stale_future_dates


def _letter_mark(path: Path, needle: str) -> tuple[int, int]:
    """(line, column) of `needle` in the English letter of the kit at `path`."""
    text = path.read_text(encoding="utf-8")
    index = text.index(needle, text.index("letters:\n  en:"))
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def test_the_example_letter_built_in_december_2026(tmp_path: Path) -> None:
    status, _, stderr = run_cli("check", str(EXAMPLE), "--today", "2026-12-07")
    line, col = _letter_mark(EXAMPLE, "30 June 2025")
    assert status == 0
    assert (f"kit.yaml:{line}:{col}: warning: letters.en.body: the letter says 'set to … 30 June "
            "2025' as if still to come, but it is dated 2026-12-07, after that date; bring the "
            "facts up to date (what happened on 30 June 2025?), or set letter.date") in stderr
    assert "letters.ur" not in stderr  # Urdu is not read (see lint_dates.py)


def test_no_warning_within_a_month_or_for_a_letter_dated_before(tmp_path: Path) -> None:
    status, _, stderr = run_cli("check", str(EXAMPLE), "--today", TODAY)  # a day after
    assert (status, stderr) == (0, "")
    dated = variant(tmp_path, ("  date: today ", "  date: 2025-06-01 "))
    status, _, stderr = run_cli("check", str(dated), "--today", "2026-12-07")
    assert "letters.en.body" not in stderr
    blank = variant(tmp_path, ("  date: today ", "  date: blank "))
    status, _, stderr = run_cli("check", str(blank), "--today", "2026-12-07")
    assert "letters.en.body: the letter says 'set to … 30 June 2025'" in stderr  # signed today


DATED = dt.date(2026, 12, 7)


@pytest.mark.parametrize(("language", "text", "date"), [
    ("en", "The cards are set to expire on 30 June 2025.", "30 June 2025"),
    ("en", "The court will rule on June 30, 2025, on his appeal.", "June 30, 2025"),
    ("en", "A decision is expected to come in March 2025.", "March 2025"),
    ("en", "The hearing is scheduled for 2025-03-14.", "2025-03-14"),
    ("fr", "Les cartes expireront le 30 juin 2025.", "30 juin 2025"),
    ("fr", "Le procès est prévu le 1er avril 2025.", "1er avril 2025"),
    ("es", "Las tarjetas vencerán el 30 de junio de 2025.", "30 de junio de 2025"),
    ("es", "La audiencia está prevista para el 3 de marzo de 2025.", "3 de marzo de 2025"),
    ("de", "Die Karten laufen am 30. Juni 2025 ab, wenn sie nicht verlängert werden.",
     "30. Juni 2025"),
    ("de", "Das Urteil wird im März 2025 erwartet.", "März 2025"),
])
def test_future_dates_in_four_languages(language: str, text: str, date: str) -> None:
    ((offset, message),) = stale_future_dates(text, language, DATED)
    assert offset == text.index(date)
    assert f"… {date}' as if still to come" in message


@pytest.mark.parametrize(("language", "text"), [
    ("en", "In October 2023, the government announced the plan."),  # past
    ("en", "He has been held since October 2024 and will stay in prison."),  # since: a start
    ("en", "The cards will expire on 30 June 2027."),  # still ahead
    ("en", "It was set to expire. On 30 June 2025 it did."),  # another sentence
    ("fr", "Il est détenu depuis le 3 octobre 2024 et sera jugé."),
    ("de", "Seit Oktober 2023 werden Afghanen abgeschoben."),
    ("es", "El 14 de mayo de 2025 fue condenado."),
    ("ur", "کارڈز ۳۰ جون ۲۰۲۵ کو ختم ہو رہے ہیں"),  # not read: Urdu
    ("en", "They will decide on 31 February 2025."),  # not a date
])
def test_what_is_not_warned_of(language: str, text: str) -> None:
    assert stale_future_dates(text, language, DATED) == []


def test_the_grace_period() -> None:
    text = "The cards are set to expire on 30 June 2025."
    due = dt.date(2025, 6, 30)
    assert stale_future_dates(text, "en", due + GRACE) == []
    assert len(stale_future_dates(text, "en", due + GRACE + dt.timedelta(days=1))) == 1
