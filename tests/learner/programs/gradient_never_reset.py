# expect: accumulated variable=dW2
import numpy as np

np.random.seed(13)
X = np.random.randn(10, 2)
y = (X[:, :1] > 0).astype(float)
W1 = np.random.randn(2, 3)
W2 = np.random.randn(3, 1)
dW1 = np.zeros_like(W1)
dW2 = np.zeros_like(W2)
lr = 0.1
for epoch in range(100):
    h = 1 / (1 + np.exp(-X @ W1))
    o = 1 / (1 + np.exp(-h @ W2))
    d_o = (o - y) * o * (1 - o)
    d_h = d_o @ W2.T * h * (1 - h)
    dW2 += h.T @ d_o  # <- expected
    dW1 += X.T @ d_h
    W2 -= lr * dW2
    W1 -= lr * dW1
