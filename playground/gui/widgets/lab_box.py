"""The lab preset's box: what the learner did, what to watch, what to try, and the fix switch.

For xor-wrong-derivative it also offers the 20-seed study: the window trains the preset's
network from 20 seeds in the seed grid (``sig_study``), where each copy shows its boundary as
it learns, and the box says how many reached 100%.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton, QVBoxLayout

from playground.gui.i18n import translate
from playground.gui.widgets.common import tip
from playground.teach.lab import LabPreset

STUDY_PRESET = "xor-wrong-derivative"


class LabPresetBox(QGroupBox):
    sig_fixed = Signal(str, bool)  # (preset name, fixed)
    sig_study = Signal(bool)  # run the 20-seed study of the preset as shown (fixed or not)

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
                                self.tr("Train this network from 20 seeds at once, side by "
                                        "side in the seed grid, for 20,000 steps each, and "
                                        "count how many solve XOR."), "studyButton")
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

    def forget(self) -> None:
        self.preset = None
        self.hide()

    def run_study(self) -> None:
        self.study_label.setText(self.tr("Training the network from 20 seeds in the seed "
                                         "grid…"))
        self.study_label.show()
        self.sig_study.emit(self.fix_switch.isChecked())

    def show_study(self, solved: int, seeds: int, fixed: bool) -> None:
        """What the study found for the preset as written or fixed."""
        text = (self.tr("Fixed: {0} of {1} seeds reached 100%.") if fixed else
                self.tr("As written: {0} of {1} seeds reached 100%."))
        self.study_label.setText(text.format(solved, seeds) + " " + self.tr(
            "A 2-2-1 net gets stuck on some seeds even without the bug: not every failure is "
            "a bug. Switch Fixed and run it again to compare."))
        self.study_label.show()
