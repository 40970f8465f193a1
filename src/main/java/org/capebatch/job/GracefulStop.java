package org.capebatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (a pod evicted, a node drained) and SIGINT (Ctrl-C) while the job runs: instead
 * of the JVM's shutdown, the first signal asks the running execution to stop (Batch's
 * {@code JobOperator.stop}: every step ends at its next chunk boundary, STOPPED), and the
 * runner then exits 5 as usual. A second signal falls back to the JVM's handler.
 * <p>
 * Why not Batch 6's {@code JobExecutionShutdownHook}: in a JVM shutdown hook the exit
 * code is 143 whatever happens, and Boot's own shutdown hook closes the context (and the
 * connection pool) concurrently with the stopping job. Handling the signal keeps the JVM
 * alive until the job has stopped and the context is closed normally.
 */
final class GracefulStop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final List<Signal> signals = new ArrayList<>();

    private final List<SignalHandler> previous = new ArrayList<>();

    private final AtomicBoolean requested = new AtomicBoolean();

    private GracefulStop() {
    }

    /**
     * Installs the handlers; {@code stop} runs (on the signal's thread) for the first
     * signal only.
     */
    static GracefulStop install(Runnable stop) {
        GracefulStop graceful = new GracefulStop();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                SignalHandler before = Signal.handle(signal, s -> graceful.onSignal(s, stop));
                graceful.signals.add(signal);
                graceful.previous.add(before);
            }
            catch (IllegalArgumentException e) {
                // The JVM may reserve a signal (-Xrs, or a platform without it): keep its
                // default behaviour.
                log.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return graceful;
    }

    boolean requested() {
        return requested.get();
    }

    private void onSignal(Signal signal, Runnable stop) {
        if (!requested.compareAndSet(false, true)) {
            log.warn("SIG{} again: leaving without waiting for the job to stop", signal.getName());
            SignalHandler before = previous.get(signals.indexOf(signal));
            try {
                before.handle(signal);
            }
            catch (UnsupportedOperationException e) {
                // SIG_DFL or SIG_IGN cannot be called from Java; exit as the default
                // would.
                Runtime.getRuntime().exit(128 + signal.getNumber());
            }
            return;
        }
        log.warn("SIG{}: stopping the job at the next chunk boundary; the same command resumes it", signal.getName());
        try {
            stop.run();
        }
        catch (RuntimeException e) {
            log.error("Could not stop the job", e);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }

}
