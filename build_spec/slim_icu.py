"""Cut the bundle's ICU data down to the languages the app speaks (Linux): 32 MB → about 15 MB.

    python build_spec/slim_icu.py dist/pharmacy_desk

Qt's wheels link ICU, whose data library (``libicudata.so.NN``) holds every locale of the
world. Qt uses it for text conversion, case mapping and collation; the app speaks Chinese
and English. This takes the data out of the bundled library, removes the locale files
(names, currencies, units, collation, number spelling …) of every other language with
ICU's own ``icupkg`` — never an item that a kept one depends on — and builds a library of
the same name and symbol around what is left. The character data, the converters and the
root locale stay whole.

Needs ``icupkg`` (Debian: icu-devtools) and a C compiler; ``.ci/dev package`` installs them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LANGUAGES = ("en", "zh", "root", "res", "pool")
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
DEPENDS = re.compile(r"Item (\S+) depends on missing item (\S+)")


def _language(item: str) -> str:
    return item.rsplit("/", 1)[-1].split(".")[0].split("_")[0]


def _unwanted(items: list[str]) -> set[str]:
    """Locale files of other languages, and word-break dictionaries of scripts the app never shows."""
    drop = set()
    for item in items:
        name = item.rsplit("/", 1)[-1]
        if LOCALE_FILE.match(name) and _language(item) not in KEPT_LANGUAGES:
            drop.add(item)
        elif name.endswith(".dict") and not name.startswith("cjdict"):
            drop.add(item)
    return drop


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the data blob inside the library."""
    symbols = subprocess.run(["readelf", "-Ws", str(library)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+DEFAULT\s+\d+\s+(icudt\d+_dat)", symbols)
    if match is None:
        raise SystemExit(f"{library}: no icudtNN_dat symbol")
    address, size, symbol = int(match[1], 16), int(match[2], 0), match[3]
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True).stdout
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if rodata is None:
        raise SystemExit(f"{library}: no .rodata section")
    return symbol, address - int(rodata[1], 16) + int(rodata[2], 16), size


def slim(library: Path) -> tuple[int, int]:
    """Replace ``library`` by its slimmed copy; returns (bytes before, bytes after)."""
    symbol, offset, size = _data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the little-endian package name
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        full = work / f"{package}.dat"
        with library.open("rb") as source:
            source.seek(offset)
            full.write_bytes(source.read(size))
        items = subprocess.run(["icupkg", "-l", full.name], cwd=work, capture_output=True, text=True,
                               check=True).stdout.split()
        drop = _unwanted(items)
        slimmed = work / "slim.dat"
        for _round in range(50):
            (work / "drop.txt").write_text("\n".join(sorted(drop)) + "\n", encoding="utf-8")
            slimmed.unlink(missing_ok=True)
            done = subprocess.run(["icupkg", "-r", "drop.txt", full.name, slimmed.name], cwd=work,
                                  capture_output=True, text=True)
            broken = DEPENDS.findall(done.stdout + done.stderr)
            if not broken and slimmed.is_file():
                break
            for item, missing in broken:  # keep what a kept item needs; drop what needs a dropped one
                if _language(item) in KEPT_LANGUAGES:
                    drop.discard(missing)
                else:
                    drop.add(item)
        else:
            raise SystemExit("icupkg kept refusing the item list")
        assembly = work / "data.S"
        assembly.write_text(f""".section .note.GNU-stack,"",@progbits
.section .rodata
.globl {symbol}
.type {symbol}, @object
.balign 16
{symbol}:
.incbin "{slimmed}"
.size {symbol}, . - {symbol}
""", encoding="utf-8")
        built = work / library.name
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built),
                        str(assembly)], check=True)
        library.write_bytes(built.read_bytes())
    return before, library.stat().st_size


def main() -> None:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/pharmacy_desk")
    libraries = [path for path in bundle.rglob("libicudata.so.*") if not path.is_symlink()]
    if not libraries:
        raise SystemExit(f"no libicudata in {bundle}")
    for library in libraries:
        before, after = slim(library)
        print(f"{library.relative_to(bundle)}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
