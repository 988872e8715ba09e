package org.tunebook.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "trials", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the trials of a study as a table (the columns of Optuna's trials_dataframe), optionally sorted, cut and saved as CSV.")
final class TrialsCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
    String studyName;

    @Mixin
    StorageOption storage = new StorageOption();

    @Option(names = "--sort", paramLabel = "COLUMN", description = "Order rows by a column: value (best first), number, duration, state, "
            + "a parameter name (or params_NAME), ...; a leading '-' reverses. Missing values come last.")
    String sort;

    @Option(names = "--top", paramLabel = "K", description = "Show only the first K rows (after sorting).")
    Integer top;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows shown to a CSV file.")
    Path csv;

    TrialsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (top != null && top < 1) throw UsageError.of("--top", "must be at least 1, got " + top);
        try (Storage st = storage.openExisting()) {
            Study study = StudyLookup.load(studyName, st);
            List<FrozenTrial> trials = study.trials();
            Table table = TrialsTable.of(study, trials);
            if (sort != null) table = sort(table, study);
            if (top != null && top < table.rowCount()) table = table.first(top);
            List<List<String>> reasons = failReasons(table, trials);
            boolean anyReason = reasons.stream().anyMatch(r -> !r.get(0).isEmpty());
            io.out().print(TextTable.render(table, anyReason ? List.of("fail_reason") : List.of(), anyReason ? reasons : null));
            io.out().println("(" + table.rowCount() + " of " + trials.size() + " trials of study '" + study.name() + "', "
                    + study.directions().stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).reduce((a, b) -> a + "," + b).orElse("") + ")");
            if (csv != null) {
                try {
                    if (csv.toAbsolutePath().getParent() != null) java.nio.file.Files.createDirectories(csv.toAbsolutePath().getParent());
                    table.write().csv(csv.toFile());
                } catch (java.io.IOException | RuntimeException e) {
                    throw UsageError.of("--csv " + csv, "cannot write it: " + e.getMessage());
                }
                io.out().println("wrote " + table.rowCount() + " rows to " + csv);
            }
            return 0;
        }
    }

    private Table sort(Table table, Study study) {
        String col = sort.strip();
        boolean reverse = col.startsWith("-");
        if (reverse) col = col.substring(1);
        List<String> names = table.columnNames();
        if (!names.contains(col) && names.contains("params_" + col)) col = "params_" + col;
        if (!names.contains(col)) {
            throw UsageError.of("--sort " + sort, "no such column: use one of " + String.join(", ", names));
        }
        boolean descending = col.equals("value") && !study.isMultiObjective() && study.direction() == Direction.MAXIMIZE;
        return TextTable.sorted(table, col, descending != reverse);
    }

    /** The fail reason of each row's trial (rows are matched by trial number). */
    private static List<List<String>> failReasons(Table table, List<FrozenTrial> trials) {
        Map<Integer, FrozenTrial> byNumber = new java.util.HashMap<>();
        for (FrozenTrial t : trials) byNumber.put(t.number(), t);
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            FrozenTrial t = byNumber.get(table.intColumn("number").get(r));
            String reason = t == null || t.failReason() == null ? "" : CommandObjective.abbreviate(t.failReason(), 80);
            out.add(List.of(reason));
        }
        return out;
    }
}
