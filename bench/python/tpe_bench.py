"""Optuna's side of bench/run-tpe.sh; writes the same JSON lines as org.tunebook.bench.tpe.TpeBench.

    regret   TRIALS SEEDS OUT.jsonl [FUNCTIONS]         best-so-far regret of TPESampler at 50 and TRIALS trials
    overhead FUNCTION TRIALS OUT.jsonl [WARMUP]        wall time per trial minus the function's own time (after WARMUP=300 unrecorded trials)
    nsga     PROBLEM TRIALS POP SEEDS OUT.jsonl        NSGAIISampler hypervolume on ZDT1 / ZDT2 (30 variables)
"""
import json
import statistics
import math
import os
import sys
import time
import warnings

import optuna

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import functions as F  # noqa: E402

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def suggest_all(trial, space):
    p = {}
    for d in space:
        if d["kind"] == "real":
            p[d["name"]] = trial.suggest_float(d["name"], d["low"], d["high"], log=d["log"])
        elif d["kind"] == "int":
            p[d["name"]] = trial.suggest_int(d["name"], d["low"], d["high"], log=d["log"])
        else:
            p[d["name"]] = trial.suggest_categorical(d["name"], d["choices"])
    return p


def regret(trials, seeds, out, names):
    with open(out, "w") as w:
        for name in names:
            fn = F.get(name)
            for seed in range(seeds):
                best = [math.inf]
                curve = []

                def objective(trial):
                    v = fn["f"](suggest_all(trial, fn["space"]))
                    best[0] = min(best[0], v)
                    curve.append(best[0] - fn["minimum"])
                    return v

                study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
                t0 = time.perf_counter()
                study.optimize(objective, n_trials=trials)
                secs = time.perf_counter() - t0
                w.write(json.dumps({"impl": "optuna", "fn": name, "seed": seed, "regret50": curve[min(49, len(curve) - 1)],
                                    "regret_final": curve[-1], "trials": len(curve), "seconds": secs}) + "\n")
                w.flush()


def run_timed(fn, trials, seed):
    """Wall and CPU time (of this thread) per trial minus the function's own time: ask, sampling, storage, tell."""
    wall, cpu = [], []
    state = {"last": time.perf_counter(), "last_cpu": time.thread_time(), "in_objective": 0.0, "in_objective_cpu": 0.0}

    def objective(trial):
        p = suggest_all(trial, fn["space"])  # sampling happens here: it counts as overhead
        w0, c0 = time.perf_counter(), time.thread_time()
        v = fn["f"](p)
        state["in_objective"] = time.perf_counter() - w0
        state["in_objective_cpu"] = time.thread_time() - c0
        return v

    def callback(study, trial):
        now, c = time.perf_counter(), time.thread_time()
        wall.append(now - state["last"] - state["in_objective"])
        cpu.append(c - state["last_cpu"] - state["in_objective_cpu"])
        state["last"], state["last_cpu"] = now, c

    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=trials, callbacks=[callback])
    return wall, cpu


def overhead(name, trials, out, warmup=300):
    fn = F.get(name)
    if warmup > 0:
        run_timed(fn, warmup, 99)  # warm-up, not recorded (the Java side warms up its JIT likewise)
    wall, cpu = run_timed(fn, trials, 0)
    mean = lambda a: sum(a) / len(a)  # noqa: E731
    with open(out, "w") as w:
        w.write(json.dumps({"impl": "optuna", "fn": name, "trials": trials, "mean_ms": mean(wall) * 1e3,
                            "last100_ms": mean(wall[-100:]) * 1e3, "first100_ms": mean(wall[:100]) * 1e3,
                            "cpu_mean_ms": mean(cpu) * 1e3, "cpu_last100_ms": mean(cpu[-100:]) * 1e3,
                            "cpu_last100_median_ms": statistics.median(cpu[-100:]) * 1e3}) + "\n")


def zdt(problem, x):
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    r = x[0] / g
    if problem == "zdt1":
        return x[0], g * (1 - math.sqrt(r))
    if problem == "zdt2":
        return x[0], g * (1 - r * r)
    raise ValueError("unknown problem " + problem)


def hypervolume_2d(points, ref):
    pts = sorted(p for p in points if p[0] < ref[0] and p[1] < ref[1])
    hv, prev_y = 0.0, ref[1]
    for x, y in pts:
        if y < prev_y:
            hv += (ref[0] - x) * (prev_y - y)
            prev_y = y
    return hv


def nsga(problem, trials, pop, seeds, out):
    with open(out, "w") as w:
        for seed in range(seeds):
            study = optuna.create_study(directions=["minimize", "minimize"],
                                        sampler=optuna.samplers.NSGAIISampler(population_size=pop, seed=seed))
            t0 = time.perf_counter()
            study.optimize(lambda t: zdt(problem, [t.suggest_float("x%d" % i, 0, 1) for i in range(30)]), n_trials=trials)
            secs = time.perf_counter() - t0
            hv = hypervolume_2d([t.values for t in study.trials if t.values is not None], (1.1, 1.1))
            w.write(json.dumps({"impl": "optuna", "problem": problem, "seed": seed, "trials": trials, "hv": hv,
                                "seconds": secs}) + "\n")
            w.flush()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "regret":
        names = sys.argv[5].split(",") if len(sys.argv) > 5 else list(F.FUNCTIONS)
        regret(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], names)
    elif mode == "overhead":
        overhead(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 300)
    elif mode == "nsga":
        nsga(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    else:
        raise SystemExit("usage: regret|overhead|nsga ...")
