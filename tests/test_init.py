"""`appealkit init`: a starter kit that builds as it is, written once, never over a user's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, TODAY, run_cli
from pdfutil import page_texts

from appealkit import __version__
from appealkit.schema import render_schema


def test_init_writes_the_example_kit_its_schema_and_assets(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "kit"
    status, out, err = run_cli("init", str(folder))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"{folder}/kit.yaml",
        f"{folder}/kit.schema.json",
        f"{folder}/assets/",
        f"appealkit: wrote a starter kit (the example case); edit kit.yaml, then run: "
        f"cd {folder} && appealkit build",
    ]
    assert (folder / "kit.yaml").read_bytes() == EXAMPLE.read_bytes()
    assert (folder / "kit.schema.json").read_bytes() == (ROOT / "kit.schema.json").read_bytes()
    assert (folder / "kit.schema.json").read_text(encoding="utf-8") == render_schema()
    assert list((folder / "assets").iterdir()) == []


def test_init_defaults_to_this_folder_and_the_kit_builds_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, _ = run_cli("init")
    assert status == 0
    assert out.splitlines()[0] == "kit.yaml"
    assert out.splitlines()[-1].endswith("then run: appealkit build")
    status, out, err = run_cli("build", "--today", TODAY)
    assert (status, err) == (0, "")
    assert "PROOF OF REGISTRATION" in page_texts(tmp_path / "output" / "fact-sheet.pdf")[0].upper()


@pytest.mark.parametrize("existing", ["kit.yaml", "kit.schema.json"])
def test_init_never_overwrites(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    status, out, err = run_cli("init", str(tmp_path))
    assert (status, out) == (2, "")
    assert err == (f"appealkit: {tmp_path / existing} already exists; nothing written "
                   "(to start another kit, give a new folder: appealkit init FOLDER)\n")
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]  # nothing else written


def test_init_keeps_an_existing_assets_folder(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(b"logo")
    status, _, _ = run_cli("init", str(tmp_path))
    assert status == 0
    assert (tmp_path / "assets" / "logo.png").read_bytes() == b"logo"


def test_init_into_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    status, _, err = run_cli("init", str(tmp_path / "notes"))
    assert status == 2
    assert err == f"appealkit: {tmp_path / 'notes'} is a file, not a folder; nothing written\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run_cli("--version")
    assert status == 0
    assert capsys.readouterr().out == f"appealkit {__version__}\n"
