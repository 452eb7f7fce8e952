"""Every message between the window and its training process: frozen dataclasses, dispatched by
type. Commands go to the process, events come back. Nothing else crosses the boundary.

They travel as ``wire`` messages (a JSON head and the arrays' bytes; never pickled). Epoch
snapshots travel without weights, and only a ``Frame`` carries the latest weights, once; every
epoch's weights and optimizer state travel packed, one row an epoch (``EpochStates``).

Two numbers keep the two sides in step however fast the user clicks. ``run`` counts the runs the
window began: Start, Step, Pause and Stop name the run they are for, and the process drops one for
a run that is not its current one (a Start for a run that already ended by itself does not start
another). ``version`` counts the networks the window sent: every event says which run and which
network it was made with, and the window drops what belongs to an older run, and takes weights
only from its current network. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from playground.nn import LayerSpec, Network, Snapshot
from playground.phrase import Phrase

Array = np.ndarray


# ----- commands: window -> process ------------------------------------------------------------
@dataclass(frozen=True)
class SetNetwork:
    """Train this network from now on. With ``carry``, the process keeps every weight of the
    network it is training whose layer still fits (``carry_weights``: nothing of the steps since
    the window's last frame is lost), and the optimizer's state for those arrays; ``params``
    give the rest. Without, ``params`` are all and the optimizer starts afresh. ``restart`` sets
    the epoch counter back to 0 (Reset, New, an opened model)."""

    input_dim: int
    layers: tuple[LayerSpec, ...]
    loss: str
    init: str
    dtype: str
    bugs: frozenset[str]
    params: list[dict[str, Array]]
    carry: bool = False
    restart: bool = False
    keep_optimizer: bool = False  # the same shapes, new values (a weight typed by hand)
    version: int = 0
    data: SetData | None = None  # new data with the network, in the same step (an edit)
    resume: EpochStates | None = None  # one row: the optimizer's state to go on from (a branch)

    @classmethod
    def of(cls, net: Network, **kw: Any) -> SetNetwork:
        """``net`` as it is (its architecture, bugs and a copy of its weights)."""
        return cls(net.input_dim, tuple(net.layers), net.loss_name, net.init, net.dtype.name,
                   frozenset(net.bugs), net.copy_params(), **kw)

    def build(self) -> Network:
        """The playground's own network this message describes, with its weights."""
        net = Network(self.input_dim, list(self.layers), self.loss, self.init, None, self.dtype,
                      self.bugs)
        net.set_params(self.params)
        return net


@dataclass(frozen=True)
class SetData:
    """Train on these arrays from the next step. ``pixels``: x and x_test are uint8 images
    (4x cheaper to send), scaled in the process; ``augment_seed`` augments MNIST batches."""

    x: Array
    y: Array
    x_test: Array | None = None
    y_test: Array | None = None
    pixels: bool = False
    augment_seed: int | None = None


@dataclass(frozen=True)
class Configure:
    """New live settings (lr, optimizer, batch_size, l1, l2, epochs), from the next step."""

    values: dict[str, Any]


@dataclass(frozen=True)
class SetSpeed:
    """At most ``epochs_per_second`` (None: as fast as it goes), and ``frames_per_second``
    frames to the window (MNIST's tab needs fewer than the plane)."""

    epochs_per_second: float | None
    frames_per_second: float = 31.0


@dataclass(frozen=True)
class SetCode:
    """Train with the learner's own forward, backward and update (``playground.run.their_code``)
    from the next ``SetNetwork`` on. The process that takes it runs their code from then on and
    is ended with it (``playground.run.contain``); it may allocate at most ``memory_mb`` more,
    a limit their code cannot lift."""

    source: str
    filename: str = "your code"
    memory_mb: int = 2048
    program: bool = False  # a whole program as written, not the template's functions


@dataclass(frozen=True)
class TrainSeeds:
    """Train copies of the current network at once (``nn.seeds``), copy i from the weights of
    ``seeds[i]`` at rate ``lrs[i]``, on the current data and settings, for ``epochs``; answer
    ``SeedsFrame``s and one ``SeedsDone``. ``grid`` (m, inputs): points where every copy's
    outputs go with each frame, for the window to draw. Only while no run is under way."""

    seeds: tuple[int, ...]
    lrs: tuple[float, ...]
    epochs: int
    grid: Array | None = None


@dataclass(frozen=True)
class Survey:
    """Draw the loss around ``network``'s weights (``nn.landscape``), answered with one
    ``Surveyed`` of the same ``ask``. The network is the window's as shown (the process does not
    train it); ``x``, ``y`` the points the loss is taken on and ``path`` (k, P) the weights at
    the run's kept epochs, each None when the last survey's still hold (they are sent only when
    they changed: MNIST's path is megabytes)."""

    ask: int
    network: SetNetwork
    directions: str = "pca"
    grid: int = 41
    x: Array | None = None
    y: Array | None = None
    path: Array | None = None
    seed: int = 0


@dataclass(frozen=True)
class Start:
    """Train until paused or stopped (or ``config.epochs`` more epochs are done)."""

    run: int = 0


@dataclass(frozen=True)
class Step:
    """Train one epoch, then pause."""

    run: int = 0


@dataclass(frozen=True)
class Pause:
    """Stop stepping, keep everything, answer ``Paused``."""

    run: int = 0


@dataclass(frozen=True)
class Stop:
    """End the run: answer ``Done`` with the weights. The process stays, ready for the next."""

    run: int = 0


@dataclass(frozen=True)
class Shutdown:
    """End the process."""


# ----- events: process -> window --------------------------------------------------------------
@dataclass(frozen=True)
class EpochStates:
    """Consecutive epochs' states of one network, for the window's timeline: the network's
    number, the optimizer whose state the rows hold, the epochs (as the process counts them,
    (n,) int64), one ``nn.checkpoint`` row per epoch ((n, width), the network's dtype) and
    Adam's steps ((n,) int64). With ``SetNetwork.resume``, one row to go on from."""

    version: int
    optimizer: str
    epochs: Array
    rows: Array
    steps: Array


@dataclass(frozen=True)
class Frame:
    """What the window draws: the latest step, its weights, the epochs since the last frame
    (without weights), samples per second, and the naive sigmoid's overflow warnings since the
    network was set."""

    snapshot: Snapshot
    params: tuple[dict[str, Array], ...]
    epochs: tuple[Snapshot, ...] = ()
    samples_per_second: float = 0.0
    overflows: int = 0
    run: int = 0
    version: int = 0  # of the network whose weights ``params`` are
    older: int = 0  # how many of ``epochs``, at the start, a network before ``version`` trained
    states: tuple[EpochStates, ...] = ()  # every epoch's weights and optimizer state, in order
    grad_bands: Array | None = None  # (layers, 5): |∂L/∂W| quantiles of the latest step

    def merged(self, newer: Frame) -> Frame:
        """``newer`` with this frame's epochs before its own: no epoch of a run is lost, and
        those an older network trained stay counted as its (``older``)."""
        if self.run != newer.run:
            return newer
        older = self.older if self.version == newer.version else len(self.epochs) + newer.older
        return Frame(newer.snapshot, newer.params, self.epochs + newer.epochs,
                     newer.samples_per_second, newer.overflows, newer.run, newer.version, older,
                     self.states + newer.states, newer.grad_bands)


@dataclass(frozen=True)
class Paused:
    """The process paused (asked to, or after a single epoch)."""

    run: int = 0


@dataclass(frozen=True)
class Done:
    """A run ended: stopped (``reason`` empty), finished its epochs, or stopped itself
    (``reason`` says why). ``params`` are the network's weights now."""

    reason: Phrase | str  # a Phrase from the core; the window translates it
    params: list[dict[str, Array]] = field(default_factory=list)
    finished: bool = False  # the run reached its last epoch
    run: int = 0
    version: int = 0  # of the network whose weights ``params`` are


@dataclass(frozen=True)
class SeedsFrame:
    """Every copy's numbers after ``epoch`` (arrays of N; see ``nn.seeds.SeedsEpoch``) and its
    outputs on the grid, (N, m, k) float32; and every epoch's training loss and accuracy since
    the last frame (``past_epochs`` (k,), ``past_loss`` and ``past_accuracy`` (k, N)). A newer
    one replaces an older one still unsent, taking its past epochs along."""

    epoch: int
    train_loss: Array
    train_accuracy: Array
    stopped: Array
    test_accuracy: Array | None = None
    outputs: Array | None = None
    past_epochs: Array | None = None
    past_loss: Array | None = None
    past_accuracy: Array | None = None
    early: Array | None = None  # bool (N,): early stopping ended it, its best epoch kept
    best_epoch: Array | None = None  # with early stopping: each copy's best epoch so far

    def merged(self, newer: SeedsFrame) -> SeedsFrame:
        if self.past_epochs is None or newer.past_epochs is None:
            return newer
        return replace(newer, past_epochs=np.concatenate([self.past_epochs, newer.past_epochs]),
                       past_loss=np.concatenate([self.past_loss, newer.past_loss]),
                       past_accuracy=np.concatenate([self.past_accuracy,
                                                     newer.past_accuracy]))


@dataclass(frozen=True)
class SeedsDone:
    """The copies are trained (or were stopped: ``cancelled``); ``last`` is their final
    frame, ``params`` each copy's weights, shaped like a network's."""

    last: SeedsFrame | None
    params: list[list[dict[str, Array]]]
    cancelled: bool = False


@dataclass(frozen=True)
class Surveyed:
    """The landscape ``Survey`` ``ask`` asked for (``nn.landscape.Landscape``'s fields), the loss
    along the line from the path's start to now (``line_t``, ``line_loss``), and how long it
    took; or, with none of them, ``problem`` says why not."""

    ask: int
    directions: str = ""
    alpha: Array | None = None
    beta: Array | None = None
    loss: Array | None = None
    path: Array | None = None
    center_loss: float = 0.0
    explained: float | None = None
    d1: Array | None = None
    d2: Array | None = None
    line_t: Array | None = None
    line_loss: Array | None = None
    points: int = 0  # the points the loss was taken on
    seconds: float = 0.0
    problem: str = ""


@dataclass(frozen=True)
class Printed:
    """What the learner's code printed since the last ``Printed`` (sent before each frame)."""

    text: str


@dataclass(frozen=True)
class Failed:
    """Something went wrong inside the process; ``text`` is for the user."""

    text: str


COMMANDS = (SetNetwork, SetData, Configure, SetSpeed, SetCode, TrainSeeds, Survey, Start, Step,
            Pause, Stop, Shutdown)
EVENTS = (Frame, Paused, Done, SeedsFrame, SeedsDone, Surveyed, Printed, Failed)
