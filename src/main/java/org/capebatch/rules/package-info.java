/**
 * Eligibility of an entry for a CAPE declaration as of the run date: the thirteen checks
 * of SPEC §3, in order, each a small named rule, and the assessment that joins them with
 * the refund estimate. Plain Java.
 */
package org.capebatch.rules;
