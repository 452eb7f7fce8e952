"""What the app trains: an architecture, a dataset and a training configuration. Qt-free.

``Architecture`` is the layer editor's model: hidden layers, the output activation and loss, init
and seed. The output layer's width follows the data (one unit for two classes unless the output is
softmax, else one per class), so the user never has to keep the two in step. ``Experiment`` bundles
the three parts and round-trips through JSON for settings and model files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from playground.data.prepare import DataSpec
from playground.data.toy import TOY_DATASETS
from playground.nn import LayerSpec, Network, TrainConfig
from playground.nn.activations import get_activation
from playground.nn.bugs import check_bugs
from playground.nn.losses import LOSS_OUTPUTS

MAX_HIDDEN_LAYERS = 8
MAX_UNITS = 1024  # MNIST tutorials use hidden layers of up to 1024
MAX_SEED = 2**31 - 1  # what the layer editor's seed box can hold


def losses_for(output_activation: str) -> list[str]:
    """The losses that can pair with ``output_activation``, the natural one first."""
    natural = {"softmax": "cross_entropy", "sigmoid": "bce"}.get(output_activation, "mse")
    others = [loss for loss, outs in LOSS_OUTPUTS.items()
              if output_activation in outs and loss != natural]
    return [natural, *others]


@dataclass(frozen=True)
class Architecture:
    hidden: tuple[LayerSpec, ...] = (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"))
    output_activation: str = "sigmoid"
    output_bias: bool = True
    loss: str = "bce"
    init: str = "xavier"
    seed: int = 0
    bugs: tuple[str, ...] = ()  # the bug lab's network bugs (``playground.nn.bugs``), sorted

    def __post_init__(self) -> None:
        object.__setattr__(self, "bugs", tuple(sorted(check_bugs(self.bugs))))
        if len(self.hidden) > MAX_HIDDEN_LAYERS:
            raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers")
        if any(s.units > MAX_UNITS for s in self.hidden):
            raise ValueError(f"at most {MAX_UNITS} units in a layer")
        if self.loss not in losses_for(self.output_activation):
            raise ValueError(f"loss {self.loss!r} cannot pair with a {self.output_activation} "
                             "output")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or \
                not 0 <= self.seed <= MAX_SEED:
            raise ValueError(f"the seed must be a whole number from 0 to {MAX_SEED}, not "
                             f"{self.seed!r}")

    def n_outputs(self, n_classes: int) -> int:
        """Output units for ``n_classes`` classes (0 for regression: one linear-ish output)."""
        if n_classes <= 2 and self.output_activation != "softmax":
            return 1
        return max(2, n_classes)

    def build(self, input_dim: int, n_classes: int) -> Network:
        out = LayerSpec(self.n_outputs(n_classes), self.output_activation, self.output_bias)
        return Network(input_dim, [*self.hidden, out], loss=self.loss, init=self.init,
                       seed=self.seed, bugs=self.bugs)

    def with_output(self, activation: str) -> Architecture:
        """This architecture with another output activation and the loss that suits it."""
        loss = self.loss if self.loss in losses_for(activation) else losses_for(activation)[0]
        return replace(self, output_activation=activation, loss=loss)

    def has_bug(self, name: str) -> bool:
        """Whether the bug lab's switch ``name`` is on for this architecture."""
        if name == "no-bias":
            return not self.output_bias and not any(s.bias for s in self.hidden)
        if name == "uniform-init":
            return self.init == "uniform"
        return name in self.bugs

    def with_bug(self, name: str, on: bool) -> Architecture:
        """This architecture with the switch ``name`` on or off. ``no-bias`` and
        ``uniform-init`` are plain settings (no bias anywhere; U(−1, 1) weights, or the init
        that suits the activations when switched off); the others are network bugs."""
        if name == "no-bias":
            return replace(self, hidden=tuple(replace(s, bias=not on) for s in self.hidden),
                           output_bias=not on)
        if name == "uniform-init":
            relu = all(get_activation(s.activation).he_init for s in self.hidden)
            return replace(self, init="uniform" if on else "he" if relu else "xavier")
        bugs = set(self.bugs) | {name} if on else set(self.bugs) - {name}
        return replace(self, bugs=tuple(sorted(bugs)))

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["hidden"] = [asdict(s) for s in self.hidden]
        d["bugs"] = list(self.bugs)
        return d

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Architecture:
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        known["hidden"] = tuple(LayerSpec(**s) for s in known.get("hidden", ()))
        known["bugs"] = tuple(known.get("bugs", ()))
        return cls(**known)

    @classmethod
    def from_network(cls, net: Network) -> Architecture:
        out = net.layers[-1]
        return cls(tuple(net.layers[:-1]), out.activation, out.bias, net.loss_name, net.init,
                   net.seed if isinstance(net.seed, int) else 0, tuple(net.bugs))


def config_to_json(cfg: TrainConfig) -> dict[str, Any]:
    return asdict(cfg)


def config_from_json(raw: dict[str, Any]) -> TrainConfig:
    return TrainConfig(**{k: v for k, v in raw.items() if k in TrainConfig.__dataclass_fields__})


@dataclass(frozen=True)
class Experiment:
    arch: Architecture = field(default_factory=Architecture)
    data: DataSpec = field(default_factory=DataSpec)
    config: TrainConfig = field(default_factory=lambda: TrainConfig("sgd", 0.03, 10, 10**9, 0))

    def to_json(self) -> dict[str, Any]:
        return {"arch": self.arch.to_json(), "data": self.data.to_json(),
                "config": config_to_json(self.config)}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Experiment:
        """The experiment in ``raw``; ValueError (or TypeError) when it does not describe one."""
        return cls(Architecture.from_json(raw["arch"]), DataSpec.from_json(raw["data"]),
                   config_from_json(raw["config"]))


def plane_experiment(raw: Any) -> Experiment:
    """The Playground's experiment in ``raw`` (the settings' last one), every part checked:
    ValueError, TypeError or KeyError unless the Playground can set it up as it stands (toy
    points or the learner's own, settings that train)."""
    exp = Experiment.from_json(raw)
    exp.config.validate()
    if exp.data.name not in (*TOY_DATASETS, "custom"):
        raise ValueError(f"the Playground shows toy sets and your points, not {exp.data.name!r}")
    return exp


def _preset(name: str, hidden: list[tuple[int, str]], output: str = "sigmoid", lr: float = 0.03,
            optimizer: str = "sgd", **data: Any) -> Experiment:
    arch = Architecture(tuple(LayerSpec(u, a) for u, a in hidden)).with_output(output)
    return Experiment(arch, DataSpec(name, **data), TrainConfig(optimizer, lr, 10, 10**9, 0))


PRESETS: dict[str, Experiment] = {
    "xor": _preset("xor", [(4, "tanh"), (2, "tanh")]),
    "circle": _preset("circle", [(4, "tanh")], lr=0.03),
    "circle-features": _preset("circle", [(2, "tanh")],
                               features=("x1", "x2", "x1^2", "x2^2")),
    "gauss": _preset("gauss", [(2, "tanh")]),
    "moons": _preset("moons", [(8, "relu"), (8, "relu")], lr=0.01, optimizer="adam"),
    "spiral": _preset("spiral", [(8, "tanh"), (8, "tanh"), (8, "tanh")], lr=0.01,
                      optimizer="adam", points=400, noise=0.05,
                      features=("x1", "x2", "sin_x1", "sin_x2")),
    "spiral-3": _preset("spiral", [(16, "relu"), (16, "relu")], output="softmax", lr=0.01,
                        optimizer="adam", points=450, classes=3),
}
