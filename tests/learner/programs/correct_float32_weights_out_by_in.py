# expect: ok
import numpy as np
rng = np.random.default_rng(2)
X = rng.normal(size=(20, 3)).astype(np.float32)
Y = (X.sum(axis=1, keepdims=True) > 0).astype(np.float32)
W1 = rng.normal(size=(5, 3)).astype(np.float32)   # (out, in), as torch stores it
W2 = rng.normal(size=(1, 5)).astype(np.float32)
def loss_fn(p, y):
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
for it in range(100):
    H = np.tanh(X @ W1.T)
    P = 1 / (1 + np.exp(-(H @ W2.T)))
    L = loss_fn(P, Y)
    G = (P - Y) / len(X)
    gW2 = G.T @ H
    gH = G @ W2 * (1 - H ** 2)
    gW1 = gH.T @ X
    W2 -= 0.1 * gW2
    W1 -= 0.1 * gW1
