package org.capebatch.generate;

import java.util.List;

/**
 * Column layout of generated ES-003 files: every column of SPEC §2 under its canonical
 * header, in an order like ACE's export, plus three columns real exports carry and the
 * job ignores.
 */
final class Es003Columns {

    static final int ENTRY_NUMBER = 0;
    static final int LINE_NUMBER = 1;
    static final int TARIFF_ORDINAL = 2;
    static final int ENTRY_TYPE = 3;
    static final int IMPORTER_NUMBER = 4;
    static final int IMPORTER_TYPE = 5;
    static final int PORT_OF_ENTRY = 6;
    static final int ENTRY_DATE = 7;
    static final int ENTRY_SUMMARY_DATE = 8;
    static final int PAYMENT_DATE = 9;
    static final int HTS_NUMBER = 10;
    static final int COUNTRY_OF_ORIGIN = 11;
    static final int GOODS_VALUE = 12;
    static final int DUTY_AMOUNT = 13;
    static final int SUMMARY_STATUS = 14;
    static final int LIQUIDATION_STATUS = 15;
    static final int LIQUIDATION_DATE = 16;
    static final int RECONCILIATION_FLAG = 17;
    static final int RECONCILIATION_SUMMARY_FILED = 18;
    static final int DRAWBACK_FLAG = 19;
    static final int SURETY_PAID = 20;
    static final int PROTEST_STATUS = 21;
    static final int ADCVD_STATUS = 22;
    static final int STATEMENT_STATUS = 23;

    static final List<String> HEADERS = List.of("Entry Summary Number", "Entry Summary Line Number",
            "Tariff Ordinal Number", "Entry Type Code", "Importer Number", "Importer Type", "Port of Entry Code",
            "Entry Date", "Entry Summary Date", "Payment Date", "HTS Number - Full", "Country of Origin Code",
            "Line Tariff Goods Value Amount", "Line Tariff Duty Amount", "Entry Summary Status", "Liquidation Status",
            "Liquidation Date", "Reconciliation Flag", "Reconciliation Summary Filed", "Drawback Flag", "Surety Paid",
            "Protest Status", "ADCVD Status", "Statement Status");

    static final int COUNT = HEADERS.size();

    private Es003Columns() {
    }

}
