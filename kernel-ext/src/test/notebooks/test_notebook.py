"""A test notebook executed top to bottom with nbclient on the real JJava kernel, then its outputs checked."""
import re

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME

CELLS = {
    "classpath": "%classpath {jar}",
    "kernel": "org.tunebook.kernel.Tunebook.install()",
    "chart": """import org.knowm.xchart.*;
var chart = new XYChartBuilder().width(500).height(300).title("squares").build();
chart.addSeries("x^2", new double[]{1, 2, 3, 4}, new double[]{1, 4, 9, 16});
chart""",
    "table": """import tech.tablesaw.api.*;
Table big = Table.create("big", IntColumn.create("i", java.util.stream.IntStream.range(0, 120).toArray()));
big""",
    "offset": "double offset = 2.0;",
    "search": """%%search random --trials 12 --seed 7 --study quad --storage sqlite:e2e.db --param x=real(-5,5) --param n=int(1,3) --param act=cat(relu,tanh)
double penalty = act.equals("relu") ? 0 : 0.5;
(x - offset) * (x - offset) + n + penalty""",
    "trials": "%trials --sort value --top 5",
    "plot": "%plot convergence",
    "load": "%study load quad --storage sqlite:e2e.db",
    "gp_search": """%%search gp --trials 6 --seed 1 --direction maximize --param u=real(0,1) --param k=int(1,3)
-(u - 0.3) * (u - 0.3) + 0.1 * k""",
    "gp_minimize": """import org.tunebook.skopt.*;
import org.tunebook.space.*;
Skopt.gpMinimize(p -> Math.pow(p.getDouble("v") - 1, 2), Space.of(Real.uniform("v", -2, 2)),
                 GpOptions.builder().nCalls(7).nInitialPoints(5).randomState(2L).build())""",
    "bad_param": """%%search random --trials 3 --param lr=real(1e-3,)
lr""",
    "bad_option": "%trials --sortt value",
    "bad_body": """%%search random --trials 3 --param x=real(0,1)
undefinedThing + x""",
    # JJava needs a body line after a cell magic's first line, even for --help
    "help": "%%search --help\n// the objective would go here",
}


def html_rows(html):
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr>")


@pytest.fixture(scope="module")
def executed(jar, tmp_path_factory):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java", "language": "java"}
    for key, src in CELLS.items():
        cell = nbformat.v4.new_code_cell(src.replace("{jar}", jar))
        cell.metadata["tags"] = [key]
        nb.cells.append(cell)
    workdir = tmp_path_factory.mktemp("notebook")
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=180, allow_errors=False,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    nbformat.write(nb, str(workdir / "executed.ipynb"))
    return {c.metadata["tags"][0]: c.outputs for c in nb.cells}


def data(outputs, mime):
    return [o["data"][mime] for o in outputs if o.get("output_type") in ("execute_result", "display_data") and mime in o.get("data", {})]


def stderr(outputs):
    return "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr")


def test_the_jar_installs_itself_into_jjava(executed):
    assert data(executed["kernel"], "text/plain") == ['JJava']


def test_chart_cell_has_png_html_and_text(executed):
    pngs = data(executed["chart"], "image/png")
    assert len(pngs) == 1 and pngs[0].startswith("iVBORw0KGgo")
    assert data(executed["chart"], "text/html")[0].startswith("<img src=\"data:image/png;base64,")
    assert data(executed["chart"], "text/plain") == ["XYChart 'squares' (1 series, 500x300)"]


def test_table_is_limited_to_50_rows_with_a_note(executed):
    html = data(executed["table"], "text/html")[0]
    assert html_rows(html) == 50
    assert "70 more rows (showing the first 50 of 120)" in html
    assert "addEventListener('click'" in html
    assert "70 more rows" in data(executed["table"], "text/plain")[0]


def test_search_shows_progress_and_the_study(executed):
    outs = executed["search"]
    progress = [o for o in outs if o.get("output_type") == "display_data" and "tunebook-progress" in o["data"].get("text/html", "")]
    assert len(progress) == 1, "one progress display, updated in place"
    final = progress[0]["data"]
    assert "done" in final["text/html"] and "12 / 12 trials" in final["text/html"], final["text/plain"]
    # a short run draws its final chart only within the display's time budget; else it says so
    assert "image/png" in final or "<code>%plot convergence</code> draws" in final["text/html"]
    summary = data(outs, "text/html")[-1]
    assert "<b>quad</b>" in summary and "12 COMPLETE" in summary
    assert data(outs, "image/png"), "study summary has a chart"


def test_search_with_the_gp_sampler_and_optimize_result(executed):
    summary = data(executed["gp_search"], "text/html")[-1]
    assert "6 COMPLETE" in summary and "gp" in summary and "maximize" in summary, summary[:500]
    result = executed["gp_minimize"]
    assert "tunebook-progress" in data(result, "text/html")[0], "gpMinimize shows live progress too"
    html = data(result, "text/html")[-1]
    assert "7 evaluations" in html and "<b>fun</b>" in html
    assert data(result, "image/png")[-1].startswith("iVBORw0KGgo")
    assert data(result, "text/plain")[-1].startswith("OptimizeResult(fun=")


def test_trials_magic_gives_top_5_sorted(executed):
    html = data(executed["trials"], "text/html")[0]
    assert html_rows(html) == 5
    header = re.findall(r"<th\b[^>]*>(.*?)</th>", html)
    assert header[:2] == ["number", "value"], header
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]
    values = [float(re.findall(r"<td[^>]*>(.*?)</td>", row)[1]) for row in rows]
    assert values == sorted(values), values


def test_plot_magic_gives_png(executed):
    assert data(executed["plot"], "image/png")[0].startswith("iVBORw0KGgo")


def test_study_load_reads_the_sqlite_study(executed):
    html = data(executed["load"], "text/html")[0]
    assert "12 COMPLETE" in html and "sqlite:" in html


@pytest.mark.parametrize("cell,message", [
    ("bad_param", "%%search: --param lr=real(1e-3,): empty value in 'lr=real(1e-3,)': remove the extra comma"),
    ("bad_option", "%trials: unknown option --sortt; known options: --asc, --desc, --help, --sort, --top"),
    ("bad_body", "line 1: cannot find symbol"),
])
def test_magic_mistakes_print_a_clear_message_without_a_stack_trace(executed, cell, message):
    err = stderr(executed[cell])
    assert message in err, err
    assert "Exception" not in err and "\tat " not in err, err
    assert not [o for o in executed[cell] if o.get("output_type") == "error"]


def test_help_text(executed):
    out = "".join(o.get("text", "") for o in executed["help"] if o.get("output_type") == "stream")
    assert out.startswith("%%search SAMPLER [--trials N]") and "--param SPEC" in out
