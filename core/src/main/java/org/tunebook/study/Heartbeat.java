package org.tunebook.study;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tunebook.storage.Storage;

/**
 * Tells the storage, every {@code interval}, that this process's running trials are alive. One daemon thread per
 * study object, alive only while it has running trials; the first heartbeat of a trial is written with the trial
 * itself (Storage.createTrial / popWaitingTrial with heartbeat = true). A failed write is reported and retried at the next beat: if none succeeds within the
 * grace period, other workers will fail the trial (see {@link Storage#failStaleTrials}).
 */
final class Heartbeat {
    private final Storage storage;
    private final Duration interval;
    private final String studyName;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private Thread thread;
    private volatile boolean failing;

    Heartbeat(Storage storage, Duration interval, String studyName) {
        this.storage = storage;
        this.interval = interval;
        this.studyName = studyName;
    }

    /** Beats for a trial from now on; its first heartbeat was written when it was created. */
    synchronized void add(long trialId) {
        running.add(trialId);
        if (thread == null) {
            thread = new Thread(this::loop, "tunebook-heartbeat-" + studyName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void remove(long trialId) {
        running.remove(trialId);
    }

    private void loop() {
        while (true) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                // nobody interrupts this thread on purpose; keep beating while trials run
            }
            List<Long> ids;
            synchronized (this) {
                if (running.isEmpty()) {
                    thread = null;
                    return;
                }
                ids = List.copyOf(running);
            }
            for (long id : ids) {
                if (running.contains(id)) beat(id);
            }
        }
    }

    private void beat(long trialId) {
        try {
            storage.heartbeat(trialId);
            if (failing) {
                failing = false;
                Study.ERR.println("[tunebook] heartbeats of study '" + studyName + "' reach " + storage.url() + " again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                Study.ERR.println("[tunebook] cannot send the heartbeat of a trial of study '" + studyName + "' to " + storage.url()
                        + " (" + Study.reason(e) + "); retrying every " + interval.toMillis() + " ms");
            }
        }
    }
}
