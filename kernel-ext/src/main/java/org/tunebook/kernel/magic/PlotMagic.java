package org.tunebook.kernel.magic;

import org.tunebook.kernel.plot.ConvergenceChart;
import org.tunebook.study.Study;

import java.util.List;
import java.util.Set;

/** {@code %plot KIND [STUDY] [--width W] [--height H]}: a chart of a study, shown as PNG. */
public final class PlotMagic {
    static final String NAME = "%plot";
    static final String KINDS = "convergence, history, slice, contour, parallel, importance, intermediate, pareto, evaluations, objective";
    static final String USAGE = "%plot KIND [STUDY] [--width W] [--height H]";
    static final String HELP = USAGE + "\n"
            + "Draws a chart of a study (the current one by default).\n"
            + "  KIND          " + KINDS + "\n"
            + "                (convergence: each trial's value and the best so far; objective: partial dependence of a\n"
            + "                random-forest surrogate, as skopt's plot_objective; the others as Optuna's visualizations)\n"
            + "  --width W     pixels (default 800)\n"
            + "  --height H    pixels (default 450)\n"
            + "Example: %plot convergence";

    public Object run(List<String> args) throws MagicUsageException {
        MagicArgs a = MagicArgs.parse(NAME, args, Set.of("width", "height"), Set.of());
        if (a.help()) {
            System.out.println(HELP);
            return null;
        }
        if (a.positional().isEmpty()) {
            throw new MagicUsageException(NAME + ": name a plot kind (" + KINDS + "); usage: " + USAGE);
        }
        a.atMostPositional(NAME, 2, USAGE);
        String kind = a.positional().get(0).toLowerCase(java.util.Locale.ROOT);
        Study study = StudyArgs.study(NAME, a.positional().size() > 1 ? a.positional().get(1) : null);
        int width = a.positiveInt(NAME, "width", 800);
        int height = a.positiveInt(NAME, "height", 450);
        if (!kind.equals("convergence")) {
            return studyPlot(kind, a.positional().get(0), study);
        }
        if (study.isMultiObjective()) {
            throw new MagicUsageException(NAME + ": study '" + study.name() + "' has several objectives: convergence needs one");
        }
        var chart = ConvergenceChart.of("Convergence of " + study.name(), study.direction(), study.trials(), width, height);
        if (chart == null) {
            throw new MagicUsageException(NAME + ": study '" + study.name() + "' has no finished trial with a value yet ("
                    + study.describeCounts() + ")");
        }
        return chart;
    }

    /** The plots of org.tunebook.plots by kind; a plot that cannot be drawn says why in one line. */
    private static Object studyPlot(String kind, String given, Study study) throws MagicUsageException {
        if (study.trials().stream().noneMatch(t -> t.hasValue())) {
            throw new MagicUsageException(NAME + ": study '" + study.name() + "' has no finished trial with a value yet ("
                    + study.describeCounts() + ")");
        }
        try {
            return switch (kind) {
                case "history" -> org.tunebook.plots.Plots.history(study);
                case "slice" -> org.tunebook.plots.Plots.slice(study);
                case "contour" -> org.tunebook.plots.Plots.contour(study);
                case "parallel" -> org.tunebook.plots.Plots.parallelCoordinates(study);
                case "importance" -> org.tunebook.plots.Plots.importance(study);
                case "intermediate" -> org.tunebook.plots.Plots.intermediateValues(study);
                case "pareto" -> org.tunebook.plots.Plots.paretoFront(study);
                case "evaluations" -> org.tunebook.plots.Plots.evaluations(study);
                case "objective" -> org.tunebook.plots.Plots.objective(org.tunebook.plots.SurrogateResult.fromStudy(study));
                default -> throw new MagicUsageException(NAME + ": unknown plot kind '" + given + "'; use " + KINDS);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MagicUsageException(NAME + " " + kind + ": " + e.getMessage());
        }
    }
}
