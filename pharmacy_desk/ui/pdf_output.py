"""PDF files painted with Qt (member cards, receipts, slips), written so a refusal is worded.

``QPdfWriter`` and a ``QPrinter`` printing to a file open the file themselves: when the
folder refuses it (read-only, a pulled stick, a folder that is not there) they only warn
on the console and paint nothing, and the program would say it saved a file that does
not exist. So the pages are painted into memory, and the bytes written here under
``file_errors``: the refusal is one sentence naming the file, and nothing half written
is left (a temporary name beside the file, put in its place when whole).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from pharmacy_desk.core.errors import WRITE, file_errors

T = TypeVar("T")


def write_pdf(path: str | os.PathLike[str], paint: Callable[[QPdfWriter], T], *, title: str = "") -> T:
    """Paint a PDF with ``paint(writer)`` (which ends its painter) and save it at ``path``; returns what it returned."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("pharmacy_desk")
    result = paint(writer)
    save_bytes(path, bytes(buffer.data().data()))
    return result


def save_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; a refusal is a ``FileProblem`` naming ``path``."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    with file_errors(path, WRITE):
        try:
            partial.write_bytes(data)
            os.replace(partial, path)
        finally:
            if partial.exists():  # only when the write or the rename failed
                partial.unlink()
