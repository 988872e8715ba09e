"""Fixture for TpeOptunaFixtureTest: Optuna 5.0.0's TPE internals on one fixed trial history.

    python bench/python/tpe_fixture.py core/src/test/resources/tpe/optuna-fixture.json

Builds a study with a fixed history (COMPLETE, PRUNED and one RUNNING trial of another worker that published
its jointly sampled values), then records what TPESampler computes for the next trial: the below/above split,
both Parzen estimators' mixture weights and per-kernel mus and sigmas (or categorical probabilities), and
log l(x) and log g(x) at fixed candidate points; the same again with ties of equal observations ordered by
trial number (numpy's default argsort leaves their order to the CPU's sort routine). The Java test feeds the same history to Tunebook's TpeSampler
internals and compares.
"""
import json
import sys
import types

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe import parzen_estimator as pe_module
from optuna.samplers._tpe.probability_distributions import _BatchedCategoricalDistributions
from optuna.samplers._tpe.sampler import _split_trials, default_gamma
from optuna.trial import TrialState, create_trial

optuna.logging.set_verbosity(optuna.logging.WARNING)

SPACE = {
    "c": CategoricalDistribution(["a", "b", "c"]),
    "lr": FloatDistribution(1e-4, 1.0, log=True),
    "n": IntDistribution(1, 20),
    "s": FloatDistribution(0.0, 1.0, step=0.1),
    "u": IntDistribution(1, 64, log=True),
    "x": FloatDistribution(-5.0, 10.0),
    "y": FloatDistribution(0.0, 15.0),
}


def spec(name, d):
    if isinstance(d, CategoricalDistribution):
        return {"name": name, "kind": "cat", "choices": list(d.choices)}
    kind = "float" if isinstance(d, FloatDistribution) else "int"
    return {"name": name, "kind": kind, "low": d.low, "high": d.high, "log": d.log, "step": d.step}


def draw(rng):
    p = {}
    for name, d in SPACE.items():
        if isinstance(d, CategoricalDistribution):
            p[name] = d.choices[rng.randint(len(d.choices))]
        elif isinstance(d, IntDistribution):
            if d.log:
                p[name] = int(min(d.high, max(d.low, round(float(np.exp(rng.uniform(np.log(d.low), np.log(d.high))))))))
            else:
                p[name] = int(rng.randint(d.low, d.high + 1))
        elif d.step is not None:
            p[name] = float(round(rng.randint(0, 11) * d.step, 10))
        elif d.log:
            p[name] = float(np.exp(rng.uniform(np.log(d.low), np.log(d.high))))
        else:
            p[name] = float(rng.uniform(d.low, d.high))
    return p


def estimator(mpe):
    mix = mpe._mixture_distribution
    out = {"weights": mix.weights.tolist(), "params": {}}
    for name, d in zip(SPACE, mix.distributions):
        if isinstance(d, _BatchedCategoricalDistributions):
            out["params"][name] = {"probs": d.weights.tolist()}
        else:
            out["params"][name] = {"mu": d.mu.tolist(), "sigma": d.sigma.tolist()}
    return out


def main(path):
    rng = np.random.RandomState(20261123)
    study = optuna.create_study(direction="minimize")
    trials = []
    for number in range(40):
        p = draw(rng)
        value = float(np.round(rng.normal(), 6)) if number % 9 else 0.25  # a few exact ties
        if number in (7, 19, 33):
            inter = {0: value + 1.0, 1: value + 0.5} if number != 33 else {0: value + 2.0}
            t = create_trial(state=TrialState.PRUNED, params=p, distributions=SPACE, intermediate_values=inter)
            trials.append({"number": number, "state": "PRUNED", "params": p, "intermediate": inter})
        else:
            t = create_trial(state=TrialState.COMPLETE, value=value, params=p, distributions=SPACE)
            trials.append({"number": number, "state": "COMPLETE", "value": value, "params": p})
        study.add_trial(t)
    # another worker's RUNNING trial with its published relative params (external values, as Optuna stores them)
    running = draw(rng)
    rt = study.ask()
    study._storage.set_trial_system_attr(rt._trial_id, "tpe:relative_params:0", json.dumps(running))
    trials.append({"number": rt.number, "state": "RUNNING", "relative": running})
    current = study.ask()  # the trial being sampled
    frozen_current = study._storage.get_trial(current._trial_id)

    sampler = optuna.samplers.TPESampler(seed=0)
    states = [TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING]
    all_trials = [t for t in study._get_trials(deepcopy=False, states=states, use_cache=False)
                  if t.number != frozen_current.number]
    n = sum(t.state != TrialState.RUNNING for t in all_trials)
    below, above = _split_trials(study, all_trials, default_gamma(n))
    mpe_below = sampler._build_parzen_estimator(study, SPACE, below, handle_below=True)
    mpe_above = sampler._build_parzen_estimator(study, SPACE, above, handle_below=False)

    crng = np.random.RandomState(7)
    cands = [draw(crng) for _ in range(25)]
    internal = {name: np.asarray([d.to_internal_repr(c[name]) for c in cands], dtype=float) for name, d in SPACE.items()}
    log_l = mpe_below.log_pdf(internal)
    log_g = mpe_above.log_pdf(internal)

    # numpy's default argsort does not keep ties in order (its SIMD sorts depend on the CPU), so when two kernels
    # share a centre, which one gets the outer gap is arbitrary, and that changes the joint density. The same
    # estimators with a stable argsort (ties by trial number, as Tunebook orders them) give comparable densities.
    stable = types.SimpleNamespace(**{k: getattr(np, k) for k in dir(np) if not k.startswith("__")})
    stable.argsort = lambda a, *args, **kwargs: np.argsort(a, kind="stable")
    pe_module.np = stable
    try:
        stable_below = sampler._build_parzen_estimator(study, SPACE, below, handle_below=True)
        stable_above = sampler._build_parzen_estimator(study, SPACE, above, handle_below=False)
    finally:
        pe_module.np = np
    log_l_stable = stable_below.log_pdf(internal)
    log_g_stable = stable_above.log_pdf(internal)

    out = {
        "optuna": optuna.__version__,
        "space": [spec(name, d) for name, d in SPACE.items()],
        "trials": trials,
        "current": frozen_current.number,
        "below": [t.number for t in below],
        "above": [t.number for t in above],
        "l": estimator(mpe_below),
        "g": estimator(mpe_above),
        "candidates": {name: v.tolist() for name, v in internal.items()},
        "log_l": log_l.tolist(),
        "log_g": log_g.tolist(),
        "l_stable": estimator(stable_below),
        "g_stable": estimator(stable_above),
        "log_l_stable": log_l_stable.tolist(),
        "log_g_stable": log_g_stable.tolist(),
    }
    with open(path, "w") as w:
        json.dump(out, w, indent=1)
        w.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
