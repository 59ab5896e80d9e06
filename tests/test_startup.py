"""The command defers Pillow until a build uses it, builds the same bytes either way, and exits
as any Python program does (profilers, coverage and atexit handlers see its end)."""

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
real = [name for name in DEFERRED if type(sys.modules.get(name)).__name__ == "module"]  # loaded
print(json.dumps({"status": status, "real": real, "exif": "PIL.ExifTags" in sys.modules,
                  "python-bidi": "bidi" in sys.modules}))  # a test-only oracle
"""


def probe(kit: Path, out: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "build", str(kit), "--out", str(out), "--today", TODAY],
        capture_output=True, text=True, check=True, cwd=kit.parent)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_build_without_a_logo_never_loads_pillow_and_writes_the_same_bytes(tmp_path: Path) -> None:
    result = probe(EXAMPLE, tmp_path / "deferred")
    assert result == {"status": 0, "real": [], "exif": False, "python-bidi": False}
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


def test_a_deferred_module_loads_on_first_use_and_is_then_the_real_module() -> None:
    script = """
import sys
from appealkit.startup import defer_unused_imports
defer_unused_imports(("json.tool",))
from json import tool  # as ReportLab and qrcode import PIL.Image
lazy = sys.modules["json.tool"]
assert tool is lazy and type(lazy).__name__ != "module"  # its code has not run yet
assert callable(tool.main)  # first use runs the module's code
assert type(lazy).__name__ == "module" and sys.modules["json.tool"] is lazy
defer_unused_imports(("appealkit.no_such_module",))  # not installed: left to fail where imported
assert "appealkit.no_such_module" not in sys.modules
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def command(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, check=False,
                          cwd=cwd, timeout=60)


def test_the_command_exits_with_its_status_and_runs_atexit_handlers(tmp_path: Path) -> None:
    bad = tmp_path / "kit.yaml"
    bad.write_text("headline: [\n", encoding="utf-8")
    script = ("import atexit, sys; atexit.register(print, 'atexit ran');"
              "sys.argv = ['appealkit', 'check', 'kit.yaml']; from appealkit.__main__ import run; run()")
    done = command("-c", script, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stdout.strip().endswith("atexit ran")
    assert done.stderr.startswith("kit.yaml:"), done.stderr


def test_a_profiler_sees_the_whole_build(tmp_path: Path) -> None:
    # `python -m cProfile -m appealkit build` printed nothing while the command ended with os._exit
    done = command("-m", "cProfile", "-s", "cumtime", "-m", "appealkit", "build", str(EXAMPLE),
                   "--out", str(tmp_path / "out"), "--today", TODAY, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "function calls" in done.stdout and "build_pack" in done.stdout
    assert (tmp_path / "out" / "pack.pdf").stat().st_size > 50_000
