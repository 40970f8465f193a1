/**
 * PostgreSQL access shared by the steps: COPY for bulk loads, a savepoint around writers
 * so a retried chunk is accepted, and which database errors count as transient.
 */
package org.capebatch.jdbc;
