# expect: shape
import numpy as np

np.random.seed(14)
x = np.random.randn(8, 2)
y = x[:, 0] * 2 - x[:, 1]
W1 = np.random.randn(2, 4)
W2 = np.random.randn(4, 1)
for i in range(100):
    h = np.maximum(x @ W1, 0)
    out = h @ W2
    diff = out - y  # <- expected
    g_out = diff.mean(axis=1, keepdims=True)
    W2 -= 0.01 * h.T @ g_out
    W1 -= 0.01 * x.T @ ((g_out @ W2.T) * (h > 0))
