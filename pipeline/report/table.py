"""The claim table as CSV / JSON / JSON lines.

A claim table is either a DataFrame with the contract's columns (what
:func:`pipeline.api.claims_frame` returns) or the list of
:class:`~pipeline.model.Claim` it is made from. ``claimcheck check`` passes
the list: it writes the same CSV as pandas would, without importing pandas.
"""
from __future__ import annotations

import csv
import io
import json
import math

from ..files import csv_cell
from ..model import CLAIM_COLUMNS

#: Longest text written into a CSV cell: Python's csv module refuses fields
#: over 131,072 characters, so a longer sentence (a page without line breaks)
#: is cut here, with an ellipsis. JSON, JSON lines and Parquet keep it whole.
MAX_CSV_TEXT = 100_000


def _clean(v):
    """A cell as JSON writes it: an unknown number or an open interval end is
    null (JSON has no infinity; the qualifier says which way it is open)."""
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    return v


#: Columns holding an interval end: empty (CSV) or null (JSON) means open.
BOUND_COLUMNS = ("low", "high")


def read_bound(raw, column: str) -> float:
    """An interval end read back from a claim table: a number; empty/null (the
    current form) or "inf"/"-inf" (the form before) is the open end, -inf for
    ``low`` and inf for ``high``."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return -math.inf if column == "low" else math.inf
    value = float(raw)
    if math.isnan(value):
        return -math.inf if column == "low" else math.inf
    return value


def is_frame(table) -> bool:
    return hasattr(table, "columns") and hasattr(table, "to_csv")


def table_columns(table) -> dict[str, list]:
    """{column: its values as plain Python values}, in the table's column
    order (the contract's for a list of claims, each column typed as pandas
    would type it)."""
    if table is None:
        return {}
    if is_frame(table):
        return {str(c): table[c].tolist() for c in table.columns}
    return {c: _typed([getattr(claim, c) for claim in table]) for c in CLAIM_COLUMNS}


_NONE = type(None)


def _typed(values: list) -> list:
    """A column's values with the type pandas would give the column: a
    column of numbers holding a float or a missing value is float, so its
    ints become floats and its missing values NaN."""
    types = set(map(type, values))
    if types <= {int, float, _NONE} and types - {_NONE} and types & {float, _NONE}:
        return [v if type(v) is float else math.nan if v is None else float(v) for v in values]
    return values


def _csv_cells(values: list) -> list:
    """A column's CSV cells as pandas writes them (csv writes a float as its
    repr, as pandas does); a missing value or an open end is empty; texts
    made safe (:func:`csv_text`)."""
    if set(map(type, values)) <= {str, int}:
        return [csv_text(v) for v in values]
    return ["" if v is None or (type(v) is float and (v != v or v in _INFS)) else csv_text(v)
            for v in values]


_INFS = (math.inf, -math.inf)


def csv_text(value):
    """A text cell that no spreadsheet runs as a formula and no csv reader
    refuses (see :data:`MAX_CSV_TEXT`); numbers stay numbers."""
    if not isinstance(value, str):
        return value
    if len(value) > MAX_CSV_TEXT:
        value = value[:MAX_CSV_TEXT - 1] + "…"
    return csv_cell(value)


def claims_csv(table) -> str:
    if is_frame(table):
        from pandas.api.types import is_numeric_dtype
        safe = table.copy()
        floats = [c for c in safe.columns if safe[c].dtype.kind == "f"]
        if floats:
            safe[floats] = safe[floats].replace(list(_INFS), math.nan)
        for c in safe.columns:
            if not is_numeric_dtype(safe[c]):
                safe[c] = safe[c].map(csv_text)
        return safe.to_csv(index=False, lineterminator="\n")
    columns = table_columns(table)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(zip(*(_csv_cells(vs) for vs in columns.values())))
    return buf.getvalue()


def claims_records(table) -> list[dict]:
    columns = table_columns(table)
    return [{k: _clean(v) for k, v in zip(columns, row)} for row in zip(*columns.values())]


def claims_json(table) -> str:
    return json.dumps(claims_records(table), ensure_ascii=False, indent=2) + "\n"


def claims_jsonl(table) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in claims_records(table))


FORMATS = {"csv": claims_csv, "json": claims_json, "jsonl": claims_jsonl}
