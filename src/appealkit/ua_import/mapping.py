"""Map an Urgent Action's sections to a Draft of kit.yaml, noting what was mapped, guessed and left to do.

This is the one place that knows which part of the document becomes which key of kit.yaml.
What kit.yaml cannot hold yet (pronouns, a second X account) goes into `Draft.comments` and
the to-do notes, never silently away.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..untranslated import UNTRANSLATED, untranslated
from .fields import (
    LANGUAGE_TAGS,
    Channel,
    clean_links,
    find_url,
    parse_channel,
    parse_date,
    parse_languages,
    parse_people,
    sentence_case,
    valid_channel,
)
from .read import Line, UnreadableDocument
from .sections import Paragraph, Section, find_sections, paragraphs, plain
from .suggest import Suggestion, suggest_events, suggest_figures

__all__ = ["Draft", "Note", "TargetDraft", "map_document"]

_DEAR = re.compile(r"^(?:Dear|To whom it may concern)\b", re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:Yours(?: (?:sincerely|faithfully|truly|respectfully))?|Sincerely(?: yours)?|"
    r"Respectfully(?: yours)?|(?:Kind|Best|Warm) regards|Regards|With (?:respect|regards)|"
    r"Cordially)\s*[,.]?$", re.IGNORECASE)
_COPIES = re.compile(r"^(?:and\s+)?cop(?:y|ies)\s+to\b\s*:?\s*(.*)$", re.IGNORECASE)
# "the diplomatic representative of Pakistan accredited to your country", "Embassy of Mexico …"
_EMBASSY_OF = re.compile(r"\b(?i:representative|embassy|ambassador|high commission(?:er)?)\s+"
                         r"(?i:of|for)\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?!(?i:embassy|"
                         r"ambassador|high|accredited)\b)[A-Z][\w'’.-]*)*)")
_NO_FIXED_ADDRESS = re.compile(r"accredited to your country|in your country|your country's",
                               re.IGNORECASE)
_OFFICE = re.compile(
    r"\b(?:Minister|Ministry|President|Prime|Chief|Head|Director|Governor|General|Secretary|"
    r"Ambassador|Embassy|Attorney|Prosecutor|Judge|Justice|Commissioner|Chair|Chairman|"
    r"Chairperson|Speaker|Mayor|King|Queen|Emir|Sultan|Commander|Office|Council|Minister's)\b")
_NAMES = {tag: name.capitalize() for name, tag in reversed(LANGUAGE_TAGS.items())}
_CHANNEL_KEYS = ("email", "fax", "phone", "x")
PREVIOUS_LABEL = "The previous Urgent Action on this case"


@dataclass(frozen=True)
class Note:
    """One line of the import's report: `kind` is `mapped`, `guessed` or `todo`."""

    kind: str
    key: str
    message: str
    where: Line | None = None


@dataclass
class TargetDraft:
    """A person to write to, as far as the document names them."""

    role: str
    title: str = ""
    name: str = ""
    address: list[str] = field(default_factory=list)
    country: str = ""
    channels: dict[str, list[str]] = field(default_factory=dict)
    """Emails, faxes and phones (one or more each), the X account (one)."""
    embassy: str = ""
    """The country whose embassy in each sender's country gets a copy (`embassy:`)."""
    salutation: dict[str, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    fixed_address: bool = True
    """False for an embassy 'accredited to your country': written commented out."""


@dataclass
class Draft:
    """Everything the import found, in kit.yaml's terms; `notes` is the report."""

    source: str
    headline: str = ""
    summary: str = ""
    people: str = ""
    status: str = "open"
    url: str = ""
    label: str = PREVIOUS_LABEL
    deadline: dt.date | None = None
    after_deadline: str = ""
    languages: list[str] = field(default_factory=list)
    targets: list[TargetDraft] = field(default_factory=list)
    letters: dict[str, tuple[str, str]] = field(default_factory=dict)
    """language → (body, closing)."""
    background: str = ""
    figures: list[Suggestion] = field(default_factory=list)
    events: list[Suggestion] = field(default_factory=list)
    comments: dict[str, list[str]] = field(default_factory=dict)
    """Key → comment lines the draft writes above that key."""
    notes: list[Note] = field(default_factory=list)
    case_text: list[Paragraph] = field(default_factory=list)
    """The summary's and background's paragraphs, links cleaned: where suggestions come from."""

    def note(self, kind: str, key: str, message: str, where: Line | None = None) -> None:
        self.notes.append(Note(kind, key, message, where))

    def comment(self, key: str, text: str) -> None:
        self.comments.setdefault(key, []).append(text)


def map_document(lines: list[Line], source: str) -> Draft:
    """The Draft for a document's lines; raises UnreadableDocument when it is not an Urgent Action."""
    head, sections = find_sections(lines)
    _require_layout(sections)
    draft = Draft(source)
    _map_intro(draft, head, sections)
    _map_take_action(draft, sections["take_action"][0])
    _map_languages(draft, _first(sections, "languages"))
    _map_background(draft, _first(sections, "additional"))
    _map_deadline(draft, _first(sections, "deadline"))
    _map_people(draft, _first(sections, "people"))
    _map_previous(draft, _first(sections, "previous"))
    _map_suggestions(draft)
    for name, found in sections.items():
        if len(found) > 1 and name != "update":
            draft.note("guessed", name, f"the heading is there {len(found)} times; the draft "
                       "uses the first", found[1].heading)
    return draft


def _first(sections: dict[str, list[Section]], name: str) -> Section | None:
    return sections[name][0] if name in sections else None


def _require_layout(sections: dict[str, list[Section]]) -> None:
    if not sections:
        raise UnreadableDocument(
            "this is not an Urgent Action: it has none of the headings of the layout "
            "(URGENT ACTION, TAKE ACTION, ADDITIONAL INFORMATION)")
    if "take_action" not in sections:
        raise UnreadableDocument(
            "this Urgent Action has no 'TAKE ACTION' section, which says who to write to; "
            "is the document complete?")


# The top: banner, update marker, headline, summary


def _map_intro(draft: Draft, head: list[Line], sections: dict[str, list[Section]]) -> None:
    top = sorted(sections.get("banner", []) + sections.get("update", []), key=lambda s: s.start)
    intro = [line for s in top for line in s.lines] if top else head
    if not sections.get("banner"):
        draft.note("guessed", "headline", "no 'URGENT ACTION' banner: the headline is the first "
                   "paragraph", head[0] if head else None)
    _map_status(draft, top)
    found = paragraphs(intro)
    if not found:
        draft.note("todo", "headline", "no headline or summary under the banner; write them")
        return
    headline, rest = found[0], found[1:]
    draft.headline = sentence_case(headline.text, _all_text(sections))
    draft.note("mapped", "headline", f"'{draft.headline}'", headline.first)
    if draft.headline != headline.text:
        draft.note("guessed", "headline", "written in small letters from the capitals; check "
                   "the capitals of names", headline.first)
    texts = [_clean(draft, p, "summary") for p in rest]
    draft.case_text += [Paragraph(t, p.first) for t, p in zip(texts, rest)]
    draft.summary = "\n\n".join(texts)
    if not texts:
        draft.note("todo", "summary", "no summary paragraph after the headline; write one",
                   headline.first)
    else:
        count = f"{len(texts)} paragraphs: the fact sheet has room for one" if len(texts) > 1 \
            else "1 paragraph"
        draft.note("mapped", "summary", count, rest[0].first)


def _all_text(sections: dict[str, list[Section]]) -> str:
    """The document's running text, without lines in capitals (the headline among them),
    to learn how it spells words."""
    lines = [line for found in sections.values() for s in found for line in s.lines]
    return " ".join(line.text for line in lines if line.text != line.text.upper())


def _map_status(draft: Draft, top: list[Section]) -> None:
    for section in top:
        text = plain(section.heading.text)
        if re.search(r"\bUPDATE\b|FURTHER INFORMATION", text):
            draft.status = "update"
            draft.note("mapped", "action.status", f"update (from '{text}')", section.heading)
            rest = re.sub(r"^(?:FURTHER INFORMATION ON |UPDATE ON )?(?:URGENT ACTION)?\s*"
                          r"(?:UA )?(?:UPDATE|FURTHER INFORMATION)?[\s:.-]*", "", text)
            if rest:
                draft.comment("action", f"The document's update note: '{rest}' - kit.yaml "
                              "cannot hold an update note yet; the summary says what changed.")
            return


def _clean(draft: Draft, paragraph: Paragraph, key: str) -> str:
    text, lost = clean_links(paragraph.text)
    if lost:
        words = ", ".join(f"'{w}'" for w in lost[:3]) + (", …" if len(lost) > 3 else "")
        draft.note("guessed", key, f"{len(lost)} link{'s' * (len(lost) > 1)} without an address "
                   f"({words}) printed as plain words; add [words](https://…) where you have "
                   "the address", paragraph.first)
    return text


# TAKE ACTION: the target, the letter and the copies


def _map_take_action(draft: Draft, section: Section) -> None:
    lines = list(section.lines)
    texts = [plain(line.text) for line in lines]
    dear = next((i for i, t in enumerate(texts) if _DEAR.match(t)), None)
    copies = next((i for i, t in enumerate(texts) if _COPIES.match(t)), None)
    if dear is None:
        dear = next((i for i, t in enumerate(texts) if len(t.split()) > 12), len(lines))
        draft.note("todo", "targets.0.salutation.en", "no 'Dear …,' line before the letter; "
                   "write the greeting", section.heading)
        salutation = "Dear Sir or Madam,"
    else:
        salutation = texts[dear]
        draft.note("mapped", "targets.0.salutation.en", f"'{salutation}'", lines[dear])
    end_of_target = min(dear, copies) if copies is not None else dear
    main = _map_target(draft, "targets.0", "main", lines[:end_of_target], section.heading)
    main.salutation["en"] = salutation
    draft.targets.append(main)
    start = dear + 1 if dear < len(lines) else dear
    stop = copies if copies is not None and copies > dear else len(lines)
    _map_letter(draft, lines[start:stop], section.heading)
    if copies is not None:
        until = dear if copies < dear else len(lines)
        _map_copies(draft, lines[copies:until])


def _map_target(draft: Draft, key: str, role: str, lines: list[Line], heading: Line) -> TargetDraft:
    target = TargetDraft(role)
    others: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        channel = parse_channel(plain(line.text))
        if channel is None:
            others.append(line)
        else:
            _map_channel(draft, key, target, channel, line)
    words = [plain(line.text).rstrip(",;").strip() for line in others]
    if len(words) >= 2 and not _OFFICE.search(words[0]) and _OFFICE.search(words[1]):
        words[0], words[1] = words[1], words[0]
        draft.note("guessed", f"{key}.title", f"'{words[0]}' read as the title and '{words[1]}' "
                   "as the name", others[0])
    if words:
        target.title = words[0]
    if len(words) > 1:
        target.name = words[1]
    target.address = words[2:]
    _split_country(draft, key, target, others[-1] if others else heading)
    where = others[0] if others else heading
    if len(words) < 3:
        missing = ["the title", "the name", "the postal address"][len(words):]
        draft.note("todo", key, f"the document gives no {' or '.join(missing)} of this target; "
                   "fill it in", where)
    else:
        draft.note("mapped", key, f"{target.title}, {target.name}, {len(target.address)} address "
                   f"line{'s' * (len(target.address) != 1)}, country {target.country or '?'}", where)
    return target


def _split_country(draft: Draft, key: str, target: TargetDraft, where: Line) -> None:
    """'Islamabad, Pakistan' → address 'Islamabad', country 'Pakistan'; a last line alone is the country."""
    if not target.address:
        return
    last = target.address[-1]
    head, comma, tail = last.rpartition(",")
    if comma and tail.strip() and not re.search(r"\d", tail):
        target.address[-1], target.country = head.strip().rstrip(","), tail.strip()
    elif len(target.address) > 1 and not re.search(r"\d", last):
        target.country = target.address.pop()
    else:
        draft.note("todo", f"{key}.country", "the address ends without a country; write it", where)


def _map_channel(draft: Draft, key: str, target: TargetDraft, channel: Channel,
                 line: Line) -> None:
    if channel.key == "salutation":
        target.salutation.setdefault("en", channel.values[0])
        draft.note("mapped", f"{key}.salutation.en", f"'{channel.values[0]}'", line)
        return
    if channel.key not in _CHANNEL_KEYS:
        target.comments.append(f"{channel.label}: {channel.values[0]} - kit.yaml cannot hold a "
                               f"{channel.label} address yet")
        draft.note("todo", key, f"'{channel.label}' cannot go in kit.yaml yet; it is a comment "
                   "in the draft", line)
        return
    for value in channel.values:
        several = channel.key != "x" or channel.key not in target.channels  # one X account
        if several and valid_channel(channel.key, value):
            target.channels.setdefault(channel.key, []).append(value)
            draft.note("mapped", f"{key}.{channel.key}", f"{value} (from '{channel.label}')", line)
        elif channel.key in target.channels:
            target.comments.append(f"also {channel.label}: {value} - kit.yaml holds one "
                                   f"{channel.key} per target yet")
            draft.note("todo", f"{key}.{channel.key}", f"{value} is a second {channel.label}; "
                       "kit.yaml holds one, the draft keeps it as a comment", line)
        else:
            target.comments.append(f"{channel.label}: {value} - not a {channel.key} kit.yaml "
                                   "can print; write it in international form")
            draft.note("todo", f"{key}.{channel.key}", f"'{value}' is not a {channel.key} "
                       "kit.yaml accepts; it is a comment in the draft", line)


def _map_letter(draft: Draft, lines: list[Line], heading: Line) -> None:
    texts = [plain(line.text) for line in lines]
    closing_at = next((i for i in range(len(texts) - 1, -1, -1) if _CLOSING.match(texts[i])), None)
    body = paragraphs(lines[:closing_at] if closing_at is not None else lines)
    if closing_at is None:
        closing = "Yours sincerely,"
        draft.note("guessed", "letters.en.closing", f"no closing found; the draft has '{closing}'",
                   heading)
    else:
        closing = texts[closing_at]
        draft.note("mapped", "letters.en.closing", f"'{closing}'", lines[closing_at])
    if not body:
        draft.note("todo", "letters.en.body", "no model letter found after the greeting; write it",
                   heading)
    else:
        draft.note("mapped", "letters.en.body", f"{len(body)} paragraph{'s' * (len(body) != 1)}",
                   body[0].first)
    draft.letters["en"] = ("\n\n".join(_clean(draft, p, "letters.en.body") for p in body), closing)


def _map_copies(draft: Draft, lines: list[Line]) -> None:
    """'And copies to:' and the blocks after it: one copy target per block of lines."""
    first = lines[0]
    rest = _COPIES.match(plain(first.text))
    inline = [Line(rest[1], first.where)] if rest and rest[1] else []
    groups: list[list[Line]] = []
    for line in inline + lines[1:]:
        if line.blank:
            groups.append([])
        elif groups and groups[-1]:
            groups[-1].append(line)
        else:
            groups.append([line])
    for group in (g for g in groups if g):
        key = f"targets.{len(draft.targets)}"
        text = " ".join(plain(line.text) for line in group)
        embassy = _EMBASSY_OF.search(text)
        if _NO_FIXED_ADDRESS.search(text) and embassy:
            target = TargetDraft("copy", title=plain(group[0].text).rstrip(",;"),
                                 fixed_address=False, embassy=embassy[1])
            said = "; ".join(plain(line.text) for line in group)
            target.comments.append(f"The document says: '{said}'")
            draft.note("mapped", f"{key}.embassy", f"{embassy[1]}: a copy to its embassy in "
                       "each sender's country; add its address in yours if you know it",
                       group[0])
        elif _NO_FIXED_ADDRESS.search(text) or len(group) < 3:
            target = TargetDraft("copy", title=plain(group[0].text).rstrip(",;"),
                                 fixed_address=False)
            said = "; ".join(plain(line.text) for line in group)
            target.comments.append(f"The document says: '{said}'")
            draft.note("todo", "targets", f"copy to '{target.title}': it has no fixed address; "
                       "fill in the one in your country and remove the # signs", group[0])
        else:
            target = _map_target(draft, key, "copy", group, first)
        target.salutation["en"] = _copy_salutation(target.title)
        draft.note("guessed", f"{key}.salutation.en", f"'{target.salutation['en']}' for the copy",
                   group[0])
        draft.targets.append(target)


def _copy_salutation(title: str) -> str:
    return "Dear Ambassador," if "ambassador" in title.lower() else "Dear Sir or Madam,"


# The short sections


def _map_languages(draft: Draft, section: Section | None) -> None:
    if section is None:
        draft.languages = ["en"]
        draft.note("todo", "languages", "no 'PREFERRED LANGUAGE TO ADDRESS TARGET'; the pack has "
                   "the English letter only")
    else:
        tags, unknown = parse_languages(section.value)
        draft.languages = tags
        draft.note("mapped", "languages", f"{', '.join(tags) or 'none'} (from "
                   f"'{section.value}')", section.heading)
        for name in unknown:
            draft.note("todo", "languages", f"'{name}' is a language the import does not know; "
                       "add its tag (e.g. 'rw') to languages and a letter for it", section.heading)
        if "en" not in tags:
            draft.languages.append("en")
            draft.note("guessed", "languages", "the English letter is kept, last; remove 'en' "
                       "from languages and letters to print only the target's languages",
                       section.heading)
    for language in draft.languages:
        if language != "en":
            _add_untranslated(draft, language, section.heading if section else None)


def _add_untranslated(draft: Draft, language: str, where: Line | None) -> None:
    name = _NAMES.get(language, language)
    draft.letters[language] = (untranslated(f"the {name} letter"),
                               untranslated(f"the {name} closing"))
    for target in draft.targets:
        target.salutation[language] = untranslated(f"the {name} greeting")
    draft.note("todo", f"letters.{language}", f"translate the English letter, its greeting and "
               f"closing into {name}; until then they say '{UNTRANSLATED} …' and check "
               "warns", where)


def _map_background(draft: Draft, section: Section | None) -> None:
    if section is None:
        draft.note("todo", "background", "no 'ADDITIONAL INFORMATION' section; the background "
                   "page stays empty")
        return
    found = paragraphs(section.lines)
    texts = [_clean(draft, p, "background") for p in found]
    draft.background = "\n\n".join(texts)
    draft.case_text += [Paragraph(t, p.first) for t, p in zip(texts, found)]
    draft.note("mapped", "background", f"{len(found)} paragraph{'s' * (len(found) != 1)}",
               section.heading)


def _map_deadline(draft: Draft, section: Section | None) -> None:
    if section is None:
        draft.note("todo", "action.deadline", "no 'PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL'; "
                   "write the deadline as YYYY-MM-DD")
        return
    draft.deadline, ambiguity = parse_date(section.value)
    if draft.deadline is None:
        draft.note("todo", "action.deadline", f"'{section.value}' is not a date the import can "
                   "read; write it as YYYY-MM-DD", section.heading)
    else:
        draft.note("mapped", "action.deadline", f"{draft.deadline.isoformat()} (from "
                   f"'{section.value}')", section.heading)
        if ambiguity:
            draft.note("guessed", "action.deadline", ambiguity, section.heading)
    advice = paragraphs(section.lines)
    if advice:
        draft.after_deadline = advice[0].text
        draft.note("mapped", "action.after_deadline", "the line after the deadline",
                   advice[0].first)


def _map_people(draft: Draft, section: Section | None) -> None:
    if section is None or not section.value:
        draft.note("todo", "people", "no 'NAME AND PRONOUN'; write who the action is for")
        return
    draft.people = section.value
    draft.note("mapped", "people", f"'{section.value}'", section.heading)
    people = parse_people(section.value)
    if len(people) > 1 or any(p not in ("", "All", "all") for _, p in people):
        listed = "; ".join(f"{name}: {pronoun}" for name, pronoun in people)
        draft.comment("people", f"One by one: {listed} - kit.yaml cannot hold each person's "
                      "pronouns yet; they stay in the text above.")


def _map_previous(draft: Draft, section: Section | None) -> None:
    url = None
    if section is not None:
        url = find_url(" ".join([section.value, *(line.text for line in section.lines)]))
    if url is None:
        draft.label = "Our online action"
        draft.note("todo", "action.url", "no link to a previous Urgent Action: put your "
                   "office's action page here (the draft cannot be built without one)",
                   section.heading if section else None)
        return
    draft.url = url
    draft.note("mapped", "action.url", url, section.heading if section else None)
    draft.note("todo", "action.url", "this is the previous Urgent Action: put your office's "
               "own action page here, the page the QR code should open",
               section.heading if section else None)


def _map_suggestions(draft: Draft) -> None:
    draft.figures = suggest_figures(draft.case_text)
    draft.events = [e for e in suggest_events(draft.case_text)
                    if not draft.deadline or e.value != draft.deadline.isoformat()]
    draft.note("guessed", "figures", f"{len(draft.figures)} numbers found, commented out in the "
               "draft: keep the few that matter and shorten their labels")
    draft.note("guessed", "timeline", f"{len(draft.events)} dates found, commented out in the "
               "draft: keep the events that matter and shorten their texts")
