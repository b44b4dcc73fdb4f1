"""Bring resources/i18n/pharmacy_desk_en.ts up to date with the windows' source (pyside6-lupdate).

    python build_spec/update_translations.py

Reads the translated windows (``TRANSLATED`` below; the rest of the windows are converted in
a later pass, see tests/test_translations.py) and the labels the core declares for them (the
call lists' titles, the export tables' names), which are offered in the context ``core``.
Existing English texts are kept; a new source text appears unfinished, for Qt Linguist or
an editor. ``bash .ci/dev`` builds the ``.qm`` the program loads.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CATALOGUE = ROOT / "resources" / "i18n" / "pharmacy_desk_en.ts"
TRANSLATED = [
    "pharmacy_desk/ui/card_actions.py",
    "pharmacy_desk/ui/export_menu.py",
    "pharmacy_desk/ui/lists_window.py",
    "pharmacy_desk/ui/member_detail.py",
    "pharmacy_desk/ui/member_tabs.py",
    "pharmacy_desk/ui/receipt.py",
]


def core_labels() -> list[str]:
    """The core's own labels that the translated windows show."""
    from pharmacy_desk.core.call_lists import LISTS
    from pharmacy_desk.core.spreadsheet.tables import EXPORTS

    return [*(item.title for item in LISTS), *(title for title, _export in EXPORTS.values())]


def update(catalogue: Path = CATALOGUE) -> str:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    with tempfile.TemporaryDirectory() as folder:
        labels = Path(folder) / "core_labels.py"
        labels.write_text("from PySide6.QtCore import QT_TRANSLATE_NOOP\n" + "".join(
            f"QT_TRANSLATE_NOOP({'core'!r}, {label!r})\n" for label in core_labels()), encoding="utf-8")
        done = subprocess.run([str(lupdate), "-locations", "none", "-no-obsolete", "-source-language", "zh_CN",
                               "-target-language", "en", *(str(ROOT / f) for f in TRANSLATED), str(labels),
                               "-ts", str(catalogue)], capture_output=True, text=True, check=True)
    return done.stdout


if __name__ == "__main__":
    print(update())
