"""A learner's MNIST network, as they wrote it, in the playground's template: 784-16-10 sigmoids,
the error taken as target − output, summed over the batch, and added with no learning rate."""
import numpy as np

LAYERS = [784, 16, 10]
ACTIVATION = "sigmoid"
LOSS = "mse"


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    return x * (1 - x)


def forward(params, x):
    hidden = sigmoid(x @ params[0]["W"] + params[0]["b"])
    output = sigmoid(hidden @ params[1]["W"] + params[1]["b"])
    return [x, hidden, output]


def backward(params, activations, y):
    x, hidden, output = activations
    o_error = y - output
    o_delta = o_error * sigmoid_derivative(output)
    h_error = o_delta @ params[1]["W"].T
    h_delta = h_error * sigmoid_derivative(hidden)
    return [{"W": x.T @ h_delta, "b": h_delta.sum(axis=0)},
            {"W": hidden.T @ o_delta, "b": o_delta.sum(axis=0)}]


def update(params, grads, lr):
    return [{k: p[k] + g[k] for k in p} for p, g in zip(params, grads)]  # noqa: B905
