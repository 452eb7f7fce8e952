"""A network as a standalone NumPy script: the reference a learner can read beside their own code.

``numpy_script(net, data, config, epochs)`` writes a plain, commented Python file (numpy only)
that builds the network with the same init and seed, makes its data (the points written into the
file) or reads MNIST's IDX files, and trains it with the same optimizer, learning rate and
its schedule, batch size, shuffling, regularization, dropout (the same masks) and early
stopping as ``train_steps``. Run in float64 it ends on the same train
loss as ``playground train --dtype float64`` with those settings (to 1e-6 relative; tests check
it). Written by hand for each part the network uses, not generated from our modules, so that it
reads as one would write it. Qt-free.
"""

from __future__ import annotations

import textwrap

import numpy as np

from playground.export.script_data import MAX_EMBEDDED_VALUES, ScriptData, data_part
from playground.nn import Network, TrainConfig
from playground.nn.activations import get_activation
from playground.nn.schedule import parse_schedule

Array = np.ndarray


def numpy_script(net: Network, data: ScriptData, config: TrainConfig, epochs: int) -> str:
    """The script's text; ValueError for what it cannot write (data too large to embed, a
    damaged file's schedule: ``rate_part``)."""
    if data.mnist_dir is None:
        values = sum(a.size for a in (data.x_train, data.x_test) if a is not None)
        if values > MAX_EMBEDDED_VALUES:
            raise ValueError(f"the data has {values:,} numbers: too many to write into a script "
                             f"(at most {MAX_EMBEDDED_VALUES:,})")
    used = {s.activation for s in net.layers}
    parts = [_header(net, data, config), _settings(net, config, epochs),
             data_part(data), _activation_part(used), _init_part(net),
             _forward_part(), _loss_part(net), _backward_part(net), _optimizer_part(config),
             rate_part(config), _train_part(net, data.regression), _MAIN]
    return "\n\n\n".join(p.strip("\n") for p in parts) + "\n"


def _header(net: Network, data: ScriptData, config: TrainConfig) -> str:
    sizes = "-".join(str(n) for n in net.sizes)
    bugs = (f"\nThe bug lab's switches ({', '.join(sorted(net.bugs))}) are not written out: "
            "this is the network trained right.\n") if net.bugs else ""
    acts = ", ".join(s.activation for s in net.layers)
    files = "import gzip\nimport os\n" if data.mnist_dir is not None else ""
    about = textwrap.fill(
        f"Trained on {data.description}, with the playground's settings: {config.optimizer}, "
        f"learning rate {config.lr:g}, batch size {config.batch_size}. A standalone reference "
        "that needs numpy only: it builds the network, makes its data and trains it. Read it "
        "beside your own code: every step of forward, backward and update is here, in the "
        "order it runs.", 96)
    return f'''"""A {sizes} network ({acts}; {net.loss_name} loss), from `playground export`.

{about}

    python this_file.py              # train, as the playground did
    python this_file.py --epochs 10  # fewer or more epochs

In float64 (the default here) its final train loss equals `playground train --dtype float64`
with the same settings. One difference: the playground stops a run whose loss explodes; this
script trains on.
{bugs}"""
import argparse
{files}
import numpy as np'''


def _settings(net: Network, config: TrainConfig, epochs: int) -> str:
    layers = ",\n".join(f"    ({s.units}, {s.activation!r}, {s.bias}, {(s.init or net.init)!r})"
                        for s in net.layers)
    return "# ----- the settings " + "-" * 74 + f'''
INPUTS = {net.input_dim}
LAYERS = [  # units, activation, bias, init: the last layer is the output
{layers},
]
LOSS = {net.loss_name!r}
SEED = {net.seed if net.seed is not None else 0}  # the weights' seed
OPTIMIZER = {config.optimizer!r}
LR = {config.lr!r}
MOMENTUM = {config.momentum!r}  # SGD with momentum: v = MOMENTUM * v + g
BATCH_SIZE = {int(config.batch_size)}
EPOCHS = {int(epochs)}
L1 = {config.l1!r}  # the loss gains L1 * sum(|W|) (weights only, not biases)
L2 = {config.l2!r}  # the loss gains L2 / 2 * sum(W ** 2)
SHUFFLE = {bool(config.shuffle)}
SHUFFLE_SEED = {config.seed if config.seed is not None else 0}
DROPOUT = {[float(s.dropout) for s in net.layers]!r}  # per layer, in training only
EARLY_STOP = {int(config.early_stop)}  # stop once the test loss has not improved for this many
# epochs, and keep the weights of the best one (0: never)
DTYPE = np.float64'''


_HELPERS = {  # what an activation's expression in the registry calls
    "sigmoid": '''def sigmoid(z):
    """1 / (1 + exp(-z)), written so that exp never overflows: exp(-|z|) <= 1."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))''',
    "softmax": '''def softmax(z):
    """Row by row; the row's largest value is subtracted first, so exp never overflows."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)''',
    "gelu_derivative": '''def gelu_derivative(z):
    """The derivative of the tanh approximation of GELU."""
    c, k = 0.7978845608028654, 0.044715  # sqrt(2 / pi)
    t = np.tanh(c * (z + k * z ** 3))
    return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * c * (1 + 3 * k * z * z)''',
}


def _activation_part(used: set[str]) -> str:
    """The activations the network uses, as the registry writes them in numpy."""
    acts = [get_activation(n) for n in sorted(used)]
    code = " ".join(f"{a.script} {a.script_derivative or ''}" for a in acts)
    defs = [text for name, text in _HELPERS.items() if f"{name}(" in code]
    calls = "\n".join(f"    if name == {a.name!r}:  # {a.formula}\n        return {a.script}"
                      for a in acts)
    derivs = "\n".join(f"    if name == {a.name!r}:\n        return {a.script_derivative}"
                       for a in acts if a.script_derivative)
    derivative = f'''


def derivative(name, z, a):
    """f'(z), from z or from a = f(z), whichever is simpler (the same number)."""
{derivs}''' if derivs else ""
    return "# ----- activations " + "-" * 75 + "\n" + "\n\n\n".join(defs) + (
        "\n\n\n" if defs else "") + f'''def activate(name, z):
{calls}{derivative}'''


def _init_part(net: Network) -> str:
    kinds = sorted({s.init or net.init for s in net.layers})
    body = {
        "uniform": "return rng.uniform(-1.0, 1.0, (n_in, n_out))",
        "normal": "return rng.normal(0.0, 1.0, (n_in, n_out))",
        "xavier": "limit = np.sqrt(6.0 / (n_in + n_out))  # Glorot uniform\n"
                  "        return rng.uniform(-limit, limit, (n_in, n_out))",
        "he": "return rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out))",
    }
    cases = "\n".join(f"    if kind == {k!r}:\n        {body[k]}" for k in kinds)
    return "# ----- the network " + "-" * 75 + f'''
def init_weights(rng, kind, n_in, n_out):
{cases}


def make_params():
    """[{{"W": (n_in, n_out), "b": (n_out,)}}, ...] per layer; "b" only with a bias. One random
    generator draws every layer's weights in turn, from SEED; biases start at 0."""
    rng = np.random.default_rng(SEED)
    params, n_in = [], INPUTS
    for units, _, bias, init in LAYERS:
        layer = {{"W": init_weights(rng, init, n_in, units).astype(DTYPE)}}
        if bias:
            layer["b"] = np.zeros(units, dtype=DTYPE)
        params.append(layer)
        n_in = units
    return params'''


def _forward_part() -> str:
    return '''def forward(params, x, masks=None):
    """x (n, INPUTS) -> (zs, activations): z = a_prev @ W + b and a = f(z) for each layer.
    In training, ``masks`` (draw_masks) drop units: the next layer reads a × mask."""
    zs, activations = [], []
    a = x
    for i, (p, (_, name, _, _)) in enumerate(zip(params, LAYERS)):
        z = a @ p["W"]
        if "b" in p:
            z = z + p["b"]
        a = activate(name, z)
        zs.append(z)
        activations.append(a)
        if masks is not None and masks[i] is not None:
            a = a * masks[i]
    return zs, activations


def draw_masks(rng, n):
    """Dropout's masks for a batch of n, layer by layer: with a rate p each unit is zeroed
    with probability p and the others scaled by 1 / (1 - p), so the expected output stays
    the same; None for a layer without dropout."""
    return [(rng.random((n, units)) >= p) * (1.0 / (1.0 - p)) if p else None
            for (units, _, _, _), p in zip(LAYERS, DROPOUT)]'''


def _loss_part(net: Network) -> str:
    name = net.loss_name
    if name == "mse":
        value = '''    # ½·Σ over the outputs, averaged over the batch
    return 0.5 * np.sum((a - y) ** 2) / len(y)'''
    elif name == "bce":
        value = '''    # -[y log σ(z) + (1 - y) log(1 - σ(z))], from z so that it stays finite
    softplus = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
    return np.sum(softplus - y * z) / len(y)'''
    else:
        value = '''    # -log softmax(z)[label], from z (log-sum-exp) so that it stays finite
    m = z.max(axis=1)
    lse = m + np.log(np.exp(z - m[:, None]).sum(axis=1))
    return np.sum(lse - z[np.arange(len(y)), y]) / len(y)'''
    return "# ----- the loss " + "-" * 78 + f'''
def loss(z, a, y):
    """The mean {name} loss of the outputs a = f(z) (n, k) against the targets y."""
{value}'''


def _backward_part(net: Network) -> str:
    out, loss = net.layers[-1].activation, net.loss_name
    if loss == "bce":
        first = '''    delta = (a - y) / n  # a sigmoid with bce: dL/dz = (a - y) / n, σ′ cancels'''
    elif loss == "cross_entropy":
        first = '''    onehot = np.eye(a.shape[1], dtype=DTYPE)[y]
    delta = (a - onehot) / n  # softmax with cross-entropy: dL/dz = (a - onehot) / n'''
    elif out == "softmax":
        first = '''    g = (a - y) / n  # dL/da
    # the softmax's Jacobian applied row by row: dL/dz = a * (g - Σ g·a)
    delta = a * (g - np.sum(g * a, axis=1, keepdims=True))'''
    else:
        first = f'''    # dL/dz = dL/da · f'(z) at the output
    delta = (a - y) / n * derivative({out!r}, zs[-1], a)'''
    hidden = '''
        if i > 0:  # one layer down: dL/da_prev = delta @ W.T (a dropped unit passes
            # nothing back: times its mask), then times f'(z_prev)
            name = LAYERS[i - 1][1]
            f_prime = derivative(name, zs[i - 1], activations[i - 1])
            delta = delta @ params[i]["W"].T
            if masks is not None and masks[i - 1] is not None:
                delta = delta * masks[i - 1]
            delta = delta * f_prime''' if len(net.layers) > 1 else ""
    return "# ----- backward " + "-" * 78 + f'''
def backward(params, x, zs, activations, y, masks=None):
    """The gradient of the mean loss, shaped like params, from the output layer down (with
    the forward pass's dropout masks, when it had any)."""
    n = len(y)
    a = activations[-1]
{first}
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        a_prev = x if i == 0 else activations[i - 1]
        if i > 0 and masks is not None and masks[i - 1] is not None:
            a_prev = a_prev * masks[i - 1]  # what the layer read
        grads[i] = {{"W": a_prev.T @ delta}}
        if "b" in params[i]:
            grads[i]["b"] = delta.sum(axis=0){hidden}
    for p, g in zip(params, grads):  # regularization pulls the weights (not biases) to zero
        if L2:
            g["W"] = g["W"] + L2 * p["W"]
        if L1:
            g["W"] = g["W"] + L1 * np.sign(p["W"])
    return grads'''


def _optimizer_part(config: TrainConfig) -> str:
    bodies = {
        "sgd": '''    """Plain gradient descent: W = W - lr * dL/dW."""
    return [{k: p[k] - lr * g[k] for k in p} for p, g in zip(params, grads)]''',
        "momentum": '''    """SGD with momentum (heavy ball, as PyTorch's SGD):
    v = MOMENTUM * v + g, then W = W - lr * v."""
    new = []
    for p, g, v in zip(params, grads, state["v"]):
        for k in p:
            v[k] = MOMENTUM * v[k] + g[k]
        new.append({k: p[k] - lr * v[k] for k in p})
    return new''',
        "adam": '''    """Adam with bias correction, in the form the playground computes it:
    W = W - lr_t * m / (sqrt(v) + eps_t), where lr_t = lr·sqrt(1 - β2^t) / (1 - β1^t) and
    eps_t = ε·sqrt(1 - β2^t) (the same as m̂ / (sqrt(v̂) + ε), in two scalars)."""
    b1, b2, eps = 0.9, 0.999, 1e-8
    state["t"] += 1
    t = state["t"]
    lr_t = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    eps_t = eps * np.sqrt(1 - b2 ** t)
    new = []
    for p, g, m, v in zip(params, grads, state["m"], state["v"]):
        for k in p:
            m[k] = b1 * m[k] + (1 - b1) * g[k]
            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
        new.append({k: p[k] - lr_t * m[k] / (np.sqrt(v[k]) + eps_t) for k in p})
    return new''',
    }
    return "# ----- the update " + "-" * 76 + f'''
def make_state(params):
    """What the optimizer remembers between steps (zeros to start)."""
    zeros = [{{k: np.zeros_like(v) for k, v in p.items()}} for p in params]
    return {{"t": 0, "m": zeros, "v": [{{k: v.copy() for k, v in p.items()}} for p in zeros]}}


def update(params, grads, state, lr):
{bodies[config.optimizer]}'''


def rate_part(config: TrainConfig) -> str:
    """The script's rate(epoch, epochs): the schedule's formula (nn.schedule), as written."""
    sched = parse_schedule(config.schedule, config.warmup)
    kind, f, n = sched.kind, sched.factor, sched.every
    body = {"constant": "return LR",
            "step": f"return LR * {f!r} ** ((e - 1) // {n})  # × {f:g} every {n} epochs",
            "exp": f"return LR * {f!r} ** (e - 1)  # × {f:g} every epoch",
            "cosine": f"span = {n or 'max(1, epochs - WARMUP)'}  # down to the floor at its "
                      f"last epoch\n    t = min(e - 1, span - 1) / (span - 1) if span > 1 "
                      f"else 1.0\n    return {f!r} + (LR - {f!r}) * (1 + np.cos(np.pi * t)) / 2"}
    return "# ----- the learning rate " + "-" * 69 + f'''
WARMUP = {sched.warmup}  # epochs whose rate rises in a line to LR, before the schedule


def rate(epoch, epochs):
    """The learning rate of every step of ``epoch`` (1, 2, ...) in a run of ``epochs``:
    {sched.text}."""
    if epoch <= WARMUP:
        return LR * epoch / WARMUP
    e = epoch - WARMUP  # 1 at the schedule's first epoch
    {body[kind]}'''


def _score(net: Network, regression: bool) -> str:
    """The script's accuracy(a, y): the share classified right, or the RMSE of a regression."""
    if regression:
        return '''METRIC = "rmse"


def accuracy(a, y):
    """For a regression, the root mean squared error of the outputs (lower is better)."""
    return float(np.sqrt(np.mean((a - y) ** 2)))'''
    middle = 0.0 if net.layers[-1].activation == "tanh" else 0.5
    if net.loss_name == "cross_entropy":
        predicted, truth = "a.argmax(axis=1)", "y"
    elif net.layers[-1].units == 1:
        predicted, truth = f"(a[:, 0] > {middle})", f"(y[:, 0] > {middle})"
    else:
        predicted, truth = "a.argmax(axis=1)", "y.argmax(axis=1)"
    return f'''METRIC = "accuracy"


def accuracy(a, y):
    """The share of samples whose predicted class is their class."""
    return float(np.mean({predicted} == {truth}))'''


def _train_part(net: Network, regression: bool) -> str:
    return "# ----- training " + "-" * 78 + "\n" + _score(net, regression) + '''


def evaluate(params, x, y):
    """(mean loss, accuracy) over a whole set (for a regression: its RMSE)."""
    zs, activations = forward(params, x)
    return float(loss(zs[-1], activations[-1], y)), accuracy(activations[-1], y)


def train(epochs):
    x_train, y_train, x_test, y_test = load_data()
    params = make_params()
    state = make_state(params)
    shuffler = np.random.default_rng(SHUFFLE_SEED)
    dropper = np.random.default_rng([SHUFFLE_SEED, 1])  # dropout's masks, apart from it
    best = (np.inf, 0, params)  # early stopping's watch: test loss, epoch, weights
    n = len(x_train)
    for epoch in range(1, epochs + 1):
        order = shuffler.permutation(n) if SHUFFLE else np.arange(n)
        for start in range(0, n, BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            x, y = x_train[batch], y_train[batch]
            masks = draw_masks(dropper, len(batch)) if any(DROPOUT) else None
            zs, activations = forward(params, x, masks)
            grads = backward(params, x, zs, activations, y, masks)
            params = update(params, grads, state, rate(epoch, epochs))
        if EARLY_STOP and len(x_test):
            test_loss = evaluate(params, x_test, y_test)[0]
            if test_loss < best[0]:
                best = (test_loss, epoch, params)
            elif epoch - best[1] >= EARLY_STOP:
                params = best[2]
                print(f"stopped at epoch {epoch}: the test loss last improved at {best[1]}; "
                      f"the weights of epoch {best[1]} are kept")
                break
        if epoch == epochs or epoch % max(1, epochs // 10) == 0:
            train_loss, train_acc = evaluate(params, x_train, y_train)
            print(f"epoch {epoch}: train loss {train_loss:.6g}, {METRIC} {train_acc:.4g}")
    train_loss, train_acc = evaluate(params, x_train, y_train)
    print(f"final train loss {train_loss!r}")
    print(f"final train {METRIC} {train_acc!r}")
    if len(x_test):
        test_loss, test_acc = evaluate(params, x_test, y_test)
        print(f"final test loss {test_loss!r}")
        print(f"final test {METRIC} {test_acc!r}")
    return params'''


_MAIN = '''if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    train(parser.parse_args().epochs)'''
