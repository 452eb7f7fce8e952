"""The MNIST tab's session: a 784-input network from the layer editor, trained on MNIST.

The data are read when first needed: in the background when the tab opens, or at once when
Train is pressed before (``MnistReading``); a missing or damaged file costs the rest of the app
nothing: ``data_error`` says what is wrong and the tab shows it.
Images go to the training process as uint8, a quarter of the bytes of float inputs. Each epoch
brings the test set's predictions back, from which the tab draws the confusion matrix and the
misclassified digits without a forward pass of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import Signal

from playground.data.errors import file_phrase
from playground.data.mnist import to_inputs
from playground.data.prepare import DataSpec
from playground.experiment import Architecture, Experiment, config_from_json
from playground.gui.i18n import error_text
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.mnist_reading import MnistData, MnistReading
from playground.gui.sessions.steps import MnistSteps
from playground.modelfile.save_load import ModelFileError
from playground.nn import LayerSpec, Network, Snapshot, TrainConfig
from playground.nn.metrics import confusion_counts, evaluate_with_predictions
from playground.phrase import QT_TRANSLATE_NOOP
from playground.run.job import TrainJob

Array = np.ndarray
N_PIXELS, N_CLASSES = 784, 10
DEFAULT_ARCH = Architecture((LayerSpec(128, "relu"),), "softmax", True, "cross_entropy", "he", 0)
DEFAULT_CONFIG = TrainConfig("adam", 0.001, 64, 5, 0)
RATE_SMOOTHING = 0.2  # weight of the newest frame in the smoothed samples/s
# nothing on this tab draws the weights live, so fewer frames: each one pickles all the weights
# (400 kB for 784-128-10) and costs the training process time
FRAME_HZ = 8


@dataclass(frozen=True)
class Progress:
    epoch: int  # the epoch being trained, 1-based over the whole history
    fraction: float  # of that epoch done
    epoch_seconds_left: float | None
    run_seconds_left: float | None


class MnistSession(TrainingSession):
    FRAMES_PER_SECOND = FRAME_HZ
    TAB_NAME = "MNIST"
    sig_data_changed = Signal()  # the data were read, or could not be

    def __init__(self, arch: Architecture = DEFAULT_ARCH, config: TrainConfig | None = None,
                 directory: Path | None = None) -> None:
        super().__init__(arch, replace(config or DEFAULT_CONFIG))
        self.directory = directory
        self.data: MnistData | None = None
        self.data_error: str | None = None
        self.augment = False
        self.train_limit: int | None = None  # train on the first this many images only
        self.test_predicted: Array | None = None  # the latest epoch's answer per test image
        self._replayed: tuple | None = None  # ((epoch, version), answers) of an epoch shown
        self.net = arch.build(N_PIXELS, N_CLASSES)
        self._run_epoch_offset = 0
        self._epoch_start_step = 0
        self._rate = 0.0
        self._rated: object = None  # the frame whose speed is in _rate
        self._arrays_made: tuple[tuple, tuple[Array, ...]] | None = None  # see _arrays
        self.reading = MnistReading(self)  # MNIST's files, read once
        self.sig_epochs.connect(self._on_epochs)

    @property
    def input_dim(self) -> int:
        return N_PIXELS

    @property
    def n_classes(self) -> int:
        return N_CLASSES

    # ----- data ---------------------------------------------------------------------------------
    def load_data(self) -> bool:
        """Read MNIST once, now; False (and ``data_error`` set) when the files cannot be used."""
        return self.reading.now()

    def start(self) -> None:
        if self.reading.under_way:
            self.reading.defer(single_epoch=False)
            return
        super().start()

    def step_epoch(self) -> None:
        if self.reading.under_way:
            self.reading.defer(single_epoch=True)
            return
        super().step_epoch()

    def stop(self) -> None:
        self.reading.pending = None  # a run asked for while the files are read: not any more
        super().stop()

    # ----- training -----------------------------------------------------------------------------
    def training_job(self, single_epoch: bool) -> TrainJob:
        if not self.load_data():
            raise ValueError(self.data_error)
        job = TrainJob.for_network(self.net, *self._arrays(), replace(self.config), single_epoch)
        job.pixels = True
        job.augment_seed = self.arch.seed if self.augment else None
        if not self.training:  # a new run, not an edit of the running one
            self._run_epoch_offset, self._epoch_start_step, self._rate = self.epoch, 0, 0.0
        return job

    def _arrays(self) -> tuple[Array, Array, Array, Array]:
        """Training and test images and targets as this network takes them: the same arrays
        while their shape and kind stay, so that an edit does not send MNIST's 55 MB again."""
        net, d, n = self.net, self.data, self.n_train
        key = (n, net.loss_name, net.output_activation, net.n_outputs, net.dtype.name)
        if self._arrays_made is None or self._arrays_made[0] != key:
            self._arrays_made = (key, (d.train_images[:n], net.encode_targets(d.train_labels[:n]),
                                       d.test_images, net.encode_targets(d.test_labels)))
        return self._arrays_made[1]

    @property
    def n_train(self) -> int:
        """Training images used: all 60,000 unless ``train_limit`` says fewer."""
        total = 0 if self.data is None else len(self.data.train_labels)
        return min(total, self.train_limit or total)

    def _on_epochs(self, epochs: tuple[Snapshot, ...]) -> None:
        self._epoch_start_step = epochs[-1].step
        if epochs[-1].test_predicted is not None:
            self.test_predicted = epochs[-1].test_predicted

    def _network_replaced(self) -> None:
        self.test_predicted = None
        super()._network_replaced()

    def _weights_changed(self) -> None:
        self.test_predicted = None  # the answers of the weights before: no matrix of them
        super()._weights_changed()

    def _finished_by_itself(self) -> None:
        acc = self.history.latest("test_accuracy")
        self.sig_status.emit(
            self.tr("Trained {0} epochs").format(self.config.epochs) if acc is None else
            self.tr("Trained {0} epochs: {1:.2f}% on the test set").format(self.config.epochs,
                                                                           100 * acc))

    def progress(self) -> Progress | None:
        """Where the running epoch is and how long the epoch and the run have left."""
        frame = self.frame
        if frame is None or not self.training or self.data is None:
            return None
        if frame is not self._rated and frame.samples_per_second > 0:  # each frame once
            self._rated = frame
            self._rate = (frame.samples_per_second if not self._rate else
                          (1 - RATE_SMOOTHING) * self._rate
                          + RATE_SMOOTHING * frame.samples_per_second)
        n = self.n_train
        snap = frame.snapshot
        done = min(n, (snap.step - self._epoch_start_step) * int(self.config.batch_size))
        if snap.epoch_end:
            done = 0  # the next epoch has not begun
        epoch = self.epoch + 1
        run_epoch = epoch - self._run_epoch_offset
        if not self._rate:
            return Progress(epoch, done / n, None, None)
        left = (n - done) / self._rate
        later = max(0, int(self.config.epochs) - run_epoch) * n / self._rate
        return Progress(epoch, done / n, left, left + later)

    def _steps(self) -> MnistSteps:
        return MnistSteps(self)

    def sample_batch(self, n: int) -> tuple[Array, Array] | None:
        if not self.load_data():
            return None
        d = self.data
        return to_inputs(d.train_images[:n]), self.net.encode_targets(d.train_labels[:n])

    def set_experiment(self, exp: Experiment) -> None:
        """Another architecture and settings (a bug-lab preset); ``exp.data.limit`` images."""
        self.stop()
        try:
            net = exp.arch.build(N_PIXELS, N_CLASSES)
            exp.config.validate()
        except ValueError as e:
            self.sig_error.emit(self.tr("That setup cannot be used: {0}").format(error_text(e)))
            return
        self.arch, self.config = exp.arch, replace(exp.config)
        self.train_limit, self.augment, self.model_path = exp.data.limit, False, None
        self._adopt(net)
        self.sig_config_changed.emit()

    # ----- results ------------------------------------------------------------------------------
    def predicted(self) -> Array | None:
        """The answer per test image of the network on display: the latest epoch's, or, while
        the timeline shows an epoch of the past, that epoch's network's (worked out once)."""
        at = self.timeline.at
        if at is None or self.data is None:
            return self.test_predicted
        if self._replayed is None or self._replayed[0] != (at, self._version):
            x = to_inputs(self.data.test_images)
            y = self.net.encode_targets(self.data.test_labels)
            self._replayed = ((at, self._version),
                              evaluate_with_predictions(self.net, x, y)[2])
        return self._replayed[1]

    def confusion(self) -> Array | None:
        """(10, 10) counts over the test set, row = true digit, column = answer."""
        predicted = self.predicted()
        if predicted is None or self.data is None:
            return None
        return confusion_counts(self.data.test_labels, predicted, N_CLASSES)

    def misclassified(self, true: int | None = None, answer: int | None = None) -> Array:
        """Indices of the test images the network gets wrong, optionally of one (true, answer)."""
        predicted = self.predicted()
        if predicted is None or self.data is None:
            return np.zeros(0, dtype=np.int64)
        wrong = predicted != self.data.test_labels
        if true is not None:
            wrong &= self.data.test_labels == true
        if answer is not None:
            wrong &= predicted == answer
        return np.flatnonzero(wrong)

    def evaluate_now(self) -> None:
        """Test predictions for the current weights (after opening a model), in this thread."""
        if not self.training and self.load_data():
            x = to_inputs(self.data.test_images)
            y = self.net.encode_targets(self.data.test_labels)
            _, _, self.test_predicted = evaluate_with_predictions(self.net, x, y)
            self._touch()

    def network_copy(self) -> Network:
        """A copy of the current network for the drawing canvas, with its test accuracy."""
        net = self.displayed_network()
        net.metadata = {"metrics": self.history.latest_metrics()}
        return net

    # ----- files --------------------------------------------------------------------------------
    def file_metadata(self) -> dict:
        return {"data": DataSpec("mnist").to_json(), "augment": self.augment}

    def open_network(self, net: Network, path: str | Path) -> bool:
        """Train on from ``net``, read from ``path``; on any problem the current network
        stays."""
        try:
            if net.input_dim != N_PIXELS or net.n_outputs != N_CLASSES:
                raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                    "Files", "it is not an MNIST model ({net})"), net=str(net)))
            arch = Architecture.from_network(net)
            training = net.metadata.get("training")
            config = config_from_json(training) if isinstance(training, dict) else self.config
            config.validate()
        except (ModelFileError, ValueError, TypeError) as e:
            self.sig_error.emit(error_text(e))
            return False
        self.stop()
        self.arch, self.config, self.model_path = arch, replace(config), Path(path)
        self._adopt(net)
        self.sig_config_changed.emit()
        self.evaluate_now()
        self.sig_status.emit(self.tr("Opened {0}: {1}").format(Path(path).name, net))
        return True
