package org.capebatch.rules;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the eligibility checks (SPEC §1 {@code cape.rules.*},
 * {@code cape.declarant.*}). Filer codes and importers are kept normalised (see
 * {@link #normalizeFilerCode}, {@link #normalizeImporter}) so that {@code abc} matches
 * entry numbers {@code ABC...} and {@code 12-3456789AB} matches {@code 123456789AB}.
 * {@code phase3Importers} are the litigants admitted to CAPE phase 3 (finally liquidated
 * entries, SPEC §3 check 10) from {@code phase3Start}; nobody by default, since CBP
 * admits only the importers a court named.
 */
public record RulesConfig(int liquidationWindowDays, int safetyMarginDays, Set<String> declarantFilerCodes,
        Set<String> declarantImporters, Set<String> phase3Importers, LocalDate phase3Start) {

    /**
     * SPEC §1 default of {@code cape.rules.phase3-start}: the day phase 3 was reported
     * live (CAPE-RULES §11).
     */
    public static final LocalDate DEFAULT_PHASE3_START = LocalDate.of(2026, 10, 6);

    public RulesConfig {
        if (liquidationWindowDays < 0 || safetyMarginDays < 0 || safetyMarginDays > liquidationWindowDays) {
            throw new IllegalArgumentException("need 0 <= safety margin (" + safetyMarginDays
                    + ") <= liquidation window (" + liquidationWindowDays + ")");
        }
        declarantFilerCodes = normalize(declarantFilerCodes, true);
        declarantImporters = normalize(declarantImporters, false);
        phase3Importers = normalize(phase3Importers, false);
        if (phase3Start == null) {
            phase3Start = DEFAULT_PHASE3_START;
        }
    }

    /** Without phase 3 litigants: check 10 applies to every importer. */
    public RulesConfig(int liquidationWindowDays, int safetyMarginDays, Set<String> declarantFilerCodes,
            Set<String> declarantImporters) {
        this(liquidationWindowDays, safetyMarginDays, declarantFilerCodes, declarantImporters, Set.of(),
                DEFAULT_PHASE3_START);
    }

    /**
     * SPEC §1 defaults: 80-day window, 3-day margin, no declarant configured (every entry
     * is ours).
     */
    public static RulesConfig defaults() {
        return new RulesConfig(80, 3, Set.of(), Set.of());
    }

    /**
     * SPEC §3 check 10: the most days after liquidation we still file, leaving CBP the
     * safety margin.
     */
    public int maxDaysAfterLiquidation() {
        return liquidationWindowDays - safetyMarginDays;
    }

    /**
     * SPEC §3 check 10: a litigant's finally liquidated entry may be declared once phase
     * 3 has started.
     */
    public boolean inPhase3(String importerNumber, LocalDate runDate) {
        return importerNumber != null && !runDate.isBefore(phase3Start)
                && phase3Importers.contains(normalizeImporter(importerNumber));
    }

    /**
     * SPEC §3 check 12 applies only when at least one filer code or importer is
     * configured.
     */
    public boolean declarantConfigured() {
        return !declarantFilerCodes.isEmpty() || !declarantImporters.isEmpty();
    }

    public static String normalizeFilerCode(String filerCode) {
        return filerCode.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Importer numbers are compared on letters and digits only, upper-cased: exports
     * differ in dashes.
     */
    public static String normalizeImporter(String importer) {
        return importer.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalize(Set<String> values, boolean filerCodes) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
            .map(value -> filerCodes ? normalizeFilerCode(value) : normalizeImporter(value))
            .filter(value -> !value.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }
}
