"""Write a Draft as commented kit.yaml text, in the order and style of the example kit.

Suggestions (figures, timeline) and what kit.yaml cannot hold yet are written as comments;
uncommenting a suggestion (removing `# ` from its lines) gives valid YAML. The same Draft
always gives the same text.
"""

from __future__ import annotations

import json
import textwrap

import yaml

from .mapping import Draft, TargetDraft
from .suggest import Suggestion

__all__ = ["write_draft"]

_WIDTH = 88
_TODO = "TODO:"


def write_draft(draft: Draft) -> str:
    """The kit.yaml text for `draft`."""
    parts = [_header(draft), _case(draft), _action(draft), _figures(draft.figures),
             _timeline(draft.events), _targets(draft), _languages(draft), _letters(draft),
             _background(draft)]
    return "\n".join(parts)


def _header(draft: Draft) -> str:
    return f"""\
# yaml-language-server: $schema=./kit.schema.json
#
# Drafted by `appealkit import` from {draft.source}.
# Check each value against the document and do what the lines marked {_TODO} say, then run
# `appealkit check` and `appealkit build`. Long texts use `|`: write on the lines below,
# indented; leave a blank line between paragraphs.

# The fact sheet's language; its own headings and dates exist in en, fr, es and de.
language: en

# Who publishes the pack: put your office's name here (it is printed in the banner).
organisation:
  # name: Amnesty International (your section)
  accent: "#FFD200"
"""


def _case(draft: Draft) -> str:
    lines = ["# The headline and a one-paragraph summary (markup) open the fact sheet."]
    lines += _value("headline", draft.headline, "write the headline")
    lines += _comments(draft.comments.get("people", []))
    lines += _value("people", draft.people, "write who the action is for")
    lines += _text("summary", draft.summary, "write one paragraph on what happened")
    return "\n".join(lines) + "\n"


def _action(draft: Draft) -> str:
    lines = ["# The online action. The QR code on the fact sheet opens `url`; `label` says",
             "# what it opens."]
    lines += _comments(draft.comments.get("action", []))
    lines.append("action:")
    if draft.url:
        lines.append(f"  # {_TODO} put your office's own action page here; this is the previous "
                     "Urgent Action.")
    lines += _value("url", draft.url, "your office's action page, https://…", indent=2)
    lines += _value("label", draft.label, "what the page is", indent=2)
    lines.append(f"  status: {draft.status}            # open, update or closed")
    if draft.deadline:
        lines.append(f"  deadline: {draft.deadline.isoformat()}    # take action until (YYYY-MM-DD)")
    else:
        lines += _value("deadline", "", "the deadline, YYYY-MM-DD", indent=2)
    if draft.after_deadline:
        lines += _text("after_deadline", draft.after_deadline, "", indent=2, folded=True)
    return "\n".join(lines) + "\n"


def _figures(figures: list[Suggestion]) -> str:
    lines = ["# Key figures for the fact sheet's panel: SUGGESTIONS, every number found in the",
             "# text. Keep three or six: remove the `# ` before `figures:` and before the lines of",
             "# each one you keep, and shorten its label to a few words."]
    if not figures:
        return "\n".join([*lines, "# (no numbers found)"]) + "\n"
    lines.append("# figures:")
    for figure in figures:
        lines.append(f"#   - value: {_scalar(figure.value)}    # {_where(figure)}")
        lines.append(f"#     label: {_scalar(figure.sentence)}")
        if figure.source:
            lines.append(f"#     source: {_scalar(figure.source)}")
    return "\n".join(lines) + "\n"


def _timeline(events: list[Suggestion]) -> str:
    lines = ["# What happened, in date order: SUGGESTIONS, the first sentence naming each date.",
             "# Keep the events that matter as for the figures, and shorten their texts."]
    if not events:
        return "\n".join([*lines, "# (no dates found)"]) + "\n"
    lines.append("# timeline:")
    for event in events:
        lines.append(f"#   - date: {event.value}    # {_where(event)}")
        lines.append(f"#     text: {_scalar(event.sentence)}")
    return "\n".join(lines) + "\n"


def _where(suggestion: Suggestion) -> str:
    where = suggestion.where.where
    return f"line {where}" if where.isdigit() else where


def _targets(draft: Draft) -> str:
    lines = ["# The people to write to. The letters are addressed to the `main` target; every",
             "# letter lists the `copy` targets as \"Copy to\".",
             "targets:"]
    for target in draft.targets:
        lines += _target(target)
    return "\n".join(lines) + "\n"


def _target(target: TargetDraft) -> list[str]:
    if target.embassy:
        return _embassy(target)
    lines = [f"  # {text}" for text in target.comments]
    body = [f"- role: {target.role}"]
    body += _value("name", target.name or ("(the ambassador's name)" if not target.fixed_address
                                           else ""), "the target's name", indent=2)
    body += _value("title", target.title, "the target's title", indent=2)
    body.append("  address:")
    address = target.address or (["(street)", "(postcode and city)"]
                                 if not target.fixed_address else [])
    missing = f"    - \"\"    # {_TODO} the postal address, a line each"
    body += [f"    - {_scalar(line)}" for line in address] or [missing]
    country = target.country or ("(your country)" if not target.fixed_address else "")
    body += _value("country", country, "the country of the address", indent=2)
    for key, values in target.channels.items():
        shown = _scalar(values[0]) if len(values) == 1 else f"[{', '.join(map(_scalar, values))}]"
        body.append(f"  {key}: {shown}")
    body.append("  salutation:")
    body += [f"    {lang}: {_scalar(text)}" for lang, text in target.salutation.items()]
    if target.fixed_address:
        return lines + [f"  {line}" for line in body]
    lines.append(f"  # {_TODO} fill in this address in your country, then remove the # signs:")
    return lines + [f"  # {line}" for line in body]


def _embassy(target: TargetDraft) -> list[str]:
    """A copy to the embassy in each sender's country: it builds as it is; its address in
    the office's own country may be added."""
    lines = [f"  # {text}" for text in target.comments]
    embassy = _scalar(target.embassy)
    address = "[(street), (postcode and city)]"
    lines += ["  - role: copy",
              f"    title: {_scalar(target.title)}",
              f"    embassy: {embassy}   # each sender's own embassy of {target.embassy}",
              f"    # address: {address}   # its address in your country, if you know it",
              "    # country: (your country)"]
    return lines


def _languages(draft: Draft) -> str:
    tags = ", ".join(draft.languages)
    return ("# Languages the target prefers to be addressed in: one model letter each, in this "
            f"order.\nlanguages: [{tags}]\n\n"
            "# How the letters are dated and addressed.\n"
            "letter:\n"
            "  date: today        # today, blank (a line to fill in), or a fixed YYYY-MM-DD\n"
            "  # return_line: \"Amnesty Group 123 · 1 Example Street · City\"   # optional\n")


def _letters(draft: Draft) -> str:
    lines = ["# The model letters, one per language in `languages` (markup). A letter that says",
             "# UNTRANSLATED still needs its translation: `appealkit check` warns until it has one.",
             "letters:"]
    for language, (body, closing) in draft.letters.items():
        lines.append(f"  {language}:")
        if language == "en":
            lines += _text("body", body, "the model letter", indent=4)
        else:
            lines += _value("body", body, "", indent=4)
        lines += _value("closing", closing, "the closing, e.g. Yours sincerely,", indent=4)
    return "\n".join(lines) + "\n"


def _background(draft: Draft) -> str:
    lines = ["# Additional information (markup), for the background page."]
    lines += _text("background", draft.background, "the additional information")
    return "\n".join(lines) + "\n"


def _comments(texts: list[str]) -> list[str]:
    return [f"# {line}" for text in texts for line in textwrap.wrap(text, _WIDTH - 2)]


def _value(key: str, value: str, todo: str, indent: int = 0) -> list[str]:
    """`key: value`, or an empty value with a to-do comment (check then says it is missing)."""
    pad = " " * indent
    if value:
        return [f"{pad}{key}: {_scalar(value)}"]
    return [f"{pad}{key}: \"\"    # {_TODO} {todo}"]


def _text(key: str, text: str, todo: str, indent: int = 0, folded: bool = False) -> list[str]:
    """A long text as a block: `|` keeps its paragraphs, `>-` folds one paragraph."""
    pad = " " * indent
    if not text:
        return _value(key, text, todo, indent)
    lines = [f"{pad}{key}: {'>-' if folded else '|'}"]
    for n, paragraph in enumerate(text.split("\n\n")):
        if n:
            lines.append("")
        lines += [f"{pad}  {line}" for line in textwrap.wrap(
            paragraph, _WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)]
    return lines


def _scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when YAML reads it back unchanged, else double-quoted."""
    if text == text.strip() and "\n" not in text and " #" not in text and text[:1] not in "#'\"":
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)
