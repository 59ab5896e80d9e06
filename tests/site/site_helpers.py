"""Shared by the site tests: build a site through the command line, read its index.html back."""

from __future__ import annotations

import io
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from appealkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "kit.yaml"
TODAY = "2025-07-01"  # before the example's deadline: no warning


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def build_site(kit: Path, out: Path) -> Path:
    """`appealkit site KIT --out OUT`, asserted to succeed quietly; returns OUT."""
    status, stdout, stderr = run_cli("site", str(kit), "--out", str(out), "--today", TODAY)
    assert (status, stderr) == (0, ""), stderr
    assert stdout == f"{out / 'index.html'}\n"
    return out


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""  # all text inside it, children's included


class Page(HTMLParser):
    """index.html parsed as a browser's tokenizer sees it: every element with its text."""

    _VOID = frozenset({"meta", "link", "img", "br", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in self._VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


def read_page(folder: Path) -> Page:
    page = Page()
    page.feed((folder / "index.html").read_text(encoding="utf-8"))
    page.close()
    return page
