"""Writes bench/results/gp.md from the CSVs of bench/run-gp.sh (GpBench and gp_skopt.py, same columns)."""
import csv
import statistics
import sys
from collections import defaultdict

FUNCS = ["branin", "hartmann6", "rosenbrock4", "ackley5", "mixed"]


def read(path):
    with open(path) as fh:
        return list(csv.DictReader(fh))


def fmt(v):
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return "%.0f" % v
    return "%.3g" % v


def main(regret_csvs, overhead_csvs, out, header):
    rows = [r for p in regret_csvs for r in read(p)]
    reg = defaultdict(list)
    secs = defaultdict(list)
    for r in rows:
        reg[(r["impl"], r["function"])].append(float(r["value"]))
        secs[(r["impl"], r["function"])].append(float(r["seconds"]))
    lines = [header, ""]
    lines.append("### Final regret after the run (median over seeds; lower is better)")
    lines.append("")
    lines.append("| function | Tunebook gpMinimize EI | scikit-optimize gp_minimize EI | Tunebook / skopt | Tunebook lower in % of run pairs | seeds (Tunebook / skopt) | run time per seed, s (Tunebook / skopt) |")
    lines.append("|---|---|---|---|---|---|---|")
    for f in FUNCS:
        t, s = reg.get(("tunebook", f), []), reg.get(("skopt", f), [])
        if not t or not s:
            continue
        mt, ms = statistics.median(t), statistics.median(s)
        ratio = "%.2g" % (mt / ms) if ms > 0 else "-"
        # every Tunebook run against every scikit-optimize run (seeds mean different draws in the two libraries);
        # ties count half: the Mann-Whitney probability that a Tunebook run ends lower
        pairs = [(a < b) + 0.5 * (a == b) for a in t for b in s]
        share = 100.0 * sum(pairs) / len(pairs)
        lines.append("| %s | %s | %s | %s | %.0f%% | %d / %d | %.1f / %.1f |" % (
            f, fmt(mt), fmt(ms), ratio, share, len(t), len(s),
            statistics.median(secs[("tunebook", f)]), statistics.median(secs[("skopt", f)])))
    lines.append("")
    compared = [f for f in FUNCS if reg.get(("tunebook", f)) and reg.get(("skopt", f))]

    def share(f):
        t, s = reg[("tunebook", f)], reg[("skopt", f)]
        return sum((a < b) + 0.5 * (a == b) for a in t for b in s) / (len(t) * len(s))

    lower = [f for f in compared if statistics.median(reg[("tunebook", f)]) < statistics.median(reg[("skopt", f)])]
    clear = [f for f in lower if share(f) >= 0.6]
    close = [f for f in compared if f not in clear and 0.4 < share(f) < 0.6]
    worse = [f for f in compared if f not in clear and f not in close]
    lines.append("Summary: Tunebook's median final regret is lower than scikit-optimize's on %d of %d functions; clearly lower "
                 "(a Tunebook run ends lower in at least 60%% of run pairs) on %s; no clear difference on %s; worse on %s." % (
                     len(lower), len(compared), ", ".join(clear) or "none", ", ".join(close) or "none", ", ".join(worse) or "none"))
    lines.append("")
    lines.append("Quartiles of the final regret (25% / 50% / 75%):")
    lines.append("")
    lines.append("| function | Tunebook | scikit-optimize |")
    lines.append("|---|---|---|")
    for f in FUNCS:
        t, s = reg.get(("tunebook", f), []), reg.get(("skopt", f), [])
        if not t or not s:
            continue
        q = lambda v: " / ".join(fmt(x) for x in statistics.quantiles(v, n=4, method="inclusive")) if len(v) > 1 else fmt(v[0])
        lines.append("| %s | %s | %s |" % (f, q(t), q(s)))
    lines.append("")
    orows = [r for p in overhead_csvs for r in read(p)]
    if orows:
        cpu = defaultdict(list)
        wall = defaultdict(list)
        for r in orows:
            n = int(r["n"])
            base = n - (n % 100) if n % 100 < 50 else n
            cpu[(r["impl"], r["function"], base)].append(float(r["cpu_seconds"]))
            wall[(r["impl"], r["function"], base)].append(float(r["seconds"]))
        lines.append("### Optimizer overhead per call at n observations (ask + tell, objective excluded)")
        lines.append("")
        lines.append("CPU seconds of the thread that runs the optimizer (BLAS pinned to one thread for numpy); wall-clock seconds "
                     "in brackets. *Cold* is Tunebook's first GP call on n random observations: a full kernel fit with 2 restarts "
                     "and no warm start, the work scikit-optimize does on every call. *Cycle* is the mean over the next 10 calls, "
                     "one cycle of Tunebook's refit schedule (one refit with restarts, one from the warm start, eight O(n^2) "
                     "Cholesky extensions with the kernel kept). scikit-optimize: mean over its calls (each refits from scratch).")
        lines.append("")
        lines.append("| function | n | Tunebook cold | Tunebook cycle mean | scikit-optimize | skopt / Tunebook cold | skopt / Tunebook cycle |")
        lines.append("|---|---|---|---|---|---|---|")
        sizes = sorted({k[2] for k in cpu})
        cyc, cold = [], []
        for f in FUNCS:
            for n in sizes:
                c, st, sk = cpu.get(("tunebook-cold", f, n)), cpu.get(("tunebook-steady", f, n)), cpu.get(("skopt", f, n))
                if not sk or not c or not st:
                    continue
                mc, mst, msk = statistics.mean(c), statistics.mean(st), statistics.mean(sk)
                wc, wst, wsk = (statistics.mean(wall[(i, f, n)]) for i in ("tunebook-cold", "tunebook-steady", "skopt"))
                lines.append("| %s | %d | %.3f (%.2f) | %.3f (%.2f) | %.2f (%.1f) | %.0fx (%.0fx) | %.0fx (%.0fx) |" % (
                    f, n, mc, wc, mst, wst, msk, wsk, msk / mc, wsk / wc, msk / mst, wsk / wst))
                cyc.append(msk / mst)
                cold.append(msk / mc)
        lines.append("")
        if cyc:
            lines.append("Summary (CPU time): scikit-optimize / Tunebook is %.0fx-%.0fx over a refit cycle (at least 20x in %d of %d cases) "
                         "and %.0fx-%.0fx on the cold first call." % (min(cyc), max(cyc), sum(c >= 20 for c in cyc), len(cyc), min(cold), max(cold)))
            lines.append("")
    with open(out, "w") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    # gp_report.py OUT HEADER_FILE --regret a.csv b.csv --overhead c.csv d.csv
    args = sys.argv[1:]
    out, header = args[0], open(args[1]).read().rstrip()
    i = args.index("--regret")
    j = args.index("--overhead")
    main(args[i + 1:j], args[j + 1:], out, header)
