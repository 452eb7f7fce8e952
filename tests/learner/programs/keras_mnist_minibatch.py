# expect: ok
import numpy as np
from tensorflow.keras.datasets import mnist

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
y_onehot = np.eye(10)[y_train]

rng = np.random.default_rng(0)
W1 = rng.normal(0, np.sqrt(2 / 784), (784, 64))
b1 = np.zeros(64)
W2 = rng.normal(0, np.sqrt(2 / 64), (64, 10))
b2 = np.zeros(10)
batch = 128
lr = 0.1

for epoch in range(3):
    order = rng.permutation(len(x_train))
    for start in range(0, len(x_train), batch):
        idx = order[start:start + batch]
        xb, yb = x_train[idx], y_onehot[idx]
        h = np.maximum(xb @ W1 + b1, 0)
        logits = h @ W2 + b2
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - yb) / len(xb)
        gW2 = h.T @ g
        gb2 = g.sum(axis=0)
        gh = g @ W2.T
        gh[h <= 0] = 0
        gW1 = xb.T @ gh
        gb1 = gh.sum(axis=0)
        W1 -= lr * gW1
        b1 -= lr * gb1
        W2 -= lr * gW2
        b2 -= lr * gb2
    print("epoch", epoch)
