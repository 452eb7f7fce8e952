"""A learner's two chained sigmoid neurons, as they wrote them, in the playground's template.

They asked the network for 0 -> 0 and 1 -> 1 and it never got there, even after 10,000
iterations. Their backprop is right: they climbed the negative error ½·Σ(d − z)², the same as
descending the error. Here it is written as the template asks, the gradient of the mean error:
their rate of 5 on a gradient summed over two samples is a rate of 10 on the mean.

Press Check: every array agrees. The mistake is not in the code but in the network: no bias.
Press Train with my code and watch the loss stay above 0.0625 (an output below 0.5 for 0 keeps
the output for 1 below 0.5 too); then set BIAS = True and train again.
"""
import numpy as np

LAYERS = [1, 1, 1]       # one input, one hidden neuron, one output neuron
ACTIVATION = "sigmoid"
LOSS = "mse"
BIAS = False             # their neurons had weights only


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def forward(params, x):
    activations = [x]
    for p in params:
        z = activations[-1] @ p["W"]
        if BIAS:
            z = z + p["b"]
        activations.append(sigmoid(z))
    return activations


def backward(params, activations, y):
    x, a1, out = activations           # their y and z
    n = len(y)
    delta2 = (out - y) * out * (1 - out) / n                 # dE/dz of the output neuron
    delta1 = (delta2 @ params[1]["W"].T) * a1 * (1 - a1)    # dE/dz of the hidden neuron
    grads = [{"W": x.T @ delta1}, {"W": a1.T @ delta2}]
    if BIAS:
        grads[0]["b"], grads[1]["b"] = delta1.sum(axis=0), delta2.sum(axis=0)
    return grads


def update(params, grads, lr):
    # they added rate × (minus the gradient): a step down the error
    return [{k: p[k] - lr * g[k] for k in p} for p, g in zip(params, grads)]  # noqa: B905
