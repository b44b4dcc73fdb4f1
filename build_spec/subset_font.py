"""Make the Chinese font the app ships: Noto Sans CJK SC Regular cut down to what it shows.

    python build_spec/subset_font.py [--source NotoSansCJK-Regular.ttc] [--out resources/fonts/…]

The source is the system's Noto Sans CJK collection (Debian's ``fonts-noto-cjk``, SIL Open
Font License 1.1); the subset keeps ASCII and Latin-1, the whole GB2312 character set (the
6,763 common 汉字 with its punctuation and symbols), the CJK and full-width punctuation blocks,
and every character written in the program's own source and translations, so a label added
later is covered when the font is made again. The licence travels beside it (OFL-1.1.txt).
The subset is renamed "Noto Sans CJK SC Subset", so a machine's full Noto Sans CJK SC (which
has every character) is still told apart from it and preferred, and the subset is the fallback.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUT = ROOT / "resources" / "fonts" / "NotoSansCJKscSubset-Regular.otf"
FAMILY = "Noto Sans CJK SC"
SUBSET_FAMILY = "Noto Sans CJK SC Subset"
SUBSET_POSTSCRIPT = "NotoSansCJKscSubset-Regular"

# Blocks kept whole: Latin-1, general punctuation, letter-like symbols and arrows, box drawing,
# CJK symbols and punctuation, full-width forms.
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x21FF), (0x2460, 0x24FF),
          (0x2500, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]


def gb2312_characters() -> set[str]:
    """Every character GB2312 encodes (rows A1–F7, cells A1–FE)."""
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def program_characters() -> set[str]:
    """Every non-ASCII character in the package's source and the translation sources."""
    found: set[str] = set()
    for pattern in ("pharmacy_desk/**/*.py", "resources/i18n/*.ts"):
        for path in ROOT.glob(pattern):
            found.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7F)
    return found


def wanted_characters() -> set[str]:
    chars = gb2312_characters() | program_characters()
    for start, end in RANGES:
        chars.update(chr(code) for code in range(start, end + 1))
    return chars


def sc_font_number(source: Path) -> int:
    """The index of the Simplified Chinese face inside the collection."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(source), lazy=True)
    for number, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == FAMILY:
            return number
    raise SystemExit(f"{source} holds no {FAMILY}")


def rename(font) -> None:
    """Name the subset as its own family (name IDs 1, 3, 4, 6, 16 and the CFF's own names)."""
    names = {1: SUBSET_FAMILY, 3: f"{SUBSET_POSTSCRIPT};subset", 4: SUBSET_FAMILY, 6: SUBSET_POSTSCRIPT,
             16: SUBSET_FAMILY}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [SUBSET_POSTSCRIPT]
        top = cff.topDictIndex[0]
        top.FamilyName = SUBSET_FAMILY
        top.FullName = SUBSET_FAMILY


def main() -> None:
    from fontTools import subset

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    options = subset.Options()
    options.font_number = sc_font_number(args.source) if args.source.suffix.lower() == ".ttc" else 0
    options.layout_features = ["*"]  # vertical forms, full-width punctuation alternates
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # CFF hints are few; the screen rasteriser does well without them
    font = subset.load_font(str(args.source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(wanted_characters())))
    subsetter.subset(font)
    rename(font)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(args.out), options)
    print(f"{args.out.name}: {len(font.getBestCmap())} characters, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
