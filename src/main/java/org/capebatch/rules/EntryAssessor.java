package org.capebatch.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.capebatch.entry.AdcvdStatus;
import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.LiquidationStatus;
import org.capebatch.refund.RefundCalculator;
import org.capebatch.refund.RefundEstimate;

/**
 * Runs the checks of SPEC §3 on one entry and joins the verdict with the refund estimate
 * of SPEC §4.
 */
public final class EntryAssessor {

    /**
     * SPEC §3: an eligible entry is urgent when its deadline is this many days or fewer
     * after D.
     */
    static final int URGENT_DAYS = 14;

    /**
     * Warehouse and warehouse-withdrawal types: CBP pays after the entry liquidates
     * (CAPE-RULES §3.2). Types 21/22 reach this only before 2026-07-07; from then check 4
     * excludes them.
     */
    private static final Set<String> DEFERRED_TYPES = Set.of("21", "22", "31", "32", "34", "38");

    private static final Set<LiquidationStatus> DEFERRED_STATUSES = Set.of(LiquidationStatus.SUSPENDED,
            LiquidationStatus.EXTENDED, LiquidationStatus.UNDER_REVIEW);

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final RulesConfig config;

    private final RefundCalculator refunds;

    private final List<EligibilityRule> rules;

    public EntryAssessor(RulesConfig config, RefundCalculator refunds) {
        this(config, refunds, EligibilityRules.inOrder());
    }

    /**
     * With other checks than SPEC §3's, in the order given; the job itself always uses
     * the constructor above.
     */
    public EntryAssessor(RulesConfig config, RefundCalculator refunds, List<EligibilityRule> rules) {
        this.config = config;
        this.refunds = refunds;
        this.rules = List.copyOf(rules);
    }

    public Assessment assess(Entry entry, LocalDate runDate, LedgerVerdict ledger) {
        EntryFacts facts = entry.facts();
        String number = entry.number().value();
        if (entry.dataError() || facts == null) {
            // SPEC §4: a DATA_ERROR entry is not assessed further; any figure from the
            // remaining rows would be wrong.
            return new Assessment(number, facts == null ? null : facts.importerNumber(),
                    facts == null ? null : facts.entryType(), AssessmentStatus.EXCLUDED, Reason.DATA_ERROR,
                    List.of(Reason.DATA_ERROR), Remedy.FIX_DATA, null, false, false, ZERO, ZERO, ZERO,
                    refunds.rateType(facts), false);
        }
        BigDecimal principal = RefundCalculator.ieepaPrincipal(entry);
        RuleContext context = new RuleContext(runDate, config, ledger, principal);
        List<EligibilityRule> failing = new ArrayList<>();
        for (EligibilityRule rule : rules) {
            if (rule.fails(entry, context)) {
                failing.add(rule);
            }
        }
        if (!failing.isEmpty()) {
            return excluded(entry, context, failing);
        }
        return eligible(entry, runDate);
    }

    /**
     * An ELIGIBLE assessment that the ledger overtook after it was made: another job
     * instance completed a declaration of the entry, or CBP's answer holds it (the
     * declare step finds this when a run is restarted after others ran). The entry passed
     * checks 1–12, so checks 13 and 14 alone decide, by the same rule classes as in
     * {@link #assess}; the money becomes that of an excluded entry (SPEC §4). Returns the
     * assessment unchanged when the verdict fails neither check.
     */
    public Assessment overtakenByLedger(Assessment eligible, LocalDate runDate, LedgerVerdict verdict) {
        Entry entry = new Entry(new EntryNumber(eligible.entryNumber()), null, List.of(), false);
        RuleContext context = new RuleContext(runDate, config, verdict, eligible.ieepaDuty());
        List<EligibilityRule> failing = rules.stream()
            .filter(rule -> rule instanceof AlreadyDeclaredRule || rule instanceof CbpFailedRule)
            .filter(rule -> rule.fails(entry, context))
            .toList();
        if (failing.isEmpty()) {
            return eligible;
        }
        EligibilityRule first = failing.get(0);
        Remedy remedy = first.remedy(entry, context);
        return new Assessment(eligible.entryNumber(), eligible.importerNumber(), eligible.entryType(),
                AssessmentStatus.EXCLUDED, first.reason(), failing.stream().map(EligibilityRule::reason).toList(),
                remedy, null, false, false, eligible.ieepaDuty(), ZERO, ZERO, eligible.rateType(), false);
    }

    /**
     * SPEC §4: an excluded entry still shows its principal (what is at stake) but no
     * interest; the deadline is kept only for PROTEST, the one remedy with a date the
     * broker must meet.
     */
    private Assessment excluded(Entry entry, RuleContext context, List<EligibilityRule> failing) {
        EligibilityRule first = failing.get(0);
        Remedy remedy = first.remedy(entry, context);
        LocalDate deadline = remedy == Remedy.PROTEST ? first.deadline(entry, context) : null;
        EntryFacts facts = entry.facts();
        return new Assessment(entry.number().value(), facts.importerNumber(), facts.entryType(),
                AssessmentStatus.EXCLUDED, first.reason(), failing.stream().map(EligibilityRule::reason).toList(),
                remedy, deadline, false, false, context.ieepaPrincipal(), ZERO, ZERO, refunds.rateType(facts), false);
    }

    private Assessment eligible(Entry entry, LocalDate runDate) {
        EntryFacts facts = entry.facts();
        RefundEstimate estimate = refunds.estimate(entry, runDate);
        LocalDate deadline = null;
        if (LiquidationWindowPassedRule.isLiquidated(facts) && facts.liquidationDate() != null) {
            deadline = facts.liquidationDate().plusDays(config.maxDaysAfterLiquidation());
            if (deadline.isBefore(runDate)) {
                // Only a phase 3 litigant's entry is eligible past the window; that
                // window no longer binds it, and
                // a deadline already gone would read as "too late".
                deadline = null;
            }
        }
        boolean urgent = deadline != null && !deadline.isAfter(runDate.plusDays(URGENT_DAYS));
        return new Assessment(entry.number().value(), facts.importerNumber(), facts.entryType(),
                AssessmentStatus.ELIGIBLE, null, List.of(), Remedy.FILE_CAPE, deadline, urgent, refundDeferred(facts),
                estimate.ieepaDuty(), estimate.interest(), estimate.refundTotal(), estimate.rateType(),
                estimate.rateAssumed());
    }

    /** SPEC §3: accepted now, but CBP pays only when the entry liquidates. */
    private static boolean refundDeferred(EntryFacts facts) {
        return DEFERRED_STATUSES.contains(facts.liquidationStatus()) || facts.adcvdStatus() == AdcvdStatus.SUSPENDED
                || DEFERRED_TYPES.contains(facts.entryType());
    }

}
