package org.tunebook.study;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.storage.Storage;

/**
 * One worker process of a distributed study, for the tests that start several JVMs on one storage:
 * {@code java -cp ... org.tunebook.study.WorkerMain url=... study=... [key=value...]}.
 * <ul>
 *   <li>{@code trials=N}: trials this process runs (default: no limit, see until*)</li>
 *   <li>{@code sleepMs=N}: the objective sleeps this long (default 0: a trivial trial)</li>
 *   <li>{@code hang=true}: the objective suggests its parameters, then blocks (to be killed mid-trial)</li>
 *   <li>{@code heartbeatMs=N graceMs=M}: heartbeats (default: none); {@code retry=true}: retry dead trials</li>
 *   <li>{@code untilComplete=N untilFailed=M}: stop once the study has this many COMPLETE (and FAIL) trials</li>
 * </ul>
 * Prints "started" once the study is loaded and "done" at the end, on standard output.
 */
public final class WorkerMain {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("arguments are key=value, got " + arg);
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Storage storage = Storage.open(a.get("url"));
        Study.Builder b = Study.builder(a.get("study")).storage(storage).minimize().sampler(new RandomSampler()).loadIfExists();
        if (a.containsKey("heartbeatMs")) {
            b.heartbeat(Duration.ofMillis(Long.parseLong(a.get("heartbeatMs"))), Duration.ofMillis(Long.parseLong(a.get("graceMs"))))
                    .retryFailedTrials(Boolean.parseBoolean(a.getOrDefault("retry", "false")));
        }
        Study study = b.create();
        long sleepMs = Long.parseLong(a.getOrDefault("sleepMs", "0"));
        boolean hang = Boolean.parseBoolean(a.getOrDefault("hang", "false"));
        int untilComplete = Integer.parseInt(a.getOrDefault("untilComplete", "-1"));
        int untilFailed = Integer.parseInt(a.getOrDefault("untilFailed", "0"));
        OptimizeOptions o = OptimizeOptions.defaults().withProgress(false).withLogFailures(false);
        if (a.containsKey("trials")) o = o.withTrials(Integer.parseInt(a.get("trials")));
        if (untilComplete >= 0) {
            o = o.withCallback((s, t) -> {
                if (s.storage().countTrials(s.studyId(), EnumSet.of(TrialState.COMPLETE)) >= untilComplete
                        && s.storage().countTrials(s.studyId(), EnumSet.of(TrialState.FAIL)) >= untilFailed) {
                    s.stop();
                }
            });
        }
        System.out.println("started");
        System.out.flush();
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", -10, 10);
            int n = trial.suggestInt("n", 0, 5);
            if (hang) {
                System.out.println("hanging in trial " + trial.number());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            if (sleepMs > 0) Thread.sleep(sleepMs);
            return x * x + n;
        }, o);
        storage.close();
        System.out.println("done");
    }
}
