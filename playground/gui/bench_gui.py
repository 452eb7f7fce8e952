"""``playground bench --gui``: how the window keeps up while it trains (headless, measured).

For each network: a 10 ms QTimer probe's intervals while training at full speed (a stalled GUI
shows as long intervals), frames drawn per second (each recomputes the boundary and all neuron
maps), and training throughput inside the app against the headless trainer on the same network
and data.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import Any

import numpy as np

from playground.experiment import PRESETS, Architecture, Experiment
from playground.nn import LayerSpec, train_steps

PROBE_MS = 10


def _networks() -> dict[str, Experiment]:
    xor = PRESETS["xor"]
    wide = replace(xor, arch=Architecture((LayerSpec(8, "tanh"), LayerSpec(8, "tanh"))))
    return {"xor 2-4-2-1": xor, "xor 2-8-8-1": wide, "spiral 4-8-8-8-1": PRESETS["spiral"]}


def headless_epochs_per_second(exp: Experiment, seconds: float) -> float:
    from playground.data.pointset import PointSet

    points = PointSet.generate(exp.data)
    net = exp.arch.build(len(exp.data.features), points.n_classes)
    x, _ = points.features(exp.data.features)
    y = net.encode_targets(points.train_labels)
    epochs, start = 0, time.perf_counter()
    for snap in train_steps(net, x, y, replace(exp.config, epochs=10**9)):
        if snap.epoch_end:
            epochs += 1
            if time.perf_counter() - start >= seconds:
                break
    return epochs / (time.perf_counter() - start)


def in_app(exp: Experiment, seconds: float) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.gui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(exp)
    window.resize(1280, 800)
    window.show()
    session = window.session
    intervals: list[float] = []
    frames = [0]
    clock = QElapsedTimer()
    probe = QTimer(interval=PROBE_MS)

    def tick() -> None:
        intervals.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    probe.timeout.connect(tick)
    session.sig_frame.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    mark: dict[str, float] = {}

    def begin() -> None:  # after a second of warm-up
        intervals.clear()
        mark.update(frames=frames[0], epoch=session.epoch, t=time.perf_counter())
        clock.start()
        probe.start()

    def end() -> None:
        mark["dt"] = time.perf_counter() - mark["t"]
        mark["epochs"] = session.epoch - mark["epoch"]
        mark["frames"] = frames[0] - mark["frames"]
        probe.stop()
        session.stop()
        app.quit()

    session.start()
    QTimer.singleShot(1000, begin)
    QTimer.singleShot(int(1000 * (1 + seconds)), end)
    app.exec()
    window.close()
    window.deleteLater()
    probe_ms = np.array(intervals[1:]) if len(intervals) > 1 else np.array([np.nan])
    return {"probe_p50_ms": float(np.median(probe_ms)),
            "probe_p99_ms": float(np.percentile(probe_ms, 99)),
            "probe_max_ms": float(probe_ms.max()),
            "frames_per_second": mark["frames"] / mark["dt"],
            "epochs_per_second": mark["epochs"] / mark["dt"]}


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
        app_stats = in_app(exp, seconds)
        headless = headless_epochs_per_second(exp, min(seconds, 3.0))
        app_stats["headless_epochs_per_second"] = headless
        app_stats["throughput_vs_headless"] = app_stats["epochs_per_second"] / headless
        report[name] = app_stats
    print_gui_report(report)
    digits = stroke_to_prediction()
    print(f"digits tab, ink to prediction on screen: {digits['work_ms']:.1f} ms of work, at most "
          f"{digits['worst_case_ms']:.1f} ms with the {digits['throttle_ms']} ms throttle")
    report["digits"] = digits
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
