package org.capebatch.entry;

/** Importer Type (SPEC §2, §4): decides which overpayment rate applies. */
public enum ImporterType {

    CORPORATE, NON_CORPORATE

}
