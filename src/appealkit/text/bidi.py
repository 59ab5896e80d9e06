"""Resolve Unicode Bidirectional Algorithm (UAX #9, rev. 44+) embedding levels and reorder lines.

Implements P2-P3, X1-X10, W1-W7, N0-N2, I1-I2 for a paragraph (a line feed is treated as a
paragraph separator: the text is split there and every piece gets the same base level), and
L1-L2 for a line. Character classes come from ``unicodedata`` (the Unicode version of the running
Python), paired brackets (N0) from ``bidi_brackets``, made from that version's BidiBrackets.txt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import groupby

from .bidi_brackets import CLOSING, OPENING

__all__ = [
    "bidi_classes",
    "first_strong_level",
    "line_levels",
    "ltr_tokens",
    "reorder_levels",
    "resolve_levels",
    "visual_order",
]

MAX_DEPTH = 125
_STRONG = {"L": 0, "R": 1, "AL": 1}
_ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
_EMBEDDINGS = {"LRE": (0, "N"), "RLE": (1, "N"), "LRO": (0, "L"), "RLO": (1, "R")}
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})  # X9
_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_NEUTRAL_OR_ISOLATE = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})
_RTL_CLASSES = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "LRI", "RLI", "FSI"})
_CANONICAL_BRACKETS = {"\u2329": "\u3008", "\u232a": "\u3009"}


class _ClassTable(dict[str, str]):
    """Bidi_Class per character, looked up once; unassigned code points default to L."""

    def __missing__(self, char: str) -> str:
        value = self[char] = unicodedata.bidirectional(char) or "L"
        return value


_CLASSES = _ClassTable()


def bidi_classes(text: str) -> list[str]:
    """Bidi_Class of each character."""
    table = _CLASSES
    return [table[c] for c in text]


def first_strong_level(
    classes: Sequence[str], start: int = 0, stop: int | None = None
) -> int | None:
    """P2-P3: 1 if the first strong character (outside isolates) is R or AL, 0 if L, else None."""
    depth = 0
    for t in classes[start:stop]:
        if t in _ISOLATE_INITIATORS:
            depth += 1
        elif t == "PDI":
            if depth == 0 and stop is not None:
                break
            depth = max(depth - 1, 0)
        elif depth == 0 and t in _STRONG:
            return _STRONG[t]
    return None


def resolve_levels(
    text: str, base_level: int | None = None, isolates: Sequence[tuple[int, int]] = ()
) -> tuple[int, list[int]]:
    """Return the paragraph level and the resolved level of each character (before L1).

    ``base_level`` 0 or 1 forces the paragraph direction; None applies P2-P3 to the whole text.
    ``isolates`` are (start, end) ranges set as if wrapped in LRI ... PDI (a higher-level
    protocol, UAX #9 HL3). Characters removed by X9 get the level of the character before them.
    """
    classes = bidi_classes(text)
    if base_level != 1 and _RTL_CLASSES.isdisjoint(classes):
        return 0, [0] * len(text)  # nothing can raise a level in plain left-to-right text
    if isolates:
        return _resolve_with_isolates(text, base_level, isolates)
    if base_level is None:
        base_level = first_strong_level(classes) or 0
    levels = [base_level] * len(text)
    start = 0
    for end in [i for i, t in enumerate(classes) if t == "B"] + [len(text)]:
        _resolve_paragraph(text, classes, levels, start, end, base_level)
        start = end + 1
    return base_level, levels


def _resolve_with_isolates(
    text: str, base_level: int | None, isolates: Sequence[tuple[int, int]]
) -> tuple[int, list[int]]:
    """Insert LRI and PDI around each range, resolve, and drop their levels again."""
    pieces, kept, previous = [], [], 0
    for start, end in sorted(isolates):
        pieces += [text[previous:start], "\u2066", text[start:end], "\u2069"]
        kept += [True] * (start - previous) + [False] + [True] * (end - start) + [False]
        previous = end
    pieces.append(text[previous:])
    kept += [True] * (len(text) - previous)
    base, levels = resolve_levels("".join(pieces), base_level)
    return base, [level for level, keep in zip(levels, kept) if keep]


# Left-to-right tokens that UAX #9 alone would scramble in right-to-left text: the "@" of a
# handle or the groups of a phone number would be ordered right to left (neutrals between R
# and numbers take the embedding direction). A match starts only where a run of the characters
# it begins with starts, so a long word is scanned once, not once per letter (quadratic).
_LTR_TOKEN = re.compile(
    r"""(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+  # e-mail
      | (?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%()\[\]-]*[A-Za-z0-9/#=_~-]
      | (?<![\w@])[@#][A-Za-z0-9_]+                                 # @handle or #tag
      | \+[0-9]{1,3}(?:[ .-]?\(?[0-9]+\)?)*                         # international phone number
    """,
    re.VERBOSE,
)


def ltr_tokens(text: str) -> list[tuple[int, int]]:
    """Ranges of e-mail addresses, URLs, handles and +phone numbers, to be set as LTR isolates."""
    return [m.span() for m in _LTR_TOKEN.finditer(text)]


def line_levels(
    classes: Sequence[str], levels: Sequence[int], base_level: int, start: int, stop: int
) -> list[int]:
    """L1 for the line text[start:stop]: separators and trailing whitespace go to the base level."""
    out = list(levels[start:stop])
    trailing = True  # whitespace before the end of the line or before a separator
    for i in range(stop - 1, start - 1, -1):
        t = classes[i]
        if t in ("S", "B"):
            out[i - start] = base_level
            trailing = True
        elif trailing and (t in ("WS", "LRI", "RLI", "FSI", "PDI") or t in _REMOVED):
            out[i - start] = base_level
        else:
            trailing = False
    return out


def reorder_levels(levels: Sequence[int]) -> list[int]:
    """L2: indexes of the items (characters or runs) in visual order, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def visual_order(text: str, base_level: int | None = None) -> str:
    """A single-line text in display order (without mirroring), for tests and debugging."""
    base, levels = resolve_levels(text, base_level)
    classes = bidi_classes(text)
    final = line_levels(classes, levels, base, 0, len(text))
    return "".join(text[i] for i in reorder_levels(final))


# --- one paragraph -------------------------------------------------------------------------


def _resolve_paragraph(
    text: str, classes: list[str], levels: list[int], start: int, end: int, base: int
) -> None:
    types = list(classes)
    marks = [i for i in range(start, end) if classes[i] in _EXPLICIT]
    if not marks:  # no embeddings or isolates: one sequence at the paragraph level
        sequences = [[i for i in range(start, end) if classes[i] not in _REMOVED]]
        bounds = [("LR"[base % 2], "LR"[base % 2])]
    else:
        matching = _match_isolates(classes, marks)
        _resolve_explicit(classes, types, levels, marks, matching, end, base)
        sequences = _isolating_sequences(classes, levels, matching, start, end)
        # sos and eos come from the explicit levels, so take them all before any is resolved
        bounds = [
            _sequence_bounds(seq, classes, levels, matching, start, end, base) for seq in sequences
        ]
    for seq, (sos, eos) in zip(sequences, bounds):
        if not seq:
            continue
        level = levels[seq[0]]
        ts = [types[i] for i in seq]  # the sequence's types, resolved in place by the rules
        _resolve_weak(ts, sos)
        if "ON" in ts:
            _resolve_brackets(ts, [text[i] for i in seq], [classes[i] for i in seq], level, sos)
        _resolve_neutrals(ts, level, sos, eos)
        _resolve_implicit(seq, ts, level, levels)
    if not _REMOVED.isdisjoint(classes[start:end]):
        _level_removed(classes, levels, start, end, base)


def _match_isolates(classes: Sequence[str], marks: list[int]) -> dict[int, int]:
    """BD9: matching PDI of each isolate initiator that has one (``marks``: explicit codes)."""
    matching: dict[int, int] = {}
    stack: list[int] = []
    for i in marks:
        t = classes[i]
        if t in _ISOLATE_INITIATORS:
            stack.append(i)
        elif t == "PDI" and stack:
            matching[stack.pop()] = i
    return matching


def _resolve_explicit(
    classes: Sequence[str],
    types: list[str],
    levels: list[int],
    marks: list[int],
    matching: dict[int, int],
    end: int,
    base: int,
) -> None:
    """X1-X8: explicit embedding levels and directional overrides.

    Only the explicit formatting characters (``marks``) change the state; the text between
    them is filled in bulk (X6).
    """
    stack: list[tuple[int, str, bool]] = [(base, "N", False)]  # level, override, isolate
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    previous = marks[0] if marks else end  # text before the first code already has the base level
    for i in marks:
        level, override, _ = stack[-1]
        _fill_plain(classes, types, levels, previous, i, level, override)
        previous = i + 1
        t = classes[i]
        if t in _EMBEDDINGS:
            parity, new_override = _EMBEDDINGS[t]
            new = _next_level(level, parity)
            if new <= MAX_DEPTH and overflow_isolates == overflow_embeddings == 0:
                stack.append((new, new_override, False))
            elif overflow_isolates == 0:
                overflow_embeddings += 1
            levels[i] = level
        elif t in _ISOLATE_INITIATORS:
            levels[i] = level
            if override != "N":
                types[i] = override
            parity = 1 if t == "RLI" else 0
            if t == "FSI":
                parity = first_strong_level(classes, i + 1, matching.get(i, end)) or 0
            new = _next_level(level, parity)
            if new <= MAX_DEPTH and overflow_isolates == overflow_embeddings == 0:
                valid_isolates += 1
                stack.append((new, "N", True))
            else:
                overflow_isolates += 1
        elif t == "PDI":
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[i] = level
            if override != "N":
                types[i] = override
        else:  # PDF
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) > 1:
                stack.pop()
            levels[i] = level
    level, override, _ = stack[-1]
    _fill_plain(classes, types, levels, previous, end, level, override)


def _fill_plain(
    classes: Sequence[str],
    types: list[str],
    levels: list[int],
    start: int,
    end: int,
    level: int,
    override: str,
) -> None:
    """X6 for characters that are not explicit formatting codes."""
    levels[start:end] = [level] * (end - start)
    if override != "N":
        for k in range(start, end):
            if classes[k] != "BN":
                types[k] = override


def _next_level(level: int, parity: int) -> int:
    """Least level greater than ``level`` with the given parity (0 even, 1 odd)."""
    return level + 1 + ((level + 1) % 2 != parity)


def _isolating_sequences(
    classes: Sequence[str], levels: list[int], matching: dict[int, int], start: int, end: int
) -> list[list[int]]:
    """BD13/X10: level runs (ignoring X9-removed characters) chained across isolates."""
    kept = [i for i in range(start, end) if classes[i] not in _REMOVED]
    runs = [list(run) for _, run in groupby(kept, key=levels.__getitem__)]
    run_starting_at = {run[0]: run for run in runs}
    matched_pdis = set(matching.values())
    sequences = []
    for run in runs:
        if run[0] in matched_pdis:
            continue  # it continues the sequence of its isolate initiator
        seq = list(run)
        while seq[-1] in matching and matching[seq[-1]] in run_starting_at:
            seq.extend(run_starting_at[matching[seq[-1]]])
        sequences.append(seq)
    return sequences


def _sequence_bounds(
    seq: list[int],
    classes: Sequence[str],
    levels: Sequence[int],
    matching: dict[int, int],
    start: int,
    end: int,
    base: int,
) -> tuple[str, str]:
    """X10: the sos and eos types of an isolating run sequence."""
    level = levels[seq[0]]
    before = next(
        (levels[i] for i in range(seq[0] - 1, start - 1, -1) if classes[i] not in _REMOVED), base
    )
    last = seq[-1]
    if classes[last] in _ISOLATE_INITIATORS and last not in matching:
        after = base
    else:
        after = next((levels[i] for i in range(last + 1, end) if classes[i] not in _REMOVED), base)
    return "LR"[max(level, before) % 2], "LR"[max(level, after) % 2]


def _resolve_weak(ts: list[str], sos: str) -> None:
    """W1-W7 on the types of one isolating run sequence (rules skipped when they cannot apply)."""
    present = set(ts)
    if "NSM" in present:  # W1
        prev = sos
        for k, t in enumerate(ts):
            if t == "NSM":
                ts[k] = t = "ON" if prev in ("LRI", "RLI", "FSI", "PDI") else prev
            prev = t
    if "AL" in present:  # W2, W3
        strong = sos
        for k, t in enumerate(ts):
            if t in _STRONG:
                strong = t
                if t == "AL":
                    ts[k] = "R"
            elif t == "EN" and strong == "AL":
                ts[k] = "AN"
    if "ES" in present or "CS" in present:  # W4
        for k in range(1, len(ts) - 1):
            t, a, b = ts[k], ts[k - 1], ts[k + 1]
            if t == "ES" and a == b == "EN":
                ts[k] = "EN"
            elif t == "CS" and a == b and a in ("EN", "AN"):
                ts[k] = a
    if "ET" in present:
        _spread_terminators(ts)  # W5
    if present & {"ES", "ET", "CS"}:  # W6
        ts[:] = ["ON" if t in ("ES", "ET", "CS") else t for t in ts]
    if "EN" in ts:  # W7
        strong = sos
        for k, t in enumerate(ts):
            if t == "L" or t == "R":
                strong = t
            elif t == "EN" and strong == "L":
                ts[k] = "L"


def _spread_terminators(ts: list[str]) -> None:
    """W5: a sequence of European terminators next to a European number becomes EN."""
    k = 0
    while k < len(ts):
        if ts[k] != "ET":
            k += 1
            continue
        j = k
        while j < len(ts) and ts[j] == "ET":
            j += 1
        if (k > 0 and ts[k - 1] == "EN") or (j < len(ts) and ts[j] == "EN"):
            ts[k:j] = ["EN"] * (j - k)
        k = j


def _resolve_brackets(
    ts: list[str], chars: list[str], classes: list[str], level: int, sos: str
) -> None:
    """N0: paired brackets take the direction of what they enclose or surround."""
    embedding = "LR"[level % 2]
    for open_k, close_k in _bracket_pairs(ts, chars):
        inside = {_strong_of(t) for t in ts[open_k + 1 : close_k]}
        if embedding in inside:
            direction = embedding
        elif inside & {"L", "R"}:
            before = next((d for d in map(_strong_of, reversed(ts[:open_k])) if d), sos)
            direction = before  # the opposite direction if the context has it, else embedding
        else:
            continue
        for k in (open_k, close_k):
            ts[k] = direction
            # NSMs that followed a bracket take its new type (W1 had made them ON)
            m = k + 1
            while m < len(ts) and classes[m] == "NSM":
                ts[m] = direction
                m += 1


def _strong_of(t: str) -> str | None:
    """Direction a resolved type counts as in N0 and N1 (numbers count as R)."""
    if t == "L":
        return "L"
    if t in ("R", "AL", "EN", "AN"):
        return "R"
    return None


def _bracket_pairs(ts: list[str], chars: list[str]) -> list[tuple[int, int]]:
    """BD16: positions of matched bracket pairs, sorted by opening position."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for k, (t, char) in enumerate(zip(ts, chars)):
        if t != "ON":
            continue
        kind, closer = _bracket(char)
        if kind == "o":
            if len(stack) == 63:
                break
            stack.append((closer, k))
        elif kind == "c":
            char = _CANONICAL_BRACKETS.get(char, char)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _bracket(char: str) -> tuple[str, str]:
    """('o', canonical closing bracket), ('c', '') or ('', '') for other characters."""
    closer = OPENING.get(char)
    if closer is not None:
        return "o", _CANONICAL_BRACKETS.get(closer, closer)
    if char in CLOSING:
        return "c", ""
    return "", ""


def _resolve_neutrals(ts: list[str], level: int, sos: str, eos: str) -> None:
    """N1-N2: neutrals and isolate marks between two like directions take it, others embed."""
    embedding = "LR"[level % 2]
    k, n = 0, len(ts)
    while k < n:
        if ts[k] not in _NEUTRAL_OR_ISOLATE:
            k += 1
            continue
        j = k + 1
        while j < n and ts[j] in _NEUTRAL_OR_ISOLATE:
            j += 1
        before = _strong_of(ts[k - 1]) if k > 0 else sos
        after = _strong_of(ts[j]) if j < n else eos
        ts[k:j] = [before if before is not None and before == after else embedding] * (j - k)
        k = j


_RAISE_EVEN = {"R": 1, "AN": 2, "EN": 2}
_RAISE_ODD = {"L": 1, "EN": 1, "AN": 1}


def _resolve_implicit(seq: list[int], ts: list[str], level: int, levels: list[int]) -> None:
    """I1-I2 (a sequence has one embedding level)."""
    raise_by = _RAISE_ODD if level % 2 else _RAISE_EVEN
    for i, t in zip(seq, ts):
        levels[i] = level + raise_by.get(t, 0)


def _level_removed(
    classes: Sequence[str], levels: list[int], start: int, end: int, base: int
) -> None:
    """Give X9-removed characters the level of the preceding character, so runs stay whole."""
    for i in range(start, end):
        if classes[i] in _REMOVED:
            levels[i] = levels[i - 1] if i > start else base
