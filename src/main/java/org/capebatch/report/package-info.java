/**
 * The run's reports (SPEC §5): assessments.csv, rejected-rows.csv, summary.xlsx and
 * manifest.json, plus the helpers every output file shares — cell formatting, atomic
 * publish, stable xlsx bytes, SHA-256.
 */
package org.capebatch.report;
