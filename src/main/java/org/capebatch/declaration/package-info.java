/**
 * CAPE declarations (SPEC §5): grouping eligible entries and splitting them into files of
 * at most {@code max-entries}, the ledger of what was declared, and the CSV/XLSX
 * renderers of the upload files.
 */
package org.capebatch.declaration;
