"""Bring resources/i18n/pharmacy_desk_en.ts up to date with the windows' source (pyside6-lupdate).

    python build_spec/update_translations.py
    python build_spec/update_translations.py --fill-from OTHER.ts

Reads every module of ``pharmacy_desk/ui``, ``pharmacy_desk/charts`` and ``pharmacy_desk/core``
(lupdate takes what goes through ``tr`` / ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP``;
the core's sentences are marked with ``core.sentences.QT_TRANSLATE_NOOP("core", …)``) and the
labels the core declares for the windows (the call lists' titles, the export tables' names, every
vocabulary code's label, call outcomes and refund ways, the declared settings' labels, help
and units, the campaigns, the import fields, the report's figures), offered in the context
``core``.
Existing English texts are kept; a new source text appears unfinished, for Qt Linguist or
an editor. ``--fill-from`` then takes the English of every still unfinished text from
another catalogue with the same context and source, which is how two branches that each
translated their own windows are brought together. ``bash .ci/dev`` builds the ``.qm``
the program loads.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape as xml_escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CATALOGUE = ROOT / "resources" / "i18n" / "pharmacy_desk_en.ts"
SOURCES = ROOT / "pharmacy_desk" / "ui"
CHARTS = ROOT / "pharmacy_desk" / "charts"  # the charts' own texts, marked for the catalogue
CORE = ROOT / "pharmacy_desk" / "core"  # the core's sentences, marked for the catalogue


def _setting_labels() -> list[str]:
    """What the settings window and the setup's rule review show of each declared setting: its
    group, label, help and unit, the words of its allowed values, and the review's own phrases."""
    from pharmacy_desk.core import rule_review
    from pharmacy_desk.core.setting_declarations import DECLARATIONS
    from pharmacy_desk.core.setting_types import Choice, Folder, Text

    labels: list[str] = []
    for declaration in (d for d in DECLARATIONS if not d.internal):
        kind = declaration.type
        labels += [declaration.group, declaration.label, declaration.help, kind.unit or ""]
        labels += [kind.allowed] if isinstance(kind, Text) else []
        labels += [kind.empty_means] if isinstance(kind, Folder) else []
        labels += [shown for _value, shown in kind.choices] if isinstance(kind, Choice) else []
    return labels + list(rule_review.PHRASES)


def _vocabularies() -> list[type]:
    """Every kind of code ``core.vocabulary`` declares (each ``Vocabulary`` subclass, however deep)."""
    from pharmacy_desk.core.vocabulary import Vocabulary

    found: list[type] = []
    pending = list(Vocabulary.__subclasses__())
    while pending:
        kind = pending.pop(0)
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return found


def core_labels() -> list[str]:
    """The core's own labels that the translated windows show: the program's name, lists, exports, call outcomes, refund
    ways, the history's statuses, every code's label, the settings, the campaigns, the fields a
    legacy list's columns are imported as, and the monthly report's figures, segments and age bands."""
    from pharmacy_desk import APP_TITLE
    from pharmacy_desk.core.call_lists import LISTS
    from pharmacy_desk.core.campaigns import CAMPAIGNS
    from pharmacy_desk.core.contacts import OUTCOMES
    from pharmacy_desk.core.history import STATUSES
    from pharmacy_desk.core.reports.definitions import CHARTS as CHART_DEFINITIONS, FIGURES as REPORT_FIGURES
    from pharmacy_desk.core.reports.mix import AGE_BANDS, UNKNOWN_AGE
    from pharmacy_desk.core.reports.rfm import SEGMENTS
    from pharmacy_desk.core.slips import OTHER_REFUND_WAY, REFUND_WAY
    from pharmacy_desk.core.spreadsheet.columns import FIELDS
    from pharmacy_desk.core.spreadsheet.tables import EXPORTS

    labels = [APP_TITLE, *(item.title for item in LISTS), *(title for title, _export in EXPORTS.values()),
              *(member.label for kind in _vocabularies() for member in kind), *OUTCOMES,
              *REFUND_WAY.values(), OTHER_REFUND_WAY, *STATUSES, *_setting_labels(),
              *(text for campaign in CAMPAIGNS for text in (campaign.title, campaign.explanation)),
              *FIELDS.values(),
              *(text for d in [*REPORT_FIGURES.values(), *CHART_DEFINITIONS.values()] for text in (d.name, d.text)),
              *SEGMENTS.values(), *(label for label, _low, _high in AGE_BANDS), UNKNOWN_AGE]
    return list(dict.fromkeys(label for label in labels if label and label != "%"))


def sources() -> list[Path]:
    """Every module of the windows, of the charts they draw and of the core whose sentences they show."""
    return [*sorted(SOURCES.rglob("*.py")), *sorted(CHARTS.rglob("*.py")), *sorted(CORE.rglob("*.py"))]


def update(catalogue: Path = CATALOGUE) -> str:
    counted = _counted_forms(catalogue) if catalogue.exists() else {}
    output = _lupdate(catalogue)
    _keep_counted(catalogue, counted)
    return output


def _lupdate(catalogue: Path) -> str:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    with tempfile.TemporaryDirectory() as folder:
        labels = Path(folder) / "core_labels.py"
        labels.write_text("from PySide6.QtCore import QT_TRANSLATE_NOOP\n" + "".join(
            f"QT_TRANSLATE_NOOP({'core'!r}, {label!r})\n" for label in core_labels()), encoding="utf-8")
        done = subprocess.run([str(lupdate), "-locations", "none", "-no-obsolete", "-source-language", "zh_CN",
                               "-target-language", "en", *(str(f) for f in sources()), str(labels),
                               "-ts", str(catalogue)], capture_output=True, text=True, check=True)
    return done.stdout


def forms(translation: ET.Element) -> list[str]:
    """A translation's texts: its one text, or each number form of a text counted with ``%n``
    (``tr("…%n…", "", n)``: one form for 1 and one for other numbers in English)."""
    numerus = translation.findall("numerusform")
    return [form.text or "" for form in numerus] if numerus else [translation.text or ""]


def _counted_forms(catalogue: Path) -> dict[tuple[str, str], list[str]]:
    """The number forms of every counted text of ``catalogue``."""
    found = {}
    for context in ET.parse(catalogue).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = forms(translation)
    return found


_CONTEXT = re.compile(r"<context>.*?</context>", re.S)
_UNCOUNTED = re.compile(r"(?P<indent> *)<message>\n(?P<inner> *)<source>(?P<source>[^<]*%n[^<]*)</source>\n"
                        r" *<translation[^>]*>[^<]*</translation>\n")
ENGLISH_FORMS = 2  # one for 1, one for every other number


def _keep_counted(catalogue: Path, counted: dict[tuple[str, str], list[str]]) -> None:
    """Keep every text holding ``%n`` counted, with the number forms it had.

    lupdate counts a text only when it is written ``self.tr(text, "", n)``; the core's templates
    (``QT_TRANSLATE_NOOP``) and ``QCoreApplication.translate(context, text, None, n)`` are counted
    at run time just the same, but lupdate writes them as one text and drops their forms. So
    after lupdate, every such message is written back counted, in lupdate's own layout.
    """
    def message(match: re.Match[str], context: str) -> str:
        indent, inner = match["indent"], match["inner"]
        source = html.unescape(match["source"])
        texts = counted.get((context, source), [])
        finished = len(texts) == ENGLISH_FORMS and all(texts)
        texts = texts if finished else [""] * ENGLISH_FORMS
        state = "" if finished else ' type="unfinished"'
        lines = [f'{indent}<message numerus="yes">', f"{inner}<source>{match['source']}</source>",
                 f"{inner}<translation{state}>",
                 *(f"{inner}    <numerusform>{_escaped(text)}</numerusform>" for text in texts),
                 f"{inner}</translation>"]
        return "\n".join(lines) + "\n"

    def in_context(block: re.Match[str]) -> str:
        name = html.unescape(re.search(r"<name>([^<]*)</name>", block[0])[1])
        return _UNCOUNTED.sub(lambda found: message(found, name), block[0])

    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(_CONTEXT.sub(in_context, text), encoding="utf-8")


def _escaped(text: str) -> str:
    return xml_escape(text, {'"': "&quot;", "'": "&apos;"})


def _english(catalogue: Path) -> dict[tuple[str, str], list[str]]:
    tree = ET.parse(catalogue)
    found = {}
    for context in tree.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and all(forms(translation)) and translation.get("type") is None:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = forms(translation)
    return found


def fill_from(other: Path, catalogue: Path = CATALOGUE) -> int:
    """Give every unfinished text of ``catalogue`` the English ``other`` has for it; how many."""
    known = _english(other)
    tree = ET.parse(catalogue)
    filled = 0
    for context in tree.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (context.findtext("name") or "", message.findtext("source") or "")
            if translation is None or translation.get("type") != "unfinished" or key not in known:
                continue
            numerus = translation.findall("numerusform")
            if len(numerus) != (len(known[key]) if len(known[key]) > 1 else 0):
                continue  # counted in one catalogue and not in the other: written afresh
            for form, text in zip(numerus or [translation], known[key]):
                form.text = text
            del translation.attrib["type"]
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    catalogue.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Update the English catalogue from the windows' source.")
    parser.add_argument("--fill-from", type=Path, help="take unfinished texts' English from this catalogue")
    arguments = parser.parse_args()
    print(update())
    if arguments.fill_from:
        print(f"filled {fill_from(arguments.fill_from)} texts from {arguments.fill_from}")
        print(update())
