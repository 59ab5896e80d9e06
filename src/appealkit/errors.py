"""Located problems in a kit: where (file, line, column), which key, what is wrong and what to do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = [
    "MAX_REPEATS", "KitError", "Mark", "OutputError", "Problem", "cap_repeats", "mark_for",
    "sort_problems",
]


@dataclass(frozen=True, order=True)
class Mark:
    """A position in a file, 1-based as editors show it; column 0 names the whole line (CSV rows)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.column else f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """One error or warning, printed as `kit.yaml:42:7: target.email: message`."""

    mark: Mark | None
    path: str
    message: str
    severity: str = "error"  # or "warning"
    file: str = "kit.yaml"  # names the file when there is no mark (empty, oversized, unreadable)

    def __str__(self) -> str:
        where = str(self.mark) if self.mark is not None else self.file
        level = "warning: " if self.severity == "warning" else ""
        path = f"{self.path}: " if self.path else ""
        return f"{where}: {level}{path}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity != "warning"

    def as_error(self) -> Problem:
        """The same problem as an error, for `--strict`."""
        return Problem(self.mark, self.path, self.message, "error", self.file)


def mark_for(marks: Mapping[str, Mark], path: str) -> Mark | None:
    """The Mark of a key path, or of its nearest written ancestor (`""` is the whole file)."""
    while path not in marks:
        if not path:
            return None
        path = path.rsplit(".", 1)[0] if "." in path else ""
    return marks[path]


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order problems as they appear in the file; file-level problems (no mark) come first."""
    return sorted(problems, key=_position)


def _position(problem: Problem) -> tuple[str, int, int]:
    if problem.mark is None:
        return (problem.file, 0, 0)
    return (problem.mark.file, problem.mark.line, problem.mark.column)


class KitError(Exception):
    """Bad input: every problem found in a kit, sorted by position; str() gives one per line."""

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sort_problems(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __reduce__(self) -> tuple[type[KitError], tuple[list[Problem]]]:
        # Exceptions pickle through their args; ours are problems, not a message.
        return (KitError, (self.problems,))


class OutputError(Exception):
    """The output folder cannot take the files; `str()` is one line naming the folder and why.

    Raised by write.py; here so that the command line knows it without importing the writer.
    """

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder, self.reason = folder, reason
        super().__init__(f"cannot write to '{folder}': {reason}")


MAX_REPEATS = 10  # the same problem in one text is shown this often, then counted


def cap_repeats(problems: list[Problem]) -> list[Problem]:
    """Problems in file order, each repeated one (same key, same message) shown MAX_REPEATS
    times, then once more as '… and 19,990 more: message'."""
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in sort_problems(problems):
        groups.setdefault((problem.severity, problem.path, problem.message), []).append(problem)
    kept: list[Problem] = []
    for group in groups.values():
        kept += group[:MAX_REPEATS]
        if len(group) > MAX_REPEATS:
            rest = len(group) - MAX_REPEATS
            last = group[MAX_REPEATS - 1]
            kept.append(replace(last, message=f"… and {rest:,} more: {last.message}"))
    return sort_problems(kept)
