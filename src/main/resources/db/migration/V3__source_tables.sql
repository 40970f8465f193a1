-- Canonical source tables for input=db (SPEC §1): a broker's ETL fills them, or replaces them with views of the
-- same names and columns over its own schema. One row per entry summary, one row per tariff line; the columns are
-- those of SPEC §2. Values are validated by the same rules as a file (entry number check digit, status words...),
-- and a tariff line without an entry summary, or a summary without tariff lines, becomes a DATA_ERROR entry rather
-- than disappearing.
CREATE TABLE cape_source_entry (
    entry_summary_number         TEXT    NOT NULL PRIMARY KEY,
    entry_type_code              TEXT    NOT NULL,
    importer_number              TEXT    NOT NULL,
    importer_type                TEXT,
    entry_date                   DATE    NOT NULL,
    entry_summary_date           DATE,
    payment_date                 DATE,
    entry_summary_status         TEXT,
    liquidation_status           TEXT,
    liquidation_date             DATE,
    reconciliation_flag          BOOLEAN NOT NULL DEFAULT false,
    reconciliation_summary_filed BOOLEAN NOT NULL DEFAULT false,
    drawback_flag                BOOLEAN NOT NULL DEFAULT false,
    surety_paid                  BOOLEAN NOT NULL DEFAULT false,
    protest_status               TEXT,
    adcvd_status                 TEXT,
    statement_status             TEXT
);

CREATE TABLE cape_source_tariff_line (
    entry_summary_number      TEXT    NOT NULL,
    entry_summary_line_number INT,
    tariff_ordinal_number     INT,
    hts_number_full           TEXT    NOT NULL,
    line_tariff_duty_amount   NUMERIC NOT NULL DEFAULT 0
);
CREATE INDEX cape_source_tariff_line_entry
    ON cape_source_tariff_line (entry_summary_number, entry_summary_line_number, tariff_ordinal_number);
