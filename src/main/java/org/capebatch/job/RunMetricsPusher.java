package org.capebatch.job;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.capebatch.rules.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Pushes the outcome of a run to a Prometheus Pushgateway, once, when the run has ended;
 * only the process that launched the run (the manager, or a local run) calls it, never a
 * worker. The group {@code job=<job>} holds:
 * <ul>
 * <li>after a COMPLETED run: its business gauges,
 * {@code cape_last_run_status{status="COMPLETED"} 1} and
 * {@code cape_last_success_timestamp_seconds}, all replacing the group (HTTP PUT);</li>
 * <li>after any other outcome (FAILED, STOPPED, refused): only
 * {@code cape_last_run_status} with that status, which replaces just that metric (HTTP
 * POST), so the last good totals and the last success time stay.</li>
 * </ul>
 * JVM, Spring Batch and pool meters are not pushed: a finished batch pod's heap says
 * nothing, and a gateway keeps whatever it was last sent. An alert on
 * {@code cape_last_run_status{status!="COMPLETED"} == 1} sees a failure; one on
 * {@code time() - cape_last_success_timestamp_seconds} sees missing runs.
 */
public class RunMetricsPusher {

    /** The values {@code cape_last_run_status} takes: the runner's outcomes. */
    public static final String[] STATUSES = { "COMPLETED", "FAILED", "STOPPED", "ALREADY_COMPLETED", "ALREADY_RUNNING",
            "USAGE" };

    private static final Logger log = LoggerFactory.getLogger(RunMetricsPusher.class);

    private final CapeProperties.Metrics.Pushgateway settings;

    private final Clock clock;

    public RunMetricsPusher(CapeProperties.Metrics.Pushgateway settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Pushes {@code status}, with {@code totals} when the run COMPLETED; a push that
     * fails is logged, not fatal.
     */
    public void push(String status, Optional<RunMetrics.Totals> totals) {
        if (!settings.isEnabled()) {
            return;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        Map<String, Double> statuses = new LinkedHashMap<>();
        for (String each : STATUSES) {
            statuses.put(each, each.equals(status) ? 1.0 : 0.0);
        }
        gauge(registry, "cape_last_run_status", "1 for the outcome of the last run, 0 for the others", "status",
                statuses);
        boolean completed = "COMPLETED".equals(status) && totals.isPresent();
        if (completed) {
            register(registry, totals.get());
        }
        PushGateway gateway = PushGateway.builder()
            .address(settings.getAddress())
            .job(settings.getJob())
            .registry(registry)
            .format(Format.PROMETHEUS_TEXT)
            .connectionTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(10))
            .build();
        try {
            if (completed) {
                gateway.push();
            }
            else {
                gateway.pushAdd();
            }
            log.info("Pushed {} to the Pushgateway at {} (job {})", completed ? "the run's totals" : "status " + status,
                    settings.getAddress(), settings.getJob());
        }
        catch (IOException | RuntimeException e) {
            log.warn("Could not push metrics to the Pushgateway at {}: {}", settings.getAddress(), e.getMessage());
        }
    }

    private void register(PrometheusRegistry registry, RunMetrics.Totals totals) {
        gauge(registry, "cape_last_success_timestamp_seconds",
                "When the last COMPLETED run ended, in seconds since the epoch", null,
                Map.of("", clock.millis() / 1000.0));
        gauge(registry, "cape_entries_assessed", "Entries assessed by the last completed run", null,
                Map.of("", (double) totals.assessed()));
        gauge(registry, "cape_entries_eligible", "Entries eligible for a CAPE declaration", null,
                Map.of("", (double) totals.eligible()));
        Map<String, Double> excluded = new LinkedHashMap<>();
        for (Map.Entry<Reason, Long> reason : new TreeMap<>(totals.excluded()).entrySet()) {
            excluded.put(reason.getKey().name(), (double) reason.getValue());
        }
        gauge(registry, "cape_entries_excluded", "Entries excluded, by the first check they fail (SPEC §3)", "reason",
                excluded);
        Map<String, Double> refund = new LinkedHashMap<>();
        refund.put("ieepa_duty", totals.ieepaDuty().doubleValue());
        refund.put("interest", totals.interest().doubleValue());
        refund.put("refund_total", totals.refundTotal().doubleValue());
        gauge(registry, "cape_refund_amount_usd", "Refund estimate of eligible entries, in USD", "component", refund);
    }

    /**
     * A gauge as a fixed snapshot (the values are final when the run has ended). The
     * client's stateful Gauge is avoided on purpose: it needs the tracer modules that
     * micrometer leaves out.
     */
    private static void gauge(PrometheusRegistry registry, String name, String help, String label,
            Map<String, Double> values) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        values.forEach((labelValue,
                value) -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(label == null ? Labels.EMPTY : Labels.of(label, labelValue))
                    .value(value)
                    .build()));
        GaugeSnapshot snapshot = gauge.build();
        registry.register(() -> snapshot);
    }

}
