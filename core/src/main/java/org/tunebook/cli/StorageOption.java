package org.tunebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;
import picocli.CommandLine.Option;

/** The {@code --storage} option shared by every command. */
final class StorageOption {
    static final String DEFAULT = "sqlite:tunebook.db";

    @Option(names = "--storage", paramLabel = "URL", defaultValue = DEFAULT,
            description = "Where studies live: sqlite:PATH (default ${DEFAULT-VALUE}, in the working directory), memory, "
                    + "or jdbc:postgresql://HOST:PORT/DB?user=U")
    String url = DEFAULT;

    /** Opens the storage, creating an SQLite file if needed (for optimize). */
    Storage open() {
        try {
            return Storage.open(url);
        } catch (IllegalArgumentException e) {
            throw UsageError.of("--storage " + url, e.getMessage());
        }
    }

    /** Opens a storage that must already exist (for the reading commands: a typo must not create a new file). */
    Storage openExisting() {
        Path file = sqliteFile(url);
        if (file != null && !Files.exists(file)) {
            throw UsageError.of("--storage " + url, "no such file " + file.toAbsolutePath()
                    + ": run `tunebook optimize` first, or point --storage at an existing database");
        }
        if (url.strip().equals("memory")) {
            throw UsageError.of("--storage memory", "an in-memory storage is empty in a new process: use sqlite:PATH");
        }
        return open();
    }

    /** The file of an SQLite URL, or null for other storages. */
    static Path sqliteFile(String url) {
        String u = url.strip();
        String path = null;
        if (u.startsWith("sqlite:")) {
            path = u.substring("sqlite:".length());
            if (path.startsWith("///")) path = path.substring(3);
        } else if (u.startsWith("jdbc:sqlite:")) {
            path = u.substring("jdbc:sqlite:".length());
        }
        return path == null || path.isEmpty() ? null : Path.of(path);
    }

    static String help() {
        return Storages.URL_HELP;
    }
}
