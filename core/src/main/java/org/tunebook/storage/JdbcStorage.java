package org.tunebook.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * Relational storage over JDBC: SQLite files (the embedded default, for one machine) and PostgreSQL (for
 * clusters). Every call is its own committed transaction, so finished trials survive a killed process; trial
 * numbers are unique and gap-free per study across processes; names and values are only ever bound parameters.
 * <p>
 * Connections: SQLite uses one connection per storage object (SQLite serializes writers anyway; other
 * processes wait on its busy timeout). PostgreSQL uses a small {@link ConnectionPool} (4 connections by
 * default) shared by the threads of the JVM: no connection is held while an objective runs.
 * <p>
 * Heartbeats: {@link #heartbeat} writes the database's clock (not the worker's) into {@code heartbeat_ms},
 * and {@link #failStaleTrials} compares it with the same clock, so skewed worker clocks do not matter.
 */
public final class JdbcStorage implements Storage {

    /** SQL that differs between the supported databases. */
    enum Dialect {
        SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL", "BEGIN IMMEDIATE",
                "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)"),
        /** Transactions through JDBC's autocommit switch (the driver then sends BEGIN itself). */
        POSTGRESQL("BIGSERIAL PRIMARY KEY", "DOUBLE PRECISION", null,
                "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");

        final String serialKey;
        final String real;
        /** The statement that opens a write transaction, or null to use setAutoCommit(false). */
        final String begin;
        /** The database's clock in epoch milliseconds, as an SQL expression. */
        final String nowMs;

        Dialect(String serialKey, String real, String begin, String nowMs) {
            this.serialKey = serialKey;
            this.real = real;
            this.begin = begin;
            this.nowMs = nowMs;
        }
    }

    /**
     * Schema migrations: index i brings a database from version i to i + 1. Never edit a released step; add each
     * new step to both lists. PostgreSQL's schema differs in three ways: md5 unique keys (see below), the
     * next_number counter of a study (trial numbering without a table lock), and its column types.
     */
    private static List<List<String>> migrations(Dialect d) {
        if (d == Dialect.POSTGRESQL) {
            // Unique keys on text go through md5(): a B-tree entry is limited to ~2.7 kB, and names and
            // attribute keys of any length must be accepted (SQLite has no such limit).
            return List.of(List.of(
                    "CREATE TABLE tb_studies (study_id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, directions TEXT NOT NULL, created_ms BIGINT NOT NULL, next_number INTEGER NOT NULL DEFAULT 0)",
                    "CREATE UNIQUE INDEX tb_studies_name ON tb_studies (md5(name))",
                    "CREATE TABLE tb_study_attrs (study_id BIGINT NOT NULL REFERENCES tb_studies(study_id) ON DELETE CASCADE, is_user INTEGER NOT NULL, attr_key TEXT NOT NULL, value_json TEXT)",
                    "CREATE UNIQUE INDEX tb_study_attrs_key ON tb_study_attrs (study_id, is_user, md5(attr_key))",
                    "CREATE TABLE tb_trials (trial_id BIGSERIAL PRIMARY KEY, study_id BIGINT NOT NULL REFERENCES tb_studies(study_id) ON DELETE CASCADE, number INTEGER NOT NULL, state TEXT NOT NULL, trial_values TEXT, fail_reason TEXT, start_ms BIGINT, complete_ms BIGINT, heartbeat_ms BIGINT, UNIQUE (study_id, number))",
                    "CREATE INDEX tb_trials_study_state ON tb_trials (study_id, state)",
                    "CREATE TABLE tb_trial_params (trial_id BIGINT NOT NULL REFERENCES tb_trials(trial_id) ON DELETE CASCADE, name TEXT NOT NULL, internal_value DOUBLE PRECISION NOT NULL, distribution TEXT NOT NULL, position INTEGER NOT NULL)",
                    "CREATE UNIQUE INDEX tb_trial_params_key ON tb_trial_params (trial_id, md5(name))",
                    "CREATE TABLE tb_trial_intermediate (trial_id BIGINT NOT NULL REFERENCES tb_trials(trial_id) ON DELETE CASCADE, step INTEGER NOT NULL, value DOUBLE PRECISION, PRIMARY KEY (trial_id, step))",
                    "CREATE TABLE tb_trial_attrs (trial_id BIGINT NOT NULL REFERENCES tb_trials(trial_id) ON DELETE CASCADE, is_user INTEGER NOT NULL, attr_key TEXT NOT NULL, value_json TEXT)",
                    "CREATE UNIQUE INDEX tb_trial_attrs_key ON tb_trial_attrs (trial_id, is_user, md5(attr_key))",
                    "CREATE TABLE tb_claims (study_id BIGINT NOT NULL REFERENCES tb_studies(study_id) ON DELETE CASCADE, claim_key TEXT NOT NULL)",
                    "CREATE UNIQUE INDEX tb_claims_key ON tb_claims (study_id, md5(claim_key))"));
        }
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
    /** Key of the PostgreSQL advisory lock held while one process migrates the schema. */
    private static final long MIGRATION_LOCK = 7283412L;
    /** Default number of PostgreSQL connections per storage object. */
    public static final int DEFAULT_POOL_SIZE = 4;

    private final Dialect dialect;
    private final String url;
    private final ConnectionPool pool;
    /** Prepared statements of each pooled connection, by SQL text (see {@link #prepare}). */
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();
    /** Finished trials never change: they are read once per storage object. */
    private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();

    private JdbcStorage(Dialect dialect, String url, ConnectionPool pool) {
        this.dialect = dialect;
        this.url = url;
        this.pool = pool;
        try {
            migrate();
        } catch (SQLException e) {
            close();
            throw new StorageException("cannot prepare the schema of " + url + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
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
        ConnectionPool pool = new ConnectionPool(1, () -> DriverManager.getConnection("jdbc:sqlite:" + abs, p));
        try {
            pool.release(pool.borrow(), false); // fail here, with a clear message, if the file cannot be opened
        } catch (SQLException e) {
            throw new StorageException("cannot open SQLite file " + abs + ": " + e.getMessage()
                    + " (check that the folder is writable and that java.io.tmpdir exists)", e);
        }
        return new JdbcStorage(Dialect.SQLITE, "sqlite:" + file, pool);
    }

    /** The most connections this storage opens at once (1 for SQLite). */
    public int poolSize() {
        return pool.size();
    }

    /** Connects to PostgreSQL with a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/db?user=u}. */
    public static JdbcStorage postgres(String jdbcUrl) {
        return postgres(jdbcUrl, DEFAULT_POOL_SIZE);
    }

    /**
     * Connects to PostgreSQL with at most {@code poolSize} connections shared by this JVM's threads (one per
     * concurrent storage call; optimize() with n jobs needs at most n + 1 for full speed).
     */
    public static JdbcStorage postgres(String jdbcUrl, int poolSize) {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new StorageException("the PostgreSQL JDBC driver (org.postgresql:postgresql) is not on the classpath: add it to use " + jdbcUrl, e);
        }
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
        ConnectionPool pool = new ConnectionPool(poolSize, () -> {
            Connection c = DriverManager.getConnection(jdbcUrl);
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit TO OFF"); // durable transactions turn it on (see tx)
            }
            return c;
        });
        try {
            pool.release(pool.borrow(), false);
        } catch (SQLException e) {
            pool.close();
            throw new StorageException("cannot connect to " + redact(jdbcUrl) + ": " + e.getMessage()
                    + " (is the server running and does the URL name its host, port, database and user?)", e);
        }
        return new JdbcStorage(Dialect.POSTGRESQL, redact(jdbcUrl), pool);
    }

    /** A URL without its password, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /*
     * Durability on PostgreSQL. Sessions run with synchronous_commit off, so a commit does not wait for the disk
     * flush of the write-ahead log; durable transactions (tx) turn it on for themselves, and so does finishTrial's
     * single statement (set_config in its RETURNING clause). Relaxed writes (txRunning
     * and single-statement writes in once) are those of running trials: their claim, creation, parameters,
     * attributes, intermediate values and heartbeats, and the failing of dead workers' trials. They are visible
     * to every worker at once and become durable with the next durable commit (the log is flushed in order):
     * finishTrial for the trial itself. Only a crash of the database server can lose them, and then it loses
     * running trials only (a lost reaping is redone, a lost claim is claimed again). Everything a user would
     * miss is durable when the call returns: finished trials, enqueued points, studies and their attributes.
     * This saves a disk flush (milliseconds) per suggestion. SQLite (WAL, synchronous NORMAL) is unchanged.
     */

    /** Runs a unit of work as one durable transaction; retries on unique-key races and serialization failures. */
    private <T> T tx(Work<T> work) {
        return tx(work, false);
    }

    /** A relaxed transaction for the writes of a RUNNING trial (see above). */
    private <T> T txRunning(Work<T> work) {
        return tx(work, true);
    }

    private <T> T tx(Work<T> work, boolean relaxed) {
        return withConnection(c -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    begin(c);
                    if (!relaxed && dialect == Dialect.POSTGRESQL) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SET LOCAL synchronous_commit TO ON");
                        }
                    }
                    T result = work.run(c);
                    commit(c);
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (attempt < 20 && isRetryable(e)) continue;
                    throw e;
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(c);
                    throw e;
                }
            }
        });
    }

    /** A read, or a relaxed single-statement write (atomic on its own; see above). */
    private <T> T once(Work<T> work) {
        return withConnection(work);
    }

    private <T> T withConnection(Work<T> work) {
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            throw new StorageException("storage " + url + ": cannot connect: " + e.getMessage(), e);
        }
        boolean broken = false;
        try {
            return work.run(c);
        } catch (SQLException e) {
            broken = ConnectionPool.isConnectionError(e);
            if (dialect == Dialect.POSTGRESQL && isNulInText(e)) {
                throw new StorageException("storage " + url + ": PostgreSQL text cannot hold the NUL character (U+0000),"
                        + " and a study name, parameter name, categorical choice, attribute or fail reason had one:"
                        + " remove it (or use SQLite, which stores it) (" + e.getMessage() + ")", e);
            }
            throw new StorageException("storage " + url + ": " + e.getMessage(), e);
        } finally {
            if (broken) statements.remove(c);
            pool.release(c, broken);
        }
    }

    private void begin(Connection c) throws SQLException {
        if (dialect.begin == null) {
            c.setAutoCommit(false);
        } else {
            prepare(c, dialect.begin).execute();
        }
    }

    private void commit(Connection c) throws SQLException {
        if (dialect.begin == null) {
            c.commit();
            c.setAutoCommit(true);
        } else {
            prepare(c, "COMMIT").execute();
        }
    }

    /** The driver's refusal of a string with U+0000, or the server's (22021 / 22P05 untranslatable character). */
    private static boolean isNulInText(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Zero bytes may not occur") || m.contains("0x00") || m.contains("\\u0000")
                || "22P05".equals(e.getSQLState());
    }

    private static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    private void rollbackQuietly(Connection c) {
        try {
            if (dialect.begin == null) {
                c.rollback();
                c.setAutoCommit(true);
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
            }
        } catch (SQLException ignored) {
            // no transaction was open, or the connection is gone (the pool drops it)
        }
    }

    private void migrate() throws SQLException {
        // One connection for the whole migration: PostgreSQL's advisory lock belongs to the session.
        Connection c = pool.borrow();
        boolean broken = false;
        try {
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")"); // one migrator at a time
                }
            }
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS tb_schema (version INTEGER NOT NULL)");
                }
                for (int attempt = 0; ; attempt++) {
                    try {
                        begin(c);
                        migrateInTransaction(c);
                        commit(c);
                        break;
                    } catch (SQLException e) {
                        rollbackQuietly(c);
                        if (attempt < 20 && isRetryable(e)) continue;
                        throw e;
                    } catch (RuntimeException e) {
                        rollbackQuietly(c);
                        throw e;
                    }
                }
            } finally {
                if (dialect == Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            broken = ConnectionPool.isConnectionError(e);
            throw e;
        } finally {
            if (broken) statements.remove(c);
            pool.release(c, broken);
        }
    }

    private void migrateInTransaction(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM tb_schema")) {
            rs.next();
            version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new StorageException(url + " has schema version " + version + ", newer than this Tunebook ("
                    + SCHEMA_VERSION + "): upgrade Tunebook to open it", null);
        }
        List<List<String>> steps = migrations(dialect);
        for (int v = version; v < SCHEMA_VERSION; v++) {
            try (Statement s = c.createStatement()) {
                for (String sql : steps.get(v)) s.execute(sql);
                s.execute("INSERT INTO tb_schema (version) VALUES (" + (v + 1) + ")");
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    private int update(Connection c, String sql, Object... args) throws SQLException {
        return bind(prepare(c, sql), args).executeUpdate();
    }

    /**
     * The statement for {@code sql} on connection {@code c}, compiled once per connection and reused: SQLite spends
     * much of a small statement's time compiling it, and PostgreSQL switches a reused statement to a server-side
     * prepared one. Callers close the result sets, never the statement; a pooled connection is used by one thread
     * at a time, so its statements are too.
     */
    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> mine = statements.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement ps = mine.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            mine.put(sql, ps);
        }
        return ps;
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
            return tx(c -> {
                if (findStudyRow(c, name).isPresent()) throw new DuplicateStudyException(name, url);
                try (ResultSet rs = bind(prepare(c, 
                        "INSERT INTO tb_studies (name, directions, created_ms) VALUES (?, ?, ?) RETURNING study_id"), name, dirs, created).executeQuery()) {
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
        return once(c -> findStudyRow(c, name));
    }

    private Optional<StudyInfo> findStudyRow(Connection c, String name) throws SQLException {
        // On PostgreSQL the md5 term lets the unique index find the row.
        String sql = "SELECT study_id, name, directions, created_ms FROM tb_studies WHERE name = ?"
                + (dialect == Dialect.POSTGRESQL ? " AND md5(name) = md5(?)" : "");
        PreparedStatement ps = dialect == Dialect.POSTGRESQL ? bind(prepare(c, sql), name, name) : bind(prepare(c, sql), name);
        try (ResultSet rs = ps.executeQuery()) {
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
        return once(c -> {
            List<StudyInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT study_id, name, directions, created_ms FROM tb_studies ORDER BY study_id")) {
                while (rs.next()) out.add(studyInfo(rs));
            }
            return out;
        });
    }

    @Override
    public void deleteStudy(long studyId) {
        tx(c -> {
            if (update(c, "DELETE FROM tb_studies WHERE study_id = ?", studyId) == 0) {
                throw new IllegalArgumentException("no study with id " + studyId + " in " + url);
            }
            return null;
        });
    }

    @Override
    public void setStudyAttr(long studyId, boolean user, String key, Object jsonValue) {
        String json = Json.write(jsonValue);
        tx(c -> {
            update(c, "DELETE FROM tb_study_attrs WHERE study_id = ? AND is_user = ? AND attr_key = ?", studyId, user ? 1 : 0, key);
            update(c, "INSERT INTO tb_study_attrs (study_id, is_user, attr_key, value_json) VALUES (?, ?, ?, ?)", studyId, user ? 1 : 0, key, json);
            return null;
        });
    }

    @Override
    public Map<String, Object> studyAttrs(long studyId, boolean user) {
        return once(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            try (ResultSet rs = bind(prepare(c, 
                    "SELECT attr_key, value_json FROM tb_study_attrs WHERE study_id = ? AND is_user = ? ORDER BY attr_key"), studyId, user ? 1 : 0).executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), Json.read(rs.getString(2)));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- trials: writes

    @Override
    public FrozenTrial createTrial(long studyId, Map<String, Object> systemAttrs) {
        return insertTrial(studyId, TrialState.RUNNING, systemAttrs, false);
    }

    @Override
    public FrozenTrial createTrial(long studyId, Map<String, Object> systemAttrs, boolean heartbeat) {
        return insertTrial(studyId, TrialState.RUNNING, systemAttrs, heartbeat);
    }

    @Override
    public FrozenTrial createWaitingTrial(long studyId, Map<String, Object> systemAttrs) {
        return insertTrial(studyId, TrialState.WAITING, systemAttrs, false);
    }

    private FrozenTrial insertTrial(long studyId, TrialState state, Map<String, Object> systemAttrs, boolean heartbeat) {
        Map<String, String> attrs = new LinkedHashMap<>();
        systemAttrs.forEach((k, v) -> attrs.put(k, Json.write(v)));
        Long start = state == TrialState.RUNNING ? now() : null;
        String hb = heartbeat ? dialect.nowMs : "NULL"; // NULL for workers without heartbeats: never reaped
        Work<FrozenTrial> work = c -> {
            long id;
            int number;
            // PostgreSQL: the study's counter hands out numbers (the UPDATE locks the study row until commit, and a
            // waiting worker re-reads the counter once it may go on). SQLite: BEGIN IMMEDIATE serializes writers,
            // so MAX(number) + 1 is safe. The unique (study_id, number) index backs both (retried on conflict).
            String sql = dialect == Dialect.POSTGRESQL
                    ? "WITH n AS (UPDATE tb_studies SET next_number = next_number + 1 WHERE study_id = ? RETURNING next_number - 1 AS number) "
                    + "INSERT INTO tb_trials (study_id, number, state, start_ms, heartbeat_ms) "
                    + "SELECT CAST(? AS BIGINT), n.number, CAST(? AS TEXT), CAST(? AS BIGINT), " + hb + " FROM n RETURNING trial_id, number"
                    : "INSERT INTO tb_trials (study_id, number, state, start_ms, heartbeat_ms) "
                    + "SELECT CAST(? AS BIGINT), COALESCE(MAX(number), -1) + 1, CAST(? AS TEXT), CAST(? AS BIGINT), " + hb
                    + " FROM tb_trials WHERE study_id = ? RETURNING trial_id, number";
            Object[] args = dialect == Dialect.POSTGRESQL
                    ? new Object[]{studyId, studyId, state.name(), start}
                    : new Object[]{studyId, state.name(), start, studyId};
            try (ResultSet rs = bind(prepare(c, sql), args).executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no study with id " + studyId + " in " + url);
                id = rs.getLong(1);
                number = rs.getInt(2);
            }
            for (Map.Entry<String, String> e : attrs.entrySet()) {
                update(c, "INSERT INTO tb_trial_attrs (trial_id, is_user, attr_key, value_json) VALUES (?, 0, ?, ?)", id, e.getKey(), e.getValue());
            }
            // Built here rather than re-read: saves four queries per trial.
            Map<String, Object> stored = new LinkedHashMap<>();
            attrs.forEach((k, v) -> stored.put(k, Json.read(v)));
            return new FrozenTrial(number, id, state, List.of(), Map.of(), Map.of(), Map.of(), stored,
                    new TreeMap<>(), start == null ? null : Instant.ofEpochMilli(start), null, null);
        };
        // An enqueued (WAITING) trial is durable at once; a RUNNING one with its first finish (see txRunning).
        // On PostgreSQL a RUNNING trial without attributes is one statement, hence no transaction block.
        if (state == TrialState.WAITING) return tx(work);
        return dialect == Dialect.POSTGRESQL && attrs.isEmpty() ? once(work) : txRunning(work);
    }

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId) {
        return popWaitingTrial(studyId, false);
    }

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId, boolean heartbeat) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<Long> id = once(c -> {
                try (ResultSet rs = bind(prepare(c, 
                        "SELECT trial_id FROM tb_trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1"), studyId).executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            });
            if (id.isEmpty()) return Optional.empty();
            long t = now();
            // Only one worker wins the WAITING -> RUNNING transition; the others look again.
            int won = once(c -> update(c, "UPDATE tb_trials SET state = 'RUNNING', start_ms = ?, heartbeat_ms = "
                            + (heartbeat ? dialect.nowMs : "NULL") + " WHERE trial_id = ? AND state = 'WAITING'",
                    t, id.get()));
            if (won == 1) return Optional.of(trial(id.get()));
        }
        throw new StorageException("could not take a waiting trial of study " + studyId + " after 100 attempts (heavy contention)", null);
    }

    @Override
    public void setTrialParam(long trialId, String name, Distribution distribution, double internalValue) {
        String dist = Json.distributionToJson(distribution);
        // One statement: inserts only while the trial is RUNNING, at the next position.
        once(c -> {
            int inserted = update(c, "INSERT INTO tb_trial_params (trial_id, name, internal_value, distribution, position) "
                    + "SELECT t.trial_id, CAST(? AS TEXT), CAST(? AS " + dialect.real + "), CAST(? AS TEXT), "
                    + "(SELECT COUNT(*) FROM tb_trial_params p WHERE p.trial_id = t.trial_id) "
                    + "FROM tb_trials t WHERE t.trial_id = ? AND t.state = 'RUNNING'",
                    name, internalValue, dist, trialId);
            if (inserted == 0) requireRunning(c, trialId); // throws the reason
            return null;
        });
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        txRunning(c -> {
            requireRunning(c, trialId);
            update(c, "DELETE FROM tb_trial_intermediate WHERE trial_id = ? AND step = ?", trialId, step);
            update(c, "INSERT INTO tb_trial_intermediate (trial_id, step, value) VALUES (?, ?, ?)", trialId, step,
                    Double.isNaN(value) ? null : value);
            return null;
        });
    }

    @Override
    public void setTrialAttr(long trialId, boolean user, String key, Object jsonValue) {
        String json = Json.write(jsonValue);
        txRunning(c -> {
            requireRunning(c, trialId);
            update(c, "DELETE FROM tb_trial_attrs WHERE trial_id = ? AND is_user = ? AND attr_key = ?", trialId, user ? 1 : 0, key);
            update(c, "INSERT INTO tb_trial_attrs (trial_id, is_user, attr_key, value_json) VALUES (?, ?, ?, ?)", trialId, user ? 1 : 0, key, json);
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
        String sql = "UPDATE tb_trials SET state = ?, trial_values = ?, fail_reason = ?, complete_ms = ? WHERE trial_id = ? AND state = 'RUNNING'";
        Object[] args = {state.name(), vs, failReason, now(), trialId};
        int changed = dialect != Dialect.POSTGRESQL ? once(c -> update(c, sql, args)) : once(c -> {
            // Durable in one round trip: set_config(..., true) is SET LOCAL for this statement's own transaction,
            // so its commit waits for the disk flush (and flushes the trial's earlier relaxed writes with it).
            int n = 0;
            try (ResultSet rs = bind(prepare(c, sql + " RETURNING set_config('synchronous_commit', 'on', true)"), args).executeQuery()) {
                while (rs.next()) n++;
            }
            return n;
        });
        if (changed == 0) {
            FrozenTrial t = trial(trialId);
            throw new IllegalStateException("trial #" + t.number() + " is " + t.state()
                    + (t.failReason() != null ? " (" + t.failReason() + ")" : "") + ": only a RUNNING trial can be finished");
        }
        return trial(trialId);
    }

    @Override
    public void heartbeat(long trialId) {
        once(c -> update(c, "UPDATE tb_trials SET heartbeat_ms = " + dialect.nowMs + " WHERE trial_id = ? AND state = 'RUNNING'", trialId));
    }

    /**
     * Marks FAIL every RUNNING trial of the study whose last heartbeat (by the database's clock) is older than
     * {@code grace}, with the reason "worker died (no heartbeat for Ns)". Trials that never had a heartbeat
     * (their worker does not send any) are left alone. Each trial is failed by exactly one caller, which gets
     * it in the returned list.
     */
    @Override
    public List<FrozenTrial> failStaleTrials(long studyId, Duration grace) {
        long graceMs = grace.toMillis();
        List<Long> ids = once(c -> {
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = bind(prepare(c, 
                    "UPDATE tb_trials SET state = 'FAIL', complete_ms = ?, "
                            + "fail_reason = 'worker died (no heartbeat for ' || ((" + dialect.nowMs + " - heartbeat_ms) / 1000) || 's)' "
                            + "WHERE study_id = ? AND state = 'RUNNING' AND heartbeat_ms IS NOT NULL AND heartbeat_ms < " + dialect.nowMs + " - ? "
                            + "RETURNING trial_id"), now(), studyId, graceMs).executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
        List<FrozenTrial> out = new ArrayList<>();
        for (long id : ids) out.add(trial(id));
        out.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
        return out;
    }

    private void requireRunning(Connection c, long trialId) throws SQLException {
        try (ResultSet rs = bind(prepare(c, "SELECT state, number FROM tb_trials WHERE trial_id = ?"), trialId).executeQuery()) {
            if (!rs.next()) throw new IllegalArgumentException("no trial with id " + trialId + " in " + url);
            if (!"RUNNING".equals(rs.getString(1))) {
                throw new IllegalStateException("trial #" + rs.getInt(2) + " is " + rs.getString(1) + ": only a RUNNING trial can be changed");
            }
        }
    }

    @Override
    public boolean tryClaim(long studyId, String key) {
        return once(c -> update(c, "INSERT INTO tb_claims (study_id, claim_key) VALUES (?, ?) ON CONFLICT DO NOTHING", studyId, key) == 1);
    }

    // ---------------------------------------------------------------- trials: reads

    @Override
    public FrozenTrial trial(long trialId) {
        FrozenTrial cached = finished.get(trialId);
        if (cached != null) return cached;
        return once(c -> {
            Map<Long, FrozenTrial> loaded = load(c, "t.trial_id = ?", trialId);
            FrozenTrial t = loaded.get(trialId);
            if (t == null) throw new IllegalArgumentException("no trial with id " + trialId + " in " + url);
            return t;
        });
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return once(c -> {
            List<long[]> rows = new ArrayList<>(); // trial_id, state ordinal
            try (ResultSet rs = bind(prepare(c, 
                    "SELECT trial_id, state FROM tb_trials WHERE study_id = ? ORDER BY number"), studyId).executeQuery()) {
                while (rs.next()) rows.add(new long[]{rs.getLong(1), TrialState.valueOf(rs.getString(2)).ordinal()});
            }
            int missing = 0;
            for (long[] r : rows) {
                if (states.contains(TrialState.values()[(int) r[1]]) && !finished.containsKey(r[0])) missing++;
            }
            Map<Long, FrozenTrial> fresh = missing == 0 ? Map.of()
                    : missing > 16 ? load(c, "t.study_id = ?", studyId) : null;
            org.tunebook.study.TrialList.Builder out = org.tunebook.study.TrialList.builder(rows.size());
            for (long[] r : rows) {
                if (!states.contains(TrialState.values()[(int) r[1]])) continue;
                FrozenTrial t = finished.get(r[0]);
                if (t == null) t = fresh != null ? fresh.get(r[0]) : load(c, "t.trial_id = ?", r[0]).get(r[0]);
                if (t != null) out.add(t);
            }
            return out.build();
        });
    }

    @Override
    public int countTrials(long studyId, Set<TrialState> states) {
        return once(c -> {
            int n = 0;
            try (ResultSet rs = bind(prepare(c, 
                    "SELECT state, COUNT(*) FROM tb_trials WHERE study_id = ? GROUP BY state"), studyId).executeQuery()) {
                while (rs.next()) if (states.contains(TrialState.valueOf(rs.getString(1)))) n += rs.getInt(2);
            }
            return n;
        });
    }

    /** Loads whole trials matching a condition on {@code t} (tb_trials) with two queries. */
    private Map<Long, FrozenTrial> load(Connection c, String where, Object arg) throws SQLException {
        record Row(long studyId, int number, TrialState state, String values, String reason, Long start, Long complete) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (ResultSet rs = bind(prepare(c, 
                "SELECT t.trial_id, t.study_id, t.number, t.state, t.trial_values, t.fail_reason, t.start_ms, t.complete_ms FROM tb_trials t WHERE " + where), arg).executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new Row(rs.getLong(2), rs.getInt(3), TrialState.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), nullableLong(rs, 7), nullableLong(rs, 8)));
            }
        }
        Map<Long, Map<String, Object>> params = new HashMap<>();
        Map<Long, Map<String, Distribution>> dists = new HashMap<>();
        Map<String, Distribution> distCache = new HashMap<>();
        Map<Long, Map<String, Object>> user = new HashMap<>();
        Map<Long, Map<String, Object>> system = new HashMap<>();
        Map<Long, TreeMap<Integer, Double>> inter = new HashMap<>();
        // Parameters (kind 0), system and user attributes (1, 2) and intermediate values (3) in one round trip.
        try (ResultSet rs = bind(prepare(c, 
                "SELECT p.trial_id, 0 AS kind, p.name AS k, p.internal_value AS num, p.distribution AS txt, p.position AS pos "
                        + "FROM tb_trial_params p JOIN tb_trials t ON t.trial_id = p.trial_id WHERE " + where
                        + " UNION ALL SELECT a.trial_id, 1 + a.is_user, a.attr_key, NULL, a.value_json, 0 "
                        + "FROM tb_trial_attrs a JOIN tb_trials t ON t.trial_id = a.trial_id WHERE " + where
                        + " UNION ALL SELECT i.trial_id, 3, NULL, i.value, NULL, i.step "
                        + "FROM tb_trial_intermediate i JOIN tb_trials t ON t.trial_id = i.trial_id WHERE " + where
                        + " ORDER BY 1, 2, 6, 3"), arg, arg, arg).executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                switch (rs.getInt(2)) {
                    case 0 -> {
                        Distribution d = distCache.computeIfAbsent(rs.getString(5), Json::distributionFromJson);
                        params.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString(3), d.toExternal(rs.getDouble(4)));
                        dists.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString(3), d);
                    }
                    case 1, 2 -> (rs.getInt(2) == 2 ? user : system).computeIfAbsent(id, k -> new LinkedHashMap<>())
                            .put(rs.getString(3), Json.read(rs.getString(5)));
                    default -> {
                        double v = rs.getDouble(4);
                        if (rs.wasNull()) v = Double.NaN;
                        inter.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getInt(6), v);
                    }
                }
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
        pool.close();
    }
}
