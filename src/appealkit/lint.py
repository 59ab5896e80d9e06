"""Find what is valid but probably wrong in a Kit (a passed deadline, placeholder links, Arabic letters in Urdu) as located warnings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from .errors import Mark, Problem
from .markup import find_links, find_markup_issues
from .model import Kit
from .untranslated import UNTRANSLATED, is_untranslated
from .uri import BIDI_CONTROLS, misleading

__all__ = ["is_markup", "iter_texts", "lint_kit", "lint_urdu"]

Locate = Callable[[str, int | None], Mark | None]

# Arabic code points typed for Urdu letters (docs/urdu-orthography.md): (use, its code, its name).
_ARABIC_LETTERS = {
    "\u064a": ("\u06cc", "choti ye"),
    "\u0649": ("\u06cc", "choti ye"),
    "\u0643": ("\u06a9", "kaf"),
}
_HEH = "\u0647"
_GOL_HE, _DO_CHASHMI_HE = "\u06c1", "\u06be"
# Consonants that take an aspirate: بھ پھ تھ ٹھ جھ چھ دھ ڈھ رھ ڑھ کھ گھ لھ مھ نھ (and Arabic kaf).
_ASPIRABLE = set(
    "\u0628\u067e\u062a\u0679\u062c\u0686\u062f\u0688\u0631\u0691\u06a9\u06af\u0644\u0645\u0646\u0643"
)
_LATIN_PUNCTUATION = {".": "\u06d4", ",": "\u060c", "?": "\u061f", ";": "\u061b"}
_PUNCTUATION_NAMES = {".": "full stop", ",": "comma", "?": "question mark", ";": "semicolon"}
_WESTERN_DIGITS = re.compile("[0-9]")
_URDU_DIGITS = re.compile("[\u06f0-\u06f9]")
_ARABIC_DIGITS = re.compile("[\u0660-\u0669]")
_CLOSERS = set(" \t\n'\"’”)]»")


def lint_kit(kit: Kit, locate: Locate, today: dt.date) -> list[Problem]:
    """All warnings for a valid kit, each located by `locate(key path, offset in its text)`."""
    found: list[tuple[str, int | None, str]] = []
    found += _lint_deadline(kit, today)
    found += _lint_untranslated(kit)
    found += _lint_action_url(kit)
    for path, language, text in iter_texts(kit):
        if is_markup(path):
            found += [(path, offset, message) for offset, message in _lint_markup(text)]
            found += [(path, offset, message) for offset, message in _lint_direction(text)]
        if language == "ur" or language.startswith("ur-"):
            found += [(path, offset, message) for offset, message in lint_urdu(text)]
            found += [(path, offset, message) for offset, message in _lint_closing(path, text)]
    return [
        Problem(locate(path, offset), path, message, "warning") for path, offset, message in found
    ]


def iter_texts(kit: Kit) -> Iterator[tuple[str, str, str]]:
    """(key path, language, text) for every text in a kit, skipping values that failed validation."""
    language = kit.language if isinstance(kit.language, str) else "en"
    for key in ("headline", "people", "summary", "background"):
        yield from _text(key, language, getattr(kit, key, None))
    if kit.action is not None:
        for key in ("url", "label", "after_deadline"):
            yield from _text(f"action.{key}", language, getattr(kit.action, key))
    for i, figure in enumerate(kit.figures or ()):
        for key in ("value", "label", "source"):
            yield from _text(f"figures.{i}.{key}", language, getattr(figure, key, None))
    for i, event in enumerate(kit.timeline or ()):
        yield from _text(f"timeline.{i}.text", language, getattr(event, "text", None))
    for i, target in enumerate(kit.targets or ()):
        yield from _target_texts(f"targets.{i}", language, target)
    for name, value in (kit.letters or {}).items():
        # Keyed by language, or by target id and then language (letters.minister.es)
        inner = value.items() if isinstance(value, dict) else [(name, value)]
        for lang, letter in inner:
            path = f"letters.{name}.{lang}" if isinstance(value, dict) else f"letters.{lang}"
            for key in ("subject", "body", "closing"):
                yield from _text(f"{path}.{key}", lang, getattr(letter, key, None))
    if kit.organisation is not None:
        yield from _text("organisation.name", language, kit.organisation.name)
    if kit.letter is not None:
        yield from _text("letter.return_line", language, kit.letter.return_line)
    for i, keyword in enumerate(kit.keywords or ()):
        yield from _text(f"keywords.{i}", language, keyword)
    for name, word in (getattr(kit, "words", None) or {}).items():
        yield from _text(f"words.{name}", language, word)
    yield from _event_texts(language, getattr(kit, "event", None), getattr(kit, "solidarity", None))


def _event_texts(language: str, event: Any, solidarity: Any) -> Iterator[tuple[str, str, str]]:
    """The event materials' own texts: printed on cards, poster, envelopes and tally sheet."""
    if event is not None:
        for key in ("postage", "sender_country", "ask", "summary", "why"):
            yield from _text(f"event.{key}", language, getattr(event, key, None))
        for j, line in enumerate(getattr(event, "return_address", None) or ()):
            yield from _text(f"event.return_address.{j}", language, line)
        for name, word in (getattr(event, "words", None) or {}).items():
            yield from _text(f"event.words.{name}", language, word)
    if solidarity is not None:
        yield from _text("solidarity.message", language, getattr(solidarity, "message", None))
        for key in ("dos", "donts"):
            for j, line in enumerate(getattr(solidarity, key, None) or ()):
                yield from _text(f"solidarity.{key}.{j}", language, line)


def _target_texts(path: str, language: str, target: Any) -> Iterator[tuple[str, str, str]]:
    if target is None:
        return
    for key in ("name", "title", "country", "x", "embassy"):
        yield from _text(f"{path}.{key}", language, getattr(target, key))
    for key in ("email", "fax", "phone"):
        for j, contact in enumerate(getattr(target, key) or ()):
            yield from _text(f"{path}.{key}.{j}", language, contact)
    for j, line in enumerate(target.address or ()):
        yield from _text(f"{path}.address.{j}", language, line)
    for lang, salutation in (target.salutation or {}).items():
        yield from _text(f"{path}.salutation.{lang}", lang, salutation)
    for lang, local in (target.local or {}).items():
        if local is None:
            continue
        yield from _text(f"{path}.local.{lang}.name", lang, local.name)
        yield from _text(f"{path}.local.{lang}.title", lang, local.title)
        yield from _text(f"{path}.local.{lang}.country", lang, local.country)
        for j, line in enumerate(local.address or ()):
            yield from _text(f"{path}.local.{lang}.address.{j}", lang, line)


def _text(path: str, language: str, value: Any) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, str):
        yield path, language, value


def is_markup(path: str) -> bool:
    """True for key paths of texts that take `**bold**` and links (summary, background, timeline, letter bodies)."""
    parts = path.split(".")
    return (
        parts[0] in ("summary", "background")
        or (parts[0] == "timeline" and parts[-1] == "text")
        or (parts[0] == "letters" and parts[-1] == "body")
    )


def _lint_deadline(kit: Kit, today: dt.date) -> list[tuple[str, int | None, str]]:
    deadline = kit.action.deadline
    if deadline >= today:
        return []
    message = f"the deadline {deadline.isoformat()} has passed (today is {today.isoformat()})"
    if kit.action.after_deadline:
        advice = " ".join(kit.action.after_deadline.split())
        message += f"; the pack tells readers: '{advice}'"
    else:
        message += "; set a new deadline, or add action.after_deadline with advice for late appeals"
    return [("action.deadline", None, message)]


def _lint_untranslated(kit: Kit) -> list[tuple[str, int | None, str]]:
    """Letters and greetings still holding `appealkit import`'s UNTRANSLATED marker."""
    return [
        (path, None, (f"not translated yet: write the '{language}' text in place of "
                      f"'{UNTRANSLATED} …', which the pack would print"))
        for path, language, text in iter_texts(kit)
        if (path.startswith("letters.") or ".salutation." in path) and is_untranslated(text)
    ]


def _lint_action_url(kit: Kit) -> list[tuple[str, int | None, str]]:
    problem = misleading(kit.action.url)
    return [("action.url", None, problem)] if problem else []


def _lint_direction(text: str) -> list[tuple[int, str]]:
    """Direction controls in prose: kept, and closed at the paragraph's end (markup.py)."""
    offsets = [i for i, char in enumerate(text) if char in BIDI_CONTROLS]
    if not offsets:
        return []
    code = f"U+{ord(text[offsets[0]]):04X}"
    message = (f"invisible direction control {code} changes the order in which the text after it "
               f"prints; appealkit ends its effect at the end of the paragraph, but check the "
               f"printed text, or delete it")
    return [(offsets[0], _count(message, len(offsets)))]


def _lint_markup(text: str) -> list[tuple[int, str]]:
    found = list(find_markup_issues(text))
    for link in find_links(text):
        url = link.url.strip()
        if url and not url.startswith("#") and ":" in url.split("/")[0]:
            problem = misleading(url)  # validation has accepted it or reported an error
            if problem:
                found.append((link.url_start, f"link '[{link.text}]': {problem}"))
            continue
        label = " ".join(link.text.split())
        if not url or url.startswith("#"):
            what, fix = "has no address yet", "put the full https:// address between the brackets"
        else:
            what = "is not a full web address"
            fix = (
                f"write it in full: 'https://{url}'"
                if "." in url.split("/")[0]
                else "put the full https:// address between the brackets"
            )
        message = (
            f"link '[{label}]({link.url})' {what}, so '{label}' is printed without a link; {fix}"
        )
        found.append((link.url_start, message))
    return sorted(found)


def lint_urdu(text: str) -> list[tuple[int, str]]:
    """Warnings for Urdu typed with Arabic letters, Latin punctuation or mixed digits: (offset, message)."""
    text = _mask_urls(text)
    found: dict[str, list[int]] = {}
    for i, char in enumerate(text):
        message = _urdu_char_problem(text, i, char)
        if message:
            found.setdefault(message, []).append(i)
    results = [(offsets[0], _count(message, len(offsets))) for message, offsets in found.items()]
    results += _lint_digits(text)
    results += _lint_ascii_quotes(text) + _lint_thousands_separator(text)
    results += _lint_unbound_abbreviations(text)
    return sorted(results)


def _urdu_char_problem(text: str, i: int, char: str) -> str | None:
    if char in _ARABIC_LETTERS:
        use, name = _ARABIC_LETTERS[char]
        return f"Arabic letter '{char}' (U+{ord(char):04X}) in Urdu text; use '{use}' (U+{ord(use):04X}, {name})"
    if char == _HEH:
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before in _ASPIRABLE and _is_arabic_letter(after):
            use, name, other = _DO_CHASHMI_HE, "do-chashmi he, for aspirates", _GOL_HE
        else:
            use, name, other = _GOL_HE, "gol he", _DO_CHASHMI_HE
        return (
            f"Arabic letter '{char}' (U+0647) in Urdu text; use '{use}' (U+{ord(use):04X}, {name})"
            f" or, where it is meant, '{other}' (U+{ord(other):04X})"
        )
    if char in _LATIN_PUNCTUATION and _after_urdu_word(text, i):
        use = _LATIN_PUNCTUATION[char]
        return f"Latin {_PUNCTUATION_NAMES[char]} '{char}' in Urdu text; use '{use}' (U+{ord(use):04X})"
    return None


def _lint_digits(text: str) -> list[tuple[int, str]]:
    results = []
    arabic = _ARABIC_DIGITS.search(text)
    if arabic:
        message = (
            f"Arabic-Indic digit '{arabic.group()}' (U+{ord(arabic.group()):04X}) in Urdu text;"
            " use Urdu digits ۰–۹ (U+06F0–U+06F9), whose 4, 5, 6 and 7 differ"
        )
        results.append((arabic.start(), message))
    western, urdu = _WESTERN_DIGITS.search(text), _URDU_DIGITS.search(text)
    if western and urdu:
        later = max(western, urdu, key=lambda m: m.start())
        message = (
            f"digit '{later.group()}' mixes Western digits (0–9) and Urdu digits (۰–۹) in one text;"
            " use one system throughout"
        )
        results.append((later.start(), message))
    return results


def _after_urdu_word(text: str, i: int) -> bool:
    """True when the nearest character before position i, past spaces and closing quotes, is Urdu."""
    j = i - 1
    while j >= 0 and text[j] in _CLOSERS:
        j -= 1
    if j < 0:
        return False
    before = text[j]
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return False  # 1.4 or 1,080,312: a number, not punctuation
    return _is_arabic_letter(before) or "\u06f0" <= before <= "\u06f9"


def _is_arabic_letter(char: str) -> bool:
    return bool(char) and (
        "\u0620" <= char <= "\u064a" or "\u066e" <= char <= "\u06d3" or "\u06fa" <= char <= "\u06ff"
    )


def _mask_urls(text: str) -> str:
    # Addresses in links are not Urdu; keep offsets by masking with spaces.
    for link in find_links(text):
        text = text[: link.url_start] + " " * len(link.url) + text[link.url_start + len(link.url) :]
    return text


def _count(message: str, count: int) -> str:
    return message if count == 1 else f"{message} ({count} times; the first is here)"


# -- Pakistani letter conventions (docs/urdu-orthography.md) -------------------------------

_MASCULINE_CLOSING = re.compile("آپ\\s+کا\\s+مخلص")
_ASCII_QUOTE = re.compile("['\"]")
_THOUSANDS_SEPARATOR = "\u066c"
# A bracketed run of two to six short Urdu words, e.g. (یو این ایچ سی آر): an abbreviation
# read letter by letter, which must not be split across lines.
_ABBREVIATION = re.compile("\\(((?:[\u0620-\u06ff]{1,3}[ \u00a0]){1,5}[\u0620-\u06ff]{1,3})\\)")


def _lint_closing(path: str, text: str) -> list[tuple[int, str]]:
    """A closing that only a man can sign: (offset, message)."""
    if not path.endswith(".closing"):
        return []
    found = _MASCULINE_CLOSING.search(text)
    if not found:
        return []
    return [(found.start(), (f"closing '{text.strip()}' is masculine (a woman writes 'آپ کی مخلص'); "
             "use 'والسلام،' or 'مخلص،', which suit every signer"))]


def _lint_ascii_quotes(text: str) -> list[tuple[int, str]]:
    """ASCII quotation marks, which print as thin Latin ticks from the Latin font."""
    offsets = [m.start() for m in _ASCII_QUOTE.finditer(text)]
    if not offsets:
        return []
    quote = text[offsets[0]]
    use = "‘ ’ (U+2018, U+2019)" if quote == "'" else "“ ” (U+201C, U+201D)"
    message = (f"ASCII quotation mark {quote!r} in Urdu text prints as a thin Latin tick; "
               f"use {use}, which the Nastaliq font draws")
    return [(offsets[0], _count(message, len(offsets)))]


def _lint_thousands_separator(text: str) -> list[tuple[int, str]]:
    """U+066C in a number: many Pakistani readers take it for an apostrophe."""
    offsets = [i for i, char in enumerate(text) if char == _THOUSANDS_SEPARATOR]
    if not offsets:
        return []
    message = ("Arabic thousands separator '٬' (U+066C) in Urdu text reads like an apostrophe; "
               "write the number as Pakistani readers count ('۱۰ لاکھ ۸۰ ہزار ۳۱۲') "
               "or in Western digits (1,080,312)")
    return [(offsets[0], _count(message, len(offsets)))]


def _lint_unbound_abbreviations(text: str) -> list[tuple[int, str]]:
    """Bracketed abbreviations whose words are joined by plain spaces, so a line may split them."""
    results = []
    for found in _ABBREVIATION.finditer(text):
        if " " in found.group(1):
            results.append((found.start(), (f"abbreviation '{found.group()}' may be split across "
                            "lines; join its words with no-break spaces (U+00A0)")))
    return results
