package org.tunebook.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunebook.storage.Storage;
import org.tunebook.storage.StudyInfo;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Studies;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

@Command(name = "studies", mixinStandardHelpOptions = true, description = "Lists the studies of a storage with their trial counts and best values.")
final class StudiesCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    StorageOption storage = new StorageOption();

    StudiesCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (Storage st = storage.openExisting()) {
            List<StudyInfo> infos = Studies.list(st);
            if (infos.isEmpty()) {
                io.out().println("no studies in " + st.url());
                return 0;
            }
            StringColumn name = StringColumn.create("study");
            StringColumn direction = StringColumn.create("direction");
            IntColumn total = IntColumn.create("trials");
            List<IntColumn> byState = new ArrayList<>();
            for (TrialState s : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING)) {
                byState.add(IntColumn.create(s.name().toLowerCase(java.util.Locale.ROOT)));
            }
            StringColumn best = StringColumn.create("best");
            for (StudyInfo info : infos) {
                Study study = Studies.load(info.name(), st);
                List<FrozenTrial> trials = study.trials();
                Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
                for (FrozenTrial t : trials) counts.merge(t.state(), 1, Integer::sum);
                name.append(info.name());
                direction.append(info.directions().stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).reduce((a, b) -> a + "," + b).orElse(""));
                total.append(trials.size());
                int k = 0;
                for (TrialState s : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING)) {
                    byState.get(k++).append(counts.getOrDefault(s, 0));
                }
                best.append(study.isMultiObjective() ? study.bestTrials().size() + " on the Pareto front"
                        : study.bestTrialIfAny().map(b -> TextTable.cell(b.value()) + " (trial " + b.number() + ")").orElse(""));
            }
            Table t = Table.create("studies", name, direction, total);
            for (IntColumn c : byState) t.addColumns(c);
            t.addColumns(best);
            io.out().print(TextTable.render(t, List.of(), null));
            return 0;
        }
    }
}
