"""Rules across a kit's keys: languages and letters agree, one main target with a greeting per
letter, links go to web pages, the QR code holds the address, the kit's words exist."""

from __future__ import annotations

import string

from . import model
from .lint import is_markup, iter_texts
from .markup import find_links, url_problem
from .uri import QR_MAX_BYTES, to_uri
from .validate_checker import Checker, close_matches
from .words import WORD_KEYS, placeholders

__all__ = ["check_languages", "check_links", "check_qr_capacity", "check_targets", "check_words"]


def check_languages(kit: model.Kit, checker: Checker) -> None:
    if kit.languages is None or kit.letters is None:
        return
    if not kit.languages:
        checker.error(
            checker.nodes.get("languages"),
            "languages",
            "the list is empty; name the language of each letter, e.g. [en]",
        )
    first: dict[str, int] = {}
    for i, lang in enumerate(kit.languages):
        node = checker.nodes.get(f"languages.{i}")
        if lang is None:
            continue
        if lang in first:
            checker.error(node, "languages", f"'{lang}' is listed twice; remove one")
            continue
        first[lang] = i
        if lang not in kit.letters:
            checker.error(
                node,
                "languages",
                f"'{lang}' has no letter; add letters.{lang}, or remove '{lang}' here",
            )
    for lang in kit.letters:
        if lang not in first:
            key = checker.keys.get(f"letters.{lang}")
            listed = ", ".join([*(x for x in kit.languages if x), lang])
            checker.error(
                key,
                f"letters.{lang}",
                f"'{lang}' is not in languages; list it (languages: [{listed}]) or remove this letter",
            )

def check_targets(kit: model.Kit, checker: Checker) -> None:
    targets = kit.targets
    if targets is None:
        return
    if not targets:
        checker.error(
            checker.nodes.get("targets"),
            "targets",
            "the list is empty; add the person the letters are addressed to",
        )
        return
    languages = [lang for lang in kit.languages or () if isinstance(lang, str)]
    main: int | None = None
    for i, target in enumerate(targets):
        if target is None:
            continue
        path = f"targets.{i}"
        if target.role == "main":
            if main is None:
                main = i
            else:
                first = checker.nodes[f"targets.{main}"].mark.line
                where = checker.nodes.get(f"{path}.role") or checker.nodes.get(path)
                checker.error(
                    where,
                    f"{path}.role",
                    f"a second main target (the first is at line {first}); only one target is main: give the others 'role: copy'",
                )
        _check_salutations(checker, target, path, languages)
    if main is None and all(t is not None and t.role is not None for t in targets):
        checker.error(
            checker.nodes.get("targets"),
            "targets",
            "no target has 'role: main'; give the person the letters are addressed to 'role: main'",
        )

def _check_salutations(checker: Checker, target: model.Target, path: str, languages: list[str]) -> None:
    if target.salutation is not None:
        node = checker.nodes.get(f"{path}.salutation")
        for lang in languages:
            if lang not in target.salutation:
                checker.error(
                    node,
                    f"{path}.salutation",
                    f"no salutation for '{lang}'; add '{lang}: …', the greeting of the {lang} letter",
                )
    for key in ("salutation", "local"):
        for lang in getattr(target, key) or {}:
            if languages and lang not in languages:
                where = checker.keys.get(f"{path}.{key}.{lang}")
                checker.warn(
                    where,
                    f"{path}.{key}.{lang}",
                    f"'{lang}' is not in languages, so this is not printed",
                )

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
