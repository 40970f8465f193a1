package org.capebatch.refund;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.capebatch.entry.ImporterType;

/**
 * Statutory interest on a refund, compounded daily (SPEC §4; 19 U.S.C. 1505(c), 26 U.S.C.
 * 6622): {@code principal × Π(1 + r(d)/days_in_year(d)) − principal} over every day d
 * with deposit &lt; d ≤ end. Days that share a rate and a calendar year have identical
 * factors, so each such run is one {@code pow} instead of one multiplication per day.
 */
public final class InterestCalculator {

    /**
     * SPEC §4 asks for at least 30 significant digits. We carry 50 so that {@code pow}
     * (accurate to two ulps) and the day-by-day product agree far below a cent for any
     * realistic principal.
     */
    static final MathContext PRECISION = new MathContext(50, RoundingMode.HALF_EVEN);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RateTable rates;

    /**
     * The compound factor depends only on (deposit, end, rate type), and a run has few
     * distinct combinations (deposit dates span about a year, the end date is fixed), so
     * it is computed once per combination.
     */
    private final Map<FactorKey, Growth> growthCache = new ConcurrentHashMap<>();

    public InterestCalculator(RateTable rates) {
        this.rates = rates;
    }

    public InterestResult interest(BigDecimal principal, LocalDate depositDate, LocalDate endDate, ImporterType type) {
        if (!endDate.isAfter(depositDate)) {
            return new InterestResult(BigDecimal.ZERO.setScale(2), false);
        }
        Growth growth = growthCache.computeIfAbsent(new FactorKey(depositDate, endDate, type), this::growth);
        BigDecimal interest = principal.multiply(growth.factor(), PRECISION).subtract(principal, PRECISION);
        return new InterestResult(interest.setScale(2, RoundingMode.HALF_UP), growth.assumed());
    }

    private Growth growth(FactorKey key) {
        LocalDate depositDate = key.deposit();
        LocalDate endDate = key.end();
        ImporterType type = key.type();
        BigDecimal factor = BigDecimal.ONE;
        boolean assumed = false;
        LocalDate day = depositDate.plusDays(1);
        while (!day.isAfter(endDate)) {
            AppliedRate rate = rates.rateOn(day, type);
            LocalDate runEnd = min(min(endDate, rate.through()), LocalDate.of(day.getYear(), 12, 31));
            int days = Math.toIntExact(ChronoUnit.DAYS.between(day, runEnd) + 1);
            factor = factor.multiply(dailyFactor(rate.percent(), day.lengthOfYear()).pow(days, PRECISION), PRECISION);
            assumed |= rate.assumed();
            day = runEnd.plusDays(1);
        }
        return new Growth(factor, assumed);
    }

    private record FactorKey(LocalDate deposit, LocalDate end, ImporterType type) {
    }

    /**
     * {@code Π(1 + r(d)/days_in_year(d))} over the period, and whether any day used an
     * assumed rate.
     */
    private record Growth(BigDecimal factor, boolean assumed) {
    }

    /**
     * {@code 1 + percent / 100 / daysInYear}, the growth of one day at an annual
     * percentage rate.
     */
    static BigDecimal dailyFactor(BigDecimal percent, int daysInYear) {
        return BigDecimal.ONE.add(percent.divide(HUNDRED.multiply(BigDecimal.valueOf(daysInYear)), PRECISION),
                PRECISION);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
