import numpy as np
import mnist


def sigmoid(x):
    a = 1 / (1 + np.exp(-x))
    return a
def sigmoid_derivative(x):
    return x * (1 - x)
def train(n, inputs):
    input_layer = inputs
    weights1 = 2 * np.random.random ((784 , 16)) - 1
    weights2 = 2 * np.random.random ((16 , 10)) - 1
    for i in range(n):
        trained_hidden = sigmoid(np.dot(input_layer, weights1))
        trained_outputs = sigmoid(np.dot(trained_hidden, weights2))
        o_error = (outputs - trained_outputs)
        o_adjustments = o_error * sigmoid_derivative(trained_outputs)
        h_error = np.dot(o_adjustments, weights2.T)
        h_adjustments = h_error * sigmoid_derivative(trained_hidden)
        w1 = np.dot(input_layer.T, h_adjustments)
        w2 = np.dot(trained_hidden.T, o_adjustments)
        weights1 += w1
        weights2 += w2
    return trained_outputs
x_train, t_train, x_test, t_test = mnist.load()
inputs = x_test/256
outputs = np.zeros((10000,10), dtype=int)
for i in range(10000):
    x = t_test[int(i)]
    outputs[i][x] = 1
set = train(10, inputs)
