"""Every character of the kit's printed texts must be one its language's font can draw."""

from __future__ import annotations

import unicodedata

from . import model
from .lint import is_markup, iter_texts
from .markup import parse_paragraphs
from .text import missing_chars
from .text.errors import FontError
from .typefaces import family_for
from .validate_checker import Checker

__all__ = ["check_glyphs"]


def check_glyphs(kit: model.Kit, checker: Checker) -> None:
    """Characters the language's font cannot draw would print as empty boxes."""
    texts = [
        (path, lang, _shown_text(text) if is_markup(path) else text, text)
        for path, lang, text in iter_texts(kit)
        if not path.startswith("keywords")
    ]  # keywords are not drawn
    missing: dict[str, set[str]] = {}
    for lang in {lang for _, lang, _, _ in texts}:
        chars = "".join(set("".join(shown for _, other, shown, _ in texts if other == lang)))
        try:
            missing[lang] = set(missing_chars(chars, family_for(lang), lang))
        except FontError:
            raise  # a font file is missing or damaged: the command says which, and stops
        except Exception:
            import logging  # imported on this rare path only, like difflib: a build is timed

            logging.getLogger("appealkit").warning(
                "could not check the characters of '%s' texts against their font",
                lang,
                exc_info=True,
            )
            missing[lang] = set()
    locate = checker.locate()
    for path, lang, shown, text in texts:
        for char in sorted(missing[lang].intersection(shown), key=shown.find):
            name = unicodedata.name(char, "unnamed character")
            message = f"the font for '{lang}' text cannot draw '{char}' (U+{ord(char):04X} {name}); replace or remove it"
            checker.error(locate(path, text.find(char)), path, message)


def _shown_text(markup: str) -> str:
    return "\n".join("".join(s.text for s in p) for p in parse_paragraphs(markup))
