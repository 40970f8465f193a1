package org.capebatch.jobstore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An {@link EmbeddedPostgresServer#start} running on its own thread while Spring builds
 * the context (issue 10: initdb and the server start took 1.5 s of a 7.9 s start, all of
 * it on the main thread). {@link EmbeddedPostgresEarlyStartListener} begins it once the
 * Environment is known; the {@code embeddedPostgresServer} bean takes the server over
 * with {@link #takeServer()}, which waits for the start and rethrows its failure
 * unchanged, so a locked or broken work directory ends the run with the same line as
 * before.
 *
 * <p>
 * Until the bean has taken it, the server belongs to this object: {@link #close()} stops
 * it (the context failed, or closed without wanting a job store), so no server is left
 * running without an owner; a JVM ended by a signal meanwhile stops it by the server's
 * own shutdown hook, which waits for a start under way. After the hand-over closing this
 * object does nothing and the bean's handle stops the server as before.
 */
final class EmbeddedPostgresEarlyStart implements AutoCloseable {

    private final Path workDir;

    private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();

    private boolean handedOver;

    private boolean closed;

    private EmbeddedPostgresEarlyStart(Path workDir) {
        this.workDir = workDir;
    }

    /** Starts the server of {@code workDir} on a new thread and returns at once. */
    static EmbeddedPostgresEarlyStart begin(Path workDir) {
        EmbeddedPostgresEarlyStart start = new EmbeddedPostgresEarlyStart(workDir);
        Thread thread = new Thread(start::run, "embedded-postgres-start");
        // Daemon: never what keeps a JVM alive; every way out of the run closes this
        // first.
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    private void run() {
        try {
            this.server.complete(EmbeddedPostgresServer.start(this.workDir));
        }
        catch (Throwable failure) {
            this.server.completeExceptionally(failure);
        }
    }

    /** Whether this start is for {@code workDir}, the directory the bean was given. */
    boolean isFor(Path workDir) {
        return this.workDir.toAbsolutePath().normalize().equals(workDir.toAbsolutePath().normalize());
    }

    /**
     * Waits for the start and hands the server to the caller, who closes it from then on.
     * @throws IOException the start's own failure, the same exception
     * {@link EmbeddedPostgresServer#start} would have thrown on the caller's thread
     * @throws IllegalStateException when this start was already closed (the application
     * is stopping)
     */
    synchronized EmbeddedPostgresServer takeServer() throws IOException {
        if (this.closed || this.handedOver) {
            throw new IllegalStateException("The embedded PostgreSQL of " + this.workDir
                    + " was already stopped or handed over: the application is stopping");
        }
        EmbeddedPostgresServer started = await();
        this.handedOver = true;
        return started;
    }

    /**
     * Stops the server unless the bean took it over; waits for a start still under way.
     */
    @Override
    public synchronized void close() {
        if (this.closed || this.handedOver) {
            return;
        }
        this.closed = true;
        EmbeddedPostgresServer started;
        try {
            started = await();
        }
        catch (IOException | RuntimeException | Error failure) {
            return; // the start failed: no server runs, and whoever needed it reports why
        }
        started.close();
    }

    private EmbeddedPostgresServer await() throws IOException {
        try {
            return this.server.get();
        }
        catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IOException(failure);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the embedded PostgreSQL of " + this.workDir, e);
        }
    }

}
