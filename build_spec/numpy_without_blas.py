"""numpy built without a BLAS, for the frozen app only: prints the folder to freeze it from.

    python build_spec/numpy_without_blas.py          # → build/bundle-site

matplotlib needs numpy, but only for small arrays (a chart's points, 3 × 3 transforms):
never BLAS speed. numpy's wheels link OpenBLAS for every CPU kind there is, with
gfortran and quadmath, 26 MB of the 175 MB bundle. This builds the numpy version installed
here from its source with numpy's own loops in place of BLAS and LAPACK (``-Dblas=none
-Dlapack=none``; ``numpy.linalg`` keeps its bundled lapack_lite), once: the wheel is kept in
``build/wheels/``. It is installed into ``build/bundle-site/``, which PyInstaller searches
first (``PYTHONPATH``); the development environment keeps the wheel it has.

Needs a C and C++ compiler and Python's headers (``.ci/dev package`` installs them); meson,
ninja and Cython come from the package index into pip's build environment. Exits 1, saying
why, when the build fails: the bundle is then frozen with the wheel's numpy.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEELS = ROOT / "build" / "wheels"
SITE = ROOT / "build" / "bundle-site"
NO_BLAS = ("-Csetup-args=-Dblas=none", "-Csetup-args=-Dlapack=none", "-Csetup-args=-Dallow-noblas=true")


def installed(site: Path, version: str) -> bool:
    return any(site.glob(f"numpy-{version}.dist-info"))


def bundle_site() -> Path:
    """The folder holding the BLAS-free numpy of the installed version, built and installed if need be."""
    version = metadata.version("numpy")
    if installed(SITE, version):
        return SITE
    wheels = sorted(WHEELS.glob(f"numpy-{version}-*.whl"))
    if not wheels:
        print(f"building numpy {version} without BLAS (a few minutes, once)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-binary", "numpy",
                        f"numpy=={version}", "-w", str(WHEELS), *NO_BLAS], check=True, stdout=sys.stderr)
        wheels = sorted(WHEELS.glob(f"numpy-{version}-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--upgrade", "--target",
                    str(SITE), str(wheels[-1])], check=True, stdout=sys.stderr)
    check = subprocess.run([sys.executable, "-c", "import numpy, sys; sys.exit(numpy.show_config('dicts')"
                            "['Build Dependencies']['blas']['name'] != 'none')"],
                           env={"PYTHONPATH": str(SITE), "PATH": ""}, capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"the numpy in {SITE} is not the one without BLAS: {check.stderr.strip()}")
    return SITE


def main() -> int:
    try:
        print(bundle_site())
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"numpy without BLAS could not be built ({error}); the bundle keeps the wheel's numpy",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
