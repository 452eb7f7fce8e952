"""What the network diagram says of the weight, bias or neuron under the mouse.

``describe(session, hit)``: a weight or a bias with its value on display; a neuron with its
formula (the current weights plugged in), its value at the point the step inspector looks at,
and what a click on it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from playground.data.features import FEATURE_LABELS
from playground.teach.step_text import neuron_formula

if TYPE_CHECKING:
    from playground.gui.sessions.playground import Session
    from playground.gui.widgets.network_view import Hit


def describe(session: Session, hit: Hit) -> str:
    params = session.display_params()
    names = [FEATURE_LABELS.get(f, f) for f in session.data_spec.features]
    last = len(params) - 1
    target = (f"output {hit.j + 1}" if hit.layer == last
              else f"neuron {hit.j + 1} of layer {hit.layer + 1}")
    if hit.kind == "bias":
        return f"Bias of {target}: {float(params[hit.layer]['b'][hit.j]):.4g}"
    if hit.kind == "node":
        return _describe_node(session, hit, params, names, target, hit.layer == last)
    source = names[hit.i] if hit.layer == 0 else f"neuron {hit.i + 1} of layer {hit.layer}"
    weight = float(params[hit.layer]["W"][hit.i, hit.j])
    return f"Weight from {source} to {target}: {weight:.4g}"


def _describe_node(session: Session, hit: Hit, params: tuple[dict, ...], names: list[str],
                   target: str, output: bool) -> str:
    """Its formula with the current weights, its value at the inspected point, and what a
    click does."""
    p = params[hit.layer]
    inputs = names if hit.layer == 0 else [f"a{hit.layer}[{k + 1}]"
                                           for k in range(p["W"].shape[0])]
    bias = float(p["b"][hit.j]) if "b" in p else None
    spec = session.net.layers[hit.layer]
    lines = [f"{target[0].upper()}{target[1:]}",
             neuron_formula(p["W"][:, hit.j], inputs, bias, spec.activation)]
    index = session.view.inspected
    if index is not None and index < len(session.points.train_labels):
        x, _ = session.points.features(session.data_spec.features)
        _, acts = session.shown_network().forward_all(x[index:index + 1])
        lines.append(f"at point {index}: a = {acts[hit.layer][0, hit.j]:.4g}")
    lines.append("The network's output over the plane" if output
                 else "Click to see its output over the plane")
    return "\n".join(lines)
