/**
 * CBP's answers (SPEC §6): reading Claim Details, ES-022 reports and release lists,
 * applying them to the ledger's states in import order, and writing answers.csv,
 * entry-status.csv, status.xlsx and the manifest of an import.
 */
package org.capebatch.answers;
