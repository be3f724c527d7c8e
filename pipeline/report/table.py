"""The claim table as CSV / JSON / JSON lines."""
from __future__ import annotations

import json
import math

import pandas as pd


def _clean(v):
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
    return v


def claims_csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def claims_records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def claims_json(frame: pd.DataFrame) -> str:
    return json.dumps(claims_records(frame), ensure_ascii=False, indent=2) + "\n"


def claims_jsonl(frame: pd.DataFrame) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in claims_records(frame))


FORMATS = {"csv": claims_csv, "json": claims_json, "jsonl": claims_jsonl}
