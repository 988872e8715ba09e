package org.tunebook.storage;

import java.nio.file.Path;

/** Opens storages from URLs (the CLI's and the magics' --storage). */
public final class Storages {
    private Storages() {
    }

    public static final String URL_HELP = "use memory, sqlite:PATH (e.g. sqlite:studies.db) or jdbc:postgresql://HOST:PORT/DB?user=U"
            + " (optionally &poolSize=N connections, default " + JdbcStorage.DEFAULT_POOL_SIZE + ")";
    /** The query parameter of a PostgreSQL URL that sets the connection pool's size (Tunebook's, not the driver's). */
    public static final String POOL_SIZE = "poolSize";

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
            String jdbc = u.startsWith("jdbc:") ? u : "jdbc:" + u;
            int q = jdbc.indexOf('?');
            if (q < 0) return JdbcStorage.postgres(jdbc);
            Integer pool = null;
            StringBuilder rest = new StringBuilder();
            for (String param : jdbc.substring(q + 1).split("&")) {
                if (param.startsWith(POOL_SIZE + "=")) {
                    pool = poolSize(param.substring(POOL_SIZE.length() + 1), url);
                } else if (!param.isEmpty()) {
                    rest.append(rest.length() == 0 ? "" : "&").append(param);
                }
            }
            String driverUrl = jdbc.substring(0, q) + (rest.length() == 0 ? "" : "?" + rest);
            return pool == null ? JdbcStorage.postgres(driverUrl) : JdbcStorage.postgres(driverUrl, pool);
        }
        throw new IllegalArgumentException("unknown storage URL '" + url + "': " + URL_HELP);
    }

    private static int poolSize(String value, String url) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 256) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("storage URL '" + url + "': " + POOL_SIZE + "=" + value
                + " is not a number of connections from 1 to 256: use e.g. " + POOL_SIZE + "=8 (jobs + 1 for a study"
                + " optimized with several jobs)");
    }
}
