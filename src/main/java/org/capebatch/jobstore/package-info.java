/**
 * The job store: the zero-setup embedded PostgreSQL of SPEC §1 (data kept under
 * {@code cape.work-dir} so a restart in another process finds it), started on its own
 * thread while Spring builds the context, and the DataSource that points at it or at an
 * external server.
 */
package org.capebatch.jobstore;
