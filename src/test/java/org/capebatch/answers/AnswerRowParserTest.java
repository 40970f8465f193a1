package org.capebatch.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validation of answer rows (SPEC §6.2, §6.4): every malformed row is rejected with its
 * column and value.
 */
class AnswerRowParserTest {

    private static final AnswerHeader CLAIMS = AnswerHeader
        .detect(ImportKind.RESULTS, List.of("ENTRY_NUMBER", "CLAIM_NUMBER", "STATUS", "ERROR_DESCRIPTION"))
        .orElseThrow();

    private static final AnswerHeader ES022 = AnswerHeader
        .detect(ImportKind.RESULTS, List.of("Claim Number", "Claim Status", "Importer Number", "Entry Summary Number",
                "Refund Amount", "Interest Amount", "Refund Number", "Refund Date", "Refund Status"))
        .orElseThrow();

    @ParameterizedTest(name = "{0},{1},{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-",
            textBlock = """
                    ="ABC12345676" | ="100000241223" | Entry Summary Updated | ACCEPT  | -
                    abc-1234567-6  | 100000241223    | entry_summary_updated | ACCEPT  | -
                    ABC12345676    | 100000241223    | FAILED                | FAIL    | -
                    ABC12345676    | ''              | Failed                | FAIL    | -
                    ABC12345670    | 100000241223    | Failed                | -       | ENTRY_NUMBER 'ABC12345670': check digit is 0, expected 6
                    ''             | 100000241223    | Failed                | -       | ENTRY_NUMBER '': entry number is blank
                    ABC12345676    | 1000-0024       | Failed                | -       | CLAIM_NUMBER '1000-0024': claim number must be digits
                    ABC12345676    | ''              | Entry Summary Updated | -       | CLAIM_NUMBER '': claim number is blank; an accepted entry has one
                    ABC12345676    | 100000241223    | Accepted              | -       | STATUS 'Accepted': unknown status: expected Entry Summary Updated (accepted) or Failed
                    """)
    void parse_WhenClaimDetailsRow_ThenActionOrRejectionNamingColumnAndValue(String entry, String claim, String status,
            AnswerAction action, String rejection) {
        AnswerRow row = AnswerRowParser.parse(CLAIMS, 2, new String[] { entry, claim, status, "INVALID HTS" });

        assertThat(row.action()).isEqualTo(action);
        assertThat(row.rejectMessage()).isEqualTo(rejection);
        assertThat(row.kind()).isEqualTo(AnswerKind.CLAIM_DETAILS);
        if (rejection == null) {
            assertThat(row.entryNumber()).isEqualTo("ABC12345676");
        }
    }

    @Test
    void parse_WhenEs022RowWithRefund_ThenPrincipalInterestAndDateInSpecFormats() {
        AnswerRow row = AnswerRowParser.parse(ES022, 7, new String[] { "=\"100000241223\"", "Accepted", "12-3456789AB",
                "ABC-1234567-6", "$1,234.50", "(0.00)", "R-1", "05/12/2026", "Treasury Issued" });

        assertThat(row.rejected()).isFalse();
        assertThat(row.action()).isEqualTo(AnswerAction.ACCEPT);
        assertThat(row.claimNumber()).isEqualTo("100000241223");
        assertThat(row.refundAmount()).isEqualByComparingTo("1234.50");
        assertThat(row.interestAmount()).isEqualByComparingTo("0");
        assertThat(row.refundDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(row.cbpStatus()).isEqualTo("Accepted");
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            12,34.5    | 05/12/2026 | Refund Amount '12,34.5'
            1.234      | 05/12/2026 | Refund Amount '1.234': amount has fractions of a cent
            12.00      | 02/30/2026 | Refund Date '02/30/2026': no such date
            """)
    void parse_WhenEs022MoneyOrDateMalformed_ThenRejectedWithColumnAndValue(String amount, String date,
            String message) {
        AnswerRow row = AnswerRowParser.parse(ES022, 3,
                new String[] { "100000241223", "", "", "ABC12345676", amount, "", "", date, "" });

        assertThat(row.rejectMessage()).startsWith(message);
        assertThat(row.action()).isNull();
    }

    @Test
    void parse_WhenReleaseList_ThenEveryRowReleasesItsEntry() {
        AnswerHeader release = AnswerHeader.detect(ImportKind.RELEASE, List.of("Entry Number")).orElseThrow();

        AnswerRow row = AnswerRowParser.parse(release, 2, new String[] { "ABC12345676" });

        assertThat(row.kind()).isEqualTo(AnswerKind.RELEASE);
        assertThat(row.action()).isEqualTo(AnswerAction.RELEASE);
    }

}
