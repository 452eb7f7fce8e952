"""Training with the learner's own functions instead of the playground's, and back.

``CodeMode(session)``: ``use`` reads the learner's file (the template), builds the network its
constants describe (it must fit the tab's data) and makes the next run train with their
``forward``/``backward``/``update`` in a boxed process of its own; ``drop`` goes back to ours
from the weights their code trained. The session keeps ``code`` (what runs) for everything
that must know. The texts keep the session's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from playground.gui.i18n import say
from playground.learner.check import (
    LearnerSource,
    TemplateError,
    architecture_for,
    read_template,
)
from playground.learner.program_check import architecture_of, constants_of

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession


class CodeMode:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session

    def use(self, source: str, filename: str, timeout: float = 20.0) -> bool:
        """Train with the learner's file from the next run: the network becomes the one its
        constants describe, with fresh weights. False, with sig_error, when it is not in the
        template or does not fit this tab's data."""
        s = self.s
        try:
            code = read_template(source, filename)
            arch = architecture_for(code.constants, s.arch.init, s.arch.seed)
            net = arch.build(s.input_dim, s.n_classes)
        except (TemplateError, ValueError) as e:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "Your code cannot train here: {0}").format(
                say(e.says) if isinstance(e, TemplateError) else e))
            return False
        if net.sizes != code.layers:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession",
                "Your code cannot train here: LAYERS = {0}, but this tab's data needs {1} ({2} "
                "inputs, {3} output{4} for {5} classes with a {6} output)")
                    .format(code.layers, net.sizes, s.input_dim, net.n_outputs,
                            's' if net.n_outputs > 1 else '', max(2, s.n_classes),
                            arch.output_activation))
            return False
        s.stop()
        s.code, s.code_timeout = code, timeout
        s.arch = arch
        s._adopt(net)
        s.sig_code_changed.emit()
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "Training with your code ({0}): press Train").format(
            Path(filename).name))
        return True

    def use_program(self, source: str, filename: str, network: dict, loss: str,
                    timeout: float = 20.0) -> bool:
        """Train with the learner's whole program from the next run: the network becomes the
        one the check found in it (``network``), their loop takes the steps and the tab reads
        their weights after each. False, with sig_error, when that network has no counterpart
        here or does not fit this tab's data."""
        s = self.s
        try:
            arch = architecture_of(network, loss, s.arch.init, s.arch.seed)
            net = arch.build(s.input_dim, s.n_classes)
        except ValueError as e:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "Your program cannot train here: {0}").format(e))
            return False
        if net.sizes != network["layers"]:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "Your program cannot train here: its network is {0}, and "
                "this tab's data needs {1}").format(network["layers"], net.sizes))
            return False
        s.stop()
        constants = {**constants_of(network), "LOSS": loss}
        s.code = LearnerSource(source, filename, constants, True, program=True)
        s.code_timeout, s.arch = timeout, arch
        s._adopt(net)
        s.sig_code_changed.emit()
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "Training with your program ({0}): its own data and loop; each "
            "epoch here is one of its steps. Press Train").format(Path(filename).name))
        return True

    def drop(self) -> None:
        """Train with the playground's own code again, from the weights their code trained: a
        run under way goes on with ours (their process ends with theirs), a paused or stopped
        one waits for Train."""
        s = self.s
        if s.code is None:
            return
        running = s.state == "running"
        s.stop()
        s.code = None
        s.sig_code_changed.emit()
        if running:
            s.start()
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "Training with the playground's own code again"))
