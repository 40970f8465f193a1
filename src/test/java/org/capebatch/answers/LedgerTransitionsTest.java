package org.capebatch.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.capebatch.rules.CbpErrorClass;
import org.capebatch.rules.LedgerState;
import org.capebatch.rules.Remedy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state machine of SPEC §6.5, edge by edge, with the outcomes of SPEC §6.6. */
class LedgerTransitionsTest {

    private static final String ENTRY = "ABC12345676";

    @ParameterizedTest(name = "{0} + {1} {2} -> {3} {4}")
    @CsvSource(nullValues = "-", textBlock = """
            DECLARED, ACCEPT,  -,                        APPLIED,   ACCEPTED
            DECLARED, FAIL,    INVALID HTS,              APPLIED,   FAILED
            DECLARED, FAIL,    UNABLE TO CALCULATE DUTY, APPLIED,   RELEASED
            DECLARED, RELEASE, -,                        APPLIED,   RELEASED
            FAILED,   ACCEPT,  -,                        APPLIED,   ACCEPTED
            FAILED,   FAIL,    INVALID HTS,              UNCHANGED, FAILED
            FAILED,   FAIL,    ENTRY ON DRAWBACK,        APPLIED,   FAILED
            FAILED,   FAIL,    PROTEST ON ENTRY,         APPLIED,   RELEASED
            FAILED,   RELEASE, -,                        APPLIED,   RELEASED
            RELEASED, ACCEPT,  -,                        APPLIED,   ACCEPTED
            RELEASED, FAIL,    INVALID HTS,              UNCHANGED, RELEASED
            RELEASED, FAIL,    UNABLE TO CALCULATE DUTY, UNCHANGED, RELEASED
            RELEASED, RELEASE, -,                        UNCHANGED, RELEASED
            ACCEPTED, ACCEPT,  -,                        UNCHANGED, ACCEPTED
            ACCEPTED, FAIL,    INVALID HTS,              UNCHANGED, ACCEPTED
            ACCEPTED, FAIL,    UNABLE TO CALCULATE DUTY, UNCHANGED, ACCEPTED
            ACCEPTED, RELEASE, -,                        REFUSED,   ACCEPTED
            """)
    void apply_WhenStateAndAnswer_ThenOutcomeAndNextState(LedgerState state, AnswerAction action, String error,
            Outcome outcome, LedgerState next) {
        LedgerEntry current = entry(state, state == LedgerState.FAILED ? "INVALID HTS" : null);

        Transition t = LedgerTransitions.apply(current, row(action, "100000241223", error, null));

        assertThat(t.outcome()).isEqualTo(outcome);
        assertThat(t.after().state()).isEqualTo(next);
        assertThat(t.changed()).isEqualTo(outcome == Outcome.APPLIED);
    }

    @Test
    void apply_WhenAcceptedThenFailedUnderAnotherClaim_ThenAcceptedIsFinal() {
        LedgerEntry accepted = LedgerTransitions
            .apply(entry(LedgerState.DECLARED, null), row(AnswerAction.ACCEPT, "100000000001", null, null))
            .after();

        Transition failure = LedgerTransitions.apply(accepted,
                row(AnswerAction.FAIL, "100000000002", "INVALID HTS", null));

        assertThat(failure.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(failure.after()).isEqualTo(accepted);
        assertThat(failure.message()).contains("100000000001").contains("final");
    }

    @Test
    void apply_WhenHoldError_ThenFailedWithClassAndRemedyOfSpecTable() {
        Transition t = LedgerTransitions.apply(entry(LedgerState.DECLARED, null),
                row(AnswerAction.FAIL, "", "entry summary is in final liquidation status", null));

        assertThat(t.after().errorClass()).isEqualTo(CbpErrorClass.HOLD);
        assertThat(t.after().remedy()).isEqualTo(Remedy.PROTEST);
        assertThat(t.after().cbpError()).isEqualTo("entry summary is in final liquidation status");
    }

    @Test
    void apply_WhenRefundForAcceptedEntry_ThenRefundRecordedOnceThenUnchanged() {
        LedgerEntry accepted = entry(LedgerState.ACCEPTED, null);
        AnswerRow refund = row(AnswerAction.ACCEPT, "100000241223", null, new BigDecimal("120.00"));

        Transition first = LedgerTransitions.apply(accepted, refund);
        Transition again = LedgerTransitions.apply(first.after(), refund);

        assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(first.after().refundAmount()).isEqualByComparingTo("120.00");
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void apply_WhenEntryNotInLedger_ThenUnknownEntry() {
        Transition t = LedgerTransitions.apply(null, row(AnswerAction.ACCEPT, "1", null, new BigDecimal("5.00")));

        assertThat(t.outcome()).isEqualTo(Outcome.UNKNOWN_ENTRY);
        assertThat(t.message()).contains("refund");
    }

    @Test
    void apply_WhenRowRejected_ThenRejectedAndLedgerUntouched() {
        LedgerEntry current = entry(LedgerState.DECLARED, null);
        AnswerRow bad = new AnswerRow(3, ENTRY, ENTRY, "12X", AnswerKind.CLAIM_DETAILS, "Failed", "", null, null, null,
                null, null, null, null, "CLAIM_NUMBER '12X': claim number must be digits");

        Transition t = LedgerTransitions.apply(current, bad);

        assertThat(t.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(t.after()).isEqualTo(current);
    }

    private static LedgerEntry entry(LedgerState state, String error) {
        return new LedgerEntry(state, state == LedgerState.ACCEPTED ? "100000241223" : null, error,
                error == null ? null : CbpErrorClass.HOLD, error == null ? null : Remedy.FILE_PSC, null, null, null,
                null, null);
    }

    private static AnswerRow row(AnswerAction action, String claim, String error, BigDecimal refund) {
        AnswerKind kind = action == AnswerAction.RELEASE ? AnswerKind.RELEASE
                : refund != null ? AnswerKind.ES022 : AnswerKind.CLAIM_DETAILS;
        return new AnswerRow(2, ENTRY, ENTRY, claim, kind, "", error == null ? "" : error, action, null, refund, null,
                null, null, null, null);
    }

}
