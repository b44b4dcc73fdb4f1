"""A machine without Chinese fonts, for the font tests and the screenshots: a fontconfig file."""

from __future__ import annotations

from pathlib import Path

# Latin-only folders of a Debian machine (DejaVu); whatever else is installed is left out.
LATIN_FONT_DIRS = ["/usr/share/fonts/truetype/dejavu"]


def fontconfig_without_cjk(folder: Path) -> Path:
    """Write a fonts.conf that sees only Latin fonts; point FONTCONFIG_FILE at it."""
    cache = folder / "fontconfig-cache"
    cache.mkdir(parents=True, exist_ok=True)
    dirs = "\n".join(f"  <dir>{d}</dir>" for d in LATIN_FONT_DIRS)
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
{dirs}
  <cachedir>{cache}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return conf
