"""The training bar: train/pause, step, reset, the epoch counter and the live settings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import (
    caption,
    choice_combo,
    combo_value,
    fold,
    is_folded,
    set_combo_value,
    tip,
    value_combo,
)
from playground.gui.widgets.schedule_box import ScheduleBox

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
STARTING_REG_RATE = 0.003  # what L1 or L2 starts with when picked while the rate is 0
STARTING_REG = "l2"  # what a rate picked while regularization is off switches on
# combo labels, marked for the translator (choice_combo translates them)
OPTIMIZERS = ((QT_TRANSLATE_NOOP("Labels", "SGD"), "sgd"),
              (QT_TRANSLATE_NOOP("Labels", "Momentum"), "momentum"),
              (QT_TRANSLATE_NOOP("Labels", "Adam"), "adam"))
REGULARIZATION = ((QT_TRANSLATE_NOOP("Labels", "None"), "none"), ("L1", "l1"), ("L2", "l2"))
# where each of the bar's settings sits (row, column, columns its box spans), in the order of
# TrainPanel._cells: learning rate, optimizer, batch size, early stop, regularization, its rate,
# speed, schedule
WIDE = ((0, 0, 1), (0, 1, 1), (0, 2, 1), (2, 2, 1), (1, 0, 1), (1, 1, 1), (1, 2, 1), (2, 0, 3))
COMPACT = tuple((i // 4, i % 4, 1) for i in range(8))
SPEEDS = ((QT_TRANSLATE_NOOP("Labels", "1 epoch/s"), 1.0),
          (QT_TRANSLATE_NOOP("Labels", "5 epochs/s"), 5.0),
          (QT_TRANSLATE_NOOP("Labels", "20 epochs/s"), 20.0),
          (QT_TRANSLATE_NOOP("Labels", "100 epochs/s"), 100.0),
          (QT_TRANSLATE_NOOP("Labels", "Full speed"), 0.0))  # 0.0: None (no None in a combo)


class TrainPanel(QWidget):
    def __init__(self, session: TrainingSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("trainPanel")
        self._build()
        session.sig_state_changed.connect(self._show_state)
        session.sig_frame.connect(self._show_epoch)
        session.sig_config_changed.connect(self._show_config)
        session.sig_code_changed.connect(self._show_code)
        self._show_state(session.state)
        self._show_config()
        self._show_code()

    def _show_code(self) -> None:
        """The learner's own update steps the weights: the optimizer is theirs then; a whole
        program as written has its own rate, batches and loop, so none of these apply."""
        code = self.session.code
        theirs = code is not None and code.has_update
        program = code is not None and code.program
        self.code_label.setVisible(code is not None)
        self.optimizer_combo.setEnabled(not theirs)
        self.optimizer_combo.setToolTip(
            self.tr(
                "Your code's update() steps the weights, with this learning rate.") if theirs else
            self._optimizer_tip)
        for w in (self.lr_combo, self.batch_spin, self.reg_combo, self.reg_rate_combo,
                  self.schedule.schedule_combo, self.schedule.early_combo):
            w.setEnabled(not program)

    def _build(self) -> None:
        cfg = self.session.config
        self.train_button = tip(QPushButton(self.tr("▶  Train")),
                                self.tr("Start or pause training (Space). Training runs in "
                                        "the background; the plots follow it live."),
                                "trainButton")
        self.step_button = tip(QPushButton(self.tr("Step")),
                               self.tr("Train exactly one epoch, then pause "
                                       "(Ctrl+Right): watch a single pass over the "
                                       "data."), "stepButton")
        self.reset_button = tip(QPushButton(self.tr("Reset")),
                                self.tr("Throw the learned weights away and start "
                                        "again from fresh random weights (Ctrl+R)."), "resetButton")
        self.epoch_label = tip(QLabel(self.tr("Epoch 0")),
                               self.tr("Passes over the training data so far."),
                                       "epochLabel")
        self.lr_combo = tip(value_combo(LEARNING_RATES, cfg.lr, editable=True, complete=False),
                            self.tr("Learning rate: how far each step moves the weights. Too small "
                            "learns slowly; too large makes the loss jump or explode. "
                            "Applies at the next step."), "lrCombo")
        self.optimizer_combo = tip(choice_combo(OPTIMIZERS, cfg.optimizer),
                                   self.tr(
                                       "How gradients become steps: plain SGD, SGD with momentum "
                                       "(keeps a running direction), or Adam (a step size per "
                                       "weight)."), "optimizerCombo")
        self._optimizer_tip = self.optimizer_combo.toolTip()
        self.code_label = tip(QLabel(self.tr("Your code")), self.tr("Your own forward, backward "
                              "and update (the Your code tab) drive this training; Back to the "
                              "playground's code is there."), "codeBadge")
        self.code_label.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; "
                                      "border: 1px solid #e0c36a; border-radius: 4px; "
                                      "padding: 3px 6px; }")
        self.batch_spin = tip(QSpinBox(),
                              self.tr("Samples per step: the gradient is averaged over this "
                                      "many points before the weights move."), "batchSpin")
        self.batch_spin.setRange(1, 60_000)  # a full batch of MNIST is a lesson too
        self.reg_combo = tip(choice_combo(REGULARIZATION, "none"), self.tr("Regularization pulls "
                             "weights towards zero: L1 makes many exactly zero, L2 keeps all "
                             "small."), "regCombo")
        self.reg_rate_combo = tip(value_combo(REG_RATES, 0.0),
                                  self.tr("How strongly regularization "
                                          "pulls on the weights."), "regRateCombo")
        self.schedule = ScheduleBox(self.session, self)
        self.speed_combo = tip(choice_combo(SPEEDS, self.session.speed or 0.0),
                               self.tr("How fast training goes: one epoch a second to follow each "
                               "update, up to full speed. Applies at once."), "speedCombo")
        self._layout()
        self.speed_combo.activated.connect(
            lambda: self.session.set_speed(self.speed_combo.currentData() or None))
        self.train_button.clicked.connect(self.session.runner.toggle)
        self.step_button.clicked.connect(self.session.step_epoch)
        self.reset_button.clicked.connect(self.session.reset)
        self.lr_combo.lineEdit().editingFinished.connect(self._lr_edited)
        self.lr_combo.activated.connect(self._lr_edited)
        self.optimizer_combo.activated.connect(
            lambda: self.session.set_config(optimizer=self.optimizer_combo.currentData()))
        self.batch_spin.editingFinished.connect(
            lambda: self.session.set_config(batch_size=self.batch_spin.value()))
        self.reg_combo.activated.connect(self._reg_kind_picked)
        self.reg_rate_combo.activated.connect(self._reg_rate_picked)

    def _layout(self) -> None:
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(8, 4, 8, 4)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.step_button, self.reset_button):
            b.setMinimumHeight(32)
            buttons.addWidget(b)
        self.train_button.setMinimumWidth(110)
        # a fixed size: a label whose size hint changes with each frame's text made the layout
        # cascade and the whole window repaint every frame (measured: 17 window paints/10 frames)
        self.epoch_label.setFixedSize(130, 32)
        self.epoch_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons.addWidget(self.epoch_label)
        buttons.addWidget(self.code_label)
        buttons.addStretch(1)
        self._row.addLayout(buttons, 1)
        self.settings = QWidget()
        self._grid = QGridLayout(self.settings)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(2)
        self._cells = [(caption(text), w) for text, w in (
            (self.tr("Learning rate"), self.lr_combo), (self.tr("Optimizer"), self.optimizer_combo),
            (self.tr("Batch size"), self.batch_spin), (self.tr("Early stop"),
                                                       self.schedule.early_combo),
            (self.tr("Regularization"), self.reg_combo), (self.tr("Rate"), self.reg_rate_combo),
            (self.tr("Speed"), self.speed_combo), (self.tr("Schedule"),
                                                   self.schedule.schedule_combo))]
        self._place(False)
        self._row.addWidget(self.settings)

    def _place(self, compact: bool) -> None:
        """Beside the buttons the settings take three rows of three (one row made the window
        at least 1,235 px wide, four columns 1,240), the schedule spanning the room of two;
        under them (a narrow window, where height is short and width is not) two rows of four
        (three rows gave the MNIST page a scroll bar at 1024x700 beside the diagnostics)."""
        grid = self._grid
        for (label, widget), (r, c, span) in zip(self._cells, COMPACT if compact else WIDE,
                                                  strict=True):
            grid.removeWidget(label)
            grid.removeWidget(widget)
            grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, r, 2 * c + 1, 1, span)

    def set_compact(self, compact: bool) -> None:
        """The settings under the buttons (a narrow window: the bar needs ~700 px instead of
        ~960) or beside them."""
        self._place(compact)
        fold(self._row, compact)
        self._row.setAlignment(self.settings, Qt.AlignmentFlag.AlignLeft if compact
                               else Qt.AlignmentFlag(0))

    @property
    def compact(self) -> bool:
        return is_folded(self._row)

    def _lr_edited(self) -> None:
        try:
            lr = combo_value(self.lr_combo)
        except ValueError:
            self.session.sig_error.emit(self.tr(
                "The learning rate must be a number, not {0!r}.")
                    .format(self.lr_combo.currentText()))
            self._show_config()
            return
        if lr != self.session.config.lr:
            self.session.set_config(lr=lr)

    def _reg_kind_picked(self) -> None:
        """L1 or L2 switches regularization on, with a starting rate if the rate is 0."""
        kind, rate = self.reg_combo.currentData(), self.reg_rate_combo.currentData()
        self._set_regularization(kind, rate or STARTING_REG_RATE)

    def _reg_rate_picked(self) -> None:
        """A rate above 0 switches L2 on if regularization is off; 0 switches it off."""
        kind, rate = self.reg_combo.currentData(), self.reg_rate_combo.currentData()
        self._set_regularization(STARTING_REG if kind == "none" else kind, rate)

    def _set_regularization(self, kind: str, rate: float) -> None:
        self.session.set_config(l1=rate if kind == "l1" else 0.0,
                                l2=rate if kind == "l2" else 0.0)

    def _show_state(self, state: str) -> None:
        self.train_button.setText(self.tr(
            "❚❚  Pause") if state == "running" else self.tr("▶  Train"))

    def _show_epoch(self) -> None:
        self.epoch_label.setText(self.tr("Epoch {0}").format(f"{self.session.epoch:,}"))

    def _show_config(self) -> None:
        cfg = self.session.config
        set_combo_value(self.lr_combo, cfg.lr)
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(cfg.optimizer))
        self.batch_spin.setValue(int(cfg.batch_size))
        kind = "l1" if cfg.l1 else "l2" if cfg.l2 else "none"
        self.reg_combo.setCurrentIndex(self.reg_combo.findData(kind))
        set_combo_value(self.reg_rate_combo, cfg.l1 or cfg.l2)
        self.speed_combo.setCurrentIndex(max(0, self.speed_combo.findData(self.session.speed
                                                                          or 0.0)))
        self.schedule.show_config()
