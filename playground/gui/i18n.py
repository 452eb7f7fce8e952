"""The window's language: English, or Chinese (zh_CN), by Qt's own machinery.

Every text the window shows goes through ``tr()`` (or ``QCoreApplication.translate`` with a
context, for texts kept in tables); ``pyside6-lupdate`` collects them into
``resources/i18n/playground_zh_CN.ts``, ``pyside6-lrelease`` compiles that to the ``.qm`` the
app loads with a ``QTranslator`` at start. The language follows the system locale unless View ›
Language chose one (remembered in the settings); a change applies at the next start. Qt's own
dialogs (OK, Cancel, file dialogs) speak it too, through Qt's ``qtbase`` translations.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from playground.gui.settings import Settings
from playground.paths import resources_dir
from playground.phrase import Phrase

LANGUAGES = {"system": "System language", "en": "English", "zh_CN": "中文（简体）"}
SETTING = "language"
_installed: list[QTranslator] = []  # kept alive: Qt does not own an installed translator


def chosen(settings: Settings) -> str:
    """The language to use: the setting when one was chosen, else the system locale's."""
    value = settings.choice(SETTING, list(LANGUAGES), "system")
    if value in ("en", "zh_CN"):
        return value
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def qm_path(language: str) -> str:
    return str(resources_dir() / "i18n" / f"playground_{language}.qm")


def install(language: str) -> bool:
    """Load ``language``'s translations into the application; False when there are none (or
    it is English, the source language)."""
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return False
    ours, qt = QTranslator(), QTranslator()
    if not ours.load(qm_path(language)):
        return False
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return True


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def say(text: Phrase | str) -> str:
    """A sentence of the core in the window's language (a plain str is shown as it is)."""
    return text.render(translate) if isinstance(text, Phrase) else text


def error_text(error: BaseException) -> str:
    """An exception's message in the window's language: the core's file errors carry a Phrase
    (``says``); any other says what Python says."""
    says = getattr(error, "says", None)
    return say(says) if isinstance(says, Phrase | str) else str(error)


def add_language_menu(menu: QMenu, settings: Settings, tell: Callable[[str], None]) -> QMenu:
    """View › Language: the choices, the current one checked; a choice is remembered and
    applies at the next start (``tell`` says so)."""
    sub = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    sub.setObjectName("languageMenu")
    group = QActionGroup(sub)
    current = settings.choice(SETTING, list(LANGUAGES), "system")
    for key, name in LANGUAGES.items():
        label = QCoreApplication.translate("Language", "System language") if key == "system" \
            else name
        act = sub.addAction(label)
        act.setCheckable(True)
        act.setChecked(key == current)
        act.setData(key)
        group.addAction(act)
        act.triggered.connect(lambda _=False, k=key: _choose(settings, k, tell))
    sub.setEnabled(settings.stored)  # nowhere to remember it (tests, screenshots)
    return sub


def _choose(settings: Settings, key: str, tell: Callable[[str], None]) -> None:
    if not settings.stored:
        return
    settings.set(SETTING, key)
    tell(QCoreApplication.translate("Language", "The language changes when the playground "
                                    "starts again."))
