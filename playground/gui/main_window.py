"""The main window: composes the widgets around one session, adds menus, status bar and settings.

No maths and no thread code here: the session does the work, the widgets draw it.
"""

from __future__ import annotations

import json
import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground import __version__
from playground.data.pointset import PointSet
from playground.experiment import PRESETS, Experiment, plane_experiment
from playground.export import available_formats
from playground.export.onnx_model import INSTALL_HINT
from playground.gui.i18n import add_language_menu, translate
from playground.gui.lessons_dock import LessonsDock, offer_banner
from playground.gui.narrow import NarrowMode
from playground.gui.picture import picture_dialog
from playground.gui.recent import RecentFiles
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.mnist import MnistSession
from playground.gui.sessions.playground import Session
from playground.gui.sessions.seeds import SeedsRun
from playground.gui.settings import Settings
from playground.gui.widgets.boundary_plot import BoundaryPlot
from playground.gui.widgets.code_tab import CodeTab
from playground.gui.widgets.data_panel import DataPanel
from playground.gui.widgets.diagnostics import DiagnosticsPanel
from playground.gui.widgets.digits_panel import DigitsPanel
from playground.gui.widgets.layer_editor import LayerEditor
from playground.gui.widgets.loss_plot import LossPlot
from playground.gui.widgets.mnist_panel import MnistPanel
from playground.gui.widgets.network_view import NetworkView
from playground.gui.widgets.seed_grid import SeedGridDialog
from playground.gui.widgets.step_inspector import StepInspector
from playground.gui.widgets.train_panel import TrainPanel
from playground.modelfile.save_load import ModelFileError, load_model
from playground.teach.lab import LAB_PRESETS, STUDY_ITERATIONS

MODEL_FILTER = "Playground models (*.npz)"
EXPORT_FILES = {"numpy": (".py", "Python scripts (*.py)"),  # format: suffix, file filter
                "onnx": (".onnx", "ONNX models (*.onnx)"),
                "torch": (".py", "Python files (*.py)"), "csv": (".csv", "CSV files (*.csv)")}
EXPORT_ACTIONS = {  # marked for the translator; shown through self.tr
    "numpy": (QT_TRANSLATE_NOOP("MainWindow", "As a &NumPy script…"),
              QT_TRANSLATE_NOOP("MainWindow", "A standalone, commented NumPy script that builds "
                                "this network, makes its data and trains it with these "
                                "settings: a reference to read beside your own code")),
    "onnx": (QT_TRANSLATE_NOOP("MainWindow", "As &ONNX…"),
             QT_TRANSLATE_NOOP("MainWindow", "An ONNX model (opset 17) whose output is the "
                               "network's probabilities, for onnxruntime and other tools")),
    "torch": (QT_TRANSLATE_NOOP("MainWindow", "As a &PyTorch file…"),
              QT_TRANSLATE_NOOP("MainWindow", "A Python file that defines `model`, a "
                                "torch.nn.Sequential with these weights (it needs torch; the "
                                "playground does not)")),
    "csv": (QT_TRANSLATE_NOOP("MainWindow", "The &data as CSV…"),
            QT_TRANSLATE_NOOP("MainWindow", "The points: features, label and whether each is "
                              "train or test")),
}
PICTURES = (("boundary", QT_TRANSLATE_NOOP("MainWindow", "Picture of the &decision boundary…")),
            ("loss", QT_TRANSLATE_NOOP("MainWindow", "Picture of the &loss plot…")),
            ("diagram", QT_TRANSLATE_NOOP("MainWindow", "Picture of the network dia&gram…")))
PRESET_TITLES = {  # the Examples menu
    "xor": QT_TRANSLATE_NOOP("MainWindow", "XOR"),
    "circle": QT_TRANSLATE_NOOP("MainWindow", "Circle"),
    "circle-features": QT_TRANSLATE_NOOP("MainWindow", "Circle with x₁² and x₂² as inputs"),
    "gauss": QT_TRANSLATE_NOOP("MainWindow", "Two Gaussians"),
    "moons": QT_TRANSLATE_NOOP("MainWindow", "Moons (ReLU, Adam)"),
    "spiral": QT_TRANSLATE_NOOP("MainWindow", "Spiral (sin features)"),
    "spiral-3": QT_TRANSLATE_NOOP("MainWindow", "Spiral of three classes (softmax)"),
}
DOCK_MIN_WIDTH = 290  # its labels wrap and its table fits: it never sets the window's width
# the diagnostics dock's width when it first opens: 1280 px leave the Playground page its 963
DOCK_FIRST_WIDTH = 302
DIVERGENCE_CHECK_SECONDS = 1.0  # the health monitor's forward pass, at most once a second
SHORTCUTS = (("Space", QT_TRANSLATE_NOOP("MainWindow", "Start or pause training")),
             ("Ctrl+Right", QT_TRANSLATE_NOOP("MainWindow", "Train one epoch")),
             ("Ctrl+.", QT_TRANSLATE_NOOP("MainWindow", "Stop training, keep the weights")),
             ("Ctrl+R", QT_TRANSLATE_NOOP("MainWindow", "Reset the weights")),
             ("Ctrl+Shift+M", QT_TRANSLATE_NOOP("MainWindow", "Many seeds side by side")),
             ("Ctrl+N", QT_TRANSLATE_NOOP("MainWindow", "New network")),
             ("Ctrl+O", QT_TRANSLATE_NOOP("MainWindow", "Open a model")),
             ("Ctrl+S", QT_TRANSLATE_NOOP("MainWindow", "Save the model")),
             ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("MainWindow", "Save the model as")),
             ("Ctrl+T", QT_TRANSLATE_NOOP("MainWindow", "Show or hide test points")),
             ("Ctrl+D", QT_TRANSLATE_NOOP("MainWindow", "Discretize the output")),
             ("F2", QT_TRANSLATE_NOOP("MainWindow", "Diagnostics and the bug lab")),
             ("F4", QT_TRANSLATE_NOOP("MainWindow", "Lessons")),
             ("F1", QT_TRANSLATE_NOOP("MainWindow", "This list")),
             ("Ctrl+Q", QT_TRANSLATE_NOOP("MainWindow", "Quit")))
STUDY_SEEDS = 20
STATUS_MS = 200  # the status bar's numbers change at most this often


def _pair(train: float | None, test: float | None, fmt: str) -> str:
    """"0.123 / 0.145": train, then test when there is one; "–" before any."""
    if train is None:
        return "–"
    return fmt.format(train) + ("" if test is None else " / " + fmt.format(test))


class MainWindow(QMainWindow):
    def __init__(self, experiment: Experiment | None = None,
                 settings: Settings | QSettings | None = None) -> None:
        super().__init__()
        # every saved value read through one checked reader: a damaged file opens the window
        self.settings = settings if isinstance(settings, Settings) else Settings(settings)
        self._shown = False
        self.session = Session(*(((experiment, None) if experiment else
                                  self._remembered_setup()) or (PRESETS["xor"], None)))
        self.mnist_session = MnistSession()
        self._restore_speeds()
        self.setWindowTitle(self.tr("Neural network playground"))
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._compose()
        self._make_diagnostics()
        self.lessons = LessonsDock(self)
        self._add_banner()
        self._make_menus()
        self._make_status_bar()
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
        self.mnist_panel = MnistPanel(self.mnist_session)
        self.mnist_panel.save_button.clicked.connect(self.save_as)
        self.mnist_panel.use_button.clicked.connect(self.draw_with_mnist_network)
        self.digits_panel = DigitsPanel()
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

    def _make_diagnostics(self) -> None:
        self.diagnostics = DiagnosticsPanel()
        scroll = QScrollArea()
        scroll.setWidget(self.diagnostics)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.diagnostics_dock = QDockWidget(self.tr("Diagnostics"), self)
        self.diagnostics_dock.setObjectName("diagnosticsDock")
        self.diagnostics_dock.setWidget(scroll)
        self.diagnostics_dock.setMinimumWidth(DOCK_MIN_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.diagnostics_dock)
        self.diagnostics_dock.hide()  # it opens itself when something goes wrong, or with F2
        self.diagnostics_dock.visibilityChanged.connect(self._diagnostics_shown)
        self._docks_fitted: set[QDockWidget] = set()
        self.diagnostics.lab_box.sig_fixed.connect(self.load_lab_preset)
        self.diagnostics.lab_box.sig_study.connect(self.run_seed_study)
        self.seeds_run = SeedsRun(self.session)
        self.seeds_run.sig_running.connect(self._seeds_ended)
        self.seed_grid: SeedGridDialog | None = None
        self._study_fixed: bool | None = None  # the lab's study runs in the grid: which case
        self.inspector = StepInspector(self.session)
        self.inspector_dock = QDockWidget(self.tr("Step inspector"), self)
        self.inspector_dock.setObjectName("inspectorDock")
        self.inspector_dock.setWidget(self.inspector)
        self.inspector_dock.setMinimumWidth(DOCK_MIN_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.inspector_dock.hide()
        self.inspector_dock.visibilityChanged.connect(self._inspector_shown)
        self.boundary_plot.sig_inspect.connect(self.inspect_point)
        self.network_view.sig_inspect.connect(self._inspect_current)
        # on the Playground tab only: the Digits canvas has its own Ctrl+Z for strokes
        undo = QShortcut(QKeySequence.StandardKey.Undo, self.tabs.widget(0))
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self._undo_weight)
        self.diagnostics.set_session(self.session)
        self._divergence_checked = 0.0
        self._divergence_shown: set[int] = set()  # sessions whose divergence opened the dock
        for session in (self.session, self.mnist_session):
            session.sig_state_changed.connect(self._show_diagnostics_on_failure)
            session.sig_epochs.connect(self._watch_divergence)
            session.sig_network_changed.connect(self._forget_divergence)

    def _show_diagnostics_on_failure(self) -> None:
        if self.current_session().stop_reason:
            self.diagnostics_dock.show()

    def _undo_weight(self) -> None:
        """Ctrl+Z on the Playground tab: the last weight typed by hand goes back."""
        if not self.session.undo_weight():
            self.statusBar().showMessage(self.tr(
                "Nothing to undo: no weight was set by hand"), 3000)

    def _inspect_current(self) -> None:
        self.inspect_point(self.inspector.point_spin.value())

    def inspect_point(self, index: int) -> None:
        """Open the step inspector on training point ``index``."""
        self.tabs.setCurrentIndex(0)
        self.inspector_dock.show()
        self.inspector.inspect(index)

    def _forget_divergence(self) -> None:
        self._divergence_shown.discard(id(self.sender()))

    def _watch_divergence(self) -> None:
        """Open the diagnostics once when a run blows up without stopping (its loss finite), at
        most one look a second; closing the dock again is respected until the next network."""
        session = self.current_session()
        now = time.perf_counter()
        if now - self._divergence_checked < DIVERGENCE_CHECK_SECONDS or \
                id(session) in self._divergence_shown:
            return
        self._divergence_checked = now
        if session.diverging():
            self._divergence_shown.add(id(session))
            self.diagnostics_dock.show()

    def _diagnostics_shown(self, shown: bool) -> None:
        if not shown:
            return
        self.diagnostics.refresh()
        self._fit_once(self.diagnostics_dock)

    def _inspector_shown(self, shown: bool) -> None:
        if shown:
            self._fit_once(self.inspector_dock)

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

    def run_seed_study(self, fixed: bool) -> None:
        """The lab's 20-seed study: the preset's network from 20 seeds, in the seed grid."""
        self._study_fixed = fixed
        grid = self.show_seed_grid()
        grid.lr_edit.clear()
        if not grid.start(STUDY_SEEDS, STUDY_ITERATIONS):
            self._study_fixed = None

    def _seeds_ended(self, running: bool) -> None:
        if running or self._study_fixed is None:
            return
        fixed, self._study_fixed = self._study_fixed, None
        if not self.seeds_run.cancelled:
            self.diagnostics.lab_box.show_study(self.seeds_run.solved(),
                                                len(self.seeds_run.runs), fixed)

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
        self._update_status()
        if self.tabs.currentWidget() is self.mnist_panel and self.mnist_session.data is None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.statusBar().showMessage(self.tr("Reading MNIST…"))
            try:
                self.mnist_session.load_data()
            finally:
                QApplication.restoreOverrideCursor()
                self.statusBar().clearMessage()

    def draw_with_mnist_network(self) -> None:
        self.digits_panel.set_model(self.mnist_session.network_copy(), "your MNIST network")
        self.tabs.setCurrentWidget(self.digits_panel)

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "",  # noqa: ANN001
                checkable: bool = False) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip)
        act.setToolTip(tip)
        act.setCheckable(checkable)
        (act.toggled if checkable else act.triggered).connect(slot)
        menu.addAction(act)
        return act

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        K = QKeySequence.StandardKey
        self._action(file, self.tr("&New"), self.new_network, K.New,
                     self.tr("Start again with the XOR example"))
        self._action(file, self.tr("&Open model…"), self.open_dialog, K.Open,
                     self.tr("Open a saved model"))
        self.recent = RecentFiles(self.settings, file.addMenu(self.tr(
            "Open &recent")), self.open_model)
        self._action(file, self.tr("&Save"), self.save, K.Save,
                     self.tr("Save the model and its data settings"))
        self._action(file, self.tr("Save &as…"), self.save_as, K.SaveAs,
                     self.tr("Save under a new name"))
        self._make_export_menu(file.addMenu(self.tr("&Export")))
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, K.Quit, self.tr("Close the playground"))
        train = bar.addMenu(self.tr("&Train"))
        self._action(train, self.tr("Start / &pause"), lambda: self.current_session().toggle(),
                     Qt.Key.Key_Space, self.tr("Start or pause training"))
        self._action(train, self.tr("&Step one epoch"), lambda: self.current_session().step_epoch(),
                     "Ctrl+Right", self.tr("Train one epoch, then pause"))
        self._action(train, self.tr("S&top"), lambda: self.current_session().stop(), "Ctrl+.",
                     self.tr("End the run and keep the weights it reached"))
        self._action(train,
                     self.tr("&Reset weights"), lambda: self.current_session().reset(), "Ctrl+R",
                     self.tr("Fresh random weights from the seed"))
        train.addSeparator()
        self._action(train, self.tr("&Many seeds…"), lambda: self.show_seed_grid(),
                     "Ctrl+Shift+M", self.tr("Train copies of the Playground's network from "
                                             "many seeds at once, side by side"))
        view = bar.addMenu(self.tr("&View"))
        self.show_test_action = self._action(
            view,
                self.tr(
                    "Show &test points"), lambda on: self.session.set_view(show_test=on), "Ctrl+T",
            self.tr("Draw the held-out test points (black rim)"), checkable=True)
        self.discretize_action = self._action(
            view, self.tr("&Discretize output"), lambda on: self.session.set_view(discretize=on),
            "Ctrl+D", self.tr("Colour the plane by the predicted class only"), checkable=True)
        data = self._action(view, self.tr("Data &panel"), self.narrow.show_data, tip=self.tr(
            "The Playground's data and input features (a narrow window hides them to keep "
            "the plots in view)"), checkable=True)
        data.setChecked(not self.data_panel.isHidden())
        self.narrow.sig_data_shown.connect(partial(_check_quietly, data))
        self.narrow.sig_status.connect(self.show_status)
        toggle = self.diagnostics_dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("F2"))
        toggle.setStatusTip(self.tr("The health monitor, the gradient check and the bug lab"))
        view.addAction(toggle)
        inspect = self.inspector_dock.toggleViewAction()
        inspect.setText(self.tr("&Step inspector"))
        inspect.setShortcut(QKeySequence("F3"))
        inspect.setStatusTip(self.tr("Every number of one training step on one point"))
        view.addAction(inspect)
        view.addSeparator()
        self.language_menu = add_language_menu(view, self.settings, self.show_status)
        examples = bar.addMenu(self.tr("&Examples"))
        for name in PRESETS:
            self._action(examples, self.tr(PRESET_TITLES.get(name, name)),
                         lambda _=False, n=name: self.load_preset(n),
                         tip=self.tr("Load the {0} example").format(name))
        lab = bar.addMenu(self.tr("&Bug lab"))
        for name, preset in LAB_PRESETS.items():
            self._action(lab, translate("Lab", preset.title),
                         lambda _=False, n=name: self.load_lab_preset(n),
                         tip=f"{name}: {translate('Lab', preset.did)}")
        helpm = bar.addMenu(self.tr("&Help"))
        self._action(helpm, self.tr("&Lessons"), lambda: self.lessons.start(), "F4",
                     self.tr("Six short guided lessons, from XOR to MNIST"))
        self._action(helpm, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1",
                     self.tr("List shortcuts"))
        self._action(helpm, self.tr("&About"), self.show_about, tip=self.tr("About the playground"))

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

    def _make_status_bar(self) -> None:
        self.status_labels = {k: QLabel() for k in ("epoch", "loss", "accuracy", "speed")}
        widths = {"epoch": 110, "loss": 190, "accuracy": 190, "speed": 140}
        for key, label in self.status_labels.items():
            label.setFixedWidth(widths[key])  # fixed: changing text must not relayout the window
            self.statusBar().addPermanentWidget(label)
        self.session.sig_frame.connect(self._maybe_update_status)
        self.session.sig_state_changed.connect(self._update_status)
        self.session.sig_network_changed.connect(self._update_status)  # an edit, a Reset
        self.session.sig_code_changed.connect(self._update_status)
        self._status_at = 0.0
        # throttled, never dropped: the last change before a pause must reach the bar too
        self._status_later = QTimer(self, singleShot=True, interval=STATUS_MS)
        self._status_later.timeout.connect(self._update_status)
        self._update_status()

    def _status_shown(self) -> bool:
        """The status bar's numbers are the Playground's: on its tab, and on Your code's while
        the Playground trains with the code (the MNIST tab shows its own numbers; the header
        of a tab and the status bar never name two networks)."""
        page = self.tabs.currentWidget()
        return page is self.tabs.widget(0) or (
            page is self.code_tab and self.code_tab.training.session is self.session)

    def _maybe_update_status(self) -> None:
        if time.perf_counter() - self._status_at >= STATUS_MS / 1000:  # not 30 times a second
            self._update_status()
        elif not self._status_later.isActive():
            self._status_later.start()

    def _update_status(self) -> None:
        self._status_at = time.perf_counter()
        shown = self._status_shown()
        for label in self.status_labels.values():
            label.setVisible(shown)
        if not shown:
            return
        s = self.session
        frame = s.frame if s.state != "idle" else None
        metrics = s.metrics_shown()  # of the weights on display, also right after an edit
        loss, test_loss = metrics["train_loss"], metrics["test_loss"]
        acc, test_acc = metrics["train_accuracy"], metrics["test_accuracy"]
        labels = self.status_labels
        labels["epoch"].setText(self.tr("Epoch {0}").format(f"{s.epoch:,}"))
        labels["loss"].setText(self.tr("Loss {0}").format(_pair(loss, test_loss, "{:.3g}")))
        if s.regression:  # √(2·loss): the RMSE of the one output
            rmse = [None if v is None else (2 * v) ** 0.5 for v in (loss, test_loss)]
            labels["accuracy"].setText(self.tr("RMSE {0}").format(_pair(*rmse, "{:.3g}")))
        else:
            labels["accuracy"].setText(self.tr("Accuracy {0}").format(
                _pair(acc, test_acc, "{:.1%}")))
        rate = frame.samples_per_second if frame is not None else 0.0
        labels["speed"].setText(self.tr("{0} samples/s").format(f"{rate:,.0f}") if rate else "")

    # ----- actions ------------------------------------------------------------------------------
    def new_network(self) -> None:
        self.load_preset("xor")

    def load_preset(self, name: str) -> None:
        self.diagnostics.put_lab_preset_away(self.session)
        self.session.set_experiment(PRESETS[name])
        self.statusBar().clearMessage()
        self._set_title()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self.recent.last_dir(),
                                              MODEL_FILTER)
        if path:
            self.open_model(path)

    def open_model(self, path: str) -> bool:
        """A model of 784 inputs goes to the digits and MNIST tabs; any other to the
        playground."""
        if _is_mnist_model(path):
            ok = self.digits_panel.load(Path(path))
            if ok:
                self.tabs.setCurrentWidget(self.digits_panel)
                self.recent.remember(path)
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.mnist_session.open_model(path)  # to train on from there
                finally:
                    QApplication.restoreOverrideCursor()
            return ok
        ok = self.session.open_model(path)
        if ok:
            self.recent.remember(path)
            self._set_title()
        return ok

    def save(self) -> bool:
        session = self.current_session()
        if session.model_path is None:
            return self.save_as()
        return session.save_model(session.model_path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), self.recent.last_dir(),
                                              MODEL_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".npz"):  # MODEL.NPZ on Windows is already one
            path += ".npz"
        ok = self.current_session().save_model(path)
        if ok:
            self.recent.remember(path)
            self._set_title()
        return ok

    def _make_export_menu(self, export: QMenu) -> None:
        export.setObjectName("exportMenu")
        for fmt, (text, tip) in EXPORT_ACTIONS.items():
            text, tip = self.tr(text), self.tr(tip)
            act = self._action(export, text, partial(self.export_dialog, fmt), None, tip)
            if fmt not in available_formats():  # onnx without its package: say how to get it
                act.setEnabled(False)
                act.setText(self.tr("{0} (needs the onnx package)").format(text.rstrip("…")))
                act.setToolTip(INSTALL_HINT)
                act.setStatusTip(INSTALL_HINT)
        export.addSeparator()
        for view, text in PICTURES:
            self._action(export, self.tr(text), partial(self.export_picture, view), None,
                         self.tr("A PNG or SVG file of this view"))

    def export_picture(self, view: str) -> bool:
        """A picture of one of the current tab's views, to a file the user picks."""
        on_mnist = self.current_session() is self.mnist_session
        widgets = {"boundary": (self.boundary_plot, "decision boundary"),
                   "loss": (self.mnist_panel.loss_plot if on_mnist else self.loss_plot,
                            "loss plot"),
                   "diagram": (self.network_view, "network diagram")}
        widget, name = widgets[view]
        if on_mnist and view != "loss":
            self.show_error(self.tr("The MNIST tab has no {0}: it is the Playground tab's.").format(
                translate("Picture", name)))
            return False
        try:
            return picture_dialog(widget, name) is not None
        except (OSError, ValueError) as e:
            self.show_error(self.tr("Could not save the picture: {0}").format(e))
            return False

    def export_dialog(self, fmt: str) -> bool:
        """Export the current tab's network as ``fmt`` to a file the user picks."""
        suffix, name = EXPORT_FILES[fmt]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), self.recent.last_dir(), name)
        if not path:
            return False
        if not path.endswith(suffix):
            path += suffix
        return self.current_session().export(fmt, path)

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

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{self.tr(v)}</td></tr>"
                       for k, v in SHORTCUTS)
        box = QMessageBox(QMessageBox.Icon.NoIcon,
                          self.tr("Keyboard shortcuts"), f"<table>{rows}</table>",
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About the playground"),
                          self.tr("<b>Neural network playground {0}</b><p>Build a small "
                                  "network, watch it learn, and see why it fails. The network "
                                  "is written from scratch in NumPy.</p><p>MNIST is by Yann "
                                  "LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA "
                                  "3.0).</p>").format(__version__),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _set_title(self) -> None:
        path = self.session.model_path
        self.setWindowTitle(self.tr("{0} – Neural network playground").format(path.name) if path
                            else self.tr("Neural network playground"))

    # ----- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls and urls[0].toLocalFile().lower().endswith(".npz"):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls:
            self.open_model(urls[0].toLocalFile())
            event.acceptProposedAction()

    # ----- settings -----------------------------------------------------------------------------
    def _restore_speeds(self) -> None:
        """Each tab's training speed as the user last left it."""
        speeds = self.settings.parsed("speed", _speeds)
        for session, speed in zip((self.session, self.mnist_session), speeds or (), strict=False):
            session.speed = speed

    def _remembered_setup(self) -> tuple[Experiment, PointSet | None] | None:
        """The Playground's last setup, with the learner's own points when it was theirs; None
        (the default example) when there is none, or when their points were none: an empty
        plane is no place to start from."""
        exp = self.settings.parsed("experiment", plane_experiment)
        if exp is None or exp.data.name != "custom":
            return None if exp is None else (exp, None)
        points = self.settings.parsed("points", PointSet.from_json)
        return (exp, points) if points is not None and points.size else None

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
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("experiment", json.dumps(self.session.experiment.to_json()))
        points = self.session.points.to_json() if self.session.data_spec.name == "custom" else None
        if points is None:  # not theirs, or more than a settings file should hold
            self.settings.forget("points")
        else:
            self.settings.set("points", json.dumps(points))
        self.settings.set("speed", json.dumps([self.session.speed, self.mnist_session.speed]))
        self.settings.sync()
        super().closeEvent(event)


def _speeds(raw: object) -> tuple[float | None, float | None]:
    """Each tab's speed as saved: epochs a second in (0, 1000], or None for full speed."""
    if not (isinstance(raw, list) and len(raw) == 2 and all(
            v is None or (isinstance(v, int | float) and not isinstance(v, bool)
                          and 0 < v <= 1000) for v in raw)):
        raise ValueError("not two speeds")
    return raw[0], raw[1]


def _is_mnist_model(path: str) -> bool:
    try:
        return load_model(path).input_dim == 784
    except ModelFileError:
        return False  # the playground's open reports the problem


def _check_quietly(action: QAction, checked: bool) -> None:
    """A check mark that follows the state without acting on it."""
    was = action.blockSignals(True)
    action.setChecked(checked)
    action.blockSignals(was)
