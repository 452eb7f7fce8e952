"""TensorFlow Playground links in the window: File › Open TensorFlow Playground link…, a link
pasted anywhere that is not a text field (Ctrl+V), ``playground --open LINK``, and File › Copy as
TensorFlow Playground link (``playground.tfp.link``).

A link opens on the Playground tab, on TFP's very points, with what it holds that has no
counterpart here said in a message; text that is no link is said in one line and changes
nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QMessageBox

from playground.gui.i18n import say
from playground.tfp.link import LinkError, experiment, link_for, read_link

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

# TensorFlow Playground's first screen: circle, 4-2 tanh, rate 0.03, batch 10, x1 and x2
FIRST_SCREEN = ("https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle"
                "&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0"
                "&networkShape=4,2&seed=0.81372&showTestData=false&discretize=false"
                "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false"
                "&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false"
                "&problem=classification&initZero=false&hideText=false")


class TfpActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        paste = QShortcut(QKeySequence.StandardKey.Paste, window)  # a text field pastes first
        paste.setContext(Qt.ShortcutContext.WindowShortcut)
        paste.activated.connect(self.paste)

    def ask(self) -> None:
        """File › Open TensorFlow Playground link…: a box to paste it into (the link on the
        clipboard already in it), wide enough to see one."""
        dialog = QInputDialog(self.w)
        dialog.setWindowTitle(self.tr("Open a TensorFlow Playground link"))
        dialog.setLabelText(self.tr("Paste the link (its setup follows the #):"))
        clipboard = QGuiApplication.clipboard().text()
        dialog.setTextValue(clipboard if _looks_like_link(clipboard) else "")
        dialog.resize(min(720, self.w.width() - 40), dialog.sizeHint().height())
        if dialog.exec() and dialog.textValue().strip():
            self.open(dialog.textValue())

    def paste(self) -> None:
        """Ctrl+V outside a text field: a link on the clipboard opens."""
        text = QGuiApplication.clipboard().text()
        if _looks_like_link(text):
            self.open(text)
        else:
            self.w.show_status(self.tr("The clipboard holds no TensorFlow Playground link"))

    def open(self, text: str) -> bool:
        """Open the link ``text`` on the Playground tab; False, said in a dialog, when it is
        not one."""
        try:
            setup = read_link(text)
        except LinkError:
            self.w.show_error(self.tr(
                "That is not a TensorFlow Playground link: it names none of its settings (such "
                "as dataset=circle&learningRate=0.03 after the #). Nothing was changed."))
            return False
        s = self.w.session
        s.set_experiment(experiment(setup))
        s.set_view(show_test=setup.show_test_data, discretize=setup.discretize)
        self.w.tabs.setCurrentIndex(0)
        self.w.show_status(self.tr("Link opened: {0}, seed {1}").format(  # short: 1024 px
            setup.data_name, setup.seed))
        if setup.unsupported:
            self._tell(self.tr(
                "The link opened. These of its settings have no counterpart here and were left "
                "out: {0}").format(", ".join(setup.unsupported)))
        return True

    def copy(self) -> None:
        """File › Copy as TensorFlow Playground link: the Playground's setup as a link, on the
        clipboard; or why it does not fit TFP."""
        s = self.w.session
        link, notes = link_for(s.experiment, s.view.show_test, s.view.discretize)
        if link is None:
            self._tell(self.tr("This setup does not fit TensorFlow Playground: {0}.").format(
                "; ".join(say(n) for n in notes)))
            return
        QGuiApplication.clipboard().setText(link)
        said = self.tr("Copied the TensorFlow Playground link of this setup")
        if notes:  # its points are ours, not TFP's
            said += self.tr(" (TensorFlow Playground will draw its own points from its seed)")
        self.w.show_status(said)


    def _tell(self, text: str) -> None:
        """A dialog that does not block the event loop (as ``MainWindow.show_error``)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("TensorFlow Playground link"),
                          text, QMessageBox.StandardButton.Ok, self.w)
        box.setObjectName("tfpDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _looks_like_link(text: str) -> bool:
    try:
        read_link(text, seed="0")
    except LinkError:
        return False
    return True
