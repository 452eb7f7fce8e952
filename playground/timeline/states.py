"""The states of a run's epochs, kept to replay any of them exactly and to go on from it.

``Timeline`` holds ``Segment``s: consecutive epochs of one network (one ``Layout``: the
architecture and a network to read the rows by) and one optimizer, each epoch one
``nn.checkpoint`` row (the weights and the optimizer's state, in the network's dtype: a
float32 weight comes back to the bit). An edit of the network starts a new segment.

Memory is bounded (``budget`` bytes, 40 MB by default): every epoch is kept while the states fit.
Past that, older epochs are thinned by age: the newest ``recent`` epochs stay whole, those up
to twice as old are kept every 2nd epoch (the even ones), up to four times as old every 4th,
and so on, the stride doubling with the age; ``recent`` halves until the rows fit in 85% of the
budget. The run's first ``WHOLE_START`` kept epochs (how it began: "what did it look like at
epoch 50?"; as many as fit in a quarter of the budget), each segment's first row (where an edit
took effect) and the newest row always stay. ``thinning`` says what is kept.

A branch shares what it shares: ``prefix(epoch)`` is a new timeline whose segments view the same
arrays; a segment whose arrays another timeline also views copies them before it writes (and
thinning always writes new arrays), so no line ever changes another's past. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.experiment import Architecture
from playground.nn import LayerSpec, Network
from playground.nn.checkpoint import pack, unpack_optimizer, unpack_params
from playground.nn.optim import SGD, STATE_ARRAYS

BUDGET = 40 * 2**20  # bytes of states a line keeps at most (the curves and marks are apart)
WHOLE_START = 200  # the first kept epochs of a run are never thinned
SETTLE = 0.85  # thinning goes down to this share of the budget, so that it runs seldom
Array = np.ndarray


@dataclass(frozen=True, eq=False)
class Layout:
    """The network a segment's rows are of: the layer editor's architecture and the network's
    shape as the process was sent it. A network of it is built only when one is shown."""

    arch: Architecture
    input_dim: int
    layers: tuple[LayerSpec, ...]
    loss: str
    init: str
    dtype: str
    bugs: frozenset[str]
    _built: list = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, arch: Architecture, net: Network) -> Layout:
        return cls(arch, net.input_dim, tuple(net.layers), net.loss_name, net.init,
                   net.dtype.name, frozenset(net.bugs))

    @property
    def net(self) -> Network:
        """A network of this layout (made once; its weights are not the point)."""
        if not self._built:
            self._built.append(Network(self.input_dim, list(self.layers), self.loss, self.init,
                                       0, self.dtype, self.bugs))
        return self._built[0]

    def width(self, optimizer: str) -> int:
        """The numbers in a row of this network trained by ``optimizer``."""
        sizes = [self.input_dim] + [spec.units for spec in self.layers]
        count = sum(n_in * spec.units + (spec.units if spec.bias else 0)
                    for n_in, spec in zip(sizes, self.layers, strict=False))
        return count * (1 + STATE_ARRAYS[optimizer])

    def network(self, row: Array) -> Network:
        """A network of this layout with the weights in ``row``."""
        net = self.net.clone()
        net.set_params(unpack_params(row, net))
        return net


@dataclass(frozen=True)
class EpochState:
    """One kept epoch: its network's layout, the weights and the optimizer's state."""

    epoch: int
    layout: Layout
    optimizer: str
    row: Array
    steps: int

    def params(self) -> list[dict[str, Array]]:
        return unpack_params(self.row, self.layout.net)

    def network(self) -> Network:
        return self.layout.network(self.row)

    def optimizer_state(self, lr: float, momentum: float = 0.9) -> SGD:
        return unpack_optimizer(self.row, self.steps, self.layout.net, self.optimizer, lr,
                                momentum)


@dataclass(eq=False)
class Segment:
    layout: Layout
    optimizer: str
    epochs: Array
    rows: Array
    steps: Array
    n: int = 0
    shared: list[bool] = field(default_factory=lambda: [False])  # one flag for all its views

    @classmethod
    def empty(cls, layout: Layout, optimizer: str, width: int, capacity: int = 64) -> Segment:
        return cls(layout, optimizer, np.zeros(capacity, np.int64),
                   np.zeros((capacity, width), layout.dtype), np.zeros(capacity, np.int64))

    @property
    def nbytes(self) -> int:
        return self.n * (self.rows.shape[1] * self.rows.itemsize + 16)

    def append(self, epochs: Array, rows: Array, steps: Array) -> None:
        need = self.n + len(epochs)
        if self.shared[0] or need > len(self.epochs):
            self._own(max(need, 2 * self.n, 64))
        self.epochs[self.n:need], self.rows[self.n:need], self.steps[self.n:need] = \
            epochs, rows, steps
        self.n = need

    def _own(self, capacity: int) -> None:
        """Arrays of its own, of ``capacity`` rows (the kept ones copied in)."""
        epochs = np.zeros(capacity, np.int64)
        rows = np.zeros((capacity, self.rows.shape[1]), self.rows.dtype)
        steps = np.zeros(capacity, np.int64)
        epochs[:self.n], rows[:self.n], steps[:self.n] = self.view()
        self.epochs, self.rows, self.steps, self.shared = epochs, rows, steps, [False]

    def view(self) -> tuple[Array, Array, Array]:
        return self.epochs[:self.n], self.rows[:self.n], self.steps[:self.n]

    def kept(self, keep: Array) -> Segment:
        """A segment of the rows ``keep`` (a boolean mask over its rows), in new arrays."""
        epochs, rows, steps = self.view()
        return Segment(self.layout, self.optimizer, epochs[keep].copy(), rows[keep].copy(),
                       steps[keep].copy(), int(keep.sum()))

    def shared_view(self, upto: int) -> Segment:
        """A view of its first ``upto`` rows for another line; both copy before writing."""
        self.shared[0] = True
        return Segment(self.layout, self.optimizer, self.epochs, self.rows, self.steps, upto,
                       self.shared)


class Timeline:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.recent: int | None = None  # the newest epochs kept whole, once thinning began
        self.segments: list[Segment] = []
        self._epochs: Array | None = None  # every kept epoch, in order (made on demand)

    # ----- adding -------------------------------------------------------------------------------
    def add(self, layout: Layout, optimizer: str, epochs: Array, rows: Array,
            steps: Array) -> None:
        """Rows of ``layout``'s network for ``epochs`` (increasing). An epoch not after the
        last kept one replaces what was kept from it on (the latest state of an epoch wins:
        weights typed by hand before a run goes on from there)."""
        epochs = np.asarray(epochs, np.int64)
        if not len(epochs):
            return
        self.drop_after(int(epochs[0]) - 1)
        last = self.segments[-1] if self.segments else None
        if last is None or last.layout is not layout or last.optimizer != optimizer or \
                last.rows.shape[1] != rows.shape[1]:
            if optimizer not in STATE_ARRAYS or rows.shape[1] != layout.width(optimizer):
                raise ValueError(f"a row of {rows.shape[1]} numbers is no state of this network")
            last = Segment.empty(layout, optimizer, rows.shape[1])
            self.segments.append(last)
        last.append(epochs, rows, steps)
        self._epochs = None
        self._fit()

    def add_network(self, epoch: int, layout: Layout,
                    packed: tuple[Array, int, str]) -> None:
        """The state at ``epoch`` of a network of ``layout``, packed (``nn.checkpoint.pack``)
        with its optimizer (a run's start)."""
        row, steps, kind = packed
        self.add(layout, kind, np.array([epoch]), row[None, :], np.array([steps]))

    def drop_after(self, epoch: int) -> None:
        """Forget every state after ``epoch``."""
        while self.segments and (not self.segments[-1].n or
                                 self.segments[-1].epochs[0] > epoch):
            self.segments.pop()
        if self.segments:
            last = self.segments[-1]
            last.n = int(np.searchsorted(last.epochs[:last.n], epoch, side="right"))
        self._epochs = None

    def clear(self) -> None:
        self.segments, self._epochs, self.recent = [], None, None

    # ----- memory -------------------------------------------------------------------------------
    @property
    def nbytes(self) -> int:
        return sum(s.nbytes for s in self.segments)

    def _fit(self) -> None:
        """Past the budget: thin by age down to ``SETTLE`` of it (so that this is rare),
        halving ``recent`` until the rows fit."""
        if self.nbytes <= self.budget:
            return
        epochs = self.epochs()
        row_bytes = np.concatenate([np.full(s.n, s.rows.shape[1] * s.rows.itemsize + 16)
                                    for s in self.segments])
        if self.recent is None:
            self.recent = max(1, len(epochs) // 2)
        keep = self._kept_by_age(epochs, row_bytes)
        while row_bytes[keep].sum() > SETTLE * self.budget and self.recent > 1:
            self.recent //= 2
            keep = self._kept_by_age(epochs, row_bytes)
        start, thinned = 0, []
        for s in self.segments:
            mine = keep[start:start + s.n]
            thinned.append(s if mine.all() else s.kept(mine))
            start += s.n
        self.segments, self._epochs = thinned, None

    def _kept_by_age(self, epochs: Array, row_bytes: Array) -> Array:
        """Which rows stay: an epoch ``age`` epochs old is kept when it is a multiple of 2^k,
        k = 0 for the ``recent`` newest epochs and one more each time the age doubles; and
        the run's start (``WHOLE_START`` rows, at most a quarter of the budget), each
        segment's first row and the newest."""
        age = epochs[-1] - epochs
        level = np.zeros(len(epochs), np.int64)
        old = age >= self.recent
        level[old] = np.floor(np.log2(age[old] / self.recent)).astype(np.int64) + 1
        keep = epochs % (np.int64(1) << np.minimum(level, 62)) == 0
        whole = min(WHOLE_START, int(np.searchsorted(np.cumsum(row_bytes), self.budget // 4,
                                                     side="right")))
        keep[:whole] = True
        firsts = np.cumsum([0] + [s.n for s in self.segments[:-1]])
        keep[firsts] = True
        keep[-1] = True
        return keep

    # ----- reading ------------------------------------------------------------------------------
    def epochs(self) -> Array:
        """Every kept epoch, increasing (read-only)."""
        if self._epochs is None:
            parts = [s.view()[0] for s in self.segments]
            self._epochs = np.concatenate(parts) if parts else np.zeros(0, np.int64)
            self._epochs.flags.writeable = False
        return self._epochs

    def __len__(self) -> int:
        return sum(s.n for s in self.segments)

    @property
    def last_epoch(self) -> int | None:
        epochs = self.epochs()
        return int(epochs[-1]) if len(epochs) else None

    def nearest(self, epoch: float) -> int | None:
        """The kept epoch nearest ``epoch`` (the earlier of two as near)."""
        epochs = self.epochs()
        if not len(epochs):
            return None
        i = int(np.searchsorted(epochs, epoch))
        if i == len(epochs) or (i > 0 and epoch - epochs[i - 1] <= epochs[i] - epoch):
            i -= 1
        return int(epochs[i])

    def state(self, epoch: int) -> EpochState | None:
        """The kept state of ``epoch`` (the latest one kept for it), or None."""
        for s in reversed(self.segments):
            epochs, rows, steps = s.view()
            i = int(np.searchsorted(epochs, epoch, side="right")) - 1
            if i >= 0 and epochs[i] == epoch:
                return EpochState(epoch, s.layout, s.optimizer, rows[i], int(steps[i]))
        return None

    def thinning(self) -> tuple[int, int, int, int] | None:
        """(fewest, most, after, before): every epoch up to ``after`` and from ``before`` on is
        kept, between them one in ``fewest`` to one in ``most``; None when every epoch is."""
        epochs = self.epochs()
        gaps = np.diff(epochs)
        thinned = np.flatnonzero(gaps > 1)
        if not len(thinned):
            return None
        wide = gaps[gaps > 1]
        return (int(wide.min()), int(wide.max()), int(epochs[thinned[0]]),
                int(epochs[thinned[-1] + 1]))

    def prefix(self, epoch: int) -> Timeline:
        """A timeline of the states up to ``epoch``, sharing this one's arrays."""
        other = Timeline(self.budget)
        other.recent = self.recent
        for s in self.segments:
            upto = int(np.searchsorted(s.view()[0], epoch, side="right"))
            if upto:
                other.segments.append(s.shared_view(upto))
            if upto < s.n:
                break
        return other

    def layouts(self) -> list[Layout]:
        return [s.layout for s in self.segments]


class Recorder:
    """Every epoch's state of a run trained outside the window (``playground train
    --keep-history``): ``add`` after each epoch's end, with the optimizer ``keep`` holds."""

    def __init__(self, arch: Architecture, net: Network, keep: object) -> None:
        self.layout, self.net, self.keep = Layout.of(arch, net), net, keep
        self.states = Timeline()

    def add(self, epoch: int) -> None:
        row, steps, kind = pack(self.net, self.keep.optimizer)
        self.states.add(self.layout, kind, np.array([epoch]), row[None, :], np.array([steps]))
