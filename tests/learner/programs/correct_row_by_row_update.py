# expect: ok
import numpy as np

np.random.seed(17)
X = np.random.randn(9, 2)
T = np.tanh(X[:, :1] - X[:, 1:])
W = np.random.randn(2, 4) * 0.5
V = np.random.randn(4, 1) * 0.5
for epoch in range(50):
    A = np.tanh(X @ W)
    out = A @ V
    err = out - T
    dV = A.T @ err / len(X)
    dW = X.T @ ((err @ V.T) * (1 - A * A)) / len(X)
    for row in range(W.shape[0]):
        W[row] -= 0.3 * dW[row]
    for row in range(V.shape[0]):
        V[row, :] = V[row, :] - 0.3 * dV[row, :]
