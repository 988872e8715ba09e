package org.tunebook.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunebook.storage.Storage;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "best", mixinStandardHelpOptions = true, description = "Shows the best trial of a study: its number, value and parameters.")
final class BestCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
    String studyName;

    @Mixin
    StorageOption storage = new StorageOption();

    BestCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (Storage st = storage.openExisting()) {
            Study study = StudyLookup.load(studyName, st);
            if (study.isMultiObjective()) {
                io.out().println("study '" + study.name() + "' has " + study.directions().size() + " objectives; its Pareto front:");
                for (FrozenTrial t : study.bestTrials()) io.out().println("  trial " + t.number() + " values=" + t.values() + " " + Progress.params(t.params()));
                return 0;
            }
            Optional<FrozenTrial> best = study.bestTrialIfAny();
            if (best.isEmpty()) {
                io.err().println("study '" + study.name() + "' has no COMPLETE trial yet (" + study.describeCounts() + ")");
                return 1;
            }
            FrozenTrial b = best.get();
            io.out().println("best trial " + b.number() + " of study '" + study.name() + "' (" + study.direction().name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + study.describeCounts() + ")");
            io.out().println("  value = " + b.value());
            b.params().forEach((k, v) -> io.out().println("  " + k + " = " + CommandObjective.format(v)));
            return 0;
        }
    }
}
