"""The training bar's learning-rate schedule and early stopping: two combos, and a dialog for a
schedule of one's own (``nn.schedule``'s forms, with a warm-up)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.i18n import error_text
from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import choice_combo, tip
from playground.nn.schedule import parse_schedule

CUSTOM = "custom…"  # the combo's last item: opens the dialog
SCHEDULES = ((QT_TRANSLATE_NOOP("Labels", "Constant"), "constant"),
             (QT_TRANSLATE_NOOP("Labels", "Step ×0.5"), "step:0.5:100"),
             (QT_TRANSLATE_NOOP("Labels", "Exp ×0.995"), "exp:0.995"),
             (QT_TRANSLATE_NOOP("Labels", "Cosine 500"), "cosine:0:500"),
             (QT_TRANSLATE_NOOP("Labels", "Cosine 2,000"), "cosine:0:2000"),
             (QT_TRANSLATE_NOOP("Labels", "Your own…"), CUSTOM))
SCHEDULE_TIPS = {  # each short label said in full, on hover in the list
    "constant": QT_TRANSLATE_NOOP("ScheduleBox", "The same rate every epoch"),
    "step:0.5:100": QT_TRANSLATE_NOOP("ScheduleBox", "Half the rate every 100 epochs"),
    "exp:0.995": QT_TRANSLATE_NOOP("ScheduleBox", "×0.995 every epoch: half in 138 epochs"),
    "cosine:0:500": QT_TRANSLATE_NOOP("ScheduleBox",
                                      "Half a cosine from the rate down to 0 at epoch 500"),
    "cosine:0:2000": QT_TRANSLATE_NOOP("ScheduleBox",
                                       "Half a cosine from the rate down to 0 at epoch 2,000"),
    CUSTOM: QT_TRANSLATE_NOOP("ScheduleBox", "Write a schedule of your own, with a warm-up")}
PATIENCES = ((QT_TRANSLATE_NOOP("Labels", "Off"), 0), ("20", 20), ("50", 50), ("200", 200),
             ("1,000", 1000))  # epochs without a better test loss: the tooltip says so
MAX_WARMUP = 100_000


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP in the context "ScheduleBox", translated."""
    return QCoreApplication.translate("ScheduleBox", text)


class ScheduleBox(QObject):
    """The two combos (``scheduleCombo``, ``earlyStopCombo``) for ``session``'s training bar,
    kept true of its config."""

    def __init__(self, session: TrainingSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.schedule_combo = tip(choice_combo(SCHEDULES, "constant"), "", "scheduleCombo")
        # as wide as six characters, whatever is listed: a schedule of one's own as written
        # ("cosine:0.001:400") would widen the training bar past a narrow window's width
        self.schedule_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.schedule_combo.setMinimumContentsLength(6)
        for i, (_, key) in enumerate(SCHEDULES):
            self.schedule_combo.setItemData(i, _tr(SCHEDULE_TIPS[key]),
                                            Qt.ItemDataRole.ToolTipRole)
        self.early_combo = tip(QComboBox(), self.tr(
            "Early stopping: end the run once the test loss has not improved for this many "
            "epochs, and keep the weights of the epoch where it was lowest (it needs test "
            "points)."), "earlyStopCombo")
        self.early_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.early_combo.setMinimumContentsLength(5)  # as wide as "1,000"
        for label, patience in PATIENCES:
            self.early_combo.addItem(QCoreApplication.translate("Labels", label), patience)
        self.schedule_combo.activated.connect(self._schedule_picked)
        self.early_combo.activated.connect(
            lambda: session.set_config(early_stop=self.early_combo.currentData()))
        self.dialog: ScheduleDialog | None = None
        self.show_config()

    def _schedule_picked(self) -> None:
        text = self.schedule_combo.currentData()
        if text == CUSTOM:
            self.show_config()  # the combo shows what is in force until the dialog says
            self.dialog = ScheduleDialog(self.session, self.parent_widget)
            self.dialog.open()
        else:
            self.session.set_config(schedule=text)

    def show_config(self) -> None:
        """The combos as the config is: a schedule of one's own is listed as written."""
        cfg = self.session.config
        combo = self.schedule_combo
        index = combo.findData(cfg.schedule)
        if index < 0:  # the own schedule's item sits just above "Your own…"
            own = combo.count() - 1
            if combo.count() > len(SCHEDULES):
                combo.removeItem(own - 1)
                own -= 1
            combo.insertItem(own, cfg.schedule, cfg.schedule)
            index = own
        combo.setCurrentIndex(index)
        warm = self.tr(" After a warm-up of {0} epochs.").format(cfg.warmup) if cfg.warmup \
            else ""
        combo.setToolTip(self.tr(
            "How the learning rate changes epoch by epoch: constant, a step down every N "
            "epochs, a little less every epoch, or half a cosine down to a floor. The rate now "
            "is in the status bar, and its line on the loss plot.") + warm)
        early = self.early_combo.findData(int(cfg.early_stop))
        if early < 0:
            self.early_combo.addItem(f"{cfg.early_stop:,}", int(cfg.early_stop))
            early = self.early_combo.count() - 1
        self.early_combo.setCurrentIndex(early)


class ScheduleDialog(QDialog):
    """A schedule written as ``playground train --schedule`` takes it, and a warm-up; checked
    before it is applied, the reason shown in the dialog."""

    def __init__(self, session: TrainingSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("Learning-rate schedule"))
        cfg = session.config
        self.text = tip(QLineEdit(cfg.schedule), self.tr(
            "constant · step:F:N (× F every N epochs) · exp:D (× D every epoch) · "
            "cosine:MIN or cosine:MIN:N (down to MIN at the run's last epoch, or at epoch N)"),
                        "scheduleText")
        self.warmup = tip(QSpinBox(), self.tr("The first epochs' rate rises in a line up to the "
                                          "learning rate; the schedule starts after them."),
                          "warmupSpin")
        self.warmup.setRange(0, MAX_WARMUP)
        self.warmup.setValue(int(cfg.warmup))
        self.problem = QLabel()
        self.problem.setObjectName("scheduleProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Schedule"), self.text)
        form.addRow(self.tr("Warm-up epochs"), self.warmup)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("For example step:0.5:100, exp:0.99, cosine:0.001:1000.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _apply(self) -> None:
        text = self.text.text().strip().lower()
        try:
            parse_schedule(text, self.warmup.value())
        except ValueError as e:
            self.problem.setText(error_text(e))  # in the window's language
            self.adjustSize()  # room for a message of two lines
            return
        self.session.set_config(schedule=text, warmup=self.warmup.value())
        self.accept()
