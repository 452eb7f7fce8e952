"""The NumPy core of playground: no Qt, no printing, no files."""

from playground.nn.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from playground.nn.gradcheck import GradCheckResult, check_gradients
from playground.nn.losses import LOSS_OUTPUTS, LOSSES
from playground.nn.metrics import evaluate
from playground.nn.network import INITS, LayerSpec, Network
from playground.nn.optim import OPTIMIZERS, make_optimizer
from playground.nn.train import Snapshot, TrainConfig, train_steps

__all__ = [
    "ACTIVATIONS", "HIDDEN_ACTIVATIONS", "INITS", "LOSSES", "LOSS_OUTPUTS", "OPTIMIZERS",
    "OUTPUT_ACTIVATIONS", "GradCheckResult", "LayerSpec", "Network", "Snapshot", "TrainConfig",
    "check_gradients", "evaluate", "make_optimizer", "train_steps",
]
