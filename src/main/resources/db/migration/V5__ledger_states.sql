-- The ledger's life after a declaration (SPEC §6): CBP's answers move every declared entry through the states of
-- SPEC §6.5, and an entry can be declared again after a release. Three tables carry it:
--   cape_ledger       the history of declarations: one row per entry and declaring run (was: one row per entry);
--   cape_entry_state  each entry's current state, the one row checks 13 and 14 of SPEC §3 read;
--   cape_answer       every answer row ever imported, with its outcome (the answers history, SPEC §6.6 answers.csv).

-- A re-declared entry gets a new declaration; its old one stays. The run's own rows are still its declarations'
-- contents, which the render and report steps read back by (run_id, declaration).
ALTER TABLE cape_ledger DROP CONSTRAINT cape_ledger_pkey;
ALTER TABLE cape_ledger ADD CONSTRAINT cape_ledger_pkey PRIMARY KEY (run_id, entry_number);

-- One row per entry on a complete declaration (its run's render step finished, so the files exist: an entry of a
-- run that failed for good after its declare step is not declared, issue 7). run_id/declaration/declared_on are
-- its latest declaration; assessed_run_id is the latest declaration run that assessed it (deadline and urgent of
-- entry-status.csv); changed_by is the job instance (declaration run or answers import) of the last change.
CREATE TABLE cape_entry_state (
    entry_number    CHAR(11)      NOT NULL PRIMARY KEY,
    state           TEXT          NOT NULL CHECK (state IN ('DECLARED', 'ACCEPTED', 'FAILED', 'RELEASED')),
    run_id          BIGINT        NOT NULL,
    declaration     TEXT          NOT NULL,
    declared_on     DATE          NOT NULL,
    importer_number TEXT,
    claim_number    TEXT,
    cbp_error       TEXT,
    error_class     TEXT          CHECK (error_class IN ('RESUBMIT', 'HOLD')),
    remedy          TEXT,
    refund_amount   NUMERIC(18,2),
    interest_amount NUMERIC(18,2),
    refund_number   TEXT,
    refund_date     DATE,
    refund_status   TEXT,
    assessed_run_id BIGINT        NOT NULL,
    changed_by      BIGINT        NOT NULL
);
CREATE INDEX cape_entry_state_state ON cape_entry_state (state);

-- Entries declared before this version were on complete declarations or their run is still to be restarted; both
-- were "declared" under the old rule, so they keep that meaning.
INSERT INTO cape_entry_state (entry_number, state, run_id, declaration, declared_on, importer_number,
                              assessed_run_id, changed_by)
SELECT l.entry_number, 'DECLARED', l.run_id, l.declaration,
       coalesce((SELECT CAST(max(p.parameter_value) AS DATE)
                   FROM batch_job_execution e
                   JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                  WHERE e.job_instance_id = l.run_id AND p.parameter_name = 'runDate'),
                CAST(l.declared_at AS DATE)),
       a.importer_number, l.run_id, l.run_id
  FROM cape_ledger l
  LEFT JOIN cape_assessment a ON a.run_id = l.run_id AND a.entry_number = l.entry_number;

-- The files of an answers import (SPEC §6.1): kind detected from the header, SHA-256 as in the job parameters.
-- rows is set when the file's rows are staged, in the same transaction, so a restart skips staged files.
CREATE TABLE cape_answer_file (
    import_id   BIGINT NOT NULL,
    file_index  INT    NOT NULL,
    source_file TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    sha256      TEXT   NOT NULL,
    rows        BIGINT,
    PRIMARY KEY (import_id, file_index)
);

-- Rows of an import read and validated but not applied yet. entry_number is null when the row was rejected (its
-- reason in message); the apply step turns these into cape_answer rows and deletes them.
CREATE UNLOGGED TABLE cape_answer_staged (
    import_id         BIGINT        NOT NULL,
    file_index        INT           NOT NULL,
    line              BIGINT        NOT NULL,
    entry_number      CHAR(11),
    entry_as_written  TEXT          NOT NULL,
    claim_number      TEXT          NOT NULL,
    kind              TEXT          NOT NULL,
    cbp_status        TEXT          NOT NULL,
    error_description TEXT          NOT NULL,
    action            TEXT,
    importer_number   TEXT,
    refund_amount     NUMERIC(18,2),
    interest_amount   NUMERIC(18,2),
    refund_number     TEXT,
    refund_date       DATE,
    refund_status     TEXT,
    message           TEXT,
    PRIMARY KEY (import_id, file_index, line)
);

-- Every answer row ever imported, in import order, with what it did (SPEC §6.5 "every answer is kept as
-- history"; SPEC §6.6 answers.csv). from_state/to_state are null for rows that did not touch a ledger entry.
CREATE TABLE cape_answer (
    import_id         BIGINT NOT NULL,
    file_index        INT    NOT NULL,
    line              BIGINT NOT NULL,
    source_file       TEXT   NOT NULL,
    entry_number      TEXT   NOT NULL,
    claim_number      TEXT   NOT NULL,
    kind              TEXT   NOT NULL,
    cbp_status        TEXT   NOT NULL,
    error_description TEXT   NOT NULL,
    outcome           TEXT   NOT NULL CHECK (outcome IN ('APPLIED', 'UNCHANGED', 'UNKNOWN_ENTRY', 'REFUSED', 'REJECTED')),
    message           TEXT   NOT NULL,
    from_state        TEXT,
    to_state          TEXT,
    PRIMARY KEY (import_id, file_index, line)
);
