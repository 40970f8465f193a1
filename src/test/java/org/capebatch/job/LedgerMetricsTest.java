package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.capebatch.jobstore.MigratedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger's gauges come from the whole state table: entries per state, and what CBP
 * paid summed over every state that carries a payment.
 */
class LedgerMetricsTest {

    @RegisterExtension
    static final MigratedStore store = new MigratedStore();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void emptyLedger() {
        store.jdbc().execute("TRUNCATE cape_entry_state");
    }

    @Test
    void refresh_WhenLedgerHoldsEntriesInSeveralStates_ThenCountsPerStateAndPaymentsOverAll() {
        // given
        state("AAA00000011", "ACCEPTED", "100.10", "5.01");
        state("AAA00000029", "ACCEPTED", "200.20", "10.02");
        state("AAA00000037", "DECLARED", null, null);
        state("AAA00000045", "DECLARED", null, null);
        state("AAA00000052", "DECLARED", null, null);
        state("AAA00000060", "RELEASED", "0.30", null);
        LedgerMetrics metrics = new LedgerMetrics(store.jdbc(), registry);

        // when
        metrics.refresh();

        // then
        assertThat(entries("ACCEPTED")).isEqualTo(2.0);
        assertThat(entries("DECLARED")).isEqualTo(3.0);
        assertThat(entries("FAILED")).isZero();
        assertThat(entries("RELEASED")).isEqualTo(1.0);
        assertThat(paid("principal")).isEqualTo(300.60);
        assertThat(paid("interest")).isEqualTo(15.03);
    }

    @Test
    void refresh_WhenLedgerEmptiedSinceLastRefresh_ThenEveryGaugeIsZero() {
        // given
        state("AAA00000011", "ACCEPTED", "100.10", "5.01");
        LedgerMetrics metrics = new LedgerMetrics(store.jdbc(), registry);
        metrics.refresh();
        store.jdbc().execute("TRUNCATE cape_entry_state");

        // when
        metrics.refresh();

        // then
        assertThat(entries("ACCEPTED")).isZero();
        assertThat(paid("principal")).isZero();
        assertThat(paid("interest")).isZero();
    }

    private void state(String entry, String state, String refund, String interest) {
        store.jdbc().update("""
                INSERT INTO cape_entry_state (entry_number, state, run_id, declaration, declared_on,
                                              refund_amount, interest_amount, assessed_run_id, changed_by)
                VALUES (?, ?, 1, 'CAPE_X_20261130_001', DATE '2026-11-30', CAST(? AS numeric),
                        CAST(? AS numeric), 1, 1)
                """, entry, state, refund, interest);
    }

    private double entries(String state) {
        return registry.get("cape.ledger.entries").tag("state", state).gauge().value();
    }

    private double paid(String component) {
        return registry.get("cape.refund.paid").tag("component", component).gauge().value();
    }

}
