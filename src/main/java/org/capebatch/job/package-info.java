/**
 * The Spring Batch wiring of {@code capeDeclarationJob}: import → assess → declare →
 * render → report, its partitioners, listeners, the command-line runner and the
 * properties of SPEC §1.
 */
package org.capebatch.job;
