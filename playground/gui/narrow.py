"""A narrow window: the current tab's page fits beside the docks instead of scrolling sideways.

At 1024 px with the diagnostics open (a 302 px dock) the Playground page, which needs ~963 px,
scrolled its decision boundary and loss curves out of sight: what the bug lab asks the learner
to watch. Below the width the current page needs, the Playground's training bar puts its
settings under its buttons and its data panel hides (View › Data panel shows it again), so
the page needs ~690 px; with room again, both come back as they were. Only the current tab's
page counts towards the width the window needs, so the wider MNIST page does not keep the
Playground scrolling. The other pages fold their own way (``set_compact``): MNIST puts its two
bars in two rows each and its curves under the layer editor (~700 px beside the confusion
matrix), Digits narrows its margins and bars (~700 px), Your code puts its message under its
buttons (~705 px). Each page folds while it is the one shown; the others stay as they were
until shown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QTabWidget, QWidget

from playground.gui.widgets.train_panel import TrainPanel

Policy = QSizePolicy.Policy


class Foldable(Protocol):
    """A tab page with a narrow form of its own (MNIST, Digits, Your code)."""

    def set_compact(self, compact: bool) -> None: ...


class NarrowMode(QObject):
    """Watches the page's viewport and folds the page shown to fit it: the Playground's bar
    and data panel here, the ``foldable`` pages by their own ``set_compact``.

    ``sig_data_shown`` says whether the data panel shows (for View › Data panel's check mark);
    ``sig_status`` says why it went when the window hid it.
    """

    sig_data_shown = Signal(bool)
    sig_status = Signal(str)

    def __init__(self, page: QScrollArea, tabs: QTabWidget, bar: TrainPanel,
                 data_panel: QWidget, foldable: Sequence[Foldable]) -> None:
        super().__init__(page)
        self.page, self.tabs, self.bar, self.data_panel = page, tabs, bar, data_panel
        self.foldable = tuple(foldable)
        self._data_wanted = True  # the data panel in a wide window: the user's choice
        self._wide: dict[int, int] = {}  # tab index -> the width its page needs in full
        tabs.currentChanged.connect(self._tab_changed)
        page.viewport().installEventFilter(self)
        self._count_only(tabs.currentIndex())

    @property
    def compact(self) -> bool:
        """The Playground folded: the bar's settings under its buttons, the data panel hidden
        by the window."""
        return self.bar.compact

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """The current page compact exactly when the viewport is narrower than it in full."""
        index = self.tabs.currentIndex()
        compact = self.page.viewport().width() < self.wide_width(index)
        shown = self.tabs.widget(index)
        if shown.isAncestorOf(self.data_panel):
            self._fold_playground(compact)
        elif shown in self.foldable:
            shown.set_compact(compact)

    def wide_width(self, index: int) -> int:
        """The width the tabs need with page ``index`` in full: measured at the first resize,
        before anything went compact."""
        if not self._wide:
            self._measure()
        return self._wide[index]

    def _measure(self) -> None:
        current = self.tabs.currentIndex()
        for i in range(self.tabs.count()):
            self._count_only(i)
            self._wide[i] = self.tabs.minimumSizeHint().width()
        self._count_only(current)

    def _count_only(self, index: int) -> None:
        """Only page ``index`` sets the tabs' minimum width: the others' is ignored."""
        for i in range(self.tabs.count()):
            self.tabs.widget(i).setSizePolicy(Policy.Preferred if i == index else Policy.Ignored,
                                              Policy.Preferred)

    def _tab_changed(self, index: int) -> None:
        self._count_only(index)
        self.fit()
        if self.compact and self.data_panel.isHidden() and self._data_wanted:
            self._tell()

    def _tell(self) -> None:
        """Why the data panel is gone, on its own tab only."""
        if self.tabs.currentWidget().isAncestorOf(self.data_panel):
            self.sig_status.emit(self.tr("Data panel hidden to make room (View › Data panel)"))

    def _fold_playground(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.bar.set_compact(compact)
        if compact and not self.data_panel.isHidden():
            self.data_panel.hide()
            self._tell()
        elif not compact:
            self.data_panel.setVisible(self._data_wanted)
        self.sig_data_shown.emit(not self.data_panel.isHidden())

    def show_data(self, shown: bool) -> None:
        """View › Data panel: shown or hidden now; in a wide window, from now on."""
        if not self.compact:
            self._data_wanted = shown
        self.data_panel.setVisible(shown)
        if shown:
            self.sig_status.emit("")  # "hidden to make room" no longer holds
