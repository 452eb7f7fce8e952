"""The data panel: dataset, classes, noise, points, test share, features, clicking, CSV import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.data.features import FEATURE_LABELS, FEATURES
from playground.data.prepare import DataSpec
from playground.data.toy import LOGIC_SETS, MULTICLASS, REGRESSION, REGRESSION_POINTS
from playground.gui.background import BackgroundTask
from playground.gui.i18n import translate
from playground.gui.sessions.playground import Session
from playground.gui.widgets.common import tip

PROGRESS_STEPS = 1000
DATASETS = (  # labels marked for the translator (choice_combo translates them)
    (QT_TRANSLATE_NOOP("Labels", "XOR"), "xor"),
    (QT_TRANSLATE_NOOP("Labels", "Circle"), "circle"),
    (QT_TRANSLATE_NOOP("Labels", "Gaussians"), "gauss"),
    (QT_TRANSLATE_NOOP("Labels", "Spiral"), "spiral"),
    (QT_TRANSLATE_NOOP("Labels", "Moons"), "moons"),
    (QT_TRANSLATE_NOOP("Labels", "XOR gate (4 points)"), "xor-gate"),
    (QT_TRANSLATE_NOOP("Labels", "Identity (2 points)"), "identity"),
    (QT_TRANSLATE_NOOP("Labels", "Plane (regression)"), "reg-plane"),
    (QT_TRANSLATE_NOOP("Labels", "Bumps (regression)"), "reg-gauss"),
    (QT_TRANSLATE_NOOP("Labels", "Your points (click)"), "custom"),
)


def _slider(low: int, high: int, value: int) -> QSlider:
    s = QSlider(Qt.Orientation.Horizontal)
    s.setRange(low, high)
    s.setValue(value)
    return s


class ValueSlider(QWidget):
    """A slider with its value beside it (and in its tooltip), as ``text(value)`` writes it."""

    def __init__(self, slider: QSlider, text: Callable[[int], str], tooltip: str) -> None:
        super().__init__()
        self.slider, self._text, self._tooltip = slider, text, tooltip
        self.value_label = QLabel()
        self.value_label.setObjectName(f"{slider.objectName()}Value")
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("0.50 ")
                                         + 4)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        row.addWidget(self.value_label)
        slider.valueChanged.connect(self._show)
        self._show(slider.value())

    def _show(self, value: int) -> None:
        self.value_label.setText(self._text(value))
        self.slider.setToolTip(self.tr("{0} Now {1}.").format(self._tooltip, self._text(value)))


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    if total:
        dialog.setValue(min(PROGRESS_STEPS - 1, PROGRESS_STEPS * done // total))
    else:  # a pipe or a device: no size to measure against
        dialog.setRange(0, 0)


class DataPanel(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("dataPanel")
        self._updating = False
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._apply)
        self._build()
        session.sig_data_changed.connect(self._show)
        session.sig_network_changed.connect(self._show)
        self._show()

    def _build(self) -> None:
        self.dataset_combo = tip(QComboBox(),
                                 self.tr("Which points the network learns to "
                                         "separate. \"Your points\" starts empty: "
                                         "click to add."), "datasetCombo")
        for label, key in DATASETS:
            self.dataset_combo.addItem(translate("Labels", label), key)
        self.classes_spin = tip(QSpinBox(),
                                self.tr("Number of classes (Gaussians, spiral and "
                                        "your own points); more than two needs a "
                                        "softmax output."), "classesSpin")
        self.classes_spin.setRange(2, 10)
        self.noise_slider = tip(_slider(0, 50, 0), "", "noiseSlider")
        self.noise_row = ValueSlider(self.noise_slider, lambda v: f"{v / 100:.2f}",
                                     self.tr("Noise: how far points stray from the clean "
                                             "pattern."))
        self.points_spin = tip(QSpinBox(), self.tr("How many points to generate."), "pointsSpin")
        self.points_spin.setRange(10, 2000)
        self.points_spin.setSingleStep(50)
        self.test_slider = tip(_slider(10, 90, 50), "", "testSlider")
        self.test_row = ValueSlider(self.test_slider, lambda v: f"{v}%", self.tr(
            "Share of points held out as a test set: the network never trains on them."))
        self.regenerate_button = tip(QPushButton(self.tr("Regenerate")),
                                     self.tr("Draw a new random set of points "
                                             "with the same settings."), "regenerateButton")
        self.feature_boxes = {name: tip(QCheckBox(FEATURE_LABELS[name]),
                                        self.tr("Feed {0} to the network as an input.").format(
                                            FEATURE_LABELS[name]),
                                        f"feature_{name}") for name in FEATURES}
        self.click_combo = tip(QComboBox(),
                               self.tr("The class a left click on the plane adds; a right "
                                       "click removes the nearest point."), "clickClassCombo")
        self.import_button = tip(QPushButton(self.tr("Import CSV…")),
                                 self.tr("Load 2-D points from a CSV file: "
                                         "x1, x2, class label."), "importCsvButton")
        self._layout()
        self._connect()

    def _layout(self) -> None:
        data_box = QGroupBox(self.tr("Data"))
        form = QFormLayout(data_box)
        form.addRow(self.tr("Dataset"), self.dataset_combo)
        form.addRow(self.tr("Classes"), self.classes_spin)
        form.addRow(self.tr("Noise"), self.noise_row)
        form.addRow(self.tr("Points"), self.points_spin)
        form.addRow(self.tr("Test share"), self.test_row)
        form.addRow(self.regenerate_button)
        feat_box = QGroupBox(self.tr("Input features"))
        grid = QGridLayout(feat_box)
        for i, box in enumerate(self.feature_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        click_box = QGroupBox(self.tr("Your points"))
        click_form = QFormLayout(click_box)
        click_form.addRow(self.tr("Click adds"), self.click_combo)
        click_form.addRow(self.import_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        for box in (data_box, feat_box, click_box):
            col.addWidget(box)
        col.addStretch(1)

    def _connect(self) -> None:
        self.dataset_combo.activated.connect(self._apply)
        for w in (self.classes_spin, self.points_spin):
            w.valueChanged.connect(self._later)
        for s in (self.noise_slider, self.test_slider):
            s.valueChanged.connect(self._later)
        self.regenerate_button.clicked.connect(self._regenerate)
        for box in self.feature_boxes.values():
            box.toggled.connect(self._later)
        self.click_combo.activated.connect(
            lambda: self.session.set_view(click_class=self.click_combo.currentData()))
        self.import_button.clicked.connect(self._import)

    def _later(self) -> None:
        if not self._updating:
            self._debounce.start()

    def spec_from_controls(self) -> DataSpec:
        features = tuple(n for n, b in self.feature_boxes.items() if b.isChecked())
        return replace(self.session.data_spec, name=self.dataset_combo.currentData(),
                       classes=self.classes_spin.value(), noise=self.noise_slider.value() / 100,
                       points=self.points_spin.value(),
                       test_fraction=self.test_slider.value() / 100, features=features, path=None)

    def _apply(self) -> None:
        if self._updating:
            return
        self._debounce.stop()
        spec = self._checked_spec()
        if spec is None:
            return
        if spec.name in REGRESSION and self.session.data_spec.name not in REGRESSION and \
                spec.points == DataSpec().points:  # a regression's own default
            spec = replace(spec, points=REGRESSION_POINTS)
        if spec != self.session.data_spec:
            self.session.set_data_spec(spec)

    def _checked_spec(self) -> DataSpec | None:
        """The controls' settings; None, with a message, when no input feature is checked."""
        if not any(box.isChecked() for box in self.feature_boxes.values()):
            self.session.sig_error.emit(self.tr("Choose at least one input feature."))
            self._show()  # the features in use come back
            return None
        return self.spec_from_controls()

    def _regenerate(self) -> None:
        spec = self._checked_spec()
        if spec is not None:
            self.session.set_data_spec(replace(spec, seed=self.session.data_spec.seed + 1))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import points"), "",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.import_in_background(path)

    def import_in_background(self, path: str) -> BackgroundTask:
        """Read ``path`` without freezing the window: a progress dialog (shown after a moment)
        with Cancel, which leaves the points as they were."""
        task = self.session.csv.start(path)
        dialog = QProgressDialog(f"Reading {Path(path).name}…",
                                 self.tr("Cancel"), 0, PROGRESS_STEPS,
                                 self)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Import CSV"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(task.cancel)
        task.sig_progress.connect(partial(_show_progress, dialog))
        for signal in (task.sig_done, task.sig_failed):
            signal.connect(dialog.reset)
            signal.connect(dialog.deleteLater)
        return task

    def _show(self) -> None:
        self._updating = True
        spec, points = self.session.data_spec, self.session.points
        self.dataset_combo.setCurrentIndex(max(0, self.dataset_combo.findData(spec.name)))
        self.classes_spin.setValue(points.n_classes)
        self.classes_spin.setEnabled(spec.name in (*MULTICLASS, "custom"))
        fixed = spec.name in LOGIC_SETS  # a truth table: its points are what they are
        for w in (self.noise_slider, self.points_spin, self.test_slider, self.regenerate_button):
            w.setEnabled(not fixed)
        self.click_combo.setEnabled(not points.regression)
        self.noise_slider.setValue(round(spec.noise * 100))
        self.points_spin.setValue(spec.points)
        self.test_slider.setValue(round(spec.test_fraction * 100))
        for name, box in self.feature_boxes.items():
            box.setChecked(name in spec.features)
        self.click_combo.clear()
        for c in range(points.n_classes):
            self.click_combo.addItem(self.tr("class {0}").format(c), c)
        self.click_combo.setCurrentIndex(min(self.session.view.click_class, points.n_classes - 1))
        self._updating = False
