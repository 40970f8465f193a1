package org.capebatch.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.ImporterType;
import org.capebatch.entry.TariffRow;

/**
 * The refund estimate of SPEC §4 for one entry: IEEPA principal plus daily-compounded
 * interest.
 */
public final class RefundCalculator {

    /**
     * SPEC §3 IEEPA window: entry dates 2025-02-04 through 2026-02-23 inclusive
     * (CAPE-RULES §0.7).
     */
    public static final LocalDate IEEPA_FIRST_DAY = LocalDate.of(2025, 2, 4);

    public static final LocalDate IEEPA_LAST_DAY = LocalDate.of(2026, 2, 23);

    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

    private final InterestCalculator interest;

    private final int liquidationLagDays;

    private final ImporterType defaultImporterType;

    public RefundCalculator(RateTable rates, int liquidationLagDays, ImporterType defaultImporterType) {
        if (liquidationLagDays < 0) {
            throw new IllegalArgumentException("liquidation lag days must not be negative: " + liquidationLagDays);
        }
        this.interest = new InterestCalculator(rates);
        this.liquidationLagDays = liquidationLagDays;
        this.defaultImporterType = Objects.requireNonNull(defaultImporterType, "defaultImporterType");
    }

    /**
     * SPEC §4. The caller has already excluded DATA_ERROR entries, so
     * {@code entry.facts()} is present.
     */
    public RefundEstimate estimate(Entry entry, LocalDate runDate) {
        EntryFacts facts = entry.facts();
        if (facts == null) {
            throw new IllegalArgumentException("entry " + entry.number() + " has no parsed row to estimate from");
        }
        BigDecimal principal = ieepaPrincipal(entry);
        ImporterType rateType = rateType(facts);
        InterestResult result = interest.interest(principal, depositDate(facts), endDate(runDate), rateType);
        return new RefundEstimate(principal, result.interest(), principal.add(result.interest()), rateType,
                result.rateAssumed());
    }

    /**
     * SPEC §3: the sum of duty over rows whose HTS starts 990301 or 990302 with duty &gt;
     * 0, counted only when the entry date is inside the IEEPA window; 0.00 otherwise.
     * Zero-duty rows are exemption headings (CAPE-RULES §4.2) and never count; neither
     * does Section 122 (990303), 301 (990388) or 232.
     */
    public static BigDecimal ieepaPrincipal(Entry entry) {
        EntryFacts facts = entry.facts();
        BigDecimal sum = BigDecimal.ZERO;
        if (facts != null && inIeepaWindow(facts.entryDate())) {
            for (TariffRow row : entry.rows()) {
                if (isIeepaRow(row)) {
                    sum = sum.add(row.duty());
                }
            }
        }
        // ES-003 amounts are cents already; the rounding only matters for a source that
        // carries more places.
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    static boolean inIeepaWindow(LocalDate entryDate) {
        return entryDate != null && !entryDate.isBefore(IEEPA_FIRST_DAY) && !entryDate.isAfter(IEEPA_LAST_DAY);
    }

    static boolean isIeepaRow(TariffRow row) {
        String hts = row.htsNumber();
        return hts != null && (hts.startsWith("990301") || hts.startsWith("990302")) && row.duty() != null
                && row.duty().signum() > 0;
    }

    /**
     * SPEC §4: an importer number written {@code NNN-NN-NNNN} is a person's SSN, hence
     * non-corporate.
     */
    public static boolean isSsnFormat(String importer) {
        return importer != null && SSN.matcher(importer.trim()).matches();
    }

    /** SPEC §4: Payment Date, else Entry Summary Date, else Entry Date. */
    public static LocalDate depositDate(EntryFacts facts) {
        if (facts.paymentDate() != null) {
            return facts.paymentDate();
        }
        return facts.entrySummaryDate() != null ? facts.entrySummaryDate() : facts.entryDate();
    }

    /**
     * SPEC §4: interest runs to the expected liquidation, about
     * {@code liquidation-lag-days} after filing.
     */
    public LocalDate endDate(LocalDate runDate) {
        return runDate.plusDays(liquidationLagDays);
    }

    /**
     * SPEC §4: the Importer Type column wins; when blank, an SSN-format importer is a
     * person (non-corporate); otherwise the configured default.
     */
    public ImporterType rateType(EntryFacts facts) {
        if (facts == null) {
            return defaultImporterType;
        }
        if (facts.importerType() != null) {
            return facts.importerType();
        }
        return isSsnFormat(facts.importerNumber()) ? ImporterType.NON_CORPORATE : defaultImporterType;
    }

}
