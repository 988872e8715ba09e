"""Study-loop overhead of Optuna, the anchor of bench/src/main/java/org/tunebook/bench/loop/LoopBench.java.

Same loop: random sampling, a trivial objective of two parameters (a float and an int; the value is x^2 + k),
each run a new study (a new file for SQLite) in this interpreter; time measured around study.optimize only.

Usage: loop_optuna.py memory|sqlite|sqlite-wal TRIALS RUNS [DB_FILE]
  sqlite      Optuna's default SQLite storage (rollback journal, synchronous=FULL: an fsync per commit)
  sqlite-wal  the same file in WAL mode with synchronous=NORMAL, the settings Tunebook's SQLite storage uses
Prints one JSON line per run: {"impl", "storage", "run", "trials", "seconds", "cpu_seconds"}.
"""
import json
import os
import sqlite3
import sys
import time

import optuna
from sqlalchemy import event


def objective(trial):
    x = trial.suggest_float("x", -10, 10)
    k = trial.suggest_int("k", 0, 10)
    return x * x + k


def storage_for(kind, db):
    if kind == "memory":
        return None
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    url = "sqlite:///" + db
    if kind == "sqlite":
        return url
    if kind != "sqlite-wal":
        raise SystemExit("storage %r: use memory, sqlite or sqlite-wal" % kind)
    with sqlite3.connect(db) as c:  # journal_mode=WAL is stored in the file
        c.execute("PRAGMA journal_mode=WAL")
    storage = optuna.storages.RDBStorage(url)
    event.listen(storage.engine, "connect", lambda conn, _: conn.execute("PRAGMA synchronous=NORMAL"))
    storage.engine.dispose()  # reconnect with the pragma
    with storage.engine.connect() as c:
        mode = c.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = c.exec_driver_sql("PRAGMA synchronous").scalar()
    if mode != "wal" or sync != 1:
        raise SystemExit("could not set WAL + synchronous=NORMAL (got %s, %s)" % (mode, sync))
    return storage


def main():
    kind, trials, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = sys.argv[4] if len(sys.argv) > 4 else "loop-optuna.db"
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for run in range(1, runs + 1):
        study = optuna.create_study(storage=storage_for(kind, db), study_name="loop", direction="minimize",
                                    sampler=optuna.samplers.RandomSampler(seed=run))
        c0, t0 = time.process_time(), time.perf_counter()
        study.optimize(objective, n_trials=trials)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        complete = len(study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,)))
        if complete != trials:
            raise SystemExit("expected %d COMPLETE trials, got %d" % (trials, complete))
        print(json.dumps({"impl": "optuna", "storage": kind, "run": run, "trials": trials,
                          "seconds": round(seconds, 4), "cpu_seconds": round(cpu, 4)}), flush=True)


if __name__ == "__main__":
    main()
