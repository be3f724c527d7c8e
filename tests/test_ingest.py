"""Reading articles: encodings, formats, and what a folder run skips."""
import pytest

from pipeline import ingest
from pipeline.errors import UserError

SENTENCE = "Caf\u00e9 sales rose 12% to \u20ac3.5 million in 2023, \u201cofficials\u201d said.\n"


# --- encodings ------------------------------------------------------------

@pytest.mark.parametrize("encoding, data, warned", [
    ("utf-8", SENTENCE.encode("utf-8"), None),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), None),
    ("utf-16 with BOM", SENTENCE.encode("utf-16"), None),
    ("cp1252", SENTENCE.encode("cp1252"), "cp1252"),
    ("latin-1 (byte cp1252 leaves undefined)", "Stra\u00dfe 5 \x81 x.\n".encode("latin-1"),
     "Latin-1"),
])
def test_encodings_decode_and_warn_naming_the_file(tmp_path, warnings_seen, encoding, data,
                                                   warned):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    article = ingest.read_article(path)
    assert "\ufeff" not in article.text
    if encoding != "latin-1 (byte cp1252 leaves undefined)":
        assert article.text == SENTENCE
    if warned:
        assert len(warnings_seen) == 1
        assert str(path) in warnings_seen[0] and warned in warnings_seen[0]
    else:
        assert warnings_seen == []


def test_offsets_index_the_decoded_text_not_the_bytes(tmp_path):
    # a BOM and multi-byte characters before the number: byte and char offsets differ
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))
    from pipeline.api import parse_articles
    article = ingest.read_article(path)
    claims = parse_articles([article])[article.source_id]
    assert claims, "the sentence holds numeric claims"
    for c in claims:
        assert article.text[c.start_char:c.end_char] == c.text


# --- formats --------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Reports fell in 2024</title>
<meta property="og:site_name" content="Example News">
<style>p { color: red }</style><script>var total = "9,999,999 fake";</script></head>
<body><nav><a href="/">Home</a> | <a href="/x">Sports 24/7</a></nav>
<div class="ad">Advertisement: buy 3, get 1 free</div>
<article><h1>Reports fell sharply in 2024</h1>
<p>The agency received about 20.5 million reports in 2024, down from 36.2 million in 2023,
according to its annual data release.</p>
<p>Officials said the 43% decline reflected a change in how reports were counted &amp; bundled
by the largest platforms.</p></article>
<footer>&copy; 2024 Example News. All rights reserved.</footer></body></html>"""


def test_html_is_reduced_to_article_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = ingest.read_article(path)
    assert "20.5 million reports" in article.text
    assert "counted & bundled" in article.text          # entities decoded
    for furniture in ("9,999,999", "color: red", "Sports 24/7", "All rights reserved", "<p>"):
        assert furniture not in article.text
    assert article.title == "Reports fell in 2024" or article.title.startswith("Reports fell")
    assert article.publisher == "Example News"


def test_sources_csv_wins_over_what_the_page_states(tmp_path):
    (tmp_path / "page.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,title,publisher,date,url\n"
                                          "page.htm,Own title,,2024-05-01,\n", encoding="utf-8")
    [article] = ingest.read_sources(tmp_path)
    assert (article.title, article.publisher, article.published) == \
        ("Own title", "Example News", "2024-05-01")


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x = 1</script></head><body><script>y()</script></body></html>")
    with pytest.raises(UserError, match="no article text"):
        ingest.read_article(path)


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Heading\n\nSales rose 12% in 2023.\n", encoding="utf-8")
    assert ingest.read_article(path).text == "# Heading\n\nSales rose 12% in 2023.\n"


# --- one bad file never stops a folder run ---------------------------------

GOOD = "The council counted 4,100 visitors in 2023, up from 3,900 a year earlier.\n"

BAD_FILES = [
    # (case, file name, content, words the warning must contain)
    ("empty", "empty.txt", b"", "is empty"),
    ("whitespace only", "blank.txt", b"  \n\n\t\n", "is empty"),
    ("binary", "image.txt", bytes(range(256)) * 3, "binary"),
    ("binary without NUL", "blob.txt", bytes(range(1, 32)) * 30, "binary"),
    ("other format", "scan.pdf", b"%PDF-1.7 ...", ".pdf file"),
    ("no extension", "README", b"text", "without an extension"),
    ("oversize", "huge.txt", b"x" * 2_000, "over the limit"),
    ("exact duplicate", "good_copy.txt", GOOD.encode(), "exact duplicate"),
    ("same name stem", "good.md", b"Another story about 12 cats.\n", "same name"),
]


@pytest.mark.parametrize("case, name, content, words", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_folder_run_skips_bad_file_with_one_warning(tmp_path, warnings_seen, case, name,
                                                    content, words):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    articles = ingest.read_sources(tmp_path, max_bytes=1_000)
    assert [a.source_id for a in articles] == ["good"]
    assert len(warnings_seen) == 1
    assert warnings_seen[0].startswith("skipped: ")
    assert name in warnings_seen[0] and words in warnings_seen[0]
    assert "\n" not in warnings_seen[0]


@pytest.mark.parametrize("case, name, content, words",
                         [c for c in BAD_FILES if c[0] not in ("exact duplicate", "same name stem")],
                         ids=[c[0] for c in BAD_FILES
                              if c[0] not in ("exact duplicate", "same name stem")])
def test_bad_file_given_directly_is_an_error(tmp_path, case, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=words.replace(".", r"\.")):
        ingest.read_article(path, max_bytes=1_000)


def test_extract_bad_file_is_exit_2_with_one_line(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)))
    r = CliRunner().invoke(cli, ["extract", str(path)])
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: ") and "binary" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.output


def test_max_bytes_option_reaches_the_reader(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(path), "--max-bytes", "10"])
    assert r.exit_code == 2 and "raise --max-bytes" in r.stderr


@pytest.mark.parametrize("value, ok", [
    ("2025-05-13", True), ("2024-02-29", True), ("2023-02-29", False), ("2025-5-13", False),
    ("20250513", False), ("13/05/2025", False), ("", False), ("2025-05-13T10:00", False),
])
def test_valid_date(value, ok):
    assert ingest.valid_date(value) is ok


def test_extract_html_offsets_index_the_extracted_text(tmp_path):
    import json

    from click.testing import CliRunner

    from pipeline.cli import cli
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(path), "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    text = ingest.read_article(path).text
    assert any(row["text"] == "about 20.5 million" for row in rows)
    for row in rows:
        assert text[row["start_char"]:row["end_char"]] == row["text"]


def test_check_warns_once_per_legacy_file(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli
    src = tmp_path / "sources"
    src.mkdir()
    (src / "legacy.txt").write_bytes(SENTENCE.encode("cp1252"))
    (src / "modern.txt").write_text(GOOD, encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", str(src), "--claims-dir", str(tmp_path / "c"),
                                 "--reports-dir", str(tmp_path / "r")])
    assert r.exit_code == 0
    assert r.stderr.splitlines() == [
        f"Warning: {src / 'legacy.txt'} is not UTF-8; read it as Windows-1252 (cp1252)"]


HARD_WRAPPED = """Jobless claims fall to lowest level since spring

WASHINGTON - The number of Americans filing new claims for unemployment
benefits fell by 12,000 to 219,000 in the week ended Oct. 5, the Labor
Department said on Thursday, the lowest level since May. Economists polled
by Reuters had forecast 230,000 claims for the latest week.

Continuing claims, a proxy for hiring, rose 7,000 to 1.86 million during
the week ending Sept. 28, according to the report. The moving average of
initial claims, a better measure of labor market trends, dropped 4,250 to
224,250.

Layoffs remain low by historical standards.
"""


def test_hard_wrapped_paragraphs_are_one_block_and_quotes_whole_sentences():
    from pipeline import extract_claims
    from pipeline.ingest import split_blocks
    blocks = split_blocks(HARD_WRAPPED)
    assert [b.kind for b in blocks] == ["headline", "paragraph", "paragraph", "paragraph"]
    df = extract_claims(HARD_WRAPPED, published="2024-10-10")
    row = df.set_index("text").loc["12,000"]
    assert row.sentence.startswith("The number of Americans filing new claims for unemployment benefits")
    assert row.sentence.endswith("the lowest level since May.") and "\n" not in row.sentence
    assert "230,000" in set(df.text)  # its sentence began mid-line: lost before
    # offsets still index the text as written
    for r in df.itertuples():
        assert HARD_WRAPPED[r.start_char:r.end_char] == r.text


def test_lines_of_ordinary_width_are_not_joined():
    from pipeline.ingest import split_blocks
    text = ("A headline here\n" + "A paragraph that runs on for a long while, as web pages do, "
            "with no line breaks inside it at all until it ends here.\n") * 4
    assert len(split_blocks(text)) == 8


def test_a_quote_stops_at_its_own_paragraph():
    # the sample article 000 ends a paragraph just before page furniture
    # ("Check Also ... If you purchase through these links"): the model runs
    # the sentence on over the blanked lines; the quote keeps to its block
    from pipeline import extract_claims
    from .conftest import ROOT
    path = next((ROOT / "sources").glob("000_*"))
    row = extract_claims(path.read_text(encoding="utf-8")).set_index("text").loc["at least 20%"]
    assert row.sentence.endswith("fewer reports than in 2023.") and "Check Also" not in row.sentence


@pytest.mark.parametrize("line, kind", [
    ("By Jane Doe, Reuters", "furniture"),
    ("By Dana Whitfield | November 6, 2026 | 3 min read", "furniture"),
    ("By Jane M. Doe and John Roe", "furniture"),
    # a paragraph may open with "By": it ends as a sentence ends
    ("By Wednesday afternoon the bow of the ship was on the bottom of the river, pinned "
     "down by a section of the bridge.", "paragraph"),
    ("By major category, shelter costs increased 0.2% from the previous month.", "paragraph"),
    # a figure before any "|" or ",": no byline, whatever its end
    ("By 2030 the fleet will reach 5,000 electric buses", "headline"),
])
def test_a_byline_is_furniture_and_a_sentence_opening_with_by_is_not(line, kind):
    # (the bylines are guards: the pattern before this stop took them too)
    from pipeline.ingest import split_blocks
    blocks = split_blocks(f"Headline of the story\n\n{line}\n\nThe body follows here, at length.\n")
    assert blocks[1].kind == kind
