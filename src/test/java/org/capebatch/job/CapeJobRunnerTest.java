package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager;
import org.springframework.context.ApplicationContext;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * The command-line runner against the real job store, as an operator calls it (issue 11):
 * <ul>
 * <li>item 2: a spelling of the same input path is the same run (refused as COMPLETED),
 * and a run recorded by an earlier version under the path as typed is still found by the
 * same command;</li>
 * <li>item 1: an output directory that belongs to another run is refused with exit 2
 * before anything is written;</li>
 * <li>item 9: the parameters logged once, as typed, and one closing line with the counts
 * and the output;</li>
 * <li>item 3: the Pushgateway group holds the totals of the last COMPLETED run; a refused
 * or failed run replaces only {@code cape_last_run_status}, never the totals; nothing but
 * cape's own gauges is pushed.</li>
 * </ul>
 */
@ExtendWith(OutputCaptureExtension.class)
class CapeJobRunnerTest extends JobTestSupport {

    private static final String SAMPLE_RELATIVE = "sample/es003-sample.csv";

    @Autowired
    ApplicationContext context;

    private FakePushgateway gateway;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new FakePushgateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop();
    }

    @Test
    void run_WhenCompleted_ThenParametersLoggedOnceReadablyAndOneClosingLine(CapturedOutput output) throws Exception {
        String real = Path.of(SAMPLE_RELATIVE).toRealPath().toString();

        assertThat(runner("input=" + SAMPLE_RELATIVE, "runDate=2026-11-30")).isZero();

        assertThat(output.getOut()
            .lines()
            .filter(line -> line.contains("runDate=2026-11-30"))
            .filter(line -> line.contains("Starting") || line.contains("launched"))
            .toList()).singleElement()
            .asString()
            .endsWith("Starting capeDeclarationJob execution "
                    + count("SELECT max(job_execution_id) FROM BATCH_JOB_EXECUTION") + " of instance "
                    + count("SELECT max(job_instance_id) FROM BATCH_JOB_INSTANCE") + ": input=" + real
                    + " runDate=2026-11-30");
        assertThat(output.getOut()).doesNotContain("JobParameter{");
        JsonNode manifest = new RunOutput(outputDir).manifest();
        assertThat(output.getOut().lines().filter(line -> line.contains(" COMPLETED: ")).toList()).singleElement()
            .asString()
            .contains("CapeJobRunner - Run input=" + real + " runDate=2026-11-30 COMPLETED: "
                    + manifest.at("/counts/entries").asLong() + " entries, " + manifest.at("/counts/eligible").asLong()
                    + " eligible, refund total " + manifest.at("/totals/refund_total").asString() + " USD, output "
                    + outputDir.toAbsolutePath().normalize() + ", ");
    }

    @Test
    void run_WhenSameInputSpelledDifferently_ThenSameInstanceRefusedAsCompleted() throws Exception {
        assertThat(runner("input=" + SAMPLE_RELATIVE, "runDate=2026-11-30")).isZero();
        byte[] manifest = Files.readAllBytes(outputDir.resolve(RunOutput.MANIFEST));

        int again = runner("input=./sample/../sample/es003-sample.csv", "runDate=2026-11-30");

        assertThat(again).isEqualTo(3);
        assertThat(stderr()).contains("already COMPLETED");
        assertThat(count("SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "SELECT parameter_value FROM BATCH_JOB_EXECUTION_PARAMS" + " WHERE parameter_name = 'input'",
                String.class))
            .isEqualTo(Path.of(SAMPLE_RELATIVE).toRealPath().toString());
        assertThat(Files.readAllBytes(outputDir.resolve(RunOutput.MANIFEST))).isEqualTo(manifest);
    }

    @Test
    void run_WhenStoreRecordedRunUnderPathAsTyped_ThenSameCommandStillFindsIt() throws Exception {
        // given: what an earlier version recorded (the relative path, not canonicalized)
        run(Path.of(SAMPLE_RELATIVE), "2026-11-30");

        int again = runner("input=" + SAMPLE_RELATIVE, "runDate=2026-11-30");

        assertThat(again).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
    }

    @Test
    void run_WhenOutputDirectoryBelongsToAnotherRun_ThenExit2AndItsFilesUntouched() throws Exception {
        assertThat(runner("input=" + SAMPLE_RELATIVE, "runDate=2026-11-30")).isZero();
        byte[] manifest = Files.readAllBytes(outputDir.resolve(RunOutput.MANIFEST));

        int other = runner("input=" + SAMPLE_RELATIVE, "runDate=2026-12-01");

        assertThat(other).isEqualTo(2);
        assertThat(stderr()).contains("output directory " + outputDir.toAbsolutePath() + " belongs to another run")
            .contains("runDate=2026-11-30")
            .contains("runDate=2026-12-01")
            .contains("Fix the command");
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertThat(Files.readAllBytes(outputDir.resolve(RunOutput.MANIFEST))).isEqualTo(manifest);
        assertThat(Files.readString(outputDir.resolve(OutputDirectoryClaim.MARKER))).contains("runDate=2026-11-30");
    }

    @Test
    void run_WhenCompletedThenRefusedThenFailed_ThenPushgatewayKeepsTheCompletedTotals() throws Exception {
        // a completed run: totals, status and success time replace the group
        assertThat(runner("input=" + SAMPLE_RELATIVE, "runDate=2026-11-30")).isZero();
        String manifest = Files.readString(outputDir.resolve(RunOutput.MANIFEST));
        Map<String, List<String>> afterSuccess = gateway.group();
        assertThat(afterSuccess.get("cape_entries_eligible")).singleElement()
            .asString()
            .matches("cape_entries_eligible [0-9.E]+")
            .satisfies(line -> assertThat(manifest)
                .contains("\"eligible\": " + (long) Double.parseDouble(line.split(" ")[1])));
        assertThat(afterSuccess.get("cape_last_run_status")).contains("cape_last_run_status{status=\"COMPLETED\"} 1.0",
                "cape_last_run_status{status=\"FAILED\"} 0.0");
        assertThat(afterSuccess.get("cape_last_success_timestamp_seconds"))
            .containsExactly("cape_last_success_timestamp_seconds 1.796094E9");
        assertThat(afterSuccess).containsKeys("cape_entries_assessed", "cape_entries_excluded",
                "cape_refund_amount_usd");
        assertThat(afterSuccess.keySet()).allMatch(name -> name.startsWith("cape_"));

        // refused (already completed): only the status changes
        assertThat(runner("input=" + SAMPLE_RELATIVE, "runDate=2026-11-30")).isEqualTo(3);
        assertThat(gateway.group().get("cape_last_run_status")).contains(
                "cape_last_run_status{status=\"ALREADY_COMPLETED\"} 1.0",
                "cape_last_run_status{status=\"COMPLETED\"} 0.0");
        assertThat(gateway.group()).containsEntry("cape_entries_eligible", afterSuccess.get("cape_entries_eligible"))
            .containsEntry("cape_last_success_timestamp_seconds",
                    afterSuccess.get("cape_last_success_timestamp_seconds"));

        // failed: the same
        properties.setOutputDir(tempDir.resolve("out-failed"));
        failOnInsert("cape_assessment", "entry_number", "YOT00010401");
        assertThat(runner("input=" + SAMPLE_RELATIVE, "runDate=2026-12-01")).isEqualTo(1);
        assertThat(gateway.group().get("cape_last_run_status")).contains("cape_last_run_status{status=\"FAILED\"} 1.0");
        assertThat(gateway.group()).containsEntry("cape_entries_eligible", afterSuccess.get("cape_entries_eligible"))
            .containsEntry("cape_refund_amount_usd", afterSuccess.get("cape_refund_amount_usd"));
        assertThat(gateway.methods()).containsExactly("PUT", "POST", "POST");

        // and Spring Boot's own exporter, which pushed every meter on a timer, is not
        // running
        assertThat(context.getBeanProvider(PrometheusPushGatewayManager.class).getIfAvailable()).isNull();
    }

    private int runner(String... args) throws Exception {
        stderr.reset();
        CapeProperties.Metrics.Pushgateway push = new CapeProperties.Metrics.Pushgateway();
        push.setEnabled(true);
        push.setAddress("127.0.0.1:" + gateway.port());
        RunMetricsPusher pusher = new RunMetricsPusher(push,
                Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC));
        CapeJobRunner runner = runner(pusher, stderr);
        runner.run(new DefaultApplicationArguments(args));
        return runner.getExitCode();
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /**
     * The Pushgateway's documented semantics for one group, over its text format: PUT
     * replaces the group, POST replaces only the metric families it sends.
     */
    static final class FakePushgateway {

        private final HttpServer server;

        private final Map<String, List<String>> group = new LinkedHashMap<>();

        private final List<String> methods = new java.util.ArrayList<>();

        FakePushgateway() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/metrics/job/cape-batch", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (this) {
                    methods.add(exchange.getRequestMethod());
                    Map<String, List<String>> sent = new LinkedHashMap<>();
                    body.lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank())
                        .forEach(l -> sent.computeIfAbsent(l.split("[{ ]", 2)[0], k -> new java.util.ArrayList<>())
                            .add(l));
                    if (exchange.getRequestMethod().equals("PUT")) {
                        group.clear();
                    }
                    group.putAll(sent);
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        synchronized Map<String, List<String>> group() {
            return new LinkedHashMap<>(group);
        }

        synchronized List<String> methods() {
            return List.copyOf(methods);
        }

        void stop() {
            server.stop(0);
        }

    }

}
