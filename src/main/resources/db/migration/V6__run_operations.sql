-- Fingerprint of every input file of a run (issue 7 item 3), recorded by the input check step before any row is
-- imported: size, modification time and SHA-256 of the bytes. A restart whose files differ is refused, and each
-- import partition checks size and modification time again before and after it reads, so a file changed in the
-- middle of the import fails the run instead of mixing two versions of it.
CREATE TABLE cape_input_fingerprint (
    run_id        BIGINT NOT NULL,
    file_index    INT    NOT NULL,
    source_file   TEXT   NOT NULL,
    size          BIGINT NOT NULL,
    modified_nanos BIGINT NOT NULL,
    sha256        TEXT   NOT NULL,
    PRIMARY KEY (run_id, file_index)
);
