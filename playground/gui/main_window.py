"""The main window: composes the tabs, docks, menus and status bar around the sessions.

No maths, no process code and no policy here: the sessions do the work (and decide, as the
divergence watch does), the widgets draw it and say what the user did through their signals,
and the window wires them together. The menus (``gui/menus.py``), the file actions
(``gui/file_actions.py``), the status bar's numbers (``gui/status_line.py``) and the lab's seed
study (``gui/seed_study.py``) are parts of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.experiment import PRESETS, Experiment
from playground.gui.file_actions import FileActions
from playground.gui.i18n import translate
from playground.gui.lessons_dock import LessonsDock, offer_banner
from playground.gui.menus import Menus
from playground.gui.narrow import NarrowMode
from playground.gui.remembered import remember, remembered_setup, restore_speeds
from playground.gui.seed_study import SeedStudy
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.divergence import Divergence
from playground.gui.sessions.mnist import MnistSession
from playground.gui.sessions.playground import Session
from playground.gui.sessions.seeds import SeedsRun
from playground.gui.settings import Settings
from playground.gui.status_line import StatusLine
from playground.gui.tfp_actions import TfpActions
from playground.gui.widgets.bands_view import BandsView
from playground.gui.widgets.boundary_plot import BoundaryPlot
from playground.gui.widgets.code_tab import CodeTab
from playground.gui.widgets.compare_dialog import CompareDialog
from playground.gui.widgets.data_panel import DataPanel
from playground.gui.widgets.diagnostics import DiagnosticsPanel
from playground.gui.widgets.digits_panel import DigitsPanel
from playground.gui.widgets.landscape_view import LandscapeView
from playground.gui.widgets.layer_editor import LayerEditor
from playground.gui.widgets.loss_plot import LossPlot
from playground.gui.widgets.mnist_panel import MnistPanel
from playground.gui.widgets.network_view import NetworkView
from playground.gui.widgets.seed_grid import SeedGridDialog
from playground.gui.widgets.step_inspector import StepInspector
from playground.gui.widgets.timeline_bar import TimelineBar
from playground.gui.widgets.train_panel import TrainPanel
from playground.teach.lab import LAB_PRESETS

DOCK_MIN_WIDTH = 290  # its labels wrap and its table fits: it never sets the window's width
# the diagnostics dock's width when it first opens: 1280 px leave the Playground page its 963
DOCK_FIRST_WIDTH = 302


class MainWindow(QMainWindow):
    def __init__(self, experiment: Experiment | None = None,
                 settings: Settings | QSettings | None = None) -> None:
        super().__init__()
        # every saved value read through one checked reader: a damaged file opens the window
        self.settings = settings if isinstance(settings, Settings) else Settings(settings)
        self._shown = False
        self.session = Session(*(((experiment, None) if experiment else
                                  remembered_setup(self.settings)) or (PRESETS["xor"], None)))
        self.mnist_session = MnistSession()
        restore_speeds(self.settings, (self.session, self.mnist_session))
        self.setWindowTitle(self.tr("Neural network playground"))
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.files, self.tfp = FileActions(self), TfpActions(self)
        self._compose()
        self._make_docks()
        self.lessons = LessonsDock(self)
        self._add_banner()
        self.menus = Menus(self)
        self.recent = self.menus.recent
        self.status_line = StatusLine(self)
        for session in (self.session, self.mnist_session):
            session.sig_error.connect(self.show_error)
            # a bound method, not a lambda: a lambda on a session's signal kept the closed
            # window (and its MNIST data) alive for ever
            session.sig_status.connect(self.show_status)
        self._restore_geometry()

    # ----- composition --------------------------------------------------------------------------
    def _compose(self) -> None:
        s = self.session
        self.train_panel = TrainPanel(s)
        self.data_panel = DataPanel(s)
        self.layer_editor = LayerEditor(s)
        self.network_view = NetworkView(s)
        self.boundary_plot = BoundaryPlot(s)
        self.loss_plot = LossPlot(s)
        self.timeline_bar = TimelineBar(s)
        self.timeline_bar.sig_compare.connect(lambda: CompareDialog(s, self).exec())
        middle = QWidget()
        mid_col = QVBoxLayout(middle)
        mid_col.setContentsMargins(0, 0, 0, 0)
        mid_col.addWidget(self.layer_editor)
        mid_col.addWidget(self.network_view, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.boundary_plot)
        right.addWidget(self.loss_plot)
        right.setSizes([420, 260])
        body = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.data_panel, middle, right):
            body.addWidget(w)
        body.setSizes([230, 600, 440])
        body.setStretchFactor(1, 1)
        playground = QWidget()
        col = QVBoxLayout(playground)
        col.setContentsMargins(4, 2, 4, 2)
        col.addWidget(self.train_panel)
        col.addWidget(body, 1)
        col.addWidget(self.timeline_bar)
        self.mnist_panel = MnistPanel(self.mnist_session)
        self.mnist_panel.sig_save.connect(self.files.save_as)
        self.mnist_panel.sig_draw.connect(self.draw_with_mnist_network)
        self.digits_panel = DigitsPanel(test_data=lambda: self.mnist_session.data)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(playground, self.tr("Playground"))
        self.tabs.addTab(self.mnist_panel, self.tr("MNIST"))
        self.tabs.addTab(self.digits_panel, self.tr("Digits"))
        self.code_tab = CodeTab((self.session, self.mnist_session), self.settings)
        self.code_tab.training.sig_show.connect(self._show_session)
        self.tabs.addTab(self.code_tab, self.tr("Your code"))
        self.tabs.setTabToolTip(0,
                                self.tr(
                                    "Small networks on 2-D points: watch the decision boundary"))
        self.tabs.setTabToolTip(1, self.tr("Train a network on 60,000 handwritten digits"))
        self.tabs.setTabToolTip(2, self.tr("Draw a digit and watch an MNIST network read it"))
        self.tabs.setTabToolTip(3, self.tr("Check your own backprop code against the playground's"))
        self.tabs.currentChanged.connect(self._tab_changed)
        # the tabs scroll sideways when the window is narrower than they are (1024 px with the
        # diagnostics open), instead of forcing the window to ~1270 px
        page = QScrollArea()
        page.setObjectName("mainScroll")
        page.setWidget(self.tabs)
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        self.setCentralWidget(page)
        self.narrow = NarrowMode(page, self.tabs, self.train_panel, self.data_panel,
                                 (self.mnist_panel, self.digits_panel, self.code_tab))

    def _make_docks(self) -> None:
        self.diagnostics = DiagnosticsPanel()
        self.diagnostics_dock = self._dock(self.diagnostics, self.tr("Diagnostics"),
                                           "diagnosticsDock", self._diagnostics_shown)
        self._docks_fitted: set[QDockWidget] = set()
        self.diagnostics.sig_lab_fixed.connect(self.load_lab_preset)
        self.seeds_run = SeedsRun(self.session)
        self.seed_grid: SeedGridDialog | None = None
        self.seed_study = SeedStudy(self.seeds_run, self.show_seed_grid, self)
        self.diagnostics.sig_study.connect(self.seed_study.run)
        self.seed_study.sig_result.connect(self.diagnostics.show_study)
        self.inspector = StepInspector(self.session)
        self.inspector_dock = self._dock(self.inspector, self.tr("Step inspector"),
                                         "inspectorDock", scroll=False)
        self.landscape = LandscapeView(self.session)
        self.landscape_dock = self._dock(self.landscape, self.tr("Loss landscape"),
                                         "landscapeDock", scroll=False)
        self.bands = BandsView(self.session)
        self.bands_dock = self._dock(self.bands, self.tr("Weights and gradients"), "bandsDock")
        self.boundary_plot.sig_inspect.connect(self.inspect_point)
        self.network_view.sig_inspect.connect(self._inspect_current)
        # on the Playground tab only: the Digits canvas has its own Ctrl+Z for strokes, and
        # the MNIST tab its own (``MnistPanel``)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self.tabs.widget(0))
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self._undo_weight)
        self.diagnostics.set_session(self.session)
        sessions = (self.session, self.mnist_session)
        self.divergence = Divergence(sessions, self.current_session, self)
        self.divergence.sig_diverging.connect(self.diagnostics_dock.show)
        for session in sessions:
            session.sig_state_changed.connect(self._show_diagnostics_on_failure)

    def _dock(self, widget: QWidget, title: str, name: str, shown: object = None,
              scroll: bool = True) -> QDockWidget:
        """A hidden dock on the right holding ``widget`` (in a scroll area that never scrolls
        sideways, when ``scroll``); ``shown`` follows its visibility (None: the first time it
        shows, it takes its narrowest width)."""
        if scroll:
            area = QScrollArea()
            area.setWidget(widget)
            area.setWidgetResizable(True)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget = area
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setMinimumWidth(DOCK_MIN_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()  # the diagnostics open themselves when something goes wrong, or with F2
        dock.visibilityChanged.connect(
            shown or (lambda on: on and self._fit_once(dock)))
        return dock

    def _show_diagnostics_on_failure(self) -> None:
        if self.current_session().stop_reason:
            self.diagnostics_dock.show()

    def _undo_weight(self) -> None:
        """Ctrl+Z on the Playground tab: the last weight typed by hand (or the weights before a
        jump on the loss landscape) goes back, else the run left by going on from an earlier
        epoch (or by going back to a branch)."""
        s = self.session
        if not s.edits.undo_weight() and not s.timeline.undo():
            self.statusBar().showMessage(self.tr(
                "Nothing to undo: no weight was set by hand, and no run was left"), 3000)

    def _inspect_current(self) -> None:
        self.inspect_point(self.inspector.point())

    def inspect_point(self, index: int) -> None:
        """Open the step inspector on training point ``index``."""
        self.tabs.setCurrentIndex(0)
        self.inspector_dock.show()
        self.inspector.inspect(index)

    def _diagnostics_shown(self, shown: bool) -> None:
        if not shown:
            return
        self.diagnostics.refresh()
        self._fit_once(self.diagnostics_dock)

    def _fit_once(self, dock: QDockWidget) -> None:
        """The first time at its narrowest: its labels wrap, and the page beside it keeps its
        width (later, the width the user gives it)."""
        if dock not in self._docks_fitted:
            self._docks_fitted.add(dock)
            self.resizeDocks([dock], [DOCK_FIRST_WIDTH], Qt.Orientation.Horizontal)

    def show_seed_grid(self, seeds: int | None = None, epochs: int | None = None,
                       start: bool = False) -> SeedGridDialog:
        """Train › Many seeds…: the grid of copies of the Playground's network."""
        self.tabs.setCurrentIndex(0)  # the copies are the Playground tab's network
        if self.seed_grid is None:
            self.seed_grid = SeedGridDialog(self.seeds_run, self)
        self.seed_grid.show()
        self.seed_grid.raise_()
        self.seed_grid.activateWindow()
        if start:
            self.seed_grid.start(seeds, epochs)
        return self.seed_grid

    def load_lab_preset(self, name: str, fixed: bool = False) -> None:
        """A seed's failure in its failing form (or fixed), on the tab that suits its data."""
        preset = LAB_PRESETS[name]
        self.show_experiment(preset.experiment(fixed))
        self.diagnostics.show_lab_preset(preset, fixed)
        self.diagnostics_dock.show()
        self.statusBar().showMessage((self.tr("{0}: fixed") if fixed else self.tr(
            "{0}: as written")).format(translate("Lab", preset.title)), 5000)

    def show_experiment(self, exp: Experiment) -> None:
        """``exp`` set up on the tab that suits its data (MNIST's, or the Playground's); the
        status bar's line about the network before goes."""
        self.statusBar().clearMessage()
        if exp.data.name == "mnist":
            self.tabs.setCurrentWidget(self.mnist_panel)
            self.mnist_session.set_experiment(exp)
        else:
            self.tabs.setCurrentIndex(0)
            self.session.set_experiment(exp)

    def current_session(self) -> TrainingSession:
        """The session the Train menu and Save act on: MNIST's on its tab, else the playground's."""
        if self.tabs.currentWidget() is self.mnist_panel:
            return self.mnist_session
        return self.session

    def _show_session(self, session: TrainingSession) -> None:
        """The tab of ``session`` (the Your code tab's *Show the boundary*)."""
        self.tabs.setCurrentIndex(1 if session is self.mnist_session else 0)

    def _tab_changed(self) -> None:
        self.diagnostics.set_session(self.current_session())
        self.inspector.set_session(self.current_session())
        self.landscape.set_session(self.current_session())
        self.bands.set_session(self.current_session())
        self.status_line.update()
        if self.tabs.currentWidget() is self.mnist_panel:
            self.mnist_session.reading.start()  # in the background: the tab says so meanwhile

    def draw_with_mnist_network(self) -> None:
        self.digits_panel.set_model(self.mnist_session.network_copy(), "your MNIST network")
        self.tabs.setCurrentWidget(self.digits_panel)

    def _add_banner(self) -> None:
        """The first launch's offer of the lessons, above the tabs."""
        page = self.centralWidget()
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.lessons_banner = offer_banner(self, self.settings, self.lessons)
        col.addWidget(self.lessons_banner)
        col.addWidget(page, 1)
        self.setCentralWidget(holder)

    # ----- actions ------------------------------------------------------------------------------
    def new_network(self) -> None:
        self.load_preset("xor")

    def load_preset(self, name: str) -> None:
        self.diagnostics.put_lab_preset_away(self.session)
        self.session.set_experiment(PRESETS[name])
        self.statusBar().clearMessage()
        self.set_title()

    def show_status(self, text: str) -> None:
        """A passing message; an empty one clears the last (Reset and New do)."""
        if text:
            self.statusBar().showMessage(text, 5000)
        else:
            self.statusBar().clearMessage()

    def show_error(self, text: str) -> None:
        """A dialog that does not block the event loop (training and tests go on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Playground"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def set_title(self) -> None:
        path = self.session.model_path
        self.setWindowTitle(self.tr("{0} – Neural network playground").format(path.name) if path
                            else self.tr("Neural network playground"))

    # ----- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls and self.files.droppable(urls[0].toLocalFile()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls:
            self.files.open_model(urls[0].toLocalFile())
            event.acceptProposedAction()

    # ----- settings -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.data("geometry")
        if geometry is not None and not self.restoreGeometry(geometry):
            self.settings.refuse("geometry")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown:  # after the first layout's own messages (a narrow window's)
            self._shown = True
            QTimer.singleShot(0, self._say_ignored_settings)

    def _say_ignored_settings(self) -> None:
        """Once, in the status bar: which saved settings were damaged and set aside."""
        if self.settings.ignored:
            self.statusBar().showMessage(self.tr(
                "Damaged settings set aside, defaults used: {0}")
                .format(", ".join(self.settings.ignored)), 15_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.diagnostics.set_session(None)
        if self.seed_grid is not None:
            self.seed_grid.close()
        self.session.shutdown()
        self.mnist_session.shutdown()
        self.code_tab.shutdown()
        remember(self.settings, self.saveGeometry(), self.session, self.mnist_session)
        super().closeEvent(event)
