"""The MNIST tab: build a network in the layer editor, train it on MNIST and see what it misreads.

The training bar, layer editor and loss plot are the playground's own widgets on the MNIST
session. Below the bar: stop, the epochs of one run, augmentation, and the running epoch's
progress with the time left. On the right the confusion matrix and the misread test digits;
under everything the run's timeline.
In a narrow window (``set_compact``, from ``gui/narrow.py``) the bars take two rows each and the
curves go under the layer editor, so the matrix stays in view beside a dock at 1024 px.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.gui.sessions.mnist import MnistSession, Progress
from playground.gui.widgets.common import KeptSplit, caption, choice_combo, fold, tip
from playground.gui.widgets.compare_dialog import CompareDialog
from playground.gui.widgets.first_layer import FirstLayerView
from playground.gui.widgets.layer_editor import LayerEditor
from playground.gui.widgets.loss_plot import LossPlot
from playground.gui.widgets.mnist_results import ConfusionMatrixView, MisreadGallery
from playground.gui.widgets.timeline_bar import TimelineBar
from playground.gui.widgets.train_panel import TrainPanel

MAX_EPOCHS = 200
TRAIN_SIZES = ((QT_TRANSLATE_NOOP("Labels", "all 60,000"), 0), ("10,000", 10_000),
               ("5,000", 5_000), ("1,000", 1_000))


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds >= 60:
        return QCoreApplication.translate("MnistPanel", "{0} min {1:02d} s").format(
            seconds // 60, seconds % 60)
    return QCoreApplication.translate("MnistPanel", "{0} s").format(seconds)


class MnistPanel(QWidget):
    sig_save = Signal()  # Save model… was pressed
    sig_draw = Signal()  # Draw with it was pressed: the Digits tab should read with this network

    def __init__(self, session: MnistSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mnistPanel")
        self.train_panel = TrainPanel(session)
        self.layer_editor = LayerEditor(session)
        self.loss_plot = LossPlot(session)
        self.timeline_bar = TimelineBar(session)
        self.timeline_bar.sig_compare.connect(lambda: CompareDialog(session, self).exec())
        # the weights before a jump on the loss landscape, else back to the run left
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(lambda: session.edits.undo_weight() or session.timeline.undo())
        self.matrix = ConfusionMatrixView(session)
        self.first_layer = FirstLayerView(session)
        self.gallery = MisreadGallery(session)
        self._build_controls()
        self._layout()
        self.save_button.clicked.connect(self.sig_save)
        self.use_button.clicked.connect(self.sig_draw)
        self.matrix.sig_cell.connect(self.gallery.show_pair)
        self.matrix.sig_cell.connect(self._show_gallery_caption)
        session.sig_frame.connect(self._show_progress)
        session.sig_network_changed.connect(self._show_metrics)  # a preset, a Reset, an edit
        session.sig_replay.connect(self._show_metrics)  # an epoch of the past, or back
        session.sig_state_changed.connect(self._show_state)
        session.sig_data_changed.connect(self._show_data_state)
        session.sig_config_changed.connect(self._show_config)
        self._show_state(session.state)
        self._show_data_state()

    def _build_controls(self) -> None:
        s = self.session
        self.stop_button = tip(QPushButton(self.tr("■  Stop")),
                               self.tr("End this run and keep the weights it "
                                       "reached."), "stopButton")
        self.epochs_spin = tip(QSpinBox(),
                               self.tr("How many epochs (passes over the 60,000 training "
                                       "images) one press of Train runs."), "epochsSpin")
        self.epochs_spin.setRange(1, MAX_EPOCHS)
        self.epochs_spin.setValue(int(s.config.epochs))
        self.images_combo = tip(choice_combo(TRAIN_SIZES, 0),
                                self.tr("Train on all images, or on the first "
                                        "few thousand for quick experiments "
                                        "(the test set stays 10,000)."), "trainImagesCombo")
        self.augment_check = tip(QCheckBox(self.tr("Augment")),
                                 self.tr("Shift, rotate and thicken or thin each "
                                         "training digit a little, as mouse "
                                         "drawings differ from MNIST: slower to "
                                         "learn, reads drawings better."), "augmentCheck")
        self.progress = tip(QProgressBar(), self.tr("The running epoch and the time left."),
                            "epochProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(200)
        self.save_button = tip(QPushButton(self.tr("Save model…")),
                               self.tr("Save this network and its settings "
                                       "(Ctrl+S while this tab is shown)."), "saveMnistButton")
        self.use_button = tip(QPushButton(self.tr("Draw with it  →")),
                              self.tr("Read your drawings with this "
                                      "network in the Digits tab."), "useModelButton")
        self.metrics = tip(QLabel(),
                           self.tr("The last finished epoch on the 60,000 training and the "
                                   "10,000 test images."), "mnistMetrics")
        self.message = tip(QLabel(), "", "mnistMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.stop_button.clicked.connect(s.stop)
        self.epochs_spin.editingFinished.connect(
            lambda: s.set_config(epochs=self.epochs_spin.value()))
        self.augment_check.toggled.connect(lambda on: setattr(s, "augment", on))
        self.images_combo.activated.connect(self._images_chosen)

    def _layout(self) -> None:
        run_row = QHBoxLayout()
        run_row.addWidget(self.stop_button)
        run_row.addSpacing(12)
        run_row.addWidget(caption(self.tr("Epochs")))
        run_row.addWidget(self.epochs_spin)
        run_row.addWidget(caption(self.tr("Images")))
        run_row.addWidget(self.images_combo)
        run_row.addWidget(self.augment_check)
        run_row.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addSpacing(12)
        progress_row.addWidget(self.save_button)
        progress_row.addWidget(self.use_button)
        self._bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._bar.setContentsMargins(8, 0, 8, 0)
        self._bar.addLayout(run_row)
        self._bar.addSpacing(12)
        self._bar.addLayout(progress_row, 1)
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        left_col.addWidget(self.layer_editor)
        left_col.addWidget(self.metrics)
        layer_caption = caption(self.tr("Layer 1: each unit's weights (blue +, orange −), "
                                        "most used first"))
        layer_caption.setWordWrap(True)  # it never sets the column's width
        left_col.addWidget(layer_caption)
        left_col.addWidget(self.first_layer, 1)
        self._first_layer = (layer_caption, self.first_layer)
        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.setSpacing(2)  # the captions close to what they name
        right_col.addWidget(caption(self.tr("Confusion matrix on the 10,000 test digits")))
        right_col.addWidget(self.matrix, 3)
        self.gallery_caption = caption(self.tr("Misread test digits (true → answer)"))
        right_col.addWidget(self.gallery_caption)
        right_col.addWidget(self.gallery, 2)
        self._network_and_curves = QSplitter(Qt.Orientation.Horizontal)
        self._network_and_curves.addWidget(left)
        self._network_and_curves.addWidget(self.loss_plot)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self._network_and_curves)
        body.addWidget(right)
        self._wide_split = KeptSplit(self._network_and_curves, [420, 420],  # editor, curves
                                     lambda: self.compact)
        body.setSizes([840, 440])
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 2, 4, 2)
        col.addWidget(self.train_panel)
        col.addLayout(self._bar)
        col.addWidget(self.message)
        col.addWidget(body, 1)
        col.addWidget(self.timeline_bar)

    def set_compact(self, compact: bool) -> None:
        """A narrow window: both bars in two rows, the curves under the layer editor (the page
        needs ~700 px instead of ~970). Back to wide, the columns are as wide as they were."""
        if compact == self.compact:
            return
        self.train_panel.set_compact(compact)
        for part in self._first_layer:  # no room for it under the editor and the curves
            part.setVisible(not compact)
        fold(self._bar, compact)
        split = self._network_and_curves
        if compact:
            split.setOrientation(Qt.Orientation.Vertical)
            split.setSizes([split.widget(0).sizeHint().height(), 10_000])
        else:
            split.setOrientation(Qt.Orientation.Horizontal)
            self._wide_split.restore()

    @property
    def compact(self) -> bool:
        return self.train_panel.compact

    def _show_config(self) -> None:
        """Epochs, images and augmentation as the session has them (a preset may set them)."""
        s = self.session
        self.epochs_spin.setValue(int(s.config.epochs))
        self.images_combo.setCurrentIndex(max(0, self.images_combo.findData(s.train_limit or 0)))
        self.augment_check.setChecked(s.augment)

    def _images_chosen(self) -> None:
        """Applies to the next run: the running one keeps its data."""
        self.session.train_limit = self.images_combo.currentData() or None
        if self.session.state != "idle":
            self.session.sig_status.emit(self.tr("The number of images applies after Stop."))

    def _show_state(self, state: str) -> None:
        self.stop_button.setEnabled(state != "idle")
        self._show_progress()
        self._show_metrics()

    def _show_data_state(self) -> None:
        text = self.session.data_error or (
            self.tr("Reading MNIST…") if self.session.reading.under_way else "")
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if self.session.data_error else
                                   "color: #555;")  # an error in red, the reading in grey
        self.message.setVisible(bool(text))

    def _show_progress(self) -> None:
        p = self.session.progress()
        if p is None:
            self.progress.setValue(0)
            done = self.session.epoch
            self.progress.setFormat(self.tr("{0:,} epochs trained").format(done) if done
                                    else self.tr("Not trained yet"))
            self.progress.setToolTip(self.tr("The running epoch and the time left."))
        else:
            self.progress.setValue(round(1000 * p.fraction))
            self._fit_progress_text(p)
        if self.session.frame is not None and self.session.frame.epochs:
            self._show_metrics()

    def _show_gallery_caption(self, true: int | None, answer: int | None) -> None:
        """Says when a cell of the matrix filters the digits below."""
        self.gallery_caption.setText(
            self.tr("Misread test digits (true → answer)") if true is None else
            self.tr("Only {0} read as {1} (click the cell again for all)").format(true, answer))

    def _fit_progress_text(self, p: Progress) -> None:
        """The longest of a few wordings that fits the bar (its text is never elided: at 1024
        px "… left in the epoch, … in all" ran past its ends); the whole one on hover."""
        head = self.tr("Epoch {0}: {1:.0f}%").format(p.epoch, 100 * p.fraction)
        paused = self.tr(" (paused)") if self.session.state == "paused" else ""
        texts = [head + paused]
        if p.epoch_seconds_left is not None:
            texts = [head + self.tr(", {0} left in the epoch, {1} in all").format(
                         _duration(p.epoch_seconds_left), _duration(p.run_seconds_left)) + paused,
                     head + self.tr(", {0} left").format(_duration(p.run_seconds_left)) + paused,
                     *texts]
        room = self.progress.width() - 12
        metrics = self.progress.fontMetrics()
        self.progress.setFormat(next((t for t in texts if metrics.horizontalAdvance(t) <= room),
                                     texts[-1]))
        self.progress.setToolTip(texts[0])

    def _show_metrics(self) -> None:
        h, at = self.session.history, self.session.timeline.at
        shown = self.session.kept_epoch if at is None else at  # early stopping kept that one
        m = h.latest_metrics() if shown is None else h.at(shown) or {}
        test_acc, train_acc = m.get("test_accuracy"), m.get("train_accuracy")
        if at is not None and (test_acc is None or train_acc is None):
            self.metrics.setText(self.tr("Epoch {0}, shown from the timeline.").format(at))
            return
        if test_acc is None or train_acc is None:
            self.metrics.setText(self.tr("Train to see the accuracy here."))
            return
        if self.session.weights_edited and at is None:  # of the weights before the edit
            self.metrics.setText(self.tr(
                "Edited after epoch {0}: train an epoch to measure the network as it is "
                "now.").format(self.session.epoch))
            return
        self.metrics.setText(
            self.tr(
                "After epoch {0}:\n  test accuracy {1:.2f}%, loss {2:.4f}\n"
                "  train accuracy {3:.2f}%, loss {4:.4f}")
                    .format(self.session.epoch if shown is None else shown, 100 * test_acc,
                            m["test_loss"], 100 * train_acc, m["train_loss"]))
