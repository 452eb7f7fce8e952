"""The step inspector's view of a session: which samples it can show, and one step on one.

``StepView(session)`` is what every tab shares (the stage shown, one step explained for the
weights on display); ``PlaneSteps`` shows the Playground's training points, ``MnistSteps`` the
test digits. The texts keep their sessions' translation contexts.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.data.features import FEATURE_LABELS
from playground.data.mnist import to_inputs
from playground.nn.explain import StepExplained, explain_step
from playground.nn.gradcheck import as_float64
from playground.teach.step_text import printout_lines

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession
    from playground.gui.sessions.mnist import MnistSession
    from playground.gui.sessions.playground import Session


@dataclass(frozen=True, eq=False)  # its step holds arrays: compared by what it shows
class Inspection:
    """What the step inspector shows, for the diagram to follow: the stage ("forward", "loss",
    "backward" or "update"), its layer (1-based; 0 for the loss) and the step."""

    stage: str
    layer: int
    step: StepExplained


class StepView:
    """No samples to show; a tab's view says what its samples are."""

    def __init__(self, session: TrainingSession) -> None:
        self.s = session
        self.inspection: Inspection | None = None  # what the step inspector shows

    def count(self) -> int:
        """How many samples the step inspector can choose from."""
        return 0

    def label(self, index: int) -> str:
        return ""

    def input_labels(self) -> list[str] | None:
        return None

    def explain(self, index: int) -> StepExplained | None:
        return None

    def printout(self, n: int = 4) -> list[str] | None:
        return None

    def set_inspected(self, index: int | None) -> None:
        """The sample the inspector looks at (None: it is closed)."""

    def set_inspection(self, inspection: Inspection | None) -> None:
        """The stage the step inspector shows (None: it is closed); the diagram follows it."""
        def key(i: Inspection | None) -> tuple | None:
            return None if i is None else (i.stage, i.layer, id(i.step))

        if key(inspection) != key(self.inspection):
            self.inspection = inspection
            self.s._touch()

    def explain_sample(self, x: np.ndarray, y: np.ndarray) -> StepExplained:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's: it is named
            return explain_step(self.s.displayed_network(), x, y, self.s.config)


class PlaneSteps(StepView):
    """The Playground's training points."""

    s: Session

    def count(self) -> int:
        return len(self.s.points.train_labels)

    def label(self, index: int) -> str:
        points = self.s.points
        x, y = points.train[index]
        return QCoreApplication.translate("Session", "at ({0:.2f}, {1:.2f}), class {2}").format(
            x, y, points.train_labels[index])

    def input_labels(self) -> list[str]:
        return [FEATURE_LABELS.get(f, f) for f in self.s.data_spec.features]

    def set_inspected(self, index: int | None) -> None:
        self.s.set_view(inspected=index)

    def explain(self, index: int) -> StepExplained | None:
        """Every number of one training step on training point ``index``, for the weights on
        display and the settings in use; None when there is no such point."""
        s = self.s
        if not 0 <= index < len(s.points.train_labels):
            return None
        x, _ = s.points.features(s.data_spec.features)
        y = s.net.encode_targets(s.points.train_labels[index:index + 1])[0]
        return self.explain_sample(x[index], y)

    def printout(self, n: int = 4) -> list[str] | None:
        """The classic tutorial printout of one step on the first ``n`` training points, for a
        network with one hidden layer (None otherwise): the arrays under the names tutorials
        give them, so a learner can lay their own printout beside it."""
        s = self.s
        if len(s.net.layers) != 2 or not len(s.points.train_labels):
            return None
        x, _ = s.points.features(s.data_spec.features)
        x, labels = x[:n], s.points.train_labels[:n]
        y = s.net.encode_targets(labels)
        net = s.displayed_network()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            _, zs, acts, deltas, grads, _ = as_float64(net).explain_pass(x, y)
        target = np.eye(net.n_outputs)[labels] if net.loss.integer_targets else y
        w2 = net.params[1]["W"].astype(np.float64)
        return printout_lines({"input": x, "hidden": acts[0], "output": acts[1],
                               "output error (y - output)": target - acts[1],
                               "output delta": deltas[1], "hidden error (delta · W2ᵀ)":
                               deltas[1] @ w2.T, "hidden delta": deltas[0],
                               "W1 gradient": grads[0]["W"], "W2 gradient": grads[1]["W"]})


class MnistSteps(StepView):
    """One MNIST test digit."""

    s: MnistSession

    def count(self) -> int:
        return 0 if self.s.data is None else len(self.s.data.test_labels)

    def label(self, index: int) -> str:
        return QCoreApplication.translate("MnistSession", "test digit {0}, a {1}").format(
            index, int(self.s.data.test_labels[index]))

    def input_labels(self) -> list[str]:
        return [f"px{r},{c}" for r in range(28) for c in range(28)]

    def explain(self, index: int) -> StepExplained | None:
        if not 0 <= index < self.count():
            return None
        data = self.s.data
        x = to_inputs(data.test_images[index:index + 1])[0]
        y = self.s.net.encode_targets(data.test_labels[index:index + 1])[0]
        return self.explain_sample(x, y)
