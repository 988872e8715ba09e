"""Writes bench/results/storage.md from the JSON lines of StorageBench (Tunebook) and storage_optuna.py (Optuna).

    python storage_report.py RESULTS.jsonl COMMAND MACHINE_NOTE > bench/results/storage.md
"""
import datetime
import json
import sys


def fmt(r):
    return f'{r["trials_per_s"]:.1f}' if r else "n/a"


def ratio(a, b):
    return a["trials_per_s"] / b["trials_per_s"] if a and b else None


def main():
    path, command, machine = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    by = {(r["impl"], r["storage"], r["workers"], r["per_worker"]): r for r in rows}
    storages = []
    for r in rows:
        if r["impl"] == "optuna" and r["storage"] not in storages:
            storages.append(r["storage"])
    equal = max({r["per_worker"] for r in rows if r["impl"] == "optuna"})
    longer = max({r["per_worker"] for r in rows if r["impl"] == "tunebook"})
    out = ["# Storage throughput: trivial trials with several worker processes on one study", ""]
    out.append(
        "Each worker is a separate process (a JVM for Tunebook, a Python process for Optuna 5.0.0 with its RDB "
        "storage: SQLAlchemy, psycopg2) running `optimize` with a random sampler on an objective of two parameters "
        "(`x` float, `n` int; returns x^2 + n), all sharing one study. Throughput = all trials / (last worker's end - "
        "first worker's start of optimize), so JVM start-up and Python imports are excluded, but JIT warm-up is "
        "not. PostgreSQL: one private server (default settings, fsync on) used by both, each library in its own "
        "database; SQLite: one file per library. Every run checks that the study ends with exactly workers x trials "
        "COMPLETE trials. Both libraries run "
        f"{equal} trials per worker; Tunebook also runs {longer} per worker, where the JVM's warm-up weighs less "
        "(Optuna, in Python, has no JIT warm-up to amortize).")
    out.append("")
    ratios = []
    for st in storages:
        out.append(f"## {st}")
        out.append("")
        out.append(f"| workers | Optuna trials/s ({equal}/worker) | Tunebook trials/s ({equal}/worker) | ratio "
                   f"| Tunebook trials/s ({longer}/worker) | ratio |")
        out.append("|---:|---:|---:|---:|---:|---:|")
        for w in sorted({r["workers"] for r in rows if r["storage"] == st}):
            o = by.get(("optuna", st, w, equal))
            t1 = by.get(("tunebook", st, w, equal))
            t2 = by.get(("tunebook", st, w, longer))
            r1, r2 = ratio(t1, o), ratio(t2, o)
            ratios += [(x, st, w, n) for x, n in ((r1, equal), (r2, longer)) if x]
            out.append(f"| {w} | {fmt(o)} | {fmt(t1)} | {f'{r1:.1f}x' if r1 else 'n/a'} | {fmt(t2)} | "
                       f"{f'{r2:.1f}x' if r2 else 'n/a'} |")
        out.append("")
    extra = [r for r in rows if r["impl"] == "tunebook" and r["storage"] not in storages]
    if extra:
        out.append("## Tunebook with heartbeats (no Optuna counterpart run)")
        out.append("")
        out.append("| storage | workers | trials per worker | trials/s |")
        out.append("|---|---:|---:|---:|")
        for r in extra:
            out.append(f'| {r["storage"]} | {r["workers"]} | {r["per_worker"]} | {r["trials_per_s"]:.1f} |')
        out.append("")
    if ratios:
        lo, hi = min(ratios), max(ratios)
        met = [x for x in ratios if x[0] >= 10]
        out.append(f"Goal: at least 10x Optuna's trials per second. Ratios measured: {lo[0]:.1f}x ({lo[1]}, {lo[2]} "
                   f"workers, {lo[3]}/worker) to {hi[0]:.1f}x ({hi[1]}, {hi[2]} workers, {hi[3]}/worker); the goal "
                   f"is met in {len(met)} of {len(ratios)} comparisons.")
        out.append("")
    out.append(f"Command: `{command}`")
    out.append("")
    out.append(f"Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}. Machine: {machine}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
