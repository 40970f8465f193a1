-- Business state of cape-batch. Every table is keyed by the Spring Batch job instance (run_id), so a restart of the
-- same instance re-reads what earlier executions committed, and a new instance starts clean. The ledger is the
-- only table shared across instances: it is what makes ALREADY_DECLARED (SPEC §3, check 13) work.

-- Input files of a run, in name order (SPEC §1).
CREATE TABLE cape_input_file (
    run_id      BIGINT NOT NULL,
    file_index  INT    NOT NULL,
    source_file TEXT   NOT NULL,
    PRIMARY KEY (run_id, file_index)
);

-- Row counts per import partition (a file, or a byte range of a large CSV). rows_read = rows_staged (valid entry
-- number, parsed later) + rows_rejected (entry number invalid: the row cannot be tied to an entry).
CREATE TABLE cape_input_part (
    run_id        BIGINT NOT NULL,
    file_index    INT    NOT NULL,
    part          INT    NOT NULL,
    rows_read     BIGINT NOT NULL,
    rows_staged   BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    PRIMARY KEY (run_id, file_index, part)
);

-- Input rows with a valid entry number, as fragments: one row per run of consecutive input rows of one entry
-- (ES-003 exports list an entry's rows together, so usually one fragment per entry and file). payload holds the
-- rows' cells in Es003Column order (source.FragmentCodec); they are parsed once, by the assess step, in parallel.
-- Fragments ordered by (file_index, first_line) give an entry's rows back in input order.
CREATE TABLE cape_staged_fragment (
    run_id       BIGINT   NOT NULL,
    entry_number CHAR(11) NOT NULL,
    file_index   INT      NOT NULL,
    first_line   BIGINT   NOT NULL,
    row_count    INT      NOT NULL,
    payload      TEXT     NOT NULL,
    PRIMARY KEY (run_id, entry_number, file_index, first_line)
);

-- Every reason a row was not used (SPEC §5 rejected-rows.csv). seq orders several errors of one row.
CREATE TABLE cape_rejected_row (
    run_id       BIGINT  NOT NULL,
    file_index   INT     NOT NULL,
    line         BIGINT  NOT NULL,
    seq          INT     NOT NULL,
    source_file  TEXT    NOT NULL,
    column_name  TEXT    NOT NULL,
    value        TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    entry_number CHAR(11),
    PRIMARY KEY (run_id, file_index, line, seq)
);

-- One row per entry (SPEC §3–§4); group_key is the declaration group of an eligible entry (SPEC §5).
CREATE TABLE cape_assessment (
    run_id          BIGINT        NOT NULL,
    entry_number    CHAR(11)      NOT NULL,
    importer_number TEXT,
    entry_type      TEXT,
    status          TEXT          NOT NULL,
    reason          TEXT,
    reasons         TEXT          NOT NULL,
    remedy          TEXT          NOT NULL,
    deadline        DATE,
    urgent          BOOLEAN       NOT NULL,
    refund_deferred BOOLEAN       NOT NULL,
    ieepa_duty      NUMERIC(18,2) NOT NULL,
    interest        NUMERIC(18,2) NOT NULL,
    refund_total    NUMERIC(18,2) NOT NULL,
    rate_type       TEXT,
    rate_assumed    BOOLEAN       NOT NULL,
    group_key       TEXT,
    PRIMARY KEY (run_id, entry_number)
);

-- Declarations of a run (file stem without extension), assigned once in one transaction by the declare step.
CREATE TABLE cape_declaration (
    run_id      BIGINT NOT NULL,
    file_stem   TEXT   NOT NULL,
    group_key   TEXT   NOT NULL,
    sequence    INT    NOT NULL,
    entry_count INT    NOT NULL,
    PRIMARY KEY (run_id, file_stem)
);

-- Every entry ever put on a declaration, across job instances (SPEC §3 check 13; CAPE-RULES §1: never resubmit).
-- The primary key is the last guard against declaring an entry twice. A run's own rows are its declarations'
-- contents (declaration = file stem), which the render and report steps read back.
CREATE TABLE cape_ledger (
    entry_number CHAR(11)    NOT NULL PRIMARY KEY,
    run_id       BIGINT      NOT NULL,
    declaration  TEXT        NOT NULL,
    declared_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX cape_ledger_declaration ON cape_ledger (run_id, declaration, entry_number);

-- Output files written by a run, with their hash and data-row count, for manifest.json (SPEC §5).
CREATE TABLE cape_output_file (
    run_id BIGINT NOT NULL,
    path   TEXT   NOT NULL,
    sha256 TEXT   NOT NULL,
    rows   BIGINT NOT NULL,
    PRIMARY KEY (run_id, path)
);
