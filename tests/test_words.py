"""The words and dates the pack prints itself, per language."""

from __future__ import annotations

import datetime as dt

import pytest

from appealkit.layout.locale import format_date
from appealkit.model import PartialDate
from appealkit.words import _WORDS, SHEET_LANGUAGES, language_name_in, word


@pytest.mark.parametrize(("language", "full", "first", "month"), [
    ("en", "15 September 2025", "1 April 2025", "October 2023"),
    ("fr", "15 septembre 2025", "1er avril 2025", "octobre 2023"),
    ("es", "15 de septiembre de 2025", "1 de abril de 2025", "octubre de 2023"),
    ("de", "15. September 2025", "1. April 2025", "Oktober 2023"),
    ("ur", "۱۵ ستمبر ۲۰۲۵", "۱ اپریل ۲۰۲۵", "اکتوبر ۲۰۲۳"),
])
def test_dates_in_each_language(language: str, full: str, first: str, month: str) -> None:
    assert format_date(dt.date(2025, 9, 15), language) == full
    assert format_date(dt.date(2025, 4, 1), language) == first
    assert format_date(PartialDate(2023, 10, None), language) == month
    assert format_date(PartialDate(2024, None, None), f"{language}-XX").endswith(
        "2024" if language != "ur" else "۲۰۲۴")


def test_every_language_has_every_word_with_the_same_placeholders() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    english = _WORDS["en"]
    for language in SHEET_LANGUAGES:
        assert _WORDS[language].keys() == english.keys(), language
        for key, text in _WORDS[language].items():
            assert fields(text) == fields(english[key]), (language, key)


def test_words_fall_back_to_english_and_fill_their_placeholders() -> None:
    assert word("fr-CA", "take_action") == "AGISSEZ"
    assert word("it", "take_action") == "TAKE ACTION"
    assert word("de", "post_how", handle="@x") == "an @x"
    assert language_name_in("ur", "fr") == "ourdou"
    assert language_name_in("ur", "it") == "Urdu"  # no Italian names: English ones
    assert language_name_in("xx", "fr") == "xx"


def test_letter_labels_in_the_letters_language() -> None:
    from appealkit.layout.locale import label

    assert label("fr", "signature") == "Signature" and label("es", "signature") == "Firma"
    assert label("de", "page", n=2, total=3) == "Seite 2 von 3"
    assert label("ur", "page", n=2, total=2) == "صفحہ ۲ از ۲"
    assert label("it", "copy_to") == "Copy to"
