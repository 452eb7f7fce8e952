"""LayerSpec, one dense layer as the network, the model file and the command line describe
it, and the checks of a list of them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.nn.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from playground.nn.init import INITS

MAX_DROPOUT = 0.9  # past this a layer keeps one unit in ten: no setting anyone means


@dataclass(frozen=True)
class LayerSpec:
    """One dense layer: ``units`` neurons, an activation, an optional bias, an optional init and
    a dropout rate (hidden layers only; 0: none)."""

    units: int
    activation: str = "tanh"
    bias: bool = True
    init: str | None = None  # None: the network's init
    dropout: float = 0.0  # the share of units zeroed in each training pass (nn.dropout)

    def __post_init__(self) -> None:
        if isinstance(self.units, bool) or not isinstance(self.units, (int, np.integer)):
            raise ValueError(f"units must be a whole number, not {self.units!r}")
        if self.units < 1:
            raise ValueError(f"a layer needs at least 1 unit, not {self.units}")
        get_activation(self.activation)
        if self.init is not None and self.init not in INITS:
            raise ValueError(f"unknown init {self.init!r}; choose one of {', '.join(INITS)}")
        if isinstance(self.dropout, bool) or not isinstance(self.dropout, (int, float,
                                                                            np.number)) \
                or not 0 <= self.dropout <= MAX_DROPOUT:
            raise ValueError(f"dropout must be a rate from 0 to {MAX_DROPOUT}, not "
                             f"{self.dropout!r}")

    def to_json(self) -> dict[str, object]:
        """The layer as a model file writes it (a rate only where there is dropout, so a file
        without any reads as before)."""
        return {"units": self.units, "activation": self.activation, "bias": self.bias,
                "init": self.init, **({"dropout": self.dropout} if self.dropout else {})}

    @property
    def text(self) -> str:
        """The layer as the command line writes it: ``UNITS:ACT[:nobias][:dropP]``."""
        return (f"{self.units}:{self.activation}" + ("" if self.bias else ":nobias") +
                (f":drop{self.dropout:g}" if self.dropout else ""))


def check_input_dim(input_dim: int) -> int:
    if isinstance(input_dim, bool) or not isinstance(input_dim, (int, np.integer)):
        raise ValueError(f"input_dim must be a whole number, not {input_dim!r}")
    if input_dim < 1:
        raise ValueError(f"input_dim must be at least 1, not {input_dim}")
    return int(input_dim)


def check_layers(layers: list[LayerSpec]) -> list[LayerSpec]:
    layers = list(layers)
    if not layers:
        raise ValueError("a network needs at least one layer (the output layer)")
    for i, spec in enumerate(layers):
        if not isinstance(spec, LayerSpec):
            raise ValueError(f"layer {i} must be a LayerSpec, not {type(spec).__name__}")
        last = i == len(layers) - 1
        if not last and spec.activation not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"hidden layer {i} cannot use {spec.activation!r}; choose one of "
                             f"{', '.join(HIDDEN_ACTIVATIONS)}")
        if last and spec.activation not in OUTPUT_ACTIVATIONS:
            raise ValueError(f"the output layer cannot use {spec.activation!r}; choose one of "
                             f"{', '.join(OUTPUT_ACTIVATIONS)}")
        if last and spec.dropout:
            raise ValueError("the output layer cannot have dropout: only hidden layers drop "
                             "units")
    return layers
