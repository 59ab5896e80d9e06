"""The package works installed from its wheel, from any folder: fonts, schema and starter kit are
inside it, and a missing or damaged font ends in one line saying what to do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, TODAY
from pdfutil import page_texts

from appealkit import typefaces
from appealkit.text import FontFamily

FONTS = ROOT / "src" / "appealkit" / "fonts"
HANG = 60  # seconds: only to stop a hung subprocess, never a speed check
REINSTALL = "reinstall appealkit (pip install --force-reinstall appealkit)"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """appealkit's wheel, built from this checkout by flit_core (no download, no isolation)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=HANG,
    )
    (found,) = out.glob("appealkit-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own (its dependencies come from this venv)."""
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True, timeout=HANG,
    )
    return site


def appealkit(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed `appealkit` command in ``cwd``, importing appealkit from ``site`` only."""
    env = {**os.environ, "PYTHONPATH": str(site)}  # ahead of this checkout's editable install
    return subprocess.run([str(site / "bin" / "appealkit"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=HANG, check=False)


def test_wheel_holds_every_font_the_build_uses_and_the_starter_kit(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    used = {Path(path).name for role in ("sans", "serif", "display")
            for path in _font_paths(typefaces.family(role))}
    assert len(used) == 11
    assert {f"appealkit/fonts/{name}" for name in used} <= names
    assert "appealkit/fonts/OFL.txt" in names  # the licence travels with the fonts
    assert zipfile.ZipFile(wheel).read("appealkit/data/kit.yaml") == EXAMPLE.read_bytes()


def test_installed_wheel_inits_and_builds_from_any_folder(installed: Path, tmp_path: Path) -> None:
    version = appealkit(installed, "--version", cwd=tmp_path)
    assert version.stdout.startswith("appealkit 0.")
    where = subprocess.run([sys.executable, "-c", "import appealkit; print(appealkit.__file__)"],
                           env={**os.environ, "PYTHONPATH": str(installed)}, cwd=tmp_path,
                           capture_output=True, text=True, check=True, timeout=HANG)
    assert Path(where.stdout.strip()).is_relative_to(installed)  # not this checkout
    done = appealkit(installed, "init", "my-kit", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = appealkit(installed, "build", "--today", TODAY, cwd=tmp_path / "my-kit")
    assert (done.returncode, done.stderr) == (0, "")
    pack = tmp_path / "my-kit" / "output" / "pack.pdf"
    assert done.stdout.split()[0] == "output/pack.pdf" and pack.is_file()
    texts = page_texts(pack)
    assert len(texts) == 5  # fact sheet, background, English letter, the Urdu letter's two
    assert "پاکستان" in texts[3]  # the Urdu letter, set in the installed Nastaliq font


def _broken_install(installed: Path, tmp_path: Path, damage: str) -> Path:
    site = tmp_path / "site"
    shutil.copytree(installed, site, symlinks=True)
    font = site / "appealkit" / "fonts" / "NotoNastaliqUrdu-Regular.ttf"
    if damage == "missing":
        font.unlink()
    else:
        font.write_bytes(font.read_bytes()[:30000])  # cut short, as by a failed download
    return font


@pytest.mark.parametrize(("damage", "problem"), [("missing", "is missing"),
                                                 ("cut", "is damaged: it is cut short")])
@pytest.mark.parametrize("command", ["check", "build"])
def test_missing_or_damaged_font_ends_in_one_line(
    installed: Path, tmp_path: Path, damage: str, problem: str, command: str
) -> None:
    font = _broken_install(installed, tmp_path, damage)
    shutil.copy(EXAMPLE, tmp_path / "kit.yaml")
    done = appealkit(tmp_path / "site", command, "--today", TODAY, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""  # check does not say ok, build lists no files
    assert done.stderr == f"appealkit: font file {font} {problem}; {REINSTALL}\n"
    assert not (tmp_path / "output").exists()


def test_font_error_with_debug_shows_the_traceback(installed: Path, tmp_path: Path) -> None:
    font = _broken_install(installed, tmp_path, "missing")
    shutil.copy(EXAMPLE, tmp_path / "kit.yaml")
    done = appealkit(tmp_path / "site", "check", "--debug", "--today", TODAY, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("Traceback (most recent call last):")
    assert done.stderr.endswith(f"appealkit: font file {font} is missing; {REINSTALL}\n")


def _font_paths(family: FontFamily) -> set[str]:
    pairs = [family.default, *(p for _, p in family.scripts), *(p for *_, p in family.languages)]
    return {font.path for pair in pairs for font in (pair.regular, pair.bold) if font is not None}
