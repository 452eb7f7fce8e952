"""The training process's BLAS threads: one, or two where a trial of MNIST's steps finds two
faster. The trial's clock is a fake one here (tests never time things); the last tests set the
real library's threads through threadpoolctl and put them back."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from playground.nn import LayerSpec, Network
from playground.run import blas_threads as bt
from playground.run import messages as m
from playground.run import process

SHAPE = ((784, 128, 10), 64)
TRIAL = bt.WARM + 2 * bt.BLOCK * bt.ROUNDS  # steps until the trial decides


class FakeSteps:
    """A clock whose steps take ``took[threads]`` seconds, and a setter that records."""

    def __init__(self, one: float, two: float) -> None:
        self.took, self.now, self.set = {1: one, 2: two}, 0.0, []

    def chooser(self, cores: int = 8, setting: str = "") -> bt.BlasThreads:
        self.threads = bt.BlasThreads(cores, setting, lambda: self.now, lambda: self._record)
        return self.threads

    def _record(self, n: int) -> None:
        self.set.append(n)

    def steps(self, n: int) -> None:
        for _ in range(n):
            self.now += self.took[self.threads.threads]
            self.threads.step()


@pytest.mark.parametrize(("two", "kept"), [(0.6, 2), (0.94, 2), (0.97, 1), (1.2, 1)])
def test_the_trial_keeps_two_threads_only_where_their_steps_are_5_percent_shorter(two, kept):
    fake = FakeSteps(1.0, two)
    threads = fake.chooser()
    threads.begin(True, SHAPE)
    fake.steps(TRIAL - 1)
    assert 2 in fake.set and SHAPE not in threads.chosen  # still trying
    fake.steps(1)
    assert threads.chosen == {SHAPE: kept} and threads.threads == kept
    fake.steps(500)
    assert threads.threads == kept  # decided: no more switching


def test_both_counts_get_the_same_number_of_steps_in_alternating_blocks():
    fake = FakeSteps(1.0, 0.5)
    threads = fake.chooser()
    threads.begin(True, SHAPE)
    fake.steps(TRIAL - 1)
    counts = {n: len(t) for n, t in threads._times.items()}
    assert abs(counts[1] - counts[2]) <= 1 and counts[1] + counts[2] == TRIAL - bt.WARM - 1
    assert fake.set[:4] == [2, 1, 2, 1]


def test_a_pause_in_the_trial_is_not_counted_as_a_step_and_the_trial_goes_on():
    fake = FakeSteps(1.0, 0.6)
    threads = fake.chooser()
    threads.begin(True, SHAPE)
    fake.steps(bt.WARM + bt.BLOCK + 10)  # in a block at two threads
    fake.now += 10_000.0  # paused a long while
    threads.begin(True, SHAPE)  # resumed: the same trial
    fake.steps(TRIAL)
    assert threads.chosen == {SHAPE: 2}


def test_a_decided_shape_is_not_tried_again_and_a_new_one_is():
    fake = FakeSteps(1.0, 0.6)
    threads = fake.chooser()
    threads.begin(True, SHAPE)
    fake.steps(TRIAL)
    threads.begin(False, SHAPE)  # the learner's code: one thread
    assert threads.threads == 1
    threads.begin(True, SHAPE)
    assert threads.threads == 2 and threads._times is None
    other = ((784, 32, 10), 64)
    fake.took[2] = 1.5  # at this size two threads lose
    threads.begin(True, other)
    assert threads.threads == 1
    fake.steps(TRIAL)
    assert threads.chosen == {SHAPE: 2, other: 1}


def test_a_trial_left_for_the_learners_code_starts_again_later():
    fake = FakeSteps(1.0, 0.6)
    threads = fake.chooser()
    threads.begin(True, SHAPE)
    fake.steps(bt.WARM + bt.BLOCK + 5)
    threads.begin(False, SHAPE)
    fake.took = {1: 5.0, 2: 5.0}  # their steps: not timed
    fake.steps(TRIAL)
    assert threads.threads == 1 and not threads.chosen
    fake.took = {1: 1.0, 2: 0.6}
    threads.begin(True, SHAPE)
    fake.steps(TRIAL)
    assert threads.chosen == {SHAPE: 2}


@pytest.mark.parametrize(("cores", "setting", "eligible", "want"), [
    (2, "", True, 1),  # too few cores: never tried
    (3, "", True, 1),
    (16, "", False, 1),  # the Playground's toy steps, their code
    (2, "2", True, 2),  # fixed by the user
    (2, "3", False, 1),  # ... for runs on images only
    (16, "1", True, 1),
    (2, "nonsense", True, 1),  # a setting that means nothing is no setting
    (2, "0", True, 1),
])
def test_the_count_without_a_trial(cores, setting, eligible, want):
    fake = FakeSteps(1.0, 0.5)
    threads = fake.chooser(cores, setting)
    threads.begin(eligible, SHAPE)
    fake.steps(TRIAL)
    assert threads.threads == want and not threads.chosen
    assert set(fake.set) <= {want}


@pytest.mark.parametrize(("physical", "logical", "cores"), [
    (2, 4, 2),  # a laptop's two cores of four hyperthreads: two
    (8, 16, 8), (4, 4, 4),
    (None, 6, 6),  # a system that cannot tell: its logical ones
])
def test_the_cores_counted_are_physical_ones(monkeypatch, physical, logical, cores):
    threads = logical
    monkeypatch.setattr(bt.psutil, "cpu_count", lambda logical=True: threads if logical
                        else physical)
    monkeypatch.delattr(bt.os, "sched_getaffinity", raising=False)  # as on Windows and macOS
    monkeypatch.setattr(bt.os, "cpu_count", lambda: threads)
    assert bt.usable_cores() == cores


def test_an_affinity_narrower_than_the_machine_counts_as_it_is(monkeypatch):
    if not hasattr(bt.os, "sched_getaffinity"):
        pytest.skip("no affinity on this system")
    monkeypatch.setattr(bt.os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(bt.psutil, "cpu_count", lambda logical=True: 16 if logical else 8)
    assert bt.usable_cores() == 2


def test_trial_tries_on_a_small_machine_too():
    fake = FakeSteps(1.0, 0.5)
    threads = fake.chooser(cores=2, setting="trial")
    threads.begin(True, SHAPE)
    fake.steps(TRIAL)
    assert threads.chosen == {SHAPE: 2}


def test_where_no_blas_threads_can_be_set_nothing_is_tried():
    threads = bt.BlasThreads(16, "", lambda: 0.0, lambda: None)
    threads.begin(True, SHAPE)
    for _ in range(TRIAL):
        threads.step()
    assert threads.threads == 1 and threads.chosen == {SHAPE: 1}


# ----- the real library ------------------------------------------------------------------------
def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


@pytest.fixture
def kept_blas_threads():
    """This test process's BLAS threads, put back as they were after the test."""
    if not _blas_threads():
        pytest.skip("numpy's BLAS here has no thread count threadpoolctl can set")
    with threadpool_limits(limits=1, user_api="blas"):  # as the process starts; put back after
        yield


def test_the_setter_sets_numpys_blas_threads(kept_blas_threads):
    threads = bt.BlasThreads(16, "2")
    threads.begin(True, SHAPE)
    assert _blas_threads() == {2}
    threads.begin(False, SHAPE)
    assert _blas_threads() == {1}


class Sent:
    """The process's end of the socket, recording what it sends; nothing comes in."""

    def __init__(self) -> None:
        self.sent: list = []

    def send(self, msg: object) -> None:
        self.sent.append(msg)

    def send_latest(self, msg: object, merge: object) -> None:
        self.sent.append(msg)

    def poll(self, timeout: float = 0.0) -> bool:
        return False


def test_the_mnist_process_takes_the_setting_and_the_playgrounds_keeps_one(
        kept_blas_threads, monkeypatch):
    # in this thread, the main one, as in the process: OpenBLAS keeps the count it sets from
    # another thread to that thread
    monkeypatch.setenv(bt.SETTING, "2")
    proc = process.TrainingProcess(Sent())
    net = Network(784, [LayerSpec(8, "relu"), LayerSpec(10, "softmax")], "cross_entropy",
                  seed=0)
    rng = np.random.default_rng(0)
    images, labels = rng.integers(0, 256, (200, 784), dtype=np.uint8), rng.integers(0, 10, 200)
    for msg in (m.SetNetwork.of(net, restart=True),
                m.SetData(images, labels, images, labels, pixels=True),
                m.Configure({"optimizer": "adam", "lr": 0.01, "batch_size": 20, "epochs": 2}),
                m.Start(1)):
        proc.handle(msg)
    proc.train([])
    assert isinstance(proc.conn.sent[-1], m.Done) and proc.conn.sent[-1].finished
    assert _blas_threads() == {2}
    proc.handle(m.SetData(images / 255, labels, images / 255, labels))
    proc.handle(m.Start(2))
    proc.train([])
    assert proc.conn.sent[-1].finished and _blas_threads() == {1}
