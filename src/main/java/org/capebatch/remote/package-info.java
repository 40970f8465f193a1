/**
 * Remote partitioning with PostgreSQL as the only transport (profiles {@code manager} and
 * {@code worker}): the partition handler, the request channel, the workers and the locks
 * that tell a lost worker from a slow one.
 */
package org.capebatch.remote;
