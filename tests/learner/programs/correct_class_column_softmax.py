# expect: ok
import numpy as np


class Network:
    def __init__(self, sizes, rate=0.1):
        rng = np.random.default_rng(1)
        self.W1 = rng.normal(0, 0.5, (sizes[1], sizes[0]))
        self.b1 = np.zeros((sizes[1], 1))
        self.W2 = rng.normal(0, 0.5, (sizes[2], sizes[1]))
        self.b2 = np.zeros((sizes[2], 1))
        self.rate = rate

    def softmax(self, z):
        e = np.exp(z - z.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)

    def forward(self, x):
        self.z1 = np.dot(self.W1, x) + self.b1
        self.a1 = np.maximum(self.z1, 0)
        self.a2 = self.softmax(np.dot(self.W2, self.a1) + self.b2)
        return self.a2

    def train_step(self, x, t):
        m = x.shape[1]
        p = self.forward(x)
        dz2 = (p - t) / m
        dW2 = np.dot(dz2, self.a1.T)
        db2 = np.sum(dz2, axis=1, keepdims=True)
        dz1 = np.dot(self.W2.T, dz2) * (self.z1 > 0)
        dW1 = np.dot(dz1, x.T)
        db1 = np.sum(dz1, axis=1, keepdims=True)
        self.W2 = self.W2 - self.rate * dW2
        self.b2 = self.b2 - self.rate * db2
        self.W1 = self.W1 - self.rate * dW1
        self.b1 = self.b1 - self.rate * db1


rng = np.random.default_rng(0)
points = rng.normal(size=(3, 60))
labels = (points[0] + points[1] > 0).astype(int) + (points[2] > 0.5).astype(int)
targets = np.eye(3)[labels].T
net = Network([3, 8, 3])
for i in range(200):
    net.train_step(points, targets)
