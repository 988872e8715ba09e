package org.tunebook.skopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.space.Dimension;
import org.tunebook.space.Space;
import org.tunebook.util.Json;

/**
 * The evaluations of a {@link Skopt#gpMinimize} run as saved by {@link CheckpointSaver}: the space (as
 * specifications), the points and their values. {@code GpOptions.builder().resumeFrom(path)} continues a run
 * from it.
 */
public record Checkpoint(List<String> space, List<List<Object>> xIters, List<Double> funcVals) {
    static final String FORMAT = "tunebook-skopt-checkpoint/1";

    public Checkpoint {
        space = List.copyOf(space);
        List<List<Object>> xs = new ArrayList<>();
        for (List<Object> x : xIters) xs.add(java.util.Collections.unmodifiableList(new ArrayList<>(x)));
        xIters = List.copyOf(xs);
        funcVals = List.copyOf(funcVals);
        if (xIters.size() != funcVals.size()) {
            throw new IllegalArgumentException("a checkpoint needs one value per point: " + xIters.size() + " points, " + funcVals.size() + " values");
        }
    }

    static List<String> specs(Space space) {
        List<String> s = new ArrayList<>();
        for (Dimension d : space) s.add(d.toString());
        return s;
    }

    /** Writes the checkpoint atomically (a temporary file moved over the target). */
    public void save(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("space", space);
        m.put("x_iters", xIters);
        m.put("func_vals", funcVals);
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            Files.writeString(tmp, Json.write(m));
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint written by {@link #save}. */
    @SuppressWarnings("unchecked")
    public static Checkpoint load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
        Object o;
        try {
            o = Json.read(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a checkpoint (invalid JSON: " + e.getMessage() + ")", e);
        }
        if (!(o instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException(file + " is not a checkpoint written by CheckpointSaver (no \"format\": \"" + FORMAT + "\")");
        }
        List<Double> vals = new ArrayList<>();
        for (Object v : (List<Object>) m.get("func_vals")) vals.add(((Number) v).doubleValue());
        return new Checkpoint((List<String>) m.get("space"), (List<List<Object>>) m.get("x_iters"), vals);
    }
}
