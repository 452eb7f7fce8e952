# expect: ok also=python2
import numpy as np

np.random.seed(21)
X = np.array([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y = np.array([[0.], [1.], [1.], [1.]])
W = np.random.randn(2, 1)
b = np.zeros(1)
for i in xrange(200):
    out = 1 / (1 + np.exp(-(np.dot(X, W) + b)))
    delta = (out - y) * out * (1 - out)
    W -= 0.5 * np.dot(X.T, delta) / len(X)
    b -= 0.5 * delta.sum(axis=0) / len(X)
    if i % 50 == 0:
        print "step", i, np.mean((out - y) ** 2)
print "done"
