# expect: softmax-axis
import numpy as np

np.random.seed(12)
features = np.random.randn(30, 4)
classes = np.random.randint(0, 3, 30)
onehot = np.zeros((30, 3))
onehot[np.arange(30), classes] = 1
W = np.random.randn(4, 3) * 0.1
b = np.zeros(3)


def softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=0, keepdims=True)  # <- expected


for epoch in range(100):
    probs = softmax(features @ W + b)
    grad = (probs - onehot) / len(features)
    W -= 0.5 * features.T @ grad
    b -= 0.5 * grad.sum(axis=0)
