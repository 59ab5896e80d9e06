"""Property tests: any bytes end in a Kit or a KitError whose problems are all located, quickly.

Random YAML documents, random bytes, and random mutations of the example kit (a key deleted,
a scalar's type changed, characters or bytes inserted, a line duplicated) are loaded;
nothing but KitError may escape, and every problem names a position (or, for file-level
problems such as an empty file, at least the file).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import no_hang
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit import read_kit
from appealkit.errors import KitError
from appealkit.model import Kit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_LINES = (ROOT / "kit.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
TODAY = dt.date(2025, 7, 1)
EXAMPLES = int(os.environ.get("APPEALKIT_FUZZ_EXAMPLES", "120"))  # raise it for a deeper run
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

KIT_KEYS = [
    "headline",
    "summary",
    "action",
    "targets",
    "letters",
    "languages",
    "language",
    "figures",
    "timeline",
    "background",
    "organisation",
    "letter",
    "keywords",
    "url",
    "label",
    "deadline",
    "role",
    "name",
    "salutation",
    "local",
    "en",
    "ur",
    "body",
    "closing",
    "date",
    "value",
    "logo",
]
SCALARS = [
    "~",
    "null",
    "yes",
    "no",
    "0o17",
    "0x1F",
    "1_000",
    "1:30",
    ".inf",
    "2025-06-31",
    "2025-09-15",
    "2023-10",
    "'quoted'",
    '"dq\\u0041"',
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "!!python/object:os.system x",
    "!!binary aGk=",
    "!custom x",
    "*nowhere",
    "&a x",
    "|",
    ">-",
    "'unterminated",
    "@handle",
    "`tick",
    "#comment",
    "- item",
    "? key",
    "%directive",
    "<img src=x>",
    "[x](#)",
    "**bold",
    "ي ك ه . ,",
    "\u200f\u202e",
    "\U0001f600",
    "\t",
    ":",
    "- - -",
    "---",
    "...",
    "=",
    "<<: *a",
]


def check_outcome(path: Path) -> None:
    """Load path: a Kit, or a KitError whose problems are located; never another exception, no hang."""
    try:
        with no_hang():
            kit, warnings = read_kit(path, today=TODAY)
    except KitError as error:
        assert error.problems, "a KitError must carry its problems"
        lines = path.read_bytes().count(b"\n") + 2
        for problem in error.problems:
            assert problem.severity == "error"
            assert str(problem).startswith(str(path) + ":")
            if problem.mark is None:
                assert problem.file == str(path) and not problem.path
            else:
                assert problem.mark.file == str(path)
                assert 1 <= problem.mark.line <= lines and problem.mark.column >= 1
            assert (
                problem.message and problem.message[0].islower() or problem.message[0] in "'\"*!#[<"
            ), problem
    else:
        assert isinstance(kit, Kit)
        assert all(w.mark is not None for w in warnings)


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "kit.yaml"
    path.write_bytes(data)
    return path


# Random YAML documents

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=20),
    st.sampled_from(SCALARS),
)
yaml_keys = st.one_of(st.sampled_from(KIT_KEYS), st.text(min_size=1, max_size=10))
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(yaml_keys, inner, max_size=5)
    ),
    max_leaves=25,
)


@FUZZ
@given(st.dictionaries(yaml_keys, yaml_values, max_size=8) | yaml_values)
def test_random_yaml_documents(tmp_path: Path, data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    check_outcome(write(tmp_path, text.encode("utf-8")))


yaml_tokens = st.sampled_from(
    SCALARS + KIT_KEYS + [": ", "\n", "  ", "- ", "&x ", "*x", "!!str ", '"', "'", "\r\n"]
)


@FUZZ
@given(st.lists(yaml_tokens, max_size=40))
def test_random_yaml_like_text(tmp_path: Path, tokens: list[str]) -> None:
    check_outcome(write(tmp_path, "".join(tokens).encode("utf-8")))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    check_outcome(write(tmp_path, data))


# Mutations of the example kit


def _delete_key(lines: list[str], i: int) -> list[str]:
    """Remove line i and the lines indented below it (a key with its value)."""
    indent = len(lines[i]) - len(lines[i].lstrip(" "))
    j = i + 1
    while j < len(lines) and (
        not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" ")) > indent
    ):
        j += 1
    return lines[:i] + lines[j:]


def _change_scalar(lines: list[str], i: int, value: str) -> list[str]:
    line = lines[i]
    m = re.match(r"^(\s*(?:- )?[\w.-]+:)( .*)?$", line.rstrip("\n"))
    if not m:
        return lines
    return lines[:i] + [f"{m.group(1)} {value}\n"] + lines[i + 1 :]


def _insert(lines: list[str], i: int, column: int, text: str) -> list[str]:
    line = lines[i]
    column = min(column, len(line))
    return lines[:i] + [line[:column] + text + line[column:]] + lines[i + 1 :]


mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(EXAMPLE_LINES) - 1)),
    st.tuples(st.just("scalar"), st.integers(0, len(EXAMPLE_LINES) - 1), st.sampled_from(SCALARS)),
    st.tuples(
        st.just("insert"),
        st.integers(0, len(EXAMPLE_LINES) - 1),
        st.integers(0, 80),
        st.text(max_size=5),
    ),
    st.tuples(st.just("duplicate"), st.integers(0, len(EXAMPLE_LINES) - 1)),
    st.tuples(
        st.just("bytes"),
        st.integers(0, len(EXAMPLE_LINES) - 1),
        st.integers(0, 80),
        st.binary(min_size=1, max_size=4),
    ),
)


def apply(lines: list[str], change: tuple) -> list[str] | bytes:
    kind, i, *rest = change
    i = min(i, len(lines) - 1)
    if kind == "delete":
        return _delete_key(lines, i)
    if kind == "scalar":
        return _change_scalar(lines, i, rest[0])
    if kind == "insert":
        return _insert(lines, i, rest[0], rest[1])
    if kind == "duplicate":
        return lines[: i + 1] + [lines[i]] + lines[i + 1 :]
    encoded = "".join(lines).encode("utf-8")
    offset = len("".join(lines[:i]).encode("utf-8")) + rest[0]
    return encoded[:offset] + rest[1] + encoded[offset:]


@settings(
    max_examples=2 * EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(mutation, min_size=1, max_size=3))
def test_mutations_of_the_example(tmp_path: Path, changes: list[tuple]) -> None:
    lines: list[str] | bytes = list(EXAMPLE_LINES)
    for change in changes:
        if isinstance(lines, bytes):
            break
        lines = apply(lines, change)
    data = lines if isinstance(lines, bytes) else "".join(lines).encode("utf-8")
    check_outcome(write(tmp_path, data))


@pytest.mark.parametrize("i", range(len(EXAMPLE_LINES)))
def test_every_key_of_the_example_deleted(tmp_path: Path, i: int) -> None:
    check_outcome(write(tmp_path, "".join(_delete_key(list(EXAMPLE_LINES), i)).encode("utf-8")))
