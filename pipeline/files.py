"""Safe file writing: every output goes to a temporary file in the same
folder and is renamed into place, so an interrupted run never leaves a
half-written file and never loses the previous one. :func:`locked` keeps two
runs from writing the same folder at once."""
from __future__ import annotations

import csv
import fcntl
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError, warn

LOCK_FILE = ".lock"
#: Seconds a run waits for another run in the same folder before giving up.
DEFAULT_LOCK_TIMEOUT = 120.0
_POLL = 0.2


def ensure_dir(folder: str | Path) -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create output folder {folder} ({exc.strerror}); "
                        "pick another with --claims-dir / --reports-dir") from None
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise UserError(f"output folder {folder} is not writable; "
                        "fix its permissions or pick another folder")
    return folder


def write_atomic(path: str | Path, data: str | bytes | Iterable[str],
                 encoding: str = "utf-8") -> Path:
    """Write ``data`` (text, bytes, or text in pieces, written as they come)
    to ``path`` via a temporary file and an atomic rename."""
    path = Path(path)
    ensure_dir(path.parent)
    mode = "wb" if isinstance(data, bytes) else "w"
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX,
                                   dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": encoding,
                                                               "newline": ""})) as fh:
            if isinstance(data, (str, bytes)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        if isinstance(exc, UnicodeEncodeError):  # a bug upstream, but never half a file
            raise UserError(f"cannot write {path}: it would hold text that is not valid "
                            f"Unicode ({exc.reason}); the previous file is unchanged") from None
        raise
    return path


TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """``.NAME.``: where a file is being written (a long name shortened, so
    the temporary name stays within the file system's 255 bytes)."""
    name = path.name
    while len(name.encode("utf-8", "surrogateescape")) > 120:
        name = name[:-10]
    return f".{name}."


def _mode(path: Path) -> int:
    """The permissions the file had, else what the umask gives a new file
    (mkstemp's own 0600 would hide reports from colleagues)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_error(path: Path, exc: OSError) -> UserError:
    return UserError(f"cannot write {path} ({exc.strerror or exc}); check the folder's "
                     "permissions and free space, the previous file is unchanged")


@contextmanager
def locked(folder: str | Path, timeout: float | None = None) -> Iterator[Path]:
    """Hold ``folder/.lock`` for the duration: a second run in the same folder
    waits (saying so once) up to ``timeout`` seconds, then gives up with a
    UserError. The lock goes with the process, so a killed run never leaves
    the folder locked."""
    folder = ensure_dir(folder)
    timeout = DEFAULT_LOCK_TIMEOUT if timeout is None else timeout
    path = folder / LOCK_FILE
    try:  # never through a symlink: it could point anywhere
        fh = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666), "r+")
    except OSError as exc:
        if path.is_symlink():
            raise UserError(f"{path} is a symbolic link; delete it (claimcheck makes its own "
                            "lock file)") from None
        raise _write_error(path, exc) from None
    try:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UserError(f"another claimcheck run is still using {folder} "
                                    f"(waited {timeout:g}s); wait for it to finish, "
                                    "then run again") from None
                if not told:
                    warn(f"another claimcheck run is using {folder}; waiting for it "
                         f"(up to {timeout:g}s)")
                    told = True
                time.sleep(_POLL)
        yield path
    finally:
        fh.close()  # closing releases the lock


# --- CSV cells -------------------------------------------------------------

#: A cell starting with one of these is a formula to a spreadsheet (OWASP's
#: "CSV injection"): every CSV written here prefixes such a text with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A signed number ("-3.5", "+12%", "-1,200") is data, not a formula: left
#: as it is ("-4.2." or "-1,2,3" is no number: quoted).
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def _formula_like(text: str) -> bool:
    bare = text.lstrip("'")
    return bare[:1] in FORMULA_START and not _PLAIN_NUMBER.fullmatch(bare)


def csv_cell(value):
    """``value`` as a CSV cell a spreadsheet shows as text: a string that
    would start a formula gets a leading ``'`` (and one already quoted so
    gets another, so :func:`csv_value` gives back exactly the string)."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        # a lone carriage return is a line break to csv readers but is not
        # quoted by csv writers with "\n" line ends: write it as "\n" (quoted)
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if _formula_like(value) else value


def csv_value(cell: str) -> str:
    """The string :func:`csv_cell` was given for ``cell``."""
    return cell[1:] if cell.startswith("'") and _formula_like(cell[1:]) else cell


def sweep_temp_files(folder: str | Path, names: tuple[str, ...] = ()) -> int:
    """Delete the temporary files that a killed run left in ``folder``
    (``.NAME.*.tmp`` for each of ``names``, every ``.*.tmp`` when ``names``
    is empty). Call it holding the folder's lock, so that no live run is
    writing them. Returns how many were deleted."""
    folder = Path(folder)
    patterns = [f"{temp_prefix(folder / n)}*{TEMP_SUFFIX}" for n in names] or [f".*{TEMP_SUFFIX}"]
    swept = 0
    for pattern in patterns:
        for path in folder.glob(pattern):
            try:
                if path.is_file() and not path.is_symlink():
                    path.unlink()
                    swept += 1
            except OSError:
                pass  # not ours to delete after all; harmless
    return swept


def read_csv_rows(path: str | Path, columns: tuple[str, ...],
                  required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line number, row) for each row of a CSV file we keep (sources.csv,
    reviews.csv). Anything malformed is a UserError naming the file and line;
    ``columns`` is the header to suggest, ``required`` what must be there."""
    return list(iter_csv_rows(path, columns, required))


def iter_csv_rows(path: str | Path, columns: tuple[str, ...],
                  required: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """:func:`read_csv_rows` one row at a time (a claim table of millions of
    rows is never held whole); the errors come as the rows are read."""
    path = Path(path)
    hint = f"fix it (header: {','.join(columns)}) or delete it"
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh, strict=True)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise UserError(f"{path} lacks the column(s) {', '.join(missing)}; {hint}")
            for row in reader:
                if None in row:
                    raise UserError(f"{path} line {reader.line_num} has more fields than the "
                                    "header; quote values that contain commas")
                yield reader.line_num, {k: csv_value(v or "").strip() for k, v in row.items()}
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text; save it as UTF-8 CSV") from None
    except csv.Error as exc:
        raise UserError(f"{path} is not a readable CSV file ({exc}); {hint}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path} ({exc.strerror}); check its permissions") from None
