package org.tunebook.bench.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;

/**
 * Throughput of trivial trials (two parameters, x^2 + n) with several worker processes sharing one study, the
 * same protocol as bench/python/storage_optuna.py. One JSON line per configuration on standard output:
 * <pre>
 *   run STORAGE_URL LABEL WORKERS_CSV TRIALS_PER_WORKER [heartbeat]
 *   worker STORAGE_URL STUDY TRIALS [heartbeat]      (started by run, one JVM per worker)
 * </pre>
 * Throughput = all trials / (last worker's end - first worker's start of optimize()): JVM start-up is excluded,
 * as Python's import time is on the Optuna side.
 */
public final class StorageBench {
    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("worker")) {
            worker(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 && args[4].equals("heartbeat"));
        } else if (args.length >= 5 && args[0].equals("run")) {
            run(args[1], args[2], args[3], Integer.parseInt(args[4]), args.length > 5 && args[5].equals("heartbeat"));
        } else {
            System.err.println("usage: StorageBench run STORAGE_URL LABEL WORKERS_CSV TRIALS_PER_WORKER [heartbeat]");
            System.exit(2);
        }
    }

    private static Study.Builder builder(Storage storage, String study, boolean heartbeat) {
        Study.Builder b = Study.builder(study).storage(storage).direction(Direction.MINIMIZE).sampler(new RandomSampler());
        if (heartbeat) b.heartbeat(Duration.ofSeconds(10), Duration.ofSeconds(30));
        return b;
    }

    private static void worker(String url, String studyName, int trials, boolean heartbeat) {
        try (Storage storage = Storage.open(url)) {
            Study study = builder(storage, studyName, heartbeat).load();
            long start = System.currentTimeMillis();
            study.optimize(t -> {
                double x = t.suggestFloat("x", -10, 10);
                int n = t.suggestInt("n", 0, 5);
                return x * x + n;
            }, OptimizeOptions.trials(trials).withProgress(false));
            long end = System.currentTimeMillis();
            System.out.println("RESULT " + start + " " + end);
        }
    }

    private static void run(String url, String label, String workersCsv, int trialsPerWorker, boolean heartbeat) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        for (String w : workersCsv.split(",")) {
            int workers = Integer.parseInt(w.trim());
            String studyName = "bench-" + label + "-w" + workers + "-" + System.nanoTime();
            try (Storage storage = Storage.open(url)) {
                builder(storage, studyName, heartbeat).create();
            }
            List<Process> procs = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", cp, StorageBench.class.getName(),
                        "worker", url, studyName, Integer.toString(trialsPerWorker)));
                if (heartbeat) cmd.add("heartbeat");
                procs.add(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Process p : procs) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("RESULT ")) {
                            String[] f = line.split(" ");
                            first = Math.min(first, Long.parseLong(f[1]));
                            last = Math.max(last, Long.parseLong(f[2]));
                        }
                    }
                }
                if (p.waitFor() != 0) throw new IllegalStateException("a worker of " + label + " with " + workers + " workers failed");
            }
            int total;
            try (Storage storage = Storage.open(url)) {
                total = builder(storage, studyName, heartbeat).load().completeTrials().size();
            }
            if (total != workers * trialsPerWorker) {
                throw new IllegalStateException(label + ": expected " + workers * trialsPerWorker + " COMPLETE trials, found " + total);
            }
            double seconds = (last - first) / 1000.0;
            System.out.println(String.format(Locale.ROOT,
                    "{\"impl\": \"tunebook\", \"storage\": \"%s\", \"workers\": %d, \"per_worker\": %d, \"trials\": %d, \"seconds\": %.3f, \"trials_per_s\": %.1f}",
                    label, workers, trialsPerWorker, total, seconds, total / seconds));
            System.out.flush();
        }
    }
}
