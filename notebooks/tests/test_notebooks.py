"""Every notebooks/[0-9]*.ipynb executed top to bottom in quick mode by scripts/run-notebooks.sh (the real JJava
kernel), then its key outputs checked: no error, inline PNG plots, tables with rows, and the figures listed in
EXPECTATIONS within range.

Adding a notebook: it is picked up automatically (generic checks); add an entry keyed by its number to
EXPECTATIONS with the tables it must show and the numbers it must print. Run one notebook's tests with
`NOTEBOOKS=003 pytest notebooks/tests` (the runner then executes only notebooks whose name starts with 003).
"""
import json
import os
import pathlib
import re
import subprocess

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"


def selected_notebooks():
    prefixes = [p for p in os.environ.get("NOTEBOOKS", "").replace(",", " ").split() if p]
    found = sorted(NOTEBOOK_DIR.glob("[0-9]*.ipynb"))
    return [p for p in found if not prefixes or any(p.name.startswith(x) for x in prefixes)]


NOTEBOOKS = selected_notebooks()


class Number:
    """A number printed in the notebook's text output (group 1 of `pattern`) that must lie in [low, high]."""

    def __init__(self, pattern, low, high, what):
        self.pattern, self.low, self.high, self.what = pattern, low, high, what

    def check(self, nb):
        text = stream_text(nb) + plain_text(nb)
        found = re.findall(self.pattern, text)
        assert found, f"{self.what}: no output matches {self.pattern!r}"
        value = float(found[-1])
        assert self.low <= value <= self.high, f"{self.what} = {value}, expected in [{self.low}, {self.high}]"


class TableRows:
    """A rendered table whose title contains `title`, with at least `min_rows` (and at most `max_rows`) rows."""

    def __init__(self, title, min_rows, max_rows=None):
        self.title, self.min_rows, self.max_rows = title, min_rows, max_rows

    def check(self, nb):
        rows = {t: n for t, n in tables(nb) if self.title in t}
        assert rows, f"no table titled '{self.title}'; tables: {[t for t, _ in tables(nb)]}"
        n = max(rows.values())
        assert n >= self.min_rows, f"table '{self.title}' has {n} rows, expected >= {self.min_rows}"
        if self.max_rows is not None:
            assert n <= self.max_rows, f"table '{self.title}' has {n} rows, expected <= {self.max_rows}"


# Quick-mode expectations per notebook number (generic checks apply to every notebook anyway).
EXPECTATIONS = {
    "000": [
        TableRows("Optuna results, 25 best (quick mode)", 3, 3),    # 3 quick trials, sorted by validation loss
        TableRows("000 (quick mode)", 5, 5),                        # figures next to the tutorial's
        # quick mode: 700 calibration images, 2 epochs, Adam 0.001 (measured: best validation loss 2.165, ensemble
        # accuracy 0.570 and balanced 0.559 on 500 test images; untrained networks: loss ~2.30, accuracy ~0.1)
        Number(r"best validation loss ([0-9.]+)", 1.0, 2.28, "best trial's validation loss"),
        Number(r"(\d+) models accepted", 3, 3, "models in the thresholded ensemble"),
        Number(r"balanced accuracy score = ([0-9.]+)", 0.3, 0.7, "ensemble balanced accuracy"),
        Number(r"\naccuracy score = ([0-9.]+)", 0.3, 0.7, "ensemble accuracy"),
    ],
    "001": [
        TableRows("starter-experiment (25 COMPLETE)", 15, 15),      # %trials --top 15 after the first 25 trials
        TableRows("trials of the two processes", 12, 12),           # 6 by the notebook + 6 by the second JVM
        TableRows("001 (quick mode)", 5, 5),
        Number(r"Validation accuracy:  ([0-9.]+)", 0.7, 0.95, "baseline decision tree"),
        Number(r"Performance:  ([0-9.]+)", 0.95, 1.0, "best model refitted"),
        Number(r"second process exit code (-?\d+)", 0, 0, "second worker process"),
        Number(r"trials before: \d+, after: (\d+)", 28, 28, "resumed study: 25 + 3 trials"),
        Number(r"(\d+) trials on the Pareto front", 3, 203, "multi-objective Pareto front"),
        Number(r"(\d+) PRUNED", 1, 11, "median pruner"),
    ],
    "002": [
        TableRows("sorted(zip(func_vals, x_iters))", 5, 5),         # 5 quick calls
        TableRows("002 (quick mode)", 6, 6),
        # quick mode: 1,200 training images, 1 epoch (measured: 0.412 and 0.668; an untrained network scores ~0.1)
        Number(r"Acc :  ([0-9.]+)", 0.3, 0.6, "first guess (0.001, 1, 12)"),
        Number(r"It got an accuracy of : ([0-9.]+)", 0.55, 0.85, "best test accuracy"),
    ],
    "003": [
        TableRows("grid (8 COMPLETE)", 8, 8),                       # %trials on the 8-point quick sub-grid
        TableRows("sorted(zip(func_vals, x_iters))", 6, 6),         # gp_minimize, 6 quick calls
        TableRows("logbook", 4, 4),                                 # gen 0..3
        TableRows("Summary (quick mode)", 3, 3),                    # grid / BO / GA comparison
        # quick mode: 10,000 training images, 1 epoch; GA on 4,000 images, 3 epochs (measured: 0.908, 85.52 %, 0.858;
        # an untrained network scores ~0.1)
        Number(r"The maximum accuracy is ([0-9.]+)", 0.85, 0.95, "grid best test accuracy"),
        Number(r"best accuracy was ([0-9.]+)%", 75.0, 95.0, "gp_minimize best validation accuracy (%)"),
        Number(r"'accuracy' = ([0-9.]+)", 0.75, 0.95, "GA best 5-fold accuracy"),
    ],
    "004": [
        TableRows("sorted(zip(func_vals, x_iters))", 8, 8),         # 8 quick calls
        TableRows("gp (8 COMPLETE)", 8, 8),                         # %trials
        # quick mode: 6,000 training images, 2 epochs (measured: x0 0.854, best 0.875)
        Number(r"Test accuracy : ([0-9.]+)", 0.83, 0.95, "reloaded best model's test accuracy"),
        Number(r"Test loss : ([0-9.]+)", 0.2, 0.7, "reloaded best model's test loss"),
        Number(r"Accuracy: ([0-9.]+)", 0.0, 1.0, "per-trial log accuracy"),
        Number(r"(?m)^-(0\.[0-9]+)$", 0.8, 0.92, "fitness(0.01, 3, 16, relu), the cell's value -accuracy"),
    ],
}


def outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def stream_text(nb):
    return "".join(o.get("text", "") for o in outputs(nb) if o.get("output_type") == "stream")


def plain_text(nb):
    return "\n".join(o["data"].get("text/plain", "") for o in outputs(nb)
                     if o.get("output_type") in ("execute_result", "display_data"))


def mime(nb, kind):
    return [o["data"][kind] for o in outputs(nb)
            if o.get("output_type") in ("execute_result", "display_data") and kind in o.get("data", {})]


def tables(nb):
    """(title, number of body rows) of every table rendered by Tunebook (kernel-ext's HTML tables)."""
    found = []
    for html in mime(nb, "text/html"):
        if "tunebook-table" not in html or "<tbody>" not in html:
            continue
        title = re.search(r'margin:2px 0">(.*?)</div>', html)
        body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        found.append((title.group(1) if title else "", body.count("<tr")))
    return found


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """Runs the selected notebooks once (quick mode, fresh studies) and returns {stem: (summary, notebook)}."""
    if not NOTEBOOKS:
        pytest.skip("no notebooks/[0-9]*.ipynb selected")
    out = tmp_path_factory.mktemp("notebooks-out")
    cmd = ["bash", str(ROOT / "scripts" / "run-notebooks.sh"), "--fresh", "--out", str(out)]
    if os.environ.get("TUNEBOOK_NOTEBOOKS_BUILD", "0") != "1":
        cmd.append("--no-build")      # scripts/test.d/60-notebooks.sh builds the jars first
    proc = subprocess.run(cmd + [str(p) for p in NOTEBOOKS], capture_output=True, text=True)
    print(proc.stderr[-4000:])
    summary = json.loads((out / "summary.json").read_text()) if (out / "summary.json").exists() else {}
    result = {}
    for p in NOTEBOOKS:
        f = out / f"{p.stem}.ipynb"
        result[p.stem] = (summary.get(p.stem), nbformat.read(str(f), as_version=4) if f.exists() else None)
    result["_stderr"] = proc.stderr
    return result


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_in_quick_mode_without_error(executed, path):
    summary, nb = executed[path.stem]
    assert summary is not None and nb is not None, f"{path.name} was not run:\n{executed['_stderr'][-3000:]}"
    assert summary["mode"] == "quick"
    assert summary["status"] == "ok", f"{path.name}: {summary['error']}"
    errors = [o for o in outputs(nb) if o.get("output_type") == "error"]
    assert not errors, errors[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_starts_with_the_shared_classpath_cell(path):
    nb = nbformat.read(str(path), as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert first_code.source.strip() == "%classpath target/lib/*.jar", first_code.source
    assert nb.metadata["kernelspec"]["name"] == "java"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_comment_before_an_import_line(path):
    """JJava 1.0a8 drops an import snippet that a new one overwrites, and JShell then resets (to null) the variables
    declared since: `// comment\nimport java.util.*;` overwrites the kernel's startup `import java.util.*;` (the
    source differs), so MODE and STUDIES of the mode cell became null in 002. Comments go after the imports."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        lines = [line.strip() for line in cell.source.splitlines()]
        imports = [j for j, line in enumerate(lines) if line.startswith("import ")]
        if not imports:
            continue
        before = [line for line in lines[:imports[-1]] if line and not line.startswith("import ")]
        assert not before, (f"cell {i}: {before[0]!r} comes before an import line: put comments after the imports "
                            "(notebooks/README.md, convention 8)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_shows_png_plots_and_tables_with_rows(executed, path):
    _, nb = executed[path.stem]
    assert nb is not None
    pngs = mime(nb, "image/png")
    assert pngs and all(p.startswith("iVBORw0KGgo") for p in pngs), "no inline PNG plot"
    assert any(rows > 0 for _, rows in tables(nb)), f"no table with rows: {tables(nb)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_figures_in_range(executed, path):
    _, nb = executed[path.stem]
    assert nb is not None
    number = path.name.split("-", 1)[0]
    for expectation in EXPECTATIONS.get(number, []):
        expectation.check(nb)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_outputs_name_no_absolute_path_of_this_machine(executed, path):
    _, nb = executed[path.stem]
    assert nb is not None
    text = stream_text(nb) + plain_text(nb)
    assert str(ROOT) not in text, "an output shows a path of this machine: print paths relative to the notebook"
