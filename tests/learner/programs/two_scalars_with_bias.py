# expect: ok
import numpy as np

x = np.array([0.0, 1.0])
d = x.copy()
w = np.random.rand(2)
b = np.zeros(2)
rate = 2.0


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


for it in range(500):
    y = sigmoid(w[0] * x + b[0])
    z = sigmoid(w[1] * y + b[1])
    dz = (z - d) * z * (1 - z)
    dy = dz * w[1] * y * (1 - y)
    w[1] -= rate * np.sum(dz * y)
    b[1] -= rate * np.sum(dz)
    w[0] -= rate * np.sum(dy * x)
    b[0] -= rate * np.sum(dy)
