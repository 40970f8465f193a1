/**
 * Writing output files, shared by the declaration, answers and report features: atomic
 * temporary-name-then-rename files with their hashes, CSV cells (formula neutralising),
 * and workbooks whose bytes are stable across restarts.
 */
package org.capebatch.output;
