"""The diagnostics panel: the health monitor, the gradient check and the bug lab's switches.

It follows the session of the tab on show (``set_session``). The monitor's numbers and findings
refresh at most ``REFRESH_MS`` apart while training; each finding offers its fixes as buttons.
The bug-lab switches are off by default and marked as bugs; the gradient check turns red exactly
when one of them changes the gradient.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.gui.i18n import say, translate
from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import tip, wrapped_check
from playground.gui.widgets.lab_box import LabPresetBox
from playground.nn import GradCheckResult
from playground.nn.bugs import BUGS
from playground.nn.gradcheck import INCONCLUSIVE
from playground.nn.health import FIXES, Finding, LayerHealth, loss_trend
from playground.teach.lab import LabPreset

REFRESH_SECONDS = 0.25
# saturated (sigmoid, tanh) and dead (ReLU) share a column: a layer has one or the other, and
# two columns cut the layer's name at the dock's narrowest (1024 px beside the MNIST tab)
COLUMNS = (QT_TRANSLATE_NOOP("HealthTable", "Layer"), "‖∇W‖", "‖W‖",
           QT_TRANSLATE_NOOP("HealthTable", "Stuck"))
RED, GREEN, GREY = "#b00020", "#1b7f3b", "#555555"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _short(value: float | None, digits: int) -> str:
    """``value`` to ``digits`` significant digits, its exponent without "+" and leading zeros
    ("2.78e3", not "2.78e+03"): the dock is narrow and the layer's name must not be cut."""
    if value is None:
        return "–"
    text = f"{value:.{digits}g}"
    mantissa, e, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}" if e else text


class HealthTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("healthTable")
        self.setToolTip(self.tr(
            "Per layer: the size of the last step's gradient ‖∇W‖, of the weights ‖W‖, and "
            "the share of its units that are stuck: sigmoid/tanh units in their flat tails "
            "(saturated) or ReLUs that output 0 for every sample (dead)."))
        self.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setMaximumHeight(150)

    def show_health(self, health: tuple[LayerHealth, ...] | None) -> None:
        rows = health or ()
        self.setRowCount(len(rows))
        for r, h in enumerate(rows):
            stuck = h.saturated if h.saturated is not None else h.dead
            cells = (f"{h.index + 1} {h.activation}", _short(h.grad_norm, 2),
                     _short(h.weight_norm, 3), _share(stuck))
            for c, text in enumerate(cells):
                self.setItem(r, c, QTableWidgetItem(text))
            self.item(r, 3).setToolTip(self._stuck_tip(h))

    def _stuck_tip(self, h: LayerHealth) -> str:
        if h.saturated is not None:
            return self.tr("{0} of this layer's units are saturated: in the flat tails of "
                           "{1}, where its slope is near 0, they barely learn.").format(
                               _share(h.saturated), h.activation)
        if h.dead is not None:
            return self.tr("{0} of this layer's ReLUs are dead: they output 0 for every "
                           "sample, so no gradient reaches them.").format(_share(h.dead))
        return self.tr("Only sigmoid and tanh units saturate, and only ReLUs die.")


class DiagnosticsPanel(QWidget):
    sig_lab_fixed = Signal(str, bool)  # a lab preset's switch: (preset name, fixed)
    sig_study = Signal(bool)  # the lab's 20-seed study asked for, of the preset fixed or not

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("diagnosticsPanel")
        self.session: TrainingSession | None = None
        self._lab_session: TrainingSession | None = None  # the one the lab preset was put on
        self.check: GradCheckResult | None = None
        self.findings: list[Finding] = []
        self._shape: list | None = None  # the findings' fixes, to rebuild buttons only on change
        self._labels: list[QLabel] = []
        self._refreshed = 0.0
        self.lab_box = LabPresetBox()
        self.lab_box.sig_fixed.connect(self.sig_lab_fixed)
        self.lab_box.sig_study.connect(self.sig_study)
        self.table = HealthTable()
        self.trend = tip(QLabel(), self.tr("How the training loss changed over the last epochs."),
                         "lossTrend")
        self.trend.setWordWrap(True)
        self.findings_box = QVBoxLayout()
        self.check_button = tip(QPushButton(self.tr("Check gradients")),
                                self.tr("Compare backprop's gradient with "
                                        "finite differences on a few training "
                                        "samples: a correct backward pass "
                                        "agrees to about 1e-9."), "gradCheckButton")
        self.check_label = tip(QLabel(self.tr("Not checked yet.")),
                               self.tr("Relative error per layer; 1e-6 "
                                       "or less passes."), "gradCheckResult")
        self.check_label.setWordWrap(True)
        self._bug_rows: dict[str, QWidget] = {}
        self.bug_boxes = {name: self._bug_box(name) for name in BUGS}
        self.check_button.clicked.connect(self.run_gradient_check)
        self._layout()

    def _bug_box(self, name: str) -> QCheckBox:
        bug = BUGS[name]
        title, wrote, effect = (translate("Bugs", t) for t in (bug.title, bug.wrote, bug.effect))
        box = tip(QCheckBox(), f"{wrote}\n{effect}", f"bug_{name}")
        box.setAccessibleName(title)
        self._bug_rows[name] = wrapped_check(box, self.tr("BUG: {0}").format(title),
                                             f"color: {RED}; font-weight: 600;")
        box.toggled.connect(lambda on, n=name: self._switch_bug(n, on))
        return box

    def _layout(self) -> None:
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.lab_box)
        self.monitor = monitor = QGroupBox(self.tr("Health monitor"))
        monitor.setObjectName("healthMonitor")
        mcol = QVBoxLayout(monitor)
        mcol.addWidget(self.table)
        mcol.addWidget(self.trend)
        mcol.addLayout(self.findings_box)
        col.addWidget(monitor)
        check = QGroupBox(self.tr("Gradient check"))
        ccol = QVBoxLayout(check)
        ccol.addWidget(self.check_button)
        ccol.addWidget(self.check_label)
        col.addWidget(check)
        lab = QGroupBox(self.tr("Bug lab"))  # a group's title never wraps: kept short
        lab.setObjectName("bugLab")
        lcol = QVBoxLayout(lab)
        what = QLabel(self.tr("Deliberate mistakes, off by default: switch one on and watch "
                              "what it does."))
        what.setWordWrap(True)
        lcol.addWidget(what)
        for row in self._bug_rows.values():
            lcol.addWidget(row)
        col.addWidget(lab)
        col.addStretch(1)

    # ----- following a session ------------------------------------------------------------------
    def set_session(self, session: TrainingSession | None) -> None:
        """Follow ``session`` (None: follow nothing, as the window closes)."""
        if session is self.session:
            return
        if self.session is not None:
            for sig, slot in self._connections():
                sig.disconnect(slot)
        self.session = session
        if session is not None:
            # whose network: on the Digits and Your code tabs it is still the Playground's
            self.monitor.setTitle(self.tr("Health monitor ({0})").format(session.TAB_NAME))
            # a lab preset's lines describe its own tab's network, not the other tab's
            self.lab_box.setVisible(self.lab_box.preset is not None and
                                    session is self._lab_session)
            for sig, slot in self._connections():
                sig.connect(slot)
            self._network_changed()

    def show_lab_preset(self, preset: LabPreset, fixed: bool) -> None:
        """A lab preset's three lines, beside the network of the session shown now (the
        preset's own: the window has just put it on its tab)."""
        self._lab_session = self.session
        self.lab_box.show_preset(preset, fixed)

    def show_study(self, solved: int, runs: int, fixed: bool) -> None:
        """The lab's 20-seed study's result, beside its preset."""
        self.lab_box.show_study(solved, runs, fixed)

    def put_lab_preset_away(self, session: TrainingSession) -> None:
        """An ordinary example or a new network on ``session``: if the preset was put on it,
        its lines no longer apply."""
        if session is self._lab_session:
            self.lab_box.forget()

    def _connections(self) -> list:
        s = self.session
        return [(s.sig_frame, self._maybe_refresh), (s.sig_network_changed, self._network_changed),
                (s.sig_state_changed, self.refresh)]

    def _network_changed(self) -> None:
        self.check = None
        self.check_label.setText(self.tr("Not checked yet."))
        self.check_label.setStyleSheet("")
        for name, box in self.bug_boxes.items():
            box.blockSignals(True)
            box.setChecked(self.session.arch.has_bug(name))
            box.blockSignals(False)
        self.refresh()

    def _maybe_refresh(self) -> None:
        if time.perf_counter() - self._refreshed >= REFRESH_SECONDS:
            self.refresh()

    def refresh(self) -> None:
        """Numbers and findings for the weights on display."""
        self._refreshed = time.perf_counter()
        if self.session is None or not self.isVisible():
            return
        health = self.session.diagnosis.health()
        self.table.show_health(health)
        history, at = self.session.history, self.session.timeline.at
        losses = history.array("train_loss")
        if at is not None:  # the trend up to the epoch the timeline shows
            losses = losses[history.array("epoch") <= at]
        trend = say(loss_trend(losses))
        self.trend.setText(trend[:1].upper() + trend[1:])
        self.findings = ([] if health is None else
                         self.session.diagnosis.findings(health, self.check))
        self._show_findings()

    def _show_findings(self) -> None:
        shape = [(f.fixes, f.bug, f.severe) for f in self.findings]
        if shape == self._shape and self.findings_box.count():  # the same findings (or none
            for label, finding in zip(self._labels, self.findings, strict=True):  # again): new
                label.setText(say(finding.says))  # numbers in place
            return
        self._shape, self._labels = shape, []
        while self.findings_box.count():
            item = self.findings_box.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleted later, it was drawn over the new one
                item.widget().deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        if not self.findings:
            ok = QLabel(self.tr("Nothing looks wrong."))
            ok.setObjectName("findingOk")
            ok.setStyleSheet(f"color: {GREEN};")
            self.findings_box.addWidget(ok)
        for finding in self.findings:
            text = QLabel(say(finding.says))
            self._labels.append(text)
            text.setObjectName("finding")
            text.setWordWrap(True)
            if finding.severe:
                text.setStyleSheet(f"color: {RED};")
            self.findings_box.addWidget(text)
            row = QHBoxLayout()
            for key in finding.fixes:
                button = QPushButton(translate("Health", FIXES[key]))
                button.setObjectName(f"fix_{key}")
                button.clicked.connect(lambda _=False, k=key, f=finding: self.apply_fix(k, f))
                row.addWidget(button)
            row.addStretch(1)
            self.findings_box.addLayout(row)

    # ----- actions ------------------------------------------------------------------------------
    def apply_fix(self, key: str, finding: Finding) -> None:
        s = self.session
        if key in ("lower-lr", "lower-lr-reset"):
            s.set_config(lr=s.config.lr / 10)
            if key == "lower-lr-reset":
                s.reset()
            s.sig_status.emit(self.tr("Learning rate lowered to {0:g}").format(s.config.lr))
        elif key == "reset":
            s.reset()
        elif key == "bias-on":
            s.edits.set_architecture(s.arch.with_bug("no-bias", False))
        elif key == "init-suited":
            s.edits.set_architecture(s.arch.with_bug("uniform-init", False))
        elif key in ("bug-off", "bug-off-reset") and finding.bug:
            s.edits.set_architecture(s.arch.with_bug(finding.bug, False))
            if key == "bug-off-reset":
                s.reset()

    def _switch_bug(self, name: str, on: bool) -> None:
        self.session.edits.set_architecture(self.session.arch.with_bug(name, on))
        self.session.sig_status.emit((self.tr("Bug {0} switched on") if on else
                                      self.tr("Bug {0} switched off")).format(name))
        self.run_gradient_check()  # red exactly when the switch changed the gradient

    def run_gradient_check(self) -> None:
        self.check = self.session.diagnosis.gradient_check()
        if self.check is None:
            self.check_label.setText(self.tr("There are no training samples to check on."))
            return
        check = self.check
        rows = [self.tr("layer {0}: {1:.1e}").format(c.layer + 1, c.relative_error)
                + (self.tr(" (cannot judge)") if c.unjudged else "") for c in check.layers]
        if check.failed:
            verdict, colour = self.tr("FAIL: backprop's gradient is wrong"), RED
        elif not check.conclusive:
            verdict, colour = self.tr("Cannot judge: {0}.").format(
                translate("GradCheck", INCONCLUSIVE[check.reason])), GREY
        else:
            verdict, colour = self.tr("PASS"), GREEN
        self.check_label.setText(f"{verdict}\n" + "\n".join(rows))
        self.check_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.refresh()


def _clear(layout) -> None:  # noqa: ANN001 - a QLayout
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
