package org.tunebook.storage;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests: a fresh cluster (initdb) in a temporary folder, listening on
 * 127.0.0.1 on a free port, started once per test JVM and stopped (and deleted) when the JVM exits.
 * <p>
 * The server binaries come from Debian's {@code postgresql} package (scripts/setup.d/30-postgres.sh), found
 * in {@code $TUNEBOOK_PG_BIN} if set (only there), else on PATH or in {@code /usr/lib/postgresql/<version>/bin}. initdb refuses to run
 * as root, so as root the server runs as the system user {@code tunebook-pg} (created by the setup script;
 * {@code $TUNEBOOK_PG_USER} overrides it) through {@code runuser}. When anything is missing this class throws,
 * naming scripts/setup.sh: the PostgreSQL tests fail rather than being skipped.
 */
public final class PostgresServer {
    public static final String SUPERUSER = "tunebook";
    private static PostgresServer shared;

    private final Path dir;
    private final Path data;
    private final Path bin;
    private final List<String> runAs;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "tunebook-pg-stop"));
        }
        return shared;
    }

    private PostgresServer(Path dir, Path bin, List<String> runAs, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.bin = bin;
        this.runAs = runAs;
        this.port = port;
    }

    private static PostgresServer start() {
        Path bin = findBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH, in /usr/lib/postgresql/<version>/bin "
                        + "or in $TUNEBOOK_PG_BIN: run scripts/setup.sh (as root; it installs Debian's postgresql package "
                        + "and the tunebook-pg user) before mvn verify"));
        List<String> runAs = new ArrayList<>();
        if (isRoot()) {
            String user = Optional.ofNullable(System.getenv("TUNEBOOK_PG_USER")).orElse("tunebook-pg");
            if (run(List.of("id", "-u", user), null, 10).exitCode != 0) {
                throw new IllegalStateException("initdb refuses to run as root and the user '" + user + "' does not exist: "
                        + "run scripts/setup.sh (as root; it creates the tunebook-pg system user), or set TUNEBOOK_PG_USER");
            }
            runAs.addAll(List.of("runuser", "-u", user, "--"));
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tunebook-pg-");
            // The server's user (tunebook-pg when we are root) creates its data folder, socket and log here.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for PostgreSQL in java.io.tmpdir: " + e.getMessage(), e);
        }
        Result init = run(cmd(runAs, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"), dir, 120);
        if (init.exitCode != 0) {
            deleteQuietly(dir);
            throw new IllegalStateException("initdb failed (exit " + init.exitCode + "): " + init.output
                    + "\nrun scripts/setup.sh to install PostgreSQL and its user");
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            PostgresServer s = new PostgresServer(dir, bin, runAs, port);
            Result r = run(cmd(runAs, bin.resolve("pg_ctl").toString(), "-D", s.data.toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "120", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"), dir, 150);
            if (r.exitCode == 0) return s;
            last = new IllegalStateException("pg_ctl start failed on port " + port + " (exit " + r.exitCode + "): " + r.output
                    + "\nserver log: " + readQuietly(dir.resolve("server.log")));
        }
        deleteQuietly(dir);
        throw last;
    }

    /** A JDBC URL of the server's default database. */
    public String adminUrl() {
        return url("postgres");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase() {
        String name = "tb_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name); // a generated identifier, never user input
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + adminUrl() + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    synchronized void stop() {
        if (!Files.isDirectory(data)) return;
        run(cmd(runAs, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), dir, 60);
        deleteQuietly(dir);
    }

    // ------------------------------------------------------------ helpers

    static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("TUNEBOOK_PG_BIN");
        if (env != null && !env.isBlank()) {
            Path d = Path.of(env); // an explicit choice: no fallback
            return Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")) ? Optional.of(d) : Optional.empty();
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isBlank()) candidates.add(Path.of(p));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing((Path v) -> versionNumber(v.getFileName().toString())).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException ignored) {
                // no Debian layout
            }
        }
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .findFirst();
    }

    private static int versionNumber(String s) {
        try {
            return Integer.parseInt(s.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        Result r = run(List.of("id", "-u"), null, 10);
        return r.exitCode == 0 && r.output.strip().equals("0");
    }

    private static List<String> cmd(List<String> prefix, String... args) {
        List<String> c = new ArrayList<>(prefix);
        c.addAll(Arrays.asList(args));
        return c;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path dir, int timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) pb.directory(dir.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes(); // pg_ctl -w detaches the server's output to the log file
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(none)";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
