"""LayerSpec and Network: a fully connected network, batch-first, written from scratch in NumPy.

Shapes: ``x`` is (n, input_dim); layer ``l`` has ``W`` (in_l, out_l) and, with bias, ``b`` (out_l,);
``z_l = a_{l-1} @ W + b`` and ``a_l = f_l(z_l)`` are (n, out_l). ``backward`` only computes
gradients; an optimizer applies them. Training reuses one workspace per batch size, so no step
allocates its large arrays again. A batch of pixels may come as its live input columns alone,
the first layer then using those rows of W (``nn.columns``: a third less arithmetic on MNIST).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.nn.activations import get_activation
from playground.nn.bugs import buggy_activations, check_bugs
from playground.nn.columns import gather_rows, rows_gradient
from playground.nn.dropout import draw_masks
from playground.nn.dropout import generator as dropout_generator
from playground.nn.init import INITS, init_weights
from playground.nn.layers import LayerSpec, check_input_dim, check_layers
from playground.nn.losses import get_loss

Array = np.ndarray
DTYPES = {"float32": np.float32, "float64": np.float64}
# Weights that have diverged overflow in matmul; the caller sees the inf or nan in the loss and
# stops (train_steps restores the last finite weights), so numpy need not warn on top of that.
DIVERGED = {"over": "ignore", "invalid": "ignore"}


@dataclass
class _Workspace:
    """Buffers for one batch size: z and a per layer (n, units), and dz per layer."""

    z: list[Array] = field(default_factory=list)
    a: list[Array] = field(default_factory=list)
    dz: list[Array] = field(default_factory=list)
    masks: list[Array | None] = field(default_factory=list)  # the pass's dropout masks (nn.dropout)
    dropped: list[Array | None] = field(default_factory=list)  # a × mask, what the next layer reads
    ones: Array | None = None  # (n,): bias gradients as ones @ dz, a BLAS call 3x faster than sum
    rows: Array | None = None  # W's rows at the live input columns (nn.columns), then their δW


class Network:
    """A multi-layer perceptron.

    ``params`` is a list with one dict per layer, ``{"W": (in, out), "b": (out,)}``; a layer without
    bias has no ``"b"``. ``metadata`` carries what a model file stores beside the weights.
    ``bugs`` names deliberate mistakes of the bug lab (``playground.nn.bugs``); none by default.
    """

    skips_columns = True  # train_pass may be given a batch's live input columns (nn.columns)

    def __init__(
        self,
        input_dim: int,
        layers: list[LayerSpec],
        loss: str = "mse",
        init: str = "xavier",
        seed: int | None = 0,
        dtype: type | str = np.float32,
        bugs: frozenset[str] | tuple[str, ...] = frozenset(),
    ) -> None:
        self.input_dim = check_input_dim(input_dim)
        self.layers = check_layers(layers)
        self.loss_name = loss
        self.loss = get_loss(loss, self.layers[-1].activation)
        if init not in INITS:
            raise ValueError(f"unknown init {init!r}; choose one of {', '.join(INITS)}")
        self.init = init
        self.seed = seed
        self.dtype = np.dtype(DTYPES.get(dtype, dtype) if isinstance(dtype, str) else dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(f"dtype must be float32 or float64, not {self.dtype}")
        self.bugs = check_bugs(bugs)
        self.acts = buggy_activations([get_activation(s.activation) for s in self.layers],
                                      self.bugs)
        self.metadata: dict = {}
        self.dropping = any(s.dropout for s in self.layers)
        self.dropout_rng = dropout_generator(seed)  # train_steps seeds it from the run's seed
        self.fixed_masks: list[Array | None] | None = None  # every pass's masks, when set
        self.params = self._fresh_params(seed)
        self._reset_buffers()

    # ----- construction -------------------------------------------------------------------------
    def _fresh_params(self, seed: int | None) -> list[dict[str, Array]]:
        rng = np.random.default_rng(seed)
        params = []
        n_in = self.input_dim
        for spec in self.layers:
            W = init_weights(rng, spec.init or self.init, n_in, spec.units).astype(self.dtype)
            layer = {"W": W}
            if spec.bias:
                layer["b"] = np.zeros(spec.units, dtype=self.dtype)
            params.append(layer)
            n_in = spec.units
        return params

    def _reset_buffers(self) -> None:
        self._workspaces: dict[int, _Workspace] = {}
        self.grads = [{k: np.zeros_like(v) for k, v in p.items()} for p in self.params]

    def reinitialize(self, seed: int | None = None) -> None:
        """Fresh weights from ``seed`` (the network's own seed when None), in place."""
        fresh = self._fresh_params(self.seed if seed is None else seed)
        for dst, src in zip(self.params, fresh, strict=True):
            for k in dst:
                dst[k][...] = src[k]

    # ----- properties ---------------------------------------------------------------------------
    @property
    def sizes(self) -> list[int]:
        """[input_dim, units of layer 0, ..., units of the output layer]."""
        return [self.input_dim] + [s.units for s in self.layers]

    @property
    def output_activation(self) -> str:
        return self.layers[-1].activation

    @property
    def n_outputs(self) -> int:
        return self.layers[-1].units

    def flat_params(self) -> list[Array]:
        """Every parameter array, in layer order (W before b): what an optimizer updates."""
        return [p[k] for p, k in self.param_slots()]

    def param_slots(self) -> list[tuple[dict[str, Array], str]]:
        """(layer dict, key) of every parameter array, in ``flat_params`` order."""
        return [(p, k) for p in self.params for k in ("W", "b") if k in p]

    def flat_grads(self) -> list[Array]:
        return [g[k] for g in self.grads for k in ("W", "b") if k in g]

    def copy_params(self) -> list[dict[str, Array]]:
        return [{k: v.copy() for k, v in p.items()} for p in self.params]

    def set_params(self, params: list[dict[str, Array]]) -> None:
        """Copy ``params`` into the network; ValueError if any layer, key or shape differs."""
        if len(params) != len(self.params):
            raise ValueError(f"expected {len(self.params)} layers of weights, got {len(params)}")
        for i, (dst, src) in enumerate(zip(self.params, params, strict=True)):
            if set(dst) != set(src):
                raise ValueError(f"layer {i}: expected arrays {sorted(dst)}, got {sorted(src)}")
            for k in dst:
                if np.shape(src[k]) != dst[k].shape:
                    raise ValueError(
                        f"layer {i} {k}: expected shape {dst[k].shape}, got {np.shape(src[k])}"
                    )
        for dst, src in zip(self.params, params, strict=True):
            for k in dst:
                dst[k][...] = src[k]

    def clone(self) -> Network:
        """An independent copy with the same architecture, weights and metadata."""
        other = Network(self.input_dim, list(self.layers), self.loss_name, self.init,
                        self.seed, self.dtype, self.bugs)
        other.set_params(self.params)
        other.metadata = dict(self.metadata)
        return other

    # ----- forward ------------------------------------------------------------------------------
    def check_inputs(self, x: Array) -> Array:
        """``x`` as an (n, input_dim) array of the network's dtype; ValueError naming the shape."""
        x = np.asarray(x)
        if x.ndim != 2 or x.shape[1] != self.input_dim:
            raise ValueError(f"x must have shape (n, {self.input_dim}), got {x.shape}")
        return x.astype(self.dtype, copy=False)

    def forward(self, x: Array) -> Array:
        """Output activations (n, n_outputs) for inputs x (n, input_dim)."""
        return self.forward_all(x)[1][-1]

    def forward_all(self, x: Array) -> tuple[list[Array], list[Array]]:
        """(zs, activations): z_l and a_l for every layer, each (n, units_l), freshly allocated."""
        a = self.check_inputs(x)
        zs, acts = [], []
        with np.errstate(**DIVERGED):
            for p, act in zip(self.params, self.acts, strict=True):
                z = a @ p["W"]
                if "b" in p:
                    z += p["b"]
                a = act.forward(z)
                zs.append(z)
                acts.append(a)
        return zs, acts

    def predict_proba(self, x: Array) -> Array:
        """Class probabilities (n, k) for softmax and sigmoid outputs; raw outputs otherwise."""
        return self.forward(x)

    def predict(self, x: Array) -> Array:
        """Predicted class per row (n,), as ``classes_from_outputs`` reads the outputs."""
        return self.classes_from_outputs(self.forward(x))

    def classes_from_outputs(self, out: Array) -> Array:
        """Class index per row: argmax for several outputs, a threshold at the middle of the
        output's range for one (0.5 for sigmoid and linear, 0 for tanh)."""
        if out.shape[1] > 1:
            return out.argmax(axis=1)
        threshold = 0.0 if self.output_activation == "tanh" else 0.5
        return (out[:, 0] > threshold).astype(np.int64)

    def encode_targets(self, labels: Array) -> Array:
        """Integer class labels (n,) as the targets this network's loss expects.

        cross_entropy: the labels themselves; one output: (n, 1) with 1 for class 1 and 0 (−1 for a
        tanh output) otherwise; several outputs: one-hot (n, k). Real targets (a regression's
        float values, n,) for one output and mse: (n, 1) as they are.
        """
        labels = np.asarray(labels)
        if labels.dtype.kind == "f" and self.n_outputs == 1 and self.loss_name == "mse":
            return labels.reshape(-1, 1).astype(self.dtype)
        labels = labels.astype(np.int64)
        if self.loss.integer_targets:
            return labels
        k = self.n_outputs
        if k == 1:
            low = -1.0 if self.output_activation == "tanh" else 0.0
            return np.where(labels[:, None] > 0, 1.0, low).astype(self.dtype)
        if labels.size and (labels.min() < 0 or labels.max() >= k):
            raise ValueError(f"labels must lie in 0..{k - 1} for {k} outputs")
        onehot = np.zeros((labels.shape[0], k), dtype=self.dtype)
        onehot[np.arange(labels.shape[0]), labels] = 1.0
        return onehot

    # ----- training pass ------------------------------------------------------------------------
    def _workspace(self, n: int) -> _Workspace:
        ws = self._workspaces.get(n)
        if ws is None:
            if len(self._workspaces) > 4:  # batch sizes change rarely; keep memory bounded
                self._workspaces.clear()
            ws = _Workspace()
            for s in self.layers:
                for buf in (ws.z, ws.a, ws.dz):
                    buf.append(np.empty((n, s.units), dtype=self.dtype))
                ws.dropped.append(np.empty((n, s.units), self.dtype) if s.dropout else None)
            ws.masks = [None] * len(self.layers)
            ws.ones = np.ones(n, dtype=self.dtype)
            self._workspaces[n] = ws
        return ws

    def _check_y(self, y: Array, n: int) -> Array:
        y = np.asarray(y)
        if self.loss.integer_targets:
            if y.shape != (n,) or not np.issubdtype(y.dtype, np.integer):
                raise ValueError(f"{self.loss_name} needs integer labels of shape ({n},), got "
                                 f"{y.dtype} {y.shape}")
            if n and (y.min() < 0 or y.max() >= self.n_outputs):
                raise ValueError(f"labels must lie in 0..{self.n_outputs - 1}")
            return y
        if y.shape != (n, self.n_outputs):
            raise ValueError(f"{self.loss_name} needs targets of shape ({n}, {self.n_outputs}), "
                             f"got {y.shape}")
        return y.astype(self.dtype, copy=False)

    def forward_train(self, x: Array, columns: Array | None = None) -> _Workspace:
        """Forward pass into the workspace for this batch size; returns it (z, a per layer).
        ``columns``: x holds only these input columns, the others being zero in every row
        (``nn.columns``)."""
        ws = self._workspace(x.shape[0])
        if self.dropping:
            ws.masks = self.fixed_masks or draw_masks(self.dropout_rng, self.layers, x.shape[0],
                                                      self.dtype)
        a = x
        for p, act, z, out, keep, dropped in zip(self.params, self.acts, ws.z, ws.a, ws.masks,
                                                 ws.dropped, strict=True):
            W = p["W"]
            if columns is not None and a is x:  # the first layer, on the live columns alone
                if ws.rows is None:
                    ws.rows = np.empty_like(W)
                W = gather_rows(W, columns, ws.rows)
            np.matmul(a, W, out=z)
            if "b" in p:
                z += p["b"]
            act.forward(z, out=out)
            a = out if keep is None else np.multiply(out, keep, out=dropped)
        return ws

    def backward(self, x: Array, ws: _Workspace, columns: Array | None = None) -> None:
        """Fill ``self.grads`` from the output gradient in ``ws.dz[-1]``; applies nothing."""
        for i in range(len(self.params) - 1, -1, -1):
            dz = ws.dz[i]
            a_prev = x if i == 0 else ws.a[i - 1] if ws.masks[i - 1] is None else ws.dropped[i - 1]
            g = self.grads[i]
            if i == 0 and columns is not None:
                rows_gradient(x, dz, columns, g["W"], ws.rows)  # made by forward_train
            else:
                np.matmul(a_prev.T, dz, out=g["W"])
            if "b" in g:
                np.matmul(ws.ones, dz, out=g["b"])
            if i > 0:
                np.matmul(dz, self.params[i]["W"].T, out=ws.dz[i - 1])
                if ws.masks[i - 1] is not None:  # a dropped unit passes no gradient back
                    ws.dz[i - 1] *= ws.masks[i - 1]
                self.acts[i - 1].grad_mul(ws.dz[i - 1], ws.z[i - 1], ws.a[i - 1])

    def train_pass(self, x: Array, y: Array,
                   columns: Array | None = None) -> tuple[float, Array]:
        """Loss and gradients (into ``self.grads``) for a batch already in the network's dtype.

        Returns (loss, output activations (n, k)); the outputs are a workspace view, valid until
        the next pass with the same batch size. ``columns`` (indices): x holds only these of the
        network's inputs, the rest being zero in every row of the batch (``nn.columns``).
        """
        with np.errstate(**DIVERGED):
            ws = self.forward_train(x, columns)
            loss = self.loss.loss_and_dz(ws.z[-1], ws.a[-1], y, ws.dz[-1], self.acts[-1])
            if "sign-flip" in self.bugs:  # the bug lab: error and update signs disagree
                np.negative(ws.dz[-1], out=ws.dz[-1])
            self.backward(x, ws, columns)
        return loss, ws.a[-1]

    def deltas_finite(self, n: int) -> bool:
        """Whether every layer's ∂L/∂z of the last training pass on ``n`` samples is finite
        (one sum of squares a layer, batch × units: far cheaper than the weight gradients)."""
        ws = self._workspaces.get(n)
        if ws is None:
            return False
        with np.errstate(**DIVERGED):
            return all(np.isfinite(np.dot(d.ravel(), d.ravel())) for d in ws.dz)

    def loss_and_grads(self, x: Array, y: Array) -> tuple[float, list[dict[str, Array]]]:
        """Mean loss over the batch and its gradients, shaped like ``params`` (fresh copies)."""
        x = self.check_inputs(x)
        y = self._check_y(y, x.shape[0])
        loss, _ = self.train_pass(np.ascontiguousarray(x), y)
        return loss, [{k: v.copy() for k, v in g.items()} for g in self.grads]

    def explain_pass(self, x: Array, y: Array) -> tuple[float, list[Array], list[Array],
                                                           list[Array], list[dict[str, Array]],
                                                           list[Array | None]]:
        """One training pass, every array kept: (loss, z per layer, a per layer (before
        dropout), δ = ∂L/∂z per layer, gradients shaped like ``params``, the pass's dropout
        mask per layer or None), each (n, units) or the weights' shapes, fresh copies. The same
        code path as training (bugs and dropout included); for the step inspector."""
        x = np.ascontiguousarray(self.check_inputs(x))
        y = self._check_y(y, x.shape[0])
        loss, _ = self.train_pass(x, y)
        ws = self._workspaces[x.shape[0]]
        copies = [[a.copy() for a in arrays] for arrays in (ws.z, ws.a, ws.dz)]
        masks = [None if m is None else m.copy() for m in ws.masks]
        return loss, *copies, [{k: v.copy() for k, v in g.items()} for g in self.grads], masks

    def check_targets(self, y: Array, n: int) -> Array:
        """``y`` validated for this network's loss and ``n`` samples (ValueError otherwise)."""
        return self._check_y(y, n)

    def __repr__(self) -> str:
        body = "-".join(str(s) for s in self.sizes)
        acts = ",".join(s.text.split(":", 1)[1] for s in self.layers)
        bugs = f", bugs={','.join(sorted(self.bugs))}" if self.bugs else ""
        return f"Network({body}, {acts}, loss={self.loss_name}{bugs})"
