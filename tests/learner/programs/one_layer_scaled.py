# expect: scale variable=W1
import numpy as np

np.random.seed(4)
X = np.random.randn(50, 2)
y = (X[:, 0] > X[:, 1]).astype(float).reshape(50, 1)
W1 = np.random.randn(2, 8) * 0.3
b1 = np.zeros(8)
W2 = np.random.randn(8, 1) * 0.3
b2 = np.zeros(1)
lr = 0.2
n = X.shape[0]
for i in range(1000):
    z1 = X @ W1 + b1
    a1 = np.tanh(z1)
    z2 = a1 @ W2 + b2
    p = 1 / (1 + np.exp(-z2))
    dz2 = (p - y) / n
    dW2 = a1.T @ dz2
    db2 = dz2.sum(0)
    dz1 = dz2 @ W2.T * (1 - a1 ** 2)
    dW1 = X.T @ dz1 * n
    db1 = dz1.sum(0)
    W1 = W1 - lr * dW1  # <- expected
    b1 = b1 - lr * db1
    W2 = W2 - lr * dW2
    b2 = b2 - lr * db2
