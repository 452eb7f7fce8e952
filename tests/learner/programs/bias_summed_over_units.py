# expect: bias-axis variable=bias2
import numpy as np

np.random.seed(15)
inp = np.random.randn(12, 3)
out_true = np.random.randn(12, 2)
weight1 = np.random.randn(3, 5) * 0.5
bias1 = np.zeros(5)
weight2 = np.random.randn(5, 2) * 0.5
bias2 = np.zeros(2)
step = 0.05
for t in range(200):
    act1 = np.tanh(inp @ weight1 + bias1)
    pred = act1 @ weight2 + bias2
    d2 = (pred - out_true) / len(inp)
    d1 = d2 @ weight2.T * (1 - act1 ** 2)
    weight2 -= step * act1.T @ d2
    bias2 -= step * np.sum(d2)  # <- expected
    weight1 -= step * inp.T @ d1
    bias1 -= step * d1.sum(axis=0)
