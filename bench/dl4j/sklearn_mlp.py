"""Seconds per epoch of scikit-learn's MLPClassifier on the same MNIST files (run by bench/run-dl4j.sh).

Prints the same tab-separated columns as EpochBench.java: name, rows, batch, epochs, median s/epoch,
s per 1k rows, test accuracy after the measured epochs.
"""
import gzip
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


def idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    dims = magic & 0xFF
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(cache):
    d = os.path.join(cache, "mnist")
    f = lambda n: os.path.join(d, n) if os.path.exists(os.path.join(d, n)) else os.path.join(d, n + ".gz")
    xtr = idx(f("train-images-idx3-ubyte")).reshape(60000, 784).astype(np.float32) / 255.0
    ytr = idx(f("train-labels-idx1-ubyte")).astype(np.int64)
    xte = idx(f("t10k-images-idx3-ubyte")).reshape(10000, 784).astype(np.float32) / 255.0
    yte = idx(f("t10k-labels-idx1-ubyte")).astype(np.int64)
    return xtr, ytr, xte, yte


def run(name, make, xtr, ytr, xte, yte, batch, epochs):
    warm = make(batch)
    warm.partial_fit(xtr[:512], ytr[:512], classes=np.arange(10))
    clf = make(batch)
    times = []
    for e in range(epochs):
        t = time.perf_counter()
        clf.partial_fit(xtr, ytr, classes=np.arange(10))  # one pass over the data, shuffled
        times.append(time.perf_counter() - t)
    med = sorted(times)[len(times) // 2]
    acc = clf.score(xte, yte)
    print(f"{name}\t{len(xtr)}\t{batch}\t{epochs}\t{med:.2f}\t{med / len(xtr) * 1000:.3f}\t{acc:.4f}", flush=True)


def main():
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    cache = os.environ.get("TUNEBOOK_DATA") or sys.argv[1]
    xtr, ytr, xte, yte = load(cache)
    seed003 = lambda b: MLPClassifier(hidden_layer_sizes=(15,), activation="relu", solver="sgd",
                                      learning_rate_init=0.01, momentum=0.9, nesterovs_momentum=True,
                                      batch_size=b, random_state=1)
    run("mlp-784-15-10-sgd-nesterov", seed003, xtr, ytr, xte, yte, 32, 3)
    run("mlp-784-15-10-sgd-nesterov", seed003, xtr, ytr, xte, yte, 64, 3)


if __name__ == "__main__":
    main()
