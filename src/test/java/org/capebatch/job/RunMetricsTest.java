package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.capebatch.CapeBatchApplication;
import org.capebatch.job.CapeProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The metrics contract: after a run, Spring Batch's own meters and the business meters (entries assessed,
 * eligible, excluded by reason, refund totals) are in the registry with the run's values, and with the
 * Pushgateway enabled they are pushed there (a local HTTP server stands in for the Pushgateway's API).
 */
@DirtiesContext
@SpringBootTest(classes = CapeBatchApplication.class, properties = {
        "cape.job.run-on-startup=false",
        "management.prometheus.metrics.export.pushgateway.enabled=true",
        "management.prometheus.metrics.export.pushgateway.shutdown-operation=put"})
class RunMetricsTest {

    @TempDir
    static Path workDir;

    static final List<String> pushed = new CopyOnWriteArrayList<>();
    static HttpServer pushgateway;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        pushgateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushgateway.createContext("/", exchange -> {
            pushed.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        pushgateway.start();
        registry.add("cape.work-dir", () -> workDir.resolve("store").toString());
        registry.add("management.prometheus.metrics.export.pushgateway.address",
                () -> "127.0.0.1:" + pushgateway.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        pushgateway.stop(0);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job capeDeclarationJob;
    @Autowired
    MeterRegistry registry;
    @Autowired
    CapeProperties properties;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void run_WhenCompleted_ThenBusinessAndBatchMetersHoldItsValues() throws Exception {
        // given
        properties.setOutputDir(workDir.resolve("out"));
        // when
        JobExecution execution = jobOperator.start(capeDeclarationJob, new JobParametersBuilder()
                .addString("input", Path.of("sample/es003-sample.csv").toAbsolutePath().toString())
                .addString("runDate", "2026-11-30").toJobParameters());
        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String manifest = Files.readString(workDir.resolve("out/manifest.json"));
        double eligible = registry.get("cape.entries.eligible").gauge().value();
        double assessed = registry.get("cape.entries.assessed").gauge().value();
        assertThat(manifest).contains("\"eligible\": " + (long) eligible).contains("\"entries\": " + (long) assessed);
        assertThat(eligible).isPositive();
        double excluded = registry.find("cape.entries.excluded").gauges().stream().mapToDouble(g -> g.value()).sum();
        assertThat(eligible + excluded).isEqualTo(assessed);
        assertThat(registry.get("cape.entries.excluded").tag("reason", "DATA_ERROR").gauge().value()).isPositive();
        assertThat(registry.get("cape.entries.excluded").tag("reason", "LIQUIDATION_WINDOW_PASSED").gauge().value())
                .isPositive();
        assertThat(registry.get("cape.refund.amount").tag("component", "refund_total").gauge().value())
                .isGreaterThan(registry.get("cape.refund.amount").tag("component", "ieepa_duty").gauge().value());
        assertThat(registry.get("spring.batch.job").tag("spring.batch.job.status", "COMPLETED").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("spring.batch.step").tag("spring.batch.step.name", "assessStep").timer().count())
                .isEqualTo(1);

        // and the final push on shutdown carries the business meters
        context.getBean(PrometheusPushGatewayManager.class).shutdown();
        assertThat(pushed).anySatisfy(request -> assertThat(request)
                .startsWith("PUT /metrics/job/cape-batch").contains("cape_entries_eligible"));
    }
}
