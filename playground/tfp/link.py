"""TensorFlow Playground links in and out: its whole setup lives in the URL after ``#``.

``read_link(text)`` reads a link as TFP's ``State.deserializeState`` does (``src/state.ts``:
``name=value`` pairs split on ``&``, its defaults for every key not given, a number read as
JavaScript's ``+value``, a boolean true unless "false") into a ``TfpSetup``, with what has no
counterpart here listed in ``unsupported``: never silently dropped. ``experiment(setup)`` is the
setup as this app trains it, on TFP's very points (``DataSpec.tfp_seed``); ``write_link`` and
``link_for(experiment)`` go the other way, or say what does not fit TFP. Qt-free.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from decimal import Decimal
from urllib.parse import unquote

from playground.data.prepare import DataSpec
from playground.data.tfp_points import CLASSIFY, DATASETS, REGRESS
from playground.experiment import Architecture, Experiment
from playground.nn import LayerSpec, TrainConfig
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer

BASE = "https://playground.tensorflow.org/"
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
REGULARIZATIONS = {"none": None, "L1": "l1", "L2": "l2"}
PROBLEMS = ("classification", "regression")
# TFP's input features and ours (cosX and cosY are in TFP's state, not in its window or here)
FEATURES = {"x": "x1", "y": "x2", "xTimesY": "x1*x2", "xSquared": "x1^2", "ySquared": "x2^2",
            "sinX": "sin_x1", "sinY": "sin_x2", "cosX": None, "cosY": None}
DEFAULT_FEATURES = ("x", "y")
NUMBERS = ("batchSize", "learningRate", "regularizationRate", "noise", "percTrainData")
FLAGS = ("showTestData", "discretize", "initZero", "collectStats", "hideText")
WITHOUT_COUNTERPART = ("collectStats", "hideText", "tutorial")  # TFP's page, not the network
MAX_LAYERS, MAX_UNITS = 6, 8  # TFP's window: six hidden layers of at most eight neurons
KNOWN = (*NUMBERS, *FLAGS, *FEATURES, "activation", "regularization", "dataset", "regDataset",
         "networkShape", "seed", "tutorial", "problem")


_say = sayer("Tfp")


class LinkError(ValueError):
    """Text that is not a TensorFlow Playground link; the message says why."""


@dataclass(frozen=True)
class TfpSetup:
    """A TFP setup, in TFP's own terms (noise and the training share in percent, its names)."""

    dataset: str = "circle"
    reg_dataset: str = "reg-plane"
    problem: str = "classification"
    noise: float = 0.0
    train_percent: float = 50.0
    seed: str = ""
    batch_size: int = 10
    learning_rate: float = 0.03
    activation: str = "tanh"
    regularization: str = "none"
    regularization_rate: float = 0.0
    network_shape: tuple[int, ...] = (4, 2)
    features: tuple[str, ...] = DEFAULT_FEATURES
    init_zero: bool = False
    show_test_data: bool = False
    discretize: bool = False
    unsupported: tuple[str, ...] = field(default=(), compare=False)

    @property
    def data_name(self) -> str:
        return self.reg_dataset if self.problem == "regression" else self.dataset

    def to_json(self) -> dict:
        """The setup as ``playground tfp --json`` prints it, in this app's terms."""
        return {"dataset": self.data_name, "problem": self.problem, "noise": self.noise / 100,
                "hidden_units": list(self.network_shape), "activation": self.activation,
                "learning_rate": self.learning_rate, "batch_size": self.batch_size,
                "regularization": REGULARIZATIONS[self.regularization],
                "regularization_rate": self.regularization_rate,
                "features": [FEATURES[f] for f in self.features if FEATURES[f]],
                "test_fraction": 1 - self.train_percent / 100, "seed": self.seed}


# ----- in ----------------------------------------------------------------------------------------
def read_link(text: str, seed: str | None = None) -> TfpSetup:
    """The setup of the link ``text`` (a whole URL, or what follows its ``#``); a link without a
    seed gets ``seed`` (None: a new one, as TFP makes it). LinkError when it is not one."""
    pairs = _pairs(text)
    unsupported = [f"{k}={v}" for k, v in pairs.items()
                   if k in WITHOUT_COUNTERPART and v.strip() and v != "false"]
    unsupported += [f"{k}={v}" for k, v in pairs.items() if k.endswith("_hide")]
    unsupported += [f"{k}" for k in pairs if k not in KNOWN and not k.endswith("_hide")]
    values: dict = {}
    for key, parse in _READERS.items():
        if key in pairs and (pairs[key].strip() or key == "networkShape"):
            try:
                values.update(parse(pairs[key]))
            except ValueError:
                unsupported.append(f"{key}={pairs[key]}")
    setup = replace(TfpSetup(), **values)
    features = tuple(f for f in FEATURES if _flag_of(pairs, f, f in DEFAULT_FEATURES))
    unsupported += [f"{f}=true" for f in features if FEATURES[f] is None]
    if setup.init_zero:
        unsupported.append("initZero=true")
    return replace(setup, features=features, seed=setup.seed or seed or f"{random.random():.5f}",
                   unsupported=tuple(unsupported))


def _pairs(text: str) -> dict[str, str]:
    if not isinstance(text, str) or len(text) > 10_000:
        raise LinkError("that is not a TensorFlow Playground link")
    text = text.strip()
    hash_part = text.split("#", 1)[1] if "#" in text else text
    pairs = {}
    for item in hash_part.split("&"):
        name, _, value = item.partition("=")
        pairs[unquote(name)] = unquote(value)
    if not any(k in KNOWN for k in pairs):
        raise LinkError("that is not a TensorFlow Playground link: it names none of its settings "
                        "(such as dataset=circle&learningRate=0.03)")
    return pairs


def _flag_of(pairs: dict[str, str], name: str, default: bool) -> bool:
    value = pairs.get(name, "")
    return default if not value.strip() else value != "false"


def _number(value: str) -> float:
    """JavaScript's ``+value`` for what a link can hold; ValueError for NaN."""
    number = float(value.strip() or "0")
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _choice(key: str, choices: tuple[str, ...] | dict) -> object:
    def parse(value: str) -> dict:
        if value not in choices:
            raise ValueError(value)
        return {key: value}
    return parse


def _shape(value: str) -> dict:
    units = tuple(int(_number(v)) for v in value.split(",")) if value.strip() else ()
    if any(u < 1 or u > 1024 for u in units) or len(units) > 16:
        raise ValueError(value)
    return {"network_shape": units}


def _bool(key: str) -> object:
    return lambda value: {key: value != "false"}


def _ranged(key: str, low: float, high: float) -> object:
    def parse(value: str) -> dict:
        number = _number(value)
        if not low <= number <= high:
            raise ValueError(value)
        return {key: int(number) if key == "batch_size" else number}
    return parse


_READERS = {
    "dataset": _choice("dataset", CLASSIFY), "regDataset": _choice("reg_dataset", REGRESS),
    "problem": _choice("problem", PROBLEMS), "activation": _choice("activation", ACTIVATIONS),
    "regularization": _choice("regularization", REGULARIZATIONS),
    "noise": _ranged("noise", 0, 100), "percTrainData": _ranged(
        "train_percent", 1, 99), "batchSize": _ranged("batch_size", 1, 10_000),
    "learningRate": _ranged("learning_rate", 1e-12, 1e6),
    "regularizationRate": _ranged("regularization_rate", 0, 1e6),
    "networkShape": _shape, "seed": lambda v: {"seed": v[:200]},
    "initZero": _bool("init_zero"), "showTestData": _bool("show_test_data"),
    "discretize": _bool("discretize")}


def experiment(setup: TfpSetup) -> Experiment:
    """The setup as this app trains it: TFP's points (its seed), its network with a hidden
    activation for every layer, plain SGD at its rate and batch size, its regularization. The
    output differs: TFP's is tanh with squared error on ±1 labels, here a sigmoid with
    cross-entropy for a classification (the same boundary), linear with squared error for a
    regression, as TFP's."""
    regression = setup.problem == "regression"
    hidden = tuple(LayerSpec(u, setup.activation) for u in setup.network_shape)
    arch = Architecture(hidden).with_output("linear" if regression else "sigmoid")
    rate = setup.regularization_rate
    reg = REGULARIZATIONS[setup.regularization]
    config = TrainConfig("sgd", setup.learning_rate, setup.batch_size, 10**9, 0,
                         l1=rate if reg == "l1" else 0.0, l2=rate if reg == "l2" else 0.0)
    features = tuple(FEATURES[f] for f in setup.features if FEATURES[f]) or ("x1", "x2")
    points = 1200 if regression else 500
    data = DataSpec(setup.data_name, points, setup.noise / 100, 0, 2,
                    1 - setup.train_percent / 100, features, tfp_seed=setup.seed)
    return Experiment(arch, data, config)


# ----- out ---------------------------------------------------------------------------------------
def write_link(setup: TfpSetup) -> str:
    """The TFP link of ``setup``, its keys in TFP's own order (``State.serialize``)."""
    values = {"activation": setup.activation, "regularization": setup.regularization,
              "batchSize": setup.batch_size, "dataset": setup.dataset,
              "regDataset": setup.reg_dataset, "learningRate": setup.learning_rate,
              "regularizationRate": setup.regularization_rate, "noise": setup.noise,
              "networkShape": ",".join(str(u) for u in setup.network_shape),
              "seed": setup.seed, "showTestData": setup.show_test_data,
              "discretize": setup.discretize, "percTrainData": setup.train_percent}
    values.update({f: f in setup.features for f in ("x", "y", "xTimesY", "xSquared",
                                                     "ySquared", "cosX", "sinX", "cosY",
                                                     "sinY")})
    values.update(collectStats=False, problem=setup.problem, initZero=setup.init_zero,
                  hideText=False)
    return BASE + "#" + "&".join(f"{k}={_js(v)}" for k, v in values.items())


def _js(value: object) -> str:
    """``value`` as JavaScript writes it into a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and float(value).is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, float):
        if 1e-7 <= abs(value) < 1e21:
            return format(Decimal(repr(value)), "f")
        return repr(value).replace("e-0", "e-").replace("e+0", "e+")
    return str(value)


def link_for(exp: Experiment, show_test_data: bool = False, discretize: bool = False
             ) -> tuple[str | None, list[Phrase]]:
    """(the TFP link of ``exp`` and the view's two switches, what differs or does not fit): a
    link when the setup fits TFP (its data sets and features, one activation for at most six
    hidden layers of eight, plain SGD at a constant rate, at most one kind of regularization, no
    bug, no dropout), else None and why not. Early stopping is the run's, not the setup's."""
    arch, data, config = exp.arch, exp.data, exp.config
    why = _misfits(arch, data, config)
    if why:
        return None, why
    regression = data.name in REGRESS
    activation = arch.hidden[0].activation if arch.hidden else "tanh"
    reg = "L1" if config.l1 else "L2" if config.l2 else "none"
    seed = data.tfp_seed or f"0.{data.seed % 100_000:05d}"
    setup = TfpSetup(data.name if not regression else "circle",
                     data.name if regression else "reg-plane",
                     "regression" if regression else "classification",
                     round(100 * data.noise, 9), round(100 * (1 - data.test_fraction), 9), seed,
                     int(config.batch_size),
                     float(config.lr), activation, reg, float(config.l1 or config.l2),
                     tuple(s.units for s in arch.hidden),
                     tuple(k for k, v in FEATURES.items() if v in data.features),
                     show_test_data=show_test_data, discretize=discretize)
    notes = [] if data.tfp_seed else [_say(QT_TRANSLATE_NOOP(
        "Tfp", "TensorFlow Playground draws its own points from this seed: they are not the "
        "ones here"))]
    return write_link(setup), notes


def _misfits(arch: Architecture, data: DataSpec, config: TrainConfig) -> list[Phrase]:
    why = []
    if data.name not in DATASETS:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has no data set {name}"),
                        name=data.name))
    elif data.name in CLASSIFY and data.classes != 2:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground's data sets have two "
                                                 "classes")))
    if len({s.activation for s in arch.hidden}) > 1:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has one activation for "
                                                 "all hidden layers")))
    elif arch.hidden and arch.hidden[0].activation not in ACTIVATIONS:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has no {name} "
                                                 "activation"), name=arch.hidden[0].activation))
    if len(arch.hidden) > MAX_LAYERS or any(s.units > MAX_UNITS for s in arch.hidden):
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has at most six hidden "
                                                 "layers of eight neurons")))
    if not all(s.bias for s in arch.hidden) or not arch.output_bias:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground's neurons all have a "
                                                 "bias")))
    missing = [f for f in data.features if f not in FEATURES.values()]
    if missing:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has no input feature "
                                                 "{name}"), name=missing[0]))
    if config.optimizer != "sgd":
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground trains with plain SGD "
                                                 "only")))
    if config.l1 and config.l2:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground takes L1 or L2, not "
                                                 "both")))
    if arch.bugs:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has no bug lab")))
    if any(s.dropout for s in arch.hidden):
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground has no dropout")))
    if config.schedule != "constant" or config.warmup:
        why.append(_say(QT_TRANSLATE_NOOP("Tfp", "TensorFlow Playground keeps its learning "
                                                 "rate constant")))
    return why
