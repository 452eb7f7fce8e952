# expect: derivative-at-output variable=delta_hidden
import numpy as np
import mnist

x_train, t_train, x_test, t_test = mnist.load()
x = x_train[:1000] / 255.0
t = np.zeros((1000, 10))
t[np.arange(1000), t_train[:1000]] = 1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_grad(z):
    s = sigmoid(z)
    return s * (1 - s)


w_hidden = np.random.randn(784, 30) * 0.05
w_output = np.random.randn(30, 10) * 0.05
b_hidden = np.zeros(30)
b_output = np.zeros(10)
for i in range(0, 1000, 100):
    xb, tb = x[i:i + 100], t[i:i + 100]
    hidden = sigmoid(xb @ w_hidden + b_hidden)
    output = sigmoid(hidden @ w_output + b_output)
    delta_output = (output - tb) * output * (1 - output)
    delta_hidden = delta_output @ w_output.T * sigmoid_grad(hidden)  # <- expected
    w_output -= 0.1 * hidden.T @ delta_output / 100
    b_output -= 0.1 * delta_output.mean(axis=0)
    w_hidden -= 0.1 * xb.T @ delta_hidden / 100
    b_hidden -= 0.1 * delta_hidden.mean(axis=0)
