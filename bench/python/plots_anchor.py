"""Anchor for bench/run-plots.sh: rendering time of Optuna's and scikit-optimize's matplotlib plots for a study of
the same size and function as org.tunebook.bench.plots.PlotsBench (random sampler on the mixed function).
Each figure: build it and savefig as PNG (100 dpi), median of the repeats after 2 warm-ups. Prints a Markdown table."""
import io
import os
import statistics
import sys
import time
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

if not hasattr(np, "int"):
    np.int = int  # scikit-optimize 0.10 still uses np.int
import optuna  # noqa: E402
import optuna.visualization.matplotlib as ov  # noqa: E402
from skopt.space import Space  # noqa: E402
from skopt.utils import create_result  # noqa: E402
from skopt.plots import plot_convergence, plot_evaluations  # noqa: E402
from skopt.space import Categorical, Integer, Real  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
from functions import mixed_fn  # noqa: E402

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.WARNING)
trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7


def objective(t):
    x = t.suggest_float("x", -5, 5)
    lr = t.suggest_float("lr", 1e-4, 1, log=True)
    units = t.suggest_int("units", 1, 20)
    act = t.suggest_categorical("act", ["a", "b", "c", "d"])
    v = mixed_fn(x, lr, units, act)
    for step in range(10):
        t.report(v * (1 + 2.0 / (step + 1)), step)
        if step == 3 and v > 20:
            raise optuna.TrialPruned()
    return v


study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
study.optimize(objective, n_trials=trials)
multi = optuna.create_study(directions=["minimize", "minimize"], sampler=optuna.samplers.RandomSampler(seed=1))
multi.optimize(lambda t: ((lambda x, y: (x * x + y, (x - 2) ** 2 + y))(t.suggest_float("x", 0, 2), t.suggest_float("y", 0, 1))),
               n_trials=trials)
space = [Real(-5, 5, name="x"), Real(1e-4, 1, prior="log-uniform", name="lr"), Integer(1, 20, name="units"),
         Categorical(["a", "b", "c", "d"], name="act")]


def random_result(n, seed):
    # skopt's dummy_minimize fails with the pinned scikit-learn; a random-search result built directly is the same data
    sp = Space(space)
    xs = sp.rvs(n, random_state=seed)
    return create_result(xs, [mixed_fn(*x) for x in xs], space=sp)


res = random_result(trials, 0)
runs = [random_result(trials // 5, s) for s in range(10, 15)]

plots = {
    "history (plot_optimization_history)": lambda: ov.plot_optimization_history(study),
    "convergence (skopt plot_convergence, 1 run)": lambda: plot_convergence(res),
    "convergence (skopt, 5 runs)": lambda: plot_convergence(("random", runs)),
    "slice (plot_slice, 4 params)": lambda: ov.plot_slice(study),
    "contour (plot_contour x, lr)": lambda: ov.plot_contour(study, params=["x", "lr"]),
    "contour matrix (plot_contour, 4 params)": lambda: ov.plot_contour(study),
    "parallel coordinates": lambda: ov.plot_parallel_coordinate(study),
    "importance (plot_param_importances, fANOVA)": lambda: ov.plot_param_importances(study),
    "intermediate values": lambda: ov.plot_intermediate_values(study),
    "Pareto front (2 objectives)": lambda: ov.plot_pareto_front(multi),
    "evaluations matrix (skopt plot_evaluations)": lambda: plot_evaluations(res),
}

print(f"| plot ({trials} trials) | median wall ms | min wall ms | median CPU ms |")
print("|---|---:|---:|---:|")
for name, make in plots.items():
    times = []
    cpu = []
    for r in range(repeats + 2):
        c0 = time.process_time()
        t0 = time.perf_counter()
        make()
        buf = io.BytesIO()
        plt.gcf().savefig(buf, format="png", dpi=100)
        plt.close("all")
        if r >= 2:
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    print(f"| {name} | {statistics.median(times):.0f} | {min(times):.0f} | {statistics.median(cpu):.0f} |")
print()
print("plot_objective is not timed: it needs a fitted model (gp_minimize/forest_minimize) of a 1000-call run.")
