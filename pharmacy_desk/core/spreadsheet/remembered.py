"""Column mappings remembered for the next file of the same shape (the same header).

A pharmacy's register exports the same columns every time: once the owner has said
which column is which, the next export is read the same way, from the wizard or the
command line. Kept beside the database as a small JSON file, keyed by the header's
signature (``Layout.signature``); a list without a header has no shape to remember.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pharmacy_desk.core import paths

FILE_NAME = "import_mappings.json"


def _path() -> Path:
    return paths.base_dir() / FILE_NAME


def load() -> dict[str, dict[int, str]]:
    """Signature → column → field; empty when nothing was remembered or the file is unreadable."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {signature: {int(column): target for column, target in mapping.items()}
            for signature, mapping in data.items() if isinstance(mapping, dict)}


def remember(signature: str, mapping: dict[int, str]) -> None:
    """Keep ``mapping`` for headers of ``signature``; written whole, so a crash leaves the old file."""
    stored = load()
    stored[signature] = {column: target for column, target in mapping.items() if target}
    path = _path()
    temporary = path.with_name(path.name + ".tmp")
    text = json.dumps({s: {str(c): t for c, t in m.items()} for s, m in stored.items()}, ensure_ascii=False)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
