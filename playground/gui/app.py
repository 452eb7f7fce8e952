"""Starting the app: ``playground`` with no subcommand, or with ``--screenshot``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from playground.experiment import PRESETS
from playground.gui.i18n import chosen, install
from playground.gui.settings import Settings
from playground.teach.lab import LAB_PRESETS

STYLE = """
QLabel#caption { color: #555; }
QLabel#epochLabel { font-size: 15px; font-weight: 600; color: #222; }
QGroupBox { font-weight: 600; margin-top: 14px; }
QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 3px; }
QPushButton#trainButton { font-weight: 600; }
"""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="playground", description="The neural-network playground.")
    p.add_argument("--screenshot", metavar="FILE", help="train, save a PNG of the window, exit")
    p.add_argument("--preset", choices=sorted(PRESETS), default=None,
                   help="start with this example")
    p.add_argument("--lab", choices=sorted(LAB_PRESETS), default=None,
                   help="open a bug-lab preset (a seed's failing network)")
    p.add_argument("--fixed", action="store_true", help="with --lab: the preset fixed")
    p.add_argument("--open", metavar="LINK", default=None,
                   help="open a TensorFlow Playground link (quote it: it holds &)")
    p.add_argument("--after", type=float, default=3.0, metavar="SECONDS",
                   help="with --screenshot: how long to train first (default 3)")
    return p.parse_args(list(argv))


def set_up(window: object, args: argparse.Namespace) -> None:
    """What the command line asks the new window to show: a lab preset, a TFP link."""
    if args.lab:
        window.load_lab_preset(args.lab, args.fixed)
    if args.open:
        window.tfp.open(args.open)


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("playground")
    app.setOrganizationName("playground")
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
    return app


def take_screenshot(window, path: str, after: float) -> None:  # noqa: ANN001 - MainWindow
    """Train for ``after`` seconds, save the window as ``path`` and quit."""

    session = window.current_session()

    def pause() -> None:
        session.pause()
        QTimer.singleShot(300, shoot)  # let the last frame and the status bar arrive

    def shoot() -> None:
        ok = window.grab().save(path)
        if not ok:
            print(f"playground: error: could not write {path}", file=sys.stderr)
        QApplication.instance().exit(0 if ok else 2)

    session.start()
    QTimer.singleShot(int(after * 1000), pause)


def run_app(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    app = make_app()
    from playground.gui.main_window import MainWindow

    settings = Settings(None if args.screenshot else QSettings())
    install(chosen(Settings(QSettings()) if args.screenshot else settings))
    preset = PRESETS[args.preset] if args.preset else None
    window = MainWindow(preset, settings)
    if args.screenshot:
        window.resize(1280, 800)
    window.show()
    set_up(window, args)
    if args.screenshot:
        take_screenshot(window, args.screenshot, args.after)
    code = app.exec()
    window.close()
    # delete the window while the application still exists: left to interpreter exit, the
    # teardown order of Qt objects crashed about one run in three
    window.deleteLater()
    app.processEvents()
    del window
    return code
