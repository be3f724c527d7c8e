"""The command line, through click's CliRunner: exit codes, output files, errors."""
import json

import pandas as pd
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model import CLAIM_COLUMNS


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_check_writes_all_outputs(sources_copy, tmp_path):
    claims, reports = tmp_path / "claims", tmp_path / "reports"
    r = run("check", str(sources_copy), "--claims-dir", str(claims), "--reports-dir", str(reports))
    assert r.exit_code == 0, r.output
    assert r.output.startswith("3 articles, ")
    for name in ("findings.json", "report.md", "report.html"):
        assert (reports / name).stat().st_size > 0
    table = pd.read_csv(claims / "claims.csv")
    assert tuple(table.columns) == CLAIM_COLUMNS
    assert len(table) > 10
    doc = json.loads((reports / "findings.json").read_text())
    assert doc["run"]["articles"] == 3
    assert doc["run"]["claims"] == len(table)
    assert {s["source_id"] for s in doc["sources"]} == {
        "000_2aa34b30455cfcd5", "001_4fc83e8e0bca6b77", "004_4f7b432355490b56"}


def test_check_quiet_prints_nothing(sources_copy, tmp_path):
    r = run("check", str(sources_copy), "--claims-dir", str(tmp_path / "c"),
            "--reports-dir", str(tmp_path / "r"), "--quiet")
    assert r.exit_code == 0
    assert r.output == ""


def test_check_missing_folder_is_exit_2(tmp_path):
    r = CliRunner().invoke(cli, ["check", str(tmp_path / "nope"), "--claims-dir",
                                 str(tmp_path / "c"), "--reports-dir", str(tmp_path / "r")])
    assert r.exit_code == 2
    assert r.output.startswith("Error: ")
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_extract_stdin_csv():
    r = run("extract", "-", input="NCMEC received about 29.2 million reports in 2024.\n")
    assert r.exit_code == 0
    lines = r.output.strip().splitlines()
    assert lines[0] == ",".join(CLAIM_COLUMNS)
    assert len(lines) == 2
    assert "about 29.2 million" in lines[1]


def test_extract_json_and_output_file(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Sales rose 12% to $3.5 billion in 2023.\n", encoding="utf-8")
    out = tmp_path / "claims.json"
    r = run("extract", str(src), "-f", "json", "-o", str(out))
    assert r.exit_code == 0
    assert r.output == ""
    rows = json.loads(out.read_text())
    assert [row["text"] for row in rows] == ["12%", "$3.5 billion"]
    assert rows[0]["source_id"] == "a"


def test_extract_jsonl(tmp_path):
    src = tmp_path / "b.txt"
    src.write_text("About 7 million fewer reports were filed.\n", encoding="utf-8")
    r = run("extract", str(src), "-f", "jsonl")
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert len(rows) == 1 and rows[0]["kind"] == "change" and rows[0]["direction"] == "decrease"


def test_extract_missing_file_is_exit_2(tmp_path):
    r = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2
    assert r.output.startswith("Error: ") and "does not exist" in r.output


def test_extract_bad_format_is_usage_error():
    r = CliRunner().invoke(cli, ["extract", "-", "-f", "xml"], input="1 2 3")
    assert r.exit_code == 2


def test_extract_infers_the_format_from_the_output_extension(tmp_path):
    # was: -o x.json without -f wrote CSV into x.json (and into x.parquet)
    src = tmp_path / "a.txt"
    src.write_text("Sales rose 12% to $3.5 billion in 2023.\n", encoding="utf-8")
    r = run("extract", str(src), "-o", str(tmp_path / "x.json"))
    assert r.exit_code == 0
    assert [row["text"] for row in json.loads((tmp_path / "x.json").read_text())] == \
        ["12%", "$3.5 billion"]
    run("extract", str(src), "-o", str(tmp_path / "x.jsonl"))
    assert len((tmp_path / "x.jsonl").read_text().splitlines()) == 2
    run("extract", str(src), "-o", str(tmp_path / "x.csv"))
    assert (tmp_path / "x.csv").read_text().startswith("claim_id,")
    r = run("extract", str(src), "-f", "csv", "-o", str(tmp_path / "y.json"))  # -f wins
    assert (tmp_path / "y.json").read_text().startswith("claim_id,")


def test_extract_parquet_extension_is_parquet_or_a_clear_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Sales rose 12% in 2023.\n", encoding="utf-8")
    out = tmp_path / "x.parquet"
    r = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out)])
    if r.exit_code == 0:
        assert out.read_bytes()[:4] == b"PAR1"
    else:  # no pyarrow: says so, writes nothing
        assert r.exit_code == 2 and "pyarrow" in r.stderr and not out.exists()


def test_extract_unknown_extension_without_format_is_exit_2(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Sales rose 12% in 2023.\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2 and r.stderr.startswith("Error: ") and "-f" in r.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_every_command_help_has_an_example():
    for name, command in cli.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0
        assert "Example" in r.output and f"claimcheck {name}" in r.output, name


def test_sample_report_names_sources_and_each_heading_is_its_own(sources_copy, tmp_path):
    r = run("check", str(sources_copy), "--claims-dir", str(tmp_path / "c"),
            "--reports-dir", str(tmp_path / "r"))
    assert r.exit_code == 0
    md = (tmp_path / "r" / "report.md").read_text()
    heads = [line.split(" · ", 1)[1] for line in md.splitlines() if line.startswith("#### ")]
    # was: two conflicts both headed "NCMEC · report · 2024"
    assert len(heads) == 2 and len(set(heads)) == 2
    assert "NCMEC · report · 2024: about 29.2 million vs 20.5 million" in heads
    body, _, sources = md.partition("## Sources")
    stem = "000\\_2aa34b30455cfcd5"  # as report.md escapes it
    assert stem not in body and stem.replace("\\", "") not in body
    assert "The Mission Haven" in body
    assert "| The Mission Haven | What the 2024 NCMEC Report Says About Child Safety |" in sources
    assert "004\\_4f7b432355490b56" in sources  # the file is still named in the sources table
    doc = json.loads((tmp_path / "r" / "findings.json").read_text())
    assert all(s.startswith("00") for f in doc["findings"] for s in f["sources"])
