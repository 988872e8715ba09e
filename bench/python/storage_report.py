"""Writes bench/results/storage.md from the JSON lines of StorageBench (Tunebook) and storage_optuna.py (Optuna).

    python storage_report.py RESULTS.jsonl COMMAND MACHINE_NOTE > bench/results/storage.md
"""
import datetime
import json
import sys


def main():
    path, command, machine = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    by = {(r["impl"], r["storage"], r["workers"]): r for r in rows}
    storages = []
    for r in rows:
        if r["impl"] == "optuna" and r["storage"] not in storages:
            storages.append(r["storage"])
    out = ["# Storage throughput: trivial trials with several worker processes on one study", ""]
    out.append("Each worker is a separate process (a JVM for Tunebook, a Python process for Optuna 5.0.0) running "
               "`optimize` with a random sampler on an objective of two parameters (`x` float, `n` int; "
               "returns x^2 + n), all sharing one study. Throughput = all trials / (last worker's end - first "
               "worker's start of optimize), so JVM start-up and Python imports are excluded. PostgreSQL is one "
               "private PostgreSQL server (default durability settings: fsync on) used by both, each in its own database; SQLite is one "
               "file per library. Every run checks that the study ends with exactly workers x trials COMPLETE trials.")
    out.append("")
    ratios = []
    for st in storages:
        out.append(f"## {st}")
        out.append("")
        out.append("| workers | trials | Tunebook trials/s | Optuna trials/s | Tunebook / Optuna |")
        out.append("|---:|---:|---:|---:|---:|")
        workers = sorted({r["workers"] for r in rows if r["storage"] == st})
        for w in workers:
            t, o = by.get(("tunebook", st, w)), by.get(("optuna", st, w))
            ratio = t["trials_per_s"] / o["trials_per_s"] if t and o else None
            if ratio:
                ratios.append((ratio, st, w))
            out.append("| {} | {} | {} | {} | {} |".format(
                w, t["trials"] if t else (o["trials"] if o else ""),
                f'{t["trials_per_s"]:.1f}' if t else "n/a", f'{o["trials_per_s"]:.1f}' if o else "n/a",
                f"{ratio:.1f}x" if ratio else "n/a"))
        out.append("")
    extra = [r for r in rows if r["impl"] == "tunebook" and r["storage"] not in storages]
    if extra:
        out.append("## Tunebook variants (no Optuna counterpart run)")
        out.append("")
        out.append("| storage | workers | trials | trials/s |")
        out.append("|---|---:|---:|---:|")
        for r in extra:
            out.append(f'| {r["storage"]} | {r["workers"]} | {r["trials"]} | {r["trials_per_s"]:.1f} |')
        out.append("")
    if ratios:
        lo = min(ratios)
        out.append(f"Goal: at least 10x Optuna's trials per second. Smallest ratio measured: {lo[0]:.1f}x "
                   f"({lo[1]}, {lo[2]} workers); {'met' if lo[0] >= 10 else 'NOT met'} in every configuration"
                   f"{'' if lo[0] >= 10 else ' (see the table)'}.")
        out.append("")
    out.append(f"Command: `{command}`")
    out.append("")
    out.append(f"Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}. Machine: {machine}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
