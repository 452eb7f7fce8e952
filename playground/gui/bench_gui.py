"""``playground bench --gui``: how the window keeps up while it trains (headless, measured).

For each network: a 10 ms QTimer probe's intervals while training at full speed (a stalled GUI
shows as long intervals), frames drawn per second (each recomputes the boundary and all neuron
maps), and training throughput inside the app against the headless trainer on the same network
and data, in rounds that alternate the two.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import Any

import numpy as np

from playground.experiment import PRESETS, Architecture, Experiment
from playground.gui.bench_landscape import landscape_live, landscape_mnist, print_landscape
from playground.nn import LayerSpec, train_steps

PROBE_MS = 10


def _networks() -> dict[str, Experiment]:
    xor = PRESETS["xor"]
    wide = replace(xor, arch=Architecture((LayerSpec(8, "tanh"), LayerSpec(8, "tanh"))))
    return {"xor 2-4-2-1": xor, "xor 2-8-8-1": wide, "spiral 4-8-8-8-1": PRESETS["spiral"]}


def headless_epochs_per_second(exp: Experiment, seconds: float) -> float:
    """Epochs per second of ``train_steps`` alone on the app's work: the same network, training
    set and test set (whose metrics the app, like ``playground train``, takes every epoch)."""
    from playground.data.pointset import PointSet

    points = PointSet.generate(exp.data)
    net = exp.arch.build(len(exp.data.features), points.n_classes)
    x, x_test = points.features(exp.data.features)
    y, y_test = net.encode_targets(points.train_labels), net.encode_targets(points.test_labels)
    epochs, start = 0, time.perf_counter()
    for snap in train_steps(net, x, y, replace(exp.config, epochs=10**9), x_test, y_test):
        if snap.epoch_end:
            epochs += 1
            if time.perf_counter() - start >= seconds:
                break
    return epochs / (time.perf_counter() - start)


def in_app(exp: Experiment, seconds: float, rounds: int = 5) -> dict[str, float]:
    """Train ``exp`` in the window for ``seconds`` in all, cut into ``rounds``; after each round
    the run pauses and the headless trainer runs as long in this process (the window idle), so
    each in-app rate has a headless rate taken seconds apart: this VM's speed drifts by 20-30%
    within a minute. The share is the median of the rounds' ratios."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(exp)
    window.resize(1280, 800)
    window.show()
    session = window.session
    session.set_speed(None)  # full speed: the default paces XOR for watching
    intervals: list[float] = []
    frames = [0]
    clock = QElapsedTimer()
    probe = QTimer(interval=PROBE_MS)
    segment = seconds / rounds
    mark: dict[str, float] = {}
    totals = {"seconds": 0.0, "epochs": 0.0, "frames": 0.0}
    ratios: list[float] = []
    headless: list[float] = []

    def tick() -> None:
        intervals.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    def begin() -> None:
        mark.update(frames=frames[0], epoch=session.epoch, t=time.perf_counter(),
                    first=len(intervals))
        clock.start()
        probe.start()
        QTimer.singleShot(int(1000 * segment), end)

    def end() -> None:
        dt = time.perf_counter() - mark["t"]
        probe.stop()
        if len(intervals) > mark["first"]:
            del intervals[int(mark["first"])]  # from the clock's start: not a whole interval
        epochs = session.epoch - mark["epoch"]
        totals["seconds"] += dt
        totals["epochs"] += epochs
        totals["frames"] += frames[0] - mark["frames"]
        session.pause()
        headless.append(headless_epochs_per_second(exp, min(segment, 3.0)))
        ratios.append(epochs / dt / headless[-1])
        if len(ratios) == rounds:
            session.stop()
            app.quit()
            return
        session.start()  # resume
        QTimer.singleShot(300, begin)  # let the child get going again

    probe.timeout.connect(tick)
    session.sig_frame.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    session.start()
    QTimer.singleShot(1000, begin)  # after a second of warm-up
    app.exec()
    window.close()
    window.deleteLater()
    probe_ms = np.array(intervals) if intervals else np.array([np.nan])
    return {"probe_p50_ms": float(np.median(probe_ms)),
            "probe_p99_ms": float(np.percentile(probe_ms, 99)),
            "probe_max_ms": float(probe_ms.max()),
            "frames_per_second": totals["frames"] / totals["seconds"],
            "epochs_per_second": totals["epochs"] / totals["seconds"],
            "headless_epochs_per_second": float(np.mean(headless)),
            "throughput_vs_headless": float(np.median(ratios))}


def edit_to_screen(repeats: int = 21) -> dict[str, float]:
    """While XOR trains at full speed: milliseconds from a click on layer 1's bias box to the
    boundary of the edited network painted on screen (the edit applied to the running network,
    its maps computed and the plane repainted), median and worst of ``repeats`` clicks."""
    app, window, session = _xor_window()
    painted = _Painted(window.boundary_plot.viewport())
    session.start()
    deadline = time.perf_counter() + 2
    while time.perf_counter() < deadline:  # warm up
        app.processEvents()
    times = []
    for _ in range(repeats):
        box = window.layer_editor.rows[0].bias
        before, start = painted.count, time.perf_counter()
        box.click()
        image = window.boundary_plot.image_item.image
        give_up = start + 2.0
        while (painted.count == before or window.boundary_plot.image_item.image is image) \
                and time.perf_counter() < give_up:
            app.processEvents()
        times.append(1000 * (time.perf_counter() - start))
        pause_until = time.perf_counter() + 0.2
        while time.perf_counter() < pause_until:
            app.processEvents()
    session.stop()
    window.close()
    window.deleteLater()
    return {"median_ms": float(np.median(times)), "max_ms": float(np.max(times))}


def _xor_window() -> tuple:
    """(the application, a window of XOR at 1280x800 set to full speed, its session)."""
    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    window = MainWindow(PRESETS["xor"])
    window.resize(1280, 800)
    window.show()
    window.session.set_speed(None)
    return QApplication.instance(), window, window.session


class _Painted:
    """Counts the paints of a widget's viewport (an event filter)."""

    def __init__(self, widget: object) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, obj: QObject, event: QEvent) -> bool:  # noqa: N802, N805
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def timeline_drag(train_seconds: float = 4.0, moves: int = 200) -> dict[str, float]:
    """XOR trained ``train_seconds`` at full speed, then its timeline dragged: milliseconds from
    the slider's move to the epoch's boundary painted on screen (the network set, the plane and
    neuron maps computed, the diagram, the loss plot's marker and the status bar redrawn), over
    ``moves`` moves to random epochs; p50, p99 and the worst."""
    app, window, session = _xor_window()
    session.start()
    until = time.perf_counter() + train_seconds
    while time.perf_counter() < until:
        app.processEvents()
    session.pause()
    painted = _Painted(window.boundary_plot.viewport())
    slider = window.timeline_bar.slider
    epochs = session.timeline.epochs()
    rng = np.random.default_rng(0)
    times = []
    for epoch in rng.choice(epochs, size=moves):
        if int(epoch) == session.timeline.at:
            continue
        before, start = painted.count, time.perf_counter()
        slider.setValue(int(epoch))
        while painted.count == before and time.perf_counter() < start + 2.0:
            app.processEvents()
        times.append(1000 * (time.perf_counter() - start))
    session.stop()
    window.close()
    window.deleteLater()
    return {"epochs_kept": len(epochs), "p50_ms": float(np.median(times)),
            "p99_ms": float(np.percentile(times, 99)), "max_ms": float(np.max(times))}


def closes_while_training(repeats: int = 50) -> dict[str, float]:
    """Open a window, train XOR a moment, close it: seconds each close takes (the session's
    process told to stop and end), and the training processes left afterwards (none)."""
    import multiprocessing

    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    app = QApplication.instance()
    times = []
    for _ in range(repeats):
        window = MainWindow(PRESETS["xor"])
        window.show()
        window.session.start()
        until = time.perf_counter() + 0.3
        while time.perf_counter() < until:
            app.processEvents()
        start = time.perf_counter()
        window.close()
        times.append(time.perf_counter() - start)
        window.deleteLater()
        app.processEvents()
    left = [p for p in multiprocessing.active_children() if p.name == "playground-train"]
    return {"median_s": float(np.median(times)), "max_s": float(np.max(times)),
            "processes_left": len(left)}


def mnist_in_app(epochs: int = 5) -> dict[str, float]:
    """The MNIST tab with its default network: seconds from pressing Train to 97% test accuracy,
    seconds per epoch after the first (each includes the test set's evaluation), and the 10 ms
    probe while it trains."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(PRESETS["xor"])
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentWidget(window.mnist_panel)  # reads MNIST, before the clock starts
    session = window.mnist_session
    session.set_config(epochs=epochs)
    intervals: list[float] = []
    ends: list[tuple[float, float]] = []  # (seconds since Train, test accuracy) per epoch
    clock = QElapsedTimer()
    probe = QTimer(interval=PROBE_MS)

    def tick() -> None:
        intervals.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    def on_epochs(snaps: tuple) -> None:
        ends.extend((time.perf_counter() - start, s.test_accuracy) for s in snaps)

    probe.timeout.connect(tick)
    session.sig_epochs.connect(on_epochs)
    session.sig_state_changed.connect(lambda state: app.quit() if state == "idle" else None)
    start = time.perf_counter()
    clock.start()
    probe.start()
    window.mnist_panel.train_panel.train_button.click()
    app.exec()
    probe.stop()
    window.close()
    window.deleteLater()
    probe_ms = np.array(intervals[1:])
    reached = [t for t, acc in ends if acc >= 0.97]
    return {"seconds_to_97": reached[0] if reached else float("nan"),
            "epoch_seconds": (ends[-1][0] - ends[0][0]) / max(1, len(ends) - 1),
            "test_accuracy": ends[-1][1], "probe_p99_ms": float(np.percentile(probe_ms, 99))}


def mnist_headless_epoch_seconds(epochs: int = 4) -> float:
    """Seconds per epoch of the MNIST tab's default network and settings, without the app."""
    from playground.data.mnist import load_mnist_inputs
    from playground.gui.sessions.mnist import DEFAULT_ARCH, DEFAULT_CONFIG

    x, labels = load_mnist_inputs("train")
    xt, labels_t = load_mnist_inputs("test")
    net = DEFAULT_ARCH.build(784, 10)
    config = replace(DEFAULT_CONFIG, epochs=epochs + 1)
    times = [time.perf_counter() for s in train_steps(net, x, labels, config, xt, labels_t)
             if s.epoch_end]
    return (times[-1] - times[0]) / epochs  # the first epoch warms up


def stroke_to_prediction(repeats: int = 50) -> dict[str, float]:
    """The digits tab: work from new ink to new bars on screen (preprocess, predict, repaint),
    median over ``repeats`` drawings; the worst case adds the throttle interval."""
    from PySide6.QtCore import QPointF

    from playground.gui.widgets.digits_panel import PREDICT_MS, DigitsPanel

    panel = DigitsPanel()
    panel.show()
    times = []
    for k in range(repeats):
        panel.canvas.strokes = [[QPointF(100 + k % 40, 40 + 5 * i) for i in range(40)]]
        panel.canvas._render()
        start = time.perf_counter()
        panel.predict()
        panel.bars.repaint()
        panel.preview.repaint()
        times.append(time.perf_counter() - start)
    panel.close()
    work = 1000 * float(np.median(times))
    return {"work_ms": work, "throttle_ms": PREDICT_MS, "worst_case_ms": work + PREDICT_MS}


def run_gui_bench(seconds: float = 5.0) -> dict[str, Any]:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.gui.app import make_app

    make_app()
    report: dict[str, Any] = {}
    for name, exp in _networks().items():
        report[name] = in_app(exp, seconds)
    print_gui_report(report)
    edit = edit_to_screen()
    print(f"an edit while training (layer 1's bias box) to the new boundary on screen: median "
          f"{edit['median_ms']:.1f} ms, worst {edit['max_ms']:.1f} ms")
    drag = timeline_drag()
    print(f"the timeline dragged ({drag['epochs_kept']:,} epochs of XOR kept): move to the "
          f"epoch's boundary on screen p50 {drag['p50_ms']:.1f} ms, p99 {drag['p99_ms']:.1f} ms, "
          f"worst {drag['max_ms']:.1f} ms")
    report["timeline"] = drag
    closes = closes_while_training()
    print(f"50 windows closed while training: median {closes['median_s']:.3f} s, slowest "
          f"{closes['max_s']:.3f} s; training processes left: {closes['processes_left']}")
    report["closes"] = closes
    digits = stroke_to_prediction()
    print(f"digits tab, ink to prediction on screen: {digits['work_ms']:.1f} ms of work, at most "
          f"{digits['worst_case_ms']:.1f} ms with the {digits['throttle_ms']} ms throttle")
    report["edit"], report["digits"] = edit, digits
    mnist = mnist_in_app()
    mnist["headless_epoch_seconds"] = mnist_headless_epoch_seconds()
    print(f"MNIST tab, default network: {mnist['seconds_to_97']:.1f} s from Train to 97% test "
          f"accuracy; {mnist['epoch_seconds']:.2f} s/epoch in the app against "
          f"{mnist['headless_epoch_seconds']:.2f} headless "
          f"({100 * mnist['headless_epoch_seconds'] / mnist['epoch_seconds']:.0f}%); "
          f"probe p99 {mnist['probe_p99_ms']:.1f} ms")
    report["mnist"] = mnist
    report["landscape"] = {"xor": landscape_live(), "mnist": landscape_mnist()}
    print_landscape(report["landscape"]["xor"], report["landscape"]["mnist"])
    return report


def print_gui_report(report: dict[str, Any]) -> None:
    print(f"GUI while training ({PROBE_MS} ms probe; frames = boundary + neuron maps redrawn)")
    print(f"{'network':18} {'probe p50':>9} {'p99':>7} {'max':>7} {'frames/s':>9} "
          f"{'epochs/s':>9} {'headless':>9} {'share':>6}")
    for name, r in report.items():
        print(f"{name:18} {r['probe_p50_ms']:7.1f}ms {r['probe_p99_ms']:5.1f}ms "
              f"{r['probe_max_ms']:5.0f}ms {r['frames_per_second']:9.1f} "
              f"{r['epochs_per_second']:9.0f} {r['headless_epochs_per_second']:9.0f} "
              f"{100 * r['throughput_vs_headless']:5.0f}%")
