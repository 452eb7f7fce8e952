# expect: ok
import numpy as np

np.random.seed(7)
sizes = [2, 5, 4, 1]
weights = [np.random.randn(n_in, n_out) * 0.7 for n_in, n_out in zip(sizes[:-1], sizes[1:])]
biases = [np.zeros(n_out) for n_out in sizes[1:]]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


data = np.random.rand(16, 2)
labels = ((data[:, 0] - 0.5) * (data[:, 1] - 0.5) > 0).astype(float).reshape(-1, 1)

for step in range(300):
    activations = [data]
    for W, b in zip(weights, biases):
        activations.append(sigmoid(activations[-1] @ W + b))
    # binary cross-entropy with a sigmoid output: the output delta is a - y
    delta = (activations[-1] - labels) / len(data)
    for layer in range(len(weights) - 1, -1, -1):
        grad_W = activations[layer].T @ delta
        grad_b = delta.sum(axis=0)
        if layer > 0:
            a = activations[layer]
            delta = (delta @ weights[layer].T) * a * (1 - a)
        weights[layer] -= 1.0 * grad_W
        biases[layer] -= 1.0 * grad_b
