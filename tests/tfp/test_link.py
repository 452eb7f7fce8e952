"""TensorFlow Playground links: every key TFP writes read as TFP reads it, what has no
counterpart listed, a damaged link refused with a message, and a setup written out and read back
the same."""

from __future__ import annotations

import pytest

from playground.data.pointset import PointSet
from playground.data.tfp_points import tfp_points
from playground.experiment import PRESETS
from playground.tfp.link import LinkError, TfpSetup, experiment, link_for, read_link, write_link

EVERY_KEY = ("https://playground.tensorflow.org/#activation=relu&regularization=L2&batchSize=17"
             "&dataset=spiral&regDataset=reg-gauss&learningRate=0.003&regularizationRate=0.01"
             "&noise=35&networkShape=8,6,3&seed=0.12345&showTestData=true&discretize=true"
             "&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true&ySquared=false"
             "&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false"
             "&problem=classification&initZero=false&hideText=false")


def test_every_key_is_read_as_tfp_reads_it():
    s = read_link(EVERY_KEY)
    assert s == TfpSetup("spiral", "reg-gauss", "classification", 35, 70, "0.12345", 17, 0.003,
                         "relu", "L2", 0.01, (8, 6, 3), ("x", "xTimesY", "xSquared", "sinX",
                                                         "sinY"), False, True, True)
    assert s.unsupported == ()
    assert read_link("#networkShape=").network_shape == ()  # no hidden layer
    defaults = read_link("#dataset=xor&seed=1")
    assert (defaults.learning_rate, defaults.batch_size, defaults.network_shape,
            defaults.features, defaults.train_percent) == (0.03, 10, (4, 2), ("x", "y"), 50)


def test_what_has_no_counterpart_is_listed_and_a_bad_value_keeps_tfps_default():
    s = read_link("#dataset=moons&learningRate=abc&cosX=true&initZero=true&tutorial=dataset"
                  "&collectStats=true&hideText=true&problem_hide=true&foo=1&seed=0.5")
    assert s.dataset == "circle" and s.learning_rate == 0.03  # TFP's defaults, as TFP keeps
    assert set(s.unsupported) == {"dataset=moons", "learningRate=abc", "cosX=true",
                                  "initZero=true", "tutorial=dataset", "collectStats=true",
                                  "hideText=true", "problem_hide=true", "foo"}


@pytest.mark.parametrize("text", ["", "hello", "https://example.com/#a=1&b=2", None, "x" * 20000])
def test_what_is_not_a_tfp_link_is_refused_with_a_reason(text):
    with pytest.raises(LinkError, match="not a TensorFlow Playground link"):
        read_link(text)


def test_a_link_opens_here_on_tfps_points_and_goes_out_the_same():
    s = read_link("#dataset=gauss&noise=10&percTrainData=30&seed=0.54321&networkShape=3"
                  "&activation=sigmoid&regularization=L1&regularizationRate=0.001&xSquared=true")
    exp = experiment(s)
    assert [(h.units, h.activation) for h in exp.arch.hidden] == [(3, "sigmoid")]
    assert exp.arch.output_activation == "sigmoid" and exp.config.l1 == 0.001
    assert exp.data.features == ("x1", "x2", "x1^2") and exp.data.test_fraction == 0.7
    points = PointSet.generate(exp.data)
    tfp = tfp_points("gauss", 10, 30, "0.54321")
    assert (points.train == tfp.train).all() and len(points.test) == 350
    link, notes = link_for(exp)
    assert notes == [] and read_link(link) == s
    assert read_link(write_link(s)) == s


def test_a_regression_link_and_one_made_here_without_tfps_seed():
    s = read_link("#problem=regression&regDataset=reg-plane&noise=5&percTrainData=80&seed=ab")
    exp = experiment(s)
    assert exp.arch.output_activation == "linear" and PointSet.generate(exp.data).regression
    assert read_link(link_for(exp)[0]) == s
    link, notes = link_for(PRESETS["circle"])
    assert link is not None and "not the ones here" in str(notes[0])


def test_a_setup_that_does_not_fit_tfp_says_why():
    link, why = link_for(PRESETS["moons"])  # moons, relu 8-8, Adam
    assert link is None
    assert any("no data set moons" in str(w) for w in why)
    assert any("SGD" in str(w) for w in why)


def test_dropout_and_a_schedule_do_not_fit_tfp_and_it_says_so():
    from dataclasses import replace

    circle = PRESETS["circle"]
    assert link_for(circle)[0] is not None
    dropped = replace(circle, arch=replace(circle.arch, hidden=tuple(
        replace(s, dropout=0.2) for s in circle.arch.hidden)))
    link, why = link_for(dropped)
    assert link is None and [str(w) for w in why] == ["TensorFlow Playground has no dropout"]
    scheduled = replace(circle, config=replace(circle.config, schedule="exp:0.99"))
    assert [str(w) for w in link_for(scheduled)[1]] == [
        "TensorFlow Playground keeps its learning rate constant"]
    stopping = replace(circle, config=replace(circle.config, early_stop=50))
    assert link_for(stopping)[0] is not None  # the run's, not the setup's
