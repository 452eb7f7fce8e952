# expect: missing-activation-derivative variable=W1
import numpy as np

rng = np.random.default_rng(5)
X = rng.normal(size=(32, 4))
T = (X[:, :1] * X[:, 1:2] > 0).astype(float)
W1 = rng.normal(scale=0.5, size=(4, 6))
W2 = rng.normal(scale=0.5, size=(6, 1))
eta = 0.3
for it in range(500):
    H = np.tanh(X @ W1)
    O = 1 / (1 + np.exp(-(H @ W2)))
    E = O - T
    G_O = E * O * (1 - O) / len(X)
    G_H = G_O @ W2.T
    W2 -= eta * H.T @ G_O
    W1 -= eta * X.T @ G_H  # <- expected
