"""One edit path: a bias click while XOR trains builds the new network once in the window and
once in the process, carries the weights once, sends no data and evaluates the plane once."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from playground.gui.plane_maps import GridEvaluator
from playground.nn.network import Network
from playground.run import messages as m


def _count(monkeypatch, cls: type, name: str, counts: dict[str, int]) -> None:
    original = getattr(cls, name)

    def counting(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        counts[name] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counting)


def test_a_bias_click_while_training_builds_once_and_sends_no_data(make_window, qtbot,
                                                                   monkeypatch):
    window = make_window()
    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 5 and s.frame is not None, timeout=10000)
    sent: list[object] = []
    send = s._proc._send
    monkeypatch.setattr(s._proc, "_send", lambda msg: (sent.append(msg), send(msg))[1])
    counts = {"__init__": 0, "evaluate": 0}
    _count(monkeypatch, Network, "__init__", counts)
    _count(monkeypatch, GridEvaluator, "evaluate", counts)

    window.layer_editor.findChild(QCheckBox, "biasCheck0").click()

    assert not s.arch.hidden[0].bias
    edits = [msg for msg in sent if isinstance(msg, m.SetNetwork)]
    assert len(edits) == 1 and edits[0].carry and edits[0].data is None  # no data sent again
    assert counts["__init__"] == 1  # the window builds the new network once; the process once
    assert counts["evaluate"] == 1  # the plane drawn once for the edit
    version = s._version
    qtbot.waitUntil(lambda: s.frame is not None and s._version > version, timeout=10000)
    s.stop()


def test_the_process_builds_an_edited_network_once(monkeypatch):
    """The process's side of the same edit: one network built, the weights it trained carried
    once, the data it has kept."""
    import numpy as np

    from playground.experiment import Architecture
    from playground.run import process

    proc = process.TrainingProcess(conn=None)
    arch = Architecture()
    net = arch.build(2, 2)
    x, y = np.zeros((4, 2), np.float32), np.zeros((4, 1), np.float32)
    proc.handle(m.SetNetwork(2, tuple(net.layers), net.loss_name, net.init, "float32",
                             frozenset(), net.copy_params(), version=1,
                             data=m.SetData(x, y, None, None)))
    data = proc.data
    counts = {"__init__": 0}
    _count(monkeypatch, Network, "__init__", counts)
    carried = []
    carry = process.carry_weights
    monkeypatch.setattr(process, "carry_weights",
                        lambda old, new: (carried.append(1), carry(old, new))[1])
    layers = (net.layers[0].__class__(net.layers[0].units, net.layers[0].activation, False),
              *net.layers[1:])
    new = Network(2, list(layers), net.loss_name, net.init, None)
    counts["__init__"] = 0
    proc.handle(m.SetNetwork(2, layers, net.loss_name, net.init, "float32", frozenset(),
                             new.copy_params(), carry=True, version=2))
    assert counts["__init__"] == 1 and len(carried) == 1
    assert proc.data is data and "b" not in proc.net.params[0]


def _epochs(first: int, n: int, accuracy: float) -> tuple:
    from playground.nn.train import Snapshot

    return tuple(Snapshot(e, e, 0.1, 0.1, (), True, 0.1, accuracy, 0.1, accuracy)
                 for e in range(first, first + n))


def test_epochs_the_network_before_an_edit_trained_do_not_count_as_after_it(qtbot):
    """Frames on their way when an edit is made (a busy window gets many at once) carry the old
    network's epochs: the curve shows them, but the lessons and the monitor judge only what
    the edited network did."""
    from dataclasses import replace

    from playground.gui.sessions.playground import Session

    s = Session()
    try:
        s.start()
        qtbot.waitUntil(lambda: s.frame is not None, timeout=10000)
        s.pause()
        qtbot.waitUntil(lambda: s.state == "paused", timeout=5000)
        first = replace(s.arch.hidden[0], activation="linear")
        s.edits.set_architecture(replace(s.arch, hidden=(first, *s.arch.hidden[1:])))
        old, new = s._proc.version - 1, s._proc.version
        start = s.history.last_epoch + 1
        late = m.Frame(_epochs(start, 1, 1.0)[0], (),
                       _epochs(start, 60, 1.0), version=old)
        s.runner._on_frame(late)
        assert len(s.history) >= 60 and len(s.diagnosis.losses_since_change()) == 0
        mixed = late.merged(m.Frame(late.snapshot, (), _epochs(start + 60, 5, 0.5),
                                    version=new))
        assert mixed.older == 60
        s.runner._on_frame(m.Frame(mixed.snapshot, tuple(s.net.copy_params()),
                                   mixed.epochs[60:], version=new))
        assert len(s.diagnosis.losses_since_change()) == 5
    finally:
        s.shutdown()
