"""Screenshots of the windows, in Chinese and in English, as a machine without Chinese fonts shows them.

    xvfb-run -s "-screen 0 1366x768x24" python build_spec/screenshots.py OUT_FOLDER

Run on a virtual screen (Xvfb, 1366×768) with ``FONTCONFIG_FILE`` pointing at a fontconfig
file that sees no Chinese font (tests/fonts_helpers.py writes one), so every 汉字 shown is
drawn by the font the program ships. Opens the demo database as its owner, shows the
counter with a member, the member's details and the call lists, and saves the whole
screen (ImageMagick's ``import -window root``) after each: zh_CN-*.png and en-*.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def shoot(app, path: Path) -> None:
    for _ in range(20):
        app.processEvents()
    subprocess.run(["import", "-window", "root", str(path)], check=True)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QThreadPool

    from pharmacy_desk.core import demo, paths
    from pharmacy_desk.core.db import open_database
    from pharmacy_desk.core.models import Member, Staff
    from pharmacy_desk.ui import i18n
    from pharmacy_desk.ui.app import main_title, make_application

    database = paths.demo_database_path()
    open_database(database)
    if not Member.select().exists():
        demo.generate(members_count=300, months=12, seed=1)
    owner = Staff.select().where(Staff.role == "owner").order_by(Staff.id).first()
    member = Member.select().order_by(Member.id).first()
    app = make_application()
    for language in ("zh_CN", "en"):
        i18n.install(app, language)
        from pharmacy_desk.ui.main_window import MainWindow
        from pharmacy_desk.ui.session import Session

        window = MainWindow(Session(owner), main_title(database, demo=True))
        window.show()
        window.counter.show_member(member.id)
        shoot(app, out / f"{language}-counter.png")
        detail = window.open_member_detail()
        shoot(app, out / f"{language}-member.png")
        detail.close()
        window.open_lists()
        QThreadPool.globalInstance().waitForDone(10_000)
        shoot(app, out / f"{language}-lists.png")
        for other in app.topLevelWidgets():
            other.close()
        window.deleteLater()
        app.processEvents()
    QThreadPool.globalInstance().waitForDone(10_000)
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    os._exit(0)  # the windows' database connection goes with the process


if __name__ == "__main__":
    main()
