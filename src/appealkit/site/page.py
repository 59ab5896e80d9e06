"""Write the download page, index.html, from a Kit and the files of the site folder.

Every text from the kit goes through `html.escape`, so a headline of `<script>` is shown as
typed, never run. Links in the kit's markup are kept only when they are http(s) addresses
(markup.py decides). The page has no script; style.css does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..layout.locale import format_date, is_rtl
from ..markup import parse_blocks, parse_paragraphs
from ..model import Kit
from ..people import printed_people
from ..text.types import Span
from ..words import language_name_in, word
from .labels import PART_LABELS, label, language_label

__all__ = ["PAPERS", "Download", "Preview", "SitePhoto", "render_page"]

PAPERS = ("a4", "letter")  # the paper sizes on the page, in this order
_PAPER_LABELS = {"a4": "a4", "letter": "us_letter"}


@dataclass(frozen=True)
class Preview:
    """A page's picture in the site folder."""

    file: str
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class SitePhoto:
    """A photo of the case or of a person, as the site folder holds it."""

    file: str
    width: int  # pixels
    height: int
    alt: str
    name: str | None  # whose photo it is, for a person's
    credit: str | None


@dataclass(frozen=True)
class Download:
    """One PDF of the pack (`pack`, `fact-sheet`, `letter-ur`, any new part) in each paper size."""

    stem: str
    files: dict[str, tuple[str, int]]  # paper → (file name in the folder, size in bytes)
    previews: tuple[Preview, ...] = ()  # its pages on A4


def render_page(kit: Kit, downloads: list[Download], qr_file: str,
                photos: tuple[SitePhoto, ...] = ()) -> str:
    """The whole index.html: banner, case (with its photos), downloads, letters, other
    materials, online action."""
    tag = kit.language
    title = f"{_banner_word(kit)}: {kit.headline}"
    body = [*_header(kit), '<main id="main">', *_case(kit, photos), *_sections(kit, downloads),
            *_action(kit, qr_file), "</main>", *_footer(kit)]
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{_attr(tag)}" dir="{"rtl" if is_rtl(tag) else "ltr"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        '<link rel="stylesheet" href="style.css">',
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


# -- the case ---------------------------------------------------------------------------------


def _header(kit: Kit) -> list[str]:
    organisation = kit.organisation.name
    return ['<header class="banner">',
            f'<p class="banner-word">{_text(_banner_word(kit))}</p>',
            *([f'<p class="organisation">{_text(organisation)}</p>'] if organisation else []),
            "</header>"]


def _case(kit: Kit, photos: tuple[SitePhoto, ...]) -> list[str]:
    tag = kit.language
    deadline = format_date(kit.action.deadline, tag)
    status = label(tag, kit.action.status if kit.action.status in ("update", "closed") else "open")
    lines = [f"<h1>{_text(kit.headline)}</h1>"]
    people = printed_people(kit.people, word(tag, "and", kit.words))
    if people:
        lines.append(f'<p class="people">{_text(people)}</p>')
    if photos:
        lines += ['<div class="photos">', *(_photo(photo) for photo in photos), "</div>"]
    if kit.action.update:  # what changed, or why the action closed: before the case itself
        lines += [f'<p class="update">{_inline(p)}</p>' for p in parse_paragraphs(kit.action.update)]
    lines += _summary(kit.summary)
    lines += ['<dl class="facts">',
              f"<dt>{_text(word(tag, 'deadline', kit.words))}</dt>",
              f'<dd><time datetime="{kit.action.deadline.isoformat()}">{_text(deadline)}</time></dd>',
              f"<dt>{_text(label(tag, 'status'))}</dt>",
              f'<dd class="status-{_attr(kit.action.status)}">{_text(status)}</dd>',
              "</dl>"]
    return lines


def _photo(photo: SitePhoto) -> str:
    """A photo with its alternative text, and under it whose it is and its credit."""
    caption = " · ".join(_text(part) for part in (photo.name, photo.credit) if part)
    return "".join([
        "<figure>",
        f'<img src="{_attr(photo.file)}" alt="{_attr(photo.alt)}" width="{photo.width}" '
        f'height="{photo.height}">',
        f"<figcaption>{caption}</figcaption>" if caption else "",
        "</figure>"])


def _summary(markup: str) -> list[str]:
    """The summary's paragraphs, and its lists as <ul> or <ol> (numbered from their first)."""
    lines: list[str] = []
    open_list = ""
    for block in parse_blocks(markup):
        kind = "" if not block.is_item else ("ul" if block.bullet else "ol")
        if kind != open_list:
            if open_list:
                lines.append(f"</{open_list}>")
            if kind:
                start = f' start="{block.number}"' if kind == "ol" and block.number != 1 else ""
                lines.append(f'<{kind} class="summary"{start}>')
            open_list = kind
        text = _inline(list(block.spans))
        lines.append(f"<li>{text}</li>" if kind else f'<p class="summary">{text}</p>')
    if open_list:
        lines.append(f"</{open_list}>")
    return lines


def _inline(spans: list[Span]) -> str:
    """One paragraph of kit markup as HTML: bold as <strong>, web links as <a>."""
    html = []
    for span in spans:
        text = _text(span.text)
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.link:
            text = f'<a href="{_attr(span.link)}">{text}</a>'
        html.append(text)
    return "".join(html)


def _banner_word(kit: Kit) -> str:
    key = {"update": "banner_update", "closed": "banner_closed"}.get(kit.action.status, "banner")
    return word(kit.language, key, kit.words)


# -- the downloads ----------------------------------------------------------------------------


def _sections(kit: Kit, downloads: list[Download]) -> list[str]:
    """The pack and its sheets, then the letters by language, then any other part (events)."""
    tag = kit.language
    sheets = [d for d in downloads if d.stem in ("pack", "fact-sheet", "background")]
    letters = [d for d in downloads if d.stem.startswith("letter-")]
    others = [d for d in downloads if d not in sheets and d not in letters]
    lines = _section("downloads", label(tag, "downloads"), label(tag, "downloads_how"),
                     [_card(kit, d) for d in sheets])
    by_post = any(kit.targets[i].address for i in kit.letter_targets)
    how = label(tag, "letters_how" if by_post else "letters_how_email")
    lines += _section("letters", label(tag, "letters"), how,
                      [_card(kit, d) for d in letters])
    if others:
        lines += _section("materials", label(tag, "materials"), None,
                          [_card(kit, d) for d in others])
    return lines


def _section(key: str, heading: str, about: str | None, cards: list[list[str]]) -> list[str]:
    return [f'<section aria-labelledby="{key}">',
            f'<h2 id="{key}">{_text(heading)}</h2>',
            *([f"<p>{_text(about)}</p>"] if about else []),
            '<ul class="cards">',
            *(line for card in cards for line in card),
            "</ul>",
            "</section>"]


def _card(kit: Kit, download: Download) -> list[str]:
    tag = kit.language
    lines = ['<li class="card">', f"<h3>{_heading(kit, download.stem, tag)}</h3>"]
    if download.stem == "pack":
        lines.append(f"<p>{_text(label(tag, 'pack_about'))}</p>")
    if download.previews:
        lines.append('<div class="pages">')
        total = len(download.previews)
        for n, preview in enumerate(download.previews, 1):
            alt = label(tag, "page_alt", part=_plain_name(kit, download.stem, tag), n=n, total=total)
            lines.append(f'<img src="{_attr(preview.file)}" width="{preview.width}" '
                         f'height="{preview.height}" alt="{_attr(alt)}" loading="lazy">')
        lines.append("</div>")
    lines += ['<p class="files">', *(_file_link(download, paper, tag) for paper in PAPERS
                                     if paper in download.files), "</p>", "</li>"]
    return lines


def _file_link(download: Download, paper: str, tag: str) -> str:
    name, size = download.files[paper]
    what = label(tag, "pdf", size=_size(size))
    return (f'<a class="file" href="{_attr(name)}" type="application/pdf">'
            f"{_text(label(tag, _PAPER_LABELS[paper]))} <small>({_text(what)})</small></a>")


def _heading(kit: Kit, stem: str, tag: str) -> str:
    """The card's heading as HTML: a letter is named in its own language and the page's,
    `اردو (Urdu)`, the own name marked with its language and direction; with letters to
    several targets, followed by its target's title."""
    language = _letter_language(kit, stem)
    if not language:
        return _text(_plain_name(kit, stem, tag))
    to = _text(f" · {_letter_target(kit, stem)}") if _letter_target(kit, stem) else ""
    own, name = language_label(language, tag)
    if own is None:
        return _text(name) + to
    direction = "rtl" if is_rtl(language) else "ltr"
    return (f'<span lang="{_attr(language)}" dir="{direction}">{_text(own)}</span> '
            f"({_text(name)}){to}")


def _plain_name(kit: Kit, stem: str, tag: str) -> str:
    """A part's name in text: `Fact sheet`, `Letter in Urdu`, `Sign-up sheet` for `sign-up-sheet`."""
    language = _letter_language(kit, stem)
    if language:
        to = _letter_target(kit, stem)
        name = label(tag, "letter_in", language=language_name_in(language, tag))
        return f"{name} · {to}" if to else name
    if stem in PART_LABELS:
        return label(tag, stem)
    # A part this page does not know yet (the events' materials): its file name, readable.
    return stem[:1].upper() + stem[1:].replace("-", " ").replace("_", " ")


def _letter_language(kit: Kit, stem: str) -> str | None:
    """The language of the letter whose part is `stem` (`letter-minister-es`: `es`)."""
    letter = next((each for each in kit.letter_list if each.part == stem), None)
    if letter is not None:
        return letter.language
    return stem.removeprefix("letter-") if stem.startswith("letter-") else None


def _letter_target(kit: Kit, stem: str) -> str | None:
    """The title of the letter's target, when the kit has letters to several targets."""
    letter = next((each for each in kit.letter_list if each.part == stem), None)
    if letter is None or len(kit.letter_targets) < 2:
        return None
    target = kit.targets[letter.target]
    return target.title or target.name


def _size(size: int) -> str:
    return f"{max(1, round(size / 1000))} KB" if size < 1_000_000 else f"{size / 1e6:.1f} MB"


# -- the online action and the footer --------------------------------------------------------


def _action(kit: Kit, qr_file: str) -> list[str]:
    tag, url = kit.language, kit.action.url
    return ['<section aria-labelledby="online">',
            f'<h2 id="online">{_text(label(tag, "act_online"))}</h2>',
            f'<p><a href="{_attr(url)}">{_text(kit.action.label)}</a></p>',
            f'<p class="url">{_text(url)}</p>',
            '<figure class="qr">',
            (f'<img src="{_attr(qr_file)}" width="160" height="160" '
             f'alt="{_attr(label(tag, "qr_alt", url=url))}">'),
            (f"<figcaption>{_text(word(tag, 'scan', kit.words))} "
             f"{_text(kit.action.label)}</figcaption>"),
            "</figure>",
            "</section>"]


def _footer(kit: Kit) -> list[str]:
    if not kit.organisation.name:
        return []
    text = label(kit.language, "published_by", name=kit.organisation.name)
    return ["<footer>", f"<p>{_text(text)}</p>", "</footer>"]


def _text(value: str) -> str:
    """Kit text for between tags: `<`, `>` and `&` escaped (quotes may stay as typed)."""
    return escape(value, quote=False)


def _attr(value: str) -> str:
    """A value for inside double quotes: `"`, `'`, `<`, `>` and `&` escaped."""
    return escape(value, quote=True)
