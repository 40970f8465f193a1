package org.capebatch.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Progress of the long phases (import rows, assess entries, render declarations), logged every few seconds with
 * items done, rate and estimated time left, so an operator watching a million-entry run knows it is alive.
 * Writers report what they committed; partitioners report the expected total when it is known.
 */
@Component
public class Progress implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final Map<String, Phase> phases = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public Progress(@Value("${cape.job.progress-interval:5s}") Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, interval.toMillis());
        timer.scheduleAtFixedRate(this::logAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void expect(String phase, String unit, long total) {
        phase(phase, unit).total = total;
    }

    public void add(String phase, String unit, long done) {
        phase(phase, unit).done.addAndGet(done);
    }

    /**
     * For phases whose item total is unknown up front (import: rows), progress and time left come from another
     * measure of work, such as bytes of input read.
     */
    public void expectWork(String phase, long totalWork) {
        phase(phase, null).totalWork = totalWork;
    }

    public void addWork(String phase, long work) {
        phase(phase, null).work.addAndGet(work);
    }

    private Phase phase(String name, String unit) {
        Phase phase = phases.computeIfAbsent(name, n -> new Phase(System.nanoTime()));
        if (unit != null) {
            phase.unit = unit;
        }
        return phase;
    }

    private void logAll() {
        phases.forEach((name, phase) -> {
            long done = phase.done.get();
            if (done == phase.lastLogged) {
                return;
            }
            phase.lastLogged = done;
            double seconds = Math.max(1e-3, (System.nanoTime() - phase.started) / 1e9);
            long rate = Math.round(done / seconds);
            if (phase.total <= 0 && phase.totalWork > 0 && phase.work.get() > 0) {
                double fraction = Math.min(1.0, (double) phase.work.get() / phase.totalWork);
                long left = Math.round(seconds / fraction - seconds);
                log.info("{}: {} {}, {} {}/s, {}% of the input, about {} s left", name, done, phase.unit, rate,
                        phase.unit, Math.round(fraction * 100), left);
            } else if (phase.total > 0) {
                long left = rate > 0 ? Math.max(0, (phase.total - done) / rate) : -1;
                log.info("{}: {} / {} {} ({}%), {} {}/s, about {} s left", name, done, phase.total, phase.unit,
                        done * 100 / phase.total, rate, phase.unit, left);
            } else {
                log.info("{}: {} {}, {} {}/s", name, done, phase.unit, rate, phase.unit);
            }
        });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private static final class Phase {
        final long started;
        final AtomicLong done = new AtomicLong();
        final AtomicLong work = new AtomicLong();
        volatile String unit = "items";
        volatile long total;
        volatile long totalWork;
        volatile long lastLogged;

        Phase(long started) {
            this.started = started;
        }
    }
}
