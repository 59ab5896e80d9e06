"""The kit as typed, validated data: what kit.yaml describes, with nothing of YAML left in it.

Each field's docstring is the documentation of the kit.yaml key of the same name;
`appealkit schema` turns these classes into a JSON Schema.
Text fields marked *markup* accept `**bold**` and `[text](https://…)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day (`2023`, `2023-10`, `2023-10-01`)."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Figure:
    value: str
    """The figure as it should be printed large, e.g. `1,080,312` or `1.4 million`."""
    label: str
    """What the figure counts, one short sentence."""
    source: str | None = None
    """Who reported it, e.g. `UNHCR` or `IOM`; omit when the case gives no source."""


@dataclass(frozen=True)
class Event:
    date: PartialDate
    """When it happened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    text: str
    """What happened, one or two sentences (*markup*)."""


@dataclass(frozen=True)
class LocalName:
    name: str | None = None
    """The target's name in the letter's language or script; default: the target's `name`."""
    title: str | None = None
    """The target's title in the letter's language, e.g. `Ministro de Seguridad`; default: `title`."""
    address: tuple[str, ...] = ()
    """Postal address lines in the letter's language or script; default: `address`."""
    country: str | None = None
    """The country as the envelope window of this letter shows it; default: `country`."""
    window: bool | None = None
    """Whether the envelope window shows these lines: by default yes when they are written in
    Latin letters, which every post reads; no for other scripts, which then print as the letter's
    heading while the window keeps the target's own lines. `window: true` puts them in the
    window (an Urdu address is fine when the letter is posted in Pakistan)."""


@dataclass(frozen=True)
class Target:
    name: str | None = None
    """Full name, e.g. `Syed Mohsin Raza Naqvi`; leave it out when the action gives only a title."""
    title: str | None = None
    """Title or office, e.g. `Minister of Interior`; needed except for an `embassy` copy."""
    address: tuple[str, ...] = ()
    """Postal address lines without the country, as the post of the sender's country reads them;
    leave it out for a target reached by email only, or an `embassy` copy."""
    country: str | None = None
    """Country of the postal address, printed last in capitals on the envelope; needed with an
    `address`."""
    salutation: dict[str, str] = field(default_factory=dict)
    """Salutation per letter language, e.g. `en: Dear Honourable Minister,`; a target that gets
    letters needs one for each of its letters' languages."""
    role: str = "main"
    """`main` for the person the letters are addressed to, `copy` for those who get a copy."""
    id: str | None = None
    """A short name for the target, e.g. `minister`: to key `letters` by target when letters go to
    several targets, and to name a copy target in `copies`. Small letters, digits and `-`."""
    email: tuple[str, ...] = ()
    """Email address for appeals, e.g. `secretary@interior.gov.pk`, or a list of them."""
    fax: tuple[str, ...] = ()
    """Fax number in international form, e.g. `+92 51 920 2624`, or a list of them."""
    phone: tuple[str, ...] = ()
    """Phone number in international form, or a list of them."""
    x: str | None = None
    """X (Twitter) handle, with the @."""
    local: dict[str, LocalName] = field(default_factory=dict)
    """Name, title and address in a letter's language or script, keyed by language: the letter in
    that language uses them (see `window`)."""
    languages: tuple[str, ...] = ()
    """The languages of this target's letters when they are not the kit's `languages`."""
    copies: tuple[str, ...] | None = None
    """The `id`s of the copy targets this target's letters list under "Copy to"; default: every
    copy target."""
    embassy: str | None = None
    """For a copy to the diplomatic representative of a country accredited to the sender's
    country (each office sends it to its own embassy): that country, e.g. `Pakistan`. The pack
    leaves a place to write the embassy's address; give `address` when your office knows it."""


@dataclass(frozen=True)
class Letter:
    language: str
    """BCP 47 language tag; the key under `letters`."""
    body: str
    """The model letter's paragraphs, separated by a blank line (*markup*)."""
    closing: str
    """E.g. `Yours sincerely,`."""
    subject: str | None = None
    """An optional subject line printed above the salutation."""
    target: int = 0
    """Index in `targets` of the target the letter is addressed to (not a key)."""
    path: str = ""
    """Where the letter is in kit.yaml, `letters.en` or `letters.minister.es` (not a key)."""
    part: str = ""
    """The letter's part and file name: `letter-en`, or `letter-minister-es` when letters go to
    several targets (not a key)."""


@dataclass(frozen=True)
class Action:
    url: str
    """The online action the QR code opens (http or https)."""
    label: str
    """What the address opens, printed under the QR code."""
    deadline: dt.date
    """Take action until this date (`YYYY-MM-DD`)."""
    status: str = "open"
    """`open`, `update` or `closed`."""
    after_deadline: str | None = None
    """Advice for appeals sent after the deadline."""


@dataclass(frozen=True)
class Organisation:
    name: str | None = None
    """Printed in the banner and the PDF's author field."""
    logo: Path | None = None
    """A PNG or JPEG under `assets/`, printed in the banner."""
    logo_data: bytes | None = field(default=None, compare=False, repr=False)
    """The logo's checked image bytes, read once while checking (not a key)."""
    accent: str = "#FFD200"
    """Accent colour as `#RRGGBB`; the banner's background."""


@dataclass(frozen=True)
class LetterSettings:
    date: str | dt.date = "today"
    """`today` (the build date), `blank` (a line to fill in) or a fixed `YYYY-MM-DD`."""
    return_line: str | None = None
    """Optional small sender line printed above the envelope address."""


@dataclass(frozen=True)
class EventSettings:
    """What a letter-writing event prints besides the pack: cards, poster, envelopes, tally."""

    postage: str | None = None
    """What postage a letter abroad needs, in your words, e.g. `one international stamp`;
    the posting guide prints no price of its own."""
    sender_country: str | None = None
    """The country you post from; envelopes to another country say PAR AVION / BY AIR MAIL."""
    return_address: tuple[str, ...] = ()
    """Return address lines printed small at the top left of each envelope."""
    report: str | None = None
    """The web page where the group reports its counts (http or https), printed with a QR code."""
    report_by: dt.date | None = None
    """Report the counts by this date (`YYYY-MM-DD`)."""
    ask: str | None = None
    """The ask in one line for the cards, e.g. `Renew PoR cards now`; default: the subject
    of the letter in the fact sheet's language."""
    summary: str | None = None
    """What happened in two or three lines for the cards; default: the summary, cut short."""
    why: str | None = None
    """One line of why for the poster; default: the ask."""
    words: dict[str, str] = field(default_factory=dict)
    """The cards', poster's and tally's own words in your wording, by key, e.g. `tonight: …`."""


@dataclass(frozen=True)
class Solidarity:
    """A message of solidarity to copy onto cards for the people the action is for."""

    message: str
    """The message, or the idea of it, that writers copy or adapt."""
    dos: tuple[str, ...] = ()
    """What to do, one short line each (e.g. `Write in simple words`)."""
    donts: tuple[str, ...] = ()
    """What not to do, one short line each (e.g. `Do not mention politics`)."""


@dataclass(frozen=True)
class Kit:
    """One Urgent Action: the case, the people to write to and the model letters."""

    source: Path
    """The kit.yaml file this came from (not a key)."""
    headline: str
    """The fact sheet's headline."""
    summary: str
    """One paragraph saying what happened and what must change (*markup*)."""
    action: Action
    """The online action (QR code) and the deadline."""
    targets: tuple[Target, ...]
    """The people to write to: one `main` target, any number of `copy` targets."""
    letters: dict[str, Letter | dict[str, Letter]]
    """Model letters keyed by language, in the order of `languages`.
    With letters to several targets, keyed by the target's `id`, then by language
    (`minister: {es: …}`)."""
    languages: tuple[str, ...]
    """Languages the target prefers to be addressed in, e.g. `[en, ur]`.
    A target's own `languages` replace them for its letters."""
    language: str = "en"
    """Fact sheet language; its own headings and dates exist in `en`, `fr`, `es`, `de`."""
    people: str | None = None
    """Who the action is for, with pronouns, e.g. `At least 1.4 million Afghan refugees (All)`."""
    figures: tuple[Figure, ...] = ()
    """Key figures for the fact sheet's panel, three to a row."""
    timeline: tuple[Event, ...] = ()
    """What happened, in date order."""
    background: str = ""
    """Additional information, paragraphs separated by a blank line (*markup*)."""
    organisation: Organisation = field(default_factory=Organisation)
    """Who publishes the pack: name, logo and accent colour."""
    letter: LetterSettings = field(default_factory=LetterSettings)
    """How the letters are dated and addressed."""
    keywords: tuple[str, ...] = ()
    """PDF keywords."""
    event: EventSettings = field(default_factory=EventSettings)
    """What a letter-writing event prints: postage, sender country, return address, report."""
    solidarity: Solidarity | None = None
    """A solidarity message for `solidarity.pdf` cards: `message`, `dos` and `donts`."""
    words: dict[str, str] = field(default_factory=dict)
    """The fact sheet's own words in your language or wording, by key, e.g. `take_action: AGISCI`."""
    letter_list: tuple[Letter, ...] = ()
    """Every model letter in the pack's order: by target, then language (not a key)."""
    marks: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Where each key path (`letters.en.body`) sits in kit.yaml, for located errors (not a key)."""

    @property
    def main_target(self) -> Target:
        """The first target the letters are addressed to."""
        return next(t for t in self.targets if t.role == "main")

    @property
    def copies(self) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.role != "main")

    @property
    def letter_targets(self) -> tuple[int, ...]:
        """Indexes in `targets` of the targets that get letters, in order."""
        return tuple(dict.fromkeys(letter.target for letter in self.letter_list))

    def letters_to(self, index: int) -> tuple[Letter, ...]:
        """The letters to `targets[index]`, in the order of its languages."""
        return tuple(letter for letter in self.letter_list if letter.target == index)

    def copies_of(self, index: int) -> tuple[int, ...]:
        """Indexes of the copy targets listed under "Copy to" on the letters to `targets[index]`."""
        chosen = self.targets[index].copies
        ids = {t.id: i for i, t in enumerate(self.targets) if t.id}
        if chosen is None:
            return tuple(i for i, t in enumerate(self.targets) if t.role != "main")
        return tuple(ids[name] for name in chosen if name in ids)
