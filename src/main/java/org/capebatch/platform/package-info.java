/**
 * Infrastructure the job runs on: the zero-setup embedded PostgreSQL job store of SPEC §1 and its DataSource, remote
 * partitioning with PostgreSQL as the only transport (profiles {@code manager} and {@code worker}, classes
 * {@code Remote*}), plus small cross-cutting helpers such as masking sensitive numbers in log text.
 */
package org.capebatch.platform;
