"""What the bundle leaves out (build_spec/pharmacy_desk.spec) is never needed: the charts, their PDF and
the cards are drawn here with every left-out module made unimportable, as it is in the frozen program.

The frozen program's smoke test finds the same in CI; this finds it without freezing (an
exclusion that pyparsing's import of unittest needed once left the frozen charts broken).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_spec" / "pharmacy_desk.spec"


def spec_list(name: str) -> list[str]:
    """A list of strings assigned at the top of the spec, read without running PyInstaller."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} is not in the spec")


DRAW_EVERYTHING = """
import datetime as dt, json, sys
left_out = json.loads(sys.argv[1])
tried = []

class LeftOut:
    def find_spec(self, name, path=None, target=None):
        if any(name == module or name.startswith(module + ".") for module in left_out):
            tried.append(name)
            raise ModuleNotFoundError(f"No module named {name!r} (left out of the bundle)", name=name)
        return None

sys.meta_path.insert(0, LeftOut())
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pharmacy_desk.core import demo
from pharmacy_desk.core.db import open_database
from pharmacy_desk.core.models import Member, Staff
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.report import build_report
open_database(sys.argv[2], create=True)
demo.generate(members_count=30, months=2, seed=1)
owner = Staff.get(Staff.role == "owner")
report = build_report(Month.of(dt.date.today()), owner)
from pharmacy_desk.charts.figures import CHART_SPECS, save_all_pdf
from pharmacy_desk.ui.charts_window import ChartPage
for spec in CHART_SPECS:
    page = ChartPage(spec)
    page.draw(report)
    page.canvas.draw()
    page.save(sys.argv[3] + ".png")
save_all_pdf(report, sys.argv[3] + ".pdf")
from pharmacy_desk.core import cards
from pharmacy_desk.ui.card_painter import save_pdf
save_pdf(cards.cards_for(None, owner), sys.argv[3] + "-cards.pdf")
print(json.dumps(sorted(set(tried))))
"""


def test_the_charts_their_pdf_and_the_cards_need_nothing_the_bundle_leaves_out(tmp_path):
    left_out = [name for name in spec_list("PYTHON_UNUSED") if name not in ("test",)]
    assert {"ssl", "_hashlib", "numpy.random", "contourpy"} <= set(left_out) and "unittest" not in left_out
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PHARMACY_DESK_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", DRAW_EVERYTHING, json.dumps(left_out), str(tmp_path / "x.sqlite3"),
                           str(tmp_path / "out")], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    tried = json.loads(done.stdout.splitlines()[-1])
    # hashlib falls back to its own SHA code; python-barcode draws its bars without Pillow's fonts
    assert set(tried) <= {"_hashlib", "_ssl", "ssl", "PIL.ImageFont"}, tried
    for name in ("out.png", "out.pdf", "out-cards.pdf"):
        assert (tmp_path / name).stat().st_size > 1000
