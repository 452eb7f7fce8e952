"""The bug lab's presets reproduce the seeds' failures, and their fixed forms train correctly."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from playground.cli.lab import train_monitored
from playground.cli.main import main
from playground.data.prepare import prepare
from playground.experiment import Architecture
from playground.nn import LayerSpec, TrainConfig, check_gradients
from playground.nn.health import diagnose, measure
from playground.teach.lab import LAB_PRESETS, reaches_xor, xor_seed_study


def _train(name: str, fixed: bool, epochs: int | None = None):
    exp = LAB_PRESETS[name].experiment(fixed)
    data = prepare(exp.data)
    net = exp.arch.build(data.input_dim, data.n_classes)
    config = exp.config if epochs is None else TrainConfig(**{**exp.config.__dict__,
                                                                "epochs": epochs})
    y = net.encode_targets(data.y_train)
    y_test = net.encode_targets(data.y_test) if len(data.y_test) else None
    seen = train_monitored(net, data.x_train, y, config,
                           data.x_test if y_test is not None else None, y_test)
    return net, data, seen


def test_mnist_collapse_freezes_every_output_near_zero_within_ten_updates():
    net, data, seen = _train("mnist-collapse", fixed=False, epochs=10)  # a full batch: 1 update
    out = net.forward(data.x_test)
    assert out.max(axis=0).max() < 0.05  # every class, every image
    assert (out.argmax(axis=1) == data.y_test).mean() <= 0.20
    health = measure(net, net.params, data.x_train[:256], seen.last.grad_norms)
    findings = diagnose(health, seen.epoch_losses, net.bugs, False, net.init)
    assert "vanished" in findings[0].text and findings[0].bug == "no-learning-rate"


def test_mnist_collapse_fixed_reads_ninety_percent_with_the_same_784_16_10_network():
    net, data, _ = _train("mnist-collapse", fixed=True)
    assert net.sizes == [784, 16, 10] and all(s.activation == "sigmoid" for s in net.layers)
    assert (net.predict(data.x_test) == data.y_test).mean() >= 0.90


@pytest.mark.parametrize("fixed, bound", [(False, 0.25), (True, 0.05)])
def test_two_neurons_need_a_bias_to_learn_identity(fixed, bound):
    net, data, seen = _train("two-neurons-no-bias", fixed)
    error = np.abs(net.forward(data.x_train)[:, 0] - data.y_train).mean()
    assert (error >= bound) if not fixed else (error <= bound)
    if not fixed:
        health = measure(net, net.params, data.x_train, seen.last.grad_norms)
        findings = diagnose(health, seen.epoch_losses, net.bugs, False, net.init)
        assert any("bias" in f.fixes[0] for f in findings)


def test_xor_wrong_derivative_fails_the_gradient_check_yet_can_train():
    exp = LAB_PRESETS["xor-wrong-derivative"].broken
    data = prepare(exp.data)
    net = exp.arch.build(2, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = check_gradients(net, data.x_train, net.encode_targets(data.y_train))
    assert result.max_error > 1e-2  # far above the 1e-6 that passes
    # half-fine: with the bug, a 2-4-1 net still solves XOR from these seeds
    assert all(reaches_xor(4, True, seed) for seed in (0, 2, 3))
    fixed = LAB_PRESETS["xor-wrong-derivative"].fixed
    assert fixed.arch.bugs == () and fixed.arch.hidden[0].units == 4


def test_fixed_2_4_1_solves_xor_from_all_twenty_seeds():
    assert xor_seed_study(cases=((4, False),)) == {(4, False): 20}


@pytest.mark.parametrize("bug, code", [("sign-flip", 1), ("derivative-at-output", 1),
                                       ("no-bias", 0), ("uniform-init", 0),
                                       ("no-learning-rate", 0), ("naive-sigmoid", 0)])
def test_gradcheck_cli_exits_1_exactly_when_a_bug_changes_the_gradient(bug, code, capsys):
    assert main(["gradcheck", "--layers", "4:sigmoid,1:sigmoid", "--bug", bug]) == code
    assert ("FAIL" if code else "PASS") in capsys.readouterr().out


def test_train_preset_cli_says_what_happened_and_fixed_works(capsys):
    assert main(["train", "--preset", "two-neurons-no-bias", "--json"]) == 0
    captured = capsys.readouterr()  # with --json, text for people goes to stderr
    err = captured.err
    assert "What the learner did" in err and "finding:" in err and "[Add biases]" in err
    assert json.loads(captured.out)["error"] >= 0.25
    assert main(["train", "--preset", "two-neurons-no-bias", "--fixed", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["error"] <= 0.05
    assert main(["train", "--fixed", "--dataset", "xor"]) == 2


def test_a_learning_rate_of_a_million_stops_on_the_first_blown_up_loss_with_finite_weights():
    data = prepare(LAB_PRESETS["mnist-collapse"].fixed.data)
    net = Architecture((LayerSpec(32, "relu"),), "linear", loss="mse").build(784, 10)
    y = net.encode_targets(data.y_train)
    seen = train_monitored(net, data.x_train[:2000], y[:2000], TrainConfig("sgd", 1e6, 32, 5, 0))
    assert seen.stop_reason and "restored" in seen.stop_reason
    assert seen.last.step <= 3  # the first blown-up loss, not an epoch later
    assert all(np.isfinite(p).all() for p in net.flat_params())
    health = measure(net, net.params, data.x_train[:256], None)
    findings = diagnose(health, seen.epoch_losses, stop_reason=seen.stop_reason)
    assert findings[0].kind == "diverging" and findings[0].fixes == ("lower-lr-reset",)


def test_lab_titles_are_the_learners_questions_not_seed_numbers():
    for preset in LAB_PRESETS.values():
        assert "seed" not in preset.title.lower() and not any(c.isdigit() for c in
                                                               preset.title.replace("0 → 0", "")
                                                               .replace("1 → 1", ""))
        assert preset.title.startswith("“") and preset.title.endswith("”")


def test_gradcheck_numbers_layers_from_one_as_everything_else(capsys):
    from playground.cli.main import main

    assert main(["gradcheck", "--layers", "4:tanh,3:tanh,1:sigmoid"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("layer")]
    assert [r.split(":")[0] for r in rows] == ["layer 1", "layer 2", "layer 3"]


def test_the_two_neurons_preset_names_the_quantity_the_plot_shows():
    from playground.teach.lab import LAB_PRESETS

    preset = LAB_PRESETS["two-neurons-no-bias"]
    assert "0.0625" in preset.watch and "loss" in preset.watch
    assert "mean error" in preset.watch and "mean error" in preset.try_
