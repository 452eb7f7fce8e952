"""The step inspector: one training step on one chosen point, stage by stage, every number.

Pick a training point (the chooser, or Shift+click on the plane; a test digit on the MNIST tab),
then step with Back and Next
(or the Left and Right keys) through forward layer by layer, the loss, backward from the output
down and the update, each with its formula and the numbers plugged in. Training pauses while
the inspector steps; it inspects the weights on display. With a bug-lab switch on, the correct
step stands beside the buggy one and the stage where they first part is marked. *Printout*
shows the arrays of one step under the names tutorials print (one hidden layer), to copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.gui.i18n import say
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.steps import Inspection
from playground.gui.widgets.common import tip
from playground.nn.explain import StepExplained
from playground.teach.step_text import difference_line, input_names, stages

RED = "#b00020"


class StepInspector(QWidget):
    def __init__(self, session: TrainingSession) -> None:
        super().__init__()
        self.session: TrainingSession | None = None
        self.setObjectName("stepInspector")
        self.stage = 0
        self.step: StepExplained | None = None
        self._build()
        self.set_session(session)

    def set_session(self, session: TrainingSession) -> None:
        """Follow ``session`` (the tab shown): the Playground's training points, or MNIST's
        test digits."""
        if session is self.session:
            return
        if self.session is not None:
            for sig, slot in self._connections():
                sig.disconnect(slot)
            self.session.steps.set_inspected(None)
            self.session.steps.set_inspection(None)
        self.session = session
        for sig, slot in self._connections():
            sig.connect(slot)
        if self.isVisible():
            self.session.steps.set_inspected(self.point_spin.value())
            self.refresh()

    def _connections(self) -> list:
        s = self.session
        return [(s.sig_network_changed, self.refresh), (s.sig_data_changed, self.refresh),
                (s.sig_state_changed, self._state_changed)]

    def _build(self) -> None:
        self.point_spin = tip(QSpinBox(),
                              self.tr("The training point whose step is shown (it is ringed "
                                      "on the plane)."), "inspectPoint")
        self.point_label = QLabel()
        self.back_button = tip(QPushButton(self.tr("◀ Back")),
                               self.tr("The previous stage (Left)."), "stepBack")
        self.next_button = tip(QPushButton(self.tr("Next ▶")),
                               self.tr("The next stage (Right)."), "stepNext")
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stageTitle")
        self.stage_label.setWordWrap(True)
        self.stage_label.setStyleSheet("font-weight: 600;")
        self.text = QPlainTextEdit()
        self.text.setObjectName("stageText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.difference_label = QLabel()
        self.difference_label.setObjectName("firstDifference")
        self.difference_label.setWordWrap(True)
        self.difference_label.setStyleSheet(f"color: {RED};")
        self.printout_button = tip(QPushButton(self.tr("Printout")),
                                   self.tr("The arrays of one step on the first "
                                           "four points, under the names tutorials print them."),
                                           "printoutButton")
        self.printout_button.setCheckable(True)
        self.copy_button = tip(QPushButton(self.tr("Copy")),
                               self.tr("Copy what is shown as text."), "copyStep")
        self._layout()
        self.point_spin.valueChanged.connect(self._point_chosen)
        self.back_button.clicked.connect(lambda: self.go(self.stage - 1))
        self.next_button.clicked.connect(lambda: self.go(self.stage + 1))
        self.printout_button.toggled.connect(lambda _: self._show())
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))

    def _layout(self) -> None:
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Point")))
        row.addWidget(self.point_spin)
        row.addWidget(self.point_label, 1)
        col.addLayout(row)
        nav = QGridLayout()  # two rows: the dock fits beside the Playground page at 1024 px
        for i, w in enumerate((self.back_button, self.next_button, self.printout_button,
                               self.copy_button)):
            nav.addWidget(w, *divmod(i, 2))
        col.addLayout(nav)
        col.addWidget(self.stage_label)
        col.addWidget(self.text, 1)
        col.addWidget(self.difference_label)

    # ----- following the session ----------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the step for the weights on display (while the inspector is shown: hidden,
        it put a step of old weights on the diagram after every edit)."""
        if not self.isVisible():
            return
        n = self.session.steps.count()
        self.point_spin.blockSignals(True)
        self.point_spin.setRange(0, max(0, n - 1))
        self.point_spin.blockSignals(False)
        self.step = self.session.steps.explain(self.point_spin.value()) if n else None
        self._show()

    def _state_changed(self, state: str) -> None:
        if not self.isVisible():
            return
        if state != "running":
            self.refresh()  # paused or stopped: the weights on display are final for now
            return
        # training moves the weights: the step shown, and its values on the diagram, would be
        # of weights no longer on display
        self.step = None
        self.session.steps.set_inspection(None)
        self.stage_label.setText(self.tr(
            "Training: the weights move. Back or Next pauses it and shows the step on the "
            "weights as they are then."))
        self.text.setPlainText("")
        self.difference_label.setText("")

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.session.steps.set_inspected(self.point_spin.value())
        self.refresh()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().hideEvent(event)
        self.session.steps.set_inspected(None)
        self.session.steps.set_inspection(None)

    def inspect(self, index: int) -> None:
        """Show training point ``index`` (the plane's context menu asks for it)."""
        self.point_spin.setValue(index)

    def point(self) -> int:
        """The sample it shows, or would show when opened."""
        return self.point_spin.value()

    def _point_chosen(self, index: int) -> None:
        self._pause()
        self.session.steps.set_inspected(index)
        self.refresh()

    def go(self, stage: int) -> None:
        """Show stage ``stage`` (clamped); training pauses while the inspector steps."""
        self._pause()
        if self.step is None or self.session.state == "running":
            self.refresh()
        self.stage = stage
        self._show()

    def _pause(self) -> None:
        if self.session.state == "running":
            self.session.pause()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.go(self.stage + (1 if event.key() == Qt.Key.Key_Right else -1))
            return
        super().keyPressEvent(event)

    # ----- showing ------------------------------------------------------------------------------
    def stage_texts(self) -> list[tuple[str, list[str]]]:
        """(title, lines) of every stage of the step shown, the correct values beside the
        buggy ones when a bug is on."""
        if self.step is None:
            return []
        net = self.session.net
        names = input_names(net, self.session.steps.input_labels())
        shown = [(say(title), lines) for title, lines in stages(net, self.step, names)]
        if self.step.correct is None:
            return shown
        right = stages(net, self.step.correct, names)
        return [(title, [*lines, "", self.tr("without the bugs:"), *(f"  {t}" for t in good)])
                for (title, lines), (_, good) in zip(shown, right, strict=True)]

    def first_difference_stage(self) -> int | None:
        """The stage where the buggy step first parts from the correct one."""
        diff = self.step.first_difference if self.step is not None else None
        if diff is None:
            return None
        n = len(self.step.forward)
        if diff.array in ("z", "a"):
            return diff.layer - 1
        if diff.array == "update":
            return 2 * n + 1
        return n + 1 + (n - diff.layer)  # backward runs from the output (stage n + 1) down

    def _inspection(self) -> Inspection | None:
        """The stage shown, as the diagram follows it."""
        if self.step is None:
            return None
        n = len(self.step.forward)
        if self.stage < n:
            return Inspection("forward", self.stage + 1, self.step)
        if self.stage == n:
            return Inspection("loss", 0, self.step)
        if self.stage <= 2 * n:
            return Inspection("backward", 2 * n + 1 - self.stage, self.step)
        return Inspection("update", 0, self.step)

    def _show(self) -> None:
        self.point_label.setText("" if self.step is None else
                                 self.session.steps.label(self.point_spin.value()))
        if self.printout_button.isChecked():
            lines = self.session.steps.printout()
            self.stage_label.setText(self.tr(
                "One step on the first four training points, as a tutorial "
                "prints it") if lines else self.tr("The printout needs a network "
                "with exactly one hidden layer."))
            self.text.setPlainText("\n".join(lines or []))
            self.difference_label.setText("")
            return
        texts = self.stage_texts()
        if not texts:
            self.stage_label.setText(self.tr(
                "There is nothing to inspect yet (no points, or MNIST not "
                "read)."))
            self.text.setPlainText("")
            return
        self.stage = max(0, min(self.stage, len(texts) - 1))
        title, lines = texts[self.stage]
        marked = self.first_difference_stage()
        flag = self.tr("  ◀ the first difference") if marked == self.stage else ""
        self.stage_label.setText(self.tr(
            "{0} of {1}: {2}{3}").format(self.stage + 1, len(texts), title, flag))
        self.text.setPlainText("\n".join(lines))
        self.session.steps.set_inspection(self._inspection())
        self.back_button.setEnabled(self.stage > 0)
        self.next_button.setEnabled(self.stage < len(texts) - 1)
        self.difference_label.setText(say(difference_line(self.session.net, self.step) or ""))
