"""The layer editor: hidden layers (units, activation, bias), the output layer, loss, init, seed.

Every edit builds a new ``Architecture`` and hands it to the session, which stops training and
rebuilds the network.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.experiment import MAX_HIDDEN_LAYERS, MAX_UNITS, Architecture, losses_for
from playground.gui.i18n import translate
from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import BoundedSpin, caption, choice_combo, tip
from playground.nn import HIDDEN_ACTIVATIONS, INITS, OUTPUT_ACTIVATIONS, LayerSpec
from playground.nn.activations import ACTIVATIONS
from playground.nn.init import INIT_LABELS, INIT_TIPS
from playground.nn.losses import LOSS_LABELS

ACT_LABELS = {name: a.label for name, a in ACTIVATIONS.items()}  # the registry's, not ours


def _formula_tips(combo: QComboBox) -> None:
    """Each activation's formula as its entry's tooltip."""
    for i in range(combo.count()):
        combo.setItemData(i, QCoreApplication.translate("Labels", ACTIVATIONS[
            combo.itemData(i)].formula), Qt.ItemDataRole.ToolTipRole)


def _t(text: str) -> str:
    """A layer row's text (the row is no QObject: the editor's context)."""
    return QCoreApplication.translate("LayerEditor", text)


# the row's texts, for lupdate (it reads literal translate calls)
_ROW_TEXTS = (QT_TRANSLATE_NOOP("LayerEditor", "Neurons in this layer (1 to {0})."),
              QT_TRANSLATE_NOOP("LayerEditor", "The function each neuron applies to its "
                                               "weighted sum."),
              QT_TRANSLATE_NOOP("LayerEditor", "bias"),
              QT_TRANSLATE_NOOP("LayerEditor", "A bias lets a neuron shift its output: without "
                                               "one, every neuron gives f(0) at the origin."),
              QT_TRANSLATE_NOOP("LayerEditor", "Remove this layer."))
DROPOUT_TIP = QT_TRANSLATE_NOOP("LayerEditor", "Dropout: in training, each step zeroes this share "
                                               "of the layer's units at random (the others count "
                                               "for more); the boundary, the numbers and the "
                                               "exports use every unit.")
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.5)  # a file's other rate is listed too


class _LayerRow:
    """The controls of one hidden layer."""

    def __init__(self, index: int, spec: LayerSpec) -> None:
        self.label = QLabel(QCoreApplication.translate("LayerEditor", "Layer {0}").format(
            index + 1))
        self.units = tip(BoundedSpin(1, MAX_UNITS, "A layer's units"),
                         _t("Neurons in this layer (1 to {0}).").format(f"{MAX_UNITS:,}"),
                         f"unitsSpin{index}")
        self.units.setValue(spec.units)
        self.activation = tip(choice_combo([(ACT_LABELS[a], a) for a in HIDDEN_ACTIVATIONS],
                                           spec.activation),
                              _t("The function each neuron applies to its weighted sum."),
                              f"activationCombo{index}")
        _formula_tips(self.activation)
        self.bias = tip(QCheckBox(_t("bias")), _t("A bias lets a neuron shift its output: "
                                                  "without one, every neuron gives f(0) at the "
                                                  "origin."), f"biasCheck{index}")
        self.bias.setChecked(spec.bias)
        self.dropout = tip(QComboBox(), _t(DROPOUT_TIP), f"dropoutCombo{index}")
        _show_rate(self.dropout, spec.dropout)
        self.remove = tip(QPushButton("✕"), _t("Remove this layer."), f"removeLayer{index}")
        self.remove.setFixedWidth(28)

    def show_spec(self, spec: LayerSpec) -> None:
        """Show ``spec`` without emitting anything."""
        for w in (self.units, self.activation, self.bias, self.dropout):
            w.blockSignals(True)
        self.units.setValue(spec.units)
        self.activation.setCurrentIndex(self.activation.findData(spec.activation))
        self.bias.setChecked(spec.bias)
        _show_rate(self.dropout, spec.dropout)
        for w in (self.units, self.activation, self.bias, self.dropout):
            w.blockSignals(False)

    def widgets(self) -> list[QWidget]:
        return [self.label, self.units, self.activation, self.bias, self.dropout, self.remove]

    def spec(self) -> LayerSpec:
        return LayerSpec(self.units.value(), self.activation.currentData(), self.bias.isChecked(),
                         dropout=self.dropout.currentData())


def _show_rate(combo: QComboBox, rate: float) -> None:
    """The dropout rates offered, and ``rate`` (added when a file had another), shown."""
    rates = sorted({*DROPOUTS, float(rate)})
    if [combo.itemData(i) for i in range(combo.count())] != rates:
        combo.clear()
        for r in rates:
            combo.addItem(f"{100 * r:g}%", r)  # "drop 30%" made the row 33 px too wide for
            # the Playground page beside the diagnostics at 1024 px; the diagram says "drop"
    combo.setCurrentIndex(combo.findData(float(rate)))


class LayerEditor(QGroupBox):
    def __init__(self, session: TrainingSession) -> None:
        super().__init__("Network")
        self.session = session
        self.setObjectName("layerEditor")
        self.rows: list[_LayerRow] = []
        self._updating = False
        self._grid = QGridLayout()
        self._grid.setVerticalSpacing(2)
        self._build_fixed()
        session.sig_network_changed.connect(self._show)
        session.sig_code_changed.connect(self._show_code)
        self._show()
        self._show_code()

    def _show_code(self) -> None:
        """While the learner's code trains, its constants decide the network: read-only here."""
        code = self.session.code
        self.setEnabled(code is None)
        if code is not None and code.program:
            self.setTitle(self.tr("Network (found in your program)"))
            self.setToolTip(self.tr("The network the check found in your program decides "
                                    "this one; change your program in the Your code tab."))
            return
        self.setTitle(self.tr(
            "Network (set by your code's LAYERS)") if code is not None else self.tr("Network"))
        self.setToolTip(self.tr(
            "Your code's LAYERS, ACTIVATION and OUTPUT decide this network; change "
            "them in the Your code tab.") if code is not None else "")

    def _build_fixed(self) -> None:
        self.add_button = tip(QPushButton(self.tr("+ Add layer")),
                              self.tr("Add a hidden layer before the output "
                                      "(at most 8)."), "addLayerButton")
        self.output_combo = tip(choice_combo([(ACT_LABELS[a], a) for a in OUTPUT_ACTIVATIONS],
                                             "sigmoid"), self.tr("The output layer's activation: "
                                "sigmoid for two classes, softmax for several."),
                                "outputActivationCombo")
        self.output_bias = tip(QCheckBox(self.tr("bias")),
                               self.tr("Bias of the output layer."), "outputBiasCheck")
        self.loss_combo = tip(QComboBox(),
                              self.tr("What the network minimises: how wrong its outputs "
                                      "are."), "lossCombo")
        self.init_combo = tip(choice_combo([(INIT_LABELS[i], i) for i in INITS], "xavier"),
                              self.tr(
                                  "How the starting weights are drawn: Xavier suits tanh/sigmoid, "
                                  "He suits ReLU, uniform ±1 saturates wide layers."), "initCombo")
        self.seed_spin = tip(QSpinBox(),
                             self.tr("Random seed of the starting weights: the same seed "
                                     "gives the same start."), "seedSpin")
        self.seed_spin.setRange(0, 99999)
        for i, key in enumerate(INITS):
            self.init_combo.setItemData(i, translate("Labels", INIT_TIPS[key]),
                                     Qt.ItemDataRole.ToolTipRole)
        for combo in (self.loss_combo, self.init_combo, self.output_combo):
            # every choice readable: the longest ("Binary cross-entropy") sets the width
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        out_row = QHBoxLayout()
        for text, w in ((self.tr("Output"), self.output_combo), ("", self.output_bias),
                        (self.tr("Loss"), self.loss_combo)):
            if text:
                out_row.addWidget(caption(text))
            out_row.addWidget(w)
        init_row = QHBoxLayout()
        for text, w in ((self.tr("Init"), self.init_combo), (self.tr("Seed"), self.seed_spin)):
            init_row.addWidget(caption(text))
            init_row.addWidget(w)
        init_row.addWidget(self.add_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.addLayout(self._grid)
        col.addLayout(out_row)
        col.addLayout(init_row)
        self.add_button.clicked.connect(self._add_layer)
        self.output_combo.activated.connect(self._output_changed)
        for signal in (self.output_bias.toggled, self.loss_combo.activated,
                       self.init_combo.activated, self.seed_spin.editingFinished):
            signal.connect(self._apply)

    # ----- reading and writing the controls -----------------------------------------------------
    def _rebuild_rows(self, arch: Architecture) -> None:
        for row in self.rows:
            for w in row.widgets():
                self._grid.removeWidget(w)
                w.hide()  # at once: deleteLater waits for the event loop, and it painted over
                w.setObjectName("")  # nor may a search by name find it meanwhile
                w.deleteLater()
        self.rows = [_LayerRow(i, spec) for i, spec in enumerate(arch.hidden)]
        for i, row in enumerate(self.rows):
            for col, w in enumerate(row.widgets()):
                self._grid.addWidget(w, i, col)
            row.units.editingFinished.connect(self._apply)
            row.units.sig_out_of_range.connect(self.session.sig_status)
            row.activation.activated.connect(self._apply)
            row.bias.toggled.connect(self._apply)
            row.dropout.activated.connect(self._apply)
            row.remove.clicked.connect(lambda _=False, i=i: self._remove_layer(i))

    def architecture(self) -> Architecture:
        return Architecture(tuple(r.spec() for r in self.rows), self.output_combo.currentData(),
                            self.output_bias.isChecked(), self.loss_combo.currentData(),
                            self.init_combo.currentData(), self.seed_spin.value())

    def _apply(self) -> None:
        if self._updating:
            return
        try:
            arch = self.architecture()
        except ValueError as e:
            self.session.sig_error.emit(str(e))
            self._show()
            return
        if arch != self.session.arch:
            self.session.edits.set_architecture(arch)

    def _output_changed(self) -> None:
        arch = replace(self.session.arch, output_bias=self.output_bias.isChecked())
        self.session.edits.set_architecture(arch.with_output(self.output_combo.currentData()))

    def _add_layer(self) -> None:
        hidden = self.session.arch.hidden
        if len(hidden) < MAX_HIDDEN_LAYERS:
            last = hidden[-1] if hidden else LayerSpec(4, "tanh")
            self.session.edits.set_architecture(replace(self.session.arch,
                                                  hidden=(*hidden, LayerSpec(last.units,
                                                                             last.activation))))

    def _remove_layer(self, index: int) -> None:
        hidden = list(self.session.arch.hidden)
        del hidden[index]
        self.session.edits.set_architecture(replace(self.session.arch, hidden=tuple(hidden)))

    def _show(self) -> None:
        self._updating = True
        arch = self.session.arch
        if len(self.rows) != len(arch.hidden):
            self._rebuild_rows(arch)
        for row, spec in zip(self.rows, arch.hidden, strict=True):
            row.show_spec(spec)  # in place: the control just used keeps its focus (and its name)
        self.output_combo.setCurrentIndex(self.output_combo.findData(arch.output_activation))
        self.output_bias.setChecked(arch.output_bias)
        self.loss_combo.clear()
        for loss in losses_for(arch.output_activation):
            self.loss_combo.addItem(translate("Labels", LOSS_LABELS[loss]), loss)
        self.loss_combo.setCurrentIndex(self.loss_combo.findData(arch.loss))
        self.init_combo.setCurrentIndex(self.init_combo.findData(arch.init))
        self.seed_spin.setValue(arch.seed)
        self.add_button.setEnabled(len(arch.hidden) < MAX_HIDDEN_LAYERS)
        self._updating = False
