"""The ``claimcheck`` command line: a thin layer over the library.

Each command parses options, calls the stage functions and formats output.
Exit codes: 0 done; 1 ``--fail-on conflict`` and unreviewed conflicts remain;
2 bad usage or input (one ``Error: ...`` line, no traceback unless --verbose).
"""
from __future__ import annotations

import functools
import io
import logging
import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import UserError

SOURCE_HELP = "folder of articles (default: sources/)"
TO_HELP = "Story folder (holding sources/, claims/, reports/; default: the current folder)."

#: The example at the end of each command's --help ("\b": click keeps the lines).
EXAMPLES = {
    "claimcheck": """\b
Example (a story of your own; see claimcheck COMMAND --help):
  claimcheck init ~/stories/measles
  claimcheck add ~/Downloads/*.txt --to ~/stories/measles
  claimcheck check ~/stories/measles
  claimcheck review F-1a2b3c --verdict confirmed --to ~/stories/measles""",
    "check": """\b
Examples:
  claimcheck check                      # the articles in sources/
  claimcheck check ~/stories/measles    # a story folder (see claimcheck init)
  claimcheck check --fail-on conflict   # exit 1 while conflicts are unreviewed
  claimcheck check archive.parquet --engine dask   # one article per row, on Dask""",
    "extract": """\b
Examples:
  claimcheck extract sources/*.txt -o claims.json     # format from the extension
  echo "NCMEC received 29.2 million reports in 2024." | claimcheck extract -
  claimcheck extract archive.jsonl -o claims.csv      # one article per row (id, text)""",
    "export": """\b
Example:
  claimcheck export --sqlite claims.db && datasette claims.db -m metadata.json
  claimcheck export --to ~/stories/measles --sqlite measles.db""",
    "add": """\b
Example:
  claimcheck add ~/Downloads/ap.txt --publisher AP --date 2025-05-13 \\
      --url https://apnews.com/... --to ~/stories/measles""",
    "init": """\b
Example:
  claimcheck init ~/stories/measles
  claimcheck add ~/Downloads/*.txt --to ~/stories/measles
  claimcheck check ~/stories/measles""",
    "report": """\b
Examples:
  claimcheck report                        # ./reports, after editing reviews.csv
  claimcheck report --to ~/stories/measles""",
    "review": """\b
Example:
  claimcheck review F-916db4 --verdict explained --note "bundled vs raw reports"
  claimcheck review F-916db4 --verdict confirmed --to ~/stories/measles""",
}


class _WarningFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"Warning: {record.getMessage()}"


def _setup_logging(quiet: bool) -> None:
    log = logging.getLogger("claimcheck")
    log.handlers[:] = []
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_WarningFormatter())
    log.addHandler(handler)
    log.setLevel(logging.ERROR if quiet else logging.WARNING)
    log.propagate = False


def common_options(fn):
    """Options every reading command shares."""
    @click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                  help="Processes to run the model in.")
    @click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                  help="Skip articles larger than this many bytes (default 5,000,000).")
    @click.option("--quiet", "-q", is_flag=True, help="No progress or warnings on stderr.")
    @click.option("--verbose", "-v", is_flag=True, help="Show the traceback of a file error (bad input is one line).")
    @functools.wraps(fn)
    def wrapper(*args, quiet, verbose, **kwargs):
        return _guarded(fn, verbose, *args, quiet=quiet, **kwargs)
    return wrapper


#: Exit code after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def _guarded(fn, verbose, *args, quiet, **kwargs):
    """Run a command: warnings to stderr (none with --quiet); bad input or
    an unusable file is one ``Error: ...`` line and exit 2, with or without
    --verbose (which adds the traceback of an unusable file above the line;
    bad input has no traceback worth reading); a reader that stopped reading
    (``| head``) ends it quietly; Ctrl-C exits 130."""
    _setup_logging(quiet)
    try:
        return fn(*args, quiet=quiet, **kwargs)
    except BrokenPipeError:
        if verbose:
            raise
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        if verbose:
            raise
        click.echo("Interrupted; files being written were left as they were.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except (UserError, OSError) as exc:
        if verbose and not isinstance(exc, UserError):
            import traceback
            traceback.print_exc(file=sys.stderr)
        message = str(exc) if isinstance(exc, UserError) else \
            f"{exc.strerror or exc}: {exc.filename or ''}; check the path and its permissions"
        click.echo(f"Error: {message}", err=True)
        sys.exit(2)


def _silence_stdout() -> None:
    """Point stdout at /dev/null: its reader is gone, and Python's flush at
    exit would complain of the broken pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (a test runner's buffer)


def engine_options(fn):
    """--engine and --scheduler: where articles are parsed and claims compared
    (pipeline.engine)."""
    @click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
                  help="Where articles are parsed (and, for check, claims compared): local "
                       "(this machine, --jobs processes; the default) or dask (a Dask "
                       "cluster; pip install 'claimcheck[dask]').")
    @click.option("--scheduler", default=None, metavar="ADDRESS",
                  help="With --engine dask: the address of a running Dask scheduler "
                       "(tcp://HOST:8786); without it a LocalCluster is started, one worker "
                       "per core (or --jobs N workers).")
    @functools.wraps(fn)
    def wrapper(*args, engine, scheduler, **kwargs):
        from .engine import resolve
        return fn(*args, engine=resolve(engine, scheduler), scheduler=scheduler, **kwargs)
    return wrapper


def report_top_option(fn):
    """--report-top N: findings report.md and report.html show in full."""
    from .report.summary import REPORT_TOP
    return click.option(
        "--report-top", type=click.IntRange(min=0), default=REPORT_TOP, show_default=True,
        help="Findings report.md and report.html show in full, by severity; the rest are "
             "counted by severity and cause (findings.json lists all). 0 shows all.")(fn)


def simple_options(fn):
    """--quiet and --verbose for commands that read no articles in bulk."""
    @click.option("--quiet", "-q", is_flag=True, help="No messages or warnings.")
    @click.option("--verbose", "-v", is_flag=True, help="Show the traceback of a file error (bad input is one line).")
    @functools.wraps(fn)
    def wrapper(*args, quiet, verbose, **kwargs):
        return _guarded(fn, verbose, *args, quiet=quiet, **kwargs)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXAMPLES["claimcheck"])
@click.version_option(__version__, prog_name="claimcheck")
def cli():
    """Find where news articles disagree about the same numbers, and why."""


@cli.command(epilog=EXAMPLES["check"])
@click.argument("target", default="sources", metavar="[STORY|SOURCES_DIR|ARCHIVE]",
                type=click.Path())
@click.option("--claims-dir", default=None, type=click.Path(file_okay=False),
              help="Where claims.csv goes (default: claims/ in the story folder, or beside "
                   "SOURCES_DIR).")
@click.option("--reports-dir", default=None, type=click.Path(file_okay=False),
              help="Where findings.json, report.md and report.html go (default: reports/ in "
                   "the story folder, or beside SOURCES_DIR).")
@click.option("--model", default=None, help="spaCy model name (default: en_core_web_sm).")
@click.option("--fail-on", type=click.Choice(["never", "conflict"]), default="never",
              show_default=True, help="Exit 1 when unreviewed conflicts remain, listing them.")
@click.option("--claims-parquet", is_flag=True,
              help="Also write the claim table as claims.parquet beside claims.csv (typed, "
                   "for pandas or DuckDB; needs pyarrow). Without it, an earlier "
                   "claims.parquet is removed (it would not match).")
@report_top_option
@common_options
@engine_options
def check(target, claims_dir, reports_dir, model, fail_on, claims_parquet, report_top, jobs,
          max_bytes, quiet, engine, scheduler):
    """Check every article and write the claim table and reports.

    STORY is a story folder (holding sources/; see claimcheck init): its
    claims/ and reports/ are written inside it. SOURCES_DIR is a folder of
    articles (default: sources/): claims/ and reports/ are written beside it.
    ARCHIVE is a .jsonl or .parquet file, or a quoted glob of them, with one
    article per row (id, text; optional title, publisher, date, url):
    claims/ and reports/ are written in its folder."""
    from .report.markdown import conflicts_of, summary_line, title
    from .report.newsince import is_open, review_command
    from .report.summary import summarise
    from .run import run_check
    from .story import check_folders
    started = time.perf_counter()
    where = check_folders(target, claims_dir, reports_dir)
    result = run_check(where.sources, where.claims, where.reports, model=model,
                       jobs=jobs, max_bytes=max_bytes, quiet=quiet, engine=engine,
                       scheduler=scheduler, report_top=report_top,
                       claims_parquet=claims_parquet)
    doc = result.document
    conflicts = [f for f in doc["findings"] if f["type"] == "conflict"]
    open_conflicts = [f for f in conflicts if is_open(f)]
    if not quiet:
        try:
            click.echo(summary_line(doc))
            shown = conflicts_of(summarise(doc, report_top))  # as many as the reports show
            for f in shown:
                state = "open" if is_open(f) else f["review"]["verdict"]
                click.echo(f"  {f['finding_id']}  {f['severity']:<6} {f['cause']:<16} "
                           f"{state:<9} {title(f)}")
            if len(shown) < len(conflicts):
                click.echo(f"  ... and {len(conflicts) - len(shown):,} more conflicts "
                           "(counted in report.md, listed in findings.json)")
            click.echo(f"Wrote {where.claims / 'claims.csv'}, {where.reports / 'findings.json'}, "
                       f"report.md, report.html in {time.perf_counter() - started:.1f}s")
            if open_conflicts:
                click.echo(f"To record a verdict: {review_command(open_conflicts[0])}"
                           + _to_story(target, where))
        except BrokenPipeError:
            _silence_stdout()  # the files are written; the summary's reader is gone (| head)
    if fail_on == "conflict" and open_conflicts:
        click.echo(f"{len(open_conflicts)} open conflict{'s' if len(open_conflicts) > 1 else ''}"
                   f" (--fail-on conflict): "
                   + ", ".join(f["finding_id"] for f in open_conflicts), err=True)
        sys.exit(1)


def _to_story(target, where) -> str:
    """' --to STORY' when the reports are not ./reports (review looks there)."""
    default = Path("reports")
    if where.reports == default or where.reports.resolve() == default.resolve():
        return ""
    if where.reports.name == "reports":
        return f" --to {where.reports.parent}"
    return f" --reports-dir {where.reports}"


#: -o FILE's extension -> the format written when -f is not given.
FORMAT_BY_SUFFIX = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                    ".parquet": "parquet", ".pq": "parquet"}


def output_format(output: str | None) -> str:
    """The format for ``-o FILE`` without ``-f``: from its extension; csv for
    stdout or a file with none (.txt, .out); an extension naming a format
    claimcheck cannot write is an error, not a CSV file by that name."""
    if not output:
        return "csv"
    suffix = Path(output).suffix.lower()
    if suffix in FORMAT_BY_SUFFIX:
        return FORMAT_BY_SUFFIX[suffix]
    if suffix in ("", ".txt", ".out"):
        return "csv"
    raise UserError(f"cannot tell the format of {output} from its extension {suffix}; "
                    "pass -f csv, json, jsonl or parquet, or name it .csv, .json, .jsonl "
                    "or .parquet")


@cli.command(epilog=EXAMPLES["extract"])
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["csv", "json", "jsonl", "parquet"]),
              default=None,
              help="Output format (default: from -o FILE's extension, else csv; parquet "
                   "needs pyarrow and -o FILE or a redirect).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE instead of stdout.")
@click.option("--model", default=None, help="spaCy model name (default: en_core_web_sm).")
@common_options
@engine_options
def extract(paths, fmt, output, model, jobs, max_bytes, quiet, engine, scheduler):
    """Print the claim table for the given files ('-' reads stdin). A .jsonl
    or .parquet file (or a quoted glob of them) is an archive of articles,
    one per row (id, text; optional title, publisher, date, url)."""
    from . import ingest
    from .api import claims_frame, read_claims
    from .archive import is_archive, read_archive
    from .files import write_atomic
    from .report.table import FORMATS
    fmt = fmt or output_format(output)
    limit = max_bytes or ingest.DEFAULT_MAX_BYTES
    articles = []
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            articles.append(ingest.make_article(ingest.decode(data, "<stdin>"), "stdin"))
        elif is_archive(p):
            articles += read_archive(p, limit)
        else:
            articles.append(ingest.read_article(p, max_bytes=limit))
    if fmt == "parquet" and not output and sys.stdout.isatty():
        raise UserError("parquet is binary; pass -o FILE or redirect standard output to a file")
    claims = read_claims(articles, model, jobs=jobs, progress=not quiet, engine=engine,
                         scheduler=scheduler)
    if fmt == "parquet":
        from .export import claims_parquet
        data = claims_parquet(claims_frame(claims))
    else:
        data = FORMATS[fmt](claims)  # the same text as from the DataFrame, without pandas
    if output:
        write_atomic(output, data)
        return
    try:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            click.echo(data, nl=False)
    except BrokenPipeError:
        _silence_stdout()  # | head: the reader has what it wanted


@cli.command(epilog=EXAMPLES["export"])
@click.option("--sqlite", "db_path", required=True, type=click.Path(dir_okay=False),
              help="The SQLite database to write (replaces only a database an export wrote).")
@click.option("--to", "story", default=None, type=click.Path(file_okay=False), help=TO_HELP)
@click.option("--claims-dir", default=None, type=click.Path(file_okay=False),
              help="Where claims.csv is (default: claims/, or STORY/claims).")
@click.option("--reports-dir", default=None, type=click.Path(file_okay=False),
              help="Where findings.json and reviews.csv are (default: reports/, or STORY/reports).")
@click.option("--sources-dir", default=None, type=click.Path(file_okay=False),
              help="Where sources.csv is (default: sources/, or STORY/sources).")
@click.option("--metadata", "metadata_path", default=None, type=click.Path(dir_okay=False),
              help="datasette metadata file to write (default: NAME.metadata.json beside "
                   "NAME.db).")
@click.option("--force", is_flag=True,
              help="Replace FILE or the metadata file even if an export did not write it.")
@common_options
def export(db_path, story, claims_dir, reports_dir, sources_dir, metadata_path, force, jobs,
           max_bytes, quiet):
    """Write sources, claims, findings and reviews to a SQLite database, with a
    datasette metadata file beside it (datasette claims.db -m claims.metadata.json)."""
    from .story import story_folders
    where = story_folders(story, sources_dir, claims_dir, reports_dir)
    claims_dir, reports_dir, sources_dir = where.claims, where.reports, where.sources
    from .export import export_sqlite
    counts = export_sqlite(db_path, claims_dir, reports_dir, sources_dir, metadata_path,
                           force=force)
    if not quiet:
        click.echo(f"Wrote {db_path}: {counts['sources']} sources, {counts['claims']} claims, "
                   f"{counts['findings']} findings, {counts['reviews']} reviews; "
                   f"metadata in {counts['metadata']}")


@cli.command(epilog=EXAMPLES["init"])
@click.argument("story", type=click.Path(dir_okay=True, file_okay=False))
@simple_options
def init(story, quiet):
    """Create a story folder STORY with an empty sources/ (and sources.csv).

    Fill it with claimcheck add FILE... --to STORY and check it with
    claimcheck check STORY: its claims/ and reports/ (and reviews) stay
    inside it, apart from every other story."""
    from .story import init_story
    folder, created = init_story(story)
    if not quiet:
        if created:
            click.echo(f"created   {folder / 'sources'}; next: claimcheck add FILE... --to "
                       f"{folder}, then claimcheck check {folder}")
        else:
            click.echo(f"unchanged {folder} is already a story folder")


@cli.command(epilog=EXAMPLES["add"])
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--title", default="", help="Headline (recorded for every FILE).")
@click.option("--publisher", default="", help="Who published it (names the source in reports).")
@click.option("--date", "date_", default="", metavar="YYYY-MM-DD", help="Publication date.")
@click.option("--url", default="", help="Where it was published (linked in report.html).")
@click.option("--force", is_flag=True, help="Replace a different file of the same name.")
@click.option("--to", "story", default=None, type=click.Path(file_okay=False),
              help="Story folder to add to (its sources/).")
@click.option("--sources-dir", default=None, type=click.Path(file_okay=False),
              help="Folder of articles to add to (default: sources/, or STORY/sources).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse articles larger than this many bytes (default 5,000,000).")
@simple_options
def add(files, title, publisher, date_, url, force, story, sources_dir, max_bytes, quiet):
    """Copy article FILEs into the sources folder and record their metadata."""
    from .ingest import DEFAULT_MAX_BYTES
    from .sources import add_articles
    from .story import story_folders
    if story and sources_dir:
        raise UserError("pass --to STORY or --sources-dir, not both")
    folder = story_folders(story, sources_dir).sources
    meta = {"title": title, "publisher": publisher, "date": date_, "url": url}
    done = add_articles(list(files), folder, meta, force=force,
                        max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if not quiet:
        for a in done:
            click.echo(f"duplicate {a.source} (of {a.path}), not copied" if a.status == "duplicate"
                       else f"{a.status:<9} {a.path}")


def story_options(fn):
    """--to STORY, --claims-dir and --reports-dir for the commands that read
    what a check wrote."""
    @click.option("--to", "story", default=None, type=click.Path(file_okay=False), help=TO_HELP)
    @click.option("--claims-dir", default=None, type=click.Path(file_okay=False),
                  help="Where claims.csv is (default: claims/ beside the reports folder).")
    @click.option("--reports-dir", default=None, type=click.Path(file_okay=False),
                  help="Where findings.json and reviews.csv are (default: reports/, or "
                       "STORY/reports).")
    @functools.wraps(fn)
    def wrapper(*args, story, claims_dir, reports_dir, **kwargs):
        from .story import story_folders
        where = story_folders(story, None, claims_dir, reports_dir)
        if reports_dir and not claims_dir and not story:
            where = type(where)(where.sources, Path(reports_dir).parent / "claims", where.reports)
        return fn(*args, where=where, **kwargs)
    return wrapper


@cli.command(epilog=EXAMPLES["review"])
@click.argument("finding_id")
@click.option("--verdict", required=True, type=click.Choice(["confirmed", "explained",
                                                             "dismissed"]),
              help="confirmed: a real discrepancy; explained: the sources differ for a known "
                   "reason; dismissed: not a discrepancy.")
@click.option("--note", default="", help="Why (shown in the reports).")
@click.option("--by", "by", default=None, help="Reviewer's name (default: $USER).")
@report_top_option
@simple_options
@story_options
def review(finding_id, verdict, note, by, report_top, where, quiet):
    """Record an editor's verdict on FINDING_ID in reviews.csv and show it in
    the reports at once (they are rewritten from the last check; no article
    is read again)."""
    from .report import render_again
    from .reviews import add_review, default_reviewer
    row = add_review(where.reports, finding_id.strip(), verdict, note,
                     default_reviewer() if by is None else by)
    render_again(where.reports, where.claims, top=report_top)
    if not quiet:
        click.echo(f"{row['finding_id']} {row['verdict']}: recorded in "
                   f"{where.reports / 'reviews.csv'}; updated report.md, report.html and "
                   "findings.json.")


@cli.command(epilog=EXAMPLES["report"])
@report_top_option
@simple_options
@story_options
def report(report_top, where, quiet):
    """Rewrite report.md, report.html and findings.json from the last check
    with the latest verdicts in reviews.csv (no article is read again)."""
    from .report import render_again
    from .report.markdown import summary_line
    written = render_again(where.reports, where.claims, top=report_top)
    if not quiet:
        import json
        doc = json.loads(written[0].read_text(encoding="utf-8"))
        click.echo(summary_line(doc))
        click.echo("Wrote " + ", ".join(str(p) for p in written))


def main() -> None:  # pragma: no cover
    cli()
