package org.capebatch.job;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.capebatch.rules.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Pushes the outcome of a run to a Prometheus Pushgateway, once, when the run has ended; only the process that
 * launched the run (the manager, or a local run) calls it, never a worker. The group {@code job=<job>} holds:
 * <ul>
 * <li>after a COMPLETED run: its business gauges, {@code cape_last_run_status{status="COMPLETED"} 1} and
 * {@code cape_last_success_timestamp_seconds}, all replacing the group (HTTP PUT);</li>
 * <li>after any other outcome (FAILED, STOPPED, refused): only {@code cape_last_run_status} with that status, which
 * replaces just that metric (HTTP POST), so the last good totals and the last success time stay.</li>
 * </ul>
 * JVM, Spring Batch and pool meters are not pushed: a finished batch pod's heap says nothing, and a gateway keeps
 * whatever it was last sent. An alert on {@code cape_last_run_status{status!="COMPLETED"} == 1} sees a failure;
 * one on {@code time() - cape_last_success_timestamp_seconds} sees missing runs.
 */
public class RunMetricsPusher {

    /** The values {@code cape_last_run_status} takes: the runner's outcomes. */
    public static final String[] STATUSES = {"COMPLETED", "FAILED", "STOPPED", "ALREADY_COMPLETED", "ALREADY_RUNNING",
        "USAGE"};

    private static final Logger log = LoggerFactory.getLogger(RunMetricsPusher.class);

    private final CapeProperties.Metrics.Pushgateway settings;
    private final Clock clock;

    public RunMetricsPusher(CapeProperties.Metrics.Pushgateway settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Pushes {@code status}, with {@code totals} when the run COMPLETED; a push that fails is logged, not fatal. */
    public void push(String status, Optional<RunMetrics.Totals> totals) {
        if (!settings.isEnabled()) {
            return;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge statusGauge = Gauge.builder().name("cape_last_run_status")
                .help("1 for the outcome of the last run, 0 for the others").labelNames("status").register(registry);
        for (String each : STATUSES) {
            statusGauge.labelValues(each).set(each.equals(status) ? 1 : 0);
        }
        boolean completed = "COMPLETED".equals(status) && totals.isPresent();
        if (completed) {
            register(registry, totals.get());
        }
        PushGateway gateway = PushGateway.builder().address(settings.getAddress()).job(settings.getJob())
                .registry(registry).format(Format.PROMETHEUS_TEXT)
                .connectionTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10)).build();
        try {
            if (completed) {
                gateway.push();
            } else {
                gateway.pushAdd();
            }
            log.info("Pushed {} to the Pushgateway at {} (job {})", completed ? "the run's totals" : "status " + status,
                    settings.getAddress(), settings.getJob());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not push metrics to the Pushgateway at {}: {}", settings.getAddress(), e.getMessage());
        }
    }

    private void register(PrometheusRegistry registry, RunMetrics.Totals totals) {
        Gauge.builder().name("cape_last_success_timestamp_seconds")
                .help("When the last COMPLETED run ended, in seconds since the epoch").register(registry)
                .set(clock.millis() / 1000.0);
        Gauge.builder().name("cape_entries_assessed").help("Entries assessed by the last completed run")
                .register(registry).set(totals.assessed());
        Gauge.builder().name("cape_entries_eligible").help("Entries eligible for a CAPE declaration")
                .register(registry).set(totals.eligible());
        Gauge excluded = Gauge.builder().name("cape_entries_excluded")
                .help("Entries excluded, by the first check they fail (SPEC §3)").labelNames("reason")
                .register(registry);
        for (Map.Entry<Reason, Long> reason : totals.excluded().entrySet()) {
            excluded.labelValues(reason.getKey().name()).set(reason.getValue());
        }
        Gauge refund = Gauge.builder().name("cape_refund_amount_usd")
                .help("Refund estimate of eligible entries, in USD").labelNames("component").register(registry);
        refund.labelValues("ieepa_duty").set(totals.ieepaDuty().doubleValue());
        refund.labelValues("interest").set(totals.interest().doubleValue());
        refund.labelValues("refund_total").set(totals.refundTotal().doubleValue());
    }
}
