package org.capebatch.job;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.capebatch.rules.Reason;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business meters of a run, next to Spring Batch's own job/step/item meters: entries assessed, eligible,
 * excluded by reason, and the refund totals of eligible entries. They are read from the database when the run
 * completes — the committed truth, not counters that a rolled-back chunk could have inflated — and exposed as
 * gauges holding the last completed run's values (what a Pushgateway keeps for a nightly CronJob).
 */
public class RunMetrics implements JobExecutionListener {

    private final JdbcTemplate jdbc;
    private final AtomicReference<Double> assessed = new AtomicReference<>(0.0);
    private final AtomicReference<Double> eligible = new AtomicReference<>(0.0);
    private final Map<Reason, AtomicReference<Double>> excluded = new EnumMap<>(Reason.class);
    private final Map<String, AtomicReference<Double>> refund = new java.util.LinkedHashMap<>();

    public RunMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        gauge(registry, "cape.entries.assessed", "Entries assessed by the last completed run", assessed);
        gauge(registry, "cape.entries.eligible", "Entries eligible for a CAPE declaration", eligible);
        for (Reason reason : Reason.values()) {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            excluded.put(reason, value);
            Gauge.builder("cape.entries.excluded", value, AtomicReference::get)
                    .description("Entries excluded, by the first check they fail (SPEC §3)")
                    .tag("reason", reason.name()).register(registry);
        }
        for (String component : new String[] {"ieepa_duty", "interest", "refund_total"}) {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            refund.put(component, value);
            Gauge.builder("cape.refund.amount", value, AtomicReference::get)
                    .description("Refund estimate of eligible entries, in USD").baseUnit("usd")
                    .tag("component", component).register(registry);
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description,
            AtomicReference<Double> value) {
        Gauge.builder(name, value, AtomicReference::get).description(description).register(registry);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        long runId = execution.getJobInstance().getInstanceId();
        excluded.values().forEach(v -> v.set(0.0));
        jdbc.query("SELECT status, reason, count(*), sum(ieepa_duty), sum(interest), sum(refund_total)"
                + " FROM cape_assessment WHERE run_id = ? GROUP BY status, reason", rs -> {
                    long count = rs.getLong(3);
                    if ("ELIGIBLE".equals(rs.getString(1))) {
                        eligible.set((double) count);
                        refund.get("ieepa_duty").set(amount(rs.getBigDecimal(4)));
                        refund.get("interest").set(amount(rs.getBigDecimal(5)));
                        refund.get("refund_total").set(amount(rs.getBigDecimal(6)));
                    } else {
                        excluded.get(Reason.valueOf(rs.getString(2))).set((double) count);
                    }
                }, runId);
        assessed.set(eligible.get() + excluded.values().stream().mapToDouble(AtomicReference::get).sum());
    }

    private static double amount(BigDecimal value) {
        return value == null ? 0.0 : value.doubleValue();
    }
}
