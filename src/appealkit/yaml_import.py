"""Import PyYAML a hundredth of a second faster, and name the characters YAML forbids.

Importing PyYAML compiles, for its pure-Python reader, a regex of the characters YAML 1.1
allows, written as a negated class over almost all of Unicode; `re` takes about 10 ms to
compile that form, a fiftieth of a whole build, although kits are read by libyaml and that
reader never runs. The same set written as the short list of what YAML forbids compiles in
under 1 ms. So PyYAML is imported while `re.compile` hands it that form instead (the two
match exactly the same characters: tests/test_load.py checks every code point), and
load.py uses it for its own check of the file's characters.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FORBIDDEN", "yaml"]

# YAML 1.1 c-printable: tab, LF, CR, 0x20-0x7E, NEL, 0xA0-0xD7FF, 0xE000-0xFFFD, 0x10000 on,
# as PyYAML writes its complement (it must be this exact text to be recognised).
PRINTABLE_COMPLEMENT = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
# Everything else, listed: the characters a YAML file may not contain.
FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"


def _import_yaml() -> Any:
    real = re.compile

    def compile_cheaper(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        return real(FORBIDDEN if pattern == PRINTABLE_COMPLEMENT and not flags else pattern, flags)

    re.compile = compile_cheaper  # type: ignore[assignment]
    try:
        import yaml as module
    finally:
        re.compile = real
    return module


yaml = _import_yaml()
