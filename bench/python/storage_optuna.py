"""Optuna's RDB storage anchor for bench/run-storage.sh: throughput of trivial trials with several worker
processes sharing one study, the same protocol as org.tunebook.bench.storage.StorageBench.

    python storage_optuna.py STORAGE_URL LABEL WORKERS_CSV TRIALS_PER_WORKER

Each worker is a separate process (multiprocessing, spawn) that loads the study and runs
study.optimize(n_trials=TRIALS_PER_WORKER) with a RandomSampler; throughput = all trials / (last worker's end -
first worker's start of optimize()), so import time is excluded as the JVM start-up is on the Java side.
Prints one JSON line per configuration.
"""
import json
import multiprocessing as mp
import sys
import time


def objective(trial):
    x = trial.suggest_float("x", -10, 10)
    n = trial.suggest_int("n", 0, 5)
    return x * x + n


def worker(url, study_name, trials, out):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name=study_name, storage=url, sampler=optuna.samplers.RandomSampler())
    start = time.time()
    study.optimize(objective, n_trials=trials)
    out.put((start, time.time()))


def main():
    url, label, workers_csv, trials = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    ctx = mp.get_context("spawn")
    for w in (int(x) for x in workers_csv.split(",")):
        name = f"bench-{label}-w{w}-{time.time_ns()}"
        optuna.create_study(study_name=name, storage=url, direction="minimize")
        out = ctx.Queue()
        procs = [ctx.Process(target=worker, args=(url, name, trials, out)) for _ in range(w)]
        for p in procs:
            p.start()
        spans = [out.get() for _ in procs]
        for p in procs:
            p.join()
            if p.exitcode != 0:
                raise SystemExit(f"a worker of {label} with {w} workers failed")
        study = optuna.load_study(study_name=name, storage=url)
        total = len(study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,)))
        if total != w * trials:
            raise SystemExit(f"{label}: expected {w * trials} COMPLETE trials, found {total}")
        seconds = max(e for _, e in spans) - min(s for s, _ in spans)
        print(json.dumps({"impl": "optuna", "storage": label, "workers": w, "per_worker": trials, "trials": total,
                          "seconds": round(seconds, 3), "trials_per_s": round(total / seconds, 1)}), flush=True)


if __name__ == "__main__":
    main()
