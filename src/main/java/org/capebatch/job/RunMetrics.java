package org.capebatch.job;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.capebatch.rules.Reason;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business meters of a run, next to Spring Batch's own job/step/item meters: entries
 * assessed, eligible, excluded by reason, and the refund totals of eligible entries. They
 * are read from the database when the run completes — the committed truth, not counters
 * that a rolled-back chunk could have inflated — and exposed as gauges holding the last
 * completed run's values (what a Pushgateway keeps for a nightly CronJob).
 */
public class RunMetrics implements JobExecutionListener {

    private final JdbcTemplate jdbc;

    private final AtomicReference<Double> assessed = new AtomicReference<>(0.0);

    private final AtomicReference<Double> eligible = new AtomicReference<>(0.0);

    private final Map<Reason, AtomicReference<Double>> excluded = new EnumMap<>(Reason.class);

    private final Map<String, AtomicReference<Double>> refund = new java.util.LinkedHashMap<>();

    private volatile Totals last;

    /** The totals of a COMPLETED run, exact (the gauges hold them as doubles). */
    public record Totals(long executionId, long assessed, long eligible, Map<Reason, Long> excluded,
            BigDecimal ieepaDuty, BigDecimal interest, BigDecimal refundTotal) {
    }

    public RunMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        gauge(registry, "cape.entries.assessed", "Entries assessed by the last completed run", assessed);
        gauge(registry, "cape.entries.eligible", "Entries eligible for a CAPE declaration", eligible);
        for (Reason reason : Reason.values()) {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            excluded.put(reason, value);
            Gauge.builder("cape.entries.excluded", value, AtomicReference::get)
                .description("Entries excluded, by the first check they fail (SPEC §3)")
                .tag("reason", reason.name())
                .register(registry);
        }
        for (String component : new String[] { "ieepa_duty", "interest", "refund_total" }) {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            refund.put(component, value);
            Gauge.builder("cape.refund.amount", value, AtomicReference::get)
                .description("Refund estimate of eligible entries, in USD")
                .baseUnit("usd")
                .tag("component", component)
                .register(registry);
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, AtomicReference<Double> value) {
        Gauge.builder(name, value, AtomicReference::get).description(description).register(registry);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        long runId = execution.getJobInstance().getInstanceId();
        Map<Reason, Long> excludedCounts = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            excludedCounts.put(reason, 0L);
        }
        long[] eligibleCount = { 0 };
        BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
        jdbc.query("SELECT status, reason, count(*), sum(ieepa_duty), sum(interest), sum(refund_total)"
                + " FROM cape_assessment WHERE run_id = ? GROUP BY status, reason", rs -> {
                    long count = rs.getLong(3);
                    if ("ELIGIBLE".equals(rs.getString(1))) {
                        eligibleCount[0] += count;
                        for (int i = 0; i < 3; i++) {
                            BigDecimal sum = rs.getBigDecimal(4 + i);
                            sums[i] = sums[i].add(sum == null ? BigDecimal.ZERO : sum);
                        }
                    }
                    else {
                        excludedCounts.merge(Reason.valueOf(rs.getString(2)), count, Long::sum);
                    }
                }, runId);
        Totals totals = new Totals(execution.getId(),
                eligibleCount[0] + excludedCounts.values().stream().mapToLong(Long::longValue).sum(), eligibleCount[0],
                Map.copyOf(excludedCounts), sums[0], sums[1], sums[2]);
        eligible.set((double) totals.eligible());
        excludedCounts.forEach((reason, count) -> excluded.get(reason).set((double) count));
        refund.get("ieepa_duty").set(amount(totals.ieepaDuty()));
        refund.get("interest").set(amount(totals.interest()));
        refund.get("refund_total").set(amount(totals.refundTotal()));
        assessed.set((double) totals.assessed());
        last = totals;
    }

    /** The totals of {@code execution}, if it COMPLETED in this process. */
    public Optional<Totals> totalsOf(JobExecution execution) {
        Totals totals = last;
        return totals != null && totals.executionId() == execution.getId() ? Optional.of(totals) : Optional.empty();
    }

    private static double amount(BigDecimal value) {
        return value == null ? 0.0 : value.doubleValue();
    }

}
