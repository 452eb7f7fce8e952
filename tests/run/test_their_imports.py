"""What a learner's program imports that the playground stands in for: the tutorial's mnist
module, Keras's MNIST, matplotlib. Each test runs in a fresh interpreter: the import hook is
for their code's process only."""

from __future__ import annotations

import subprocess
import sys

from playground.paths import resources_dir

SEEDS = resources_dir() / "learners" / "as_written"


def _run(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    script = "from playground.run import their_imports\ntheir_imports.install()\n" + code
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_mnist_load_gives_the_tutorials_arrays():
    out = _run("import mnist\n"
               "x_train, t_train, x_test, t_test = mnist.load()\n"
               "mnist.init()\n"
               "print(x_train.shape, x_train.dtype, t_train.shape, x_test.shape, t_test.shape)\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[0] == "(60000, 784) uint8 (60000,) (10000, 784) (10000,)"


def test_keras_and_tensorflow_give_images_of_28_by_28():
    out = _run("from keras.datasets import mnist\n"
               "(x, y), (xt, yt) = mnist.load_data()\n"
               "import tensorflow as tf\n"
               "(a, b), (c, d) = tf.keras.datasets.mnist.load_data()\n"
               "print(x.shape, xt.shape, a.dtype, (a == x).all())\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "(60000, 28, 28) (10000, 28, 28) uint8 True"


def test_matplotlib_calls_do_nothing_and_other_imports_still_fail():
    out = _run("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
               "fig, ax = plt.subplots()\nax.plot([1, 2])\nplt.xlim(0, 5)\nplt.show()\n"
               "try:\n    import no_such_package_here\nexcept ImportError:\n    print('refused')\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "refused"


def test_seed_000_runs_as_the_learner_wrote_it():
    """The learner's MNIST program, through the tutorial's mnist module: it runs to its end."""
    source = (SEEDS / "seed_000.py").read_text(encoding="utf-8")
    out = _run(f"import warnings\nwarnings.simplefilter('ignore')\nexec(compile({source!r}, "
               "'seed_000.py', 'exec'), {'__name__': '__main__'})\nprint('ran to its end')\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ran to its end"
