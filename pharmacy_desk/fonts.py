"""The Chinese font the program ships, for Qt and for matplotlib alike.

``resources/fonts`` holds a subset of Noto Sans CJK SC (renamed "… Subset"; SIL Open Font License, made by
``build_spec/subset_font.py``), so every label, receipt, card and chart has its 汉字 on a
machine with no Chinese font of its own. Each toolkit registers it once; neither is
imported here, so the command line starts without them.
"""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.core import paths

FONT_FILE = "NotoSansCJKscSubset-Regular.otf"
FAMILY = "Noto Sans CJK SC Subset"
# A machine's own complete font comes first (it has the rare 汉字 of a name outside GB2312):
# Linux (Noto), Windows (微软雅黑, 宋体), macOS (苹方); the shipped subset where none is installed.
CJK_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "SimSun", FAMILY]


def bundled_font() -> Path:
    return paths.resource("fonts", FONT_FILE)
