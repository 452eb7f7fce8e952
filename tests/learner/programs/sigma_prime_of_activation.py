# expect: derivative-at-output variable=d_hidden
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


def train(X, y, hidden=3, epochs=1000, lr=1.0):
    np.random.seed(1)
    W1 = np.random.uniform(-1, 1, (X.shape[1], hidden))
    b1 = np.zeros(hidden)
    W2 = np.random.uniform(-1, 1, (hidden, 1))
    b2 = np.zeros(1)
    for _ in range(epochs):
        a1 = sigmoid(X.dot(W1) + b1)
        a2 = sigmoid(a1.dot(W2) + b2)
        d_out = (a2 - y) * a2 * (1 - a2)
        d_hidden = d_out.dot(W2.T) * sigmoid_prime(a1)  # <- expected
        W2 -= lr * a1.T.dot(d_out)
        b2 -= lr * d_out.sum(axis=0)
        W1 -= lr * X.T.dot(d_hidden)
        b1 -= lr * d_hidden.sum(axis=0)
    return W1, W2


X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])
train(X, y)
