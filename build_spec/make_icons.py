"""Make the raster icons from resources/icons/pharmacy_desk.svg (the one drawing of the icon).

    QT_QPA_PLATFORM=offscreen python build_spec/make_icons.py

Writes pharmacy_desk.png (256 px: the Linux .desktop entry, the window on X11) and
pharmacy_desk.ico (16–256 px: the Windows executable, installer and shortcuts) beside it.
"""

from __future__ import annotations

import io
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "pharmacy_desk.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> None:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    largest = Image.open(io.BytesIO(render(256)))
    largest.save(ICONS / "pharmacy_desk.png")
    largest.save(ICONS / "pharmacy_desk.ico", sizes=[(s, s) for s in SIZES])
    print(f"{ICONS / 'pharmacy_desk.png'}, {ICONS / 'pharmacy_desk.ico'}")


if __name__ == "__main__":
    main()
