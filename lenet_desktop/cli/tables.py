"""The command line's text tables: columns two spaces apart, rules of ─."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from lenet_desktop.messages import printable


def print_table(
    rows: Sequence[Sequence[str]],
    *,
    right: Collection[int] = (),
    rules_after: Collection[int] = (),
    last_rule: int | None = None,
) -> None:
    """Print ``rows`` (the header first), each column as wide as its widest cell and
    left-aligned, those in ``right`` right-aligned; trailing spaces dropped. A rule follows
    each row whose index is in ``rules_after``, as wide as the columns, the last column's
    ``last_rule`` wide when given (a last column of free text)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    rule_widths = widths if last_rule is None else [*widths[:-1], last_rule]
    rule = "  ".join("─" * w for w in rule_widths)
    for index, row in enumerate(rows):
        cells = (
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths))
        )
        print(printable("  ".join(cells).rstrip()))
        if index in rules_after:
            print(rule)
