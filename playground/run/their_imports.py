"""What a learner's program imports that the playground stands in for, in their code's process.

Learners' programs load MNIST through a tutorial's ``mnist`` module (seed 000:
``x_train, t_train, x_test, t_test = mnist.load()``) or through Keras, and plot their loss with
matplotlib; none of these is installed with the playground, and there is no internet at run
time. ``install()`` adds an import hook at the end of ``sys.meta_path``, so that a package the
learner does have still wins, which serves:

- ``mnist``: ``load()`` gives the playground's MNIST as the tutorial's module does: training
  and test images as (N, 784) uint8 and their labels; ``init()`` (its downloader) does nothing;
- ``keras.datasets.mnist`` and ``tensorflow.keras.datasets.mnist``: ``load_data()`` gives
  ``(x_train, y_train), (x_test, y_test)`` with images as (N, 28, 28) uint8, as Keras does;
- ``matplotlib`` and ``matplotlib.pyplot``: every call does nothing (nothing is drawn in a check).

Only ever installed in a process that runs a learner's code (the check's box, the process that
trains with their code). Qt-free.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Callable
from typing import Any

import numpy as np

from playground.data.mnist import load_mnist

N_PIXELS = 784


def install() -> None:
    """Serve the stand-ins from now on, in this process (once)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.append(_Finder())


class _Nothing:
    """What a stubbed plotting call gives back: any attribute, call, index or pair of it."""

    def __getattr__(self, name: str) -> _Nothing:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> _Nothing:
        return self

    def __getitem__(self, key: Any) -> _Nothing:
        return self

    def __iter__(self):  # noqa: ANN204 - fig, ax = plt.subplots()
        return iter((self, self))


def _mnist(module: types.ModuleType) -> None:
    def load() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The tutorial module's ``load()``: x_train, t_train, x_test, t_test."""
        (x_train, t_train), (x_test, t_test) = _images()
        return (x_train.reshape(len(x_train), N_PIXELS), t_train,
                x_test.reshape(len(x_test), N_PIXELS), t_test)

    module.load = load
    module.init = lambda: None
    module.__doc__ = "The playground's MNIST, as the tutorial's mnist module gives it."


def _images() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    return load_mnist("train"), load_mnist("test")


def _keras_mnist(module: types.ModuleType) -> None:
    module.load_data = lambda path="mnist.npz": _images()  # noqa: ARG005 - Keras's signature
    module.__doc__ = "The playground's MNIST, as keras.datasets.mnist gives it."


def _package(module: types.ModuleType) -> None:
    """A package whose submodules are served too, by import or as attributes
    (``tf.keras.datasets.mnist``)."""
    module.__path__ = []

    def submodule(name: str) -> types.ModuleType:
        full = f"{module.__name__}.{name}"
        if full not in _MAKERS:
            raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
        return importlib.import_module(full)

    module.__getattr__ = submodule


def _pyplot(module: types.ModuleType) -> None:
    nothing = _Nothing()
    module.__getattr__ = lambda name: nothing  # plt.plot, plt.show, plt.figure, ...


def _matplotlib(module: types.ModuleType) -> None:
    _package(module)
    module.use = lambda *args, **kwargs: None


_MAKERS: dict[str, Callable[[types.ModuleType], None]] = {
    "mnist": _mnist,
    "keras": _package, "keras.datasets": _package, "keras.datasets.mnist": _keras_mnist,
    "tensorflow": _package, "tensorflow.keras": _package,
    "tensorflow.keras.datasets": _package, "tensorflow.keras.datasets.mnist": _keras_mnist,
    "matplotlib": _matplotlib, "matplotlib.pyplot": _pyplot,
}


_PACKAGES = {name for name, make in _MAKERS.items() if make in (_package, _matplotlib)}


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any, target: Any = None
                  ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _MAKERS:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Loader(),
                                              is_package=fullname in _PACKAGES)


class _Loader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module

    def exec_module(self, module: types.ModuleType) -> None:
        _MAKERS[module.__name__](module)
