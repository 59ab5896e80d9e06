"""Rules across a kit's keys: links go to web pages, the QR code holds the address, the kit's
words exist (targets, languages and letters: validate_targets.py)."""

from __future__ import annotations

import string

from . import model
from .lint import is_markup, iter_texts
from .markup import find_links, url_problem
from .uri import QR_MAX_BYTES, to_uri
from .validate_checker import Checker, close_matches
from .words import WORD_KEYS, placeholders

__all__ = ["check_links", "check_qr_capacity", "check_words"]


def check_links(kit: model.Kit, checker: Checker) -> None:
    """Links in markup must go to web pages; placeholders such as `(#)` are only warned about (lint)."""
    for path, _, text in iter_texts(kit):
        if not is_markup(path):
            continue
        for link in find_links(text):
            url = link.url.strip()
            if not url or url.startswith("#") or ":" not in url.split("/")[0]:
                continue  # a placeholder or a relative address: lint warns
            problem = url_problem(url)
            if problem:
                mark = checker.locate()(path, link.url_start)
                checker.error(mark, path, f"link '[{link.text}]({link.url})': {problem}")

def check_qr_capacity(kit: model.Kit, checker: Checker) -> None:
    """The QR code must hold the whole address, in the form it carries (URI, UTF-8)."""
    url = kit.action.url if kit.action is not None else None
    if not isinstance(url, str):
        return
    size = len(to_uri(url).encode("utf-8"))
    if size > QR_MAX_BYTES:
        checker.error(checker.nodes.get("action.url"), "action.url",
                   f"the address is {size:,} characters long; a QR code at error correction "
                   f"M holds at most {QR_MAX_BYTES:,}: use a shorter address, such as your "
                   f"office's action page")

def check_words(kit: model.Kit, checker: Checker) -> None:
    """Each of the kit's own words must be one the fact sheet prints, with its placeholders."""
    for name, text in (kit.words or {}).items():
        path = f"words.{name}"
        if name not in WORD_KEYS:
            close = close_matches(name, list(WORD_KEYS), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the README lists them"
            checker.error(checker.keys.get(path), path, f"the fact sheet has no word '{name}'; {hint}")
            continue
        if text is None:
            continue
        allowed = placeholders(name)
        offer = ", ".join(f"{{{p}}}" for p in allowed) or "none"
        try:
            used = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
        except ValueError:
            checker.error(checker.nodes.get(path), path, f"a '{{' or '}}' without its partner; "
                       f"placeholders here: {offer}")
            continue
        for field in used:
            if field not in allowed:
                checker.error(checker.nodes.get(path), path, f"'{{{field}}}' cannot be filled in "
                           f"here; placeholders here: {offer}")
