package org.tunebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.storage.Storage;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Studies;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;
import org.tunebook.util.Json;

/** The CLI end to end: real objective processes (python3 scripts), a real SQLite file. */
class CliTest {
    @TempDir
    Path dir;
    Path db;
    String storage;

    /** Prints noise, then (x - 2)^2 + 1 as its last line; checks that the environment carries the same values. */
    static final String OBJECTIVE = """
            import os, sys
            x = float(sys.argv[1])
            if os.environ["TUNEBOOK_PARAM_X"] != sys.argv[1] or "TUNEBOOK_TRIAL_NUMBER" not in os.environ:
                sys.exit(9)
            print("evaluating", x)
            print((x - 2) ** 2 + 1)
            """;

    /** Behaves according to its mode: ok, fail (exit 3), text (non-numeric), slow (sleeps with a child process). */
    static final String MODES = """
            import subprocess, sys, time
            mode, x, pids = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            if mode == "ok":
                print(10 + x)
            elif mode == "fail":
                print("partial output")
                print("Traceback: boom at x=%d" % x, file=sys.stderr)
                sys.exit(3)
            elif mode == "text":
                print("hello")
            else:
                child = subprocess.Popen(["sleep", "60"])
                with open(pids, "a") as f:
                    f.write("%d\\n" % child.pid)
                time.sleep(60)
            """;

    @BeforeEach
    void setUp() {
        db = dir.resolve("studies.db");
        storage = "sqlite:" + db;
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path script(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String[] args(List<String> head, String... command) {
        List<String> all = new ArrayList<>(head);
        all.add("--");
        all.addAll(Arrays.asList(command));
        return all.toArray(String[]::new);
    }

    @Test
    void randomSearchThenResumeThenTheReadingCommands() throws Exception {
        Path obj = script("objective.py", OBJECTIVE);
        List<String> opts = List.of("optimize", "--study", "quad", "--storage", storage, "--sampler", "random", "--trials", "5",
                "--seed", "7", "--param", "x=real(-5,10)", "--json");
        Result first = cli(args(opts, "python3", obj.toString(), "{x}"));
        assertEquals(0, first.code, first.err);
        JsonNode json = Json.MAPPER.readTree(first.out);
        assertEquals(5, json.get("trials").size());
        assertEquals(Set.of("best_value", "best_params", "trials"), fieldNames(json));
        double best = Double.POSITIVE_INFINITY;
        for (JsonNode t : json.get("trials")) {
            assertEquals("COMPLETE", t.get("state").asText(), t.toString());
            assertEquals(Set.of("number", "value", "params", "state"), fieldNames(t));
            double x = t.get("params").get("x").asDouble();
            assertEquals((x - 2) * (x - 2) + 1, t.get("value").asDouble(), 1e-9);
            best = Math.min(best, t.get("value").asDouble());
        }
        assertEquals(best, json.get("best_value").asDouble());
        assertTrue(first.err.contains("[tunebook] trial 4 COMPLETE"), "progress goes to stderr with --json: " + first.err);

        Result second = cli(args(List.of("optimize", "--study", "quad", "--storage", storage, "--sampler", "random", "--trials", "3",
                "--seed", "7", "--param", "x=real(-5,10)"), "python3", obj.toString(), "{x}"));
        assertEquals(0, second.code, second.err);
        assertTrue(second.out.contains("resuming after 5 trials"), second.out);
        assertTrue(second.out.contains("[tunebook] trial 7 COMPLETE"), second.out);
        try (Storage st = Storage.open(storage)) {
            Study s = Studies.load("quad", st);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), s.trials().stream().map(FrozenTrial::number).toList());
            assertEquals(8, s.trials().stream().map(t -> t.params().get("x")).distinct().count(), "the same --seed does not repeat points on resume");
        }

        Path csv = dir.resolve("out/top.csv");
        Result trials = cli("trials", "--study", "quad", "--storage", storage, "--sort", "value", "--top", "3", "--csv", csv.toString());
        assertEquals(0, trials.code, trials.err);
        assertTrue(trials.out.contains("params_x") && trials.out.contains("(3 of 8 trials"), trials.out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), lines.toString());
        List<String> header = List.of(lines.get(0).split(","));
        int valueCol = header.indexOf("value");
        double previous = Double.NEGATIVE_INFINITY;
        for (String line : lines.subList(1, 4)) {
            double v = Double.parseDouble(line.split(",")[valueCol]);
            assertTrue(v >= previous, "sorted ascending: " + lines);
            previous = v;
        }

        Result bestCmd = cli("best", "--study", "quad", "--storage", storage);
        assertEquals(0, bestCmd.code, bestCmd.err);
        try (Storage st = Storage.open(storage)) {
            FrozenTrial b = Studies.load("quad", st).bestTrial();
            assertTrue(bestCmd.out.contains("best trial " + b.number() + " ") && bestCmd.out.contains("value = " + b.value())
                    && bestCmd.out.contains("x = " + CommandObjective.format(b.params().get("x"))), bestCmd.out);
            assertEquals(b.value(), Double.parseDouble(lines.get(1).split(",")[valueCol]), 1e-9);
        }
        Result studies = cli("studies", "--storage", storage);
        assertEquals(0, studies.code, studies.err);
        assertTrue(studies.out.lines().anyMatch(l -> l.startsWith("quad ") && l.contains(" 8 ")), studies.out);
    }

    @Test
    void gridRunsEveryPointAndFailuresAreStoredWithTheirReasons() throws Exception {
        Path modes = script("modes.py", MODES);
        Path pids = dir.resolve("pids.txt");
        Result r = cli(args(List.of("optimize", "--study", "modes", "--storage", storage, "--sampler", "grid", "--jobs", "2",
                        "--trial-timeout", "8", "--param", "mode=cat(ok,fail,text,slow)", "--param", "x=int(0,1)", "--json"),
                "python3", modes.toString(), "{mode}", "{x}", pids.toString()));
        assertEquals(0, r.code, r.err);
        assertEquals(1, r.out.strip().lines().count(), "stdout is exactly the JSON object: " + r.out);
        JsonNode json = Json.MAPPER.readTree(r.out);
        assertEquals(10.0, json.get("best_value").asDouble());
        assertEquals(Map.of("mode", "ok", "x", 0), Json.MAPPER.convertValue(json.get("best_params"), Map.class));
        assertEquals(8, json.get("trials").size());
        Set<String> seen = new HashSet<>();
        for (JsonNode t : json.get("trials")) {
            String mode = t.get("params").get("mode").asText();
            seen.add(mode + t.get("params").get("x").asInt());
            assertEquals(mode.equals("ok") ? "COMPLETE" : "FAIL", t.get("state").asText(), t.toString());
            assertEquals(mode.equals("ok"), !t.get("value").isNull(), t.toString());
        }
        assertEquals(8, seen.size(), "every grid point exactly once: " + seen);

        try (Storage st = Storage.open(storage)) {
            for (FrozenTrial t : Studies.load("modes", st).trials()) {
                String reason = t.failReason();
                switch ((String) t.params().get("mode")) {
                    case "ok" -> assertEquals(TrialState.COMPLETE, t.state());
                    case "fail" -> assertTrue(reason.contains("exit code 3") && reason.contains("Traceback: boom at x=" + t.params().get("x")), reason);
                    case "text" -> assertTrue(reason.contains("'hello', not a number"), reason);
                    default -> assertTrue(reason.contains("timed out after 8 s"), reason);
                }
            }
        }
        assertTrue(r.err.contains("Traceback: boom at x=0"), "the command's stderr is passed through: " + r.err);
        assertTrue(r.err.contains("reason: CommandFailed: exit code 3"), "the progress line shows the reason: " + r.err);
        List<String> children = Files.readAllLines(pids);
        assertEquals(2, children.size(), children.toString());
        for (String pid : children) {
            long p = Long.parseLong(pid.strip());
            // the grandchild (sleep 60) was killed with its parent; allow the OS a moment to reap it
            for (int i = 0; i < 50 && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
            assertFalse(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false), "process " + p + " outlived its trial");
        }

        Result again = cli(args(List.of("optimize", "--study", "modes", "--storage", storage, "--sampler", "grid",
                "--param", "mode=cat(ok,fail,text,slow)", "--param", "x=int(0,1)"), "python3", modes.toString(), "{mode}", "{x}", pids.toString()));
        assertEquals(0, again.code, again.err);
        assertFalse(again.out.contains("[tunebook] trial 8"), "an exhausted grid runs no more trials: " + again.out);
    }

    @Test
    void badArgumentsNameTheOptionAndExitWithCode2() throws Exception {
        Path obj = script("objective.py", OBJECTIVE);
        String py = obj.toString();
        List<String> base = List.of("optimize", "--study", "s", "--storage", storage);
        Object[][] cases = {
                {args(concat(base, "--sampler", "bayes", "--trials", "3", "--param", "x=real(0,1)"), "python3", py, "{x}"), "--sampler bayes", "ga, gp, grid, nsga2, random, tpe"},
                {args(concat(base, "--sampler", "random", "--trials", "3", "--param", "x=real(1,0)"), "python3", py, "{x}"), "--param", "'x'"},
                {args(concat(base, "--sampler", "random", "--trials", "3", "--param", "x=rael(0,1)"), "python3", py, "{x}"), "--param", "real, int or cat"},
                {args(concat(base, "--sampler", "random", "--trials", "0", "--param", "x=real(0,1)"), "python3", py, "{x}"), "--trials", "at least 1"},
                {args(concat(base, "--sampler", "random", "--trials", "x", "--param", "x=real(0,1)"), "python3", py, "{x}"), "--trials", "'x'"},
                {args(concat(base, "--sampler", "random", "--trails", "3", "--param", "x=real(0,1)"), "python3", py, "{x}"), "--trails", "--trials"},
                {args(concat(base, "--sampler", "random", "--param", "x=real(0,1)"), "python3", py, "{x}"), "--trials", "--trials N"},
                {args(concat(base, "--sampler", "random", "--trials", "2", "--direction", "up", "--param", "x=real(0,1)"), "python3", py), "--direction", "minimize or maximize"},
                {args(concat(base, "--sampler", "random", "--trials", "2", "--jobs", "0", "--param", "x=real(0,1)"), "python3", py), "--jobs", "at least 1"},
                {args(concat(base, "--sampler", "random", "--trials", "2", "--trial-timeout", "-1", "--param", "x=real(0,1)"), "python3", py), "--trial-timeout", "positive"},
                {args(concat(base, "--sampler", "grid", "--param", "x=real(0,1)"), "python3", py, "{x}"), "--sampler grid", "step="},
                {args(concat(base, "--sampler", "random", "--trials", "2", "--param", "x=real(0,1)")), "COMMAND", "after --"},
                {args(concat(base, "--sampler", "random", "--trials", "2", "--param", "x=real(0,1)"), "no-such-program-xyz", "{x}"), "COMMAND", "not found on PATH"},
                {args(concat(List.of("optimize", "--study", "s", "--storage", "foo:bar"), "--sampler", "random", "--trials", "2", "--param", "x=real(0,1)"), "python3", py), "--storage", "sqlite:PATH"},
                {args(concat(List.of("optimize", "--storage", storage), "--sampler", "random", "--trials", "2", "--param", "x=real(0,1)"), "python3", py), "--study", "missing"},
                {new String[]{"trials", "--study", "nope", "--storage", "sqlite:" + dir.resolve("missing.db")}, "--storage", "no such file"},
                {new String[]{"frobnicate"}, "frobnicate", "optimize"},
        };
        for (Object[] c : cases) {
            String[] a = (String[]) c[0];
            Result r = cli(a);
            String what = String.join(" ", a) + "\n-> " + r.err;
            assertEquals(2, r.code, what);
            assertTrue(r.err.contains((String) c[1]) && r.err.contains((String) c[2]), what);
            assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), "no stack trace: " + what);
        }
        assertFalse(Files.exists(dir.resolve("missing.db")), "a reading command must not create a storage");

        // a study that exists: unknown study names and columns are listed
        assertEquals(0, cli(args(concat(base, "--sampler", "random", "--trials", "1", "--param", "x=real(0,1)"), "python3", py, "{x}")).code);
        Result noStudy = cli("best", "--study", "nope", "--storage", storage);
        assertEquals(2, noStudy.code);
        assertTrue(noStudy.err.contains("--study nope") && noStudy.err.contains("use one of s"), noStudy.err);
        Result badSort = cli("trials", "--study", "s", "--storage", storage, "--sort", "colour");
        assertEquals(2, badSort.code);
        assertTrue(badSort.err.contains("--sort colour") && badSort.err.contains("params_x"), badSort.err);
        Result dir2 = cli(args(concat(base, "--sampler", "random", "--trials", "1", "--direction", "maximize", "--param", "x=real(0,1)"), "python3", py, "{x}"));
        assertEquals(2, dir2.code);
        assertTrue(dir2.err.contains("--direction") && dir2.err.contains("MINIMIZE"), dir2.err);
    }

    /** SIGTERM (as Ctrl-C's SIGINT) to the CLI's JVM: the running trial is stored as FAIL "interrupted" and its command is killed. */
    @Test
    void terminatingTheCliFailsTheRunningTrialAndKillsItsCommand() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "optimize", "--study", "term", "--storage", storage, "--sampler", "random", "--trials", "3", "--param", "x=real(0,1)",
                "--", "sleep", "120");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
        ProcessHandle sleeper = null;
        for (int i = 0; i < 600 && sleeper == null; i++) {
            Thread.sleep(100);
            sleeper = p.descendants().filter(h -> h.info().command().map(c -> c.endsWith("sleep")).orElse(false)).findFirst().orElse(null);
        }
        assertTrue(sleeper != null, "the trial's command started: " + Files.readString(dir.resolve("cli.log")));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("cli.log"));
        for (int i = 0; i < 50 && sleeper.isAlive(); i++) Thread.sleep(100);
        assertFalse(sleeper.isAlive(), "the command of the interrupted trial was killed");
        try (Storage st = Storage.open(storage)) {
            List<FrozenTrial> trials = Studies.load("term", st).trials();
            assertEquals(1, trials.size(), log);
            assertEquals(TrialState.FAIL, trials.get(0).state(), log);
            assertTrue(trials.get(0).failReason().startsWith("interrupted"), trials.get(0).failReason());
        }
        assertTrue(log.contains("trial 0 FAIL") && log.contains("reason: interrupted"), log);
    }

    @Test
    void helpAndVersion() {
        Result help = cli("optimize", "--help");
        assertEquals(0, help.code);
        assertTrue(help.out.contains("--trial-timeout") && help.out.contains("TUNEBOOK_PARAM_"), help.out);
        Result version = cli("--version");
        assertEquals(0, version.code);
        assertTrue(version.out.startsWith("tunebook 0."), version.out);
        Result none = cli();
        assertEquals(2, none.code);
        assertTrue(none.err.contains("optimize, studies, trials or best"), none.err);
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
