"""The main window's menu bar: File, Train, View, Examples, Bug lab, Help.

``Menus(window)`` builds the menus once and keeps the actions a test or the window reads
(``recent``, ``show_test_action``, ``discretize_action``, ``language_menu``). Every action calls
the window, its file actions or the current session; nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from playground import __version__
from playground.experiment import PRESETS
from playground.export import available_formats
from playground.export.onnx_model import INSTALL_HINT
from playground.gui.i18n import add_language_menu, translate
from playground.gui.recent import RecentFiles
from playground.gui.tfp_actions import FIRST_SCREEN
from playground.teach.lab import LAB_PRESETS

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

EXPORT_ACTIONS = {  # marked for the translator; shown through self.tr
    "numpy": (QT_TRANSLATE_NOOP("Menus", "As a &NumPy script…"),
              QT_TRANSLATE_NOOP("Menus", "A standalone, commented NumPy script that builds "
                                "this network, makes its data and trains it with these "
                                "settings: a reference to read beside your own code")),
    "onnx": (QT_TRANSLATE_NOOP("Menus", "As &ONNX…"),
             QT_TRANSLATE_NOOP("Menus", "An ONNX model (opset 17) whose output is the "
                               "network's probabilities, for onnxruntime and other tools")),
    "torch": (QT_TRANSLATE_NOOP("Menus", "As a &PyTorch file…"),
              QT_TRANSLATE_NOOP("Menus", "A Python file that defines `model`, a "
                                "torch.nn.Sequential with these weights (it needs torch; the "
                                "playground does not)")),
    "csv": (QT_TRANSLATE_NOOP("Menus", "The &data as CSV…"),
            QT_TRANSLATE_NOOP("Menus", "The points: features, label and whether each is "
                              "train or test")),
}
PICTURES = (("boundary", QT_TRANSLATE_NOOP("Menus", "Picture of the &decision boundary…")),
            ("loss", QT_TRANSLATE_NOOP("Menus", "Picture of the &loss plot…")),
            ("diagram", QT_TRANSLATE_NOOP("Menus", "Picture of the network dia&gram…")))
PRESET_TITLES = {  # the Examples menu
    "xor": QT_TRANSLATE_NOOP("Menus", "XOR"),
    "circle": QT_TRANSLATE_NOOP("Menus", "Circle"),
    "circle-features": QT_TRANSLATE_NOOP("Menus", "Circle with x₁² and x₂² as inputs"),
    "gauss": QT_TRANSLATE_NOOP("Menus", "Two Gaussians"),
    "moons": QT_TRANSLATE_NOOP("Menus", "Moons (ReLU, Adam)"),
    "spiral": QT_TRANSLATE_NOOP("Menus", "Spiral (sin features)"),
    "spiral-3": QT_TRANSLATE_NOOP("Menus", "Spiral of three classes (softmax)"),
}
SHORTCUTS = (("Space", QT_TRANSLATE_NOOP("Menus", "Start or pause training")),
             ("Ctrl+Right", QT_TRANSLATE_NOOP("Menus", "Train one epoch")),
             ("Ctrl+.", QT_TRANSLATE_NOOP("Menus", "Stop training, keep the weights")),
             ("Ctrl+R", QT_TRANSLATE_NOOP("Menus", "Reset the weights")),
             ("Ctrl+Shift+M", QT_TRANSLATE_NOOP("Menus", "Many seeds side by side")),
             ("Ctrl+N", QT_TRANSLATE_NOOP("Menus", "New network")),
             ("Ctrl+O", QT_TRANSLATE_NOOP("Menus", "Open a model")),
             ("Ctrl+Shift+O", QT_TRANSLATE_NOOP("Menus", "Open a TensorFlow Playground link")),
             ("Ctrl+V", QT_TRANSLATE_NOOP("Menus", "Open the TensorFlow Playground link on "
                                                   "the clipboard (outside a text field)")),
             ("Ctrl+S", QT_TRANSLATE_NOOP("Menus", "Save the model")),
             ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("Menus", "Save the model as")),
             ("Ctrl+T", QT_TRANSLATE_NOOP("Menus", "Show or hide test points")),
             ("Ctrl+D", QT_TRANSLATE_NOOP("Menus", "Discretize the output")),
             ("F2", QT_TRANSLATE_NOOP("Menus", "Diagnostics and the bug lab")),
             ("F4", QT_TRANSLATE_NOOP("Menus", "Lessons")),
             ("F6", QT_TRANSLATE_NOOP("Menus", "The loss landscape")),
             ("F7", QT_TRANSLATE_NOOP("Menus", "Weights and gradients over the run")),
             ("F1", QT_TRANSLATE_NOOP("Menus", "This list")),
             ("Ctrl+Q", QT_TRANSLATE_NOOP("Menus", "Quit")))


class Menus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        bar = window.menuBar()
        self._file(bar.addMenu(self.tr("&File")))
        self._train(bar.addMenu(self.tr("&Train")))
        self._view(bar.addMenu(self.tr("&View")))
        self._examples(bar.addMenu(self.tr("&Examples")), bar.addMenu(self.tr("&Bug lab")))
        self._help(bar.addMenu(self.tr("&Help")))

    def action(self, menu: QMenu, text: str, slot: Callable, shortcut: object = None,
               tip: str = "", checkable: bool = False) -> QAction:
        act = QAction(text, self.w)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip)
        act.setToolTip(tip)
        act.setCheckable(checkable)
        (act.toggled if checkable else act.triggered).connect(slot)
        menu.addAction(act)
        return act

    def _file(self, file: QMenu) -> None:
        w, files, K = self.w, self.w.files, QKeySequence.StandardKey
        self.action(file, self.tr("&New"), w.new_network, K.New,
                    self.tr("Start again with the XOR example"))
        self.action(file, self.tr("&Open model…"), files.open_dialog, K.Open,
                    self.tr("Open a saved model"))
        self.recent = RecentFiles(w.settings, file.addMenu(self.tr("Open &recent")),
                                  files.open_model)
        self.action(file, self.tr("Open &TensorFlow Playground link…"), w.tfp.ask,
                    "Ctrl+Shift+O", self.tr("Open a TensorFlow Playground link here, on its "
                                            "very points (or paste one with Ctrl+V)"))
        self.action(file, self.tr("&Save"), files.save, K.Save,
                    self.tr("Save the model and its data settings"))
        self.action(file, self.tr("Save &as…"), files.save_as, K.SaveAs,
                    self.tr("Save under a new name"))
        self._export(file.addMenu(self.tr("&Export")))
        self.action(file, self.tr("&Copy as TensorFlow Playground link"), w.tfp.copy,
                    tip=self.tr("The Playground's setup as a link that opens it in "
                                "TensorFlow Playground"))
        file.addSeparator()
        self.action(file, self.tr("&Quit"), w.close, K.Quit, self.tr("Close the playground"))

    def _train(self, train: QMenu) -> None:
        current = self.w.current_session
        self.action(train, self.tr("Start / &pause"), lambda: current().runner.toggle(),
                    Qt.Key.Key_Space, self.tr("Start or pause training"))
        self.action(train, self.tr("&Step one epoch"), lambda: current().step_epoch(),
                    "Ctrl+Right", self.tr("Train one epoch, then pause"))
        self.action(train, self.tr("S&top"), lambda: current().stop(), "Ctrl+.",
                    self.tr("End the run and keep the weights it reached"))
        self.action(train, self.tr("&Reset weights"), lambda: current().reset(), "Ctrl+R",
                    self.tr("Fresh random weights from the seed"))
        train.addSeparator()
        self.action(train, self.tr("&Many seeds…"), lambda: self.w.show_seed_grid(),
                    "Ctrl+Shift+M", self.tr("Train copies of the Playground's network from "
                                            "many seeds at once, side by side"))

    def _view(self, view: QMenu) -> None:
        w = self.w
        self.show_test_action = self.action(
            view, self.tr("Show &test points"), lambda on: w.session.set_view(show_test=on),
            "Ctrl+T", self.tr("Draw the held-out test points (black rim)"), checkable=True)
        self.discretize_action = self.action(
            view, self.tr("&Discretize output"), lambda on: w.session.set_view(discretize=on),
            "Ctrl+D", self.tr("Colour the plane by the predicted class only"), checkable=True)
        data = self.action(view, self.tr("Data &panel"), w.narrow.show_data, tip=self.tr(
            "The Playground's data and input features (a narrow window hides them to keep "
            "the plots in view)"), checkable=True)
        data.setChecked(not w.data_panel.isHidden())
        w.narrow.sig_data_shown.connect(partial(_check_quietly, data))
        w.narrow.sig_status.connect(w.show_status)
        for dock, text, key, says in (
                (w.diagnostics_dock, None, "F2",
                 self.tr("The health monitor, the gradient check and the bug lab")),
                (w.inspector_dock, self.tr("&Step inspector"), "F3",
                 self.tr("Every number of one training step on one point")),
                (w.landscape_dock, self.tr("&Loss landscape"), "F6",
                 self.tr("The loss around the weights now, and the run's path")),
                (w.bands_dock, self.tr("&Weights and gradients"), "F7",
                 self.tr("Each layer's weights and gradients over the run, as bands"))):
            toggle = dock.toggleViewAction()
            if text is not None:
                toggle.setText(text)
            toggle.setShortcut(QKeySequence(key))
            toggle.setStatusTip(says)
            view.addAction(toggle)
        view.addSeparator()
        self.language_menu = add_language_menu(view, w.settings, w.show_status)

    def _examples(self, examples: QMenu, lab: QMenu) -> None:
        self.action(examples, self.tr("TensorFlow Playground's first screen"),
                    lambda: self.w.tfp.open(FIRST_SCREEN), tip=self.tr(
                        "Circle, 4-2 tanh, learning rate 0.03: TensorFlow Playground's own "
                        "first screen, on its very points"))
        examples.addSeparator()
        for name in PRESETS:
            self.action(examples, self.tr(PRESET_TITLES.get(name, name)),
                        lambda _=False, n=name: self.w.load_preset(n),
                        tip=self.tr("Load the {0} example").format(name))
        for name, preset in LAB_PRESETS.items():
            self.action(lab, translate("Lab", preset.title),
                        lambda _=False, n=name: self.w.load_lab_preset(n),
                        tip=f"{name}: {translate('Lab', preset.did)}")

    def _help(self, helpm: QMenu) -> None:
        self.action(helpm, self.tr("&Lessons"), lambda: self.w.lessons.start(), "F4",
                    self.tr("Six short guided lessons, from XOR to MNIST"))
        self.action(helpm, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1",
                    self.tr("List shortcuts"))
        self.action(helpm, self.tr("&About"), self.show_about, tip=self.tr("About the playground"))

    def _export(self, export: QMenu) -> None:
        export.setObjectName("exportMenu")
        files = self.w.files
        for fmt, (text, tip) in EXPORT_ACTIONS.items():
            text, tip = self.tr(text), self.tr(tip)
            act = self.action(export, text, partial(files.export_dialog, fmt), None, tip)
            if fmt not in available_formats():  # onnx without its package: say how to get it
                act.setEnabled(False)
                act.setText(self.tr("{0} (needs the onnx package)").format(text.rstrip("…")))
                act.setToolTip(INSTALL_HINT)
                act.setStatusTip(INSTALL_HINT)
        export.addSeparator()
        for view, text in PICTURES:
            self.action(export, self.tr(text), partial(files.export_picture, view), None,
                        self.tr("A PNG or SVG file of this view"))

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{self.tr(v)}</td></tr>"
                       for k, v in SHORTCUTS)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          f"<table>{rows}</table>", QMessageBox.StandardButton.Ok, self.w)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About the playground"),
                          self.tr("<b>Neural network playground {0}</b><p>Build a small "
                                  "network, watch it learn, and see why it fails. The network "
                                  "is written from scratch in NumPy.</p><p>MNIST is by Yann "
                                  "LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA "
                                  "3.0).</p>").format(__version__),
                          QMessageBox.StandardButton.Ok, self.w)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _check_quietly(action: QAction, checked: bool) -> None:
    """A check mark that follows the state without acting on it."""
    was = action.blockSignals(True)
    action.setChecked(checked)
    action.blockSignals(was)
