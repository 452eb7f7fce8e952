"""A learner's XOR network (2-2-1 sigmoids), as they wrote it, in the playground's template.

Their sigmoid_derivative(x) = sigmoid(x)·(1 − sigmoid(x)) is given the activation a = sigmoid(z)
instead of z: σ′ is taken at the wrong place. Press Check to see where it parts from the right
gradient.
"""
import numpy as np

LAYERS = [2, 2, 1]
ACTIVATION = "sigmoid"
LOSS = "mse"


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    return sigmoid(x) * (1 - sigmoid(x))


def forward(params, x):
    activations = [x]
    for p in params:
        activations.append(sigmoid(activations[-1] @ p["W"] + p["b"]))
    return activations


def backward(params, activations, y):
    n = len(y)
    out = activations[-1]
    delta = (out - y) * sigmoid_derivative(out) / n
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        grads[i] = {"W": activations[i].T @ delta, "b": delta.sum(axis=0)}
        if i:
            delta = (delta @ params[i]["W"].T) * sigmoid_derivative(activations[i])
    return grads


def update(params, grads, lr):
    return [{k: p[k] - lr * g[k] for k in p} for p, g in zip(params, grads)]  # noqa: B905
