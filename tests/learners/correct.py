"""A correct 2-4-1 sigmoid network with squared error, in the playground's template."""
import numpy as np

LAYERS = [2, 4, 1]
ACTIVATION = "sigmoid"
LOSS = "mse"


def sig(z):
    return 1 / (1 + np.exp(-z))


def forward(params, x):
    acts = [x]
    for p in params:
        acts.append(sig(acts[-1] @ p["W"] + p["b"]))
    return acts


def backward(params, activations, y):
    n = len(y)
    out = activations[-1]
    delta = (out - y) * out * (1 - out) / n
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        grads[i] = {"W": activations[i].T @ delta, "b": delta.sum(axis=0)}
        if i:
            a = activations[i]
            delta = (delta @ params[i]["W"].T) * a * (1 - a)
    return grads


def update(params, grads, lr):
    return [{k: p[k] - lr * g[k] for k in p} for p, g in zip(params, grads)]  # noqa: B905
