"""Issue 10 §6: a timeline entry dated before the one above it is a warning at its date."""

from __future__ import annotations

from conftest import TODAY, line_col, run_cli, variant

from appealkit.lint_timeline import lint_timeline
from appealkit.model import Event, PartialDate


def test_issue_10_timeline_out_of_order_is_a_located_warning(tmp_path) -> None:
    kit = variant(tmp_path, ("  - date: 2024-06", "  - date: 2022-06"))
    status, _, stderr = run_cli("check", str(kit), "--today", TODAY)
    line, col = line_col(kit, "2022-06")
    assert status == 0, stderr
    assert (f"{kit}:{line}:{col}: warning: timeline.1.date: 2022-06 comes after 2023-10 in the "
            "timeline, which prints its entries in the order written: put them in date order, "
            "oldest first") in stderr.splitlines()
    assert stderr.count("timeline.") == 1  # the entry after it (2025-04-01) is in order again
    assert run_cli("check", str(kit), "--today", TODAY, "--strict")[0] == 2


def test_the_example_timeline_is_in_order(tmp_path) -> None:
    status, _, stderr = run_cli("check", str(variant(tmp_path)), "--today", TODAY)
    assert status == 0 and "timeline" not in stderr


class _Kit:
    def __init__(self, *dates: PartialDate) -> None:
        self.timeline = tuple(Event(date, "text") for date in dates)


def test_partial_dates_compare_by_what_they_give() -> None:
    month, day, year = PartialDate(2023, 10), PartialDate(2023, 10, 5), PartialDate(2023)
    assert lint_timeline(_Kit(month, day, year)) == []  # all within October 2023
    assert lint_timeline(_Kit(day, month)) == []
    assert [p for p, _, _ in lint_timeline(_Kit(day, PartialDate(2023, 9)))] == ["timeline.1.date"]
    assert [p for p, _, _ in lint_timeline(_Kit(PartialDate(2024), day))] == ["timeline.1.date"]
