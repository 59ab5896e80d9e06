"""What the event materials share: their words, the banner, the postal address of a target."""

from __future__ import annotations

from ..event_words import event_word
from ..model import Kit, Target
from ..text.types import Align, Span
from ..words import word
from . import styles
from .boxes import BLACK, WHITE, Color, Item, Rect, TextBox
from .factsheet import contrast, fill_in
from .flow import set_text


def ev_word(kit: Kit, key: str, **values: str) -> str:
    """An event word in the kit's language, or the kit's own from `event.words`."""
    own = kit.event.words if kit.event is not None else {}
    return event_word(kit.language, key, own, **values)


def short_address(url: str) -> str:
    """The address as people type it: without `https://`, `www.` kept, no trailing slash."""
    for scheme in ("https://", "http://"):
        url = url.removeprefix(scheme)
    return url.rstrip("/")


def accent(kit: Kit) -> tuple[Color, Color]:
    """The banner's fill and the ink (black or white) that reads best on it."""
    value = kit.organisation.accent.lstrip("#")
    fill: Color = (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)
    ink = BLACK if contrast(fill, BLACK) >= contrast(fill, WHITE) else WHITE
    return fill, ink


def banner(kit: Kit, x: float, y: float, width: float, height: float, size: float,
           title: str | None = None) -> list[Item]:
    """The accent band: `title` (default: the kit's URGENT ACTION word) and the organisation."""
    fill, ink = accent(kit)
    key = {"update": "banner_update", "closed": "banner_closed"}.get(kit.action.status, "banner")
    text = title or word(kit.language, key, kit.words)
    heading = set_text(text, styles.style(size, role="display", leading=1.0), width * 0.62)
    items: list[Item] = [Rect(x, y, width, height, fill=fill),
                         TextBox(x + size * 0.5, y + (height - heading.height) / 2, heading, ink)]
    if kit.organisation.name:
        name = set_text([Span(kit.organisation.name, bold=True)],
                        styles.style(size * 0.45, align=Align.END, leading=1.1), width * 0.36)
        items.append(TextBox(x + width * 0.64 - size * 0.5, y + (height - name.height) / 2,
                             name, ink))
    return items


def address_lines(target: Target) -> list[str]:
    """The postal address block: name, title, address lines, the country alone in capitals."""
    country = [target.country.upper()] if target.country else []
    return [line for line in (target.name, target.title, *target.address) if line] + country


def write_to(kit: Kit) -> str:
    """`Write to the {title}, {name}` for each target of the letters."""
    texts = []
    for index in kit.letter_targets:
        target = kit.targets[index]
        text = ev_word(kit, "write_to", title=target.title or "", name=target.name or "")
        texts.append(fill_in(text))
    return "\n".join(texts)


def postal_targets(kit: Kit) -> list[tuple[int, Target]]:
    """(index in `targets`, target) of every target with a postal address, main one first."""
    indexed = [(i, t) for i, t in enumerate(kit.targets) if t.address]
    return sorted(indexed, key=lambda pair: pair[1].role != "main")


def needs_air_mail(kit: Kit, target: Target) -> bool:
    """True when the letter goes abroad, or when the kit does not say where it is posted from."""
    sender = kit.event.sender_country if kit.event is not None else None
    country = target.country or ""
    return sender is None or sender.strip().casefold() != country.strip().casefold()
