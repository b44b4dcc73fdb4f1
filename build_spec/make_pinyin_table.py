"""Write pharmacy_desk/core/pinyin_table.txt from the installed pypinyin (run after upgrading it).

    python build_spec/make_pinyin_table.py

The table is what ``core/pinyin_initials.py`` reads names with instead of loading
pypinyin's dictionaries; tests/test_pinyin_initials.py fails when it no longer
matches the installed pypinyin.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "pharmacy_desk" / "core" / "pinyin_table.txt"


def render(initials: str, words: list[str], version: str) -> str:
    """The table file: the version, the initials, the words (plain data, read by ``read_table``)."""
    return f"pypinyin {version}\n{initials}\n{' '.join(words)}\n"


def main() -> int:
    import pypinyin

    from pharmacy_desk.core.pinyin_initials import build_table

    initials, words = build_table()
    TARGET.write_text(render(initials, words, pypinyin.__version__), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(initials)} characters, {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
