"""``bench --gui``'s loss landscape lines: the landscape dock live beside a training XOR (how
long each landscape takes the training process, how often it is redrawn, and the window's probe
and frame rate meanwhile), and MNIST's 784-128-10 landscape on 1,000 images while the window
waits for it."""

from __future__ import annotations

import time

import numpy as np

from playground.experiment import PRESETS

PROBE_MS = 10


class _Probe:
    """The intervals of a 10 ms timer, in ms: how long the GUI thread was away."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.intervals: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=PROBE_MS)
        self._timer.timeout.connect(self._tick)
        self._clock.start()
        self._timer.start()

    def _tick(self) -> None:
        self.intervals.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def stop(self) -> dict[str, float]:
        self._timer.stop()
        ms = np.array(self.intervals[1:] or [np.nan])
        return {"probe_p50_ms": float(np.median(ms)), "probe_p99_ms": float(np.percentile(ms, 99))}


def _pump(app: object, seconds: float, until: object = None) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not (until is not None and until()):
        app.processEvents()
        time.sleep(0.001)


def landscape_live(seconds: float = 6.0) -> dict[str, float]:
    """XOR training at full speed with the landscape dock shown (principal directions): the
    landscapes drawn a second, the training process's milliseconds for each, the window's
    probe and frames a second; and the epochs a second of the same run with the dock closed."""
    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(PRESETS["xor"])
    window.resize(1280, 800)
    window.show()
    s = window.session
    s.set_speed(None)
    answers: list[float] = []
    frames = [0]
    s.sig_surveyed.connect(lambda a: answers.append(a.seconds) if not a.problem else None)
    s.sig_frame.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    s.start()
    _pump(app, 2.0)  # a path to draw
    closed_from, closed_probe = s.epoch, _Probe()
    _pump(app, seconds / 2)
    closed_rate = (s.epoch - closed_from) / (seconds / 2)
    closed = closed_probe.stop()
    window.landscape_dock.show()
    _pump(app, 1.0)
    probe, start, first, frames[0], answers[:] = _Probe(), time.perf_counter(), s.epoch, 0, []
    _pump(app, seconds)
    took = time.perf_counter() - start
    result = probe.stop()
    result.update(landscapes_per_second=len(answers) / took,
                  landscape_ms=1000 * float(np.median(answers or [np.nan])),
                  frames_per_second=frames[0] / took, epochs_per_second=(s.epoch - first) / took,
                  epochs_per_second_closed=closed_rate,
                  probe_p99_ms_closed=closed["probe_p99_ms"])
    s.stop()
    window.close()
    window.deleteLater()
    return result


def landscape_mnist(repeats: int = 3) -> dict[str, float]:
    """The MNIST tab's default network (784-128-10), two random directions, 41x41 on 1,000
    training images: the training process's seconds per landscape (median of ``repeats``) and
    the window's probe while it waits."""
    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentIndex(1)
    s = window.mnist_session
    view = window.landscape
    view.directions.setCurrentIndex(view.directions.findData("random"))
    answers: list[float] = []
    s.sig_surveyed.connect(lambda a: answers.append(a.seconds) if not a.problem else None)
    window.landscape_dock.show()
    _pump(app, 60.0, lambda: bool(answers))  # MNIST read, the process started
    probe = _Probe()
    for _ in range(repeats):
        count = len(answers)
        s.net.params[0]["b"][0] += 1e-3  # other weights: drawn again
        s._touch()
        _pump(app, 30.0, lambda c=count: len(answers) > c)
    result = probe.stop()
    result["seconds"] = float(np.median(answers[1:]))
    window.close()
    window.deleteLater()
    return result


def print_landscape(live: dict[str, float], mnist: dict[str, float]) -> None:
    print(f"loss landscape (41x41) beside a training XOR: {live['landscapes_per_second']:.1f} "
          f"drawn a second, {live['landscape_ms']:.0f} ms each in the training process; "
          f"probe p99 {live['probe_p99_ms']:.1f} ms, {live['frames_per_second']:.1f} frames/s, "
          f"{live['epochs_per_second']:.0f} epochs/s; with the dock closed, probe p99 "
          f"{live['probe_p99_ms_closed']:.1f} ms and {live['epochs_per_second_closed']:.0f} "
          f"epochs/s")
    print(f"loss landscape of MNIST 784-128-10 on 1,000 images: {mnist['seconds']:.2f} s in "
          f"the training process; the window's probe meanwhile p99 {mnist['probe_p99_ms']:.1f} ms")
