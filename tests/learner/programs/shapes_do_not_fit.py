# expect: exception
import numpy as np

X = np.random.rand(5, 3)
W1 = np.random.rand(3, 4)
W2 = np.random.rand(3, 1)
for i in range(10):
    h = X @ W1
    out = h @ W2  # <- expected
    W2 -= 0.1 * h.T @ (out - 1)
