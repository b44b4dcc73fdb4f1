"""Pack the frozen Linux app with its menu entry: dist/pharmacy_desk-VERSION-linux-ARCH.tar.gz.

    python build_spec/linux_tarball.py dist/pharmacy_desk

The archive unpacks to one folder holding the program, ``pharmacy_desk.desktop`` (its
``Exec`` filled in by ``install.sh`` with wherever the folder was unpacked), the icon and
``install.sh``. Unpacked onto a USB stick with a ``portable.txt`` beside the program, it
keeps its data there (core/paths.py).
"""

from __future__ import annotations

import platform
import shutil
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pharmacy_desk import APP_NAME, __version__  # noqa: E402


def pack(bundle: Path) -> Path:
    shutil.copy(ROOT / "build_spec" / "pharmacy_desk.desktop", bundle / "pharmacy_desk.desktop")
    shutil.copy(ROOT / "build_spec" / "install-linux.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)
    shutil.copy(ROOT / "resources" / "icons" / "pharmacy_desk.png", bundle / "pharmacy_desk.png")
    folder = f"{APP_NAME}-{__version__}"
    archive = bundle.parent / f"{folder}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=folder)
    return archive


def main() -> None:
    archive = pack(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/pharmacy_desk"))
    print(f"{archive}: {archive.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
