"""A long run of the window, measuring its memory: ``python -m tests.soak MINUTES``.

Trains the XOR example in the window (offscreen) for the given minutes and prints, every
``--every`` seconds, the window process's resident memory, the epochs trained and the history's
length; with ``--trace`` it ends with the Python allocations that grew the most (tracemalloc),
to find a leak. Not a test: the suite never times or soaks anything.
"""

from __future__ import annotations

import argparse
import os
import time
import tracemalloc


def rss_mb(pid: int | None = None) -> float:
    with open(f"/proc/{pid or 'self'}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("minutes", type=float)
    parser.add_argument("--every", type=float, default=60.0)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from playground.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.session.start()
    start = last = time.perf_counter()
    first = None
    while time.perf_counter() - start < 60 * args.minutes:
        app.processEvents()
        time.sleep(0.002)
        now = time.perf_counter()
        if first is None and now - start > 30:
            first = rss_mb()
            if args.trace:
                tracemalloc.start(12)
                base = tracemalloc.take_snapshot()
        if now - last >= args.every:
            last = now
            print(f"{(now - start) / 60:6.1f} min  rss {rss_mb():7.1f} MB  epoch "
                  f"{window.session.epoch:>9,}  history {len(window.session.history):>6,}",
                  flush=True)
    print(f"growth after the first 30 s: {rss_mb() - (first or rss_mb()):+.1f} MB")
    if args.trace:
        for stat in tracemalloc.take_snapshot().compare_to(base, "traceback")[:8]:
            print(stat)
            for line in stat.traceback.format()[-6:]:
                print("   ", line)
    window.session.stop()
    window.close()


if __name__ == "__main__":
    main()
