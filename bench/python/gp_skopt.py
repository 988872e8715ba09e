"""Issue 3's benchmark, scikit-optimize side (bench/run-gp.sh runs it beside the Java harness GpBench).

  regret   FUNCS SEEDS CALLS [BUDGET_MIN] OUT.csv   final regret of gp_minimize(acq_func="EI") per function and seed
  overhead FUNCS SEEDS SIZES REPEATS OUT.csv   seconds per ask+tell of skopt.Optimizer at n observations

CSV columns: impl,function,seed,n,value,seconds,cpu_seconds (the same as GpBench's; CPU time of this process,
with BLAS pinned to one thread by run-gp.sh).
"""
import csv
import os
import sys
import time
import warnings

import numpy as np

if not hasattr(np, "int"):  # scikit-optimize predates numpy 1.24
    np.int = int

from skopt import Optimizer, gp_minimize
from skopt.space import Categorical, Integer, Real

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import functions  # noqa: E402

warnings.filterwarnings("ignore")


def dimensions(fn):
    dims = []
    for d in fn["space"]:
        if d["kind"] == "real":
            dims.append(Real(d["low"], d["high"], prior="log-uniform" if d["log"] else "uniform", name=d["name"]))
        elif d["kind"] == "int":
            dims.append(Integer(d["low"], d["high"], name=d["name"]))
        else:
            dims.append(Categorical(d["choices"], name=d["name"]))
    return dims


def objective(fn):
    names = [d["name"] for d in fn["space"]]
    f = fn["f"]
    return lambda x: float(f(dict(zip(names, x))))


def regret(funcs, seeds, calls, w, budget_s=0.0):
    """Seed-major (every function for seed 0, then seed 1, ...) so that a time budget (budget_s > 0: no new round
    starts after it) leaves every function with the same number of seeds."""
    start = time.perf_counter()
    for s in range(seeds):
        if budget_s > 0 and s > 0 and time.perf_counter() - start > budget_s:
            print("skopt: time budget of %.0f s spent after %d seeds per function" % (budget_s, s), file=sys.stderr, flush=True)
            break
        for name in funcs:
            fn = functions.get(name)
            t0 = time.perf_counter()
            c0 = time.process_time()
            r = gp_minimize(objective(fn), dimensions(fn), acq_func="EI", n_calls=calls, random_state=s)
            sec = time.perf_counter() - t0
            cpu = time.process_time() - c0
            reg = float(r.fun) - fn["minimum"]
            w.writerow(["skopt", name, s, calls, "%.10g" % reg, "%.4f" % sec, "%.4f" % cpu])
            print("skopt %s seed %d regret %.4g (%.1f s)" % (name, s, reg, sec), file=sys.stderr, flush=True)


def overhead(funcs, seeds, sizes, repeats, w):
    """n random evaluations told at once (skopt refits from scratch on every tell, so history does not matter),
    then `repeats` timed ask+tell calls with acq_func EI (objective time excluded)."""
    for name in funcs:
        fn = functions.get(name)
        f = objective(fn)
        for n in sizes:
            for s in range(seeds):
                opt = Optimizer(dimensions(fn), base_estimator="GP", acq_func="EI", n_initial_points=10, random_state=s)
                xs = opt.space.rvs(n, random_state=s)
                opt.tell(xs, [f(x) for x in xs])
                for k in range(repeats):
                    t0, c0 = time.perf_counter(), time.process_time()
                    x = opt.ask()
                    t1, c1 = time.perf_counter(), time.process_time()
                    y = f(x)
                    t2, c2 = time.perf_counter(), time.process_time()
                    opt.tell(x, y)
                    t3, c3 = time.perf_counter(), time.process_time()
                    sec = (t1 - t0) + (t3 - t2)
                    cpu = (c1 - c0) + (c3 - c2)
                    w.writerow(["skopt", name, s, n + k, "%.10g" % y, "%.6f" % sec, "%.6f" % cpu])
                    print("skopt %s n=%d seed %d call %d: %.3f s (cpu %.3f s)" % (name, n + k, s, k, sec, cpu), file=sys.stderr, flush=True)


def main(argv):
    mode, funcs, seeds = argv[0], argv[1].split(","), int(argv[2])
    out = argv[-1]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["impl", "function", "seed", "n", "value", "seconds", "cpu_seconds"])
        if mode == "regret":
            budget = float(argv[4]) * 60 if len(argv) > 5 else 0.0
            regret(funcs, seeds, int(argv[3]), _Flushing(w, fh), budget)
        else:
            overhead(funcs, seeds, [int(v) for v in argv[3].split(",")], int(argv[4]), _Flushing(w, fh))


class _Flushing:
    def __init__(self, w, fh):
        self.w, self.fh = w, fh

    def writerow(self, row):
        self.w.writerow(row)
        self.fh.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
