"""Datasets: 2-D toy generators and feature maps, CSV points, the MNIST IDX reader. Qt-free."""

from playground.data.csv_points import CsvData, load_csv
from playground.data.errors import DataFileError
from playground.data.features import FEATURE_LABELS, FEATURES, apply_features, check_features
from playground.data.mnist import load_mnist, load_mnist_inputs
from playground.data.toy import MULTICLASS, TOY_DATASETS, ToyData, make_toy, split

__all__ = [
    "FEATURES", "FEATURE_LABELS", "MULTICLASS", "TOY_DATASETS", "CsvData", "DataFileError",
    "ToyData", "apply_features", "check_features", "load_csv", "load_mnist", "load_mnist_inputs",
    "make_toy", "split",
]
