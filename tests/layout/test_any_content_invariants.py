"""Issue 10 §6's layouts hold the whole-pack invariants (invariants.py): no text over text and
nothing outside the printable margins, for the right-to-left fact sheets, every figure count,
lists and links everywhere, and a short background printed on the fact sheet."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE, ROOT
from invariants import check_pdf

from appealkit import api

TODAY = dt.date(2025, 7, 1)
RTL_KITS = ROOT / "tests" / "layout" / "kits"


def _figures(count: int) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["figures"] = [{"value": f"{n},{n}0{n}", "label": "Afghans returned in this period",
                            "source": "IOM" if n % 2 else None} for n in range(1, count + 1)]
        for figure in data["figures"]:
            if figure["source"] is None:
                del figure["source"]
    return edit


def _lists_and_links(data: dict[str, Any]) -> None:
    data["figures"] = data["figures"][:3]  # room on Letter for the summary's list
    data["summary"] += ("\nPakistan must:\n- renew the cards;\n- stop deportations; read "
                        "[the report](https://www.amnesty.org/en/documents/asa33/7416/2023/en/).\n")
    data["letters"]["en"]["body"] += ("\nI urge you to:\n1. renew the PoR cards;\n2. withdraw the "
                                      "plan, as [UNHCR asks](https://www.unhcr.org/pk).\n")
    data["letters"]["ur"]["body"] += "\n\nمیری اپیل ہے کہ:\n۱۔ کارڈز کی تجدید کریں؛\n۲۔ ملک بدری روکیں۔\n"
    data["background"] += ("\nAmnesty calls for:\n1. renewal of the cards;\n2. an end to the plan.\n\n"
                           "See [UNHCR](https://www.unhcr.org/pk) and [IOM](https://www.iom.int/).\n")


def _short_background(data: dict[str, Any]) -> None:
    data["figures"] = []
    data["background"] = "Pakistan announced the plan in October 2023.\n\n- Renew the cards.\n"


EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    **{f"figures-{n}": _figures(n) for n in (0, 1, 5, 7, 8)},
    "lists-and-links": _lists_and_links,
    "short-background": _short_background,
}


def _kits() -> list[Any]:
    return [*(pytest.param(path, id=path.name) for path in sorted(RTL_KITS.glob("*.yaml"))),
            *(pytest.param(name, id=name) for name in EDITS)]


def _path(kit: Path | str, tmp: Path) -> Path:
    if isinstance(kit, Path):
        return kit
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    EDITS[kit](data)
    path = tmp / "kit.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("kit", _kits())
def test_issue_10_any_content_keeps_text_apart_and_inside(kit: Path | str, paper: str,
                                                          tmp_path: Path) -> None:
    rendered = api.render_kit(_path(kit, tmp_path), paper=paper, today=TODAY, parts=["pack"])
    found = [f"{name}: {problem}" for name, pdf in sorted(rendered.files.items())
             for problem in check_pdf(bytes(pdf))]
    assert found == []
