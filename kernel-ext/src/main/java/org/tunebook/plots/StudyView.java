package org.tunebook.plots;

import org.tunebook.space.Distribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the study plots read from a study: its finished trials, their parameters and objective values. */
final class StudyView {
    final String name;
    final List<Direction> directions;
    final List<FrozenTrial> complete;
    final List<FrozenTrial> all;
    final List<Param> params;

    private StudyView(String name, List<Direction> directions, List<FrozenTrial> all) {
        this.name = name;
        this.directions = directions;
        this.all = all;
        this.complete = all.stream().filter(t -> t.state() == TrialState.COMPLETE && t.values().size() == directions.size()).toList();
        Map<String, Distribution> seen = new LinkedHashMap<>();
        for (FrozenTrial t : complete) t.distributions().forEach(seen::putIfAbsent);
        List<Param> ps = new ArrayList<>();
        seen.forEach((n, d) -> ps.add(new Param(n, d)));
        this.params = List.copyOf(ps);
    }

    static StudyView of(Study study) {
        if (study == null) throw new IllegalArgumentException("study is null: pass the Study to plot");
        return new StudyView(study.name(), study.directions(), study.trials(EnumSet.allOf(TrialState.class)));
    }

    static StudyView of(String name, List<Direction> directions, List<FrozenTrial> trials) {
        return new StudyView(name, directions, trials);
    }

    /** The study's single direction; names the fix when the study has several objectives. */
    Direction direction(String plot) {
        if (directions.size() != 1) {
            throw new IllegalArgumentException("study '" + name + "' has " + directions.size() + " objectives: "
                    + plot + " plots one objective; use Plots.paretoFront(study) or " + plot + "(study, objectiveIndex)");
        }
        return directions.get(0);
    }

    /** Complete trials, or an error naming the study and what it holds. */
    List<FrozenTrial> requireComplete(String plot, int atLeast) {
        if (complete.size() < atLeast) {
            throw new IllegalArgumentException("study '" + name + "' has " + complete.size() + " COMPLETE trial(s) out of " + all.size()
                    + ": " + plot + " needs at least " + atLeast + "; run more trials first (study.optimize(objective, n))");
        }
        return complete;
    }

    Param param(String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("study '" + this.name + "' has no parameter '" + name + "': its parameters are "
                + params.stream().map(Param::name).toList());
    }

    /** Trials (of the given list) that have a value for this parameter. */
    static List<FrozenTrial> with(List<FrozenTrial> trials, Param p) {
        return trials.stream().filter(t -> t.params().containsKey(p.name())).toList();
    }

    static double value(FrozenTrial t, int objective) {
        return t.values().get(objective);
    }

    String objectiveLabel(int objective) {
        if (directions.size() == 1) return "objective value";
        return "objective " + objective + " (" + directions.get(objective).name().toLowerCase() + ")";
    }
}
