"""Turn a kit's Node tree into a Kit, collecting every problem with its line, column and key path.

The conversion is driven by the model's type hints (model.py); the rules across keys that a
type cannot say live in the validate_*.py modules, called in order by `_Checker.check_kit`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
import unicodedata
from pathlib import Path
from typing import Any

from . import model, schema
from .dates import day_problem
from .errors import Mark, Problem
from .locator import Locator
from .markup import url_problem
from .uri import find_bidi_control
from .validate_checker import close_matches
from .validate_event import check_event
from .validate_glyphs import check_glyphs
from .validate_images import check_logo
from .validate_rules import check_links, check_qr_capacity, check_words
from .validate_targets import check_targets_and_letters, letter_form, letter_map, order_letters
from .yaml_tree import REJECTED, Document, Node

__all__ = ["validate_document"]

_BAD: Any = object()  # a value that failed conversion; its problem is already recorded
_DATE = re.compile(schema.DATE)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PARTIAL_DATE = re.compile(schema.PARTIAL_DATE)
# Where each kind of entry lives, for "check the indentation" hints.
_PLACES = {
    "Action": "under 'action'",
    "Target": "in a 'targets' entry",
    "Letter": "under a language in 'letters'",
    "Figure": "in a 'figures' entry",
    "Event": "in a 'timeline' entry",
    "LocalName": "under a language in a target's 'local'",
    "Organisation": "under 'organisation'",
    "LetterSettings": "under 'letter'",
    "EventSettings": "under 'event'",
    "Solidarity": "under 'solidarity'",
    "Kit": "at the top level, not indented",
}
_CLASSES = (
    model.Kit, model.Action, model.Target, model.Letter, model.Figure,
    model.Event, model.LocalName, model.Organisation, model.LetterSettings,
    model.EventSettings, model.Solidarity,
)  # fmt: skip


def validate_document(document: Document) -> tuple[model.Kit | None, list[Problem], Locator]:
    """Convert and check a Document; the Kit is None when any error was found."""
    checker = _Checker(document)
    kit = checker.check_kit()
    return kit, checker.problems, Locator(document.source, checker.nodes)


class _Checker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.source = document.source
        self.problems: list[Problem] = list(document.problems)
        self.nodes: dict[str, Node] = {}
        self.keys: dict[str, Node] = {}

    # Reporting

    def error(self, where: Node | Mark | None, path: str, message: str) -> None:
        mark = where.mark if isinstance(where, Node) else where
        self.problems.append(Problem(mark, path, message))

    def warn(self, where: Node | Mark | None, path: str, message: str) -> None:
        mark = where.mark if isinstance(where, Node) else where
        self.problems.append(Problem(mark, path, message, "warning"))

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)

    def locate(self) -> Locator:
        return Locator(self.source, self.nodes)

    # The whole kit

    def check_kit(self) -> model.Kit | None:
        root = self.document.root
        if root.kind != "map":
            found = _describe(root)
            self.error(
                root,
                "",
                f"the top level must be keys such as 'headline: …', found {found}; start from the example kit.yaml",
            )
            return None
        self.nodes[""] = root
        kit = self.convert_object(model.Kit, root, "", source=self.document.path)
        if kit is None:
            return None
        check_targets_and_letters(kit, self)
        check_links(kit, self)
        check_qr_capacity(kit, self)
        organisation = check_logo(kit, self.document.path, self)
        check_words(kit, self)
        check_event(kit, self)
        check_glyphs(kit, self)
        if self.failed:
            return None
        marks = {path: node.mark for path, node in self.nodes.items()}  # "" is the top level
        ordered = order_letters(kit)
        result: model.Kit = dataclasses.replace(
            kit, letters=letter_map(kit, ordered), letter_list=ordered, marks=marks,
            organisation=organisation or kit.organisation)
        return result

    # Conversion, driven by the model's type hints

    def convert_object(self, cls: type, node: Node, path: str, **fixed: Any) -> Any:
        """A model instance from a mapping; failed fields are None (the kit is then rejected anyway)."""
        if node.kind != "map":
            self.error(
                node, path, f"expected keys ({_key_list(cls, 3)}, …), found {_describe(node)}"
            )
            return None
        fields = {f.name: f for f in schema.key_fields(cls)}
        hints = schema.field_types(cls)
        values: dict[str, Any] = dict(fixed)
        seen: set[str] = set()
        suggested: set[str] = set()  # a misspelt key is reported once, not also as missing
        for key, value in node.pairs:
            if key.kind != "scalar":
                continue  # reported while composing
            name = key.text
            child = _join(path, name)
            if name not in fields:
                message = self.unknown_key(cls, name)
                self.error(key, path, message)
                suggested.update(re.findall(r"did you mean '(\w+)'", message))
                continue
            if name in seen:
                continue  # duplicate, reported while composing
            seen.add(name)
            self.nodes[child] = value
            self.keys[child] = key
            if value.is_null and not schema.is_required(fields[name]):
                self.check_null(cls, name, key, value, child)
                continue
            converted = self.convert(hints[name], value, child, (cls.__name__, name))
            if converted is not _BAD:
                values[name] = converted
        for name, f in fields.items():
            if name not in seen and name not in suggested and schema.is_required(f):
                self.error(node, path, f"missing key '{name}'{_doc_hint((cls.__name__, name))}")
            if schema.is_required(f):
                values.setdefault(name, None)
        return cls(**values)

    def check_null(self, cls: type, name: str, key: Node, value: Node, path: str) -> None:
        # `accent: #FFD200` unquoted: YAML reads the colour as a comment and the value as empty.
        line = self.source.line_text(key.mark.line)
        after = line[key.mark.column - 1 + len(key.text) :].lstrip(" :")
        if (cls, name) == (model.Organisation, "accent") and after.startswith("#"):
            colour = after.split()[0]
            self.error(
                key,
                path,
                f'{colour} is read as a comment, leaving the colour empty; put it in quotes: accent: "{colour}"',
            )

    def unknown_key(self, cls: type, name: str) -> str:
        keys = [f.name for f in schema.key_fields(cls)]
        if name == "<<":
            return "merge keys ('<<') are not supported; write the keys out"
        for other in _CLASSES:
            if other is not cls and name in {f.name for f in schema.key_fields(other)}:
                return f"unknown key '{name}' here; it belongs {_PLACES[other.__name__]}: check its indentation"
        close = [k for k in keys if k.lower() == name.lower().strip()]
        close = close or close_matches(name, keys, n=1, cutoff=0.6)
        if close:
            return f"unknown key '{name}'; did you mean '{close[0]}'?"
        return f"unknown key '{name}'; the keys here are: {', '.join(keys)}"

    def convert(self, hint: Any, node: Node, path: str, where: tuple[str, str]) -> Any:
        if node.tag == REJECTED:
            return _BAD  # its tag is reported; what it would mean is beside the point
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint == str | dt.date:
            return self.convert_letter_date(node, path)
        if args and type(None) in args:
            if node.is_null:
                return None
            hint = next(a for a in args if a is not type(None))
            return self.convert(hint, node, path, where)
        if origin is tuple:
            if where in schema.ONE_OR_MORE and node.kind == "scalar" and not node.is_null:
                return self.convert_one(args[0], node, path, where)  # one text: a list of one
            return self.convert_list(args[0], node, path, where)
        if origin is dict:
            return self.convert_dict(args[1], node, path, where)
        if hint is str:
            return self.convert_text(node, path, where)
        if hint is bool:
            return self.convert_bool(node, path)
        if hint is dt.date:
            return self.convert_date(node, path)
        if hint is model.PartialDate:
            return self.convert_partial_date(node, path)
        if hint is Path:
            text = self.convert_text(node, path, where)
            return _BAD if text is _BAD else Path(text)
        if dataclasses.is_dataclass(hint):
            result = self.convert_object(hint, node, path)  # type: ignore[arg-type]
            return _BAD if result is None else result
        raise TypeError(f"appealkit bug: no converter for {hint!r} at {path}")

    def convert_one(self, item: Any, node: Node, path: str, where: tuple[str, str]) -> Any:
        value = self.convert(item, node, path, where)
        if value is not _BAD and where in schema.ITEM_PATTERNS:
            value = self.check_pattern(value, node, path, schema.ITEM_PATTERNS[where], where)
        return _BAD if value is _BAD else (value,)

    def convert_bool(self, node: Node, path: str) -> Any:
        text = self.scalar_text(node, path, "true or false")
        if text is None:
            return _BAD
        if text.lower() in ("true", "yes", "false", "no"):
            return text.lower() in ("true", "yes")
        self.error(node, path, f"'{text}' is neither true nor false")
        return _BAD

    def convert_list(self, item: Any, node: Node, path: str, where: tuple[str, str]) -> Any:
        if node.kind != "seq":
            self.error(
                node, path, f"expected a list (lines starting with '- '), found {_describe(node)}"
            )
            return _BAD
        items: list[Any] = []
        for i, child in enumerate(node.items):
            child_path = f"{path}.{i}"
            self.nodes[child_path] = child
            if child.is_null:
                self.error(child, child_path, "empty list entry; fill it in or remove the '-'")
                items.append(None)
                continue
            value = self.convert(item, child, child_path, where)
            if value is not _BAD and where in schema.ITEM_PATTERNS:
                value = self.check_pattern(
                    value, child, child_path, schema.ITEM_PATTERNS[where], where
                )
            items.append(None if value is _BAD else value)  # keep indexes: languages.2 stays 2
        return tuple(items)

    def convert_dict(self, item: Any, node: Node, path: str, where: tuple[str, str]) -> Any:
        if node.kind != "map":
            self.error(node, path, f"expected keys (such as 'en: …'), found {_describe(node)}")
            return _BAD
        result = {}
        for key, child in node.pairs:
            if key.kind != "scalar" or key.text in result:
                continue  # reported while composing
            name = key.text
            child_path = f"{path}.{name}"
            self.nodes[child_path] = child
            self.keys[child_path] = key
            if where in schema.KEY_PATTERNS and not re.match(schema.KEY_PATTERNS[where], name):
                also = " or a target's id such as 'minister'" if where == ("Kit", "letters") else ""
                self.error(key, path, f"'{name}' is not a language tag such as 'en' or 'ur'{also}")
            if item == model.Letter | dict[str, model.Letter]:
                value = letter_form(self, name, child, child_path)
            else:
                value = self.convert(item, child, child_path, where)
            result[name] = None if value is _BAD else value  # the key stays known for later checks
        return result

    def scalar_text(
        self, node: Node, path: str, expected: str, where: tuple[str, str] | None = None
    ) -> str | None:
        if node.kind != "scalar":
            self.error(node, path, f"expected {expected}, found {_describe(node)}")
            return None
        if node.is_null:
            self.error(node, path, f"no value; write {expected}{_doc_hint(where) if where else ''}")
            return None
        return node.text

    def convert_text(self, node: Node, path: str, where: tuple[str, str]) -> Any:
        # Any scalar is text as written: `value: 800000` and `language: no` mean what they say.
        text = self.scalar_text(node, path, "text", where)
        if text is None:
            return _BAD
        if not text.strip():
            self.error(node, path, f"empty text; fill it in{_doc_hint(where)}")
            return _BAD
        control = _CONTROL.search(text)
        if control:
            # Only a double-quoted escape ("\0", "\e") can put one here; it would print as nothing or a box.
            mark = self.locate().char_mark(node, text, control.start())
            self.error(
                mark,
                path,
                f"control character U+{ord(control.group()):04X} in the text; remove its escape",
            )
            return _BAD
        bidi = find_bidi_control(text)
        if bidi >= 0 and where not in schema.MARKUP:  # prose keeps them, closed (markup.py)
            mark = self.locate().char_mark(node, text, bidi)
            self.error(mark, path, _bidi_message(text[bidi]))
            return _BAD
        if where in schema.ENUMS:
            return self.check_enum(text, node, path, schema.ENUMS[where])
        if where in schema.PATTERNS:
            return self.check_pattern(text, node, path, schema.PATTERNS[where], where)
        return text

    def check_enum(self, text: str, node: Node, path: str, allowed: tuple[str, ...]) -> Any:
        if text in allowed:
            return text
        close = close_matches(text.lower(), allowed, n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        self.error(node, path, f"'{text}' is not one of: {', '.join(allowed)}{hint}")
        return _BAD

    def check_pattern(
        self, text: str, node: Node, path: str, pattern: str, where: tuple[str, str]
    ) -> Any:
        problem = None
        if pattern == schema.URL:
            problem = url_problem(text)
        elif not re.match(pattern, text):
            problem = _pattern_problem(pattern, text)
        if problem is None:
            return text
        self.error(node, path, problem)
        return _BAD

    def convert_date(self, node: Node, path: str) -> Any:
        text = self.scalar_text(node, path, "a date (YYYY-MM-DD)")
        if text is None:
            return _BAD
        if not _DATE.match(text):
            self.error(
                node, path, f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2025-09-15"
            )
            return _BAD
        year, month, day = (int(p) for p in text.split("-"))
        problem = day_problem(year, month, day)
        if problem:
            self.error(node, path, f"'{text}' is not a date: {problem}")
            return _BAD
        return dt.date(year, month, day)

    def convert_partial_date(self, node: Node, path: str) -> Any:
        text = self.scalar_text(node, path, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if text is None:
            return _BAD
        if not _PARTIAL_DATE.match(text):
            self.error(
                node,
                path,
                f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-10",
            )
            return _BAD
        parts = [int(p) for p in text.split("-")]
        problem = day_problem(*parts)
        if problem:
            self.error(node, path, f"'{text}' is not a date: {problem}")
            return _BAD
        return model.PartialDate(*parts)

    def convert_letter_date(self, node: Node, path: str) -> Any:
        text = self.scalar_text(node, path, "today, blank or a date")
        if text is None:
            return _BAD
        if text in schema.LETTER_DATES:
            return text
        if _DATE.match(text):
            return self.convert_date(node, path)
        self.error(node, path, f"'{text}' is not 'today', 'blank' or a date YYYY-MM-DD")
        return _BAD



def _bidi_message(control: str) -> str:
    name = unicodedata.name(control, "direction control")
    return (f"invisible direction control U+{ord(control):04X} ({name}) makes this text print in "
            f"another order than it is written; delete it")


_PATTERN_HINTS = {
    schema.LANGUAGE: "is not a language tag such as 'en' or 'ur'",
    schema.COLOUR: 'is not a colour like "#FFD200" (# and six hex digits, in quotes)',
    schema.EMAIL: "is not an email address (name@example.org)",
    schema.X_HANDLE: 'is not an X handle like "@amnesty" (with the @, in quotes)',
    schema.PHONE: "is not a phone number; use digits, spaces and + ( ) - only",
}


def _pattern_problem(pattern: str, text: str) -> str:
    problem = f"'{text}' {_PATTERN_HINTS.get(pattern, 'is not valid here')}"
    if pattern == schema.EMAIL and text.lower().startswith("mailto:"):
        problem += "; leave out 'mailto:'"
    if pattern == schema.X_HANDLE and re.match(r"^[A-Za-z0-9_]{1,15}$", text):
        problem += f'; write "@{text}"'
    if pattern == schema.COLOUR and re.match(r"^[0-9A-Fa-f]{6}$", text):
        problem += f'; write "#{text}"'
    return problem


def _doc_hint(where: tuple[str, str]) -> str:
    """' (what the field is)', from its docstring, for messages about a missing or empty key."""
    doc = schema.field_docs().get(where)
    if doc:
        first = doc.split("\n")[0].replace(" (*markup*)", "").replace("`", "'").rstrip(".")
        return f" ({first[0].lower()}{first[1:]})"
    cls = getattr(model, where[0], None)
    hint = schema.field_types(cls).get(where[1]) if cls else None
    if dataclasses.is_dataclass(hint):
        keys = [f.name for f in schema.key_fields(hint) if schema.is_required(f)]  # type: ignore[arg-type]
        return f" (with {', '.join(keys)})" if keys else ""
    return ""


def _key_list(cls: type, count: int) -> str:
    return ", ".join(f"'{f.name}: …'" for f in schema.key_fields(cls)[:count])


def _describe(node: Node) -> str:
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "keys (a mapping)"
    if node.is_null:
        return "nothing"
    text = node.text
    shown = text if len(text) <= 40 else text[:37] + "…"
    return f"the text '{shown}'"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


