package org.capebatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of SPEC §6.3: CBP's error text (matched by its start, any case, trimmed) to
 * class and remedy.
 */
class CbpErrorTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            UNABLE TO CALCULATE DUTY                              | RESUBMIT | -
            '  unable to calculate duty  '                        | RESUBMIT | -
            STATEMENT PROCESSING NOT COMPLETE                     | RESUBMIT | -
            PROTEST ON ENTRY                                      | RESUBMIT | -
            INVALID HTS                                           | HOLD     | FILE_PSC
            HTS RELATIONSHIP MISMATCH                             | HOLD     | FILE_PSC
            HTS RELATIONSHIP/SEQUENCE MISMATCH                    | HOLD     | FILE_PSC
            GOODS VALUE AMOUNT MUST BE REPORTED ON THE CH 1-97    | HOLD     | FILE_PSC
            Goods Value Amount Not Allowed on IEEPA HTS Line      | HOLD     | FILE_PSC
            ENTRY SUMMARY FLAGGED FOR RECON                       | HOLD     | AWAIT_PHASE
            ENTRY ON DRAWBACK                                     | HOLD     | AWAIT_PHASE
            ENTRY TYPE NOT ALLOWED                                | HOLD     | AWAIT_PHASE
            ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS          | HOLD     | PROTEST
            ENTRY SUMMARY IS CANCELLED/REJECTED                   | HOLD     | NONE
            NO IEEPA HTS ON ENTRY                                 | HOLD     | REVIEW
            ''                                                    | HOLD     | REVIEW
            """)
    void classify_WhenCbpText_ThenClassAndRemedyOfTheTable(String text, CbpErrorClass errorClass, Remedy remedy) {
        CbpError error = CbpError.classify(text);

        assertThat(error.errorClass()).isEqualTo(errorClass);
        assertThat(error.remedy()).isEqualTo(remedy);
        assertThat(error.text()).isEqualTo(text.trim());
    }

}
