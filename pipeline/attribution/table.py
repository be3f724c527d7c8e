"""Tables written as text: rows of cells split by ``|`` or tabs.

News copy and pasted reports carry small tables ("Category | 2023 | 2024",
a row per category). Their numbers have no sentence around them to say
what they count or when: the row's first cell says what, the column's
header says when. This module finds table blocks in an article's text and
maps each cell's character span to its row label and column header, so
that normalize can give a figure in a cell its metric and period from the
table's structure, and quote the row rather than the whole table.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from .context import attr


@cache
def _cfg() -> dict:
    return attr()["tables"]


@dataclass(frozen=True)
class Cell:
    row_label: str     # the row's first cell ("Online enticement")
    header: str        # the column's header cell ("2024"), "" if none
    caption: str       # the line just above the table, "" if none
    line_start: int    # the row's span in the article text
    line_end: int


def _split(line: str) -> list[tuple[int, int]] | None:
    """Cell spans of a table line, or None when the line is not one."""
    sep = "|" if line.count("|") >= _cfg()["min_separators"] else \
        "\t" if line.count("\t") >= _cfg()["min_separators"] else ""
    if not sep:
        return None
    spans, start = [], 0
    for i, ch in enumerate(line):
        if ch == sep:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(line)))
    # "| a | b |": the empty pieces outside the outer bars are not cells; an
    # empty cell inside ("|  | 2023 |", a blank corner) still is one
    if sep == "|" and spans and not line[spans[0][0]:spans[0][1]].strip():
        spans.pop(0)
    if sep == "|" and spans and not line[spans[-1][0]:spans[-1][1]].strip():
        spans.pop()
    return spans if len(spans) >= 2 else None


_RULE = re.compile(r"^[\s|:+\-=\t]*$")   # "|---|---|" markdown rules
_NUMERIC = re.compile(r"^[\s$€£¥~≈<>+\-−]*[\d.,]+\s*(%|[kmb]n?|million|billion)?\s*$", re.I)


def cells(text: str) -> dict[int, tuple[int, Cell]]:
    """{cell start char: (cell end char, Cell)} for every cell of every table
    in ``text``. A table is at least ``min_rows`` consecutive table lines; its
    header is its first line when that line is not a row of figures."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    out: dict[int, tuple[int, Cell]] = {}
    i = 0
    while i < len(lines):
        j = i
        rows = []
        while j < len(lines):
            start, line = lines[j]
            if line.strip() and _RULE.match(line) and rows:
                j += 1
                continue
            spans = _split(line)
            if spans is None or rows and len(spans) != len(rows[0][2]):
                break  # not a row, or not a row of this table (cell counts differ)
            rows.append((start, line, spans))
            j += 1
        if len(rows) >= _cfg()["min_rows"]:
            caption = next((ln.strip() for _, ln in reversed(lines[:i]) if ln.strip()), "")
            out.update(_table(rows, caption[:200]))
        i = max(j, i + 1)
    return out


def _table(rows, caption: str) -> dict[int, tuple[int, Cell]]:
    first_start, first_line, first_spans = rows[0]
    header_cells = [first_line[s:e].strip() for s, e in first_spans]
    has_header = not any(_NUMERIC.match(c) for c in header_cells[1:]) or all(
        re.fullmatch(r"(19|20)\d\d", c) for c in header_cells[1:])
    body = rows[1:] if has_header else rows
    out = {}
    for start, line, spans in body:
        label = line[spans[0][0]:spans[0][1]].strip()
        for col, (s, e) in enumerate(spans[1:], start=1):
            header = header_cells[col] if has_header and col < len(header_cells) else ""
            out[start + s] = (start + e, Cell(label, header, caption, start, start + len(line)))
    return out


def cell_at(table: dict[int, tuple[int, Cell]], start: int, end: int,
            starts: list[int] | None = None) -> Cell | None:
    """The cell holding the span [start, end), if any; ``starts`` (the
    table's sorted keys) makes the lookup a bisection."""
    if not table:
        return None
    starts = starts if starts is not None else sorted(table)
    i = bisect_right(starts, start) - 1
    if i < 0:
        return None
    e, cell = table[starts[i]]
    return cell if end <= e else None
