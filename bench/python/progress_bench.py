"""Cost of Tunebook's live progress display in a real JJava kernel, with Optuna's progress bar beside it.

A 2,000-trial study of a trivial objective (x^2, random sampler, in-memory storage) is timed inside the
kernel with the live display on and off, alternating, after warm-up runs; the update_display_data
messages each run sends are counted on the client side. The anchor is Optuna's show_progress_bar (tqdm)
on the same study shape in this Python process. Writes a Markdown table to the path given.
"""
import contextlib
import io
import os
import pathlib
import platform
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

TRIALS = 2000
WARMUP = 2
RUNS = 9


def kernel_cell(kc, code, timeout=600):
    msg_id = kc.execute(code)
    updates = 0
    charts = 0
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "update_display_data":
            updates += 1
            charts += "image/png" in msg["content"]["data"]
        elif kind == "execute_result":
            result = msg["content"]["data"]["text/plain"]
        elif kind == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            return result, (updates, charts)


def tunebook(jar):
    km, kc = start_new_kernel(kernel_name="java", startup_timeout=120, cwd=tempfile.mkdtemp())
    try:
        kernel_cell(kc, f"%classpath {jar}")
        kernel_cell(kc, """
import org.tunebook.study.*;
import org.tunebook.sampler.*;
int benchRun = 0;
double timeStudy(boolean progress, int sleepMs) {
    Study s = Study.builder("bench-" + (benchRun++)).minimize().sampler(new RandomSampler((long) benchRun)).create();
    long t0 = System.nanoTime();
    s.optimize(t -> { double x = t.suggestFloat("x", -5, 5); if (sleepMs > 0) Thread.sleep(sleepMs); return x * x; },
               OptimizeOptions.trials(%d).withProgress(progress));
    return (System.nanoTime() - t0) / 1e6;
}
""" % TRIALS)
        out = {}
        for sleep_ms in (0, 1):
            times = {True: [], False: []}
            updates = {True: [], False: []}
            for i in range(WARMUP + RUNS):
                for progress in (False, True) if i % 2 == 0 else (True, False):
                    ms, n = kernel_cell(kc, f"timeStudy({str(progress).lower()}, {sleep_ms})")
                    if i >= WARMUP:
                        times[progress].append(float(ms))
                        updates[progress].append(n)
            out[sleep_ms] = (times, updates)
        return out
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def optuna_anchor():
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    times = {True: [], False: []}

    def run(progress, seed):
        study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed))
        sink = io.StringIO()
        with contextlib.redirect_stderr(sink):
            t0 = time.perf_counter()
            study.optimize(lambda t: t.suggest_float("x", -5, 5) ** 2, n_trials=TRIALS, show_progress_bar=progress)
            return (time.perf_counter() - t0) * 1000

    for i in range(WARMUP + RUNS):
        for progress in (False, True) if i % 2 == 0 else (True, False):
            ms = run(progress, i)
            if i >= WARMUP:
                times[progress].append(ms)
    return times, optuna.__version__


def main():
    jar, out = sys.argv[1], pathlib.Path(sys.argv[2])
    tb = tunebook(jar)
    op_times, op_version = optuna_anchor()
    med = statistics.median
    op_off, op_on = med(op_times[False]), med(op_times[True])
    lines = [
        f"Live progress cost: {TRIALS:,} trials, random sampler, in-memory storage; median of {RUNS} runs "
        f"each after {WARMUP} warm-up pairs, display on/off alternating, timed inside the kernel around optimize(). "
        f"{os.cpu_count()} CPUs (shared; load average {os.getloadavg()[0]:.1f} at the end), "
        f"{platform.python_implementation()} {platform.python_version()}.",
        "",
        "| run | display off, median (min) ms | display on, median (min) ms | on / off (medians) | on / off (mins) | messages per run (display on) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    per_run = []
    for sleep_ms, label in ((0, "x^2"), (1, "x^2 + sleep 1 ms")):
        times, updates = tb[sleep_ms]
        off, on = med(times[False]), med(times[True])
        ups = [u for u, _ in updates[True]]
        charts = [c for _, c in updates[True]]
        lo_off, lo_on = min(times[False]), min(times[True])
        lines.append(f"| Tunebook in JJava, objective {label} | {off:.0f} ({lo_off:.0f}) | {on:.0f} ({lo_on:.0f}) | {on / off:.3f} | {lo_on / lo_off:.3f} | "
                     f"1 display + {min(ups)}-{max(ups)} updates, {min(charts)}-{max(charts)} with a chart |")
        per_run.append(f"Tunebook {label}: off " + ", ".join(f"{t:.0f}" for t in times[False])
                       + "; on " + ", ".join(f"{t:.0f}" for t in times[True]) + ".")
    lo_off, lo_on = min(op_times[False]), min(op_times[True])
    lines.append(f"| Optuna {op_version} (show_progress_bar, tqdm to stderr), objective x^2 | {op_off:.0f} ({lo_off:.0f}) | "
                 f"{op_on:.0f} ({lo_on:.0f}) | {op_on / op_off:.3f} | {lo_on / lo_off:.3f} | a tqdm refresh per trial |")
    per_run.append("Optuna: off " + ", ".join(f"{t:.0f}" for t in op_times[False])
                   + "; on " + ", ".join(f"{t:.0f}" for t in op_times[True]) + ".")
    lines += ["", "Per-run times (ms). " + " ".join(per_run)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
