"""Read the small values of an Urgent Action: dates, language names, contact channels, people, links."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from .. import schema

__all__ = [
    "DATE_PATTERNS",
    "LANGUAGE_TAGS",
    "MONTHS",
    "Channel",
    "clean_links",
    "find_dates",
    "find_url",
    "parse_channel",
    "parse_date",
    "parse_languages",
    "parse_people",
    "sentence_case",
]

MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")), start=1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The forms dates take in Urgent Actions; each gives year, month and (but for the last) day.
DATE_PATTERNS = (
    re.compile(rf"\b{_YEAR}-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE),
)

# Language names as Urgent Actions write them → BCP 47 tags.
LANGUAGE_TAGS = {
    "english": "en", "urdu": "ur", "arabic": "ar", "persian": "fa", "farsi": "fa", "dari": "prs",
    "pashto": "ps", "pashtu": "ps", "hindi": "hi", "bengali": "bn", "bangla": "bn",
    "french": "fr", "spanish": "es", "portuguese": "pt", "german": "de", "italian": "it",
    "dutch": "nl", "russian": "ru", "ukrainian": "uk", "belarusian": "be", "polish": "pl",
    "turkish": "tr", "azerbaijani": "az", "armenian": "hy", "georgian": "ka", "kazakh": "kk",
    "kyrgyz": "ky", "uzbek": "uz", "tajik": "tg", "turkmen": "tk", "chinese": "zh",
    "mandarin": "zh", "cantonese": "yue", "japanese": "ja", "korean": "ko", "thai": "th",
    "vietnamese": "vi", "khmer": "km", "lao": "lo", "burmese": "my", "malay": "ms",
    "indonesian": "id", "tagalog": "tl", "filipino": "fil", "tamil": "ta", "sinhala": "si",
    "nepali": "ne", "hebrew": "he", "greek": "el", "hungarian": "hu", "romanian": "ro",
    "serbian": "sr", "croatian": "hr", "bosnian": "bs", "bulgarian": "bg", "czech": "cs",
    "slovak": "sk", "amharic": "am", "tigrinya": "ti", "somali": "so", "swahili": "sw",
    "kinyarwanda": "rw", "hausa": "ha", "yoruba": "yo", "kurdish": "ku", "sindhi": "sd",
    "punjabi": "pa", "uyghur": "ug", "tibetan": "bo", "mongolian": "mn",
}
_CHANNELS = {
    "fax": "fax", "tel": "phone", "telephone": "phone", "phone": "phone", "mobile": "phone",
    "email": "email", "e-mail": "email", "x": "x", "twitter": "x",
    "x/twitter": "x", "twitter/x": "x", "x (twitter)": "x", "twitter (x)": "x",
    "facebook": "facebook", "instagram": "instagram", "website": "website", "web": "website",
    "salutation": "salutation",
}
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z/()\- ]{0,14}?)\.?\s*[:：]\s*(?P<value>.+?)\s*$")
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_HANDLE = re.compile(r"(?:@|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/)([A-Za-z0-9_]{1,15})\b")
_SEPARATOR = re.compile(r"\s*(?:;|,|/| or | and )\s*")
_PERSON = re.compile(r"\s*(?:and\s+)?([^();]+?)\s*\(([^()]*)\)\s*(?:,|;|\band\b|$)")
_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")


@dataclass(frozen=True)
class Channel:
    """One labelled contact line: the kit key (`email`, `fax`…), its values and its label as written."""

    key: str
    values: tuple[str, ...]
    label: str


def parse_date(text: str) -> tuple[dt.date | None, str]:
    """The first full date in `text` and a note ('' when unambiguous, else how it was read)."""
    for pattern in DATE_PATTERNS[:4]:
        for match in pattern.finditer(text):
            date = _to_date(match)
            if date is not None:
                return date, _ambiguity(pattern, match)
    return None, ""


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in `text` as (offset, `YYYY-MM-DD` or `YYYY-MM`), in text order."""
    found: dict[int, str] = {}
    taken: list[range] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            if "day" in pattern.groupindex:
                date = _to_date(match)
                if date is not None:
                    found[match.start()] = date.isoformat()
            else:
                found[match.start()] = f"{match['year']}-{MONTHS[match['month'].lower()]:02d}"
            taken.append(range(match.start(), match.end()))
    return sorted(found.items())


def date_spans(text: str) -> list[range]:
    """Where dates are in `text`, so their numbers are not taken for figures."""
    return [range(m.start(), m.end()) for p in DATE_PATTERNS for m in p.finditer(text)]


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match["month"]
    number = int(month) if month.isdigit() else MONTHS[month.lower()]
    try:
        return dt.date(int(match["year"]), number, int(match["day"]))
    except ValueError:
        return None


def _ambiguity(pattern: re.Pattern[str], match: re.Match[str]) -> str:
    if pattern is not DATE_PATTERNS[3]:
        return ""
    if int(match["day"]) <= 12 and match["day"] != match["month"]:
        return f"'{match.group()}' read as day.month.year"
    return ""


def parse_languages(text: str) -> tuple[list[str], list[str]]:
    """Language tags for 'English, Urdu' (or 'English and Urdu'), and the names not known."""
    tags: list[str] = []
    unknown: list[str] = []
    for name in _SEPARATOR.split(text.strip().rstrip(".")):
        name = name.strip()
        if not name:
            continue
        tag = LANGUAGE_TAGS.get(name.lower())
        if tag is None and re.fullmatch(schema.LANGUAGE, name):
            tag = name  # already a tag
        if tag is None:
            unknown.append(name)
        elif tag not in tags:
            tags.append(tag)
    return tags, unknown


def parse_channel(text: str) -> Channel | None:
    """A line such as `Email: a@b.org, c@d.org` or `X: @handle`; None when it is not one."""
    match = _LABEL.match(text)
    if not match:
        return None
    label = match["label"].strip()
    key = _CHANNELS.get(label.lower())
    if key is None:
        return None
    value = match["value"]
    if key == "email":
        values = tuple(_EMAIL.findall(value)) or (value,)
    elif key == "x":
        values = tuple(f"@{h}" for h in _HANDLE.findall(value)) or (value,)
    elif key in ("fax", "phone"):
        values = tuple(v for v in _SEPARATOR.split(value) if v)
    else:
        values = (value,)
    return Channel(key, values, label)


def valid_channel(key: str, value: str) -> bool:
    """True when kit.yaml accepts `value` for the target's `key`."""
    pattern = schema.PATTERNS.get(("Target", key))
    return pattern is None or re.fullmatch(pattern, value) is not None


def parse_people(text: str) -> list[tuple[str, str]]:
    """(name, pronoun) of each person in 'Ahmad Karimi (he/him) and Sara Karimi (she/her)'."""
    people = []
    pos = 0
    while pos < len(text):
        match = _PERSON.match(text, pos)
        if not match or match.end() == pos:
            break
        people.append((match[1].strip(" ,;"), match[2].strip()))
        pos = match.end()
    return people if pos >= len(text.rstrip(" .")) else []


def clean_links(text: str) -> tuple[str, list[str]]:
    """Markdown links with a placeholder address (`[words](#)`) become their words, and `<https://…>`
    a link to itself; return the text and the words that lost a placeholder link."""
    lost: list[str] = []

    def unlink(match: re.Match[str]) -> str:
        words, address = match[1], match[2]
        if address.startswith(("http://", "https://", "mailto:")):
            return match.group()
        lost.append(words)
        return words

    text = _LINK.sub(unlink, text)
    text = _AUTOLINK.sub(lambda m: f"[{m[1]}]({m[1]})", text)
    return text, lost


def find_url(text: str) -> str | None:
    """The first web address in `text`, from `<https://…>`, `[…](https://…)` or written out."""
    match = _URL.search(text)
    return match.group() if match else None


def sentence_case(headline: str, document: str) -> str:
    """A headline in capitals written as a sentence, each word spelled as `document` (the
    rest of the text) mostly spells it (`AFGHAN` → `Afghan`, `POR` → `PoR`), its first letter a capital."""
    if any(c.islower() for c in headline):
        return headline
    forms: dict[str, Counter[str]] = {}
    for word in re.findall(r"[^\W\d_][\w'’-]*", document):
        forms.setdefault(word.upper(), Counter())[word] += 1
    pieces = []
    for piece in re.split(r"([^\w'’-]+)", headline):
        known = forms.get(piece)
        if not known or piece.lower() in known:
            pieces.append(piece.lower())  # 'The' opens sentences, but 'the' is the word
        else:
            pieces.append(known.most_common(1)[0][0])
    text = "".join(pieces)
    return text[:1].upper() + text[1:]  # '1.4 million …' keeps its small m
