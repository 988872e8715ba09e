package org.tunebook.storage;

import java.nio.file.Path;

/** Opens storages from URLs (the CLI's and the magics' --storage). */
public final class Storages {
    private Storages() {
    }

    public static final String URL_HELP = "use memory, sqlite:PATH (e.g. sqlite:studies.db) or jdbc:postgresql://HOST:PORT/DB?user=U";

    public static Storage open(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("empty storage URL: " + URL_HELP);
        }
        String u = url.strip();
        if (u.equals("memory") || u.equals(":memory:")) return new InMemoryStorage();
        if (u.startsWith("sqlite:")) {
            String path = u.substring("sqlite:".length());
            if (path.startsWith("///")) path = path.substring(3);
            if (path.isEmpty()) throw new IllegalArgumentException("storage URL '" + url + "' has no file: " + URL_HELP);
            return JdbcStorage.sqlite(Path.of(path));
        }
        if (u.startsWith("jdbc:sqlite:")) return JdbcStorage.sqlite(Path.of(u.substring("jdbc:sqlite:".length())));
        if (u.startsWith("jdbc:postgresql:") || u.startsWith("postgresql:")) {
            return JdbcStorage.postgres(u.startsWith("jdbc:") ? u : "jdbc:" + u);
        }
        throw new IllegalArgumentException("unknown storage URL '" + url + "': " + URL_HELP);
    }
}
