# expect: bias-axis variable=b2
import numpy as np

np.random.seed(9)
X = np.random.rand(6, 3)
Y = np.random.rand(6, 2)
W1 = np.random.randn(3, 4)
b1 = np.zeros((1, 4))
W2 = np.random.randn(4, 2)
b2 = np.zeros((1, 2))
for k in range(50):
    A1 = np.tanh(X @ W1 + b1)
    A2 = A1 @ W2 + b2
    D2 = (A2 - Y) / len(X)
    D1 = D2 @ W2.T * (1 - A1 ** 2)
    W2 -= 0.1 * A1.T @ D2
    b2 = b2 - 0.1 * D2.sum(axis=1, keepdims=True)  # <- expected
    W1 -= 0.1 * X.T @ D1
    b1 -= 0.1 * D1.sum(axis=0, keepdims=True)
