"""The small values of an Urgent Action: date forms, language names, contact lines, people, headlines."""

from __future__ import annotations

import datetime as dt

import pytest

from appealkit.ua_import.fields import (
    clean_links,
    find_dates,
    parse_channel,
    parse_date,
    parse_languages,
    parse_people,
    sentence_case,
)


@pytest.mark.parametrize("text", [
    "15 September 2025", "15th September 2025", "15 Sept. 2025", "15 of September, 2025",
    "September 15, 2025", "Sep 15 2025", "Monday, 15 September 2025", "2025-09-15",
    "15/09/2025", "15.09.2025",
])
def test_deadline_forms(text: str) -> None:
    assert parse_date(text) == (dt.date(2025, 9, 15), "")


def test_a_day_that_could_be_a_month_is_read_day_first_and_said() -> None:
    assert parse_date("03/04/2025") == (dt.date(2025, 4, 3), "'03/04/2025' read as day.month.year")


@pytest.mark.parametrize("text", ["soon", "31 June 2025", "15 September"])
def test_not_a_full_date(text: str) -> None:
    assert parse_date(text) == (None, "")


def test_dates_in_running_text() -> None:
    text = "In October 2023 it began; on 1 April 2025 and by the end of June 2024 (2017 and 2019)."
    assert [date for _, date in find_dates(text)] == ["2023-10", "2025-04-01", "2024-06"]


def test_language_names() -> None:
    assert parse_languages("English, Urdu") == (["en", "ur"], [])
    assert parse_languages("Spanish or English and Dari.") == (["es", "en", "prs"], [])
    assert parse_languages("French; Wolofish") == (["fr"], ["Wolofish"])


@pytest.mark.parametrize(("line", "key", "values"), [
    ("Email: a@b.org, c@d.org; e@f.gov.pk", "email", ("a@b.org", "c@d.org", "e@f.gov.pk")),
    ("E-mail: a@b.org and c@d.org", "email", ("a@b.org", "c@d.org")),
    ("Fax: +92 51 920 2624", "fax", ("+92 51 920 2624",)),
    ("Tel.: +20 2 1 / +20 2 2", "phone", ("+20 2 1", "+20 2 2")),
    ("Twitter: @FiscaliaOaxaca", "x", ("@FiscaliaOaxaca",)),
    ("X/Twitter: https://x.com/some_one", "x", ("@some_one",)),
    ("Salutation: Dear Minister", "salutation", ("Dear Minister",)),
])
def test_contact_lines(line: str, key: str, values: tuple[str, ...]) -> None:
    channel = parse_channel(line)
    assert channel is not None
    assert (channel.key, channel.values) == (key, values)


@pytest.mark.parametrize("line", ["Islamabad, Pakistan", "4th Floor: R Block", "Dear Minister,"])
def test_address_lines_are_not_contact_lines(line: str) -> None:
    assert parse_channel(line) is None


def test_people_and_pronouns() -> None:
    assert parse_people("Ahmad Karimi (he/him) and Sara Karimi (she/her)") == [
        ("Ahmad Karimi", "he/him"), ("Sara Karimi", "she/her")]
    assert parse_people("At least 1.4 million Afghan refugees (All)") == [
        ("At least 1.4 million Afghan refugees", "All")]
    assert parse_people("Pavel Sidorov") == []


def test_links() -> None:
    text = "a [announced](#) b [kept](https://x.org/a) <https://y.org/b>."
    assert clean_links(text) == (
        "a announced b [kept](https://x.org/a) [https://y.org/b](https://y.org/b).", ["announced"])


def test_headline_in_capitals_takes_the_documents_spelling() -> None:
    rest = "The Afghan refugees hold PoR cards. The refugees need the cards."
    assert sentence_case("AFGHAN REFUGEES NEED POR CARDS", rest) == "Afghan refugees need PoR cards"
    assert sentence_case("Already Written", rest) == "Already Written"
