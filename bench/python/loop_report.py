"""Turns the JSON lines of bench/run-loop.sh into bench/results/loop.md (standard library only).
Usage: loop_report.py RAW.jsonl DATE COMMAND MACHINE"""
import json
import sys

raw, date, command, machine = sys.argv[1:5]
rows = [json.loads(line) for line in open(raw) if line.strip()]
by = {(r["impl"], r["storage"], r["run"]): r for r in rows}
GOAL = 20.0


def per_trial(r, key):
    return r[key] / r["trials"] * 1e6


def fmt(us):
    return "%.1f" % us if us < 100 else "%.0f" % us


lines = []
verdicts = []


def row(label, tb, op, note=""):
    if tb is None or op is None:
        return
    cells = [label]
    for key in ("seconds", "cpu_seconds"):
        t, o = per_trial(tb, key), per_trial(op, key)
        ratio = o / t
        cells += [fmt(t), fmt(o), "**%.0fx**" % ratio if ratio >= 10 else "**%.1fx**" % ratio]
        verdicts.append((label + (" (wall)" if key == "seconds" else " (CPU)"), ratio))
    lines.append("| " + " | ".join(cells) + " |" + (" " + note if note else ""))


trials = rows[0]["trials"] if rows else 0
row("in memory, 1st run (cold JVM)", by.get(("tunebook", "memory", 1)), by.get(("optuna", "memory", 1)))
row("in memory, 2nd run (warm)", by.get(("tunebook", "memory", 2)), by.get(("optuna", "memory", 2)))
row("SQLite, 1st run (cold JVM) vs Optuna's default SQLite", by.get(("tunebook", "sqlite", 1)), by.get(("optuna", "sqlite", 1)))
row("SQLite, 2nd run (warm) vs Optuna's default SQLite", by.get(("tunebook", "sqlite", 2)), by.get(("optuna", "sqlite", 1)))
row("SQLite, 1st run (cold JVM) vs Optuna on SQLite with WAL + synchronous=NORMAL", by.get(("tunebook", "sqlite", 1)), by.get(("optuna", "sqlite-wal", 1)))
row("SQLite, 2nd run (warm) vs Optuna on SQLite with WAL + synchronous=NORMAL", by.get(("tunebook", "sqlite", 2)), by.get(("optuna", "sqlite-wal", 1)))

out = []
out.append("## Study-loop overhead (issue 2)")
out.append("")
out.append("Time per trial of a study's own loop, %s trials of random search over a trivial objective of two parameters "
           "(a real and an integer; value x^2 + k): asking, sampling, storing parameters and results. "
           "Tunebook: `Study.optimize` (bench/src/main/java/org/tunebook/bench/loop/LoopBench.java); "
           "Optuna: `study.optimize` (bench/python/loop_optuna.py). Each run is a new study (a new SQLite file); "
           "the 2nd run is in the same JVM / interpreter as the 1st, as in a notebook kernel that already ran a study. "
           "Python has no JIT, so Optuna's 1st and 2nd runs cost the same; Optuna's SQLite runs were done once." % format(trials, ","))
out.append("")
out.append("Microseconds per trial; ratio = Optuna / Tunebook (goal: at least %.0fx less overhead than Optuna on both storages)." % GOAL)
out.append("")
out.append("| | Tunebook wall | Optuna wall | ratio (wall) | Tunebook CPU | Optuna CPU | ratio (CPU) |")
out.append("|---|---:|---:|---:|---:|---:|---:|")
out += lines
out.append("")
met = [v for v in verdicts if v[1] >= GOAL]
missed = [v for v in verdicts if v[1] < GOAL]
out.append("Goal (>= %.0fx) met in %d of %d comparisons." % (GOAL, len(met), len(verdicts))
           + (" Missed: " + "; ".join("%s %.1fx" % m for m in missed) + "." if missed else ""))
out.append("")
out.append("- Wall = elapsed time around optimize(); CPU = CPU time of the whole process over the same span "
           "(for the JVM including its JIT compiler and GC threads). On a shared machine the wall time also "
           "counts time spent waiting for a core, so the CPU columns are the steadier comparison; the SQLite wall "
           "times also include waiting for the disk (Optuna's default SQLite journal fsyncs every commit).")
out.append("- Durability: Tunebook's SQLite storage runs in WAL mode with synchronous=NORMAL: every trial is committed "
           "before the next starts and survives the process being killed (tested with kill -9), but the last commits "
           "may be lost if the machine itself crashes. Optuna's default (rollback journal, synchronous=FULL) also survives "
           "a machine crash; the WAL rows compare Optuna with Tunebook's settings.")
out.append("- Raw results: one JSON line per run in bench/target/loop/raw.jsonl:")
out.append("")
out.append("```")
out += [json.dumps(r) for r in rows]
out.append("```")
out.append("")
out.append("Command: `%s`. Date: %s. Machine: %s." % (command, date, machine))
print("\n".join(out))
