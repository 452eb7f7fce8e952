"""An opened model file is read once, whichever tabs it goes to (it was read three times)."""

from __future__ import annotations

import pytest

from playground.modelfile import save_load
from playground.nn import LayerSpec, Network

READERS = ("playground.gui.file_actions", "playground.gui.sessions.files",
           "playground.gui.sessions.mnist",
           "playground.gui.sessions.playground", "playground.gui.widgets.digits_panel")


@pytest.fixture
def reads(monkeypatch):
    import importlib

    count: list[str] = []

    def counting(reader):  # noqa: ANN001, ANN202
        def read(path):  # noqa: ANN001, ANN202
            count.append(str(path))
            return reader(path)
        return read

    for name in READERS:
        module = importlib.import_module(name)
        for reader in ("load_model", "load_model_with_history"):  # with the run it keeps
            if hasattr(module, reader):
                monkeypatch.setattr(module, reader, counting(getattr(save_load, reader)))
    return count


def test_an_mnist_model_is_read_once_for_the_digits_and_mnist_tabs(make_window, tmp_path,
                                                                   reads):
    path = tmp_path / "digits.npz"
    save_load.save_model(Network(784, [LayerSpec(16, "relu"), LayerSpec(10, "softmax")],
                                 "cross_entropy", "he", seed=3), path)
    window = make_window()
    assert window.files.open_model(str(path))
    assert reads.count(str(path)) == 1  # (the Digits tab reads its shipped model besides)
    assert window.digits_panel.net.sizes == [784, 16, 10]
    assert window.mnist_session.net.sizes == [784, 16, 10]
    assert window.tabs.currentWidget() is window.digits_panel


def test_a_playground_model_is_read_once(make_window, tmp_path, reads):
    window = make_window()
    path = tmp_path / "xor.npz"
    assert window.session.files.save(path)
    assert window.files.open_model(str(path))
    assert reads.count(str(path)) == 1 and window.session.model_path == path
