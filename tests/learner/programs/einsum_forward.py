# expect: unfollowed variable=W1
import numpy as np

np.random.seed(19)
X = np.random.randn(10, 2)
Y = (X[:, :1] > 0).astype(float)
W1 = np.random.randn(2, 3)
W2 = np.random.randn(3, 1)
for step in range(20):
    H = np.tanh(np.einsum("ij,jk->ik", X, W1))
    out = H @ W2
    e = out - Y
    gW2 = H.T @ e
    gH = e @ W2.T * (1 - H ** 2)
    W2 -= 0.01 * gW2
    W1 -= 0.01 * X.T @ gH  # <- expected
