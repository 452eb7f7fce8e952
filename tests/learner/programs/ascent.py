# expect: ascent variable=W_hidden
import numpy as np

np.random.seed(11)
inputs = np.random.rand(20, 3)
targets = inputs.sum(axis=1, keepdims=True) / 3
W_hidden = np.random.randn(3, 5)
W_out = np.random.randn(5, 1)
alpha = 0.1
for epoch in range(100):
    hidden = np.tanh(inputs @ W_hidden)
    prediction = hidden @ W_out
    error = prediction - targets
    grad_out = hidden.T @ error / len(inputs)
    grad_hidden = inputs.T @ ((error @ W_out.T) * (1 - hidden ** 2)) / len(inputs)
    W_hidden += alpha * grad_hidden  # <- expected
    W_out += alpha * grad_out
