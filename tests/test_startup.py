"""The command defers Pillow until a build uses it, and builds the same bytes either way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from conftest import EXAMPLE, TODAY, run_cli
from PIL import Image

# A build as `appealkit build` runs it (deferral first), reporting which modules got loaded.
PROBE = """
import json, sys
from appealkit.startup import DEFERRED, defer_unused_imports
defer_unused_imports()
from appealkit.cli import main
status = main(sys.argv[1:])
real = [name for name in DEFERRED if type(sys.modules.get(name)).__name__ == "module"]
print(json.dumps({"status": status, "real": real, "exif": "PIL.ExifTags" in sys.modules}))
"""


def probe(kit: Path, out: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "build", str(kit), "--out", str(out), "--today", TODAY],
        capture_output=True, text=True, check=True, cwd=kit.parent)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_build_without_a_logo_never_loads_pillow_and_writes_the_same_bytes(tmp_path: Path) -> None:
    result = probe(EXAMPLE, tmp_path / "deferred")
    assert result == {"status": 0, "real": [], "exif": False}
    status, _, _ = run_cli("build", str(EXAMPLE), "--out", str(tmp_path / "plain"), "--today", TODAY)
    assert status == 0
    for name in ("pack.pdf", "fact-sheet.pdf", "letter-ur.pdf"):
        assert (tmp_path / "deferred" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()


def test_a_logo_loads_pillow_when_it_is_needed(make_kit, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (120, 40), (20, 60, 120)).save(tmp_path / "assets" / "logo.png")
    kit = make_kit(lambda d: d["organisation"].update(logo="assets/logo.png"))
    result = probe(kit, tmp_path / "out")
    assert result["status"] == 0 and result["real"] == ["PIL.Image"]
    page = pdfium.PdfDocument(tmp_path / "out" / "fact-sheet.pdf")[0]
    assert any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects())


def test_stand_ins_pass_everything_through_once_used() -> None:
    script = """
import sys
from appealkit.startup import defer_unused_imports
defer_unused_imports(("json.tool",))
import json, json.tool
stand_in = json.tool
assert type(stand_in).__name__ == "_Deferred" and "json.tool" in sys.modules
assert callable(stand_in.main)  # first use imports the real module
real = sys.modules["json.tool"]
assert type(real).__name__ == "module" and json.tool is real
stand_in.EXTRA = 5
assert real.EXTRA == 5 and "main" in dir(stand_in)
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr
