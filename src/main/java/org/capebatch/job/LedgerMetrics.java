package org.capebatch.job;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.capebatch.rules.LedgerState;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's gauges (SPEC §6), set after every completed run of either job from the
 * committed ledger: {@code cape_ledger_entries{state}} and the refunds CBP paid,
 * {@code cape_refund_paid_usd{component}} with {@code principal} and {@code interest}.
 * Whole-ledger figures, so the last run of either job pushes the truth.
 */
public class LedgerMetrics implements JobExecutionListener {

    private final JdbcTemplate jdbc;

    private final Map<LedgerState, AtomicReference<Double>> entries = new EnumMap<>(LedgerState.class);

    private final AtomicReference<Double> principal = new AtomicReference<>(0.0);

    private final AtomicReference<Double> interest = new AtomicReference<>(0.0);

    public LedgerMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (LedgerState state : LedgerState.values()) {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            entries.put(state, value);
            Gauge.builder("cape.ledger.entries", value, AtomicReference::get)
                .description("Entries the ledger holds, by state (SPEC §6.5)")
                .tag("state", state.name())
                .register(registry);
        }
        Gauge.builder("cape.refund.paid", principal, AtomicReference::get)
            .description("Refunds CBP paid on accepted entries (ES-022), in USD")
            .baseUnit("usd")
            .tag("component", "principal")
            .register(registry);
        Gauge.builder("cape.refund.paid", interest, AtomicReference::get)
            .description("Refunds CBP paid on accepted entries (ES-022), in USD")
            .baseUnit("usd")
            .tag("component", "interest")
            .register(registry);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        refresh();
    }

    void refresh() {
        entries.values().forEach(v -> v.set(0.0));
        // One pass over the state table: it holds every entry ever declared.
        BigDecimal[] money = { BigDecimal.ZERO, BigDecimal.ZERO };
        jdbc.query("SELECT state, count(*), coalesce(sum(refund_amount), 0), coalesce(sum(interest_amount), 0)"
                + " FROM cape_entry_state GROUP BY state", rs -> {
                    entries.get(LedgerState.valueOf(rs.getString(1))).set((double) rs.getLong(2));
                    money[0] = money[0].add(rs.getBigDecimal(3));
                    money[1] = money[1].add(rs.getBigDecimal(4));
                });
        principal.set(money[0].doubleValue());
        interest.set(money[1].doubleValue());
    }

}
