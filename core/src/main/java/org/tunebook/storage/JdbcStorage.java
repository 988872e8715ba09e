package org.tunebook.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.tunebook.space.Distribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;
import org.tunebook.util.Json;

/**
 * Relational storage over JDBC: SQLite files (the embedded default) and PostgreSQL. Every call is its own
 * committed transaction, so finished trials survive a killed process; trial numbers are unique per study
 * across processes (a unique index, retried on conflict). Names and values are only ever bound parameters.
 */
public final class JdbcStorage implements Storage {

    /** SQL that differs between the supported databases. */
    enum Dialect {
        SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL", "BEGIN IMMEDIATE"),
        POSTGRESQL("BIGSERIAL PRIMARY KEY", "DOUBLE PRECISION", "BEGIN");

        final String serialKey;
        final String real;
        final String begin;

        Dialect(String serialKey, String real, String begin) {
            this.serialKey = serialKey;
            this.real = real;
            this.begin = begin;
        }
    }

    /** Schema migrations: index i brings a database from version i to i + 1. Never edit a released step. */
    private static List<List<String>> migrations(Dialect d) {
        return List.of(List.of(
                "CREATE TABLE tb_studies (study_id " + d.serialKey + ", name TEXT NOT NULL UNIQUE, directions TEXT NOT NULL, created_ms BIGINT NOT NULL)",
                "CREATE TABLE tb_study_attrs (study_id BIGINT NOT NULL REFERENCES tb_studies(study_id) ON DELETE CASCADE, is_user INTEGER NOT NULL, attr_key TEXT NOT NULL, value_json TEXT, PRIMARY KEY (study_id, is_user, attr_key))",
                "CREATE TABLE tb_trials (trial_id " + d.serialKey + ", study_id BIGINT NOT NULL REFERENCES tb_studies(study_id) ON DELETE CASCADE, number INTEGER NOT NULL, state TEXT NOT NULL, trial_values TEXT, fail_reason TEXT, start_ms BIGINT, complete_ms BIGINT, heartbeat_ms BIGINT, UNIQUE (study_id, number))",
                "CREATE INDEX tb_trials_study_state ON tb_trials (study_id, state)",
                "CREATE TABLE tb_trial_params (trial_id BIGINT NOT NULL REFERENCES tb_trials(trial_id) ON DELETE CASCADE, name TEXT NOT NULL, internal_value " + d.real + " NOT NULL, distribution TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (trial_id, name))",
                "CREATE TABLE tb_trial_intermediate (trial_id BIGINT NOT NULL REFERENCES tb_trials(trial_id) ON DELETE CASCADE, step INTEGER NOT NULL, value " + d.real + ", PRIMARY KEY (trial_id, step))",
                "CREATE TABLE tb_trial_attrs (trial_id BIGINT NOT NULL REFERENCES tb_trials(trial_id) ON DELETE CASCADE, is_user INTEGER NOT NULL, attr_key TEXT NOT NULL, value_json TEXT, PRIMARY KEY (trial_id, is_user, attr_key))",
                "CREATE TABLE tb_claims (study_id BIGINT NOT NULL REFERENCES tb_studies(study_id) ON DELETE CASCADE, claim_key TEXT NOT NULL, PRIMARY KEY (study_id, claim_key))"));
    }

    static final int SCHEMA_VERSION = 1;

    private final Dialect dialect;
    private final String url;
    private final Connection conn;
    private final Object lock = new Object();
    /** Finished trials never change: they are read once per storage object. */
    private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();

    private JdbcStorage(Dialect dialect, String url, Connection conn) {
        this.dialect = dialect;
        this.url = url;
        this.conn = conn;
        try {
            migrate();
        } catch (SQLException e) {
            close();
            throw new StorageException("cannot prepare the schema of " + url + ": " + e.getMessage(), e);
        }
    }

    /** Opens (creating if needed) an SQLite file in WAL mode, safe for several local processes. */
    public static JdbcStorage sqlite(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the folder of " + abs + ": " + e.getMessage(), e);
        }
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("busy_timeout", "60000");
        p.setProperty("foreign_keys", "true");
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs, p);
            return new JdbcStorage(Dialect.SQLITE, "sqlite:" + file, c);
        } catch (SQLException e) {
            throw new StorageException("cannot open SQLite file " + abs + ": " + e.getMessage()
                    + " (check that the folder is writable and that java.io.tmpdir exists)", e);
        }
    }

    /** Connects to PostgreSQL with a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/db?user=u}. */
    public static JdbcStorage postgres(String jdbcUrl) {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new StorageException("the PostgreSQL JDBC driver (org.postgresql:postgresql) is not on the classpath: add it to use " + jdbcUrl, e);
        }
        try {
            Connection c = DriverManager.getConnection(jdbcUrl);
            return new JdbcStorage(Dialect.POSTGRESQL, jdbcUrl, c);
        } catch (SQLException e) {
            throw new StorageException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs a unit of work as one transaction; retries on unique-key races (PostgreSQL trial numbers). */
    private <T> T tx(Work<T> work) {
        synchronized (lock) {
            for (int attempt = 0; ; attempt++) {
                try {
                    try (Statement s = conn.createStatement()) {
                        s.execute(dialect.begin);
                    }
                    T result = work.run();
                    try (Statement s = conn.createStatement()) {
                        s.execute("COMMIT");
                    }
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly();
                    if (attempt < 20 && isRetryable(e)) continue;
                    throw new StorageException("storage " + url + ": " + e.getMessage(), e);
                } catch (RuntimeException | Error e) {
                    rollbackQuietly();
                    throw e;
                }
            }
        }
    }

    /** A read or a single-statement write (atomic on its own). */
    private <T> T once(Work<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new StorageException("storage " + url + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    private void rollbackQuietly() {
        try (Statement s = conn.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open
        }
    }

    private void migrate() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement s = conn.createStatement()) {
                s.execute("SELECT pg_advisory_lock(7283412)"); // one migrator at a time
            }
        }
        try {
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS tb_schema (version INTEGER NOT NULL)");
            }
            tx(() -> {
                int version;
                try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM tb_schema")) {
                    rs.next();
                    version = rs.getInt(1);
                }
                if (version > SCHEMA_VERSION) {
                    throw new StorageException(url + " has schema version " + version + ", newer than this Tunebook ("
                            + SCHEMA_VERSION + "): upgrade Tunebook to open it", null);
                }
                List<List<String>> steps = migrations(dialect);
                for (int v = version; v < SCHEMA_VERSION; v++) {
                    try (Statement s = conn.createStatement()) {
                        for (String sql : steps.get(v)) s.execute(sql);
                        s.execute("INSERT INTO tb_schema (version) VALUES (" + (v + 1) + ")");
                    }
                }
                return null;
            });
        } finally {
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = conn.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(7283412)");
                }
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(conn.prepareStatement(sql), args)) {
            return ps.executeUpdate();
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    // ---------------------------------------------------------------- studies

    @Override
    public StudyInfo createStudy(String name, List<Direction> directions) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a study needs a non-empty name");
        String dirs = String.join(",", directions.stream().map(Direction::name).toList());
        long created = now();
        try {
            return tx(() -> {
                if (findStudyRow(name).isPresent()) throw new DuplicateStudyException(name, url);
                try (PreparedStatement ps = bind(conn.prepareStatement(
                        "INSERT INTO tb_studies (name, directions, created_ms) VALUES (?, ?, ?) RETURNING study_id"), name, dirs, created);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new StudyInfo(rs.getLong(1), name, directions, Instant.ofEpochMilli(created));
                }
            });
        } catch (StorageException e) {
            if (findStudy(name).isPresent()) throw new DuplicateStudyException(name, url);
            throw e;
        }
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        return once(() -> findStudyRow(name));
    }

    private Optional<StudyInfo> findStudyRow(String name) throws SQLException {
        try (PreparedStatement ps = bind(conn.prepareStatement(
                "SELECT study_id, name, directions, created_ms FROM tb_studies WHERE name = ?"), name);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(studyInfo(rs)) : Optional.empty();
        }
    }

    private static StudyInfo studyInfo(ResultSet rs) throws SQLException {
        List<Direction> dirs = new ArrayList<>();
        for (String d : rs.getString(3).split(",")) dirs.add(Direction.valueOf(d));
        return new StudyInfo(rs.getLong(1), rs.getString(2), dirs, Instant.ofEpochMilli(rs.getLong(4)));
    }

    @Override
    public List<StudyInfo> studies() {
        return once(() -> {
            List<StudyInfo> out = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT study_id, name, directions, created_ms FROM tb_studies ORDER BY study_id")) {
                while (rs.next()) out.add(studyInfo(rs));
            }
            return out;
        });
    }

    @Override
    public void deleteStudy(long studyId) {
        tx(() -> {
            if (update("DELETE FROM tb_studies WHERE study_id = ?", studyId) == 0) {
                throw new IllegalArgumentException("no study with id " + studyId + " in " + url);
            }
            return null;
        });
    }

    @Override
    public void setStudyAttr(long studyId, boolean user, String key, Object jsonValue) {
        String json = Json.write(jsonValue);
        tx(() -> {
            update("DELETE FROM tb_study_attrs WHERE study_id = ? AND is_user = ? AND attr_key = ?", studyId, user ? 1 : 0, key);
            update("INSERT INTO tb_study_attrs (study_id, is_user, attr_key, value_json) VALUES (?, ?, ?, ?)", studyId, user ? 1 : 0, key, json);
            return null;
        });
    }

    @Override
    public Map<String, Object> studyAttrs(long studyId, boolean user) {
        return once(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            try (PreparedStatement ps = bind(conn.prepareStatement(
                    "SELECT attr_key, value_json FROM tb_study_attrs WHERE study_id = ? AND is_user = ? ORDER BY attr_key"), studyId, user ? 1 : 0);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), Json.read(rs.getString(2)));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- trials: writes

    @Override
    public FrozenTrial createTrial(long studyId, Map<String, Object> systemAttrs) {
        return insertTrial(studyId, TrialState.RUNNING, systemAttrs);
    }

    @Override
    public FrozenTrial createWaitingTrial(long studyId, Map<String, Object> systemAttrs) {
        return insertTrial(studyId, TrialState.WAITING, systemAttrs);
    }

    private FrozenTrial insertTrial(long studyId, TrialState state, Map<String, Object> systemAttrs) {
        Map<String, String> attrs = new LinkedHashMap<>();
        systemAttrs.forEach((k, v) -> attrs.put(k, Json.write(v)));
        Long start = state == TrialState.RUNNING ? now() : null;
        long trialId = tx(() -> {
            long id;
            try (PreparedStatement ps = bind(conn.prepareStatement(
                    "INSERT INTO tb_trials (study_id, number, state, start_ms, heartbeat_ms) "
                            + "SELECT ?, COALESCE(MAX(number), -1) + 1, ?, ?, ? FROM tb_trials WHERE study_id = ? RETURNING trial_id"),
                    studyId, state.name(), start, start, studyId);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            for (Map.Entry<String, String> e : attrs.entrySet()) {
                update("INSERT INTO tb_trial_attrs (trial_id, is_user, attr_key, value_json) VALUES (?, 0, ?, ?)", id, e.getKey(), e.getValue());
            }
            return id;
        });
        return trial(trialId);
    }

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<Long> id = once(() -> {
                try (PreparedStatement ps = bind(conn.prepareStatement(
                        "SELECT trial_id FROM tb_trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1"), studyId);
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            });
            if (id.isEmpty()) return Optional.empty();
            long t = now();
            // Only one worker wins the WAITING -> RUNNING transition; the others look again.
            int won = once(() -> update("UPDATE tb_trials SET state = 'RUNNING', start_ms = ?, heartbeat_ms = ? WHERE trial_id = ? AND state = 'WAITING'",
                    t, t, id.get()));
            if (won == 1) return Optional.of(trial(id.get()));
        }
        throw new StorageException("could not take a waiting trial of study " + studyId + " after 100 attempts (heavy contention)", null);
    }

    @Override
    public void setTrialParam(long trialId, String name, Distribution distribution, double internalValue) {
        String dist = Json.distributionToJson(distribution);
        tx(() -> {
            requireRunning(trialId);
            update("INSERT INTO tb_trial_params (trial_id, name, internal_value, distribution, position) "
                    + "SELECT ?, ?, ?, ?, COUNT(*) FROM tb_trial_params WHERE trial_id = ?", trialId, name, internalValue, dist, trialId);
            return null;
        });
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        tx(() -> {
            requireRunning(trialId);
            update("DELETE FROM tb_trial_intermediate WHERE trial_id = ? AND step = ?", trialId, step);
            update("INSERT INTO tb_trial_intermediate (trial_id, step, value) VALUES (?, ?, ?)", trialId, step,
                    Double.isNaN(value) ? null : value);
            return null;
        });
    }

    @Override
    public void setTrialAttr(long trialId, boolean user, String key, Object jsonValue) {
        String json = Json.write(jsonValue);
        tx(() -> {
            requireRunning(trialId);
            update("DELETE FROM tb_trial_attrs WHERE trial_id = ? AND is_user = ? AND attr_key = ?", trialId, user ? 1 : 0, key);
            update("INSERT INTO tb_trial_attrs (trial_id, is_user, attr_key, value_json) VALUES (?, ?, ?, ?)", trialId, user ? 1 : 0, key, json);
            return null;
        });
    }

    @Override
    public FrozenTrial finishTrial(long trialId, TrialState state, double[] values, String failReason) {
        if (!state.isFinished()) throw new IllegalArgumentException("finishTrial needs COMPLETE, PRUNED or FAIL, got " + state);
        String vs = null;
        if (values != null && values.length > 0) {
            StringBuilder b = new StringBuilder();
            for (double v : values) b.append(b.length() == 0 ? "" : ",").append(v);
            vs = b.toString();
        }
        String text = vs;
        int changed = once(() -> update("UPDATE tb_trials SET state = ?, trial_values = ?, fail_reason = ?, complete_ms = ? WHERE trial_id = ? AND state = 'RUNNING'",
                state.name(), text, failReason, now(), trialId));
        if (changed == 0) {
            FrozenTrial t = trial(trialId);
            throw new IllegalStateException("trial #" + t.number() + " is " + t.state() + ": only a RUNNING trial can be finished");
        }
        return trial(trialId);
    }

    @Override
    public void heartbeat(long trialId) {
        once(() -> update("UPDATE tb_trials SET heartbeat_ms = ? WHERE trial_id = ? AND state = 'RUNNING'", now(), trialId));
    }

    private void requireRunning(long trialId) throws SQLException {
        try (PreparedStatement ps = bind(conn.prepareStatement("SELECT state, number FROM tb_trials WHERE trial_id = ?"), trialId);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new IllegalArgumentException("no trial with id " + trialId + " in " + url);
            if (!"RUNNING".equals(rs.getString(1))) {
                throw new IllegalStateException("trial #" + rs.getInt(2) + " is " + rs.getString(1) + ": only a RUNNING trial can be changed");
            }
        }
    }

    @Override
    public boolean tryClaim(long studyId, String key) {
        return once(() -> update("INSERT INTO tb_claims (study_id, claim_key) VALUES (?, ?) ON CONFLICT DO NOTHING", studyId, key) == 1);
    }

    // ---------------------------------------------------------------- trials: reads

    @Override
    public FrozenTrial trial(long trialId) {
        FrozenTrial cached = finished.get(trialId);
        if (cached != null) return cached;
        return once(() -> {
            Map<Long, FrozenTrial> loaded = load("t.trial_id = ?", trialId);
            FrozenTrial t = loaded.get(trialId);
            if (t == null) throw new IllegalArgumentException("no trial with id " + trialId + " in " + url);
            return t;
        });
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return once(() -> {
            List<long[]> rows = new ArrayList<>(); // trial_id, state ordinal
            try (PreparedStatement ps = bind(conn.prepareStatement(
                    "SELECT trial_id, state FROM tb_trials WHERE study_id = ? ORDER BY number"), studyId);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new long[]{rs.getLong(1), TrialState.valueOf(rs.getString(2)).ordinal()});
            }
            int missing = 0;
            for (long[] r : rows) {
                if (states.contains(TrialState.values()[(int) r[1]]) && !finished.containsKey(r[0])) missing++;
            }
            Map<Long, FrozenTrial> fresh = missing == 0 ? Map.of()
                    : missing > 16 ? load("t.study_id = ?", studyId) : null;
            List<FrozenTrial> out = new ArrayList<>();
            for (long[] r : rows) {
                if (!states.contains(TrialState.values()[(int) r[1]])) continue;
                FrozenTrial t = finished.get(r[0]);
                if (t == null) t = fresh != null ? fresh.get(r[0]) : load("t.trial_id = ?", r[0]).get(r[0]);
                if (t != null) out.add(t);
            }
            return out;
        });
    }

    @Override
    public int countTrials(long studyId, Set<TrialState> states) {
        return once(() -> {
            int n = 0;
            try (PreparedStatement ps = bind(conn.prepareStatement(
                    "SELECT state, COUNT(*) FROM tb_trials WHERE study_id = ? GROUP BY state"), studyId);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) if (states.contains(TrialState.valueOf(rs.getString(1)))) n += rs.getInt(2);
            }
            return n;
        });
    }

    /** Loads whole trials matching a condition on {@code t} (tb_trials) with four queries. */
    private Map<Long, FrozenTrial> load(String where, Object arg) throws SQLException {
        record Row(long studyId, int number, TrialState state, String values, String reason, Long start, Long complete) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = bind(conn.prepareStatement(
                "SELECT t.trial_id, t.study_id, t.number, t.state, t.trial_values, t.fail_reason, t.start_ms, t.complete_ms FROM tb_trials t WHERE " + where), arg);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new Row(rs.getLong(2), rs.getInt(3), TrialState.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), nullableLong(rs, 7), nullableLong(rs, 8)));
            }
        }
        Map<Long, Map<String, Object>> params = new HashMap<>();
        Map<Long, Map<String, Distribution>> dists = new HashMap<>();
        Map<String, Distribution> distCache = new HashMap<>();
        try (PreparedStatement ps = bind(conn.prepareStatement(
                "SELECT p.trial_id, p.name, p.internal_value, p.distribution FROM tb_trial_params p JOIN tb_trials t ON t.trial_id = p.trial_id WHERE "
                        + where + " ORDER BY p.trial_id, p.position"), arg);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Distribution d = distCache.computeIfAbsent(rs.getString(4), Json::distributionFromJson);
                params.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString(2), d.toExternal(rs.getDouble(3)));
                dists.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString(2), d);
            }
        }
        Map<Long, Map<String, Object>> user = new HashMap<>();
        Map<Long, Map<String, Object>> system = new HashMap<>();
        try (PreparedStatement ps = bind(conn.prepareStatement(
                "SELECT a.trial_id, a.is_user, a.attr_key, a.value_json FROM tb_trial_attrs a JOIN tb_trials t ON t.trial_id = a.trial_id WHERE "
                        + where + " ORDER BY a.trial_id, a.attr_key"), arg);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                (rs.getInt(2) == 1 ? user : system).computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(3), Json.read(rs.getString(4)));
            }
        }
        Map<Long, TreeMap<Integer, Double>> inter = new HashMap<>();
        try (PreparedStatement ps = bind(conn.prepareStatement(
                "SELECT i.trial_id, i.step, i.value FROM tb_trial_intermediate i JOIN tb_trials t ON t.trial_id = i.trial_id WHERE " + where), arg);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double v = rs.getDouble(3);
                if (rs.wasNull()) v = Double.NaN;
                inter.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2), v);
            }
        }
        Map<Long, FrozenTrial> out = new LinkedHashMap<>();
        for (Map.Entry<Long, Row> e : rows.entrySet()) {
            long id = e.getKey();
            Row r = e.getValue();
            FrozenTrial cached = finished.get(id);
            if (cached != null) {
                out.put(id, cached);
                continue;
            }
            List<Double> values = new ArrayList<>();
            if (r.values != null) for (String v : r.values.split(",")) values.add(Double.parseDouble(v));
            FrozenTrial t = new FrozenTrial(r.number, id, r.state, values,
                    params.getOrDefault(id, Map.of()), dists.getOrDefault(id, Map.of()),
                    user.getOrDefault(id, Map.of()), system.getOrDefault(id, Map.of()), inter.getOrDefault(id, new TreeMap<>()),
                    r.start == null ? null : Instant.ofEpochMilli(r.start), r.complete == null ? null : Instant.ofEpochMilli(r.complete), r.reason);
            if (r.state.isFinished()) finished.put(id, t);
            out.put(id, t);
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }
}
