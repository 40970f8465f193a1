package org.capebatch.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryAssemblerTest {

    private static final EntryNumber NUMBER = EntryNumber.parse("ABC12345676");

    private static final EntryFacts FACTS = new EntryFacts("01", "IMP1", LocalDate.of(2025, 4, 10), null, null,
            SummaryStatus.ACCEPTED, LiquidationStatus.UNLIQUIDATED, null, false, false, false, false,
            ProtestStatus.NONE, AdcvdStatus.NONE, StatementStatus.PAID, null);

    private final EntryAssembler assembler = new EntryAssembler();

    @Test
    void assemble_WhenAllRowsParsedAndAgree_ThenEntryWithAllRowsInOrder() {
        ParsedRow r1 = ok("a.csv", 2, 1, 1, "8471300100", "0.00", FACTS);
        ParsedRow r2 = ok("a.csv", 3, 1, 2, "99030125", "25.00", FACTS);
        ParsedRow r3 = ok("a.csv", 4, 2, 1, "99030125", "10.00", FACTS);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(r1, r2, r3));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.entry().number()).isEqualTo(NUMBER);
        assertThat(result.entry().dataError()).isFalse();
        assertThat(result.entry().facts()).isEqualTo(FACTS);
        assertThat(result.entry().rows()).containsExactly(r1.row(), r2.row(), r3.row());
    }

    @Test
    void assemble_WhenSameFileTwice_ThenDuplicatesDroppedWithoutHarm() {
        ParsedRow a1 = ok("a.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        ParsedRow a2 = ok("a.csv", 3, 1, 2, "99030125", "10.00", FACTS);
        ParsedRow b1 = ok("b.csv", 2, 1, 1, "99030125", "25.0", FACTS); // same amount,
                                                                        // other scale
        ParsedRow b2 = ok("b.csv", 3, 1, 2, "99030125", "10.00", FACTS);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(a1, a2, b1, b2));

        assertThat(result.entry().dataError()).isFalse();
        assertThat(result.entry().rows()).containsExactly(a1.row(), a2.row());
        assertThat(result.rejections()).containsExactly(
                new RowError(new RowSource("b.csv", 2), "", "", "duplicate row"),
                new RowError(new RowSource("b.csv", 3), "", "", "duplicate row"));
    }

    @Test
    void assemble_WhenSameKeyDifferentDuty_ThenDataErrorNamingTheColumn() {
        ParsedRow first = ok("a.csv", 12, 1, 1, "99030125", "25.00", FACTS);
        ParsedRow other = ok("b.csv", 5, 1, 1, "99030125", "30.00", FACTS);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(first, other));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.entry().rows()).containsExactly(first.row());
        assertThat(result.rejections()).containsExactly(new RowError(new RowSource("b.csv", 5),
                "Line Tariff Duty Amount", "30.00", "conflicts with line 12 of a.csv: 25.00 vs 30.00"));
    }

    @Test
    void assemble_WhenSameKeyDifferentHtsAndDuty_ThenFirstDifferingColumnNamed() {
        ParsedRow first = ok("a.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        ParsedRow other = ok("a.csv", 3, 1, 1, "99030135", "30.00", FACTS);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(first, other));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.rejections()).extracting(RowError::column, RowError::value, RowError::message)
            .containsExactly(
                    tuple("HTS Number - Full", "99030135", "conflicts with line 2 of a.csv: 99030125 vs 99030135"));
    }

    @Test
    void assemble_WhenSameKeyDifferentEntryLevelValue_ThenDuplicateConflict() {
        ParsedRow first = ok("a.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        ParsedRow other = ok("b.csv", 2, 1, 1, "99030125", "25.00", paidOn(LocalDate.of(2025, 6, 1)));

        AssembledEntry result = assembler.assemble(NUMBER, List.of(first, other));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.rejections()).extracting(RowError::column, RowError::value, RowError::message)
            .containsExactly(
                    tuple("Payment Date", "2025-06-01", "conflicts with line 2 of a.csv: (blank) vs 2025-06-01"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "02 | IMP1 | 2025-04-10 | Entry Type Code  | 02         | conflicts with Entry Type Code '01' on line 2 of a.csv",
            "01 | IMP2 | 2025-04-10 | Importer Number  | IMP2       | conflicts with Importer Number 'IMP1' on line 2 of a.csv",
            "01 | IMP1 | 2025-04-11 | Entry Date       | 2025-04-11 | conflicts with Entry Date '2025-04-10' on line 2 of a.csv", })
    void assemble_WhenEntryLevelValueDiffers_ThenDataErrorOnConflictingRow(String type, String importer,
            LocalDate entryDate, String column, String value, String message) {
        ParsedRow first = ok("a.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        ParsedRow conflicting = ok("a.csv", 3, 2, 1, "99030125", "10.00", facts(type, importer, entryDate));

        AssembledEntry result = assembler.assemble(NUMBER, List.of(first, conflicting));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.entry().facts()).isEqualTo(FACTS);
        assertThat(result.entry().rows()).containsExactly(first.row());
        assertThat(result.rejections())
            .containsExactly(new RowError(new RowSource("a.csv", 3), column, value, message));
    }

    @Test
    void assemble_WhenFlagDiffersWithoutLineNumbers_ThenConflictShowsYesNo() {
        ParsedRow first = ok("a.csv", 2, null, null, "99030125", "25.00", FACTS);
        ParsedRow conflicting = ok("a.csv", 3, null, null, "99030125", "10.00",
                new EntryFacts("01", "IMP1", LocalDate.of(2025, 4, 10), null, null, SummaryStatus.ACCEPTED,
                        LiquidationStatus.UNLIQUIDATED, null, false, false, true, false, ProtestStatus.NONE,
                        AdcvdStatus.NONE, StatementStatus.PAID, null));

        AssembledEntry result = assembler.assemble(NUMBER, List.of(first, conflicting));

        assertThat(result.rejections()).containsExactly(new RowError(new RowSource("a.csv", 3), "Drawback Flag", "Y",
                "conflicts with Drawback Flag 'N' on line 2 of a.csv"));
    }

    @Test
    void assemble_WhenARowWasRejected_ThenDataErrorAndItsErrorsListed() {
        ParsedRow good = ok("a.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        RowError error = new RowError(new RowSource("a.csv", 3), "Entry Date", "02/30/2025",
                "no such date: day 30 does not exist in 2025-02");
        RowError error2 = new RowError(new RowSource("a.csv", 3), "Surety Paid", "x", "expected Y/N");
        ParsedRow bad = new ParsedRow(new RowSource("a.csv", 3), NUMBER, null, List.of(error, error2));

        AssembledEntry result = assembler.assemble(NUMBER, List.of(bad, good));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.entry().facts()).isEqualTo(FACTS);
        assertThat(result.entry().rows()).containsExactly(good.row());
        assertThat(result.rejections()).containsExactly(error, error2);
    }

    @Test
    void assemble_WhenNoRowParsed_ThenDataErrorWithoutFacts() {
        RowError error = new RowError(new RowSource("a.csv", 2), "Entry Type Code", "X",
                "entry type must be two digits");
        ParsedRow bad = new ParsedRow(new RowSource("a.csv", 2), NUMBER, null, List.of(error));

        AssembledEntry result = assembler.assemble(NUMBER, List.of(bad));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.entry().facts()).isNull();
        assertThat(result.entry().rows()).isEmpty();
        assertThat(result.rejections()).containsExactly(error);
    }

    @Test
    void assemble_WhenFirstRowRejected_ThenFactsFromFirstParsedRow() {
        EntryFacts laterFacts = facts("02", "IMP9", LocalDate.of(2025, 5, 5));
        ParsedRow bad = new ParsedRow(new RowSource("a.csv", 2), NUMBER, null,
                List.of(new RowError(new RowSource("a.csv", 2), "Importer Number", "", "required value is blank")));
        ParsedRow good = ok("a.csv", 3, 1, 1, "99030125", "25.00", laterFacts);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(bad, good));

        assertThat(result.entry().facts()).isEqualTo(laterFacts);
    }

    @Test
    void assemble_WhenLineOrOrdinalMissing_ThenNoDuplicateDetection() {
        ParsedRow noLine = ok("a.csv", 2, null, 1, "99030125", "25.00", FACTS);
        ParsedRow noLineAgain = ok("b.csv", 2, null, 1, "99030125", "25.00", FACTS);
        ParsedRow noOrdinal = ok("a.csv", 3, 1, null, "99030125", "30.00", FACTS);
        ParsedRow noOrdinalOther = ok("b.csv", 3, 1, null, "99030125", "40.00", FACTS);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(noLine, noLineAgain, noOrdinal, noOrdinalOther));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.entry().dataError()).isFalse();
        assertThat(result.entry().rows()).hasSize(4);
    }

    @Test
    void assemble_WhenSameLineDifferentOrdinal_ThenBothKept() {
        ParsedRow o1 = ok("a.csv", 2, 1, 1, "8471300100", "0.00", FACTS);
        ParsedRow o2 = ok("a.csv", 3, 1, 2, "99030125", "25.00", FACTS);

        AssembledEntry result = assembler.assemble(NUMBER, List.of(o1, o2));

        assertThat(result.entry().rows()).hasSize(2);
        assertThat(result.rejections()).isEmpty();
    }

    @Test
    void assemble_WhenDuplicateAndRejectedRow_ThenDuplicateStillDroppedAndEntryDataError() {
        ParsedRow a1 = ok("a.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        ParsedRow b1 = ok("b.csv", 2, 1, 1, "99030125", "25.00", FACTS);
        RowError error = new RowError(new RowSource("b.csv", 3), "HTS Number - Full", "", "required value is blank");
        ParsedRow bad = new ParsedRow(new RowSource("b.csv", 3), NUMBER, null, List.of(error));

        AssembledEntry result = assembler.assemble(NUMBER, List.of(a1, b1, bad));

        assertThat(result.entry().dataError()).isTrue();
        assertThat(result.entry().rows()).containsExactly(a1.row());
        assertThat(result.rejections()).extracting(RowError::message)
            .containsExactly("duplicate row", "required value is blank");
    }

    @Test
    void assemble_WhenRowOfAnotherEntry_ThenRefused() {
        TariffRow row = new TariffRow(new RowSource("a.csv", 2), EntryNumber.parse("12345678903"), 1, 1, "99030125",
                new BigDecimal("1.00"), FACTS);
        ParsedRow foreign = new ParsedRow(row.source(), row.entryNumber(), row, List.of());

        assertThatThrownBy(() -> assembler.assemble(NUMBER, List.of(foreign)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static ParsedRow ok(String file, long line, Integer lineNumber, Integer ordinal, String hts, String duty,
            EntryFacts facts) {
        RowSource source = new RowSource(file, line);
        TariffRow row = new TariffRow(source, NUMBER, lineNumber, ordinal, hts, new BigDecimal(duty), facts);
        return new ParsedRow(source, NUMBER, row, List.of());
    }

    /** FACTS with another type, importer and entry date. */
    private static EntryFacts facts(String type, String importer, LocalDate entryDate) {
        return new EntryFacts(type, importer, entryDate, null, null, SummaryStatus.ACCEPTED,
                LiquidationStatus.UNLIQUIDATED, null, false, false, false, false, ProtestStatus.NONE, AdcvdStatus.NONE,
                StatementStatus.PAID, null);
    }

    /** FACTS with a payment date. */
    private static EntryFacts paidOn(LocalDate paymentDate) {
        return new EntryFacts("01", "IMP1", LocalDate.of(2025, 4, 10), null, paymentDate, SummaryStatus.ACCEPTED,
                LiquidationStatus.UNLIQUIDATED, null, false, false, false, false, ProtestStatus.NONE, AdcvdStatus.NONE,
                StatementStatus.PAID, null);
    }

}
