"""How figures are written in derivations, explanations and reports:
short and human ("20.5M", "-43.4%", "29,568"), never more precise than the
arithmetic needs."""
from __future__ import annotations

import math

PERCENT_KINDS = ("percent", "pct_change")
_SCALES = ((1e9, "B"), (1e6, "M"))


def fmt_plain(v: float, digits: int = 2) -> str:
    """29568 -> '29,568'; 14.25 -> '14.25'; 0.5 -> '0.5'."""
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    if abs(v) >= 1e4 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".")


def fmt_number(v: float, kind: str = "count", signed: bool = False) -> str:
    """A figure as a report writes it: '20.5M', '-15.7M', '-43.4%', '14.25x'."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "?"
    sign = "+" if signed and v > 0 else ""
    if kind in PERCENT_KINDS:
        return f"{sign}{fmt_plain(v, 1)}%"
    if kind == "multiple":
        return f"{fmt_plain(v)}x"
    for scale, suffix in _SCALES:
        if abs(v) >= scale and not math.isinf(v):
            return f"{sign}{fmt_plain(v / scale, 2)}{suffix}"
    return sign + fmt_plain(v)


def fmt_interval(low: float, high: float, kind: str = "count") -> str:
    """'28.9M to 29.5M', 'at least 20%', 'at most 1M'."""
    lo_inf, hi_inf = math.isinf(low), math.isinf(high)
    if lo_inf and hi_inf:
        return "any value"
    if hi_inf:
        return f"at least {fmt_number(low, kind)}"
    if lo_inf:
        return f"at most {fmt_number(high, kind)}"
    if low == high:
        return fmt_number(low, kind)
    return f"{fmt_number(low, kind)} to {fmt_number(high, kind)}"
