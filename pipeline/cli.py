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
    @click.option("--verbose", "-v", is_flag=True, help="Show tracebacks on errors.")
    @functools.wraps(fn)
    def wrapper(*args, quiet, verbose, **kwargs):
        return _guarded(fn, verbose, *args, quiet=quiet, **kwargs)
    return wrapper


#: Exit code after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def _guarded(fn, verbose, *args, quiet, **kwargs):
    """Run a command: warnings to stderr (none with --quiet); bad input or
    an unusable file is one ``Error: ...`` line and exit 2; a reader that
    stopped reading (``| head``) ends it quietly; Ctrl-C exits 130."""
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
        if verbose:
            raise
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


def simple_options(fn):
    """--quiet and --verbose for commands that read no articles in bulk."""
    @click.option("--quiet", "-q", is_flag=True, help="No messages or warnings.")
    @click.option("--verbose", "-v", is_flag=True, help="Show tracebacks on errors.")
    @functools.wraps(fn)
    def wrapper(*args, quiet, verbose, **kwargs):
        return _guarded(fn, verbose, *args, quiet=quiet, **kwargs)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli():
    """Find where news articles disagree about the same numbers, and why."""


@cli.command()
@click.argument("sources_dir", default="sources", type=click.Path(file_okay=False))
@click.option("--claims-dir", default="claims", show_default=True, type=click.Path(file_okay=False),
              help="Where claims.csv goes.")
@click.option("--reports-dir", default="reports", show_default=True, type=click.Path(file_okay=False),
              help="Where findings.json, report.md and report.html go.")
@click.option("--model", default=None, help="spaCy model name (default: en_core_web_sm).")
@click.option("--fail-on", type=click.Choice(["never", "conflict"]), default="never",
              show_default=True, help="Exit 1 when unreviewed conflicts remain.")
@common_options
def check(sources_dir, claims_dir, reports_dir, model, fail_on, jobs, max_bytes, quiet):
    """Check every article in SOURCES_DIR and write the claim table and reports."""
    from .run import run_check
    started = time.perf_counter()
    result = run_check(Path(sources_dir), Path(claims_dir), Path(reports_dir), model=model,
                       jobs=jobs, max_bytes=max_bytes, quiet=quiet)
    doc = result.document
    conflicts = [f for f in doc["findings"] if f["type"] == "conflict"]
    open_conflicts = [f for f in conflicts if not f.get("review")]
    code = 1 if fail_on == "conflict" and open_conflicts else 0
    if not quiet:
        from .report.markdown import summary_line
        try:
            click.echo(summary_line(doc))
            for f in conflicts:
                click.echo(f"  {f['finding_id']}  {f['severity']:<6} {f['cause']:<16} "
                           f"{f['subject']} / {f['metric']} / {f['period']}")
            click.echo(f"Wrote {Path(claims_dir) / 'claims.csv'}, "
                       f"{Path(reports_dir) / 'findings.json'}, "
                       f"report.md, report.html in {time.perf_counter() - started:.1f}s")
        except BrokenPipeError:
            _silence_stdout()  # the files are written; the summary's reader is gone (| head)
    if code:
        sys.exit(code)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["csv", "json", "jsonl", "parquet"]),
              default="csv", show_default=True,
              help="Output format (parquet needs pyarrow and -o FILE or a redirect).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE instead of stdout.")
@click.option("--model", default=None, help="spaCy model name (default: en_core_web_sm).")
@common_options
def extract(paths, fmt, output, model, jobs, max_bytes, quiet):
    """Print the claim table for the given files ('-' reads stdin)."""
    from . import ingest
    from .api import claims_frame, read_claims
    from .files import write_atomic
    from .report.table import FORMATS
    limit = max_bytes or ingest.DEFAULT_MAX_BYTES
    articles = []
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            articles.append(ingest.make_article(ingest.decode(data, "<stdin>"), "stdin"))
        else:
            articles.append(ingest.read_article(p, max_bytes=limit))
    if fmt == "parquet" and not output and sys.stdout.isatty():
        raise UserError("parquet is binary; pass -o FILE or redirect standard output to a file")
    claims = read_claims(articles, model, jobs=jobs, progress=not quiet)
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


@cli.command()
@click.option("--sqlite", "db_path", required=True, type=click.Path(dir_okay=False),
              help="The SQLite database to write (replaces only a database an export wrote).")
@click.option("--claims-dir", default="claims", show_default=True,
              type=click.Path(file_okay=False), help="Where claims.csv is.")
@click.option("--reports-dir", default="reports", show_default=True,
              type=click.Path(file_okay=False), help="Where findings.json and reviews.csv are.")
@click.option("--sources-dir", default="sources", show_default=True,
              type=click.Path(file_okay=False), help="Where sources.csv is.")
@click.option("--metadata", "metadata_path", default=None, type=click.Path(dir_okay=False),
              help="datasette metadata file to write (default: NAME.metadata.json beside "
                   "NAME.db).")
@click.option("--force", is_flag=True,
              help="Replace FILE or the metadata file even if an export did not write it.")
@common_options
def export(db_path, claims_dir, reports_dir, sources_dir, metadata_path, force, jobs, max_bytes,
           quiet):
    """Write sources, claims, findings and reviews to a SQLite database, with a
    datasette metadata file beside it (datasette claims.db -m claims.metadata.json)."""
    from .export import export_sqlite
    counts = export_sqlite(db_path, claims_dir, reports_dir, sources_dir, metadata_path,
                           force=force)
    if not quiet:
        click.echo(f"Wrote {db_path}: {counts['sources']} sources, {counts['claims']} claims, "
                   f"{counts['findings']} findings, {counts['reviews']} reviews; "
                   f"metadata in {counts['metadata']}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--title", default="", help="Headline (recorded for every FILE).")
@click.option("--publisher", default="", help="Who published it.")
@click.option("--date", "date_", default="", metavar="YYYY-MM-DD", help="Publication date.")
@click.option("--url", default="", help="Where it was published.")
@click.option("--force", is_flag=True, help="Replace a different file of the same name.")
@click.option("--sources-dir", default="sources", show_default=True,
              type=click.Path(file_okay=False), help="Folder of articles to add to.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse articles larger than this many bytes (default 5,000,000).")
@simple_options
def add(files, title, publisher, date_, url, force, sources_dir, max_bytes, quiet):
    """Copy article FILEs into the sources folder and record their metadata."""
    from .ingest import DEFAULT_MAX_BYTES
    from .sources import add_articles
    meta = {"title": title, "publisher": publisher, "date": date_, "url": url}
    done = add_articles(list(files), sources_dir, meta, force=force,
                        max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if not quiet:
        for a in done:
            click.echo(f"duplicate {a.source} (of {a.path}), not copied" if a.status == "duplicate"
                       else f"{a.status:<9} {a.path}")


@cli.command()
@click.argument("finding_id")
@click.option("--verdict", required=True, type=click.Choice(["confirmed", "explained",
                                                             "dismissed"]),
              help="confirmed: a real discrepancy; explained: the sources differ for a known "
                   "reason; dismissed: not a discrepancy.")
@click.option("--note", default="", help="Why (shown in the reports).")
@click.option("--by", "by", default=None, help="Reviewer's name (default: $USER).")
@click.option("--reports-dir", default="reports", show_default=True,
              type=click.Path(file_okay=False), help="Where findings.json and reviews.csv are.")
@simple_options
def review(finding_id, verdict, note, by, reports_dir, quiet):
    """Record an editor's verdict on FINDING_ID in reviews.csv."""
    from .reviews import add_review, default_reviewer
    row = add_review(reports_dir, finding_id.strip(), verdict, note,
                     default_reviewer() if by is None else by)
    if not quiet:
        click.echo(f"{row['finding_id']} {row['verdict']}: recorded in "
                   f"{Path(reports_dir) / 'reviews.csv'}; the next check shows it.")


def main() -> None:  # pragma: no cover
    cli()
