"""The paired-bracket table (text/bidi_brackets.py) against the Unicode data it is made from."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from bidi.mirror import MIRRORED  # type: ignore[import-untyped]  # python-bidi: test-only

from appealkit.text.bidi_brackets import CLOSING, OPENING, UNICODE_VERSION

ROOT = Path(__file__).resolve().parents[2]
UCD = ROOT / "tools" / "unicode"


def mirroring_glyphs() -> dict[str, str]:
    """Bidi_Mirroring_Glyph from BidiMirroring.txt."""
    glyphs = {}
    for line in (UCD / "BidiMirroring.txt").read_text(encoding="utf-8").splitlines():
        data = line.split("#", 1)[0].strip()
        if data:
            char, mirror = (chr(int(field, 16)) for field in data.split(";"))
            glyphs[char] = mirror
    return glyphs


def test_the_table_is_for_the_unicode_version_python_runs() -> None:
    assert UNICODE_VERSION == unicodedata.unidata_version
    for name in ("BidiBrackets.txt", "BidiMirroring.txt"):
        first = (UCD / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# {name[:-4]}-{UNICODE_VERSION}.txt"


def test_the_module_is_what_the_generator_writes() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_bidi_brackets.py"), "--check"],
                          capture_output=True, text=True, timeout=20, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pairs_are_mirrored_brackets_of_class_on_and_match_each_other() -> None:
    assert len(OPENING) == len(CLOSING) == 64
    for opening, closing in OPENING.items():
        assert CLOSING[closing] == opening
        assert unicodedata.category(opening) == "Ps" and unicodedata.category(closing) == "Pe"
        for char in (opening, closing):
            assert unicodedata.bidirectional(char) == "ON" and unicodedata.mirrored(char) == 1


def test_pairs_follow_the_rule_bidibrackets_states_over_every_code_point() -> None:
    # gc=Ps and gc=Pe, both bc=ON and Bidi_Mirrored, the mirroring glyph of one is the other
    # (U+FD3E and U+FD3F are not Bidi_Mirrored, so the rule leaves them out by itself)
    glyphs = mirroring_glyphs()
    derived = {}
    for code in range(0x110000):
        char = chr(code)
        mirror = glyphs.get(char)
        if (mirror and unicodedata.category(char) == "Ps" and unicodedata.mirrored(char)
                and unicodedata.bidirectional(char) == "ON"
                and unicodedata.category(mirror) == "Pe" and unicodedata.mirrored(mirror)
                and unicodedata.bidirectional(mirror) == "ON"):
            derived[char] = mirror
    assert derived == OPENING
    assert all(unicodedata.mirrored(c) for c in glyphs)


def test_python_bidis_mirroring_table_agrees_where_it_knows_the_character() -> None:
    # python-bidi's table is from an older Unicode version (it lacks U+2E55-U+2E5C, new in 14.0)
    known = {c: p for c, p in {**OPENING, **CLOSING}.items() if c in MIRRORED}
    assert len(known) >= 120
    assert all(MIRRORED[c] == p for c, p in known.items())
