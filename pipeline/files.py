"""Safe file writing: every output goes to a temporary file in the same
folder and is renamed into place, so an interrupted run never leaves a
half-written file and never loses the previous one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UserError


def ensure_dir(folder: str | Path) -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create output folder {folder} ({exc.strerror}); "
                        "pick another with --claims-dir / --reports-dir") from None
    if not os.access(folder, os.W_OK):
        raise UserError(f"output folder {folder} is not writable; "
                        "fix its permissions or pick another folder")
    return folder


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename."""
    path = Path(path)
    ensure_dir(path.parent)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": encoding,
                                                               "newline": ""})) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
