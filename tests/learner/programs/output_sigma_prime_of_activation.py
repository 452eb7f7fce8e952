# expect: derivative-at-output variable=delta2
import numpy as np

def sig(x):
    return 1/(1+np.exp(-x))

def dsig(x):
    return sig(x)*(1-sig(x))

X = np.array([[0,0,1],[0,1,1],[1,0,1],[1,1,1]])
Y = np.array([[0,1,1,0]]).T
np.random.seed(2)
w0 = 2*np.random.random((3,4)) - 1
w1 = 2*np.random.random((4,1)) - 1
for j in range(2000):
    l1 = sig(np.dot(X, w0))
    l2 = sig(np.dot(l1, w1))
    delta2 = (Y - l2) * dsig(l2)  # <- expected
    delta1 = delta2.dot(w1.T) * l1 * (1 - l1)
    w1 += 0.5 * l1.T.dot(delta2)
    w0 += 0.5 * X.T.dot(delta1)
