"""Executes Tunebook's notebooks headless on the real JJava kernel (nbclient) and exports them (nbconvert).

Called by scripts/run-notebooks.sh, which builds the jars and fills the data cache first; run that instead.
Each notebook runs with its own folder (notebooks/) as the kernel's working directory, so its first cell
`%classpath target/lib/*.jar` finds the jars, and with TUNEBOOK_MODE=quick|full in the kernel's environment.
Writes OUT/NAME.ipynb (executed, with outputs), OUT/NAME.html and OUT/summary.json (mode, seconds, status and
the error of every notebook). Exit status 1 if any notebook failed, after running the others.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

KERNEL_NAME = os.environ.get("TUNEBOOK_KERNEL_NAME", "java")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the kernel colours its tracebacks


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("notebooks", nargs="+", help="notebook files (.ipynb)")
    p.add_argument("--mode", choices=["quick", "full"], default="quick")
    p.add_argument("--out", required=True, help="folder for the executed notebooks, HTML and summary.json")
    p.add_argument("--fresh", action="store_true",
                   help="delete the notebook's stored studies (studies/NNN-MODE/) first, so nothing is resumed")
    p.add_argument("--save-back", action="store_true",
                   help="also write each successfully executed notebook over its source (to commit its outputs)")
    p.add_argument("--cell-timeout", type=int, default=None,
                   help="seconds one cell may run (default 900 in quick mode, none in full mode)")
    return p.parse_args(argv)


def studies_dir(nb_path, mode):
    """The folder where a notebook keeps its SQLite studies and models: studies/NNN-MODE/ beside it."""
    number = nb_path.name.split("-", 1)[0]
    return nb_path.parent / "studies" / f"{number}-{mode}"


def first_error(nb):
    """(cell index, ename, evalue, traceback tail) of the first error output, or None."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                tb = ANSI.sub("", "\n".join(out.get("traceback", [])[-12:]))
                return i, out.get("ename", ""), out.get("evalue", ""), tb
    return None


def cell_source(nb, index):
    src = nb.cells[index].source
    lines = src.splitlines()
    return "\n".join(lines[:8]) + ("\n..." if len(lines) > 8 else "")


def run_one(nb_path, args, out_dir):
    nb = nbformat.read(str(nb_path), as_version=4)
    if nb.metadata.get("kernelspec", {}).get("name") != KERNEL_NAME:
        nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (jjava)", "language": "java"}
    if args.fresh:
        shutil.rmtree(studies_dir(nb_path, args.mode), ignore_errors=True)
    timeout = args.cell_timeout if args.cell_timeout is not None else (900 if args.mode == "quick" else None)
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=timeout, allow_errors=False,
                            startup_timeout=180, resources={"metadata": {"path": str(nb_path.parent)}})
    start = time.monotonic()
    status, message = "ok", None
    try:
        client.execute()
    except CellTimeoutError as e:
        status, message = "timeout", f"a cell ran longer than {timeout} s (--cell-timeout): {str(e).splitlines()[0]}"
    except DeadKernelError as e:
        status, message = "dead-kernel", f"the kernel died (out of memory?): {e}"
    except CellExecutionError:
        status = "error"
        err = first_error(nb)
        if err:
            i, ename, evalue, tb = err
            message = (f"cell {i} failed: {ename}: {evalue}\n--- cell {i} source ---\n{cell_source(nb, i)}"
                       f"\n--- traceback (end) ---\n{tb}")
        else:
            message = "a cell failed (no error output recorded)"
    seconds = time.monotonic() - start
    stem = nb_path.stem
    nbformat.write(nb, str(out_dir / f"{stem}.ipynb"))
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / f"{stem}.html").write_text(html, encoding="utf-8")
    if status == "ok" and args.save_back:
        nbformat.write(nb, str(nb_path))
    return {"notebook": nb_path.name, "mode": args.mode, "status": status, "seconds": round(seconds, 1),
            "error": message}


def main(argv):
    args = parse_args(argv)
    os.environ["TUNEBOOK_MODE"] = args.mode  # the kernel inherits it; notebooks read System.getenv("TUNEBOOK_MODE")
    out_dir = pathlib.Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary_path = out_dir / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    failed = []
    for name in args.notebooks:
        nb_path = pathlib.Path(name).resolve()
        if not nb_path.is_file():
            print(f"[run-notebooks] no notebook {name}: give paths such as notebooks/003-*.ipynb", file=sys.stderr)
            failed.append(name)
            continue
        print(f"[run-notebooks] {nb_path.name} ({args.mode} mode) ...", file=sys.stderr, flush=True)
        result = run_one(nb_path, args, out_dir)
        summary[nb_path.stem] = result
        summary_path.write_text(json.dumps(summary, indent=2, sort_keys=True))
        if result["status"] == "ok":
            print(f"[run-notebooks] {nb_path.name}: ok in {result['seconds']} s -> {out_dir / nb_path.stem}.html",
                  file=sys.stderr, flush=True)
        else:
            failed.append(nb_path.name)
            print(f"[run-notebooks] FAILED {nb_path.name} after {result['seconds']} s ({result['status']}): "
                  f"{result['error']}\n[run-notebooks] the executed notebook with the error is in "
                  f"{out_dir / nb_path.stem}.ipynb / .html", file=sys.stderr, flush=True)
    if failed:
        print(f"[run-notebooks] {len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
