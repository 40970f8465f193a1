package org.capebatch.refund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capebatch.entry.AdcvdStatus;
import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ImporterType;
import org.capebatch.entry.LiquidationStatus;
import org.capebatch.entry.ProtestStatus;
import org.capebatch.entry.RowSource;
import org.capebatch.entry.StatementStatus;
import org.capebatch.entry.SummaryStatus;
import org.capebatch.entry.TariffRow;

/**
 * Builds test entries: by default an accepted, unliquidated type 01 entry of a corporate
 * importer, entered inside the IEEPA window, with one IEEPA row of $1,000.00 — i.e.
 * eligible. Tests change one thing at a time.
 */
public final class EntryFixture {

    public String number = "ABC12345676";

    public String entryType = "01";

    public String importer = "12-3456789AB";

    public LocalDate entryDate = LocalDate.of(2025, 6, 1);

    public LocalDate entrySummaryDate = LocalDate.of(2025, 6, 5);

    public LocalDate paymentDate = LocalDate.of(2025, 6, 10);

    public SummaryStatus summaryStatus = SummaryStatus.ACCEPTED;

    public LiquidationStatus liquidationStatus = LiquidationStatus.UNLIQUIDATED;

    public LocalDate liquidationDate;

    public boolean reconciliationFlag;

    public boolean reconciliationSummaryFiled;

    public boolean drawbackFlag;

    public boolean suretyPaid;

    public ProtestStatus protestStatus = ProtestStatus.NONE;

    public AdcvdStatus adcvdStatus = AdcvdStatus.NONE;

    public StatementStatus statementStatus = StatementStatus.PAID;

    public ImporterType importerType;

    public boolean dataError;

    public boolean noFacts;

    private final List<String[]> rows = new ArrayList<>(List.<String[]>of(new String[] { "9903012400", "1000.00" }));

    public static EntryFixture entry() {
        return new EntryFixture();
    }

    /** Replaces the tariff rows: pairs of (HTS digits, duty). */
    public EntryFixture rows(String... htsAndDuty) {
        rows.clear();
        for (int i = 0; i < htsAndDuty.length; i += 2) {
            rows.add(new String[] { htsAndDuty[i], htsAndDuty[i + 1] });
        }
        return this;
    }

    public EntryFixture liquidated(LocalDate date) {
        liquidationStatus = LiquidationStatus.LIQUIDATED;
        liquidationDate = date;
        return this;
    }

    public EntryFacts facts() {
        return new EntryFacts(entryType, importer, entryDate, entrySummaryDate, paymentDate, summaryStatus,
                liquidationStatus, liquidationDate, reconciliationFlag, reconciliationSummaryFiled, drawbackFlag,
                suretyPaid, protestStatus, adcvdStatus, statementStatus, importerType);
    }

    public Entry build() {
        EntryNumber entryNumber = new EntryNumber(number);
        EntryFacts facts = noFacts ? null : facts();
        List<TariffRow> tariffRows = new ArrayList<>();
        if (!noFacts) {
            for (int i = 0; i < rows.size(); i++) {
                tariffRows.add(new TariffRow(new RowSource("test.csv", i + 2L), entryNumber, 1, i + 1, rows.get(i)[0],
                        new BigDecimal(rows.get(i)[1]), facts));
            }
        }
        return new Entry(entryNumber, facts, tariffRows, dataError);
    }

}
