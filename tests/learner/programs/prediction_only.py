# expect: no-training
import numpy as np

W1 = np.array([[1.0, -1.0], [-1.0, 1.0]])
W2 = np.array([[1.0], [1.0]])
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
hidden = np.maximum(X @ W1, 0)
print(hidden @ W2)
