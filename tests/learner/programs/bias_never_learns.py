# expect: missing-bias-gradient variable=bias_h
import numpy as np

np.random.seed(8)
data_x = np.random.uniform(-2, 2, (64, 2))
data_y = (np.linalg.norm(data_x, axis=1) < 1.2).astype(float)[:, None]
weights_h = np.random.normal(0, 1, (2, 6))
bias_h = np.random.normal(0, 1, 6)
weights_o = np.random.normal(0, 1, (6, 1))
bias_o = np.zeros(1)
rate = 0.5
for ep in range(300):
    hid = np.tanh(data_x @ weights_h + bias_h)  # <- expected
    out = 1 / (1 + np.exp(-(hid @ weights_o + bias_o)))
    g = (out - data_y) / len(data_x)
    weights_o -= rate * hid.T @ g
    bias_o -= rate * g.sum(axis=0)
    g_h = (g @ weights_o.T) * (1 - hid * hid)
    weights_h -= rate * data_x.T @ g_h
