# expect: ok
import random
import numpy as np

def sig(z):
    return 1.0 / (1.0 + np.exp(-z))

def sig_prime(z):
    return sig(z) * (1 - sig(z))

class Net(object):
    def __init__(self, sizes):
        self.sizes = sizes
        self.biases = [np.random.randn(y, 1) for y in sizes[1:]]
        self.weights = [np.random.randn(y, x) for x, y in zip(sizes[:-1], sizes[1:])]

    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sig(np.dot(w, a) + b)
        return a

    def train(self, data, epochs, batch_size, eta):
        for j in range(epochs):
            random.shuffle(data)
            for k in range(0, len(data), batch_size):
                self.learn(data[k:k + batch_size], eta)

    def learn(self, batch, eta):
        sum_b = [np.zeros(b.shape) for b in self.biases]
        sum_w = [np.zeros(w.shape) for w in self.weights]
        for x, y in batch:
            d_b, d_w = self.backprop(x, y)
            sum_b = [nb + dnb for nb, dnb in zip(sum_b, d_b)]
            sum_w = [nw + dnw for nw, dnw in zip(sum_w, d_w)]
        self.weights = [w - (eta / len(batch)) * nw for w, nw in zip(self.weights, sum_w)]
        self.biases = [b - (eta / len(batch)) * nb for b, nb in zip(self.biases, sum_b)]

    def backprop(self, x, y):
        d_b = [np.zeros(b.shape) for b in self.biases]
        d_w = [np.zeros(w.shape) for w in self.weights]
        activation = x
        activations = [x]
        zs = []
        for b, w in zip(self.biases, self.weights):
            z = np.dot(w, activation) + b
            zs.append(z)
            activation = sig(z)
            activations.append(activation)
        delta = (activations[-1] - y) * sig_prime(zs[-1])
        d_b[-1] = delta
        d_w[-1] = np.dot(delta, activations[-2].transpose())
        for l in range(2, len(self.sizes)):
            z = zs[-l]
            delta = np.dot(self.weights[-l + 1].transpose(), delta) * sig_prime(z)
            d_b[-l] = delta
            d_w[-l] = np.dot(delta, activations[-l - 1].transpose())
        return (d_b, d_w)

random.seed(1); np.random.seed(1)
data = []
for i in range(40):
    x = np.random.rand(2, 1)
    y = np.array([[1.0]]) if x[0, 0] > x[1, 0] else np.array([[0.0]])
    data.append((x, y))
net = Net([2, 5, 1])
net.train(data, 5, 8, 3.0)
