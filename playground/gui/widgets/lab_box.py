"""The lab preset's box: what the learner did, what to watch, what to try, and the fix switch.

For xor-wrong-derivative it also runs the 20-seed study (in two processes, with a progress
dialog that keeps the window drawing and can be cancelled).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
)

from playground.gui.i18n import translate
from playground.gui.widgets.common import tip
from playground.lab import LabPreset, format_study, xor_seed_study

STUDY_PRESET = "xor-wrong-derivative"


class StudyCancelledError(Exception):
    pass


class LabPresetBox(QGroupBox):
    sig_fixed = Signal(str, bool)  # (preset name, fixed)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("LabPresetBox", "Lab preset"))
        self.setObjectName("labPresetBox")
        self.preset: LabPreset | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.lines = [QLabel() for _ in range(3)]
        self.fix_switch = tip(QCheckBox(self.tr("Fixed")),
                              self.tr("Train the same network the right way."),
                                      "fixSwitch")
        self.study_button = tip(QPushButton(self.tr("Run the 20-seed study")),
                                self.tr("Train 2-2-1 and 2-4-1 XOR nets from 20 "
                                        "seeds each, with and without the bug, and "
                                        "count how many solve XOR (about 20 s)."), "studyButton")
        self.study_label = tip(QLabel(), "", "studyResult")
        col = QVBoxLayout(self)
        col.addWidget(self.title)
        for label in (self.title, *self.lines, self.study_label):
            label.setWordWrap(True)  # the dock's width must not follow the longest sentence
        for w in (*self.lines, self.fix_switch, self.study_button, self.study_label):
            col.addWidget(w)
        self.fix_switch.toggled.connect(
            lambda on: self.preset and self.sig_fixed.emit(self.preset.name, on))
        self.study_button.clicked.connect(self.run_study)
        self.hide()

    def show_preset(self, preset: LabPreset, fixed: bool) -> None:
        self.preset = preset
        self.title.setText(translate("Lab", preset.title))
        texts = (self.tr("What the learner did: {0}"), self.tr("What to watch: {0}"),
                 self.tr("What to try: {0}"))
        for label, template, text in zip(self.lines, texts, (preset.did, preset.watch,
                                                             preset.try_), strict=True):
            label.setText(template.format(translate("Lab", text)))
        self.fix_switch.blockSignals(True)
        self.fix_switch.setChecked(fixed)
        self.fix_switch.blockSignals(False)
        self.study_button.setVisible(preset.name == STUDY_PRESET)
        self.study_label.setVisible(preset.name == STUDY_PRESET and bool(self.study_label.text()))
        self.show()

    def run_study(self) -> dict | None:
        dialog = QProgressDialog(self.tr("Training XOR nets from 20 seeds…"),
                                 self.tr("Cancel"), 0, 80, self)
        dialog.setObjectName("studyProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QApplication.processEvents()
            if dialog.wasCanceled():
                raise StudyCancelledError

        try:
            result = xor_seed_study(progress=progress)
        except StudyCancelledError:
            self.study_label.setText(self.tr("Study cancelled."))
            return None
        finally:
            dialog.close()
        self.study_label.setText("\n".join(format_study(result)) + "\nA 2-2-1 net also gets "
                                 "stuck without the bug: not every failure is a bug.")
        self.study_label.show()
        return result
