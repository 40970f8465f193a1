package org.capebatch.jobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.capebatch.CapeBatchApplication;
import org.capebatch.job.StartupFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10: the embedded PostgreSQL starts while Spring builds the context, not when the
 * DataSource bean is created. A bean factory post-processor runs after the configuration
 * classes are parsed and before any bean exists; these tests look from there at the data
 * directory (real server, real processes). Before the change the server could only start
 * after every post-processor, so the probe would never see it.
 */
class EmbeddedPostgresEarlyStartTest {

    private static final Duration SERVER_WAIT = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopLeftovers() throws IOException {
        children.forEach(Process::destroyForcibly);
        // A failed assertion must not leave a server behind for the next test.
        for (long pid : ServerProcesses.in(workDir.resolve(EmbeddedPostgresServer.DATA_DIRECTORY))) {
            ServerProcesses.signal(pid, "KILL");
        }
    }

    @Test
    void run_WhenEmbeddedStore_ThenServerUpBeforeAnyBeanIsCreatedAndStoppedWithContext() throws Exception {
        ServerProbe probe = new ServerProbe(dataDirectory(), false);

        long postmasterPid;
        try (ConfigurableApplicationContext context = application(probe).run(args())) {
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            postmasterPid = server.postmasterPid();
            assertThat(probe.seenPid).as("postmaster serving the data directory while post-processors ran")
                .isEqualTo(postmasterPid);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM BATCH_JOB_INSTANCE", Long.class)).isZero();
        }

        assertThat(ServerProcesses.isRunning(postmasterPid)).isFalse();
        assertThat(ServerProcesses.in(dataDirectory())).isEmpty();
        assertThat(lockIsFree()).isTrue();
    }

    @Test
    void run_WhenContextFailsBeforeDataSourceBean_ThenEarlyServerStoppedAndWorkDirFree() throws Exception {
        ServerProbe probe = new ServerProbe(dataDirectory(), true);

        assertThatThrownBy(() -> application(probe).run(args())).hasMessageContaining(ServerProbe.FAILURE);

        assertThat(probe.seenPid).as("server was up when the context failed").isPositive();
        assertThat(ServerProcesses.isRunning(probe.seenPid)).isFalse();
        assertThat(ServerProcesses.in(dataDirectory())).isEmpty();
        assertThat(lockIsFree()).isTrue();
    }

    @Test
    void run_WhenContextFailsWhileServerMayStillBeStarting_ThenNoServerLeftOnceRunReturns() throws Exception {
        BeanFactoryPostProcessor failAtOnce = beanFactory -> {
            throw new IllegalStateException(ServerProbe.FAILURE);
        };

        assertThatThrownBy(() -> application(failAtOnce).run(args())).hasMessageContaining(ServerProbe.FAILURE);

        assertThat(ServerProcesses.in(dataDirectory())).isEmpty();
        assertThat(PostmasterPidFile.read(dataDirectory())).isEmpty();
        assertThat(lockIsFree()).isTrue();
    }

    @Test
    void run_WhenWorkDirOwnedByAnotherProcess_ThenSameOneLineFailureAsWithoutEarlyStart() throws Exception {
        Process owner = startOwner();

        assertThatThrownBy(() -> application(beanFactory -> {
        }).run(args())).satisfies(failure -> {
            StartupFailure line = StartupFailure.of(failure);
            assertThat(line.exitCode()).isEqualTo(1);
            assertThat(line.message()).isEqualTo("could not start: Work directory " + workDir.toRealPath()
                    + " is in use by another process (pid " + owner.pid() + "); wait for it to finish or choose"
                    + " another --cape.work-dir. Fix the cause and run the same command again");
        });
    }

    @Test
    void run_WhenSigtermWhileServerStarts_ThenProcessEndsWithNoServerLeft() throws Exception {
        Path sample = Path.of("sample", "es003-sample.csv").toAbsolutePath();
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CapeBatchApplication.class.getName(), "input=" + sample,
                "runDate=2026-11-30", "--cape.output-dir=" + workDir.resolve("out"), "--cape.work-dir=" + workDir)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("run.out").toFile())
            .start();
        children.add(run);
        // initdb writes PG_VERSION first: the signal comes while the server is being
        // made.
        long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
        while (!Files.exists(dataDirectory().resolve("PG_VERSION")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        run.destroy(); // SIGTERM
        assertThat(run.waitFor(SERVER_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long grace = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!ServerProcesses.in(dataDirectory()).isEmpty() && System.nanoTime() < grace) {
            Thread.sleep(100);
        }
        assertThat(ServerProcesses.in(dataDirectory())).as("PostgreSQL processes left on the data directory").isEmpty();
    }

    @Test
    void environmentPrepared_WhenDatasourceUrlSet_ThenNoEmbeddedServerStarted() {
        Path unusedWorkDir = workDir.resolve("unused");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .addFirst(new MapPropertySource("test", Map.of("spring.datasource.url",
                    "jdbc:postgresql://db.example:5432/cape", "cape.work-dir", unusedWorkDir.toString())));

        new EmbeddedPostgresEarlyStartListener().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));

        assertThat(unusedWorkDir).doesNotExist();
    }

    private String[] args() {
        return new String[] { "--cape.work-dir=" + workDir, "--cape.job.run-on-startup=false" };
    }

    private static SpringApplication application(BeanFactoryPostProcessor probe) {
        SpringApplication application = new SpringApplication(CapeBatchApplication.class);
        application.addInitializers(context -> context.addBeanFactoryPostProcessor(probe));
        return application;
    }

    private Path dataDirectory() {
        return workDir.resolve(EmbeddedPostgresServer.DATA_DIRECTORY);
    }

    private boolean lockIsFree() throws IOException {
        try (FileChannel channel = FileChannel.open(workDir.resolve(EmbeddedPostgresServer.LOCK_FILE),
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock != null;
        }
    }

    /** A child JVM that owns the work directory (its server up) until killed. */
    private Process startOwner() throws IOException, InterruptedException {
        Path output = workDir.resolve("owner.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(), workDir.toString(),
                "owner")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        children.add(child);
        long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.readString(output, StandardCharsets.UTF_8).contains("READY ")) {
                return child;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("owner JVM did not get ready:\n" + Files.readString(output));
    }

    /**
     * Waits, while the context's post-processors run, for a postmaster that is ready and
     * serves the data directory; remembers its pid, and fails the context when asked to.
     */
    private static final class ServerProbe implements BeanFactoryPostProcessor {

        static final String FAILURE = "probe: the context fails here";

        private final Path dataDirectory;

        private final boolean failContext;

        private volatile long seenPid = -1;

        ServerProbe(Path dataDirectory, boolean failContext) {
            this.dataDirectory = dataDirectory;
            this.failContext = failContext;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
            while (this.seenPid < 0 && System.nanoTime() < deadline) {
                try {
                    Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(this.dataDirectory);
                    if (pidFile.isPresent() && pidFile.get().status().equals("ready")
                            && ServerProcesses.serves(pidFile.get().pid(), this.dataDirectory)) {
                        this.seenPid = pidFile.get().pid();
                    }
                    else {
                        Thread.sleep(50);
                    }
                }
                catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (this.failContext) {
                throw new IllegalStateException(FAILURE);
            }
        }

    }

}
