"""The windows' language: Simplified Chinese (the source text) or English, chosen by ``ui_language``.

Every visible string of a converted window goes through ``tr`` / ``QCoreApplication.translate``;
the English texts are in ``resources/i18n/pharmacy_desk_en.ts``, built into ``.qm`` by the
set-up (``bash .ci/dev``) and loaded here, with Qt's own translation of its dialogs and
buttons (打开, 取消 …) for the same language. Chinese needs no catalogue of the program's
own: it is what the source says.

Labels that come from the core (the call lists' titles, the export tables' names, the
label of every code in ``core.vocabulary``: payment methods, ledger kinds, genders, roles …)
are translated in the context ``core``; ``build_spec/update_translations.py`` collects them
from the core's declarations, so a new list, export or code is offered for translation too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from pharmacy_desk import APP_TITLE

from pharmacy_desk.core import paths
from pharmacy_desk.core.sentences import Sentence

if TYPE_CHECKING:
    from pharmacy_desk.core.pricing import Bonus

log = logging.getLogger("pharmacy_desk.ui")

DEFAULT_LANGUAGE = "zh_CN"
LOCALES = {"zh_CN": (QLocale.Language.Chinese, QLocale.Country.China),
           "en": (QLocale.Language.English, QLocale.Country.UnitedStates)}
CATALOGUE = "pharmacy_desk"
CORE_CONTEXT = "core"

_installed: list[QTranslator] = []


def catalogue_path(language: str):
    return paths.resource("i18n", f"{CATALOGUE}_{language}.qm")


def qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogue (qtbase_zh_CN.qm) may be: PySide6's folder first (a frozen
    build keeps it there, while QLibraryInfo may name a Qt that was never installed), then Qt's."""
    import PySide6

    return [str(Path(PySide6.__file__).parent / "Qt" / "translations"),
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]


# Labels of Qt's own file dialog that Qt's shipped Chinese catalogue misses: its entries
# were made before the labels gained their "&" shortcuts, so the dialog would say
# "Look in:" and "Files of type:" among Chinese text.
QT_CATALOGUE_GAPS = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    },
}


class _GapTranslator(QTranslator):
    """The few of Qt's own texts its catalogue for the language lacks."""

    def __init__(self, parent: QCoreApplication, texts: dict[tuple[str, str], str]):
        super().__init__(parent)
        self.texts = texts

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return self.texts.get((context, source))

    def isEmpty(self) -> bool:
        return not self.texts


def install(app: QCoreApplication, language: str) -> str:
    """Make ``language`` the windows' language (an unknown one falls back to Chinese); returns it."""
    if language not in LOCALES:
        log.warning("unknown ui_language %r: using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(*LOCALES[language])
    QLocale.setDefault(locale)
    for folder in qt_translation_dirs():
        qt_own = QTranslator(app)
        if qt_own.load(locale, "qtbase", "_", folder):
            _installed.append(qt_own)
            break
    else:
        log.warning("Qt's own translations for %s were not found in %s", language, qt_translation_dirs())
    if language in QT_CATALOGUE_GAPS:
        _installed.append(_GapTranslator(app, QT_CATALOGUE_GAPS[language]))
    if language != DEFAULT_LANGUAGE:
        own = QTranslator(app)
        if own.load(str(catalogue_path(language))):
            _installed.append(own)
        else:
            log.warning("no translation catalogue %s (run the set-up: bash .ci/dev)", catalogue_path(language))
    for translator in _installed:
        app.installTranslator(translator)
    if isinstance(app, QGuiApplication):
        # Qt adds the display name to every window's title: the program's name in the windows' language.
        app.setApplicationDisplayName(core(APP_TITLE))
    return language


def core(text: str, count: int = -1) -> str:
    """A label declared in the core (a list's title, a table's name, a code's label), in the windows' language;
    a template counted with ``%n`` in the form for ``count``.

    A text the core does not declare (a tier or a promotion the owner named) comes back as it is.
    """
    return QCoreApplication.translate(CORE_CONTEXT, text, None, count)


def sentence(said: Sentence | str) -> str:
    """What the core says (a refusal, a warning, a coupon's terms) in the windows' language: the
    template translated in the context ``core``, then filled in, its inner sentences likewise."""
    if isinstance(said, Sentence):
        return said.render(core)
    return core(said)


def listed(parts: Iterable[str]) -> str:
    """Items in a sentence: 、 between them in Chinese, a comma in English."""
    return QCoreApplication.translate("i18n", "、").join(parts)


def spaced(parts: Iterable[str]) -> str:
    """Figures side by side on one line: an ideographic space in Chinese, a separator in English."""
    return QCoreApplication.translate("i18n", "　").join(parts)


def bonuses(items: Sequence[Bonus]) -> str:
    """"VIP会员×1.5、生日月×2" in the windows' language (``pricing.describe_bonuses`` for the screen)."""
    from pharmacy_desk.core.pricing import format_factor  # the till's, loaded after the first window

    return listed(f"{core(bonus.label)}{format_factor(bonus.factor)}" for bonus in items)
