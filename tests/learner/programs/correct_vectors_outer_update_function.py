# expect: ok
import numpy as np
np.random.seed(3)
data = [(np.array([0., 0.]), np.array([0.])), (np.array([0., 1.]), np.array([1.])),
        (np.array([1., 0.]), np.array([1.])), (np.array([1., 1.]), np.array([0.]))]
W1 = np.random.randn(3, 2)
b1 = np.random.randn(3)
W2 = np.random.randn(1, 3)
b2 = np.random.randn(1)
def sigmoid(v):
    return 1 / (1 + np.exp(-v))
def update(W, dW, lr):
    return W - lr * dW
for epoch in range(1000):
    for x, t in data:
        h = sigmoid(np.dot(W1, x) + b1)
        o = sigmoid(np.dot(W2, h) + b2)
        do = (o - t) * o * (1 - o)
        dh = np.dot(W2.T, do) * h * (1 - h)
        W2 = update(W2, np.outer(do, h), 0.5)
        b2 = update(b2, do, 0.5)
        W1 = update(W1, np.outer(dh, x), 0.5)
        b1 = update(b1, dh, 0.5)
