# expect: ok
import numpy as np

rng = np.random.RandomState(3)
xs = rng.uniform(-1, 1, size=(40, 1))
ys = np.sin(3 * xs)
params = {"W1": rng.randn(1, 10) * 0.8, "b1": np.zeros(10),
          "W2": rng.randn(10, 1) * 0.3, "b2": np.zeros(1)}
learning_rate = 0.05

for epoch in range(100):
    for i in range(len(xs)):
        x = xs[i:i + 1]
        y = ys[i:i + 1]
        z1 = x @ params["W1"] + params["b1"]
        a1 = np.maximum(0, z1)
        y_hat = a1 @ params["W2"] + params["b2"]
        err = y_hat - y
        grad_W2 = a1.T @ err
        grad_b2 = err.sum(axis=0)
        grad_a1 = err @ params["W2"].T
        grad_z1 = grad_a1 * (z1 > 0)
        grad_W1 = x.T @ grad_z1
        grad_b1 = grad_z1.sum(axis=0)
        params["W1"] -= learning_rate * grad_W1
        params["b1"] -= learning_rate * grad_b1
        params["W2"] -= learning_rate * grad_W2
        params["b2"] -= learning_rate * grad_b2
