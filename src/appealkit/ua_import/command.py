"""The `appealkit import` subcommand: its arguments, and the run that writes the draft and prints the report.

cli.py adds it with `add_import_command`; like cli.py, it prints only to the streams it is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

__all__ = ["add_import_command"]


def add_import_command(commands: Any) -> None:
    """Add `import UA_FILE [--out KIT] [--force]` to the parser's subcommands."""
    command = commands.add_parser(
        "import", help="draft kit.yaml from an Urgent Action document",
        description="Read an Urgent Action (.txt, .md, .docx or .pdf) and write a commented "
                    "draft kit.yaml; print what was mapped, what was guessed and what is left "
                    "to do, with the line of the document each came from.")
    command.add_argument("document", metavar="UA_FILE", type=Path,
                         help="the Urgent Action document")
    command.add_argument("--out", metavar="KIT", type=Path, default=Path("kit.yaml"),
                         help="the draft to write (default: kit.yaml)")
    command.add_argument("--force", action="store_true", help="replace KIT if it exists")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    command.set_defaults(run=run_import)


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the draft and print the report: 0 when written, 2 when nothing was."""
    from ..write import write_all
    from .importer import UnreadableDocument, import_ua, report_lines

    if args.out.exists() and not args.force:
        print(f"appealkit: {args.out} exists; nothing written (add --force to replace it)",
              file=err)
        return 2
    try:
        text, draft = import_ua(args.document)
    except UnreadableDocument as reason:
        print(f"{args.document}: {reason}; nothing written", file=err)
        return 2
    write_all(args.out.parent, {args.out.name: text.encode("utf-8")})
    print(f"appealkit: wrote {args.out} from {args.document}", file=out)
    for line in report_lines(draft):
        print(line, file=out)
    print(f"next: do the to-do items, then `appealkit check {args.out}` and "
          f"`appealkit build {args.out}`", file=out)
    return 0
